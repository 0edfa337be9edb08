"""Review 40's findings on stop 40's changes, by class (needs constructed from each
class's logic; sources in ``lexicon.toml``).

- « pièces à fournir », « documents à fournir », « pièces justificatives » say how a
  request is asked (the list every démarche has), not its subject: the word after them
  is (``[[asked]]``); they name the justificatif a question title asks for (``subject``).
- A partner named beside a thing of another matter (« logement social caf ») names a
  covered request: the phrase is its context, not the whole need.
- « je ne *la* conteste pas »: an object pronoun between « ne » and the verb keeps the
  negation on the action (:mod:`~mfs_core.recognition.action`).
- « ASS » written in capitals is the acronym, not « ass(urance) » cut short.
"""

from __future__ import annotations

import tomllib

import pytest

from mfs_core.errors import InputError
from mfs_core.recognition import Level, Recogniser
from mfs_core.recognition.action import load_actions
from mfs_core.recognition.lexicon import Lexicon
from mfs_core.recognition.normalise import tokens

_CLAIMS = (Level.CONFIDENT, Level.AMBIGUOUS)


@pytest.mark.parametrize(
    ("need", "prefix"),
    [
        ("pièces à fournir carte grise", "interieur.carte-grise-"),
        ("pièces à fournir passeport", "interieur.passeport-"),
        ("documents à fournir passeport", "interieur.passeport-"),
        ("pièces à fournir RSA", "caf.rsa"),
        ("pièces à fournir pour la CSS", "cnam.complementaire-sante-solidaire"),
    ],
)
def test_documents_to_provide_name_the_word_after_them(
    recogniser: Recogniser, need: str, prefix: str
) -> None:
    recognition = recogniser.recognise(need)
    assert recognition.level is not Level.NONE, recognition
    assert recognition.candidates[0].procedure.startswith(prefix), recognition


def test_documents_to_register_still_claim_the_justificatif(recogniser: Recogniser) -> None:
    recognition = recogniser.recognise("pièces à fournir pour s'inscrire à pôle emploi")
    assert recognition.level is Level.CONFIDENT, recognition
    assert recognition.candidates[0].procedure == "france-travail.justificatifs-inscription"


def test_documents_alone_name_nothing(recogniser: Recogniser) -> None:
    assert recogniser.recognise("pièces justificatives").level is Level.NONE


@pytest.mark.parametrize("need", ["logement social caf", "logement social et CAF"])
def test_a_partner_beside_a_thing_of_another_matter_is_still_asked(
    recogniser: Recogniser, need: str
) -> None:
    recognition = recogniser.recognise(need)
    assert recognition.level is not Level.NONE, recognition
    assert recognition.candidates[0].procedure == "caf.aide-logement", recognition


def test_social_housing_alone_stays_another_matter(recogniser: Recogniser) -> None:
    assert recogniser.recognise("demande de logement social").level is Level.NONE


@pytest.mark.parametrize(
    "need", ["je ne la conteste pas, taxe foncière", "je ne le conteste pas ma taxe foncière"]
)
def test_an_object_pronoun_keeps_the_negation_on_the_action(
    recogniser: Recogniser, need: str
) -> None:
    recognition = recogniser.recognise(need)
    assert recognition.candidates[0].procedure == "dgfip.taxe-fonciere", recognition


@pytest.mark.parametrize("need", ["ASS retraite anticipée", "bénéficiaire ASS retraite"])
def test_ass_in_capitals_is_the_acronym(recogniser: Recogniser, need: str) -> None:
    recognition = recogniser.recognise(need)
    shown = [c.procedure for c in recognition.candidates[:3]]
    assert "france-travail.ass" in shown, recognition


@pytest.mark.parametrize("need", ["ass maladie", "ass retraite", "ASS MALADIE"])
def test_ass_cut_short_in_lower_case_or_a_need_in_capitals_stays_the_name(
    recogniser: Recogniser, need: str
) -> None:
    recognition = recogniser.recognise(need)
    assert not (
        recognition.level is Level.CONFIDENT
        and recognition.candidates[0].procedure == "france-travail.ass"
    ), recognition


def test_an_asked_subject_must_be_one_word() -> None:
    data = tomllib.loads('[[asked]]\nsay = ["pièces à fournir"]\nsubject = 3\nsource = "s"\n')
    with pytest.raises(InputError, match=r"asked\[0\]\.subject"):
        Lexicon.from_data(data, "test")


def test_every_action_names_a_procedure_of_the_catalogue(recogniser: Recogniser) -> None:
    titles = [frozenset(t.stem for t in tokens(d.title)) for d in recogniser.index.documents]
    for action in load_actions():
        assert any(action.title in title for title in titles), action.label
