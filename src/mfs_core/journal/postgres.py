"""The PostgreSQL backend (psycopg 3): one journal shared by agents on several machines.

Each write is one server transaction; psycopg is imported only when such a journal is
opened. Migrations take a transaction-level advisory lock so that two processes opening a
new journal at once do not both create it. Use a URL such as
``postgresql://user:password@host/database``; libpq parameters (``sslmode``, ``options``)
may follow as a query string.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from mfs_core.journal.schema import Migration
from mfs_core.journal.store import JournalError, SqlStore

__all__ = ["PostgresStore"]

#: Key of the advisory lock held while migrating ("mfsjrnl" in ASCII, any constant would do).
_MIGRATION_LOCK = 0x6D66736A726E6C
CONNECT_TIMEOUT_SECONDS = 10
STREAM_BATCH = 2000  # rows fetched per round trip when streaming an export
_STREAMS = itertools.count()


class PostgresStore(SqlStore):
    """A journal in a PostgreSQL database."""

    placeholder = "%s"

    def __init__(self, conninfo: str, url: str) -> None:
        import psycopg

        try:
            connection = psycopg.connect(
                conninfo, autocommit=True, connect_timeout=CONNECT_TIMEOUT_SECONDS
            )
        except psycopg.Error as exc:
            # The server's message never contains the password.
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise JournalError(f"{url}: cannot connect ({reason})") from None
        super().__init__(connection, url)

    @contextmanager
    def _transaction(self) -> Iterator[Any]:
        import psycopg

        try:
            with self._connection.transaction(), self._connection.cursor() as cursor:
                yield cursor
        except psycopg.Error as exc:
            # Only the primary message: the server's DETAIL may quote a whole row.
            message = exc.diag.message_primary or type(exc).__name__
            raise JournalError(f"{self.url}: write failed, nothing recorded ({message})") from exc

    def _stream(self, sql: str, params: Sequence[Any]) -> Iterator[Sequence[Any]]:
        # A server-side cursor, so an export of years of requests is not loaded at once.
        # WITH HOLD, outside any transaction: a write made while a stream is still open
        # must commit when it returns, not wait inside the stream's transaction.
        name = f"mfs_journal_stream_{next(_STREAMS)}"
        with self._connection.cursor(name=name, withhold=True) as cursor:
            cursor.itersize = STREAM_BATCH
            cursor.execute(sql, params)
            yield from cursor

    def _serialise_migrations(self, cursor: Any) -> None:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))

    def _migration_sql(self, migration: Migration) -> tuple[str, ...]:
        return migration.postgres
