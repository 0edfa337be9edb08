"""Helpers shared by the recognition tests."""

from __future__ import annotations

from mfs_core.recognition.negation import negated_positions
from mfs_core.recognition.normalise import tokens


def negated_words(text: str) -> set[str]:
    """The words of ``text`` a negation bears on, as written."""
    words = [t.word for t in tokens(text)]
    return {words[n] for n in negated_positions(text)}


#: Corpus items (tune split, each with its public source in ``needs.jsonl``) that ask the
#: démarches of unemployment: the registration at France Travail (issue-14q, issue-14r).
UNEMPLOYED_DEMARCHES = (
    "Quelles démarches administratives suivre lorsqu'on se retrouve au chômage ?",
    "Les démarches administratives lorsqu'on est au chômage",
    "Chômage : quelles démarches dois-je faire ?",
    "Chômage : les premières démarches",
)
