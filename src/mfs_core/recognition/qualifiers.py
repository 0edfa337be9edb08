"""A procedure's words that only qualify another of its words (« maladie *professionnelle* »).

A French noun phrase puts its head first and its qualifiers after it (« maladie
professionnelle », « accident du travail »; :mod:`~mfs_core.recognition.head`). A keyword's
later word, when the procedure's phrases hold it nowhere but after the words it follows in
that keyword, is one of its qualifiers: it says what kind of head, not what the procedure
is about. Said without that head, it qualifies something else: « déclarer mes revenus
*professionnels* » (revenus) is no « maladie *professionnelle* », and the accident du
travail was asked beside the tax return on that word alone (review 36, issue-14bo).

:class:`Qualifiers` reads, per procedure, such stems and the stems they follow
(:func:`qualifiers_of`), once per procedure asked about.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from mfs_core.model import Procedure
from mfs_core.recognition.index import field_texts, read_title
from mfs_core.recognition.normalise import tokens

__all__ = ["Qualifiers", "qualifiers_of"]


def qualifiers_of(procedure: Procedure) -> dict[str, frozenset[str]]:
    """The stems of ``procedure``'s keywords that are only qualifiers, each with the stems
    it follows in its keywords: never a keyword's first word (nor a keyword of its own),
    and, in every phrase of the procedure (keywords, titles, question titles, description),
    right after one of those stems.

    >>> from mfs_core.model import Procedure
    >>> p = Procedure(id="p.a", partner="p", title="Accident du travail ou maladie professionnelle",
    ...               keywords=("accident du travail", "maladie professionnelle"))
    >>> sorted((s, sorted(b)) for s, b in qualifiers_of(p).items())
    [('professionnel', ['malad']), ('travail', ['accident'])]
    """
    before: dict[str, set[str]] = {}
    leading: set[str] = set()
    keywords = [[t.stem for t in tokens(k)] for k in field_texts(procedure.keywords)]
    for stems in keywords:
        if stems:
            leading.add(stems[0])
        for n, stem in enumerate(stems[1:], 1):
            before.setdefault(stem, set()).update(stems[:n])
    found = {stem: heads for stem, heads in before.items() if stem not in leading}
    for text in _phrases(procedure):
        stems = [t.stem for t in tokens(text)]
        for n, stem in enumerate(stems):
            heads = found.get(stem)
            if heads is not None and (n == 0 or stems[n - 1] not in heads):
                del found[stem]  # said alone somewhere: a word of the procedure's own
    return {stem: frozenset(heads) for stem, heads in found.items()}


def _phrases(procedure: Procedure) -> Iterable[str]:
    """The phrases recognition reads of ``procedure`` (:mod:`~mfs_core.recognition.index`)."""
    yield from field_texts(procedure.keywords)
    yield from field_texts(read_title(procedure))
    yield from field_texts(procedure.fiche_title)
    yield from field_texts(procedure.questions)
    yield from field_texts(procedure.related_questions)
    yield from field_texts(procedure.description)


class Qualifiers:
    """The qualifier stems of procedures given by number (``procedures``: in the index's
    order), read on the first need that asks about each."""

    def __init__(self, procedures: list[Procedure]) -> None:
        self._procedures = procedures
        self._found: dict[int, Mapping[str, frozenset[str]]] = {}

    def detached(self, number: int, stem: str, said: frozenset[str]) -> bool:
        """Whether ``stem`` is only a qualifier of procedure ``number`` and the need
        (``said``: the stems of its words) says none of the words it follows there."""
        found = self._found.get(number)
        if found is None:
            found = self._found[number] = qualifiers_of(self._procedures[number])
        heads = found.get(stem)
        return heads is not None and heads.isdisjoint(said)
