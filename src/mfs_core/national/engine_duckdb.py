"""The national report on DuckDB, the embedded default engine.

::

    from mfs_core.national.engine_duckdb import national_reports
    [june] = national_reports(["national/"], [dt.date(2024, 6, 1)])
    june.national.first_contact_resolution_rate, june.by_region["75"].total_requests

DuckDB reads the Parquet files in place (no import, no server), on all the machine's cores,
two scans per call whatever the number of months (:mod:`mfs_core.national.query`). Many
small files cost more than their rows (each is opened and its footer read): consolidate the
sites' exports of a month into one file first (:mod:`mfs_core.national.consolidate`).

Needs duckdb (``pip install 'mfs-core[national]'``), imported when called.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

from mfs_core.national.dataset import month_key
from mfs_core.national.indicators import NationalReport
from mfs_core.national.paths import duckdb_path
from mfs_core.national.query import (
    BreakdownCounts,
    arrow_headline,
    assemble,
    breakdown_sql,
    count_breakdowns,
    headline_sql,
)
from mfs_core.national.reading import (
    PartitionFile,
    check_columns,
    check_file_days,
    check_metadata,
    find_partitions,
    unreadable,
)
from mfs_core.national.schema import FIELDS, FILE_COLUMNS, KEY_PREFIX, SITE_LAYOUT

if TYPE_CHECKING:
    import duckdb

__all__ = ["connect", "national_reports", "register_requests"]

_HIVE_TYPES = {
    "site": "{'site': 'VARCHAR', 'month': 'VARCHAR'}",
    "national": "{'month': 'VARCHAR'}",
}


def connect() -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection that caches Parquet footers (read once for the
    metadata check, once more for the scan otherwise)."""
    import duckdb

    connection = duckdb.connect()
    connection.execute("SET parquet_metadata_cache = true")
    return connection


def _files_variable(connection: Any, layout: str, files: Sequence[PartitionFile]) -> str:
    name = f"mfs_files_{layout}"
    # Each path escaped: DuckDB globs every item of the list (mfs_core.national.paths).
    connection.execute(f"SET VARIABLE {name} = ?", [[duckdb_path(f.path) for f in files]])
    return name


def register_requests(
    connection: duckdb.DuckDBPyConnection,
    files: Sequence[PartitionFile],
    *,
    check: bool = True,
) -> None:
    """Check ``files`` and make them the view ``requests`` (the dataset's columns, ``site``
    and ``month``) on ``connection``. Raises
    :class:`~mfs_core.national.errors.DatasetError` naming the file for a file of another
    dataset, schema version (metadata, or a column missing or of another
    type) or partition, or an unreadable footer. ``check=False``: files checked already (on
    another cursor of the same database: a temporary view is the cursor's own)."""
    import duckdb

    selects = []
    columns = ", ".join(("site", "month", *FILE_COLUMNS))
    for layout in (SITE_LAYOUT, "national"):
        chosen = [f for f in files if f.layout == layout]
        if not chosen:
            continue
        variable = _files_variable(connection, layout, chosen)
        try:
            if check:
                _check(connection, variable, chosen)
        except duckdb.Error as exc:  # a footer DuckDB cannot read: find whose, with pyarrow
            raise unreadable(chosen, exc) from None
        selects.append(
            f"SELECT {columns} FROM read_parquet(getvariable('{variable}'), "
            f"hive_partitioning = true, hive_types = {_HIVE_TYPES[layout]})"
        )
    if not selects:  # no partition: an empty view of the right columns
        sql_types = {"string": "VARCHAR", "date32": "DATE", "bool": "BOOLEAN"}
        typed = ", ".join(
            [f"NULL::VARCHAR AS {name}" for name in ("site", "month")]
            + [f"NULL::{sql_types[field.type]} AS {field.name}" for field in FIELDS]
        )
        selects.append(f"SELECT {typed} WHERE false")
    try:
        connection.execute(f"CREATE OR REPLACE TEMP VIEW requests AS {' UNION ALL '.join(selects)}")
    except duckdb.Error as exc:
        raise unreadable(files, exc) from None


