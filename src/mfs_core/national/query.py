"""The national report as SQL that DuckDB and Spark both run, and its rows turned into figures.

Two queries over a table (or view) ``requests`` of the dataset's columns plus ``site`` and
``month``, each one scan with ``GROUPING SETS``:

- the headline query: one row per month and group (the nation, each région, département
  and site), the closed dimensions counted as columns (``outcome__referral``...): outcome,
  autonomy, routing decision, latest follow-up, the outcomes that differ from the decision,
  and the resident counts;
- the breakdown query: requests per partner, procedure, thematique and channel (open sets
  of values, one row per value) for the nation, régions and départements, and sites when
  asked.

``GROUPING_ID`` tells which grouping set a row belongs to, so a genuine null (a request
without a partner) is never confused with a rolled-up column. The same SQL text runs on both
engines; :func:`assemble` turns the rows of either into :class:`NationalReport` objects, so
the figures cannot differ by the Python side.
"""

from __future__ import annotations

import collections
import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any, Final

from mfs_core.journal.records import DEFAULT_OUTCOME, Autonomy, EventKind, Outcome, RoutingDecision
from mfs_core.national.errors import DatasetError
from mfs_core.national.indicators import NONE_KEY, Indicators, NationalReport, sorted_counts
from mfs_core.national.reading import MONTH_PATTERN

__all__ = ["LEVELS", "OPEN_DIMENSIONS", "PIVOTS", "assemble", "breakdown_sql", "headline_sql"]

#: The groups of sites, from the widest; the nation is the group of no level column.
LEVELS: Final = ("region", "departement", "site")
#: Closed dimensions, counted as one column per value (and one for null).
PIVOTS: Final[dict[str, tuple[str, ...]]] = {
    "outcome": tuple(Outcome),
    "autonomy": tuple(Autonomy),
    "decision": tuple(RoutingDecision),
    "follow_up": tuple(EventKind),
}
#: Open dimensions: one row per value.
OPEN_DIMENSIONS: Final = ("partner", "procedure", "thematique", "channel")
_BREAKDOWN_COLUMNS: Final = (*LEVELS, *OPEN_DIMENSIONS)
_NONE_SUFFIX: Final = "_none"


def _months_clause(months: Sequence[str]) -> str:
    for month in months:
        if not MONTH_PATTERN.match(month):  # the SQL is built from these: checked first
            raise ValueError(f"month: expected YYYY-MM, got {month!r}")
    return ", ".join(f"'{month}'" for month in months)


def _count_if(condition: str, name: str) -> str:
    return f"SUM(CASE WHEN {condition} THEN 1 ELSE 0 END) AS {name}"


def headline_columns() -> tuple[str, ...]:
    """The columns of the headline query's rows, in order."""
    names = ["month", *LEVELS, "level_id", "n"]
    for dimension, values in PIVOTS.items():
        names += [f"{dimension}__{value}" for value in values]
        names.append(f"{dimension}__{_NONE_SUFFIX}")
    names += ["identified", "repeat_visits"]
    names += [f"differs__{decision}" for decision in RoutingDecision]
    return tuple(names)


def headline_sql(months: Sequence[str]) -> str:
    """The headline query over the table ``requests`` for ``months`` (``YYYY-MM``).

    The rows are counted once per site and month (the costly pass: one aggregate per
    column and row), then those few rows are rolled up to the départements, régions and
    the nation: grouping sets over the raw rows would count every row once per set."""
    sums = ["COUNT(*) AS n"]
    for dimension, values in PIVOTS.items():
        sums += [_count_if(f"{dimension} = '{v}'", f"{dimension}__{v}") for v in values]
        sums.append(_count_if(f"{dimension} IS NULL", f"{dimension}__{_NONE_SUFFIX}"))
    sums.append(_count_if("resident_identified", "identified"))
    sums.append(_count_if("repeat_visit", "repeat_visits"))
    sums += [
        _count_if(
            f"decision = '{decision}' AND outcome <> '{DEFAULT_OUTCOME[decision]}'",
            f"differs__{decision}",
        )
        for decision in RoutingDecision
    ]
    levels = ", ".join(LEVELS)
    counted = headline_columns()[headline_columns().index("n") :]
    rolled = ", ".join(f"SUM({name}) AS {name}" for name in counted)
    return (
        f"WITH per_site AS (SELECT month, {levels}, {', '.join(sums)} FROM requests "
        f"WHERE month IN ({_months_clause(months)}) GROUP BY month, {levels}) "
        f"SELECT month, {levels}, GROUPING_ID(month, {levels}) AS level_id, {rolled} "
        "FROM per_site GROUP BY GROUPING SETS ((month), (month, region), (month, departement), "
        f"(month, {levels}))"
    )


