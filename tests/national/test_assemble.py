"""The national report's Python side: the headline rows as tuples (Spark) or as an Arrow table
(DuckDB), the breakdown rows as rows or counted beforehand, give the same reports; the
refusals of rows that no dataset of this project gives."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from mfs_core.national import query, sites
from mfs_core.national.engine_duckdb import connect, national_reports, register_requests
from mfs_core.national.errors import DatasetError
from mfs_core.national.reading import find_partitions
from national.conftest import NationalYear
from national.year import MONTHS

KEYS = [f"{month:%Y-%m}" for month in MONTHS]


def _documents(reports: list[Any]) -> str:
    return json.dumps([report.to_json() for report in reports], ensure_ascii=False)


def test_headline_positions_are_those_of_the_query() -> None:
    columns = query.headline_columns()
    assert [columns.index(name) for name in ("month", *query.LEVELS, "level_id")] == [
        sites.MONTH_AT,
        sites.REGION_AT,
        sites.DEPARTEMENT_AT,
        sites.SITE_AT,
        sites.LEVEL_AT,
    ]


@pytest.mark.parametrize("site_breakdowns", [False, True])
def test_arrow_and_rows_give_the_same_reports(
    national_year: NationalYear, site_breakdowns: bool
) -> None:
    db = connect()
    register_requests(db, find_partitions([national_year.consolidated], KEYS))
    headline_sql = query.headline_sql(None)
    rows = db.execute(headline_sql).fetchall()
    table = db.sql(headline_sql).to_arrow_table()
    breakdowns = db.execute(query.breakdown_sql(None, sites=site_breakdowns)).fetchall()
    db.close()
    assert table.num_rows == len(rows) > 12
    by_rows = query.assemble(KEYS, rows, breakdowns, site_breakdowns=site_breakdowns)
    counted = query.count_breakdowns(breakdowns, site_breakdowns=site_breakdowns)
    by_arrow = query.assemble(
        KEYS, query.arrow_headline(table), counted, site_breakdowns=site_breakdowns
    )
    assert _documents(by_arrow) == _documents(by_rows)
    engine = national_reports([national_year.consolidated], MONTHS, site_breakdowns=site_breakdowns)
    assert _documents(engine) == _documents(by_rows)
    fresh = query.assemble(
        KEYS, query.arrow_headline(table), counted, site_breakdowns=site_breakdowns
    )
    some = fresh[5].by_site
    assert list(some) == sorted(some)
    assert len(some) > 1
    # Membership and length do not make a site's figures; reading one does.
    first = next(iter(some))
    assert first in some
    assert "no such site" not in some
    assert not some._made  # type: ignore[attr-defined]
    assert some[first] == by_rows[5].by_site[first]
    with pytest.raises(KeyError):
        some["no such site"]


def _rewrite(national_year: NationalYear, target: Path, column: str, value: str) -> str:
    """June of the consolidated year, with ``column`` set to ``value`` on the first row;
    returns that row's site."""
    source = national_year.consolidated / "month=2024-06" / "part-0.parquet"
    table = pq.read_table(source)
    position = table.schema.get_field_index(column)
    values = table.column(column).to_pylist()
    values[0] = value
    field = table.schema.field(position)
    table = table.set_column(position, field, pa.array(values, field.type))
    (target / "month=2024-06").mkdir(parents=True)
    pq.write_table(table, target / "month=2024-06" / "part-0.parquet")
    return str(table.column("site")[0])


def test_a_site_in_two_departements_is_refused(national_year: NationalYear, tmp_path: Path) -> None:
    # The first row's site keeps its other rows in its own département.
    source = pq.read_table(national_year.consolidated / "month=2024-06" / "part-0.parquet")
    other = next(
        code
        for code in pc.unique(source.column("departement")).to_pylist()
        if code != source.column("departement")[0].as_py()
    )
    site = _rewrite(national_year, tmp_path, "departement", other)
    with pytest.raises(DatasetError, match=f"month 2024-06: site {site} has rows in two"):
        national_reports([tmp_path], [MONTHS[5]])


def test_a_value_outside_a_closed_dimension_is_refused(
    national_year: NationalYear, tmp_path: Path
) -> None:
    _rewrite(national_year, tmp_path, "outcome", "perdu")
    with pytest.raises(DatasetError, match="column outcome holds values other than"):
        national_reports([tmp_path], [MONTHS[5]])


def test_rows_of_a_site_twice_are_refused() -> None:
    width = len(query.headline_columns())
    row = ["2024-06", "75", "75", "s1", 0, *([0] * (width - 5))]
    with pytest.raises(DatasetError, match="month 2024-06: site s1 has rows in two"):
        query.assemble(["2024-06"], [tuple(row), tuple(row)], [])
    with pytest.raises(DatasetError, match=f"headline rows of 3 columns, expected {width}"):
        query.assemble(["2024-06"], [("2024-06", None, None)], [])
