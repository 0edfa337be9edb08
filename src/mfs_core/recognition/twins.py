"""Twins: the same official fiche served by procedures of different partners.

The CAF and the MSA serve the same service-public.fr fiche (the RSA, the prime
d'activité...): only the resident's regime tells them apart. Whether the best candidate's
twin makes a question (CAF or MSA?) must not depend on how many candidates the caller asked
for, so the twins the need's words reached join the pool (:meth:`Twins.with_twins`); the
level's rules ask them together (:mod:`~mfs_core.recognition.decision`) unless a hint or a
refuted partner (:meth:`Twins.refuted`) settles it.
"""

from __future__ import annotations

import itertools
from collections import defaultdict

from mfs_core.recognition.scoring import Row

__all__ = ["Twins"]


class Twins:
    """The twins of each procedure of one index (``fiche_of``, ``partner_of``: each
    procedure's fiche id, or ``None``, and partner, by number); fixed, so found once."""

    def __init__(self, fiche_of: list[str | None], partner_of: list[str]) -> None:
        self._partner_of = partner_of
        #: by number, the other partners' procedures with the same official fiche
        self.of = _twins_by_number(fiche_of, partner_of)
        #: the procedures that have twins
        self.twinned = frozenset(n for n, twins in enumerate(self.of) if twins)

    def with_twins(self, pool: list[int], scores: dict[int, float]) -> list[int]:
        """``pool`` and the twins (same fiche, another partner) of its procedures that the
        need's words reached: whether the best candidate's twin makes a question (CAF or
        MSA?) must not depend on how many candidates the caller asked for (``limit``)."""
        if self.twinned.isdisjoint(pool):
            return pool  # most needs: no pooled procedure has a twin (one look-up each, in C)
        return self._added(pool, scores)

    def _added(self, pool: list[int], scores: dict[int, float]) -> list[int]:
        """:meth:`with_twins` when a pooled procedure has a twin (its own method: the
        generator below made cells on every need)."""
        twins_of = self.of
        extra: list[int] = []
        for number in pool:
            others = twins_of[number]
            if others:  # most procedures have none
                extra += (t for t in others if t in scores and t not in pool and t not in extra)
        return pool + sorted(extra) if extra else pool

    def of_best(self, ranked: list[Row]) -> list[int]:
        """The best candidate and the other partners' candidates with its fiche (the CAF
        and the MSA serve the same service-public.fr fiche): one item when it has none."""
        if not ranked:
            return []
        first = ranked[0][4]
        twins = [first]
        others = self.of[first]
        if others:  # most procedures have none
            for row in itertools.islice(ranked, 1, None):
                if row[4] in others:
                    twins.append(row[4])
        return twins

    def refuted(self, ranked: list[Row], partners: set[str]) -> frozenset[int]:
        """The best candidate's twins at one of ``partners``, the partners whose hint the
        need says under a negation (« je ne suis *pas agriculteur* »,
        :meth:`~mfs_core.recognition.terms.NeedTerms.refuted_hints`): the twin
        question, CAF or MSA, is answered the other way. Empty when the need refutes no
        partner, or every twin's."""
        group = self.of_best(ranked)
        partner_of = self._partner_of
        # A loop: a generator made cells of ``self`` and ``partners``.
        found = []
        for n in group:
            if partner_of[n] in partners:
                found.append(n)
        out = frozenset(found)
        return out if len(out) < len(group) else frozenset()


def _twins_by_number(fiche_of: list[str | None], partner_of: list[str]) -> list[frozenset[int]]:
    """Per procedure number, the other partners' procedures with its fiche: one set
    per fiche and partner, shared by that partner's procedures of the fiche."""
    by_fiche: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for number, fiche in enumerate(fiche_of):
        if fiche is not None:
            by_fiche[fiche].setdefault(partner_of[number], []).append(number)
    shared: dict[tuple[str, str], frozenset[int]] = {}
    twins: list[frozenset[int]] = []
    for number, fiche in enumerate(fiche_of):
        if fiche is None:
            twins.append(frozenset())
            continue
        key = (fiche, partner_of[number])
        found = shared.get(key)
        if found is None:
            others = by_fiche[fiche]
            found = frozenset(n for p, ns in others.items() if p != key[1] for n in ns)
            shared[key] = found
        twins.append(found)
    return twins