def _grouping_id(grouped: Iterable[str], columns: Sequence[str]) -> int:
    """The ``GROUPING_ID(month, *columns)`` of a grouping set that keeps ``month`` and
    ``grouped``: a bit set for each column rolled up, the first column the most significant
    (Spark wants every grouping column named, so ``month`` is, always kept: bit 0)."""
    kept = {"month", *grouped}
    value = 0
    for column in ("month", *columns):
        value = (value << 1) | (column not in kept)
    return value


#: GROUPING_ID(region, departement, site) of each headline grouping set -> its level.
_HEADLINE_LEVEL: Final = {
    _grouping_id((), LEVELS): None,
    _grouping_id(("region",), LEVELS): "region",
    _grouping_id(("departement",), LEVELS): "departement",
    _grouping_id(LEVELS, LEVELS): "site",
}


def _breakdown_sets(sites: bool) -> list[tuple[str | None, str]]:
    """(level, dimension) of each breakdown grouping set, in the query's order."""
    levels: list[str | None] = [None, "region", "departement"] + (["site"] if sites else [])
    return [(level, dimension) for level in levels for dimension in OPEN_DIMENSIONS]


def _breakdown_grouping(sites: bool) -> tuple[list[str], dict[int, tuple[str | None, str]]]:
    """The grouping columns in order of first appearance (Spark wants ``GROUPING_ID``'s
    arguments in that order), and each set's ``GROUPING_ID`` -> (level, dimension)."""
    sets = _breakdown_sets(sites)
    order: list[str] = []
    for level, dimension in sets:
        for column in (level, dimension):
            if column is not None and column not in order:
                order.append(column)
    ids = {
        _grouping_id((level, dimension) if level else (dimension,), order): (level, dimension)
        for level, dimension in sets
    }
    return order, ids


def breakdown_sql(months: Sequence[str], *, sites: bool = False) -> str:
    """The breakdown query: requests per value of each open dimension for the nation,
    each région and département, and each site when ``sites``. Its rows are ``month``,
    the columns of :data:`_BREAKDOWN_COLUMNS` (null where rolled up), the set's id, the
    count."""
    order, _ids = _breakdown_grouping(sites)
    sets = [
        f"(month, {level}, {dimension})" if level else f"(month, {dimension})"
        for level, dimension in _breakdown_sets(sites)
    ]
    selected = ", ".join(
        column if column in order else f"NULL AS {column}" for column in _BREAKDOWN_COLUMNS
    )
    return (
        f"SELECT month, {selected}, GROUPING_ID(month, {', '.join(order)}) AS set_id, "
        f"COUNT(*) AS n FROM requests WHERE month IN ({_months_clause(months)}) "
        f"GROUP BY GROUPING SETS ({', '.join(sets)})"
    )


def _positions() -> tuple[dict[str, list[tuple[str, int]]], list[tuple[str, int]]]:
    """Where each closed dimension's counts sit in a headline row: dimension -> [(key,
    column index)], and the same for the outcomes that differ from the decision."""
    index = {name: i for i, name in enumerate(headline_columns())}
    pivots = {
        dimension: [(str(value), index[f"{dimension}__{value}"]) for value in values]
        + [(NONE_KEY, index[f"{dimension}__{_NONE_SUFFIX}"])]
        for dimension, values in PIVOTS.items()
    }
    differs = [(str(decision), index[f"differs__{decision}"]) for decision in RoutingDecision]
    return pivots, differs


#: Computed once: a national year has some 34,000 site-months to read.
_PIVOT_AT, _DIFFERS_AT = _positions()
_N_AT, _IDENTIFIED_AT, _REPEAT_AT = (
    headline_columns().index(name) for name in ("n", "identified", "repeat_visits")
)


