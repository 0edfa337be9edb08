"""Reading one journal record from plain data, as ``mfs journal add`` and
``POST /journal/records`` (:mod:`mfs_core.serve`) take them.

An object with an ``event`` key is a follow-up :class:`EventRecord`, any other a
:class:`RequestRecord`. Problems name the field and what was expected, never the value of a
personal field (note, reason, resident).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from mfs_core.converter import structure
from mfs_core.errors import InputError
from mfs_core.journal.records import EventRecord, RequestRecord

__all__ = ["latest_accepted", "private_safe", "read_record"]

#: Fields whose content is personal: a problem about them never quotes the value.
PRIVATE_FIELDS = ("note", "reason", "resident")


def private_safe(problem: str) -> str:
    """Drop the value a problem about a personal field may quote (``..., got VALUE``)."""
    for field in PRIVATE_FIELDS:
        marker = f"{field}: "
        at = problem.find(marker)
        if at != -1 and (at == 0 or problem[at - 2 : at] in (": ", "].")):
            detail = problem[at + len(marker) :]
            if not detail.startswith("expected"):
                detail = "invalid value (not shown: personal data)"
            return problem[: at + len(marker)] + detail.split(", got ", 1)[0]
    return problem


def latest_accepted() -> dt.datetime:
    """The latest time a record may carry, from now: a date beyond tomorrow is a typo or a
    wrong clock (recorded, it would sit in a future month's report); a day of slack covers
    clocks and time zones."""
    return dt.datetime.now(dt.UTC) + dt.timedelta(days=1)


def read_record(
    data: Any, *, latest: dt.datetime, pseudonymizes: bool
) -> RequestRecord | EventRecord:
    """The record ``data`` describes, checked as the journal needs it.

    ``latest`` is :func:`latest_accepted` (computed once per batch); ``pseudonymizes`` says
    whether the journal has a pseudonym secret (else a ``resident`` is refused). Raises
    :class:`InputError` with one problem per line, each safe to show and to log.
    """
    from mfs_core.journal.api import NO_SECRET

    if not isinstance(data, dict):
        raise InputError(f"expected a JSON object, got {type(data).__name__}")
    try:
        record: RequestRecord | EventRecord = (
            structure(data, EventRecord) if "event" in data else structure(data, RequestRecord)
        )
    except InputError as exc:
        raise InputError([private_safe(problem) for problem in exc.problems]) from None
    if isinstance(record, EventRecord):
        when, field = record.occurred_at, "occurred_at"
    else:
        when, field = record.received_at, "received_at"
    if when > latest:
        raise InputError(f"{field}: {when.isoformat()} is in the future")
    if isinstance(record, RequestRecord) and record.resident is not None and not pseudonymizes:
        raise InputError(NO_SECRET)
    return record
