"""A word said several times is one piece of evidence (issue-14m).

Before, each repetition of a known word added its information again, so « pacs » said fifty
times outweighed the unknown « chasse » beside it and claimed the tax return's change of
situation at 97 %; repeated unknown words faded instead (each weighed half the one before).
The reviewer of stop 21 found it with a need of a hundred repeated words. Constructed.
"""

from __future__ import annotations

import pytest

from mfs_core.recognition import Level, Recogniser


def _outcome(recogniser: Recogniser, need: str) -> tuple[object, ...]:
    recognition = recogniser.recognise(need)
    best = recognition.best
    return (
        recognition.level,
        best and best.procedure,
        best and best.confidence,
        best and best.score,
        best and best.matched,
    )


@pytest.mark.parametrize(
    ("once", "repeated"),
    [
        ("pacs chasse", "pacs " * 50 + "chasse"),
        ("pacs chasse", "chasse " + "pacs " * 99),
        ("réversion chasse", "réversion " * 100 + "chasse"),
        ("vitale zorglub", "vitale " + "zorglub " * 100),
        ("pacs", "Pacs PACS pacs"),
        ("RSA agriculteur", "RSA RSA agriculteur agriculteur"),
    ],
)
def test_a_repeated_word_counts_once(recogniser: Recogniser, once: str, repeated: str) -> None:
    assert _outcome(recogniser, repeated) == _outcome(recogniser, once)


def test_a_repeated_known_word_does_not_make_a_claim(recogniser: Recogniser) -> None:
    assert recogniser.recognise("pacs chasse").level is not Level.CONFIDENT
    assert recogniser.recognise("pacs " * 50 + "chasse").level is not Level.CONFIDENT
