"""The headline rows of the national report, split into the groups' rows and each month's sites.

A national year's headline query returns some 1,440 rows for the nation, régions and
départements, which every report reads, and some 33,600 site-months of about 40 counts
each, which most uses do not read (the text report, the JSON without ``by_site``, the
comparison of one site). :class:`Headline` keeps the groups' rows as Python tuples and
each month's sites as :class:`MonthSites`: the sites in order, where each is, and their
counts left as the engine returned them until one of the month's sites is read.

Two sources, one shape (so the figures cannot depend on the engine):

- :meth:`Headline.from_rows`: any engine's rows (Spark's ``collect()``);
- :meth:`Headline.from_arrow`: DuckDB's result as an Arrow table, columnar: turning the
  sites' 1.3 million counts into Python ints was a third of the Python side's time on a
  national year (``docs/national.md``).
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from mfs_core.national.errors import DatasetError

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["Headline", "MonthSites"]

#: Where a headline row holds its month, région, département, site and level id
#: (``query.headline_columns``; a test keeps the two in step).
MONTH_AT, REGION_AT, DEPARTEMENT_AT, SITE_AT, LEVEL_AT = range(5)

Row = Sequence[Any]


class MonthSites:
    """One month's sites: ids in order (``sites``), each one's position (``index``), where
    each is (``places``: site -> (département, région)), and their headline rows, made
    when first read (:meth:`rows`). ``breakdowns`` collects each site's open-dimension
    counts when the breakdown query has sites' rows: site -> dimension -> value -> n."""

    __slots__ = ("_load", "_rows", "breakdowns", "index", "places", "sites")

    def __init__(
        self,
        month: str,
        sites: list[str],
        places: Iterable[tuple[str, str]],
        rows: Callable[[], list[Row]],
    ) -> None:
        self.sites = sites
        self.index = {site: position for position, site in enumerate(sites)}
        if len(self.index) != len(sites):
            # Sorted, so a site with two rows has them side by side.
            twice = next(a for a, b in itertools.pairwise(sites) if a == b)
            raise DatasetError(
                f"month {month}: site {twice} has rows in two départements or régions "
                "(exported with two INSEE codes?)"
            )
        self.places = dict(zip(sites, places, strict=True))
        self._load: Callable[[], list[Row]] | None = rows
        self._rows: list[Row] = []
        self.breakdowns: dict[str, dict[str, dict[str, int]]] = {}

    def row(self, site: str) -> Row:
        """The headline row of ``site`` (:class:`KeyError` for a site not in the month)."""
        position = self.index[site]
        if self._load is not None:
            self._rows, self._load = self._load(), None
        return self._rows[position]


class Headline:
    """The headline query's rows: ``groups``, the rows of the nation, régions and
    départements (any order), and ``sites``, month -> :class:`MonthSites`."""

    __slots__ = ("groups", "sites")

    def __init__(self, groups: list[Row], sites: dict[str, MonthSites]) -> None:
        self.groups, self.sites = groups, sites

    @classmethod
    def from_rows(cls, rows: Iterable[Row], width: int, site_level: int) -> Headline:
        """Split ``rows`` of ``width`` columns; a row whose level id is ``site_level`` is a
        site's. Raises :class:`DatasetError` for a row of another width or a site with two
        rows in a month."""
        groups: list[Row] = []
        by_month: dict[str, list[Row]] = {}
        for row in rows:
            if len(row) != width:
                raise DatasetError(f"headline rows of {len(row)} columns, expected {width}")
            if int(row[LEVEL_AT]) == site_level:
                by_month.setdefault(row[MONTH_AT], []).append(row)
            else:
                groups.append(row)
        sites = {}
        for month, found in by_month.items():
            found.sort(key=_site_key)
            sites[month] = MonthSites(
                month,
                [str(row[SITE_AT]) for row in found],
                [(row[DEPARTEMENT_AT], row[REGION_AT]) for row in found],
                found.copy,
            )
        return cls(groups, sites)

    @classmethod
    def from_arrow(cls, table: pa.Table, width: int, site_level: int) -> Headline:
        """Split an Arrow ``table`` of the headline's ``width`` columns, as
        :meth:`from_rows` does; a month's site counts become Python values when one of its
        sites is first read. Raises what :meth:`from_rows` raises."""
        import pyarrow.compute as pc

        if table.num_columns != width:
            raise DatasetError(f"headline rows of {table.num_columns} columns, expected {width}")
        is_site = pc.equal(table.column(LEVEL_AT), site_level)
        groups = _tuples(table.filter(pc.invert(is_site)))
        # Arrow orders strings by their UTF-8 bytes: the order of Python's str.
        table = table.filter(is_site).sort_by(
            [
                (table.column_names[MONTH_AT], "ascending"),
                (table.column_names[SITE_AT], "ascending"),
            ]
        )
        months = table.column(MONTH_AT).to_pylist()
        site_ids = [str(site) for site in table.column(SITE_AT).to_pylist()]
        places = list(
            zip(
                table.column(DEPARTEMENT_AT).to_pylist(),
                table.column(REGION_AT).to_pylist(),
                strict=True,
            )
        )
        sites = {}
        start = 0
        for month, run in itertools.groupby(months):
            end = start + sum(1 for _ in run)
            part = table.slice(start, end - start)
            sites[month] = MonthSites(
                month,
                site_ids[start:end],
                places[start:end],
                functools.partial(_tuples, part),
            )
            start = end
        return cls(groups, sites)


def _site_key(row: Row) -> str:
    return str(row[SITE_AT])


def _tuples(table: pa.Table) -> list[Row]:
    """The rows of ``table`` as tuples (one conversion per column: faster than per row)."""
    return list(zip(*(column.to_pylist() for column in table.columns), strict=True))
