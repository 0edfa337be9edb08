"""A negated « payer » in the passive is what the resident was not paid, not what the
resident cannot pay (review 38, stop 38).

The lexicon reads « je ne peux pas payer » as the tax remise gracieuse (« Impossibilité
de payer son impôt », F34392). « je n'ai pas été payé par mon employeur » (constructed by
review 38) was a confident claim of it: the negated participle matched the same stem. The
employer's unpaid wages go to the Inspection du travail or the prud'hommes
(https://p6000site.fr/?p=1541), no procedure of a France services partner. The entry is
now ``active``: where the resident says it of themself in the passive (« été » after a
first- or second-person « avoir »), it weighs as a word the catalogue lacks and reaches
nothing (review 38b: read as « payer », « je n'ai pas été payé » asked the tax payment
procedures; « mon impôt n'a pas été payé » is the tax, still the remise).
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
        ("je n'ai toujours pas été payée", {0}),
        ("vous n'avez jamais été payé ?", {0}),
        # review 38b: the tax, or a third person, not the resident: not the resident's own
        ("mon impôt n'a pas été payé à temps", set()),
        ("mon salaire n'a pas été payé", set()),
        ("je ne peux pas payer mes impôts", set()),
        ("cet été je n'ai pas payé", set()),  # the season, before « je »
    ],
)
def test_the_passive_is_the_resident_s_own(text: str, passive: set[int]) -> None:
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
        "je n'ai pas été payée ce mois-ci",
        # review 38b: read as « payer », the bare form asked the tax payment procedures
        "je n'ai pas été payé",
        "je n'ai jamais été payé",
    ],
)
def test_not_being_paid_claims_no_tax_procedure(recogniser: Recogniser, need: str) -> None:
    recognition = recogniser.recognise(need)
    assert recognition.level is Level.NONE, recognition
    assert not any("impossibilité de payer" in m for c in recognition.candidates for m in c.matched)
    assert not any(c.procedure.startswith("dgfip.") for c in recognition.candidates[:1])


def test_the_tax_not_paid_still_claims_the_remise(recogniser: Recogniser) -> None:
    # review 38b, finding M1: 377b2fb read every passive as the resident's own, and lost it
    recognition = recogniser.recognise("mon impôt n'a pas été payé à temps")
    assert recognition.level is Level.CONFIDENT
    assert recognition.candidates[0].procedure == REMISE


@pytest.mark.parametrize(
    "need", ["je ne peux pas payer mes impôts", "je n'arrive pas à payer mon impôt"]
)
def test_not_being_able_to_pay_still_claims_the_remise(recogniser: Recogniser, need: str) -> None:
    recognition = recogniser.recognise(need)
    assert recognition.level is Level.CONFIDENT
    assert recognition.candidates[0].procedure == REMISE
