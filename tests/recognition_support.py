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


class Answering:
    """A suggestion gate (:class:`mfs_core.recognition.gate.Gate`) answering always
    ``answer``: a recogniser built with it shows the rules' own outcome under a claim, the
    gate set apart (``True``: every need under a claim suggested, as a withdrawn claim was
    before issue-14bn; ``False``: none, unless a rule shows it)."""

    def __init__(self, answer: bool) -> None:
        self.answer = answer

    def suggests(self, features: object) -> bool:
        return self.answer
