"""The PostgreSQL backend (psycopg 3): one journal shared by agents on several machines.

Each write is one server transaction; psycopg is imported only when such a journal is
opened (the ``postgres`` extra: ``pip install 'mfs-core[postgres]'``). Migrations take a
transaction-level advisory lock so that two processes opening a new journal at once do not
both create it. Use a URL such as ``postgresql://user:password@host/database``; libpq
parameters (``sslmode``, ``options``) may follow as a query string.

A store opened ``read_only`` sets its session read-only and never migrates: a role with
``SELECT`` only can build reports and exports. A snapshot is a ``REPEATABLE READ READ ONLY``
transaction.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from mfs_core.journal.schema import Migration
from mfs_core.journal.store import JournalError, RejectedRows, SqlStore, _reason

__all__ = ["PostgresStore"]

#: Key of the advisory lock held while migrating ("mfsjrnl" in ASCII, any constant would do).
_MIGRATION_LOCK = 0x6D66736A726E6C
CONNECT_TIMEOUT_SECONDS = 10
STREAM_BATCH = 2000  # rows fetched per round trip when streaming an export
_STREAMS = itertools.count()


class PostgresStore(SqlStore):
    """A journal in a PostgreSQL database."""

    placeholder = "%s"

    def __init__(self, conninfo: str, url: str, *, read_only: bool = False) -> None:
        try:
            import psycopg
        except ImportError:
            raise JournalError(
                f"{url}: a PostgreSQL journal needs psycopg, installed with the 'postgres' "
                "extra: pip install 'mfs-core[postgres]'"
            ) from None
        self.driver_errors = (psycopg.Error,)
        self.rejected_errors = (psycopg.DataError, psycopg.IntegrityError, UnicodeEncodeError)
        try:
            connection = psycopg.connect(
                conninfo, autocommit=True, connect_timeout=CONNECT_TIMEOUT_SECONDS
            )
            if read_only:
                connection.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
        except psycopg.Error as exc:
            # Only the first line: libpq's messages about a malformed connection string may
            # quote a piece of it (a password among others); the server's never do.
            reason = _reason(exc)
            if isinstance(exc, psycopg.ProgrammingError):
                reason = "malformed connection URL"
            raise JournalError(f"{url}: cannot connect ({reason})") from None
        super().__init__(connection, url, read_only=read_only)

    @contextmanager
    def _transaction(self) -> Iterator[Any]:
        try:
            with self._connection.transaction(), self._connection.cursor() as cursor:
                yield cursor
        except self.rejected_errors as exc:
            raise RejectedRows(self.url, _reason(exc)) from None
        except self.driver_errors as exc:
            raise JournalError(
                f"{self.url}: write failed ({_reason(exc)}): nothing recorded by this write"
            ) from None

    def _begin_snapshot(self) -> None:
        self._connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")

    def _end_snapshot(self) -> None:
        self._connection.execute("COMMIT")

    def _stream(self, sql: str, params: Sequence[Any]) -> Iterator[Sequence[Any]]:
        # A server-side cursor, so an export of years of requests is not loaded at once.
        # Inside a snapshot it lives in the snapshot's transaction; outside, WITH HOLD: a
        # write made while a stream is still open must commit when it returns, not wait
        # inside the stream's transaction.
        name = f"mfs_journal_stream_{next(_STREAMS)}"
        hold = not self._snapshots
        with self._connection.cursor(name=name, withhold=hold) as cursor:
            cursor.itersize = STREAM_BATCH
            cursor.execute(sql, params)
            yield from cursor

    def _serialise_migrations(self, cursor: Any) -> None:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))

    def _migration_sql(self, migration: Migration) -> tuple[str, ...]:
        return migration.postgres
