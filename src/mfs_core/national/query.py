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
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final

from mfs_core.indicators import NONE_KEY, sorted_counts
from mfs_core.journal.records import DEFAULT_OUTCOME, Autonomy, EventKind, Outcome, RoutingDecision
from mfs_core.national.errors import DatasetError
from mfs_core.national.indicators import Indicators, NationalReport
from mfs_core.national.reading import MONTH_PATTERN
from mfs_core.national.sites import (
    DEPARTEMENT_AT,
    LEVEL_AT,
    MONTH_AT,
    REGION_AT,
    Headline,
    MonthSites,
)

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = [
    "LEVELS",
    "OPEN_DIMENSIONS",
    "PIVOTS",
    "BreakdownCounts",
    "SiteIndicators",
    "arrow_headline",
    "assemble",
    "breakdown_sql",
    "count_breakdowns",
    "headline_sql",
]

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


def _where(months: Sequence[str] | None) -> str:
    """``WHERE month IN (...)``, or nothing for ``None`` (a table holding only the months
    asked: the filter would cost a string comparison per row)."""
    if months is None:
        return ""
    for month in months:
        if not MONTH_PATTERN.match(month):  # the SQL is built from these: checked first
            raise ValueError(f"month: expected YYYY-MM, got {month!r}")
    quoted = ", ".join(f"'{month}'" for month in months)
    return f"WHERE month IN ({quoted}) "


def _count_if(condition: str, name: str) -> str:
    # COUNT_IF rather than SUM(CASE ...): a quarter faster on DuckDB, and Spark has it.
    return f"{_bigint(f'COUNT_IF({condition})')} AS {name}"


def _bigint(aggregate: str) -> str:
    """``aggregate`` as a 64-bit integer. DuckDB's COUNT_IF and SUM give 128-bit HUGEINTs,
    which its Python client turns into ints several times slower than BIGINTs: a national
    year's 35,000 rows of 30 counts took a second of CPU more (docs/national.md). Counts of
    requests fit in 64 bits; Spark's are BIGINT already."""
    return f"CAST({aggregate} AS BIGINT)"


def headline_columns() -> tuple[str, ...]:
    """The columns of the headline query's rows, in order."""
    names = ["month", *LEVELS, "level_id", "sites", "n"]
    for dimension, values in PIVOTS.items():
        names += [f"{dimension}__{value}" for value in values]
        names.append(f"{dimension}__{_NONE_SUFFIX}")
    names += ["identified", "repeat_visits"]
    names += [f"differs__{decision}" for decision in RoutingDecision]
    return tuple(names)


