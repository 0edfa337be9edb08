"""``mfs journal add|export|purge``: record requests, export the journal, apply retention.

``add`` reads JSONL (one record per line), or one JSON object or array, from a file or
standard input, through :mod:`mfs_core.inputs` (UTF-8, a byte order mark ignored, each line
parsed on its own, size and depth limits). Lines with an ``event`` key are follow-up events,
the others requests. Requests are recorded in batches as the input is read; events at the
end, so that an event may come before its request. Every good line is recorded even when
others are bad, whatever backend refuses; each bad line is reported as
``file:line: field: what was expected`` and the exit code is then 2, so nothing given is
lost silently. If the journal cannot be written any more (a full disk, a lost server), the
summary says how many records were recorded before and from which line nothing was.
Messages never quote a note, a reason or a resident identifier.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING, Any

from mfs_core.cli._common import EXIT_INPUT, EXIT_OK, CliError, print_error, print_note
from mfs_core.errors import InputError

if TYPE_CHECKING:
    from mfs_core.inputs import JsonItem
    from mfs_core.journal import (
        EventRecord,
        Journal,
        RequestRecord,
        WriteResult,
    )

#: Records per transaction when adding: bounded memory, and few commits.
BATCH_SIZE = 1000


def add_journal_option(parser: argparse.ArgumentParser) -> None:
    """``--journal URL``, overriding the ``journal_url`` setting."""
    parser.add_argument(
        "--journal",
        metavar="URL",
        help="journal location, sqlite:///path or postgresql://... (default: MFS_JOURNAL_URL, "
        "else sqlite:///mfs-journal.sqlite3)",
    )


@contextmanager
def opened_journal(args: argparse.Namespace, *, read_only: bool = False) -> Iterator[Journal]:
    """The journal named by ``--journal`` or the settings; its failures become CLI errors.

    ``read_only`` (reports, exports): the journal must exist, nothing is created or changed.
    """
    from mfs_core.journal import JournalError, open_journal

    try:
        journal = open_journal(args.journal, read_only=read_only)
    except JournalError as exc:
        raise CliError(str(exc)) from None
    try:
        yield journal
    except JournalError as exc:
        raise CliError(str(exc)) from None
    finally:
        journal.close()


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "journal",
        help="record requests in the activity journal, export it, purge old records",
        description="The activity journal: requests, their outcome and follow-ups, with "
        "personal data redacted before storage.",
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
        help="write the journal as JSONL or CSV",
        description="Write the stored requests, then their follow-up events (notes as "
        "redacted, residents as pseudonyms).",
    )
    export.add_argument("--format", choices=("jsonl", "csv", "parquet"), default="jsonl")
    export.add_argument("--since", metavar="DATE", help="requests received from DATE on")
    export.add_argument("--until", metavar="DATE", help="requests received before DATE")
    export.add_argument(
        "--output", metavar="FILE", help="write to FILE (default: stdout); parquet: a directory"
    )
    add_journal_option(export)
    from mfs_core.cli.national_cmd import add_parquet_options

    add_parquet_options(export)
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
class _Adder:
    """``mfs journal add``: records the input batch by batch as it is read, and says what
    became of every line."""

    def __init__(self, journal: Journal) -> None:
        from mfs_core.journal.intake import latest_accepted

        self.journal = journal
        self.recorded = self.already = self.rejected = 0
        self._last_bad = ""
        #: Follow-up events read so far: written after every request (see _batches).
        self.events: list[tuple[str, EventRecord]] = []
        self.latest = latest_accepted()

    def problem(self, where: str, message: str) -> None:
        print_error(f"{where}: {message}")
        if where != self._last_bad:  # a record may have several problems
            self.rejected += 1
            self._last_bad = where

    def record(self, item: JsonItem) -> RequestRecord | EventRecord | None:
        """The record of one input item, or None after naming its problems."""
        from mfs_core.journal.intake import read_record

        problems = item.error.problems if item.error is not None else []
        if not problems:
            try:
                return read_record(
                    item.value, latest=self.latest, pseudonymizes=self.journal.pseudonymizes
                )
            except InputError as exc:
                problems = exc.problems
        for problem in problems:
            self.problem(item.where, problem)
        return None

    def write_requests(self, batch: list[tuple[str, RequestRecord]]) -> None:
        result = self.journal.record_each([record for _, record in batch])
        self._count(result, [where for where, _ in batch])

    def write_events(self, chunk: list[tuple[str, EventRecord]]) -> None:
        checks = self.journal.event_problems([event for _, event in chunk])
        good = []
        for (where, event), problem in zip(chunk, checks, strict=True):
            if problem is None:
                good.append((where, event))
            else:
                self.problem(where, problem)
        result = self.journal.follow_up_each([event for _, event in good])
        self._count(result, [where for where, _ in good])

    def _count(self, result: WriteResult, where: list[str]) -> None:
        self.recorded += result.recorded
        self.already += result.already_present
        for index, reason in sorted(result.rejected.items()):
            self.problem(where[index], f"the journal refused this record ({reason})")
        _report_redactions(where, result.redacted_at)


def _batches(adder: _Adder, items: Iterable[JsonItem]) -> Iterator[list[tuple[str, Any]]]:
    """The requests in batches as the input is read; then the follow-up events (kept until
    the end, so that an event may come before its request in the input)."""
    from mfs_core.journal import EventRecord

    requests: list[tuple[str, Any]] = []
    events = adder.events
    for item in items:
        record = adder.record(item)
        if isinstance(record, EventRecord):
            events.append((item.where, record))
        elif record is not None:
            requests.append((item.where, record))
            if len(requests) == BATCH_SIZE:
                yield requests
                requests = []
    if requests:
        yield requests
    for start in range(0, len(events), BATCH_SIZE):
        yield events[start : start + BATCH_SIZE]


def _report_redactions(where: list[str], result_at: dict[int, tuple[str, ...]]) -> None:
    for index, labels in sorted(result_at.items()):
        suspected = [label[:-1] for label in labels if label.endswith("?")]
        named = [label for label in labels if not label.endswith("?")]
        parts = []
        if named:
            parts.append(f"redacted {', '.join(named)}")
        if suspected:
            parts.append(f"redacted suspected {', '.join(suspected)} (checksum fails)")
        print_note(f"{where[index]}: personal data: {'; '.join(parts)}")


def _stopped_at(where: str, in_events: bool, adder: _Adder) -> str:
    """What the summary adds when the journal could not be written any more."""
    if in_events:
        lost = ""
    else:
        lost = " (the rest of the input was not read)"
        if adder.events:  # read before the failure, written after the requests: not written
            lost += f", nor the {len(adder.events)} follow-up event(s) read before it"
    return (
        f"; the write failed at {where}: nothing from there on was recorded{lost}; once "
        "fixed, give the same input again: records already in the journal are not recorded twice"
    )


def run_add(args: argparse.Namespace) -> int:
    from mfs_core.inputs import JsonLines, open_binary
    from mfs_core.journal import EventRecord, JournalError

    stream, source = open_binary(args.file)
    failed = ""
    try:
        with opened_journal(args) as journal:
            adder = _Adder(journal)
            for batch in _batches(adder, JsonLines(stream, source, arrays=True)):
                try:
                    if isinstance(batch[0][1], EventRecord):
                        adder.write_events(batch)
                    else:
                        adder.write_requests(batch)
                except JournalError as exc:
                    # The batches before are committed: say so, and where it stopped.
                    print_error(str(exc))
                    failed = _stopped_at(batch[0][0], isinstance(batch[0][1], EventRecord), adder)
                    break
    finally:
        if args.file != "-":
            stream.close()
    rejected = f"; {adder.rejected} record(s) rejected, see above" if adder.rejected else ""
    print_note(
        f"mfs: {adder.recorded} record(s) recorded, {adder.already} already in the journal"
        f"{rejected}{failed}"
    )
    return EXIT_INPUT if adder.rejected or failed else EXIT_OK


# -- export -------------------------------------------------------------------------------
def _date_option(name: str, value: str | None) -> dt.date | None:
    from mfs_core.inputs import parse_date

    return None if value is None else parse_date(value, name)


def _write_export(journal: Journal, args: argparse.Namespace, out: IO[str]) -> int:
    """Write the export (:func:`mfs_core.journal.export.export_lines`); the records written."""
    from mfs_core.journal.export import export_lines

    since = _date_option("--since", args.since)
    until = _date_option("--until", args.until)
    count = -1 if args.format == "csv" else 0  # the CSV header is not a record
    for line in export_lines(journal, since, until, args.format):
        out.write(line)
        count += 1
    return max(count, 0)


def run_export(args: argparse.Namespace) -> int:
    since = _date_option("--since", args.since)  # bad dates refused before the journal opens
    until = _date_option("--until", args.until)
    if args.format == "parquet":  # a dataset of the national layout: mfs_core.national
        from mfs_core.cli.national_cmd import run_parquet_export

        return run_parquet_export(args, since, until)
    with opened_journal(args, read_only=True) as journal:
        if args.output:
            try:
                with open(args.output, "w", encoding="utf-8", newline="") as out:
                    count = _write_export(journal, args, out)
            except OSError as exc:
                raise CliError(f"--output: cannot write {args.output!r} ({exc})") from None
            print_note(f"mfs: {count} record(s) written to {args.output}")
        else:
            _write_export(journal, args, sys.stdout)
    return EXIT_OK


# -- purge --------------------------------------------------------------------------------
def run_purge(args: argparse.Namespace) -> int:
    from mfs_core.timezone import today_in_paris

    before = _date_option("--before", args.before)
    assert before is not None
    if before > today_in_paris():  # refused before the journal is even opened
        raise CliError(
            f"--before: {before.isoformat()} is after today: expected today or an earlier "
            "date; nothing was deleted"
        )
    with opened_journal(args) as journal:
        result = journal.purge(before)
    print(
        f"mfs: purged {result.requests} request(s) received before {before.isoformat()} "
        f"and {result.events} follow-up event(s)"
    )
    return EXIT_OK
