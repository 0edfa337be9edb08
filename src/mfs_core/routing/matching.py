"""Plain word matching for free-text needs: closest procedures and local services.

Deliberately simple and deterministic: words are lower-cased, stripped of accents, cut at
apostrophes and hyphens, and short or empty words dropped. A procedure scores
3 per word shared with its keywords, 2 per word shared with its title, and 1 when the
request's thematique is one of its thematiques (only if some word matched, since most
procedures share the broad thematiques). Ties are broken by procedure id.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import attrs

from mfs_core.model import Procedure
from mfs_core.routing.context import LocalService
from mfs_core.routing.decision import Alternative
from mfs_core.thematiques import thematique_label

__all__ = ["ProcedureIndex", "best_local_service", "words"]

_WORD = re.compile(r"[a-z0-9]+")
# French function words that would make every title match.
_STOP_WORDS = frozenset(
    (
        *("les", "des", "une", "pour", "par", "sur", "dans", "aux", "avec", "sans", "son"),
        *("ses", "leur", "est", "qui", "que", "quoi", "mon", "mes", "pas", "plus", "faire"),
        *("demande", "demander"),
    )
)


def words(text: str) -> frozenset[str]:
    """The meaningful words of ``text``, normalised for matching."""
    plain = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return frozenset(w for w in _WORD.findall(plain) if len(w) > 2 and w not in _STOP_WORDS)


def _keyword_words(keywords: Iterable[str]) -> frozenset[str]:
    found: set[str] = set()
    for keyword in keywords:
        found |= words(keyword)
    return frozenset(found)


@attrs.frozen
class _Entry:
    alternative_base: tuple[str, str, str]  # id, partner, title
    keywords: frozenset[str]
    title: frozenset[str]
    thematiques: frozenset[str]


class ProcedureIndex:
    """The words of every procedure, computed once when the router is built."""

    def __init__(self, procedures: Iterable[Procedure]) -> None:
        self._entries = tuple(
            _Entry(
                (p.id, p.partner, p.title),
                _keyword_words(p.keywords),
                words(p.title),
                frozenset(p.thematiques),
            )
            for p in sorted(procedures, key=lambda p: p.id)
        )

    def closest(self, text: str, thematique: str | None, limit: int) -> tuple[Alternative, ...]:
        """Up to ``limit`` procedures closest to ``text``, best first."""
        asked = words(text)
        if not asked:
            return ()
        scored: list[tuple[int, str, Alternative]] = []
        for entry in self._entries:
            score = 3 * len(asked & entry.keywords) + 2 * len(asked & entry.title)
            if not score:
                continue
            if thematique is not None and thematique in entry.thematiques:
                score += 1
            pid, partner, title = entry.alternative_base
            scored.append(
                (-score, pid, Alternative(procedure=pid, partner=partner, title=title, score=score))
            )
        scored.sort(key=lambda item: (item[0], item[1]))
        return tuple(item[2] for item in scored[:limit])


def best_local_service(
    services: Iterable[LocalService], need: str | None, thematique: str | None
) -> tuple[LocalService, str] | None:
    """The local service for a need, and why (French): a service covering the request's
    thematique first, else the one sharing most words of the need with its keywords; ties go
    to the smaller service id. The reason names a thematique by its label, not its code."""
    candidates = sorted(services, key=lambda s: s.id)
    if thematique is not None:
        for service in candidates:
            if thematique in service.thematiques:
                return service, f"il couvre la thématique « {thematique_label(thematique)} »"
    asked = words(need or "")
    best: tuple[int, LocalService] | None = None
    for service in candidates:
        shared = len(asked & _keyword_words(service.keywords))
        if shared and (best is None or shared > best[0]):
            best = (shared, service)
    if best is None:
        return None
    return best[1], "les mots du besoin correspondent à ses mots-clés"
