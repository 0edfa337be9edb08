"""The journal written out: JSON lines or CSV, the contract of ``mfs journal export`` and of
``GET /journal/export`` (:mod:`mfs_core.serve`).

The stored requests received in a period, then their follow-up events, from one state of
the journal (a snapshot), as JSON lines or CSV (:data:`FORMATS`). Times are written in
Europe/Paris; notes and reasons come out as stored, redacted again (a journal written by an
older mfs-core exports what today's redaction finds); residents only as their pseudonyms.
Every JSON line has its characters that act on a terminal escaped
(:func:`mfs_core.output.json_text`), and every CSV cell is guarded against spreadsheet
formulas (:func:`mfs_core.output.csv_text`).

:func:`export_lines` yields the lines one at a time (a caller streaming them holds one record
in memory); :func:`write_export` writes them to a file and counts the records.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Any, Literal

from mfs_core.output import csv_text, json_text
from mfs_core.redaction import redact
from mfs_core.timezone import PARIS

if TYPE_CHECKING:
    from mfs_core.journal.api import Journal
    from mfs_core.journal.records import StoredEvent, StoredRequest

__all__ = [
    "CSV_COLUMNS",
    "FORMATS",
    "event_json",
    "export_lines",
    "request_json",
    "write_export",
]

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


class _Row:
    """A file-like object that hands back the one CSV row just written to it."""

    def __init__(self) -> None:
        self.text = ""

    def write(self, text: str) -> int:
        self.text = text
        return len(text)


def export_lines(
    journal: Journal,
    since: dt.date | None = None,
    until: dt.date | None = None,
    fmt: Literal["jsonl", "csv"] = "jsonl",
) -> Iterator[str]:
    """The export, one line (with its line end) at a time: requests received from ``since``
    and before ``until`` (Europe/Paris days; ``None``: no bound), then their events; in CSV
    the header first.

    A generator: the journal is read inside one snapshot while the lines are consumed, so
    a caller streaming them (a file, an HTTP response) holds one record in memory at a time.
    Raises :class:`ValueError` for an unknown format,
    :class:`~mfs_core.journal.JournalError` when the journal cannot be read.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}, expected one of {', '.join(FORMATS)}")
    row = _Row()
    writer = csv.writer(row, lineterminator="\n")

    def line(kind: str, data: dict[str, Any], time_key: str) -> str:
        if fmt == "csv":
            data = {"record": kind, "time": data.pop(time_key), **data}
            writer.writerow([_cell(data.get(column)) for column in CSV_COLUMNS])
            return row.text
        return json_text(json.dumps(data, ensure_ascii=False)) + "\n"

    if fmt == "csv":
        writer.writerow(CSV_COLUMNS)
        yield row.text
    with journal.snapshot():  # the requests and the events of one state of the journal
        for request in journal.requests(since, until):
            yield line("request", request_json(request), "received_at")
        for event in journal.events(since, until):
            yield line("event", event_json(event), "occurred_at")


def write_export(
    journal: Journal,
    out: IO[str],
    fmt: Literal["jsonl", "csv"] = "jsonl",
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> int:
    """Write :func:`export_lines` to ``out``; return how many records were written (the
    CSV header is not one). Raises as :func:`export_lines`, and :class:`OSError` when
    ``out`` cannot be written."""
    lines = 0
    for text in export_lines(journal, since, until, fmt):
        out.write(text)
        lines += 1
    return lines - 1 if fmt == "csv" else lines  # the header is no record
