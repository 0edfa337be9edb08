"""``mfs journal add|export|purge``: record requests, export the journal, apply retention.

``add`` reads JSONL (one record per line), or one JSON object or array, from a file or
standard input. Lines with an ``event`` key are follow-up events, the others requests. Every
good line is recorded even when others are bad; each bad line is reported as
``file:line: field: what was expected`` and the exit code is then 2, so nothing given is
lost silently. Messages never quote a note, a reason or a resident identifier.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING, Any

from mfs_core.cli._common import EXIT_INPUT, EXIT_OK, CliError, print_error
from mfs_core.errors import InputError

if TYPE_CHECKING:
    from mfs_core.journal import EventRecord, Journal, RequestRecord, StoredEvent, StoredRequest

#: Records per transaction when adding: bounded memory, and few commits.
BATCH_SIZE = 1000
#: Fields whose content is personal: an error about them never quotes the value.
_PRIVATE_FIELDS = ("note", "reason", "resident")


def add_journal_option(parser: argparse.ArgumentParser) -> None:
    """``--journal URL``, overriding the ``journal_url`` setting."""
    parser.add_argument(
        "--journal",
        metavar="URL",
        help="journal location, sqlite:///path or postgresql://... (default: MFS_JOURNAL_URL, "
        "else sqlite:///mfs-journal.sqlite3)",
    )


@contextmanager
def opened_journal(args: argparse.Namespace) -> Iterator[Journal]:
    """The journal named by ``--journal`` or the settings; its failures become CLI errors."""
    from mfs_core.journal import JournalError, open_journal

    try:
        journal = open_journal(args.journal)
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
    export.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    export.add_argument("--since", metavar="DATE", help="requests received from DATE on")
    export.add_argument("--until", metavar="DATE", help="requests received before DATE")
    export.add_argument("--output", metavar="FILE", help="write to FILE (default: stdout)")
    add_journal_option(export)
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
def _private_safe(problem: str) -> str:
    """Drop the value quoted by a problem about a personal field."""
    for field in _PRIVATE_FIELDS:
        marker = f"{field}: "
        at = problem.find(marker)
        if at != -1 and (at == 0 or problem[at - 2 : at] in (": ", "].")):
            return problem[: at + len(marker)] + "expected a string of at most 2000 characters"
    return problem


def _documents(text: str, source: str) -> Iterator[tuple[str, Any]]:
    """(location, parsed JSON or the exception) for each record of the input."""
    stripped = text.lstrip()
    if stripped.startswith(("[", "{")):
        try:
            whole = json.loads(text)
        except json.JSONDecodeError:
            whole = None  # JSONL, or malformed: read line by line
        if isinstance(whole, list):
            for index, item in enumerate(whole):
                yield f"{source}[{index}]", item
            return
        if isinstance(whole, dict):
            yield f"{source}:1", whole
            return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield f"{source}:{number}", json.loads(line)
        except json.JSONDecodeError as exc:
            yield f"{source}:{number}", InputError(f"invalid JSON ({exc.msg}, column {exc.colno})")


def _parse(
    text: str, source: str
) -> tuple[list[tuple[str, RequestRecord]], list[tuple[str, EventRecord]], list[str]]:
    from mfs_core.converter import structure
    from mfs_core.journal import EventRecord, RequestRecord

    requests: list[tuple[str, RequestRecord]] = []
    events: list[tuple[str, EventRecord]] = []
    problems: list[str] = []
    # A date beyond tomorrow is a typo or a wrong clock: recorded, it would sit in a future
    # month's report. A day of slack covers clocks and time zones.
    latest = dt.datetime.now(dt.UTC) + dt.timedelta(days=1)
    for where, data in _documents(text, source):
        if isinstance(data, InputError):
            problems.append(f"{where}: {data}")
            continue
        if not isinstance(data, dict):
            problems.append(f"{where}: expected a JSON object, got {type(data).__name__}")
            continue
        try:
            record: RequestRecord | EventRecord = (
                structure(data, EventRecord) if "event" in data else structure(data, RequestRecord)
            )
        except InputError as exc:
            problems += [f"{where}: {_private_safe(p)}" for p in exc.problems]
            continue
        if isinstance(record, EventRecord):
            when, field = record.occurred_at, "occurred_at"
        else:
            when, field = record.received_at, "received_at"
        if when > latest:
            problems.append(f"{where}: {field}: {when.isoformat()} is in the future")
        elif isinstance(record, EventRecord):
            events.append((where, record))
        else:
            requests.append((where, record))
    return requests, events, problems


def _read_input(name: str) -> tuple[str, str]:
    if name == "-":
        return sys.stdin.read(), "<stdin>"
    try:
        with open(name, encoding="utf-8") as handle:
            return handle.read(), name
    except (OSError, UnicodeDecodeError) as exc:
        raise CliError(f"{name}: cannot read ({exc})") from None


def _report_redactions(where: list[str], result_at: dict[int, tuple[str, ...]]) -> None:
    for index, labels in sorted(result_at.items()):
        suspected = [label[:-1] for label in labels if label.endswith("?")]
        named = [label for label in labels if not label.endswith("?")]
        parts = []
        if named:
            parts.append(f"redacted {', '.join(named)}")
        if suspected:
            parts.append(f"redacted suspected {', '.join(suspected)} (checksum fails)")
        print(f"{where[index]}: personal data: {'; '.join(parts)}", file=sys.stderr)


def run_add(args: argparse.Namespace) -> int:
    text, source = _read_input(args.file)
    requests, events, problems = _parse(text, source)
    recorded = already = 0
    with opened_journal(args) as journal:
        if not journal.pseudonymizes:
            from mfs_core.journal.api import NO_SECRET

            problems += [f"{where}: {NO_SECRET}" for where, r in requests if r.resident is not None]
            requests = [(where, r) for where, r in requests if r.resident is None]
        try:
            for start in range(0, len(requests), BATCH_SIZE):
                batch = requests[start : start + BATCH_SIZE]
                result = journal.record_many(record for _, record in batch)
                recorded += result.recorded
                already += result.already_present
                _report_redactions([where for where, _ in batch], result.redacted_at)
            for start in range(0, len(events), BATCH_SIZE):
                chunk = events[start : start + BATCH_SIZE]
                checks = journal.event_problems([event for _, event in chunk])
                good = []
                for (where, event), problem in zip(chunk, checks, strict=True):
                    if problem is None:
                        good.append((where, event))
                    else:
                        problems.append(f"{where}: {problem}")
                result = journal.follow_up_many(event for _, event in good)
                recorded += result.recorded
                already += result.already_present
                _report_redactions([where for where, _ in good], result.redacted_at)
        except InputError as exc:  # e.g. a resident without a pseudonym secret
            problems += exc.problems
    for problem in problems:
        print_error(problem)
    bad = len({problem.split(": ", 1)[0] for problem in problems})
    rejected = f"; {bad} record(s) rejected, see above" if problems else ""
    print(
        f"mfs: {recorded} record(s) recorded, {already} already in the journal{rejected}",
        file=sys.stderr,
    )
    return EXIT_INPUT if problems else EXIT_OK


# -- export -------------------------------------------------------------------------------
def _date_option(name: str, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CliError(f"{name}: expected a date YYYY-MM-DD, got {value!r}") from None


def _redacted(text: str | None) -> str | None:
    """Stored free text, redacted again: a journal written by an older mfs-core exports
    what today's redaction finds (text redacted by this one comes out unchanged)."""
    if text is None:
        return None
    from mfs_core.redaction import redact

    return redact(text).text


