"""Helpers shared by the recognition tests."""

from __future__ import annotations

from mfs_core.recognition.negation import negated_positions
from mfs_core.recognition.normalise import tokens


def negated_words(text: str) -> set[str]:
    """The words of ``text`` a negation bears on, as written."""
    words = [t.word for t in tokens(text)]
    return {words[n] for n in negated_positions(text)}
