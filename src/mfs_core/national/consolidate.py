"""Many sites' exports consolidated into one national dataset: ``month=<YYYY-MM>/part-0.parquet``.

The sites send their exports (``site=<id>/month=<YYYY-MM>/``); the programme collects
them, then consolidates each month into one file, the site a column, rows ordered by
région, département, site and day, then every other column (the same rows in the same order
each time). A national year is then 12 files instead of about
34,000 (2,800 sites × 12 months), which is what makes the national report fast: an engine
opens each file and reads its footer before any row, and that costs more than the rows of a
small site's month (measured in ``docs/national.md``).

Consolidating a month again replaces its file atomically (:mod:`.files`): run it each time
a site sends a corrected or later export. Every page copied is first read with pyarrow and
checked against its checksum (files are written with page checksums; DuckDB does not check
them). A month with a file whose footer cannot be read (a truncated copy) or a page that
cannot be read or does not match its checksum leaves that month's previous file as it was
and does not stop the other months: the result names it, with its file
(:attr:`ConsolidationResult.unreadable`). A file of another schema, dataset or month stops
the consolidation before any month is written. A month the target holds that no source has
any more (a site's export deletes a purged month) is kept, and listed
(:attr:`ConsolidationResult.stale`). DuckDB reads and sorts;
pyarrow writes the file with the dataset's exact schema (:func:`~.schema.arrow_schema`
with ``site``).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from pathlib import Path

import attrs

from mfs_core import geo
from mfs_core.national.dataset import month_key
from mfs_core.national.engine_duckdb import connect, register_requests
from mfs_core.national.errors import DatasetError, UnreadableFileError
from mfs_core.national.existing import check_replaceable
from mfs_core.national.files import (
    ROW_GROUP_ROWS,
    AtomicPartition,
    has_entry,
    partition_around,
    resolved,
)
from mfs_core.national.reading import check_file, find_partitions, locate_fault, unreadable
from mfs_core.national.schema import (
    DATASET_NAME,
    FILE_COLUMNS,
    NATIONAL_LAYOUT,
    PARTITION_FILE,
    SCHEMA_VERSION,
    arrow_schema,
    metadata_key,
)

__all__ = ["ConsolidationResult", "consolidate"]

#: Rows per batch handed from DuckDB to the Parquet writer (each batch a row group).
_BATCH_ROWS = ROW_GROUP_ROWS


@attrs.frozen(kw_only=True)
class ConsolidationResult:
    """Per month written (``"2024-06"``): the number of sites and of rows; per month not
    written because a footer or a page could not be read: the error naming the file (its
    message quotes no row, only the file and the engine's first line); ``stale``: months
    the target holds that no source has any more (a purged month), kept as they were."""

    target: Path
    months: dict[str, tuple[int, int]]
    unreadable: dict[str, DatasetError] = attrs.field(factory=dict)
    stale: list[str] = attrs.field(factory=list)


def consolidate(
    sources: Sequence[str | os.PathLike[str]],
    target: str | os.PathLike[str],
    months: Sequence[dt.date] | None = None,
) -> ConsolidationResult:
    """Write ``months`` (all months found when ``None``) of the site exports ``sources``
    as the national dataset ``target``, one file a month, each replaced atomically.

    Raises :class:`DatasetError` when ``target`` is one of ``sources``, inside one, a
    partition directory (``site=...``, ``month=...``), or holds a file at a month's
    ``part-0.parquet`` that is not an mfs-core national file of that month, or for what
    :func:`~mfs_core.national.reading.find_partitions` refuses (a site's month in two
    sources...), or a file of another dataset, schema version or month: all before any
    month is written. A footer that cannot be read (checked for every file before any month
    is written) or a corrupt page (found while a month's rows are read) is not raised: that
    month is left as it was and listed in :attr:`ConsolidationResult.unreadable`, and the
    other months are written.
    """
    out = Path(target)
    _check_target(out, [Path(source) for source in sources])
    keys = None if months is None else list(dict.fromkeys(month_key(m) for m in months))
    files = find_partitions(sources, keys)
    for key in sorted({file.month for file in files}):  # all before any month is written
        check_replaceable(out / f"month={key}", layout=NATIONAL_LAYOUT, month=key)
    failed: dict[str, DatasetError] = {}
    for file in files:  # every footer before any month is written
        try:
            check_file(file)
        except UnreadableFileError as exc:
            # A truncated copy (footer lost) is that month's fault, like a corrupt page:
            # the other months are still written (review 15f, MEDIUM 2).
            failed.setdefault(file.month, exc)
    files = [file for file in files if file.month not in failed]
    stale = _stale(out, {file.month for file in files} | set(failed), keys)
    import duckdb

    schema = arrow_schema(with_site=True)
    written: dict[str, tuple[int, int]] = {}
    connection = connect()
    try:
        register_requests(connection, files, check=False)  # check_file did, above
        for key in sorted({file.month for file in files}):
            month_files = [file for file in files if file.month == key]
            sites = len({file.site for file in month_files})
            if any(file.site is None for file in month_files):
                # A consolidated dataset given again: its sites are a column, not paths.
                [(sites,)] = connection.sql(
                    f"SELECT COUNT(DISTINCT site) FROM requests WHERE month = '{key}'"
                ).fetchall()
            sql = (
                f"SELECT site, {', '.join(FILE_COLUMNS)} FROM requests WHERE month = '{key}' "
                f"ORDER BY {_ORDER}"
            )
            # DuckDB does not check pages against their checksums: pyarrow does, here,
            # where site exports enter the national dataset (a bit flipped in transit or
            # on disk would otherwise change the figures without an error).
            fault = locate_fault(month_files, footers=False)
            if fault is not None:
                failed[key] = fault
                continue
            partition = AtomicPartition(
                out / f"month={key}", schema.with_metadata(_metadata(key, sites))
            )
            rows = 0
            try:
                reader = connection.sql(sql).to_arrow_reader(_BATCH_ROWS)
                for batch in reader:
                    partition.write(batch.cast(schema))
                    rows += batch.num_rows
            except duckdb.Error as exc:  # a corrupt page: DuckDB's message names no file
                partition.abort()
                failed[key] = unreadable(month_files, exc)
                continue
            except BaseException:
                partition.abort()
                raise
            partition.commit()
            written[key] = (sites, rows)
    finally:
        connection.close()
    return ConsolidationResult(
        target=out, months=written, unreadable=dict(sorted(failed.items())), stale=stale
    )


#: Rows ordered by place and day, then on every other column: rows of one site and day
#: otherwise come in the order DuckDB's threads read them, and the same month consolidated
#: twice would differ in its bytes. Equal rows are the same bytes whatever their order.
_ORDER = ", ".join(
    ["region", "departement", "site", "received_on"]
    + [name for name in FILE_COLUMNS if name not in {"region", "departement", "received_on"}]
)


def _stale(out: Path, sourced: set[str], keys: Sequence[str] | None) -> list[str]:
    """The months (of ``keys``, all when None) ``out`` holds a file of that no source has
    any more: a site export's purged month is deleted, its consolidated month is not."""
    if not out.is_dir():
        return []
    held = {
        entry.name.removeprefix("month=")
        for entry in out.iterdir()
        if entry.name.startswith("month=") and (entry / PARTITION_FILE).exists()
    }
    if keys is not None:
        held &= set(keys)
    return sorted(held - sourced)


def _check_target(out: Path, sources: Sequence[Path]) -> None:
    """Refuse a target that would overwrite or mix with a dataset: a source, a directory
    inside one (``exports/site=sjdl``: a tab-completion slip that replaced the site's own
    files, review 15e r2), any partition directory, or a directory of site exports."""
    where = resolved(out)
    for source in sources:
        root = resolved(source)
        if where == root:
            raise DatasetError(f"{out}: the target is also a source; write to another directory")
        if where.is_relative_to(root):
            raise DatasetError(
                f"{out}: the target is inside the source {source}; write to a directory "
                "outside the datasets"
            )
    partition = partition_around(out)
    if partition is not None:
        raise DatasetError(
            f"{out}: the target is a partition directory ({partition.name.split('=')[0]}=...) "
            "of a dataset; write to a directory of its own"
        )
    if has_entry(out, "site="):
        raise DatasetError(f"{out}: holds site exports (site=...); consolidate elsewhere")


def _metadata(month: str, sites: int) -> dict[str, str]:
    from mfs_core import __version__

    values = {
        "dataset": DATASET_NAME,
        "schema_version": str(SCHEMA_VERSION),
        "layout": NATIONAL_LAYOUT,
        "month": month,
        "sites": str(sites),
        "cog": geo.COG_VINTAGE,
        "consolidated_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "generator": f"mfs-core {__version__}",
    }
    return {metadata_key(name): value for name, value in values.items()}