def headline_sql(months: Sequence[str] | None) -> str:
    """The headline query over the table ``requests`` for ``months`` (``YYYY-MM``; ``None``:
    every month of the table).

    The rows are counted once per site and month (the costly pass: one aggregate per
    column and row), then those few rows are rolled up to the départements, régions and
    the nation: grouping sets over the raw rows would count every row once per set. A
    group's ``sites`` is its number of site-months with a request."""
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
    rolled = ", ".join(f"{_bigint(f'SUM({name})')} AS {name}" for name in counted)
    # The sites' rows are per_site's own, not grouped again (a third of a CPU-second on a
    # national year); the wider groups' GROUPING_ID over (month, region, departement)
    # gets the bit of the site, always rolled up there: * 2 + 1.
    return (
        f"WITH per_site AS (SELECT month, {levels}, {', '.join(sums)} FROM requests "
        f"{_where(months)}GROUP BY month, {levels}) "
        f"SELECT month, {levels}, {_SITE_LEVEL_ID} AS level_id, 1 AS sites, "
        f"{', '.join(counted)} FROM per_site UNION ALL "
        "SELECT month, region, departement, NULL AS site, "
        "GROUPING_ID(month, region, departement) * 2 + 1 AS level_id, "
        f"COUNT(*) AS sites, {rolled} "
        "FROM per_site GROUP BY GROUPING SETS ((month), (month, region), (month, departement))"
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


#: The level id of a site's headline row (0: every column kept), given as a literal.
_SITE_LEVEL_ID: Final = _grouping_id(LEVELS, LEVELS)
#: GROUPING_ID(region, departement, site) of each headline grouping set -> its level.
_HEADLINE_LEVEL: Final = {
    _grouping_id((), LEVELS): None,
    _grouping_id(("region",), LEVELS): "region",
    _grouping_id(("departement",), LEVELS): "departement",
    _grouping_id(LEVELS, LEVELS): "site",
}


def _breakdown_levels(sites: bool) -> tuple[str, ...]:
    """The level columns the breakdowns are counted at: départements, or sites."""
    return LEVELS if sites else LEVELS[:-1]


def _breakdown_grouping(
    sites: bool,
) -> tuple[tuple[str, ...], tuple[str, ...], dict[int, str | None], dict[int, str]]:
    """The grouping columns of the two stages of :func:`breakdown_sql`, in order of first
    appearance (Spark wants ``GROUPING_ID``'s arguments in that order), each roll-up set's
    ``GROUPING_ID`` -> its level (None: the nation), and each fine set's -> its dimension."""
    levels = _breakdown_levels(sites)
    fine = (*levels, *OPEN_DIMENSIONS)
    rolled = (*levels, "dim_id", *OPEN_DIMENSIONS)
    kept = ("dim_id", *OPEN_DIMENSIONS)
    level_ids: dict[int, str | None] = {_grouping_id(kept, rolled): None}
    for depth, level in enumerate(levels, start=1):
        level_ids[_grouping_id((*levels[:depth], *kept), rolled)] = level
    dim_ids = {_grouping_id((*levels, dim), fine): dim for dim in OPEN_DIMENSIONS}
    return fine, rolled, level_ids, dim_ids


def breakdown_sql(months: Sequence[str] | None, *, sites: bool = False) -> str:
    """The breakdown query: requests per value of each open dimension for the nation,
    each région and département, and each site when ``sites``. Its rows are ``month``,
    the columns of :data:`_BREAKDOWN_COLUMNS` (null where rolled up), the level's id, the
    dimension's id, the count.

    Each dimension is counted once per département (or site) and month, one scan for the
    four; those rows are rolled up to the régions and the nation (grouping sets over the
    raw rows would count every row once per set and level)."""
    fine, rolled, _levels, _dims = _breakdown_grouping(sites)
    levels = ", ".join(_breakdown_levels(sites))
    fine_sets = ", ".join(f"(month, {levels}, {dim})" for dim in OPEN_DIMENSIONS)
    dims = ", ".join(OPEN_DIMENSIONS)
    depths = _breakdown_levels(sites)
    rolled_sets = ", ".join(
        f"(month, {', '.join((*depths[:depth], 'dim_id', *OPEN_DIMENSIONS))})"
        for depth in range(len(depths), -1, -1)  # the finest first: columns' order
    )
    selected = ", ".join(
        column if column in fine else f"NULL AS {column}" for column in _BREAKDOWN_COLUMNS
    )
    return (
        f"WITH fine AS (SELECT month, {levels}, {dims}, "
        f"GROUPING_ID(month, {', '.join(fine)}) AS dim_id, COUNT(*) AS n "
        f"FROM requests {_where(months)}GROUP BY GROUPING SETS ({fine_sets})) "
        f"SELECT month, {selected}, GROUPING_ID(month, {', '.join(rolled)}) AS level_id, "
        f"dim_id, {_bigint('SUM(n)')} AS n FROM fine GROUP BY GROUPING SETS ({rolled_sets})"
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
_SITES_AT, _N_AT, _IDENTIFIED_AT, _REPEAT_AT = (
    headline_columns().index(name) for name in ("sites", "n", "identified", "repeat_visits")
)


def _indicators(row: Sequence[Any], opened: Mapping[str, Mapping[str, int]] | None) -> Indicators:
    """The figures of a headline ``row``; ``opened``: its open dimensions' counts
    (dimension -> value -> n), or ``None`` where they are not computed."""
    by = {
        dimension: sorted_counts({key: int(row[at]) for key, at in positions if row[at]})
        for dimension, positions in _PIVOT_AT.items()
    }
    differs = {key: int(row[at]) for key, at in _DIFFERS_AT if row[at]}
    breakdowns: dict[str, dict[str, int] | None] = dict.fromkeys(OPEN_DIMENSIONS)
    if opened is not None:
        breakdowns = {name: sorted_counts(opened.get(name, {})) for name in breakdowns}
    return Indicators(
        sites=int(row[_SITES_AT]),
        by_outcome=by["outcome"],
        by_autonomy=by["autonomy"],
        by_decision=by["decision"],
        by_follow_up=by["follow_up"],
        outcome_differs_by_decision=sorted_counts(differs),
        identified=int(row[_IDENTIFIED_AT]),
        repeat_visits=int(row[_REPEAT_AT]),
        by_partner=breakdowns["partner"],
        by_procedure=breakdowns["procedure"],
        by_thematique=breakdowns["thematique"],
        by_channel=breakdowns["channel"],
    )


class _Group:
    """The counts of the nation, a région or a département read from the rows, before they
    become :class:`Indicators` (the sites' are :class:`~.sites.MonthSites`)."""

    __slots__ = ("breakdowns", "row")

    def __init__(self, row: Sequence[Any]) -> None:
        self.row = row  # month, region, departement, site, level_id, sites, n, counts...
        self.breakdowns: dict[str, dict[str, int]] = {}

    def check(self) -> None:
        """Raise :class:`DatasetError` when a closed dimension holds another value: its
        counts then fall short of the requests. A shortfall in any group adds up in the
        nation's row of the month, which alone needs checking."""
        row = self.row
        for dimension, positions in _PIVOT_AT.items():
            if sum(row[at] or 0 for _key, at in positions) != row[_N_AT]:
                raise DatasetError(
                    f"month {row[0]}: column {dimension} holds values other "
                    f"than {', '.join(PIVOTS[dimension])} or null: not a dataset written by "
                    "mfs-core"
                )

    def indicators(self) -> Indicators:
        return _indicators(self.row, self.breakdowns)


class SiteIndicators(Mapping[str, Indicators]):
    """The sites' indicators of a month, each made from its row when first read: a
    national year has some 34,000 site-months, and most uses read a few of them."""

    def __init__(self, sites: MonthSites, breakdowns: bool) -> None:
        self._sites, self._breakdowns = sites, breakdowns
        self._made: dict[str, Indicators] = {}

    def __getitem__(self, site: str) -> Indicators:
        made = self._made.get(site)
        if made is None:
            row = self._sites.row(site)
            opened = self._sites.breakdowns.get(site, {}) if self._breakdowns else None
            made = self._made[site] = _indicators(row, opened)
        return made

    def __contains__(self, site: object) -> bool:  # without making the site's figures
        return site in self._sites.index

    def __iter__(self) -> Iterator[str]:
        return iter(self._sites.sites)

    def __len__(self) -> int:
        return len(self._sites.sites)

    def __repr__(self) -> str:
        return f"<SiteIndicators of {len(self)} sites>"


#: The position of the level's key in a headline row, by level (None: the nation).
_KEY_AT: Final = {None: None, "region": REGION_AT, "departement": DEPARTEMENT_AT}


def arrow_headline(table: pa.Table) -> Headline:
    """The rows of :func:`headline_sql` as an Arrow table (DuckDB's), split for
    :func:`assemble`: the sites' counts stay columnar until read."""
    return Headline.from_arrow(table, len(headline_columns()), _SITE_LEVEL_ID)


class BreakdownCounts:
    """The breakdown query's rows counted by group: ``counts[(month, level, key)]`` is
    ``{dimension: {value: requests}}`` (level and key None for the nation; a value's key
    is :data:`NONE_KEY` for requests without one)."""

    __slots__ = ("counts",)

    def __init__(self) -> None:
        self.counts: dict[tuple[str, str | None, Any], dict[str, dict[str, int]]] = {}


def count_breakdowns(
    rows: Iterable[Sequence[Any]], *, site_breakdowns: bool = False
) -> BreakdownCounts:
    """The rows of :func:`breakdown_sql` (``sites=site_breakdowns``) counted by group,
    for :func:`assemble`: done as the rows arrive, while the headline query still runs
    (``engine_duckdb``)."""
    _fine, _rolled, level_ids, dim_ids = _breakdown_grouping(site_breakdowns)
    level_at = {
        level_id: (level, None if level is None else 1 + _BREAKDOWN_COLUMNS.index(level))
        for level_id, level in level_ids.items()
    }
    dimension_at = {
        dim_id: (dimension, 1 + _BREAKDOWN_COLUMNS.index(dimension))
        for dim_id, dimension in dim_ids.items()
    }
    found = BreakdownCounts()
    groups = found.counts
    for row in rows:
        level, key_at = level_at[int(row[-3])]
        dimension, value_at = dimension_at[int(row[-2])]
        group = (row[0], level, None if key_at is None else row[key_at])
        counts = groups.get(group)
        if counts is None:
            counts = groups[group] = {}
        breakdown = counts.setdefault(dimension, {})
        value = row[value_at]
        name = NONE_KEY if value is None else str(value)
        # Added, not set: a département whose sites name two régions has two rows.
        breakdown[name] = breakdown.get(name, 0) + int(row[-1])
    return found


def assemble(
    months: Sequence[str],
    headline: Iterable[Sequence[Any]] | Headline,
    breakdowns: Iterable[Sequence[Any]] | BreakdownCounts,
    *,
    site_breakdowns: bool = False,
) -> list[NationalReport]:
    """The reports of ``months`` from the rows of :func:`headline_sql` (any engine's, or
    split already: :func:`arrow_headline`) and :func:`breakdown_sql` (or counted already:
    :func:`count_breakdowns`). A month without rows gives a report of no site.

    Raises :class:`DatasetError` when the rows show a dataset mfs-core did not write: a
    site in two départements in one month, a value outside a closed dimension.
    """
    if not isinstance(headline, Headline):
        headline = Headline.from_rows(headline, len(headline_columns()), _SITE_LEVEL_ID)
    levels = {
        level_id: (level, _KEY_AT[level])
        for level_id, level in _HEADLINE_LEVEL.items()
        if level != "site"
    }
    # (month, level) -> group key (None for the nation) -> its counts.
    groups: dict[tuple[str, str | None], dict[Any, _Group]] = collections.defaultdict(dict)
    for row in headline.groups:
        month = row[MONTH_AT]
        level, key_at = levels[int(row[LEVEL_AT])]
        key = None if key_at is None else row[key_at]
        found = groups[(month, level)]
        if key in found:
            raise DatasetError(
                f"month {month}: {level} {key} has two rows (not a dataset written by mfs-core)"
            )
        found[key] = _Group(row)
    for (_month, level), found in groups.items():
        if level is None:
            for group in found.values():
                group.check()
    _check_places(groups)
    if not isinstance(breakdowns, BreakdownCounts):
        breakdowns = count_breakdowns(breakdowns, site_breakdowns=site_breakdowns)
    for (month, level, key), counts in breakdowns.counts.items():
        if level == "site":
            headline.sites[month].breakdowns[str(key)] = counts
        else:
            groups[(month, level)][key].breakdowns = counts
    return [_report(month, groups, headline.sites.get(month), site_breakdowns) for month in months]


def _check_places(groups: dict[tuple[str, str | None], dict[Any, _Group]]) -> None:
    """Every département and région a month is counted under is a code of the COG (the
    exports write only those, :func:`mfs_core.geo.place`): a dataset's other text there
    (« <img …> ») would be shown as a place. Raises :class:`DatasetError`."""
    from mfs_core import geo

    places = geo.departements().values()
    known = {
        "departement": {p.code for p in places},
        "region": {p.region for p in places},
    }
    for (month, level), found in groups.items():
        codes = known.get(level or "")
        if codes is None:
            continue
        for key in found:
            if key not in codes:
                raise DatasetError(
                    f"month {month}: {level} {str(key)[:20]!r} is not a code of the COG "
                    f"{geo.COG_VINTAGE} (not a dataset written by mfs-core)"
                )


def _report(
    month: str,
    groups: dict[tuple[str, str | None], dict[Any, _Group]],
    sites: MonthSites | None,
    site_breakdowns: bool,
) -> NationalReport:
    def level(name: str) -> dict[str, Indicators]:
        found = groups.get((month, name), {})
        return {str(key): found[key].indicators() for key in sorted(found, key=str)}

    national = groups.get((month, None), {}).get(None)
    if sites is None:
        sites = MonthSites(month, [], [], list)
    return NationalReport(
        month=dt.date(int(month[:4]), int(month[5:]), 1),
        national=national.indicators() if national else _empty(),
        by_region=level("region"),
        by_departement=level("departement"),
        by_site=SiteIndicators(sites, site_breakdowns),
        places=sites.places,
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
