"""A refuted twin settles the CAF-or-MSA question only when the resident denies it of
themself (review 34, finding 1).

Issue-14bh made « je ne suis pas agriculteur, … » claim the CAF's twin. A negation of
someone else's status, or one that is no denial at all, claimed it too; the question must
stay asked there. Every need here is constructed (an attack on the rule, not a corpus item).
"""

from __future__ import annotations

import pytest

from mfs_core.recognition import Level, Recogniser


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
    ],
)
def test_a_negation_that_denies_nothing_of_the_resident_asks(
    recogniser: Recogniser, need: str, twins: set[str]
) -> None:
    # As before issue-14bh: a question, not the CAF twin claimed (the refuted twin is
    # still left out of the twin question by the older rule, issue-14p).
    recognition = recogniser.recognise(need)
    assert recognition.level is Level.AMBIGUOUS, recognition
    assert recognition.candidates[0].procedure in twins, recognition


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
