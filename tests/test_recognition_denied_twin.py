"""A refuted twin settles the CAF-or-MSA question only when the resident denies it of
themself (review 34, finding 1).

Issue-14bh made « je ne suis pas agriculteur, … » claim the CAF's twin. A negation of
someone else's status, or one that is no denial at all, claimed it too; the question must
stay asked there. Every need here is constructed (an attack on the rule, not a corpus item).
"""

from __future__ import annotations

import pytest

from mfs_core.recognition import Level, Recogniser
from mfs_core.recognition.terms import denied_by_resident


@pytest.mark.parametrize(
    ("need", "twins"),
    [
        (
            "mon mari n'est pas agriculteur mais moi si, comment demander l'aide au logement ?",
            {"caf.aide-logement", "msa.aide-logement"},
        ),
        (
            "je ne suis pas seulement agriculteur, comment demander l'aide au logement ?",
            {"caf.aide-logement", "msa.aide-logement"},
        ),
        (
            "ma mère n'est pas agricultrice, comment demander la prime d'activité ?",
            {"caf.prime-activite", "msa.prime-activite"},
        ),
        # review 35: « ? non » and « sans être » were read as the resident's own denial
        # whoever they were about (the CAF claimed, « réponse immédiate » at the counter)
        (
            "aide au logement, mon mari agriculteur ? non",
            {"caf.aide-logement", "msa.aide-logement"},
        ),
        (
            "mon mari, sans être agriculteur, touche l'aide au logement",
            {"caf.aide-logement", "msa.aide-logement"},
        ),
        (
            "mon frère agriculteur ? non, prime d'activité",
            {"caf.prime-activite", "msa.prime-activite"},
        ),
    ],
)
def test_a_negation_that_denies_nothing_of_the_resident_asks(
    recogniser: Recogniser, need: str, twins: set[str]
) -> None:
    # The twin question itself, CAF or MSA: before stop 35 the refuted twin was placed
    # last yet counted among the close ones, and the question asked « l'aide au logement
    # de la CAF ou le premier passport ? » (its two first candidates).
    recognition = recogniser.recognise(need)
    assert recognition.level is Level.AMBIGUOUS, recognition
    asked = {c.procedure for c in recognition.candidates[: recognition.chosen]}
    assert asked == twins, recognition


@pytest.mark.parametrize(
    ("need", "denied"),
    [
        ("agriculteur ? non, je veux le RSA", True),
        ("RSA sans être exploitant agricole", True),
        ("je suis plus agriculteur, je veux le RSA", True),
        ("mon mari n'est pas agriculteur", False),
        ("agriculteur non salarié", False),
        ("je ne suis pas seulement agriculteur", False),
    ],
)
def test_the_resident_s_denials_are_read_in_their_spoken_forms(need: str, denied: bool) -> None:
    # « agriculteur ? non » and « sans être » were refuted-and-placed-last by issue-14p
    # whoever denied; since stop 35 only the resident's denial refutes a twin at all.
    hint = "exploitant agricole" if "exploitant" in need else "agriculteur"
    assert denied_by_resident(need, [hint]) is denied


@pytest.mark.parametrize(
    "need",
    [
        "je ne suis pas agriculteur, comment demander la prime d'activité ?",
        "Je ne suis pas agriculteur, comment demander l’aide au logement ?",
        "je suis pas agriculteur comment demander l'aide au logement",
    ],
)
def test_the_resident_s_own_denial_settles_it(recogniser: Recogniser, need: str) -> None:
    recognition = recogniser.recognise(need)
    assert recognition.level is Level.CONFIDENT, recognition
    assert recognition.best is not None, recognition
    assert recognition.best.partner == "caf", recognition


# -- review 35 (constructed attacks on the rules above) ------------------------------------


@pytest.mark.parametrize(
    "need",
    [
        "aide au logement, je ne suis pas affiliée à la msa",
        "aide au logement. agriculteur : non",
    ],
)
def test_a_denied_msa_is_never_claimed(recogniser: Recogniser, need: str) -> None:
    # Both claimed the MSA's aide au logement at 100 %: the negation took « affiliée »
    # alone, and a « non » after a colon answered nothing.
    recognition = recogniser.recognise(need)
    assert recognition.best is not None
    assert recognition.best.partner == "caf", recognition


def test_a_partner_named_again_unnegated_is_not_refuted(recogniser: Recogniser) -> None:
    # « je ne suis pas exploitant, je suis salarié agricole »: the MSA was refuted by the
    # first hint and the need claimed nothing, the MSA's candidate listed last at 100 %.
    recognition = recogniser.recognise(
        "je ne suis pas exploitant, je suis salarié agricole, aide au logement"
    )
    assert recognition.level is Level.CONFIDENT, recognition
    assert recognition.best is not None
    assert recognition.best.procedure == "msa.aide-logement"


def test_a_colon_answer_negates_only_when_it_is_the_whole_answer() -> None:
    from mfs_core.recognition.negation import negated_positions

    assert negated_positions("aide au logement. agriculteur : non") == {2}  # agriculteur
    assert negated_positions("carte vitale : non reçue") == {2}  # « reçue », not the card
