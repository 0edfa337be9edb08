"""The storage port of the journal, and the SQL shared by its two backends.

:class:`JournalStore` is what :class:`~mfs_core.journal.api.Journal` needs from a backend;
:class:`SqlStore` implements it once over a DB-API connection, and the SQLite and
PostgreSQL backends only supply their dialect: how to open a transaction, how times are
stored, how migrations are serialised between processes.

Rows handed to a store are already redacted and pseudonymised; a store never sees a clear
note or identifier.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any, NamedTuple, Protocol, TypeVar

from mfs_core.errors import MfsError
from mfs_core.journal.records import StoredEvent, StoredRequest
from mfs_core.journal.schema import MIGRATIONS, Migration

__all__ = [
    "CubeRow",
    "EventRow",
    "FollowUpRow",
    "Inserted",
    "JournalError",
    "JournalStore",
    "RejectedRows",
    "RequestRow",
    "SqlStore",
]


class RequestRow(NamedTuple):
    """A request as a store inserts it: already redacted and pseudonymised. The fields are
    the columns of the ``requests`` table, in the order of :data:`INSERT_REQUEST`."""

    id: str
    received_at: dt.datetime
    partner: str | None
    procedure: str | None
    thematique: str | None
    channel: str
    outcome: str
    autonomy: str | None
    note: str | None  # redacted
    resident: str | None  # the keyed pseudonym, never the identifier
    redacted: str | None  # comma-separated codes of what was redacted (``nir,phone?``)
    decision: str | None
    decision_rule: str | None
    referral_target: str | None
    recorded_at: dt.datetime


class EventRow(NamedTuple):
    """A follow-up event as a store inserts it (reason redacted); the columns of the
    ``events`` table, in the order of :data:`INSERT_EVENT`."""

    id: str
    request_id: str
    request_received_at: dt.datetime  # the request's, so that events are cut by its month
    event: str
    occurred_at: dt.datetime
    reason: str | None
    redacted: str | None
    recorded_at: dt.datetime


class Inserted(NamedTuple):
    """What an insert did: how many rows were new to the journal, and the positions (in
    the rows given) of those whose id the journal already held, or an earlier row of the
    same write gave, with other content: not stored (the first write of an id wins), and
    to be reported, not taken for a retry. The other rows not new are identical retries."""

    new: int
    conflicting: tuple[int, ...] = ()


class CubeRow(NamedTuple):
    """Requests of a month counted by every dimension of the report at once."""

    partner: str | None
    procedure: str | None
    thematique: str | None
    channel: str
    outcome: str
    autonomy: str | None
    decision: str | None
    requests: int  # how many requests have these values (``count`` is tuple's method)


class FollowUpRow(NamedTuple):
    """Follow-ups of a month's requests, counted by their latest event."""

    outcome: str  # of the request
    event: str  # its latest event
    reason: str | None  # of that event (a refusal's reason, redacted)
    requests: int  # how many requests have this latest event


_REQUEST_COLUMNS = ", ".join(RequestRow._fields)
_EVENT_COLUMNS = ", ".join(EventRow._fields)


def _marks(fields: tuple[str, ...]) -> str:
    """``?, ?, ...``: one placeholder per field of a row type."""
    return ", ".join("?" * len(fields))


# Keep the SQL of the hot paths here, written once for both backends (``?`` placeholders).
INSERT_REQUEST = (
    f"INSERT INTO requests ({_REQUEST_COLUMNS}) VALUES ({_marks(RequestRow._fields)}) "
    "ON CONFLICT (id) DO NOTHING"
)
INSERT_EVENT = (
    f"INSERT INTO events ({_EVENT_COLUMNS}) VALUES ({_marks(EventRow._fields)}) "
    "ON CONFLICT (id) DO NOTHING"
)
_DIMENSIONS = ", ".join(CubeRow._fields[:-1])
MONTH_CUBE = (
    f"SELECT {_DIMENSIONS}, COUNT(*) FROM requests WHERE received_at >= ? AND received_at < ? "
    f"GROUP BY {_DIMENSIONS}"
)
# The status of a follow-up is its latest event (then the greatest id, for ties).
FOLLOW_UPS = (
    "SELECT r.outcome, e.event, e.reason, COUNT(*) FROM events e "
    "JOIN requests r ON r.id = e.request_id "
    "WHERE e.request_received_at >= ? AND e.request_received_at < ? "
    "AND NOT EXISTS (SELECT 1 FROM events later WHERE later.request_id = e.request_id "
    "AND (later.occurred_at > e.occurred_at "
    "OR (later.occurred_at = e.occurred_at AND later.id > e.id))) "
    "GROUP BY r.outcome, e.event, e.reason"
)
RESIDENTS = (
    "SELECT COUNT(DISTINCT resident), COUNT(resident) FROM requests "
    "WHERE received_at >= ? AND received_at < ?"
)
_ID_CHUNK = 500  # ids per IN (...) query: far below SQLite's limit on variables


