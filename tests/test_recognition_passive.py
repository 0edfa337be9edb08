"""A negated « payer » in the passive is what the resident was not paid, not what the
resident cannot pay (review 38, stop 38).

The lexicon reads « je ne peux pas payer » as the tax remise gracieuse (« Impossibilité
de payer son impôt », F34392). « je n'ai pas été payé par mon employeur » (constructed by
review 38) was a confident claim of it: the negated participle matched the same stem. The
employer's unpaid wages go to the Inspection du travail or the prud'hommes
(https://p6000site.fr/?p=1541), no procedure of a France services partner. The entry is
now ``active``: it counts only where its word is not said right after « été ».
"""

from __future__ import annotations

import pytest

from mfs_core.recognition import Level, Recogniser
from mfs_core.recognition.lexicon import load_lexicon
from mfs_core.recognition.negation import negated_positions, passive_positions

REMISE = "dgfip.remise-gracieuse"


@pytest.mark.parametrize(
    ("text", "passive"),
    [
        ("je n'ai pas été payé par mon employeur", {0}),  # « payé », the first meaningful word
        ("mon salaire n'a pas été payé", {1}),
        ("je ne peux pas payer mes impôts", set()),
        ("cet été je n'ai pas payé", set()),  # the season, before « je »
    ],
)
def test_the_passive_is_the_word_right_after_ete(text: str, passive: set[int]) -> None:
    assert passive_positions(text) == passive


def test_the_passive_word_is_still_negated() -> None:
    # the negation is read as before; only the lexicon entry marked active skips it
    assert 0 in negated_positions("je n'ai pas été payé par mon employeur")


def test_the_impossibility_of_paying_is_an_active_entry() -> None:
    (entry,) = [e for e in load_lexicon().expansions if e.label == "payer"]
    assert entry.negated
    assert entry.active


@pytest.mark.parametrize(
    "need",
    [
        "je n'ai pas été payé par mon employeur",
        "mon salaire n'a pas été payé",
        "je n'ai pas été payée ce mois-ci",
    ],
)
def test_not_being_paid_claims_no_tax_procedure(recogniser: Recogniser, need: str) -> None:
    recognition = recogniser.recognise(need)
    assert recognition.level not in (Level.CONFIDENT, Level.AMBIGUOUS), recognition
    assert not any("impossibilité de payer" in m for c in recognition.candidates for m in c.matched)


@pytest.mark.parametrize(
    "need", ["je ne peux pas payer mes impôts", "je n'arrive pas à payer mon impôt"]
)
def test_not_being_able_to_pay_still_claims_the_remise(recogniser: Recogniser, need: str) -> None:
    recognition = recogniser.recognise(need)
    assert recognition.level is Level.CONFIDENT
    assert recognition.candidates[0].procedure == REMISE
