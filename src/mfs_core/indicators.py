"""The formulas of the monthly indicators, shared by the per-site and the national report.

The per-site report (:class:`mfs_core.report.monthly.MonthlyReport`, from the journal) and
the national one (:class:`mfs_core.national.indicators.Indicators`, from the Parquet
dataset) count the same things from different sources; the rates, the order of a
breakdown and the key of a missing value are defined once, here (``docs/report.md``):

- :func:`rate`: ``numerator / denominator``, ``None`` when nothing was counted;
- :func:`sorted_counts`: a breakdown's order, largest first then by key, zeros left out;
- :class:`HeadlineRates`: first-contact resolution and autonomy, from a report's
  ``total_requests``, ``resolved_first_contact`` and ``by_autonomy``.

It imports nothing of mfs_core, so that the national path stays light (no journal, no
SQLAlchemy); the codes it names are those of :mod:`mfs_core.journal.records` (a test keeps
them in step).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, Protocol

__all__ = ["NONE_KEY", "TOWARDS_AUTONOMY", "HeadlineRates", "rate", "sorted_counts"]

#: Key under which requests without a value (no partner, autonomy not recorded...) count.
NONE_KEY: Final = "_none"
#: The autonomy values that count towards autonomy: the resident did the procedure,
#: accompanied by the agent or alone (``Autonomy.ACCOMPANIED``, ``Autonomy.AUTONOMOUS``).
TOWARDS_AUTONOMY: Final = ("accompanied", "autonomous")


def rate(numerator: int, denominator: int) -> float | None:
    """``numerator / denominator``; ``None`` when the denominator is 0 (no rate, not 0 %)."""
    return numerator / denominator if denominator else None


def _order(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]


def sorted_counts(counts: Mapping[str, int]) -> dict[str, int]:
    """Non-zero counts, largest first, then by key: the output never depends on the order
    in which a store or an engine returned them."""
    return dict(sorted([item for item in counts.items() if item[1]], key=_order))


class _Counted(Protocol):
    @property
    def total_requests(self) -> int: ...
    @property
    def resolved_first_contact(self) -> int: ...
    @property
    def by_autonomy(self) -> Mapping[str, int]: ...


class HeadlineRates:
    """The headline rates of a report that has ``total_requests``, ``resolved_first_contact``
    and ``by_autonomy`` (``{autonomy: requests}``, :data:`NONE_KEY` when not recorded)."""

    __slots__ = ()

    @property
    def first_contact_resolution_rate(self: _Counted) -> float | None:
        """Requests resolved at the first contact / all requests of the month."""
        return rate(self.resolved_first_contact, self.total_requests)

    @property
    def autonomy_recorded(self: _Counted) -> int:
        """Requests whose autonomy was recorded."""
        return _recorded(self.by_autonomy)

    @property
    def towards_autonomy(self: _Counted) -> int:
        """Requests done by the resident, alone or accompanied by the agent."""
        return _towards(self.by_autonomy)

    @property
    def autonomy_rate(self: _Counted) -> float | None:
        """Share of the requests with autonomy recorded that the resident did (alone or
        accompanied) rather than the agent."""
        return rate(_towards(self.by_autonomy), _recorded(self.by_autonomy))


def _recorded(by_autonomy: Mapping[str, int]) -> int:
    return sum(n for key, n in by_autonomy.items() if key != NONE_KEY)


def _towards(by_autonomy: Mapping[str, int]) -> int:
    return sum(by_autonomy.get(key, 0) for key in TOWARDS_AUTONOMY)
