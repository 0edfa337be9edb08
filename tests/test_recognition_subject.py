"""A title's subject the need says nothing of (issue 14, branch issue-14u).

service-public.fr titles a procedure « <subject> : <démarche> » (« Carte grise : changement
d'adresse »). issue-14t's rule (8ae4b0c, reverted) divided the score of every procedure whose
subject the need does not say: it lifted candidates reached by other words over them
(« Demander la nationalité française »: none -> weak). issue-14u keeps the rule to the first
place, between two candidates the need's words explain alike. The move cases failed on
f6e51f7; cases marked *guard* pass on both and hold what the rule must not change.

Needs marked *constructed* are written for the rule; the others are corpus items, each with
its public source.
"""

from __future__ import annotations

import pytest

from mfs_core.recognition import Level, Recogniser
from mfs_core.recognition.situation import naming_keywords, subjects, unsaid_subjects

MOVE = {"interieur.changement-adresse", "la-poste.reexpedition-courrier"}


CARTE_GRISE = {"interieur.carte-grise-adresse"}


@pytest.mark.parametrize(
    ("need", "first"),
    [
        ("Changer d'adresse lors d'un déménagement", MOVE),  # constructed
        ("nouvelle adresse après un déménagement : qui prévenir ?", MOVE),  # constructed
        ("Comment faire pour changer son adresse lors d'un déménagement?", MOVE),  # corpus
        # guard: the subject said (constructed)
        ("changer l'adresse sur ma carte grise", CARTE_GRISE),
        # guard: a keyword naming the procedure alone (« ANEF », corpus)
        ("Déposer une demande en ligne via l’ANEF", {"interieur.titre-sejour"}),
    ],
)
def test_a_subject_the_need_does_not_say_does_not_come_first(
    recogniser: Recogniser, need: str, first: set[str]
) -> None:
    assert recogniser.recognise(need).candidates[0].procedure in first, need


def test_only_the_first_place_moves(recogniser: Recogniser) -> None:
    # corpus: the carte grise, first before, is second (8ae4b0c's division put the mail
    # forwarding before it too)
    need = "Comment faire pour changer son adresse lors d'un déménagement?"
    candidates = recogniser.recognise(need).candidates
    assert candidates[0].procedure in MOVE
    assert candidates[1].procedure in CARTE_GRISE


def test_the_rule_lifts_nothing_reached_by_other_words(recogniser: Recogniser) -> None:
    # guard (corpus negative): the titre de séjour's subject is unsaid, but the next
    # candidate, the CNAV's aide habitat, is reached by « nationalité ≈ nationale » only:
    # it must not come first and make the need a suggestion (8ae4b0c made it weak)
    recognition = recogniser.recognise("Demander la nationalité française")
    assert recognition.level is Level.NONE
    assert recognition.candidates[0].procedure == "interieur.titre-sejour"


def test_the_subject_is_the_situation_a_title_opens_with() -> None:
    situations = {"cart": [(frozenset({"cart", "gris"}), frozenset({0, 2}))]}
    assert subjects(situations) == {0: frozenset({"cart", "gris"}), 2: frozenset({"cart", "gris"})}
    # a keyword word held by at most two procedures names them; « adress » (three) none
    naming = naming_keywords([["adress"], ["anef", "adress"], ["adress"]])
    assert naming == (frozenset(), frozenset({"anef"}), frozenset())
    subject = {0: frozenset({"cart", "gris"}), 1: frozenset({"titr", "sejour"})}
    # unsaid: 0 (« adresse » only); 1 named by its keyword « anef »; 2 has no subject
    assert unsaid_subjects(subject, naming, {"adress", "anef"}, [0, 1, 2]) == {0}
    assert unsaid_subjects(subject, naming, {"gris"}, [0]) == frozenset()