class JournalError(MfsError):
    """The journal cannot be used: newer schema, broken database, unreachable server, full
    disk. A write that raises it recorded nothing; the writes that returned before it did."""


class RejectedRows(JournalError):
    """The backend refused the content of a write (a constraint, a value it cannot store),
    not the journal being unusable: the same write without the refused rows may succeed.
    Nothing of the refused write was recorded; ``reason`` says why, without row values."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: refused ({reason}): nothing recorded by this write")
        self.reason = reason


T = TypeVar("T")


class JournalStore(Protocol):
    """What a journal backend provides. Every write is one transaction, committed on return."""

    @property
    def url(self) -> str:
        """Where the journal lives, password hidden."""
        ...

    def schema_version(self) -> int:
        """The version of the schema in the database."""
        ...

    @property
    def read_only(self) -> bool:
        """Whether the store was opened for reading only (it never writes then)."""
        ...

    def snapshot(self) -> AbstractContextManager[None]:
        """A block in which every read sees the same committed state of the journal (one
        read transaction), whatever other processes write meanwhile. Re-entrant."""
        ...

    def check_schema(self, migrations: Sequence[Migration] = MIGRATIONS) -> None:
        """Without writing: raise :class:`JournalError` unless the database holds a journal
        of the current schema version."""
        ...

    def migrate(self, migrations: Sequence[Migration] = MIGRATIONS) -> None:
        """Create the schema, or apply the migrations it lacks, in one transaction."""
        ...

    def insert_requests(self, rows: Sequence[RequestRow]) -> Inserted:
        """Insert ``rows`` in one transaction: how many were new, and which ids were
        already there with other content (:class:`Inserted`)."""
        ...

    def insert_events(self, rows: Sequence[EventRow]) -> Inserted:
        """Insert ``rows`` in one transaction (see :meth:`insert_requests`)."""
        ...

    def request_facts(self, ids: Sequence[str]) -> dict[str, tuple[str, dt.datetime]]:
        """The outcome and reception time of each id found among ``ids``."""
        ...

    def iter_requests(
        self, start: dt.datetime | None, end: dt.datetime | None
    ) -> Iterator[StoredRequest]:
        """Requests received in ``[start, end)`` (open bounds when ``None``), in time order."""
        ...

    def iter_events(
        self, start: dt.datetime | None, end: dt.datetime | None
    ) -> Iterator[StoredEvent]:
        """Events of the requests received in ``[start, end)``, in time order."""
        ...

    def month_cube(self, start: dt.datetime, end: dt.datetime) -> list[CubeRow]:
        """Request counts in ``[start, end)`` by every dimension of the report at once."""
        ...

    def follow_ups(self, start: dt.datetime, end: dt.datetime) -> list[FollowUpRow]:
        """Latest event of each followed-up request received in ``[start, end)``, counted."""
        ...

    def residents(self, start: dt.datetime, end: dt.datetime) -> tuple[int, int]:
        """Distinct pseudonymised residents in ``[start, end)``, and the requests that
        carry a pseudonym."""
        ...

    def purge(self, before: dt.datetime) -> tuple[int, int]:
        """Delete requests received before ``before`` and their events; return both counts."""
        ...

    def close(self) -> None:
        """Release the connection."""
        ...


class SqlStore:
    """:class:`JournalStore` over a DB-API connection; subclasses supply the dialect."""

    placeholder = "?"
    #: The driver's exception classes: any of them becomes a :class:`JournalError`.
    driver_errors: tuple[type[BaseException], ...] = ()
    #: Those meaning the backend refused the rows (constraint, value it cannot store).
    rejected_errors: tuple[type[BaseException], ...] = ()

    def __init__(self, connection: Any, url: str, *, read_only: bool = False) -> None:
        self._connection = connection
        self._url = url
        self._read_only = read_only
        self._sql: dict[str, str] = {}
        self._snapshots = 0  # depth of nested snapshot() blocks

    # -- dialect --------------------------------------------------------------------------
    def _transaction(self) -> AbstractContextManager[Any]:
        """A write transaction, committed when the block ends; yields a cursor."""
        raise NotImplementedError

    def _serialise_migrations(self, cursor: Any) -> None:
        """Inside the migration transaction: block other processes migrating at once."""

    def _migration_sql(self, migration: Migration) -> tuple[str, ...]:
        raise NotImplementedError

    def _stream(self, sql: str, params: Sequence[Any]) -> Iterator[Sequence[Any]]:
        """The rows of a long query, read as they are consumed (exports)."""
        yield from self._connection.execute(sql, params)

    def _begin_snapshot(self) -> None:
        """Start a read transaction: every query until :meth:`_end_snapshot` sees one state."""
        raise NotImplementedError

    def _end_snapshot(self) -> None:
        raise NotImplementedError

    def _error(self, exc: BaseException, doing: str) -> JournalError:
        """The :class:`JournalError` for a driver's exception (never quoting row values)."""
        return JournalError(f"{self._url}: {doing} ({_reason(exc)})")

    def _time_in(self, value: dt.datetime) -> Any:
        return value

    def _time_out(self, value: Any) -> dt.datetime:
        assert isinstance(value, dt.datetime)
        return value

    # -- shared ---------------------------------------------------------------------------
    def _q(self, sql: str) -> str:
        cached = self._sql.get(sql)
        if cached is None:
            cached = self._sql[sql] = sql.replace("?", self.placeholder)
        return cached

    @property
    def url(self) -> str:
        return self._url

    @property
    def read_only(self) -> bool:
        return self._read_only

    def _read(self, function: Callable[[], T]) -> T:
        """Run a read, its driver errors (a corrupted page, a lost server) as JournalError."""
        try:
            return function()
        except self.driver_errors as exc:
            raise self._error(exc, "cannot read the journal") from None

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        if self._snapshots:
            self._snapshots += 1
            try:
                yield
            finally:
                self._snapshots -= 1
            return
        self._read(self._begin_snapshot)
        self._snapshots = 1
        try:
            yield
        finally:
            self._snapshots = 0
            self._read(self._end_snapshot)

    def check_schema(self, migrations: Sequence[Migration] = MIGRATIONS) -> None:
        latest = migrations[-1].version
        try:
            current = self.schema_version()
        except JournalError:
            raise JournalError(
                f"{self._url}: no journal here (no schema_version table); record requests "
                "first, e.g. with `mfs journal add`"
            ) from None
        if current > latest:
            raise JournalError(
                f"{self._url}: journal schema version {current} is newer than this "
                f"mfs-core supports ({latest}); upgrade mfs-core"
            )
        if current < latest:
            raise JournalError(
                f"{self._url}: journal schema version {current} is older than this mfs-core's "
                f"({latest}); a read never changes the journal: upgrade it once with a write "
                "command (e.g. `mfs journal add` of an empty file)"
            )

    def migrate(self, migrations: Sequence[Migration] = MIGRATIONS) -> None:
        """Apply the migrations this journal lacks, in one transaction."""
        latest = migrations[-1].version
        now = self._time_in(dt.datetime.now(dt.UTC))
        with self._transaction() as cur:
            self._serialise_migrations(cur)
            cur.execute(
                "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                "description TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            cur.execute("SELECT MAX(version) FROM schema_version")
            current = cur.fetchone()[0] or 0
            if current > latest:
                raise JournalError(
                    f"{self._url}: journal schema version {current} is newer than this "
                    f"mfs-core supports ({latest}); upgrade mfs-core"
                )
            for migration in migrations:
                if migration.version <= current:
                    continue
                for statement in self._migration_sql(migration):
                    cur.execute(statement)
                cur.execute(
                    self._q(
                        "INSERT INTO schema_version (version, description, applied_at) "
                        "VALUES (?, ?, ?)"
                    ),
                    (migration.version, migration.description, str(now)),
                )

    def schema_version(self) -> int:
        def read() -> int:
            cur = self._connection.execute("SELECT MAX(version) FROM schema_version")
            return int(cur.fetchone()[0] or 0)

        return self._read(read)

    def insert_requests(self, rows: Sequence[RequestRow]) -> Inserted:
        if not rows:
            return Inserted(0)
        # The hot path of recording: the rows of one batch share their recorded_at, so it
        # is converted once.
        time_in = self._time_in
        recorded_at = rows[0].recorded_at
        try:
            recorded_in = time_in(recorded_at)
            converted = [
                row._replace(
                    received_at=time_in(row.received_at),
                    recorded_at=(
                        recorded_in if row.recorded_at is recorded_at else time_in(row.recorded_at)
                    ),
                )
                for row in rows
            ]
        except (OverflowError, ValueError) as exc:  # a time the backend cannot hold
            raise RejectedRows(self._url, _reason(exc)) from None
        return self._insert("requests", INSERT_REQUEST, converted)

    def insert_events(self, rows: Sequence[EventRow]) -> Inserted:
        if not rows:
            return Inserted(0)
        try:
            time_in = self._time_in
            converted = [
                row._replace(
                    request_received_at=time_in(row.request_received_at),
                    occurred_at=time_in(row.occurred_at),
                    recorded_at=time_in(row.recorded_at),
                )
                for row in rows
            ]
        except (OverflowError, ValueError) as exc:
            raise RejectedRows(self._url, _reason(exc)) from None
        return self._insert("events", INSERT_EVENT, converted)

    def _insert(self, table: str, insert: str, rows: Sequence[tuple[Any, ...]]) -> Inserted:
        """Insert ``rows`` (times converted; ``id`` first, ``recorded_at`` last) into
        ``table`` in one transaction, after reading, in it, the stored content of their
        ids: an id stored with other content is a conflict to report (review 16c), which
        ``ON CONFLICT DO NOTHING`` alone would take for a retry."""
        columns = _REQUEST_COLUMNS if table == "requests" else _EVENT_COLUMNS
        # Every column but recorded_at: a retry is recorded later, with the same content.
        content = columns.rsplit(", ", 1)[0]
        unique = sorted({row[0] for row in rows})
        with self._transaction() as cur:
            stored = self._stored(cur, table, content, unique)
            cur.executemany(self._q(insert), rows)
            new = int(cur.rowcount)
            absent = [id_ for id_ in unique if id_ not in stored]
            if new < len(absent):
                # Another writer stored some of these ids between our read and our insert
                # (PostgreSQL, READ COMMITTED): read what it stored, so that other content
                # is reported as conflicting rather than taken for a retry.
                stored.update(self._stored(cur, table, content, absent))
        conflicting = []
        for index, row in enumerate(rows):
            # The first content of an id wins: the stored one, else the batch's first.
            if stored.setdefault(row[0], tuple(row[:-1])) != tuple(row[:-1]):
                conflicting.append(index)
        return Inserted(new, tuple(conflicting))

    def _stored(
        self, cur: Any, table: str, content: str, ids: Sequence[str]
    ) -> dict[str, tuple[Any, ...]]:
        """The stored ``content`` columns (id first) of those of ``ids`` in ``table``."""
        stored: dict[str, tuple[Any, ...]] = {}
        for start in range(0, len(ids), _ID_CHUNK):
            chunk = ids[start : start + _ID_CHUNK]
            marks = ", ".join("?" * len(chunk))
            cur.execute(self._q(f"SELECT {content} FROM {table} WHERE id IN ({marks})"), chunk)
            stored.update((row[0], tuple(row)) for row in cur.fetchall())
        return stored

    def request_facts(self, ids: Sequence[str]) -> dict[str, tuple[str, dt.datetime]]:
        found: dict[str, tuple[str, dt.datetime]] = {}
        unique = sorted(set(ids))
        for start in range(0, len(unique), _ID_CHUNK):
            chunk = unique[start : start + _ID_CHUNK]
            marks = ", ".join("?" * len(chunk))
            sql = self._q(f"SELECT id, outcome, received_at FROM requests WHERE id IN ({marks})")
            rows = self._read(functools.partial(self._fetch, sql, chunk))
            for id_, outcome, received_at in rows:
                found[id_] = (outcome, self._time_out(received_at))
        return found

    def _fetch(self, sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
        return [tuple(row) for row in self._connection.execute(sql, params).fetchall()]

    def _rows(self, sql: str, params: Sequence[Any]) -> Iterator[Sequence[Any]]:
        """The rows of a streamed query, its driver errors as JournalError."""
        rows = self._stream(sql, params)
        while True:
            try:
                row = next(rows)
            except StopIteration:
                return
            except self.driver_errors as exc:
                raise self._error(exc, "cannot read the journal") from None
            yield row

    def _range(self, column: str, start: dt.datetime | None, end: dt.datetime | None) -> Any:
        clauses, params = [], []
        if start is not None:
            clauses.append(f"{column} >= ?")
            params.append(self._time_in(start))
        if end is not None:
            clauses.append(f"{column} < ?")
            params.append(self._time_in(end))
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        return where, params

    def iter_requests(
        self, start: dt.datetime | None, end: dt.datetime | None
    ) -> Iterator[StoredRequest]:
        where, params = self._range("received_at", start, end)
        sql = f"SELECT {_REQUEST_COLUMNS} FROM requests{where} ORDER BY received_at, id"
        for values in self._rows(self._q(sql), params):
            row = RequestRow._make(values)
            yield StoredRequest(
                id=row.id,
                received_at=self._time_out(row.received_at),
                partner=row.partner,
                procedure=row.procedure,
                thematique=row.thematique,
                channel=row.channel,
                outcome=row.outcome,
                autonomy=row.autonomy,
                note=row.note,
                resident_pseudonym=row.resident,
                redacted=tuple(row.redacted.split(",")) if row.redacted else (),
                decision=row.decision,
                decision_rule=row.decision_rule,
                referral_target=row.referral_target,
            )

    def iter_events(
        self, start: dt.datetime | None, end: dt.datetime | None
    ) -> Iterator[StoredEvent]:
        where, params = self._range("request_received_at", start, end)
        sql = f"SELECT {_EVENT_COLUMNS} FROM events{where} ORDER BY occurred_at, id"
        for values in self._rows(self._q(sql), params):
            row = EventRow._make(values)
            yield StoredEvent(
                id=row.id,
                request_id=row.request_id,
                event=row.event,
                occurred_at=self._time_out(row.occurred_at),
                reason=row.reason,
                redacted=tuple(row.redacted.split(",")) if row.redacted else (),
            )

    def _month_rows(self, sql: str, start: dt.datetime, end: dt.datetime) -> list[Any]:
        params = (self._time_in(start), self._time_in(end))
        return self._read(lambda: self._fetch(self._q(sql), params))

    def month_cube(self, start: dt.datetime, end: dt.datetime) -> list[CubeRow]:
        return [CubeRow._make(row) for row in self._month_rows(MONTH_CUBE, start, end)]

    def follow_ups(self, start: dt.datetime, end: dt.datetime) -> list[FollowUpRow]:
        return [FollowUpRow._make(row) for row in self._month_rows(FOLLOW_UPS, start, end)]

    def residents(self, start: dt.datetime, end: dt.datetime) -> tuple[int, int]:
        distinct, identified = self._month_rows(RESIDENTS, start, end)[0]
        return int(distinct), int(identified)

    def purge(self, before: dt.datetime) -> tuple[int, int]:
        limit = self._time_in(before)
        with self._transaction() as cur:
            cur.execute(self._q("DELETE FROM events WHERE request_received_at < ?"), (limit,))
            events = int(cur.rowcount)
            cur.execute(self._q("DELETE FROM requests WHERE received_at < ?"), (limit,))
            return int(cur.rowcount), events

    def close(self) -> None:
        # Closing a broken connection: nothing is left to save.
        with contextlib.suppress(*self.driver_errors):
            self._connection.close()


def _reason(exc: BaseException) -> str:
    """A driver's message, first line only: a server's DETAIL may quote a whole row."""
    diag = getattr(exc, "diag", None)
    primary = getattr(diag, "message_primary", None) if diag is not None else None
    if isinstance(exc, UnicodeEncodeError):
        return "a text the backend cannot encode (an unpaired surrogate)"
    text = primary or str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
