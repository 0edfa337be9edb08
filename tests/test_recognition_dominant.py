"""A clear, specific winner is suggested, not « none » (issue-14y).

A need whose words the catalogue does not know (the resident's story) weighs the best
candidate's confidence under the suggestion bar, even when one of the need's words is that
procedure's own keyword and no other procedure comes near. Such a winner is now suggested
(``weak``): it scores :data:`~mfs_core.recognition.confidence.DOMINANT` times the next one
or more (or is the only one reached), and the need says, as written, one of its keywords
that few fiches hold (``LevelRules._decisive``, with its guards). The positive cases failed
on 3c321f7 (level ``none``); each guard fails when one condition of the rule is taken away
(checked by removing each in turn).

Needs marked *constructed* are written for the rule, not taken from a public source; the
others are corpus items (tune split), each with its public source in
``tests/data/recognition/needs.jsonl``.
"""

from __future__ import annotations

import pytest

from mfs_core.recognition import Level, Recogniser
from mfs_core.recognition.confidence import DOMINANT, dominates


@pytest.mark.parametrize(
    ("need", "expected"),
    [
        # alone: the only procedure its words reach
        (
            "Que faire immédiatement après une tentative d'escroquerie ?",
            "justice.arnaques-internet",
        ),
        ("Qui peut générer un rapport HistoVec ?", "interieur.certificat-non-gage"),
        # far ahead: 4.8 and 8.5 times the next; 1.97 (two rare keywords)
        (
            "La vignette antipollution sera obligatoire dès lundi 16 janvier pour rouler dans "
            "les rues de Paris.",
            "interieur.crit-air",
        ),
        (
            "La Caf rappelle qu’elle peut les aider pour leur principal poste de dépense : "
            "le loyer.",
            "caf.aide-logement",
        ),
        (
            "Vous vendez votre véhicule ? Pensez au certificat de non gage et à l'historique "
            "Histovec.",
            "interieur.certificat-non-gage",
        ),
    ],
)
def test_a_clear_specific_winner_is_suggested(
    recogniser: Recogniser, need: str, expected: str
) -> None:
    recognition = recogniser.recognise(need)
    assert recognition.level is Level.WEAK
    assert recognition.best is not None
    assert recognition.best.procedure == expected
    assert recognition.chosen == 1


@pytest.mark.parametrize(
    "need",
    [
        # the keyword is a life event the title's subject lists: « Déclaration de
        # revenus : changement de situation (mariage, Pacs…) »; the need says no word of it
        "Qui peut conclure un Pacs ?",
        # « Permis de conduire : extension de catégorie », 8 times the next
        "Vous avez un projet de construction, d’extension, de modification, d’aménagement ?",
        # « calcul », a keyword of the tax simulator only, but three procedures hold the
        # word (mistyped in capitals, « CALCUL CONGES PAYES », it scores 6 times the next)
        "calcul congés payés",
        "CALCUL CONGES PAYES",
        # « suivi », the parcel tracking's keyword, a common French word alone
        "Comment un détenu est-il suivi après sa sortie de prison ?",
        # constructed: a common French word alone (« école », a keyword of the ARS, is
        # most of what residents say of school), far ahead and alone
        "Mon fils a été renvoyé de l'école pendant une semaine",
        # constructed: two rare keywords of two procedures, 1.08 times the next: no clear
        # winner
        "une tentative d'escroquerie au sujet du loyer de mon studio",
        # constructed (the corpus negative with compare_recognition.py's seeded typing
        # errors): « naissance », two thirds of the need, names the prime de naissance
        "Comment obtenir un extrait de Naissane graauitement",
        # constructed: the keyword reached only through a typing error
        "Que faire immédiatement après une tentative d'escroqeurie ?",
    ],
)
def test_a_winner_the_need_does_not_name_stays_unsuggested(
    recogniser: Recogniser, need: str
) -> None:
    recognition = recogniser.recognise(need)
    assert recognition.candidates  # listed for information, not suggested
    assert recognition.level is Level.NONE


def test_dominance_is_a_ratio_to_the_next_or_being_alone() -> None:
    assert dominates([5.0])
    assert dominates([DOMINANT * 2.0, 2.0])
    assert not dominates([DOMINANT * 2.0 - 0.01, 2.0, 1.0])
    assert not dominates([0.0])
