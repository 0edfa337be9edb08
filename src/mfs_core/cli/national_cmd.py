"""``mfs national report|consolidate``: the national figures from the sites' Parquet exports
(``mfs journal export --format parquet``, in ``journal_cmd``).

- ``mfs national consolidate SOURCE... --output DIR``: many sites' exports as one file a
  month (``DIR/month=<YYYY-MM>/part-0.parquet``), what makes the national report fast.
- ``mfs national report --month YYYY-MM DATASET...``: the month's indicators for the nation,
  each région, département and site, on DuckDB (default) or Spark (``--engine spark``).

A dataset that is not one of this project's (a missing or corrupt file, another schema
version, a file moved between partitions, a site's month given twice) is an input error:
one line naming the file and what was expected, exit 2, no traceback. Needs the
``national`` extra (pyarrow, DuckDB), or ``spark`` for ``--engine spark``; nothing heavy is
imported until a command runs.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from mfs_core.cli._common import (
    EXIT_FINDINGS,
    EXIT_INPUT,
    EXIT_OK,
    CliError,
    check_output,
    ignored_files_said,
    load_registry,
    missing_extra,
    print_error,
    print_note,
    write_output,
)

if TYPE_CHECKING:
    from mfs_core.national.indicators import NationalReport


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "national",
        help="national figures from many sites' Parquet exports (DuckDB or Spark)",
        description="The programme's figures over many sites: consolidate the sites' "
        "Parquet exports (mfs journal export --format parquet), then compute a month's "
        "indicators for the nation, each région, département and site.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", parser_class=type(parser))
    actions.required = True

    report = actions.add_parser(
        "report",
        help="the monthly indicators of the nation, régions, départements and sites",
        description="The indicators of mfs report for one month, for the nation and by "
        "région, département and site, from site exports or consolidated datasets.",
    )
    report.add_argument("datasets", nargs="+", metavar="DATASET", help="dataset directories")
    report.add_argument("--month", metavar="YYYY-MM", required=True)
    report.add_argument("--format", choices=("text", "json"), default="text")
    report.add_argument("--engine", choices=("duckdb", "spark"), default="duckdb")
    report.add_argument(
        "--sites", action="store_true", help="text: one line per site (always in JSON)"
    )
    report.add_argument(
        "--site-breakdowns",
        action="store_true",
        help="JSON: each site's requests by partner, procedure, thematique and channel",
    )
    report.add_argument("--master", default="local[2]", help="Spark master (default: local[2])")
    report.add_argument("--output", metavar="FILE", help="write to FILE (default: stdout)")
    report.set_defaults(handler=run_report)

    consolidate = actions.add_parser(
        "consolidate",
        help="write many sites' exports as one Parquet file a month",
        description="Consolidate site exports (site=<id>/month=<YYYY-MM>/) into a national "
        "dataset (month=<YYYY-MM>/, the site a column). Consolidating a month again "
        "replaces its file.",
    )
    consolidate.add_argument("sources", nargs="+", metavar="SOURCE", help="site exports")
    consolidate.add_argument("--output", metavar="DIR", required=True, help="the dataset")
    consolidate.add_argument(
        "--month", action="append", metavar="YYYY-MM", help="only this month (repeatable)"
    )
    consolidate.set_defaults(handler=run_consolidate)


def _reports(args: argparse.Namespace) -> NationalReport:
    from mfs_core.report import parse_month

    month = parse_month(args.month)
    try:
        with ignored_files_said():
            if args.engine == "spark":
                return _spark_report(args, month)
            from mfs_core.national.engine_duckdb import national_reports

            [report] = national_reports(
                args.datasets, [month], site_breakdowns=args.site_breakdowns
            )
    except ImportError as exc:
        raise missing_extra(exc) from None
    return report


def _spark_report(args: argparse.Namespace, month: Any) -> NationalReport:
    import pyspark  # noqa: F401  (missing: the extra is named, not Java)

    from mfs_core.national.spark import local_session, national_reports

    try:
        spark = local_session(args.master)
    except Exception as exc:  # no Java, a bad master: py4j's and pyspark's own errors
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise CliError(
            f"--engine spark: cannot start Spark ({first[:200]}); it needs Java 17 or later "
            "(JAVA_HOME)"
        ) from None
    try:
        [report] = national_reports(
            spark, args.datasets, [month], site_breakdowns=args.site_breakdowns
        )
    finally:
        spark.stop()
    return report


def run_report(args: argparse.Namespace) -> int:
    from mfs_core.output import json_text, terminal_text

    check_output(args.output, args.datasets)  # before the report is computed
    report = _reports(args)
    if not report.by_site:
        # No partition of that month in the datasets: a report of zeros would read as a
        # month without activity; nothing is written, exit 1 (as a check with findings).
        print_note(
            f"mfs : aucune donnée pour {args.month} dans "
            f"{', '.join(str(d) for d in args.datasets)} : aucun rapport écrit"
        )
        return EXIT_FINDINGS
    if args.format == "json":
        text = json_text(json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n")
    else:
        from mfs_core.national.text import to_text

        text = terminal_text(to_text(report, load_registry(args).display_names, sites=args.sites))
    write_output(text, args.output, args.datasets)
    return EXIT_OK


def run_consolidate(args: argparse.Namespace) -> int:
    from mfs_core.french import count
    from mfs_core.report import parse_month

    months = [parse_month(text) for text in args.month] if args.month else None
    try:
        from mfs_core.national.consolidate import consolidate

        with ignored_files_said():
            result = consolidate(args.sources, args.output, months)
    except ImportError as exc:
        raise missing_extra(exc) from None
    for month, (sites, rows) in result.months.items():
        print_note(f"mfs : {month} : {count(rows, 'demande')} de {count(sites, 'site')}")
    for month, error in result.unreadable.items():
        # The other months are written; this one keeps its previous file, if any.
        print_error(f"{error} (month {month} not written)")
    for month in result.stale:  # kept: its sources are gone (a purged month), said
        print_note(f"mfs : attention : {month} conservé, aucune source ne l'a plus")
    if result.unreadable:
        return EXIT_INPUT
    if not result.months:
        print_note("mfs : aucune partition pour les mois demandés : rien n'a été écrit")
        return EXIT_FINDINGS  # as `national report` with no data
    return EXIT_OK
