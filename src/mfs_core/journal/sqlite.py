"""The SQLite backend: the embedded default, one file beside the application.

Write-ahead logging lets readers work while one writer commits; ``synchronous=FULL`` makes
a returned commit survive a power cut, not only a crashed process; every write takes the
write lock at once (``BEGIN IMMEDIATE``) and waits up to 30 s for another process to
finish, so concurrent writers queue rather than fail.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from mfs_core.journal.schema import Migration
from mfs_core.journal.store import JournalError, SqlStore

__all__ = ["PRAGMAS", "SqliteStore"]

#: The connection settings of the journal (the benchmark's bare baseline uses the same).
PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
)
BUSY_TIMEOUT_SECONDS = 30.0


def _set_pragmas(connection: sqlite3.Connection) -> None:
    # Switching a new file to WAL does not wait on the busy handler: when several processes
    # open a new journal at once, retry until the busy timeout instead of failing.
    deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
    while True:
        try:
            for pragma in PRAGMAS:
                connection.execute(pragma)
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


class SqliteStore(SqlStore):
    """A journal in a SQLite file (``sqlite:///relative/path``, ``sqlite:////absolute``)."""

    def __init__(self, path: str, url: str) -> None:
        try:
            connection = sqlite3.connect(
                path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False
            )
            _set_pragmas(connection)
        except sqlite3.Error as exc:
            raise JournalError(f"{url}: cannot open the journal ({exc})") from None
        super().__init__(connection, url)

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Cursor]:
        cursor = self._connection.cursor()
        try:
            cursor.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise JournalError(f"{self.url}: cannot write ({exc})") from None
        try:
            yield cursor
            cursor.execute("COMMIT")
        except BaseException as exc:
            if self._connection.in_transaction:
                cursor.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise JournalError(f"{self.url}: write failed, nothing recorded ({exc})") from exc
            raise

    def _migration_sql(self, migration: Migration) -> tuple[str, ...]:
        return migration.sqlite

    def _time_in(self, value: dt.datetime) -> Any:
        # Fixed-width UTC text sorts in time order, so range queries use the index.
        return value.astimezone(dt.UTC).isoformat(timespec="microseconds")

    def _time_out(self, value: Any) -> dt.datetime:
        return dt.datetime.fromisoformat(value)

    def integrity_check(self) -> str:
        """SQLite's own check of the file: ``"ok"`` when it is sound."""
        return str(self._connection.execute("PRAGMA integrity_check").fetchone()[0])

    def purge(self, before: dt.datetime) -> tuple[int, int]:
        # Overwrite deleted content so purged notes do not linger in free pages, then
        # checkpoint so that the write-ahead log's older copies of those pages go too
        # (best effort: a reader still open elsewhere may delay it to a later checkpoint).
        self._connection.execute("PRAGMA secure_delete=ON")
        try:
            counts = super().purge(before)
        finally:
            self._connection.execute("PRAGMA secure_delete=OFF")
        self._connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return counts
