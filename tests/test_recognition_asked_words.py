"""A one-word keyword the catalogue asks about many matters names no procedure when it is
all the need says (issue-14bc).

« délai » is the keyword of the délai de paiement des impôts, and a word of the question
titles of eight other fiches (« Quel est le délai … ? »): « quel est le délai ? », a
question about time limits in general, was claimed for the délai de paiement at confidence
1.0. Said with another word of it, or of its partner, it still names it. The phrasings are
constructed (the lead's, stop 31: the task issue-14bc).
"""

from __future__ import annotations

import pytest

from mfs_core.recognition import Level, Recogniser
from mfs_core.recognition.specificity import SHARED, widespread_stems


@pytest.mark.parametrize("need", ["quel est le délai ?", "délai", "médiateur"])
def test_the_word_alone_is_shown_not_claimed(recogniser: Recogniser, need: str) -> None:
    recognition = recogniser.recognise(need)
    assert recognition.level is Level.WEAK, (need, recognition.best)


@pytest.mark.parametrize(
    ("need", "procedure"),
    [
        ("délai de paiement", "dgfip.delai-de-paiement"),  # two of its keywords
        ("quel est le délai pour les impôts ?", "dgfip.delai-de-paiement"),  # its partner
    ],
)
def test_with_another_word_of_it_the_word_still_names_it(
    recogniser: Recogniser, need: str, procedure: str
) -> None:
    recognition = recogniser.recognise(need)
    assert recognition.level is Level.CONFIDENT, (need, recognition.best)
    assert recognition.candidates[0].procedure == procedure


def test_widespread_stems_count_the_fiches_that_only_ask() -> None:
    # (procedure number, weight, rank of the strongest field): ranks 0-2 name (keywords,
    # titles), 3-4 ask (question titles, description). Twins of one fiche count once.
    asked = [(n, 1.0, 3) for n in range(SHARED + 1)]
    fiches: list[str | None] = [f"F{n}" for n in range(SHARED + 2)]
    assert widespread_stems({"del": asked}, fiches) == {"del"}
    assert widespread_stems({"del": asked[:SHARED]}, fiches) == frozenset()
    # a fiche that names it by it does not count among those that ask
    named = [(n, 1.0, 0 if n == 0 else 3) for n in range(SHARED + 1)]
    assert widespread_stems({"del": named}, fiches) == frozenset()
    # one fiche at two partners is one fiche; pairs of words are never read
    twins = [*asked[:SHARED], (SHARED + 1, 1.0, 3)]
    assert widespread_stems({"del": twins}, [*fiches[:SHARED], "F0", "F0"]) == frozenset()
    assert widespread_stems({"del_pai": asked}, fiches) == frozenset()
