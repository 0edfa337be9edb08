"""``mfs report --month YYYY-MM``: the monthly activity report (text, JSON, CSV, HTML)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from mfs_core.cli._common import EXIT_OK, CliError, add_format_option
from mfs_core.cli.journal_cmd import add_journal_option, opened_journal


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "report",
        help="the monthly activity report from the journal",
        description="The activity of one month (Europe/Paris): requests by partner, "
        "procedure, thematique and channel, first-contact resolution, appointments, "
        "referrals and their outcome, autonomy. JSON follows a stable contract; CSV has one "
        "row per indicator; HTML is one self-contained page with charts.",
    )
    parser.add_argument("--month", metavar="YYYY-MM", required=True)
    add_format_option(parser, ("text", "json", "csv", "html"))
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


def _mayor_view(args: argparse.Namespace, journal: Any, month: Any) -> tuple[str, str]:
    """The trend and the comparison asked for, as (text, HTML)."""
    texts, fragments = [], []
    if args.trend:
        from mfs_core.journal.trend import monthly_trend, trend_html, trend_text

        trend = monthly_trend(journal, month)
        texts.append(trend_text(trend))
        fragments.append(trend_html(trend))
    if args.national:
        from mfs_core.national.compare import compare_site, comparison_html, comparison_text
        from mfs_core.national.engine_duckdb import national_reports

        [national] = national_reports(args.national, [month])
        comparison = compare_site(national, args.site)
        texts.append(comparison_text(comparison))
        fragments.append(comparison_html(comparison))
    return "".join(f"\n{text}" for text in texts), "\n".join(fragments)


def run(args: argparse.Namespace) -> int:
    from mfs_core.journal.report import (
        build_report,
        parse_month,
        registry_names,
        to_csv,
        to_json,
        to_text,
    )
    from mfs_core.output import json_text, terminal_text

    month = parse_month(args.month)
    if args.national and not args.site:
        raise CliError("--national needs --site ID (the site's id in the dataset)")
    if (args.trend or args.national) and args.format not in ("text", "html"):
        raise CliError("--trend and --national are for --format text or html")
    with opened_journal(args, read_only=True) as journal:
        report = build_report(journal, month)
        try:
            view_text, view_html = _mayor_view(args, journal, month)
        except ImportError as exc:
            raise CliError(
                f"{exc.name} is not installed: pip install 'mfs-core[national]'"
            ) from None
    # Each format escapes outside text for itself (mfs_core.output): CSV and HTML in their
    # writers, JSON and text here, whether for the terminal or a file.
    if args.format == "json":
        import json

        text = json_text(json.dumps(to_json(report), ensure_ascii=False, indent=2) + "\n")
    elif args.format == "csv":
        text = to_csv(report)
    elif args.format == "html":
        from mfs_core.journal.report_html import to_html

        text = to_html(report, registry_names(), site_name=args.site_name, extra=view_html)
    else:
        title = f"Site : {args.site_name}\n" if args.site_name else ""
        text = terminal_text(title + to_text(report, registry_names()) + view_text)
    if not args.output:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        with open(args.output, "w", encoding="utf-8", newline="") as out:
            out.write(text)
    except OSError as exc:
        raise CliError(f"--output: cannot write {args.output!r} ({exc.strerror or exc})") from None
    return EXIT_OK