def _check(connection: Any, variable: str, files: Sequence[PartitionFile]) -> None:
    """Each file's metadata, then its columns (names and DuckDB types), from the footers
    DuckDB reads once and caches for the scan."""
    rows = connection.execute(
        "SELECT file_name, decode(key), decode(value) "
        f"FROM parquet_kv_metadata(getvariable('{variable}')) "
        f"WHERE starts_with(decode(key), '{KEY_PREFIX}')"
    ).fetchall()
    metadata: dict[str, dict[str, str]] = {str(f.path): {} for f in files}
    for file_name, key, value in rows:
        metadata.setdefault(file_name, {})[key] = value
    for file in files:
        check_metadata(file, metadata.get(str(file.path)))
    rows = connection.execute(
        "SELECT file_name, name, coalesce(duckdb_type, type, 'nested'), "
        f"coalesce(num_children, 0), column_id FROM parquet_schema(getvariable('{variable}')) "
        "ORDER BY file_name, column_id"
    ).fetchall()
    columns: dict[str, dict[str, str]] = {str(f.path): {} for f in files}
    nested = 0  # parts of a nested column still to pass: not columns of their own
    for file_name, name, kind, children, column_id in rows:
        if column_id == 0:  # the file's root
            nested = 0
        elif nested:
            nested += children - 1
        else:
            columns.setdefault(file_name, {})[name] = kind
            nested = children
    for file in files:
        check_columns(file, columns.get(str(file.path), {}))
    for file in files:  # the days, from the footer's statistics: no row read
        check_file_days(file)


def national_reports(
    datasets: Sequence[str | os.PathLike[str]],
    months: Sequence[dt.date],
    *,
    site_breakdowns: bool = False,
    connection: duckdb.DuckDBPyConnection | None = None,
) -> list[NationalReport]:
    """The national report of each of ``months`` (any day in them) from ``datasets``
    (directories of site exports or consolidated national datasets, mixed as long as no
    site's month is in two of them).

    ``site_breakdowns`` adds the partner, procedure, thematique and channel breakdowns of
    every site (the nation, régions and départements always have them). A month with no
    partition gives a report of no site. Raises
    :class:`~mfs_core.national.errors.DatasetError` for a dataset it cannot read as one of
    this project's, naming the file.
    """
    import duckdb

    keys = list(dict.fromkeys(month_key(month) for month in months))
    files = find_partitions(datasets, keys)
    own = connection is None
    db = connect() if connection is None else connection
    try:
        register_requests(db, files)
        with db.cursor() as other, ThreadPoolExecutor(1) as pool:
            register_requests(other, files, check=False)
            # Both queries at once, on both cores: DuckDB releases the GIL while it counts,
            # so the breakdowns' rows (the lighter query) are counted in Python while the
            # headline query still runs, not after it (docs/national.md).
            pending = pool.submit(_breakdowns, other, site_breakdowns)
            try:
                # The view holds these months' partitions only: no filter to run per row.
                headline = arrow_headline(db.sql(headline_sql(None)).to_arrow_table())
            except BaseException:
                other.interrupt()  # not wanted any more: stopped, not waited for
                raise
            breakdowns = pending.result()
    except duckdb.Error as exc:  # a corrupt page: DuckDB's message names no file
        raise unreadable(files, exc) from None
    finally:
        if own:
            db.close()
    return assemble(keys, headline, breakdowns, site_breakdowns=site_breakdowns)


def _breakdowns(connection: duckdb.DuckDBPyConnection, sites: bool) -> BreakdownCounts:
    rows = connection.execute(breakdown_sql(None, sites=sites)).fetchall()
    return count_breakdowns(rows, site_breakdowns=sites)
