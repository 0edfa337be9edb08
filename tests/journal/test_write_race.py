"""Two writers storing the same id at the same moment (PostgreSQL, READ COMMITTED).

The journal reads the stored content of a batch's ids before inserting, so that an id given
again with other content is reported as conflicting (review 16c). On PostgreSQL another
transaction may store one of those ids between that read and the insert: ``ON CONFLICT DO
NOTHING`` then dropped the second writer's record while it was counted as a retry
(``already_present``), the changed record lost silently. SQLite serialises writers, so only
PostgreSQL can interleave them.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from mfs_core.journal import WriteResult, open_journal
from mfs_test_support import fresh_postgres_url

from .conftest import SECRET
from .test_journal import request

WAIT_SECONDS = 30.0


class _PausingCursor:
    """A cursor that, once its insert ran, tells the test and waits to be let go."""

    def __init__(self, cursor: Any, inserted: threading.Event, release: threading.Event) -> None:
        self._cursor = cursor
        self._inserted = inserted
        self._release = release

    def executemany(self, sql: str, rows: Any) -> None:
        self._cursor.executemany(sql, rows)
        self._inserted.set()
        assert self._release.wait(WAIT_SECONDS), "the test never let the first writer commit"

    def __getattr__(self, name: str) -> Any:
        return getattr(self._cursor, name)


def _blocked_on_a_lock(url: str) -> bool:
    import psycopg

    with psycopg.connect(url, autocommit=True) as watcher:
        row = watcher.execute(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO requests%'"
        ).fetchone()
    return bool(row and row[0])


@contextmanager
def _paused_after_insert(
    store: Any, inserted: threading.Event, release: threading.Event
) -> Iterator[None]:
    real = store._transaction

    @contextmanager
    def pausing() -> Iterator[Any]:
        with real() as cursor:
            yield _PausingCursor(cursor, inserted, release)

    store._transaction = pausing
    try:
        yield
    finally:
        store._transaction = real


def test_an_id_stored_meanwhile_by_another_writer_with_other_content_is_a_conflict() -> None:
    with (
        fresh_postgres_url() as url,
        open_journal(url, pseudonym_secret=SECRET) as first,
        open_journal(url, pseudonym_secret=SECRET) as second,
    ):
        inserted, release = threading.Event(), threading.Event()
        results: dict[str, WriteResult] = {}

        def write(name: str, journal: Any, **content: object) -> None:
            results[name] = journal.record(request("r1", **content))

        with _paused_after_insert(first.store, inserted, release):
            one = threading.Thread(
                target=write, args=("first", first), kwargs={"outcome": "appointment"}
            )
            one.start()
            try:
                assert inserted.wait(WAIT_SECONDS)
                # The first writer has inserted r1 and not committed: the second reads no
                # r1, then its insert waits on the first's row lock.
                two = threading.Thread(target=write, args=("second", second))
                two.start()
                deadline = time.monotonic() + WAIT_SECONDS
                while not _blocked_on_a_lock(url):
                    assert time.monotonic() < deadline, "the second writer never waited"
                    time.sleep(0.05)
            finally:
                release.set()
                one.join(WAIT_SECONDS)
            two.join(WAIT_SECONDS)

        assert (results["first"].recorded, results["first"].conflicting) == (1, 0)
        # Before: (0, 1, 0): counted as a retry of a record it is not.
        assert (
            results["second"].recorded,
            results["second"].already_present,
            results["second"].conflicting,
        ) == (0, 0, 1)
        assert [r.outcome for r in first.requests()] == ["appointment"]
