"""``mfs national report|consolidate``, and ``mfs journal export --format parquet``.

- ``mfs journal export --format parquet --output DIR --site ID --insee-code CODE``: the
  site's journal as ``DIR/site=<ID>/month=<YYYY-MM>/part-0.parquet`` (one read-only
  snapshot, one partition a month, each replaced atomically: exporting again never
  duplicates a row). :func:`run_parquet_export` is called by ``journal_cmd``.
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
import sys
from typing import TYPE_CHECKING, Any

from mfs_core.cli._common import EXIT_OK, CliError, print_note
from mfs_core.errors import InputError

if TYPE_CHECKING:
    from mfs_core.national.indicators import NationalReport

#: What to install for each missing module.
_EXTRAS = {"pyarrow": "national", "duckdb": "national", "pyspark": "spark"}


def _missing(exc: ImportError) -> CliError:
    module = (exc.name or "").split(".")[0]
    extra = _EXTRAS.get(module)
    if extra is None:
        raise exc
    return CliError(f"{module} is not installed: pip install 'mfs-core[{extra}]'")


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
    from mfs_core.journal.report import parse_month

    month = parse_month(args.month)
    try:
        if args.engine == "spark":
            return _spark_report(args, month)
        from mfs_core.national.engine_duckdb import national_reports

        [report] = national_reports(args.datasets, [month], site_breakdowns=args.site_breakdowns)
    except ImportError as exc:
        raise _missing(exc) from None
    return report


def _spark_report(args: argparse.Namespace, month: Any) -> NationalReport:
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


def _write(args: argparse.Namespace, text: str) -> None:
    if not args.output:
        sys.stdout.write(text)
        return
    try:
        with open(args.output, "w", encoding="utf-8", newline="") as out:
            out.write(text)
    except OSError as exc:
        raise CliError(f"--output: cannot write {args.output!r} ({exc.strerror or exc})") from None


def run_report(args: argparse.Namespace) -> int:
    from mfs_core.output import json_text, terminal_text

    report = _reports(args)
    if args.format == "json":
        text = json_text(json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n")
    else:
        from mfs_core.journal.report import registry_names
        from mfs_core.national.text import to_text

        text = terminal_text(to_text(report, registry_names(), sites=args.sites))
    _write(args, text)
    return EXIT_OK


def run_consolidate(args: argparse.Namespace) -> int:
    from mfs_core.journal.report import parse_month

    months = [parse_month(text) for text in args.month] if args.month else None
    try:
        from mfs_core.national.consolidate import consolidate

        result = consolidate(args.sources, args.output, months)
    except ImportError as exc:
        raise _missing(exc) from None
    for month, (sites, rows) in result.months.items():
        print_note(f"mfs: {month}: {rows} demande(s) de {sites} site(s)")
    if not result.months:
        print_note("mfs: no partition found for the months asked: nothing written")
    return EXIT_OK


# -- mfs journal export --format parquet ------------------------------------------------------
def add_parquet_options(parser: argparse.ArgumentParser) -> None:
    """The options of ``mfs journal export`` that only the Parquet format reads."""
    group = parser.add_argument_group("--format parquet (a dataset directory as --output)")
    group.add_argument("--site", metavar="ID", help="the site's id (ANCT id_fs, or your own)")
    group.add_argument(
        "--insee-code", metavar="CODE", help="INSEE code of the site's commune (e.g. 64483)"
    )


def run_parquet_export(args: argparse.Namespace, since: Any, until: Any) -> int:
    """``mfs journal export --format parquet``: ``since``/``until`` are first days of
    months or ``None``."""
    from mfs_core.cli.journal_cmd import opened_journal

    given = {
        "--output DIR": args.output,
        "--site ID": args.site,
        "--insee-code CODE": args.insee_code,
    }
    missing = [option for option, value in given.items() if not value]
    if missing:
        raise CliError(f"--format parquet needs {', '.join(missing)}")
    for option, day in (("--since", since), ("--until", until)):
        if day is not None and day.day != 1:
            raise CliError(
                f"{option}: expected the first day of a month with --format parquet (a "
                f"partition holds a whole month), got {day.isoformat()}"
            )
    try:
        from mfs_core.national.dataset import SiteRef, export_site

        try:
            site = SiteRef(args.site, args.insee_code)
        except ValueError as exc:
            raise CliError(f"--{exc}") from None
        try:  # a commune outside the COG is refused before the journal is opened
            site.place  # noqa: B018
        except InputError as exc:
            raise CliError(f"--insee-code: {str(exc).removeprefix('insee_code: ')}") from None
        with opened_journal(args, read_only=True) as journal:
            result = export_site(journal, args.output, site, since=since, until=until)
    except ImportError as exc:
        raise _missing(exc) from None
    months = len(result.written)
    removed = ""
    if result.removed:
        removed = f", {len(result.removed)} month(s) emptied by a purge removed"
    print_note(
        f"mfs: {result.rows} request(s) of site {site.id} written to {args.output} "
        f"({months} month(s){removed})"
    )
    return EXIT_OK
