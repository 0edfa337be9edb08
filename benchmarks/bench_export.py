"""Benchmark of ``mfs journal export`` (JSONL and CSV) against bare sqlite3 in the same run.

A SQLite journal of 100,000 requests of 2023 and their follow-ups (the data of
``bench_journal.py``) is exported whole, as ``mfs journal export --format F --output FILE``
run in this process, against a bare export of the same tables: one ``SELECT`` of each,
written with ``json.dumps`` or ``csv.writer`` and nothing else. The command's time includes
what it adds: the redaction of notes and reasons again, Paris times, the escaping of JSON
and the CSV formula guard. Median of several runs each, alternating. Information, no target
(issue 12 measured it before and after moving the export out of the CLI).

Run: ``.venv/bin/python benchmarks/bench_export.py`` (``--quick`` for a smoke run).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_journal import SECRET, bare_connection, follow_ups, make_records, new_journal

from mfs_core.cli import main as mfs
from mfs_core.journal import open_journal
from mfs_core.redaction import redact


def build(directory: Path, count: int) -> str:
    url = new_journal(directory, "export.sqlite3")
    journal = open_journal(url, pseudonym_secret=SECRET)
    step = 50_000
    for first in range(0, count, step):
        records = make_records(min(step, count - first), count, first)
        journal.record_many(records)
        journal.follow_up_many(follow_ups(records))
    journal.close()
    return url


def export(url: str, fmt: str, output: Path) -> float:
    began = time.perf_counter()
    with contextlib.redirect_stderr(io.StringIO()):  # its one summary line
        code = mfs(
            ["journal", "export", "--format", fmt, "--output", str(output), "--journal", url]
        )
    elapsed = time.perf_counter() - began
    assert code == 0
    return elapsed


def bare(url: str, fmt: str, output: Path) -> float:
    began = time.perf_counter()
    connection = bare_connection(url)
    with open(output, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n") if fmt == "csv" else None
        for table, order in (("requests", "received_at, id"), ("events", "occurred_at, id")):
            cursor = connection.execute(f"SELECT * FROM {table} ORDER BY {order}")
            names = [column[0] for column in cursor.description]
            for row in cursor:
                if writer:
                    writer.writerow(row)
                else:
                    data = {k: v for k, v in zip(names, row, strict=True) if v is not None}
                    out.write(json.dumps(data, ensure_ascii=False) + "\n")
    connection.close()
    return time.perf_counter() - began


def lines(path: Path) -> int:
    with open(path, encoding="utf-8") as text:
        return sum(1 for _ in text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="10,000 records, 2 runs")
    args = parser.parse_args()
    if args.quick:
        args.records, args.repeats = 10_000, 2
    redact("Mme Dupont, tél. 06 12 34 56 78")  # word lists and patterns: loaded once
    with tempfile.TemporaryDirectory(prefix="bench-export-") as tmp:
        directory = Path(tmp)
        url = build(directory, args.records)
        print(f"Exporting a journal of {args.records:,} requests and their follow-ups (SQLite)")
        for fmt in ("jsonl", "csv"):
            times: dict[str, list[float]] = {"mfs": [], "bare": []}
            for _ in range(args.repeats):
                times["bare"].append(bare(url, fmt, directory / f"bare.{fmt}"))
                times["mfs"].append(export(url, fmt, directory / f"mfs.{fmt}"))
            assert lines(directory / f"mfs.{fmt}") == lines(directory / f"bare.{fmt}") + (
                fmt == "csv"  # the header
            )
            command, plain = statistics.median(times["mfs"]), statistics.median(times["bare"])
            print(
                f"  {fmt:<5}  mfs journal export {command:6.2f} s   bare sqlite3 {plain:6.2f} s"
                f"   ratio {command / plain:4.2f}x"
            )


if __name__ == "__main__":
    main()
