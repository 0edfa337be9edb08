"""How residents say it at the counter: « je viens … », « j'ai perdu mon travail »
(review 38, stop 38; the needs are the reviewer's, constructed, unless said).

« venir » says how the resident comes (« je viens pour ma carte grise ») or that something
just happened (« je viens de perdre mon emploi »): unknown to the catalogue, it weighed as
another subject, and « je viens de perdre mon emploi » recognised nothing while « j'ai perdu
mon emploi » is a claim. It is now a word of how a request is asked (data/generic.txt).
« j'ai perdu mon travail » suggested the lost passport: the lexicon read « perdu mon
emploi » as the registration at France Travail, not « travail » (dossierfamilial.com:
« après la perte de son travail … engager l'inscription »).
"""

from __future__ import annotations

import pytest

from mfs_core.recognition import Level, Recogniser
from mfs_core.recognition.normalise import generic_words

INSCRIPTION = "france-travail.inscription"


def test_venir_is_a_word_of_how_a_request_is_asked() -> None:
    assert {"viens", "vient", "venez"} <= generic_words()


@pytest.mark.parametrize(
    ("need", "first"),
    [
        ("je viens de perdre mon emploi", INSCRIPTION),
        ("je viens d'être licencié", INSCRIPTION),
        ("je viens faire ma déclaration d'impôts", "dgfip.declaration-revenus"),
        ("je viens pour renouveler mon passeport", "interieur.passeport-renouvellement"),
        # the tune corpus (a web page's heading): none before
        (
            "Vous venez d’acheter une voiture d’occasion et vous voulez circuler librement avec ?",
            "interieur.carte-grise-occasion",
        ),
    ],
)
def test_venir_no_longer_dilutes_the_need(recogniser: Recogniser, need: str, first: str) -> None:
    recognition = recogniser.recognise(need)
    assert recognition.level in (Level.CONFIDENT, Level.AMBIGUOUS), recognition
    assert recognition.candidates[0].procedure == first


@pytest.mark.parametrize(
    "need", ["j'ai perdu mon travail", "perte de son travail", "il a perdu son travail"]
)
def test_losing_one_s_work_is_the_registration(recogniser: Recogniser, need: str) -> None:
    recognition = recogniser.recognise(need)
    assert recognition.level is Level.CONFIDENT, recognition
    assert recognition.candidates[0].procedure == INSCRIPTION
