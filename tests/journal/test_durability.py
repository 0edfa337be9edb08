"""Nothing lost, for real: separate processes, concurrent writers, ``kill -9``.

Each test runs writers as subprocesses (``journal_writer.py``) on both backends, then
checks the journal from this process.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from mfs_core.journal import Journal, RequestRecord, open_journal
from mfs_core.journal.sqlite import SqliteStore

WRITER = Path(__file__).with_name("journal_writer.py")


def start_writer(
    url: str, prefix: str, count: int, batch: int, *extra: str
) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WRITER), url, prefix, str(count), str(batch), *extra],
        stdout=subprocess.PIPE,
        text=True,
    )


def last_report(process: subprocess.Popen[str]) -> dict[str, int]:
    out, _ = process.communicate(timeout=60)
    assert process.returncode == 0
    return json.loads(out.splitlines()[-1])


def kill_9(process: subprocess.Popen[str]) -> list[str]:
    """SIGKILL ``process``; return the lines it printed but were not read yet."""
    os.kill(process.pid, signal.SIGKILL)
    out, _ = process.communicate(timeout=10)
    assert process.returncode == -signal.SIGKILL
    return out.splitlines()


def check_consistent(journal: Journal) -> list[str]:
    """The journal opens, is sound, and every stored request is whole; return the ids."""
    if isinstance(journal.store, SqliteStore):
        assert journal.store.integrity_check() == "ok"
    requests = list(journal.requests())
    for stored in requests:
        assert stored.note == "NIR [NIR]"
        assert stored.partner == "dgfip"
    return [r.id for r in requests]


def test_a_returned_write_is_committed(journal_url: str) -> None:
    writer = start_writer(journal_url, "w", 50, 50, "--hold")
    assert writer.stdout is not None
    report = json.loads(writer.stdout.readline())
    assert report == {"committed": 50, "recorded": 50, "already": 0}
    # Killed without closing: what returned must be there.
    kill_9(writer)
    with open_journal(journal_url, pseudonym_secret="") as journal:
        assert len(check_consistent(journal)) == 50


def test_a_retried_write_is_not_counted_twice(journal_url: str) -> None:
    assert last_report(start_writer(journal_url, "w", 30, 10))["recorded"] == 30
    retried = last_report(start_writer(journal_url, "w", 30, 7))
    assert (retried["recorded"], retried["already"]) == (0, 30)
    with open_journal(journal_url, pseudonym_secret="") as journal:
        assert len(check_consistent(journal)) == 30


def test_two_processes_writing_at_once_lose_nothing(journal_url: str) -> None:
    # Both write 200 requests of their own and the same 40 shared ones, one small
    # transaction at a time, so their transactions interleave.
    writers = [start_writer(journal_url, name, 200, 5, "--shared", "40") for name in "ab"]
    reports = [last_report(writer) for writer in writers]
    assert sum(r["recorded"] for r in reports) == 440
    assert sum(r["already"] for r in reports) == 40
    with open_journal(journal_url, pseudonym_secret="") as journal:
        ids = check_consistent(journal)
    assert len(ids) == len(set(ids)) == 440


def test_kill_9_in_the_middle_of_writes_leaves_a_consistent_journal(journal_url: str) -> None:
    batch = 100
    writer = start_writer(journal_url, "w", 1_000_000, batch)
    assert writer.stdout is not None
    committed = 0
    for _ in range(3):
        committed = json.loads(writer.stdout.readline())["committed"]
    time.sleep(random.uniform(0, 0.05))  # land anywhere inside a transaction
    for line in kill_9(writer):  # reports written before the kill
        committed = json.loads(line)["committed"]
    with open_journal(journal_url, pseudonym_secret="") as journal:
        ids = set(check_consistent(journal))
        # Every reported batch is there, and batches are whole: none half-written.
        assert len(ids) >= committed
        assert len(ids) % batch == 0
        assert ids == {f"w-{i}" for i in range(len(ids))}
    # The journal still takes writes after the crash.
    assert last_report(start_writer(journal_url, "after", 10, 10))["recorded"] == 10


def test_sqlite_file_holds_no_clear_identifier(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'j.sqlite3'}"
    last_report(start_writer(url, "w", 20, 20))
    content = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    assert b"[NIR]" in content
    for form in (b"2 95 10 99 126 111 93", b"295109912611193"):
        assert form not in content


def test_new_journal_opened_by_several_processes_at_once(journal_url: str) -> None:
    # All create the schema at the same moment: migrations are serialised.
    processes = [start_writer(journal_url, f"p{n}", 5, 5) for n in range(3)]
    assert sum(last_report(p)["recorded"] for p in processes) == 15


def test_sqlite_purge_leaves_no_trace_in_the_files(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'j.sqlite3'}"
    marker = "marqueur-de-note-purgee"
    with open_journal(url, pseudonym_secret="") as journal:
        journal.record_many(
            RequestRecord(
                id=f"r{i}",
                received_at=dt.datetime(2022, 1, 3, 9, tzinfo=dt.UTC),
                procedure="dgfip.declaration-revenus",
                channel="counter",
                outcome="resolved_first_contact",
                note=f"{marker} {i}",
            )
            for i in range(50)
        )
        assert marker.encode() in b"".join(p.read_bytes() for p in tmp_path.iterdir())
        assert journal.purge(dt.date(2023, 1, 1)).requests == 50
        content = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    assert marker.encode() not in content
