"""``mfs report --month YYYY-MM``: the monthly activity report (text, JSON, CSV, HTML)."""

from __future__ import annotations

import argparse
from typing import Any

from mfs_core.cli._common import (
    EXIT_OK,
    CliError,
    add_format_option,
    add_journal_option,
    check_output,
    ignored_files_said,
    load_registry,
    missing_extra,
    opened_journal,
    write_output,
)

FORMAT_CHOICES = ("text", "json", "csv", "html")


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "report",
        help="the monthly activity report from the journal",
        description="The activity of one month (Europe/Paris): requests by partner, "
        "procedure, thematique and channel, first-contact resolution, appointments, "
        "referrals and their outcome, autonomy. Text and HTML are French, for the site and "
        "the town; JSON follows a stable contract; CSV has one row per indicator; HTML is "
        "one self-contained page with charts.",
    )
    parser.add_argument("--month", metavar="YYYY-MM", required=True)
    add_format_option(parser, FORMAT_CHOICES)
    parser.add_argument("--output", metavar="FILE", help="write to FILE (default: stdout)")
    add_journal_option(parser)
    mayor = parser.add_argument_group("the mayor's view (text and HTML)")
    mayor.add_argument("--site-name", metavar="NAME", help="name the site in the title")
    mayor.add_argument(
        "--trend", action="store_true", help="the last 12 months: requests and rates"
    )
    mayor.add_argument(
        "--national",
        action="append",
        metavar="DATASET",
        help="national dataset (repeatable): the site beside its département and France",
    )
    mayor.add_argument("--site", metavar="ID", help="the site's id in the national dataset")
    parser.set_defaults(handler=run)


def _mayor_view(
    args: argparse.Namespace, journal: Any, month: Any, journal_requests: int
) -> tuple[str, str]:
    """The trend and the comparison asked for, as (text, HTML)."""
    texts, fragments = [], []
    if args.trend:
        from mfs_core.report.trend import monthly_trend, trend_html, trend_text

        trend = monthly_trend(journal, month)
        texts.append(trend_text(trend))
        fragments.append(trend_html(trend))
    if args.national:
        from mfs_core.national.compare import compare_site, comparison_html, comparison_text
        from mfs_core.national.engine_duckdb import national_reports

        with ignored_files_said():
            [national] = national_reports(args.national, [month])
        comparison = compare_site(national, args.site, journal_requests)
        texts.append(comparison_text(comparison))
        fragments.append(comparison_html(comparison))
    return "".join(f"\n{text}" for text in texts), "\n".join(fragments)


def run(args: argparse.Namespace) -> int:
    from mfs_core.report import build_report, parse_month, render

    month = parse_month(args.month)
    check_output(args.output, args.national or ())  # before the journal is read
    if args.national and not args.site:
        raise CliError("--national needs --site ID (the site's id in the dataset)")
    if args.site and not args.national:  # it would be ignored: the journal is one site's
        raise CliError("--site is for --national DATASET (the site's id in the dataset)")
    if (args.trend or args.national) and args.format not in ("text", "html"):
        raise CliError("--trend and --national are for --format text or html")
    with opened_journal(args, read_only=True) as journal:
        report = build_report(journal, month)
        try:
            view_text, view_html = _mayor_view(args, journal, month, report.total_requests)
        except ImportError as exc:
            raise missing_extra(exc) from None
    # Text and HTML name partners and procedures: their names come from the registry.
    names = load_registry(args).display_names if args.format in ("text", "html") else None
    extra = view_html if args.format == "html" else view_text
    write_output(
        render(report, args.format, names, site_name=args.site_name, extra=extra),
        args.output,
        args.national or (),
    )
    return EXIT_OK
