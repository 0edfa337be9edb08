"""General faults of the tune misses (issue 14, branch issue-14q): each a test that failed
on main at e19aa47.

Phrasings with a source are corpus items (``tests/data/recognition/needs.jsonl``, tune
split, each with its public source); those marked *constructed* are robustness cases
written for the rule, not taken from a public source.
"""

from __future__ import annotations

import pytest

from mfs_core.errors import InputError
from mfs_core.recognition import Level, Recogniser
from mfs_core.recognition.lexicon import Lexicon, load_lexicon
from recognition_support import UNEMPLOYED_DEMARCHES

ARE = ("france-travail.are-avant-avril-2025", "france-travail.are-depuis-avril-2025")
FRANCE_TRAVAIL = (*ARE, "france-travail.inscription")


# -- words of how a request is asked reach no procedure (lexicon [[asked]]) --------------


@pytest.mark.parametrize(
    "need",
    [
        *UNEMPLOYED_DEMARCHES,
        "désirez savoir quelles démarches accomplir ensuite pour toucher le chômage",
    ],
)
def test_how_a_request_is_asked_does_not_pick_the_procedure(
    recogniser: Recogniser, need: str
) -> None:
    """Before: « administratives » alone put the certificat de situation administrative
    (non-gage) first, « démarches accomplir » the sale of a vehicle, « démarches » the
    work accident, « premières » the first tax return; now only « chômage » decides."""
    recognition = recogniser.recognise(need)
    assert recognition.candidates, need
    assert recognition.candidates[0].procedure in FRANCE_TRAVAIL, need
    shown = [c.procedure for c in recognition.candidates]
    for far in ("interieur.certificat-non-gage", "interieur.vendre-vehicule"):
        assert far not in shown, (need, shown)
    for candidate in recognition.candidates:
        assert not any("démarche" in m.casefold() for m in candidate.matched), need


def test_administrative_situation_is_still_the_certificate(recogniser: Recogniser) -> None:
    """« situation administrative » is the certificate's own name: only the phrase of how
    a request is asked is covered (constructed)."""
    best = recogniser.recognise("certificat de situation administrative de ma voiture").best
    assert best is not None
    assert best.procedure == "interieur.certificat-non-gage"


def test_a_title_with_the_form_words_is_still_found(recogniser: Recogniser) -> None:
    """The fiche title said whole still names its procedure by its subject words."""
    best = recogniser.recognise("Accident du travail : démarches à effectuer").best
    assert best is not None
    assert best.procedure in ("cnam.accident-du-travail", "msa.accident-du-travail")


def test_the_asked_phrases_have_a_source() -> None:
    asked = load_lexicon().asked
    assert {a.label for a in asked} >= {"démarches administratives", "démarche"}
    assert all(a.source.strip() for a in asked)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"asked": [{"say": ["démarches"]}]}, r"asked\[0\]\.source"),
        ({"asked": [{"say": [], "source": "x"}]}, r"asked\[0\]\.say"),
        ({"asked": [{"say": ["démarches"], "means": "x", "source": "x"}]}, "unknown key"),
        ({"asked": "démarches"}, "asked: expected a list of tables"),
    ],
)
def test_a_bad_asked_entry_is_named(data: dict[str, object], message: str) -> None:
    with pytest.raises(InputError, match=message):
        Lexicon.from_data(data, "lexicon")


# -- a keyword of two words or more said whole keeps a suggestion -------------------------


@pytest.mark.parametrize(
    ("need", "expected"),
    [
        ("vous réalisez que votre carte Vitale est introuvable", "cnam.carte-vitale"),
        (
            "Vous souhaitez avoir une identité numérique pour simplifier vos démarches en ligne ?",
            "la-poste.identite-numerique",
        ),
    ],
)
def test_a_whole_keyword_phrase_keeps_a_suggestion(
    recogniser: Recogniser, need: str, expected: str
) -> None:
    """Before: words the catalogue lacks (« réalisez », « introuvable ») weighed the
    confidence under the suggestion bar: `none`, with the right procedure first. The
    resident said its keyword whole: shown (weak), not claimed."""
    recognition = recogniser.recognise(need)
    assert recognition.level is Level.WEAK, need
    assert recognition.candidates[0].procedure == expected


def test_a_keyword_many_fiches_hold_keeps_nothing(recogniser: Recogniser) -> None:
    """« arrêt maladie » is held by three fiches: said with words of another matter
    (a corpus negative, congés payés), nothing is suggested."""
    need = "Un salarié peut-il acquérir des congés payés pendant un arrêt maladie ?"
    assert recogniser.recognise(need).level is Level.NONE


def test_a_lexicon_meaning_is_not_a_keyword_said(recogniser: Recogniser) -> None:
    """« mutuelle santé » stands for « complémentaire santé » (a keyword of the
    complémentaire santé solidaire), but the resident did not say it (a corpus negative)."""
    assert recogniser.recognise("refuser mutuelle santé obligatoire?").level is Level.NONE
