"""The journal: what municipal software calls to record requests and their follow-ups.

Open it with :func:`open_journal`, then :meth:`Journal.record` requests and
:meth:`Journal.follow_up` what became of them (examples in ``docs/journal.md``). Every call
that returns has committed its transaction; a record whose id is already in the journal is
not stored again (``already_present``), so a retried call is harmless; one whose id is there
with other content is not stored either, and is reported (``conflicting_at``): the first
write of an id wins, and a changed record is never lost silently. Notes are redacted
and residents pseudonymised here, before the backend sees anything.
"""

from __future__ import annotations

import collections
import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from types import TracebackType
from typing import TYPE_CHECKING, TypeVar

import attrs

from mfs_core.errors import InputError
from mfs_core.journal.pseudonym import Pseudonymizer
from mfs_core.journal.records import (
    EVENT_FOLLOWS,
    EventRecord,
    RequestRecord,
    StoredEvent,
    StoredRequest,
)
from mfs_core.journal.store import EventRow, Inserted, JournalStore, RejectedRows, RequestRow
from mfs_core.output import public_url
from mfs_core.redaction import redact, safe_repr
from mfs_core.timezone import PARIS, today_in_paris

if TYPE_CHECKING:
    from mfs_core._settings_model import MfsSettings

__all__ = [
    "NO_SECRET",
    "Journal",
    "PurgeResult",
    "WriteResult",
    "check_purge_date",
    "open_journal",
]

#: Why a request naming its resident cannot be recorded by a journal without the secret.
NO_SECRET = (
    "resident: set pseudonym_secret (MFS_PSEUDONYM_SECRET) to link returning residents; "
    "identifiers are never stored in clear"
)


@attrs.frozen(kw_only=True)
class WriteResult:
    """What a write did: records new to the journal, records already there (same id, same
    content: a retry), records whose id is there with other content (not stored), and the
    kinds of personal data redacted (``{"nir": 1, "iban?": 1}``; ``?`` = checksum failed, a
    suspected look-alike)."""

    recorded: int
    already_present: int
    #: Positions in the batch of the records whose id the journal already held (or an
    #: earlier record of the batch gave) with other content: not stored, the first kept.
    conflicting_at: tuple[int, ...] = ()
    redactions: dict[str, int] = attrs.field(factory=dict)
    #: Position in the batch → codes of what was redacted in that record's free text.
    redacted_at: dict[int, tuple[str, ...]] = attrs.field(factory=dict)
    #: Position in the batch → why the backend refused that record (only from the
    #: ``*_each`` methods, which record the others).
    rejected: dict[int, str] = attrs.field(factory=dict)

    @property
    def conflicting(self) -> int:
        """How many records were not stored: their id was there with other content."""
        return len(self.conflicting_at)

    @property
    def suspected(self) -> int:
        """How many redacted look-alikes failed their checksum."""
        return sum(n for code, n in self.redactions.items() if code.endswith("?"))


@attrs.frozen(kw_only=True)
class PurgeResult:
    """How many requests, and events of those requests, a purge deleted."""

    requests: int
    events: int


class _Redactions:
    """Redacts the free text of a batch and remembers what it found, and where."""

    def __init__(self) -> None:
        self.counts: collections.Counter[str] = collections.Counter()
        self.where: dict[int, tuple[str, ...]] = {}

    def scan(self, index: int, text: str | None) -> tuple[str | None, str | None]:
        """The redacted text and its comma-separated codes (``None`` when clean)."""
        if text is None:
            return None, None
        redacted = redact(text)
        if not redacted.spans:
            return redacted.text, None
        self.counts.update(span.code for span in redacted.spans)
        self.where[index] = redacted.codes
        return redacted.text, ",".join(redacted.codes)

    def result(self, inserted: Inserted, total: int) -> WriteResult:
        return WriteResult(
            recorded=inserted.new,
            already_present=total - inserted.new - len(inserted.conflicting),
            conflicting_at=inserted.conflicting,
            redactions=dict(self.counts),
            redacted_at=self.where,
        )


def _start_of_day(day: dt.date) -> dt.datetime:
    # Days and months of the journal are those of the counter: Europe/Paris.
    return dt.datetime.combine(day, dt.time(), tzinfo=PARIS)


def check_purge_date(before: dt.date, *, option: str = "purge") -> None:
    """Raise :class:`InputError` (naming ``option``) for a purge date after today in Paris:
    it would delete requests not received yet as of the cut-off's own day, most likely a
    typo. Nothing is deleted then."""
    today = today_in_paris()
    if before > today:
        raise InputError(
            f"{option}: {before.isoformat()} is after today: expected today or an earlier "
            f"date ({today.isoformat()} or before); nothing was deleted"
        )


