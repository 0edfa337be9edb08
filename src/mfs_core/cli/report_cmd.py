"""``mfs report --month YYYY-MM``: the monthly activity report (text, JSON, CSV, HTML)."""

from __future__ import annotations

import argparse
from typing import Any

from mfs_core.cli._common import (
    EXIT_OK,
    add_format_option,
    add_journal_option,
    load_registry,
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
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from mfs_core.report import build_report, parse_month, render

    month = parse_month(args.month)
    with opened_journal(args, read_only=True) as journal:
        report = build_report(journal, month)
    # Text and HTML name partners and procedures: their names come from the registry.
    names = load_registry(args).display_names if args.format in ("text", "html") else None
    write_output(render(report, args.format, names), args.output)
    return EXIT_OK
