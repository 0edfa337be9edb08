"""The national report on Apache Spark: the same SQL as DuckDB, for when the programme's
data outgrows one machine.

Run as a job (Spark in local mode by default; ``--master`` for a cluster)::

    python -m mfs_core.national.spark --month 2024-06 national/ [--site-breakdowns]
        [--master local[2]] [--output report.json]

It prints one JSON document per month (the document of
:meth:`~mfs_core.national.indicators.NationalReport.to_json`), a JSON array when several
months are asked. From Python, with a session of your own::

    from mfs_core.national.spark import national_reports
    [june] = national_reports(spark, ["national/"], [dt.date(2024, 6, 1)])

Partitions are found and their metadata checked on the driver (:mod:`.reading`, pyarrow),
so the datasets must be paths the driver can list (a local or mounted file system); the
rows are read and counted by the executors. Needs pyspark and a Java runtime (17 or later),
pyarrow for the metadata check.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mfs_core.national.dataset import month_key
from mfs_core.national.indicators import NationalReport
from mfs_core.national.paths import hadoop_path
from mfs_core.national.query import assemble, breakdown_sql, headline_sql
from mfs_core.national.reading import PartitionFile, check_file, find_partitions, locate_fault
from mfs_core.national.schema import FIELDS, FILE_COLUMNS, NATIONAL_LAYOUT

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

__all__ = ["local_session", "main", "national_reports", "register_requests"]

#: Settings of the local session: small data, two cores, no web UI; partition values kept
#: as text (a site id "0042" must not become the number 42, nor a month a date).
LOCAL_CONFIG = {
    "spark.sql.shuffle.partitions": "2",
    "spark.default.parallelism": "2",
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.sql.sources.partitionColumnTypeInference.enabled": "false",
    "spark.sql.session.timeZone": "UTC",
    # The driver lists the partitions itself: a Spark job to list a few hundred paths
    # costs seconds in local mode.
    "spark.sql.sources.parallelPartitionDiscovery.threshold": "100000",
}


def local_session(master: str = "local[2]", app: str = "mfs-national-report") -> SparkSession:
    """A Spark session with :data:`LOCAL_CONFIG` (master ``local[2]`` by default)."""
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.master(master).appName(app)
    for key, value in LOCAL_CONFIG.items():
        builder = builder.config(key, value)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session


#: Arrow type names of :data:`~mfs_core.national.schema.FIELDS` -> Spark SQL types.
_SPARK_TYPES = {"string": "STRING", "date32": "DATE", "bool": "BOOLEAN"}


def file_schema(layout: str) -> str:
    """The columns of a file of ``layout`` as a Spark DDL schema (``site`` is a column of
    the national layout's files): given to the reader, it spares Spark reading every
    file's footer to infer it (the metadata check has read them already)."""
    columns = [f"{field.name} {_SPARK_TYPES[field.type]}" for field in FIELDS]
    return ", ".join((["site STRING"] if layout == NATIONAL_LAYOUT else []) + columns)


def register_requests(spark: SparkSession, files: Sequence[PartitionFile]) -> None:
    """Check ``files`` and make them the temporary view ``requests`` (the dataset's
    columns, ``site`` and ``month``). Raises
    :class:`~mfs_core.national.errors.DatasetError` naming the file for a file of another
    dataset, schema version (metadata, or a column missing or of another
    type: Spark, given the schema, would read a missing column as nulls) or partition."""
    from pyspark.sql import functions as F

    for file in files:
        check_file(file)
    columns = ["site", "month", *FILE_COLUMNS]
    frames = []
    by_root: dict[tuple[str, str], list[str]] = {}
    for file in files:
        depth = 3 if file.layout == "site" else 2  # root/site=/month=/file, root/month=/file
        root = os.path.abspath(file.path.parents[depth - 1])
        # Escaped: Hadoop globs every path given (mfs_core.national.paths); not basePath.
        by_root.setdefault((root, file.layout), []).append(hadoop_path(file.path))
    for (root, layout), paths in by_root.items():
        reader = spark.read.schema(file_schema(layout)).option("basePath", root)
        frame = reader.parquet(*paths)
        frames.append(frame.select(*columns))
    if frames:
        result = frames[0]
        for frame in frames[1:]:
            result = result.unionByName(frame)
    else:
        result = spark.range(0).select(*(F.lit(None).cast("string").alias(c) for c in columns))
    result.createOrReplaceTempView("requests")


def national_reports(
    spark: SparkSession,
    datasets: Sequence[str | os.PathLike[str]],
    months: Sequence[dt.date],
    *,
    site_breakdowns: bool = False,
) -> list[NationalReport]:
    """The national report of each of ``months`` from ``datasets``, computed by ``spark``
    (same arguments, same figures as :func:`mfs_core.national.engine_duckdb.national_reports`)."""
    keys = list(dict.fromkeys(month_key(month) for month in months))
    files = find_partitions(datasets, keys)
    register_requests(spark, files)
    try:
        headline = [tuple(row) for row in spark.sql(headline_sql(keys)).collect()]
        breakdowns = [
            tuple(row) for row in spark.sql(breakdown_sql(keys, sites=site_breakdowns)).collect()
        ]
    except Exception:  # Py4JJavaError, a PySparkException: a corrupt page, or worse
        fault = locate_fault(files)
        if fault is None:
            raise  # every file reads well: not the input's fault, Spark's own error stands
        raise fault from None
    return assemble(keys, headline, breakdowns, site_breakdowns=site_breakdowns)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m mfs_core.national.spark",
        description="The national monthly report of France services computed by Spark.",
    )
    parser.add_argument("datasets", nargs="+", metavar="DATASET", help="dataset directories")
    parser.add_argument(
        "--month", action="append", required=True, metavar="YYYY-MM", help="repeatable"
    )
    parser.add_argument("--site-breakdowns", action="store_true")
    parser.add_argument("--master", default="local[2]", help="Spark master (local[2])")
    parser.add_argument("--output", metavar="FILE", help="write the JSON to FILE")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """The job's entry point: exit 0, or 2 with a one-line message for bad input or a
    missing pyspark."""
    from mfs_core.errors import InputError
    from mfs_core.report import parse_month

    args = _parser().parse_args(argv)
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        print(
            "mfs: error: pyspark is not installed: pip install 'mfs-core[spark]'", file=sys.stderr
        )
        return 2
    try:
        months = [parse_month(text) for text in args.month]
        running = SparkSession.getActiveSession()  # a caller's session is left running
        spark = running or local_session(args.master)
        try:
            reports = national_reports(
                spark, args.datasets, months, site_breakdowns=args.site_breakdowns
            )
        finally:
            if running is None:
                spark.stop()
    except InputError as exc:
        print(f"mfs: error: {exc}", file=sys.stderr)
        return 2
    documents: Any = [report.to_json() for report in reports]
    text = json.dumps(documents[0] if len(documents) == 1 else documents, ensure_ascii=False)
    if args.output:
        Path(args.output).write_text(text + "\n", encoding="utf-8")
    else:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