class Journal:
    """The request journal over a storage backend (see :func:`open_journal`)."""

    def __init__(self, store: JournalStore, *, pseudonym_secret: str | None = None) -> None:
        self.store = store
        self._pseudonymize = Pseudonymizer(pseudonym_secret) if pseudonym_secret else None

    def __repr__(self) -> str:
        return f"Journal({self.store.url!r})"

    def __enter__(self) -> Journal:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def url(self) -> str:
        """Where the journal lives, password hidden."""
        return self.store.url

    @property
    def pseudonymizes(self) -> bool:
        """Whether a pseudonym secret is set, so requests may name their ``resident``."""
        return self._pseudonymize is not None

    def close(self) -> None:
        """Close the connection (every write was already committed)."""
        self.store.close()

    # -- requests -------------------------------------------------------------------------
    def record(self, request: RequestRecord) -> WriteResult:
        """Record one request, committed before returning."""
        return self.record_many((request,))

    def record_many(self, requests: Iterable[RequestRecord]) -> WriteResult:
        """Record requests in one transaction: all are committed, or none.

        Raises :class:`~mfs_core.journal.store.RejectedRows` if the backend refuses one of
        them, :class:`~mfs_core.journal.store.JournalError` if the journal cannot be written
        (locked too long, full disk, lost server): nothing is recorded then.
        """
        now = dt.datetime.now(dt.UTC)
        found = _Redactions()
        rows = [
            self._request_row(request, now, found.scan(index, request.note))
            for index, request in enumerate(requests)
        ]
        return found.result(self.store.insert_requests(rows), len(rows))

    def _request_row(
        self, request: RequestRecord, now: dt.datetime, note: tuple[str | None, str | None]
    ) -> RequestRow:
        text, codes = note
        resident = None
        if request.resident is not None:
            if self._pseudonymize is None:
                raise InputError(NO_SECRET)
            resident = self._pseudonymize(request.resident)
        return RequestRow(
            id=request.id,
            received_at=request.received_at,
            partner=request.partner_code,
            procedure=request.procedure,
            thematique=request.thematique,
            channel=request.channel.value,
            outcome=request.outcome.value,
            autonomy=request.autonomy.value if request.autonomy is not None else None,
            note=text,
            resident=resident,
            redacted=codes,
            decision=request.decision.value if request.decision is not None else None,
            decision_rule=request.decision_rule,
            referral_target=(
                request.referral_target.value if request.referral_target is not None else None
            ),
            recorded_at=now,
        )

    def record_each(self, requests: Sequence[RequestRecord]) -> WriteResult:
        """Record requests, each good one even if the backend refuses others.

        One transaction when the backend takes them all (the usual case); else the batch is
        split until each refused record is alone, and the others are recorded in as few
        transactions as that allows. ``rejected`` names the refused positions. A journal
        that cannot be written at all still raises :class:`JournalError`; the transactions
        committed before it stay recorded.
        """
        return _each(list(requests), self.record_many)

    # -- follow-up events -----------------------------------------------------------------
    def event_problems(self, events: Sequence[EventRecord]) -> list[str | None]:
        """For each event, why it cannot be recorded (``None`` when it can): its request
        must be in the journal with the outcome the event follows up."""
        return self._check_events(events)[0]

    def _check_events(
        self, events: Sequence[EventRecord]
    ) -> tuple[list[str | None], dict[str, tuple[str, dt.datetime]]]:
        facts = self.store.request_facts([e.request_id for e in events])
        problems: list[str | None] = []
        for event in events:
            fact = facts.get(event.request_id)
            expected = EVENT_FOLLOWS[event.event]
            if fact is None:
                problems.append(
                    f"request_id: no request {safe_repr(event.request_id)} in the journal"
                )
            elif fact[0] != expected.value:
                problems.append(
                    f"event: {event.event.value!r} follows a request with outcome "
                    f"{expected.value!r}, request {safe_repr(event.request_id)} has {fact[0]!r}"
                )
            elif event.occurred_at < fact[1]:
                problems.append("occurred_at: expected a time after the request's received_at")
            else:
                problems.append(None)
        return problems, facts

    def follow_up(self, event: EventRecord) -> WriteResult:
        """Record one follow-up event, committed before returning."""
        return self.follow_up_many((event,))

    def follow_up_many(self, events: Iterable[EventRecord]) -> WriteResult:
        """Record follow-up events in one transaction; raise :class:`InputError` (and record
        nothing) if one of them does not follow up a request of the journal."""
        events = list(events)
        checks, facts = self._check_events(events)
        problems = [
            f"events[{index}]: {problem}"
            for index, problem in enumerate(checks)
            if problem is not None
        ]
        if problems:
            raise InputError(problems)
        now = dt.datetime.now(dt.UTC)
        found = _Redactions()
        rows: list[EventRow] = []
        for index, event in enumerate(events):
            reason, codes = found.scan(index, event.reason)
            received_at = facts[event.request_id][1]
            rows.append(
                EventRow(
                    id=event.id,
                    request_id=event.request_id,
                    request_received_at=received_at,
                    event=event.event.value,
                    occurred_at=event.occurred_at,
                    reason=reason,
                    redacted=codes,
                    recorded_at=now,
                )
            )
        return found.result(self.store.insert_events(rows), len(rows))

    def follow_up_each(self, events: Sequence[EventRecord]) -> WriteResult:
        """Record follow-up events, each good one even if the backend refuses others (see
        :meth:`record_each`). Events must follow up requests of the journal: check them
        first with :meth:`event_problems`."""
        return _each(list(events), self.follow_up_many)

    # -- reading and retention ------------------------------------------------------------
    def snapshot(self) -> AbstractContextManager[None]:
        """A block in which every read sees one committed state of the journal, whatever
        other processes record meanwhile (a report's figures then add up)::

            with journal.snapshot():
                requests = list(journal.requests(since))
                events = list(journal.events(since))
        """
        return self.store.snapshot()

    def requests(
        self, since: dt.date | None = None, until: dt.date | None = None
    ) -> Iterator[StoredRequest]:
        """Stored requests received from ``since`` to before ``until`` (Paris days)."""
        return self.store.iter_requests(
            _start_of_day(since) if since else None, _start_of_day(until) if until else None
        )

    def events(
        self, since: dt.date | None = None, until: dt.date | None = None
    ) -> Iterator[StoredEvent]:
        """Stored events of the requests received from ``since`` to before ``until``."""
        return self.store.iter_events(
            _start_of_day(since) if since else None, _start_of_day(until) if until else None
        )

    def purge(self, before: dt.date) -> PurgeResult:
        """Delete every request received before ``before`` (00:00, Paris time) and its
        events: the retention period. Returns how many of each were deleted.

        Raises :class:`InputError` for a date after today in Paris
        (:func:`check_purge_date`).
        """
        check_purge_date(before)
        requests, events = self.store.purge(_start_of_day(before))
        return PurgeResult(requests=requests, events=events)


