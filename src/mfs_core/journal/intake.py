"""Recording JSON input into the journal: what ``mfs journal add`` and ``POST
/journal/records`` (:mod:`mfs_core.serve`) do, as a library.

:func:`add_json` reads records through the one JSON reader of :mod:`mfs_core.inputs`
(:class:`~mfs_core.inputs.JsonLines`: JSON lines, or one JSON object or array; UTF-8, a
byte order mark ignored, each line parsed on its own, size and depth limits). Lines with an
``event`` key are follow-up events, the others requests. Requests are recorded in batches
as the input is read; events at the end, so that an event may come before its request.
Every good record is recorded even when others are bad, whatever the backend refuses.

Each bad record is named to ``on_problem(where, message)`` (``where`` is ``FILE:LINE`` or
``FILE[INDEX]``) and counted as rejected; a record whose id the journal already holds with
other content is named too (:data:`CONFLICT`) and counted as conflicting, not stored (the
first write of an id wins; an identical retry is only ``already_present``); a record whose
free text had personal data redacted is named to ``on_redacted(where, codes)``. Messages
never quote a note, a reason or a resident identifier (:func:`private_safe`). If the
journal cannot be written any more (a full disk, a lost server), the :class:`IntakeSummary`
says how many records were recorded before and from which record nothing was.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

import attrs

from mfs_core.converter import json_kind, structure
from mfs_core.errors import InputError
from mfs_core.french import PERSONAL_DATA_FR, count, decimal, plural
from mfs_core.inputs import BinaryInput, JsonItem, JsonLines
from mfs_core.journal.api import NO_SECRET
from mfs_core.journal.records import EventRecord, RequestRecord
from mfs_core.journal.store import JournalError

if TYPE_CHECKING:
    from mfs_core.journal.api import Journal, WriteResult

__all__ = [
    "BATCH_SIZE",
    "CONFLICT",
    "CONFLICT_FR",
    "FUTURE_SLACK",
    "IntakeSummary",
    "add_json",
    "add_records",
    "latest_accepted",
    "private_safe",
    "read_record",
    "redaction_fr",
    "summary_fr",
]

#: Records per transaction when adding: bounded memory, and few commits.
BATCH_SIZE = 1000
#: How far past the current time a record may be dated: a day covers clocks and time zones.
#: Later, it is a typo or a wrong clock, and recorded it would sit in a future month.
FUTURE_SLACK = dt.timedelta(days=1)
#: What is said of a record whose id the journal holds with other content (no value shown).
CONFLICT = (
    "id: already in the journal with other content: not recorded (the record first given "
    "with this id is kept; give a changed record a new id)"
)
#: Why a conflicting record was set aside, in the French counts (``mfs journal add``,
#: ``POST /journal/records``): « 1 enregistrement écarté (identifiant …) ».
CONFLICT_FR = "(identifiant déjà dans le journal avec un autre contenu)"
#: Fields whose content is personal: a problem about them never quotes the value.
PRIVATE_FIELDS = ("note", "reason", "resident")

#: ``on_problem(where, message)``: one problem of one record.
ProblemSink = Callable[[str, str], None]
#: ``on_redacted(where, codes)``: personal data redacted from one record's free text.
RedactionSink = Callable[[str, tuple[str, ...]], None]


def private_safe(problem: str) -> str:
    """A problem about a personal field (``note``, ``reason``, ``resident``) without the
    value it may quote (``..., got VALUE``); other problems unchanged (their values were
    already redacted by :func:`mfs_core.converter.structure`)."""
    for field in PRIVATE_FIELDS:
        marker = f"{field}: "
        at = problem.find(marker)
        if at != -1 and (at == 0 or problem[at - 2 : at] in (": ", "].")):
            detail = problem[at + len(marker) :]
            if not detail.startswith("expected"):
                detail = "invalid value (not shown: personal data)"
            return problem[: at + len(marker)] + detail.split(", got ", 1)[0]
    return problem


def latest_accepted(now: dt.datetime | None = None) -> dt.datetime:
    """The latest time a record may carry: ``now`` (default: the current time) plus
    :data:`FUTURE_SLACK`."""
    return (now or dt.datetime.now(dt.UTC)) + FUTURE_SLACK


def read_record(
    data: object, *, latest: dt.datetime, pseudonymizes: bool
) -> RequestRecord | EventRecord:
    """The record ``data`` (one parsed JSON value) describes, checked as the journal needs
    it: an object with an ``event`` key is a follow-up :class:`EventRecord`, any other a
    :class:`RequestRecord`.

    ``latest`` is :func:`latest_accepted` (computed once per batch): a later date is a typo
    or a wrong clock, and recorded it would sit in a future month's report.
    ``pseudonymizes`` says whether the journal has a pseudonym secret (else a request naming
    its ``resident`` is refused). Raises :class:`InputError` with one problem per line, each
    safe to show and to log (:func:`private_safe`).
    """
    if not isinstance(data, dict):
        raise InputError(f"expected a JSON object, got {json_kind(data)}")
    try:
        # No value quoted (review 16c): a record may hold a resident's words in any
        # field (a name typed as the channel), not only in note, reason and resident.
        kind: type[RequestRecord | EventRecord] = EventRecord if "event" in data else RequestRecord
        record = structure(data, kind, echo_values=False)
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


@attrs.frozen(kw_only=True)
class IntakeSummary:
    """What :func:`add_records` did.

    ``requests_recorded`` requests and ``events_recorded`` follow-up events were new to the
    journal, ``already_present`` records were there (same id, same content), ``conflicting``
    had the id of a record of the journal with other content and were not recorded, and
    ``rejected`` were refused (both named to ``on_problem``). When the journal could not
    be written any more, ``failure`` is the :class:`~mfs_core.journal.JournalError`
    message and ``failed_at`` the first record not recorded; ``unread`` says the rest of
    the input was not read (the failure came while recording requests), and
    ``events_not_written`` counts the follow-up events read before it, never written.
    """

    requests_recorded: int = 0
    events_recorded: int = 0
    already_present: int = 0
    conflicting: int = 0
    rejected: int = 0
    failure: str | None = None
    failed_at: str | None = None
    unread: bool = False
    events_not_written: int = 0

    @property
    def recorded(self) -> int:
        """Records new to the journal, requests and events."""
        return self.requests_recorded + self.events_recorded

    @property
    def complete(self) -> bool:
        """Every record given was recorded (or was already there, the same)."""
        return not self.rejected and not self.conflicting and self.failure is None


class _Intake:
    """The state of one :func:`add_records` call."""

    def __init__(
        self, journal: Journal, on_problem: ProblemSink, on_redacted: RedactionSink
    ) -> None:
        self.journal = journal
        self._on_problem = on_problem
        self._on_redacted = on_redacted
        self.requests_recorded = self.events_recorded = self.already = self.rejected = 0
        self.conflicting = 0
        self._last_bad = ""
        #: Follow-up events read so far: written after every request.
        self.events: list[tuple[str, EventRecord]] = []

    def problem(self, where: str, message: str) -> None:
        self._on_problem(where, message)
        if where != self._last_bad:  # a record may have several problems
            self.rejected += 1
            self._last_bad = where

    def request_batches(
        self, items: Iterable[JsonItem], latest: dt.datetime, batch_size: int
    ) -> Iterator[list[tuple[str, RequestRecord]]]:
        """The requests in batches as the input is read; the follow-up events are kept in
        :attr:`events`, to be written after every request."""
        pseudonymizes = self.journal.pseudonymizes
        requests: list[tuple[str, RequestRecord]] = []
        for item in items:
            try:
                if item.error is not None:
                    raise item.error
                record = read_record(item.value, latest=latest, pseudonymizes=pseudonymizes)
            except InputError as exc:
                for message in exc.problems:
                    self.problem(item.where, message)
                continue
            if isinstance(record, EventRecord):
                self.events.append((item.where, record))
            else:
                requests.append((item.where, record))
                if len(requests) == batch_size:
                    yield requests
                    requests = []
        if requests:
            yield requests

    def summary(self) -> IntakeSummary:
        return IntakeSummary(
            requests_recorded=self.requests_recorded,
            events_recorded=self.events_recorded,
            already_present=self.already,
            conflicting=self.conflicting,
            rejected=self.rejected,
        )

    def write_requests(self, batch: list[tuple[str, RequestRecord]]) -> None:
        result = self.journal.record_each([record for _, record in batch])
        self.requests_recorded += result.recorded
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
        self.events_recorded += result.recorded
        self._count(result, [where for where, _ in good])

    def _count(self, result: WriteResult, where: list[str]) -> None:
        self.already += result.already_present
        for index in result.conflicting_at:
            self._on_problem(where[index], CONFLICT)
            self.conflicting += 1
        for index, reason in sorted(result.rejected.items()):
            self.problem(where[index], f"the journal refused this record ({reason})")
        for index, codes in sorted(result.redacted_at.items()):
            self._on_redacted(where[index], codes)


def add_records(
    journal: Journal,
    items: Iterable[JsonItem],
    *,
    on_problem: ProblemSink,
    on_redacted: RedactionSink,
    now: dt.datetime | None = None,
    batch_size: int = BATCH_SIZE,
) -> IntakeSummary:
    """Record the requests and follow-up events of ``items`` (see the module docstring).

    ``now`` (default: the current time) is what the future-date check compares with.
    A :class:`~mfs_core.journal.JournalError` while writing ends the intake: the batches
    before it stay recorded and the summary says where it stopped.
    """
    intake = _Intake(journal, on_problem, on_redacted)
    for batch in intake.request_batches(items, latest_accepted(now), batch_size):
        try:
            intake.write_requests(batch)
        except JournalError as exc:
            return attrs.evolve(
                intake.summary(),
                failure=str(exc),
                failed_at=batch[0][0],
                unread=True,
                events_not_written=len(intake.events),
            )
    for start in range(0, len(intake.events), batch_size):
        chunk = intake.events[start : start + batch_size]
        try:
            intake.write_events(chunk)
        except JournalError as exc:
            return attrs.evolve(intake.summary(), failure=str(exc), failed_at=chunk[0][0])
    return intake.summary()


def add_json(
    journal: Journal,
    stream: BinaryInput,
    source: str,
    *,
    on_problem: ProblemSink,
    on_redacted: RedactionSink,
    now: dt.datetime | None = None,
) -> IntakeSummary:
    """:func:`add_records` of a binary JSON input (JSON lines, or one JSON object or
    array), read lazily; ``source`` names it in the problems (a file name, ``<stdin>``)."""
    return add_records(
        journal,
        JsonLines(stream, source),
        on_problem=on_problem,
        on_redacted=on_redacted,
        now=now,
    )


def summary_fr(summary: IntakeSummary) -> str:
    """The summary in French, for the agent who recorded the file: ``485 demandes
    enregistrées, 0 déjà dans le journal`` and, when it applies, the follow-ups, the lines
    refused and where a failed write stopped."""
    parts = [f"{count(summary.requests_recorded, 'demande')} "
             f"{plural(summary.requests_recorded, 'enregistrée')}"]  # fmt: skip
    if summary.events_recorded:
        parts.append(
            f"{count(summary.events_recorded, 'suivi')} "
            f"{plural(summary.events_recorded, 'enregistré')}"
        )
    parts.append(f"{decimal(summary.already_present)} déjà dans le journal")
    text = ", ".join(parts)
    named = []  # the records named above, one by one
    if summary.rejected:
        named.append(
            f"{count(summary.rejected, 'enregistrement')} {plural(summary.rejected, 'refusé')}"
        )
    if summary.conflicting:
        named.append(
            f"{count(summary.conflicting, 'enregistrement')} "
            f"{plural(summary.conflicting, 'écarté')} {CONFLICT_FR}"
        )
    if named:
        text += f" ; {' ; '.join(named)}, voir ci-dessus"
    if summary.failure is not None:
        lost = ""
        if summary.unread:
            lost = " (la suite de l'entrée n'a pas été lue)"
            if summary.events_not_written:
                lost += (
                    f", ni les {count(summary.events_not_written, 'suivi')} "
                    f"{plural(summary.events_not_written, 'lu')} avant"
                )
        text += (
            f" ; l'écriture a échoué à {summary.failed_at} : rien n'a été enregistré à partir "
            f"de là{lost} ; une fois le problème réglé, redonnez la même entrée : ce qui est "
            "déjà dans le journal n'est pas enregistré deux fois"
        )
    return text


def redaction_fr(codes: tuple[str, ...]) -> str:
    """What was redacted from one record, in French, by kind only (``iban?``: a suspected
    IBAN, its checksum fails): ``données personnelles expurgées : téléphone ; par
    précaution (clé de contrôle fausse) : NIR``."""
    named = [code for code in codes if not code.endswith("?")]
    suspected = [code[:-1] for code in codes if code.endswith("?")]
    parts = []
    if named:
        parts.append(", ".join(PERSONAL_DATA_FR.get(code, code) for code in named))
    if suspected:
        kinds = ", ".join(PERSONAL_DATA_FR.get(code, code) for code in suspected)
        parts.append(f"par précaution (clé de contrôle fausse) : {kinds}")
    return "données personnelles expurgées : " + " ; ".join(parts)
