"""The SQLite backend: the embedded default, one file beside the application.

Write-ahead logging lets readers work while one writer commits; ``synchronous=FULL`` makes
a returned commit survive a power cut, not only a crashed process; every write takes the
write lock at once (``BEGIN IMMEDIATE``) and waits up to 30 s for another process to
finish, so concurrent writers queue rather than fail.

A store opened ``read_only`` (reports, exports) opens the file with ``mode=ro``: it never
creates the file, never takes the write lock, so it never waits for a writer, and reads a
journal in a directory it may not write to (then as an immutable file when no write-ahead
log is pending).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from mfs_core.journal.schema import Migration
from mfs_core.journal.store import JournalError, RejectedRows, SqlStore, _reason

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

    driver_errors = (sqlite3.Error,)
    rejected_errors = (sqlite3.IntegrityError, sqlite3.DataError, UnicodeEncodeError)

    def __init__(self, path: str, url: str, *, read_only: bool = False) -> None:
        try:
            if read_only:
                connection = _open_read_only(path, url)
            else:
                connection = sqlite3.connect(
                    path,
                    timeout=BUSY_TIMEOUT_SECONDS,
                    isolation_level=None,
                    check_same_thread=False,
                )
                _set_pragmas(connection)
        except sqlite3.Error as exc:
            raise JournalError(f"{url}: cannot open the journal ({_reason(exc)})") from None
        super().__init__(connection, url, read_only=read_only)

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Cursor]:
        cursor = self._connection.cursor()
        try:
            cursor.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise JournalError(f"{self.url}: cannot write ({_reason(exc)})") from None
        try:
            yield cursor
            cursor.execute("COMMIT")
        except BaseException as exc:
            if self._connection.in_transaction:
                # SQLite may have rolled back itself (a full disk, an I/O error).
                with contextlib.suppress(sqlite3.Error):
                    cursor.execute("ROLLBACK")
            if isinstance(exc, self.rejected_errors):
                raise RejectedRows(self.url, _reason(exc)) from None
            if isinstance(exc, sqlite3.Error):
                raise JournalError(
                    f"{self.url}: write failed ({_reason(exc)}): nothing recorded by this write"
                ) from None
            raise

    def _begin_snapshot(self) -> None:
        # A deferred transaction: its first read fixes the state every later read sees.
        # In WAL mode it never waits for a writer, nor makes a writer wait.
        self._connection.execute("BEGIN")
        self._connection.execute("SELECT 1 FROM schema_version LIMIT 1").fetchall()

    def _end_snapshot(self) -> None:
        if self._connection.in_transaction:
            self._connection.execute("COMMIT")

    def _migration_sql(self, migration: Migration) -> tuple[str, ...]:
        return migration.sqlite

    def _time_in(self, value: dt.datetime) -> Any:
        # Fixed-width UTC text sorts in time order, so range queries use the index.
        return value.astimezone(dt.UTC).isoformat(timespec="microseconds")

    def _time_out(self, value: Any) -> dt.datetime:
        return dt.datetime.fromisoformat(value)

    def integrity_check(self) -> str:
        """SQLite's own check of the file: ``"ok"`` when it is sound."""
        return str(
            self._read(lambda: self._connection.execute("PRAGMA integrity_check").fetchone()[0])
        )

    def purge(self, before: dt.datetime) -> tuple[int, int]:
        # Overwrite deleted content so purged notes do not linger in free pages, then
        # checkpoint so that the write-ahead log's older copies of those pages go too
        # (best effort: a reader still open elsewhere may delay it to a later checkpoint).
        self._read(lambda: self._connection.execute("PRAGMA secure_delete=ON"))
        try:
            counts = super().purge(before)
        finally:
            self._read(lambda: self._connection.execute("PRAGMA secure_delete=OFF"))
        self._read(lambda: self._connection.execute("PRAGMA wal_checkpoint(TRUNCATE)"))
        return counts


def _open_read_only(path: str, url: str) -> sqlite3.Connection:
    """A connection that cannot write: never creates the file, never takes the write lock."""
    if not os.path.isfile(path):
        raise JournalError(
            f"{url}: no journal at {os.path.abspath(path)} (nothing created; record requests "
            "first, e.g. with `mfs journal add`)"
        )
    uri = f"file:{urllib.parse.quote(os.path.abspath(path))}?mode=ro"
    connection = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    try:
        connection.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
        return connection
    except sqlite3.OperationalError:
        connection.close()
        # WAL mode needs its shared-memory file, which a directory we may not write to
        # cannot hold. With no pending write-ahead log the file alone is the whole journal,
        # and no writer can come (it would need that directory too): read it as immutable.
        wal = f"{path}-wal"
        if os.path.exists(wal) and os.path.getsize(wal) > 0:
            raise
        return sqlite3.connect(
            f"{uri}&immutable=1", uri=True, isolation_level=None, check_same_thread=False
        )
