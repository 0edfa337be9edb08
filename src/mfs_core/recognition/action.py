"""The action a need names on an object: the procedure of the action before the object's.

« Comment contester sa taxe foncière ? » names an action, « contester », on an object, the
taxe foncière. The object's procedure scores most (its keyword is said whole), yet the
need asks for the action's procedure, the réclamation: the code général des impôts says a
tax is contested by a réclamation (R*190-1), whatever the tax. « Les allocations chômage
peuvent-elles être supprimées ? » is the radiation's question (F1638), not the
allowance's.

:file:`data/actions.toml` lists the actions, each as data with its public source:
``say``, the words of the action, each form written out (single words, compared
accent-free: « contester », « conteste », « contestation »; not by stem, which would read
the tax office's « réclamé » — « un supplément peut-il être *réclamé* ? » — as the
resident's « réclamation »); ``title``, one word of the title of the procedures the action
names (« réclamation »). :meth:`Actions.rival` finds, among the first
candidates shown (:data:`REACH`), a procedure whose title holds the ``title`` word of an
action the need says, of the best candidate's partner, when the best one's title does
not hold it: the action applies to the object of that body. The recogniser places it
first — a claim of the object's procedure becomes a question between the two (stop 40).
Conversely, :meth:`Actions.unsaid` tells a best candidate whose title names an action the
need does not say (« Rachat de trimestres » for « Combien de trimestres … pour toucher une
retraite ? ») from a next one of the same partner, naming none, that explains the need as
much: the recogniser lists that one first (never in a claim).

A word the need says under a negation is no action asked: the verb between « ne » and its
particle (« je *ne conteste pas* ma taxe foncière »), the word a negation bears on (« *sans
erreur* », « *pas d'erreur* »: :func:`~mfs_core.recognition.negation.negated_positions`).
An action word the catalogue does not hold is still read (its form is compared, not its
index term).
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Mapping, Sequence
from importlib import resources
from typing import Any

import attrs

from mfs_core.errors import InputError
from mfs_core.recognition.index import ProcedureIndex
from mfs_core.recognition.negation import negated_positions
from mfs_core.recognition.normalise import Token, Word, fold, tokens
from mfs_core.recognition.scoring import Row

__all__ = ["REACH", "Action", "Actions", "load_actions", "read_actions"]

#: The action's procedure is looked for among the first five candidates ranked.
REACH = 5
#: Entries and words of one entry at most (the file is hand-written; a larger one is
#: refused rather than read).
_MAX_ENTRIES = 100
_MAX_WORDS = 40
#: A verb between « ne » and its particle (« je ne *conteste* pas »); read on texts of
#: :data:`~mfs_core.recognition.normalise.MAX_TEXT_CHARS` at most, like every reading.
_NE_VERB = re.compile(
    r"\bn(?:e\s+|['’]\s*)"
    # an object pronoun may stand before the verb (« je ne *la* conteste pas »: review 40)
    r"(?:(?:la|le|les|lui|leur|me|te|se|nous|vous|y|en)\s+|[lmts]['’]\s*)?"
    r"(\w+)\s+(?:pas|plus|jamais|gu[eè]re|point)\b",
    re.IGNORECASE,
)


@attrs.frozen
class Action:
    """The words ``said`` (accent-free forms) of an action name the procedures whose title
    holds the stem ``title``."""

    said: frozenset[str]
    title: str
    label: str  # the entry's ``title`` as written (for errors and docs)
    source: str


def read_actions(data: Mapping[str, Any], origin: str) -> tuple[Action, ...]:
    """The ``[[action]]`` entries of a TOML document (``origin`` names it in errors).

    Raises :class:`~mfs_core.errors.InputError` naming the entry and field: an unknown
    table or key, a ``say`` that is not a list of single meaningful words, a ``title``
    that is not one meaningful word, no ``source``, too many entries or words."""
    unknown = sorted(set(data) - {"action"})
    if unknown:
        raise InputError(f"{origin}: unknown table(s) {', '.join(unknown)}")
    entries = data.get("action", [])
    if not (isinstance(entries, list) and all(isinstance(e, dict) for e in entries)):
        raise InputError(f"{origin}: action: expected a list of tables ([[action]])")
    if len(entries) > _MAX_ENTRIES:
        raise InputError(f"{origin}: action: expected at most {_MAX_ENTRIES} entries")
    actions = []
    for n, entry in enumerate(entries):
        where = f"{origin}: action[{n}]"
        extra = sorted(set(entry) - {"say", "title", "source", "note"})
        if extra:
            raise InputError(f"{where}: unknown key{'s' * (len(extra) > 1)} {', '.join(extra)}")
        source = entry.get("source")
        if not (isinstance(source, str) and source.strip()):
            raise InputError(f"{where}.source: every entry cites its public source")
        title = entry.get("title")
        say = entry.get("say")
        if not (isinstance(say, list) and say and all(isinstance(w, str) for w in say)):
            raise InputError(f"{where}.say: expected a non-empty list of words")
        if len(say) > _MAX_WORDS:
            raise InputError(f"{where}.say: expected at most {_MAX_WORDS} words")
        said = frozenset(_one_word(word, f"{where}.say").plain for word in say)
        if not isinstance(title, str):
            raise InputError(f"{where}.title: expected one word of a procedure's title")
        actions.append(Action(said, _one_word(title, f"{where}.title").stem, title, source))
    return tuple(actions)


def _one_word(word: str, where: str) -> Token:
    found = tokens(word)
    if len(found) != 1:
        raise InputError(f"{where}: {word!r}: expected one meaningful word")
    return found[0]


@functools.cache
def load_actions() -> tuple[Action, ...]:
    """The built-in actions (:file:`data/actions.toml`), read once per process."""
    text = resources.files(__package__).joinpath("data/actions.toml").read_text("utf-8")
    return read_actions(tomllib.loads(text), "mfs_core/recognition/data/actions.toml")


class Actions:
    """The actions over one index: by stem said, the procedures (numbers) it names."""

    def __init__(self, index: ProcedureIndex, actions: Sequence[Action]) -> None:
        titles = [frozenset(t.stem for t in tokens(d.title)) for d in index.documents]
        named: dict[str, set[int]] = {}
        for action in actions:
            numbers = {n for n, title in enumerate(titles) if action.title in title}
            if numbers:
                for plain in action.said:
                    named.setdefault(plain, set()).update(numbers)
        #: a form of an action (accent-free) -> the procedures whose title names that action
        self.named = {stem: frozenset(numbers) for stem, numbers in named.items()}
        #: the procedures whose title names an action
        self.titled = frozenset().union(*self.named.values())
        self._partner_of = [d.partner for d in index.documents]

    def unsaid(self, ranked: Sequence[Row], found: Sequence[Word], text: str) -> bool:
        """Whether the best candidate of ``ranked`` names in its title an action the need
        (its meaningful words ``found``) does not say, and the next, of the same partner,
        names none and explains as much of the need (its confidence): « Combien de
        trimestres … pour toucher une retraite ? » asks no « rachat », and the durée
        d'assurance explains it as much as the « Rachat de trimestres ». Raises nothing."""
        if len(ranked) < 2:
            return False
        best, second = ranked[0][4], ranked[1][4]
        if best not in self.titled or second in self.titled:
            return False
        if self._partner_of[best] != self._partner_of[second] or ranked[1][6] < ranked[0][6]:
            return False
        return best not in self.said(found, text)

    def said(self, found: Sequence[Word], text: str) -> frozenset[int]:
        """The procedures whose title names an action the need ``text`` (its meaningful
        words ``found``) says, not under a negation (module docstring). Raises nothing."""
        named: set[int] = set()
        negated: frozenset[int] | None = None
        for n, word in enumerate(found):
            numbers = self.named.get(word[1])
            if numbers is None:
                continue
            if negated is None:  # read once, and only for a need that says an action
                verbs = _ne_verbs(text)
                negated = negated_positions(text) | {
                    n for n, w in enumerate(found) if w[1] in verbs
                }
            if n not in negated:
                named.update(numbers)
        return frozenset(named)

    def rival(self, ranked: Sequence[Row], found: Sequence[Word], text: str) -> int | None:
        """The number of the first of ``ranked[1:REACH]`` whose title names an action the
        need ``text`` (its meaningful words ``found``) says (:meth:`said`), of the best
        candidate's partner, when the best one's title names none of those actions; else
        ``None``. Raises nothing."""
        if len(ranked) < 2 or not self.named:
            return None
        named = self.said(found, text)
        best = ranked[0][4]
        if not named or best in named:
            return None
        partner = self._partner_of[best]
        for row in ranked[1:REACH]:
            if row[4] in named and self._partner_of[row[4]] == partner:
                return row[4]
        return None


def _ne_verbs(text: str) -> frozenset[str]:
    """The verbs ``text`` says between « ne » and a negation particle (accent-free)."""
    return frozenset(fold(m.group(1).casefold()) for m in _NE_VERB.finditer(text))
