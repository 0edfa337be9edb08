"""General faults of the tune misses (issue 14, branch issue-14v), each a test that failed on
98621fc: a thing not received is that thing's procedure; the head of a noun phrase a
« pour » complement qualifies; a damaged parcel in a resident's words.

Needs marked *constructed* are written for the rule, not taken from a public source; the
others are corpus items, each with its public source (``tests/data/recognition/``).
"""

from __future__ import annotations

import pytest

from mfs_core.recognition import Level, Recogniser
from mfs_core.recognition.head import head_position

# -- a permit not received is the permit's procedure (its fabrication), not La Poste's ------


@pytest.mark.parametrize(
    "need",
    [
        "Que faire si je n’ai toujours pas reçu mon permis?",  # corpus (tune)
        "je n'ai pas reçu mon permis de conduire",  # constructed
    ],
)
def test_a_permit_not_received_is_its_fabrication(recogniser: Recogniser, need: str) -> None:
    recognition = recogniser.recognise(need)
    assert recognition.best is not None
    assert recognition.best.procedure == "interieur.permis-apres-examen"
    matched = " ".join(m for c in recognition.candidates for m in c.matched)
    assert "réclamation" not in matched


def test_a_parcel_not_received_is_still_the_claim(recogniser: Recogniser) -> None:
    # constructed: the guard (La Poste's own « pas reçu »)
    best = recogniser.recognise("je n'ai pas reçu mon colis").best
    assert best is not None
    assert best.procedure == "la-poste.reclamation"


def test_a_permit_received_says_nothing_of_its_fabrication(recogniser: Recogniser) -> None:
    # constructed: the phrase counts only under a negation
    recognition = recogniser.recognise("j'ai reçu mon permis")
    assert all("fabrication" not in m for c in recognition.candidates for m in c.matched)


# -- the head of the noun phrase: « une procuration pour le retrait… » ----------------------


@pytest.mark.parametrize(
    ("text", "head"),
    [
        (
            "Qu’est-ce qu’une procuration pour le retrait d’une lettre recommandée ?",
            (0, "procuration"),
        ),
        ("obtenir une procuration pour voter", (1, "procuration")),  # « obtenir »: how it is asked
        ("carte de séjour pour étudiant", None),  # « de » follows: no head read
        ("demande de RSA", None),
        ("je veux voter pour la première fois", None),  # the first word is no head of « pour »
        ("", None),
    ],
)
def test_head_position(text: str, head: tuple[int, str] | None) -> None:
    assert head_position(text) == head


def test_the_head_comes_before_its_complement(recogniser: Recogniser) -> None:
    # corpus (tune): claimed as the retrait, the procuration third
    recognition = recogniser.recognise(
        "Qu’est-ce qu’une procuration pour le retrait d’une lettre recommandée ?"
    )
    assert recognition.best is not None
    assert recognition.best.procedure == "la-poste.procuration-postale"
    assert recognition.level is not Level.CONFIDENT  # the retrait explains more: a question


def test_a_head_reaching_no_complement_word_moves_nothing(recogniser: Recogniser) -> None:
    # constructed: « procuration » reaches the vote and La Poste's procuration, which the
    # complement's own words (« retirer », « colis ») do not reach: the retrait stays first
    best = recogniser.recognise("une procuration pour retirer un colis").best
    assert best is not None
    assert best.procedure == "la-poste.retrait-avis-passage"


# -- a damaged parcel in a resident's words -------------------------------------------------


def test_a_gutted_parcel_is_a_claim(recogniser: Recogniser) -> None:
    # corpus (tune): the réclamation was fifth, behind the retrait on « boîte aux lettres »
    recognition = recogniser.recognise(
        "Il a ouvert sa boîte aux lettres et a vu le colis éventré, vidé de son contenu"
    )
    assert "la-poste.reclamation" in [c.procedure for c in recognition.candidates[:3]]


@pytest.mark.parametrize("need", ["colis déchiré : que faire ?", "j'ai reçu un colis écrasé"])
def test_a_damaged_parcel_is_a_claim(recogniser: Recogniser, need: str) -> None:
    # constructed
    best = recogniser.recognise(need).best
    assert best is not None
    assert best.procedure == "la-poste.reclamation"