def open_journal(
    url: str | None = None,
    *,
    pseudonym_secret: str | None = None,
    settings: MfsSettings | None = None,
    read_only: bool = False,
) -> Journal:
    """Open (and create or migrate) the journal at ``url``.

    With ``read_only`` the journal must exist with the current schema: nothing is created
    or migrated, the connection cannot write, and a writer's lock never makes it wait
    (reports, exports).

    ``url`` defaults to the ``journal_url`` setting (``MFS_JOURNAL_URL``, default
    ``sqlite:///mfs-journal.sqlite3``): ``sqlite:///relative/path``,
    ``sqlite:////absolute/path`` or ``postgresql://user:password@host/database``. The
    pseudonym secret defaults to the ``pseudonym_secret`` setting. Raises
    :class:`InputError` for a malformed URL and :class:`JournalError` when the journal
    cannot be opened.
    """
    if url is None or pseudonym_secret is None:
        if settings is None:
            from mfs_core.settings import load_settings

            settings = load_settings()
        url = url or settings.journal_url
        if pseudonym_secret is None and settings.pseudonym_secret is not None:
            pseudonym_secret = settings.pseudonym_secret.get_secret_value()
    try:
        store = _open_store(url, read_only)
        journal = Journal(store, pseudonym_secret=pseudonym_secret)
    except ValueError as exc:  # a pseudonym secret too short
        raise InputError(str(exc)) from None
    try:
        if read_only:
            store.check_schema()
        else:
            store.migrate()
    except BaseException:
        store.close()
        raise
    return journal


def _open_store(url: str, read_only: bool = False) -> JournalStore:
    shown = public_url(url)
    if url.startswith("sqlite://"):
        path = url[len("sqlite://") :]
        if not path.startswith("/") or len(path) < 2 or "\x00" in path:
            raise InputError(f"journal_url: expected sqlite:///path/to/file, got {shown!r}")
        from mfs_core.journal.sqlite import SqliteStore

        return SqliteStore(path[1:], shown, read_only=read_only)
    if url.startswith(("postgresql://", "postgres://")):
        from mfs_core.journal.postgres import PostgresStore

        return PostgresStore(url, shown, read_only=read_only)
    raise InputError(
        f"journal_url: expected sqlite:///path or postgresql://user@host/database, got {shown!r}"
    )


_W = TypeVar("_W")


def _each(items: list[_W], write: Callable[[list[_W]], WriteResult]) -> WriteResult:
    """Write ``items`` at once, or split them around the rows the backend refuses."""
    try:
        return write(items)
    except RejectedRows as exc:
        if len(items) == 1:
            return WriteResult(recorded=0, already_present=0, rejected={0: exc.reason})
    middle = len(items) // 2
    first = _each(items[:middle], write)
    second = _each(items[middle:], write)
    counts = collections.Counter(first.redactions) + collections.Counter(second.redactions)
    return WriteResult(
        recorded=first.recorded + second.recorded,
        already_present=first.already_present + second.already_present,
        conflicting_at=first.conflicting_at + tuple(middle + i for i in second.conflicting_at),
        redactions=dict(counts),
        redacted_at={**first.redacted_at, **{middle + i: v for i, v in second.redacted_at.items()}},
        rejected={**first.rejected, **{middle + i: v for i, v in second.rejected.items()}},
    )
