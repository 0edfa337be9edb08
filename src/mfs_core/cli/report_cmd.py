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
    parser.set_defaults(handler=run)


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
    with opened_journal(args, read_only=True) as journal:
        report = build_report(journal, month)
    # Each format escapes outside text for itself (mfs_core.output): CSV and HTML in their
    # writers, JSON and text here, whether for the terminal or a file.
    if args.format == "json":
        import json

        text = json_text(json.dumps(to_json(report), ensure_ascii=False, indent=2) + "\n")
    elif args.format == "csv":
        text = to_csv(report)
    elif args.format == "html":
        from mfs_core.journal.report_html import to_html

        text = to_html(report, registry_names())
    else:
        text = terminal_text(to_text(report, registry_names()))
    if not args.output:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        with open(args.output, "w", encoding="utf-8", newline="") as out:
            out.write(text)
    except OSError as exc:
        raise CliError(f"--output: cannot write {args.output!r} ({exc.strerror or exc})") from None
    return EXIT_OK
