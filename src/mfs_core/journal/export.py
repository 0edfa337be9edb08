"""Exporting the journal: what ``mfs journal export`` writes, as a library.

The stored requests received in a period, then their follow-up events, as JSON lines or
CSV (:data:`FORMATS`). Times are written in Europe/Paris; notes and reasons come out as
stored, redacted again (a journal written by an older mfs-core exports what today's
redaction finds); residents only as their pseudonyms. Every JSON line has its characters
that act on a terminal escaped (:func:`mfs_core.output.json_text`), and every CSV cell is
guarded against spreadsheet formulas (:func:`mfs_core.output.csv_text`).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Any

from mfs_core.output import csv_text, json_text
from mfs_core.redaction import redact
from mfs_core.timezone import PARIS

if TYPE_CHECKING:
    from mfs_core.journal.api import Journal
    from mfs_core.journal.records import StoredEvent, StoredRequest

__all__ = ["CSV_COLUMNS", "FORMATS", "event_json", "request_json", "write_export"]

#: The export formats.
FORMATS = ("jsonl", "csv")
#: The CSV header: one row per request or event (``record`` says which).
CSV_COLUMNS = (
    "record", "id", "request_id", "time", "partner", "procedure", "thematique", "channel",
    "outcome", "autonomy", "event", "reason", "note", "resident_pseudonym", "redacted",
    # Added with schema version 2: last, so that readers of the older columns keep working.
    "decision", "decision_rule", "referral_target",
)  # fmt: skip


def _redacted(text: str | None) -> str | None:
    """Stored free text, redacted again (text redacted by this mfs-core comes out
    unchanged)."""
    return None if text is None else redact(text).text


def _present(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if value is not None}


def request_json(request: StoredRequest) -> dict[str, Any]:
    """A stored request as one JSON object (keys with no value left out)."""
    return _present(
        {
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
    )


def event_json(event: StoredEvent) -> dict[str, Any]:
    """A stored follow-up event as one JSON object (keys with no value left out)."""
    return _present(
        {
            "id": event.id,
            "event": event.event,
            "request_id": event.request_id,
            "occurred_at": event.occurred_at.astimezone(PARIS).isoformat(),
            "reason": _redacted(event.reason),
            "redacted": list(event.redacted) or None,
        }
    )


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return csv_text(",".join(value))
    return csv_text(str(value))


def write_export(
    journal: Journal,
    out: IO[str],
    fmt: str = "jsonl",
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> int:
    """Write the requests received from ``since`` to before ``until`` (Paris days, open
    bounds when ``None``), then their follow-up events, to ``out`` in ``fmt`` (one of
    :data:`FORMATS`); return how many records were written. Everything comes from one
    snapshot of the journal, whatever other processes record meanwhile. Raises
    :class:`ValueError` for an unknown format,
    :class:`~mfs_core.journal.JournalError` when the journal cannot be read.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}, expected one of {', '.join(FORMATS)}")
    writer = csv.writer(out, lineterminator="\n") if fmt == "csv" else None
    if writer:
        writer.writerow(CSV_COLUMNS)
    count = 0
    with journal.snapshot():  # the requests and the events of one state of the journal
        for kind, time_key, data in _records(journal, since, until):
            if writer:
                row = {"record": kind, "time": data.pop(time_key), **data}
                writer.writerow([_cell(row.get(column)) for column in CSV_COLUMNS])
            else:
                out.write(json_text(json.dumps(data, ensure_ascii=False)) + "\n")
            count += 1
    return count


def _records(
    journal: Journal, since: dt.date | None, until: dt.date | None
) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(record kind, key of its time, JSON object) of each request, then each event."""
    for request in journal.requests(since, until):
        yield "request", "received_at", request_json(request)
    for event in journal.events(since, until):
        yield "event", "occurred_at", event_json(event)
