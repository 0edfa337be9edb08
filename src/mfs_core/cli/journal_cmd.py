"""``mfs journal add|export|purge``: record requests, export the journal, apply retention.

Each action parses its arguments, calls one function of :mod:`mfs_core.journal` and says
what it did: ``add`` is :func:`mfs_core.journal.intake.add_json` (the reading rules, the
checks and the messages are described there), ``export`` is
:func:`mfs_core.journal.export.write_export` (``--format parquet``:
:func:`mfs_core.national.dataset.export_site`, a dataset of the national layout), ``purge`` is
:meth:`mfs_core.journal.Journal.purge`. The summaries are French, for the agent; the
problems of each bad line (file, line, field, what was expected) stay English, for whoever
produced the file, and never quote a note, a reason or a resident identifier. Exit code 2
when a line was refused or a write failed: nothing given is lost silently.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from mfs_core.cli._common import (
    EXIT_INPUT,
    EXIT_OK,
    CliError,
    add_journal_option,
    check_output,
    missing_extra,
    opened_journal,
    print_error,
    print_note,
)
from mfs_core.errors import InputError

#: The export formats (:data:`mfs_core.journal.export.FORMATS`, without importing it), and
#: the Parquet dataset of :mod:`mfs_core.national`.
EXPORT_FORMATS = ("jsonl", "csv", "parquet")


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "journal",
        help="record requests in the activity journal, export it, purge old records",
        description="The activity journal: requests, their outcome and follow-ups, with "
        "personal data redacted before storage. export writes it as JSONL or CSV (notes "
        "redacted, residents as pseudonyms) or as a Parquet dataset for mfs national "
        "(no notes, no residents: one row a request, its coded facts).",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", parser_class=type(parser))
    actions.required = True

    add = actions.add_parser(
        "add",
        help="record requests and follow-up events (JSONL)",
        description="Record requests and follow-up events given as JSONL (one JSON object "
        "a line), or as one JSON object or array. A record whose id is already in the "
        "journal is not recorded twice.",
    )
    add.add_argument("file", nargs="?", default="-", help="input file (default: standard input)")
    add_journal_option(add)
    add.set_defaults(handler=run_add)

    export = actions.add_parser(
        "export",
        help="write the journal as JSONL or CSV, or as a Parquet dataset for the national figures",
        description="JSONL and CSV: the stored requests, then their follow-up events (notes "
        "as redacted, residents as pseudonyms). Parquet (--output DIR, --site, "
        "--insee-code): one file a month, one row a request with its day, partner, "
        "procedure, thematique, channel, outcome, autonomy, routing decision, latest "
        "follow-up and the site's département and région, and whether a resident was "
        "identified and came again that month; no note or other free text, no request id, "
        "no time of day, no resident pseudonym (docs/national.md, schema version 1).",
    )
    export.add_argument("--format", choices=EXPORT_FORMATS, default="jsonl")
    export.add_argument("--since", metavar="DATE", help="requests received from DATE on")
    export.add_argument("--until", metavar="DATE", help="requests received before DATE")
    export.add_argument(
        "--output", metavar="FILE", help="write to FILE (default: stdout); parquet: a directory"
    )
    add_journal_option(export)
    group = export.add_argument_group("--format parquet (a dataset directory as --output)")
    group.add_argument("--site", metavar="ID", help="the site's id (ANCT id_fs, or your own)")
    group.add_argument(
        "--insee-code",
        metavar="CODE",
        help=(
            "INSEE code of the site's commune (e.g. 64483); its shape and its département "
            "are checked, not that the commune exists"
        ),
    )
    group.add_argument(
        "--replace-site",
        action="store_true",
        help="the site's partitions written for another commune are replaced (and those "
        "of months not exported removed); without it they are refused",
    )
    export.set_defaults(handler=run_export)

    purge = actions.add_parser(
        "purge",
        help="delete requests received before a date (retention period)",
        description="Delete every request received before DATE (00:00, Europe/Paris) and "
        "its follow-up events. Deleted content is overwritten on SQLite.",
    )
    purge.add_argument("--before", metavar="DATE", required=True, help="YYYY-MM-DD")
    add_journal_option(purge)
    purge.set_defaults(handler=run_purge)


# -- add ----------------------------------------------------------------------------------
def run_add(args: argparse.Namespace) -> int:
    from mfs_core.inputs import open_binary
    from mfs_core.journal.intake import add_json, redaction_fr, summary_fr

    def problem(where: str, message: str) -> None:
        print_error(f"{where}: {message}")

    def redacted(where: str, codes: tuple[str, ...]) -> None:
        print_note(f"{where}: {redaction_fr(codes)}")

    stream, source = open_binary(args.file)
    try:
        with opened_journal(args) as journal:
            summary = add_json(journal, stream, source, on_problem=problem, on_redacted=redacted)
    finally:
        if args.file != "-":
            stream.close()
    if summary.failure is not None:
        print_error(summary.failure)
    print_note(f"mfs : {summary_fr(summary)}")
    return EXIT_OK if summary.complete else EXIT_INPUT


# -- export -------------------------------------------------------------------------------
def run_export(args: argparse.Namespace) -> int:
    from mfs_core.french import count, plural
    from mfs_core.inputs import parse_date
    from mfs_core.journal.export import write_export

    # Bad dates are refused before the journal is opened.
    since = None if args.since is None else parse_date(args.since, "--since")
    until = None if args.until is None else parse_date(args.until, "--until")
    if since is not None and until is not None and since >= until:
        # --until is exclusive: an empty range is a mistake, not an export of no row.
        raise CliError(
            f"--since {since.isoformat()} is not before --until {until.isoformat()} "
            "(requests received from --since to before --until): nothing would be exported"
        )
    if args.format == "parquet":
        return _export_parquet(args, since, until)
    check_output(args.output)  # a CSV or JSONL export never replaces a dataset's file
    with opened_journal(args, read_only=True) as journal:
        if not args.output:
            write_export(journal, sys.stdout, args.format, since=since, until=until)
            return EXIT_OK
        try:
            with open(args.output, "w", encoding="utf-8", newline="") as out:
                written = write_export(journal, out, args.format, since=since, until=until)
        except OSError as exc:
            raise CliError(f"--output: cannot write {args.output!r} ({exc})") from None
    print_note(
        f"mfs : {count(written, 'enregistrement')} {plural(written, 'écrit')} dans {args.output}"
    )
    return EXIT_OK


def _export_parquet(args: argparse.Namespace, since: dt.date | None, until: dt.date | None) -> int:
    """``--format parquet``: the site's journal as ``DIR/site=<ID>/month=<YYYY-MM>/``
    (one read-only snapshot, one partition a month, each replaced atomically: exporting
    again never duplicates a row). ``since``/``until`` are first days of months."""
    from mfs_core.french import count, plural

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
            result = export_site(
                journal, args.output, site, since=since, until=until,
                replace_site=args.replace_site,
            )  # fmt: skip
    except ImportError as exc:
        raise missing_extra(exc) from None
    months, rows = len(result.written), result.rows
    removed = ""
    if result.removed:
        emptied = len(result.removed)
        removed = (
            f", {count(emptied, 'mois', 'mois')} {plural(emptied, 'vidé')} par une purge "
            f"{plural(emptied, 'retiré')}"
        )
    if result.dropped:
        other = len(result.dropped)
        removed += f", {count(other, 'mois', 'mois')} d'une autre commune {plural(other, 'retiré')}"
    print_note(
        f"mfs : {count(rows, 'demande')} du site {site.id} {plural(rows, 'écrite')} dans "
        f"{args.output} ({count(months, 'mois', 'mois')}{removed})"
    )
    return EXIT_OK


# -- purge --------------------------------------------------------------------------------
def run_purge(args: argparse.Namespace) -> int:
    from mfs_core.french import count, plural
    from mfs_core.inputs import parse_date
    from mfs_core.journal.api import check_purge_date

    before = parse_date(args.before, "--before")
    check_purge_date(before, option="--before")  # refused before the journal is opened
    with opened_journal(args) as journal:
        result = journal.purge(before)
    requests, events = result.requests, result.events
    print(
        f"mfs : {count(requests, 'demande')} {plural(requests, 'reçue')} avant le "
        f"{before:%d/%m/%Y} {plural(requests, 'supprimée')}, avec "
        f"{count(events, 'suivi')} {plural(events, 'supprimé')}"
    )
    return EXIT_OK
