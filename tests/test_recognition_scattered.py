"""Words that scatter over procedures suggest nothing (issue-14af).

A claim the need does not name (``specificity.names``: « a word the procedure uses, not its
name ») was shown as a suggestion (``weak``). When, besides, the best candidate does not
dominate (:func:`~mfs_core.recognition.confidence.dominates`: under
:data:`~mfs_core.recognition.confidence.DOMINANT` times the next score) and each of the first
two explains a word of the need the other does not, no procedure holds the need: each
explains a part. The level is then ``none``. The negative below was ``weak`` on 2fde806
(the test fails there); the guards keep the suggestions of needs whose next candidate
explains the same words or only some of the best's (review 14f: a circumstance added to a
clear need), or whose best dominates.

Every need is a corpus item of the tune split, with its public source in
``tests/data/recognition/needs.jsonl``.
"""

from __future__ import annotations

import pytest

from mfs_core.recognition import Level, Recogniser
from mfs_core.recognition.confidence import dominates


@pytest.mark.parametrize(
    "need",
    [
        # « vote » reaches the procuration; « français », « étranger » the foreign licence
        "Le vote des Français à l'étranger",
    ],
)
def test_words_split_between_close_candidates_suggest_nothing(
    recogniser: Recogniser, need: str
) -> None:
    recognition = recogniser.recognise(need)
    assert recognition.level is Level.NONE, need
    assert recognition.chosen == 0
    first, second = recognition.candidates[:2]
    # The reason, as the agent reads it: close scores, different words explained.
    assert not dominates([first.score, second.score])
    assert set(first.matched) - set(second.matched)
    assert set(second.matched) - set(first.matched)


@pytest.mark.parametrize(
    ("need", "expected"),
    [
        # the next candidates explain the same word: which of them is the question
        ("Chômage : les premières démarches", "france-travail.inscription"),
        # the best scores 1.8 times the next: a clear winner, still shown
        ("Que faire si vous avez perdu tous vos papiers en même temps ?", "interieur.cni-perdue"),
        # constructed (review 14f, finding 1): the next candidate (the lettre recommandée)
        # explains only some of the best's words; d516f57 suggested nothing
        ("retirer une lettre recommandée à la place de mon mari", "la-poste.retrait-avis-passage"),
    ],
)
def test_a_suggestion_the_words_agree_on_is_kept(
    recogniser: Recogniser, need: str, expected: str
) -> None:
    found = recogniser.recognise(need)
    assert (found.level, found.candidates[0].procedure) == (Level.WEAK, expected)
