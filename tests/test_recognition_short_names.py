"""Short needs that name their procedure (stop 39, task S1; the needs are constructed from
the rules' logic, not taken from the corpus).

A short heading says the procedure's name and one word the catalogue does not explain
(« exonérante », « crèche », « colocation »): that word weighs the best candidate's
confidence under the suggestion bar. The rules that show a dominant candidate anyway
(``LevelRules._keyword_said``, ``_decisive``) read the words as written, not a lexicon
phrase's meaning; so an official acronym said as written (« ALD », « CMG », « APL »),
which the lexicon also expands, never counted as naming its procedure, though it is its
keyword and stands in its title (« Affection de longue durée (ALD) »). It now does when a
title and a keyword of the procedure both hold the phrase (``decision._as_written``);
a keyword no title holds is not its name (« mutuelle », a keyword of the C2S). And one
fiche at two partners (the CAF's and the MSA's APL) is one candidate to dominate the
others, not its own rival.

« définition », « bénéficiaire(s) », « prétendre » say what a heading asks of a named
benefit, not which one (``data/generic.txt``): « définition » reached « Réexpédition
*définitive* du courrier ».
"""

from __future__ import annotations

import pytest

from mfs_core.recognition import Level, Recogniser
from mfs_core.recognition.normalise import generic_words

ALD = "cnam.affection-longue-duree"
CMG = "caf.complement-mode-garde"
APL = ("caf.aide-logement", "msa.aide-logement")


@pytest.mark.parametrize(
    ("need", "first"),
    [
        # one-word acronyms, keywords and title words of their procedure (_decisive)
        ("ALD exonérante", ALD),
        ("protocole de soins ALD", ALD),
        ("CMG et crèche familiale", CMG),
        # a two-word phrase of the CMG's title and keywords (_keyword_said)
        ("assistante maternelle agréée plafond", CMG),
    ],
)
def test_an_acronym_of_the_name_said_as_written_is_shown(
    recogniser: Recogniser, need: str, first: str
) -> None:
    recognition = recogniser.recognise(need)
    assert recognition.level is Level.WEAK, recognition
    assert recognition.chosen == 1
    assert recognition.candidates[0].procedure == first


def test_twins_are_one_candidate_to_dominate(recogniser: Recogniser) -> None:
    # « APL »: a keyword and title word of the CAF's and the MSA's aide au logement, one
    # fiche; the CAF's scores 1.1 times the MSA's and 2 times the next.
    recognition = recogniser.recognise("APL colocation étudiante")
    assert recognition.level is Level.WEAK, recognition
    assert recognition.chosen == 2
    assert {c.procedure for c in recognition.candidates[:2]} == set(APL)


def test_the_unit_keeps_the_phrase_as_said(recogniser: Recogniser) -> None:
    text, found, marks = recogniser.read_need("mon ALD")
    words, _ = recogniser._terms.words(found, text, marks)
    (ald,) = [word for word in words if word.span]
    assert ald.phrase == frozenset({"ald"})
    assert {"affect", "dur"} <= ald.stems  # its meaning, as before


@pytest.mark.parametrize(
    "need",
    [
        # « mutuelle »: a keyword of the C2S and a lexicon phrase, in no title of it
        "résilier ma mutuelle",
        # the corpus's near misses stay as they were
        "permis de chasse",
    ],
)
def test_a_keyword_outside_the_name_is_not_said_as_written(
    recogniser: Recogniser, need: str
) -> None:
    assert recogniser.recognise(need).level is Level.NONE


def test_heading_words_are_words_of_how_a_request_is_asked() -> None:
    assert {"definition", "beneficiaire", "beneficiaires", "pretendre"} <= generic_words()


@pytest.mark.parametrize(
    ("need", "first"),
    [
        ("définition de l'ASS", "france-travail.ass"),
        ("Qui peut prétendre à l'ASS ?", "france-travail.ass"),
        ("bénéficiaires de l'AAH", "caf.aah"),
    ],
)
def test_heading_words_no_longer_dilute_the_need(
    recogniser: Recogniser, need: str, first: str
) -> None:
    recognition = recogniser.recognise(need)
    assert recognition.level is Level.CONFIDENT, recognition
    assert recognition.candidates[0].procedure == first


def test_definition_is_not_definitive(recogniser: Recogniser) -> None:
    # « définition » and « définitive » share a stem and differ in two final letters:
    # « ASPA : définition » put the réexpédition définitive first.
    recognition = recogniser.recognise("ASPA : définition")
    assert recognition.candidates[0].procedure in ("cnav.aspa", "msa.aspa")
    assert "la-poste.reexpedition-courrier" not in [c.procedure for c in recognition.candidates]
    # « définitive » itself still names it
    assert recogniser.recognise("réexpédition définitive de mon courrier").best.procedure == (
        "la-poste.reexpedition-courrier"
    )


@pytest.mark.parametrize(
    "need", ["faire suivre mon courrier définitivement", "faire suivre courrier définitif"]
)
def test_a_generic_word_leaves_another_word_of_its_stem_its_own(
    recogniser: Recogniser, need: str
) -> None:
    # review 39: « définition » is a word of how a request is asked; its stem, which the
    # catalogue holds only through « définitive », must not make « définitivement » a
    # word that names nothing (the claim became a question with the temporary forwarding)
    recognition = recogniser.recognise(need)
    assert recognition.level is Level.CONFIDENT, recognition
    assert recognition.candidates[0].procedure == "la-poste.reexpedition-courrier"