def _request_json(request: StoredRequest) -> dict[str, Any]:
    from mfs_core.journal.api import PARIS

    data: dict[str, Any] = {
        "id": request.id,
        "received_at": request.received_at.astimezone(PARIS).isoformat(),
        "procedure": request.procedure,
        "thematique": request.thematique,
        "partner": request.partner,
        "channel": request.channel,
        "outcome": request.outcome,
        "autonomy": request.autonomy,
        "note": _redacted(request.note),
        "resident_pseudonym": request.resident_pseudonym,
        "redacted": list(request.redacted) or None,
        "decision": request.decision,
        "decision_rule": request.decision_rule,
        "referral_target": request.referral_target,
    }
    return {key: value for key, value in data.items() if value is not None}


def _event_json(event: StoredEvent) -> dict[str, Any]:
    from mfs_core.journal.api import PARIS

    data: dict[str, Any] = {
        "id": event.id,
        "event": event.event,
        "request_id": event.request_id,
        "occurred_at": event.occurred_at.astimezone(PARIS).isoformat(),
        "reason": _redacted(event.reason),
        "redacted": list(event.redacted) or None,
    }
    return {key: value for key, value in data.items() if value is not None}


CSV_COLUMNS = (
    "record", "id", "request_id", "time", "partner", "procedure", "thematique", "channel",
    "outcome", "autonomy", "event", "reason", "note", "resident_pseudonym", "redacted",
    # Added with schema version 2: last, so that readers of the older columns keep working.
    "decision", "decision_rule", "referral_target",
)  # fmt: skip


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ",".join(value)
    text = str(value)
    # A spreadsheet would run a cell starting like a formula: keep it text.
    return f"'{text}" if text[:1] in ("=", "+", "-", "@") else text


def _write_export(journal: Journal, args: argparse.Namespace, out: IO[str]) -> int:
    since = _date_option("--since", args.since)
    until = _date_option("--until", args.until)
    count = 0
    writer = csv.writer(out, lineterminator="\n") if args.format == "csv" else None
    if writer:
        writer.writerow(CSV_COLUMNS)
    for request in journal.requests(since, until):
        data = _request_json(request)
        if writer:
            data = {"record": "request", "time": data.pop("received_at"), **data}
            writer.writerow([_cell(data.get(column)) for column in CSV_COLUMNS])
        else:
            out.write(json.dumps(data, ensure_ascii=False) + "\n")
        count += 1
    for event in journal.events(since, until):
        data = _event_json(event)
        if writer:
            data = {"record": "event", "time": data.pop("occurred_at"), **data}
            writer.writerow([_cell(data.get(column)) for column in CSV_COLUMNS])
        else:
            out.write(json.dumps(data, ensure_ascii=False) + "\n")
        count += 1
    return count


def run_export(args: argparse.Namespace) -> int:
    with opened_journal(args) as journal:
        if args.output:
            try:
                with open(args.output, "w", encoding="utf-8", newline="") as out:
                    count = _write_export(journal, args, out)
            except OSError as exc:
                raise CliError(f"--output: cannot write {args.output!r} ({exc})") from None
            print(f"mfs: {count} record(s) written to {args.output}", file=sys.stderr)
        else:
            _write_export(journal, args, sys.stdout)
    return EXIT_OK


# -- purge --------------------------------------------------------------------------------
def run_purge(args: argparse.Namespace) -> int:
    before = _date_option("--before", args.before)
    assert before is not None
    with opened_journal(args) as journal:
        result = journal.purge(before)
    print(
        f"mfs: purged {result.requests} request(s) received before {before.isoformat()} "
        f"and {result.events} follow-up event(s)"
    )
    return EXIT_OK
