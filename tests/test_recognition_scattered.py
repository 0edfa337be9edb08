"""Words that scatter over procedures suggest nothing (issue-14af).

A claim the need does not name (``specificity.names``: « a word the procedure uses, not its
name ») was shown as a suggestion (``weak``). When, besides, the best candidate does not
dominate (:func:`~mfs_core.recognition.confidence.dominates`: under
:data:`~mfs_core.recognition.confidence.DOMINANT` times the next score) and the next one
rests on other words of the need (their ``matched`` words differ), no procedure holds the
need: each explains a part. The level is then ``none``. The negatives below were ``weak`` on
2fde806 (each test here fails there); the guards keep the suggestions of needs whose next
candidate explains the same words, or whose best dominates.

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
        # « carte perdue » reaches the lost identity card; the carte Vitale « mutuelle » too
        "Carte de mutuelle perdue : que faire ?",
        # « contester », « résultats » reach the category extension's questions only
        "Peut-on contester les résultats de l'examen du permis de conduire ?",
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
    assert set(first.matched) != set(second.matched)


@pytest.mark.parametrize(
    ("need", "expected"),
    [
        # the next candidates explain the same word: which of them is the question
        ("Chômage : les premières démarches", "france-travail.inscription"),
        # the best scores 1.8 times the next: a clear winner, still shown
        ("Que faire si vous avez perdu tous vos papiers en même temps ?", "interieur.cni-perdue"),
    ],
)
def test_a_suggestion_the_words_agree_on_is_kept(
    recogniser: Recogniser, need: str, expected: str
) -> None:
    found = recogniser.recognise(need)
    assert (found.level, found.candidates[0].procedure) == (Level.WEAK, expected)