class _Group:
    """The counts of one group read from the rows, before they become :class:`Indicators`."""

    __slots__ = ("breakdowns", "counts", "row", "sites")

    def __init__(self, counts: dict[str, Any], row: Sequence[Any]) -> None:
        self.counts = counts
        self.row = row
        self.sites = 0
        self.breakdowns: dict[str, dict[str, int]] = {}

    def indicators(self, with_breakdowns: bool) -> Indicators:
        row = self.row
        by: dict[str, dict[str, int]] = {}
        for dimension, positions in _PIVOT_AT.items():
            found = {key: int(row[at]) for key, at in positions if row[at]}
            if sum(found.values()) != row[_N_AT]:
                raise DatasetError(
                    f"month {self.counts['month']}: column {dimension} holds values other "
                    f"than {', '.join(PIVOTS[dimension])} or null: not a dataset written by "
                    "mfs-core"
                )
            by[dimension] = sorted_counts(found)
        differs = {key: int(row[at]) for key, at in _DIFFERS_AT if row[at]}
        opened: dict[str, dict[str, int] | None] = dict.fromkeys(OPEN_DIMENSIONS)
        if with_breakdowns:
            opened = {name: sorted_counts(self.breakdowns.get(name, {})) for name in opened}
        return Indicators(
            sites=self.sites,
            by_outcome=by["outcome"],
            by_autonomy=by["autonomy"],
            by_decision=by["decision"],
            by_follow_up=by["follow_up"],
            outcome_differs_by_decision=sorted_counts(differs),
            identified=int(row[_IDENTIFIED_AT]),
            repeat_visits=int(row[_REPEAT_AT]),
            by_partner=opened["partner"],
            by_procedure=opened["procedure"],
            by_thematique=opened["thematique"],
            by_channel=opened["channel"],
        )


def assemble(
    months: Sequence[str],
    headline: Iterable[Sequence[Any]],
    breakdowns: Iterable[Sequence[Any]],
    *,
    site_breakdowns: bool = False,
) -> list[NationalReport]:
    """The reports of ``months`` from the rows of :func:`headline_sql` and
    :func:`breakdown_sql` (any engine). A month without rows gives a report of no site.

    Raises :class:`DatasetError` when the rows show a dataset mfs-core did not write: a
    site in two départements in one month, a value outside a closed dimension.
    """
    width = len(headline_columns())
    # (month, level) -> group key (None for the nation) -> its counts.
    groups: dict[tuple[str, str | None], dict[str | None, _Group]] = collections.defaultdict(dict)
    for row in headline:
        if len(row) != width:
            raise DatasetError(f"headline rows of {len(row)} columns, expected {width}")
        month, region, departement, site, level_id = row[:5]
        counts = {
            "month": month,
            "region": region,
            "departement": departement,
            "site": site,
            "level_id": level_id,
        }
        month, level = counts["month"], _HEADLINE_LEVEL[int(counts["level_id"])]
        key = counts[level] if level else None
        found = groups[(month, level)]
        if key in found:
            raise DatasetError(
                f"month {month}: site {key} has rows in two départements or régions "
                "(exported with two INSEE codes?)"
            )
        found[key] = _Group(counts, row)
    for (month, level), found in list(groups.items()):
        if level != "site":
            continue
        for group in found.values():
            group.sites = 1
            counts = group.counts
            groups[(month, None)][None].sites += 1
            groups[(month, "region")][counts["region"]].sites += 1
            groups[(month, "departement")][counts["departement"]].sites += 1
    _order, set_ids = _breakdown_grouping(site_breakdowns)
    for row in breakdowns:
        *values, set_id, count = row
        month, *columns = values
        level, dimension = set_ids[int(set_id)]
        by_column = dict(zip(_BREAKDOWN_COLUMNS, columns, strict=True))
        group = groups[(month, level)][by_column[level] if level else None]
        value = by_column[dimension]
        breakdown = group.breakdowns.setdefault(dimension, {})
        breakdown[NONE_KEY if value is None else str(value)] = int(count)
    return [_report(month, groups, site_breakdowns) for month in months]


def _report(
    month: str,
    groups: dict[tuple[str, str | None], dict[str | None, _Group]],
    site_breakdowns: bool,
) -> NationalReport:
    def level(name: str, breakdowns: bool) -> dict[str, Indicators]:
        found = groups.get((month, name), {})
        return {str(key): found[key].indicators(breakdowns) for key in sorted(found, key=str)}

    national = groups.get((month, None), {}).get(None)
    sites = groups.get((month, "site"), {})
    places = {
        str(site): (group.counts["departement"], group.counts["region"])
        for site, group in sorted(sites.items(), key=lambda item: str(item[0]))
    }
    return NationalReport(
        month=dt.date(int(month[:4]), int(month[5:]), 1),
        national=national.indicators(True) if national else _empty(),
        by_region=level("region", True),
        by_departement=level("departement", True),
        by_site=level("site", site_breakdowns),
        places=places,
    )


def _empty() -> Indicators:
    return Indicators(
        sites=0,
        by_outcome={},
        by_autonomy={},
        by_decision={},
        by_follow_up={},
        outcome_differs_by_decision={},
        identified=0,
        repeat_visits=0,
        by_partner={},
        by_procedure={},
        by_thematique={},
        by_channel={},
    )
