"""Benchmark: checking the ANCT list in process vs reading the same CSV with ``csv``.

The 18 real rows of the sample are replicated to 3,000 sites (each copy gets its own
``id_fs``) and written to a temporary file. In the same run, best of several repeats:

- baseline: ``list(csv.DictReader(f))`` over the file (``csv.reader`` is printed too: the
  checker reads rows as lists, so the ratio to it is the stricter one);
- mfs: ``check_anct_csv`` (read, parse hours, run the checks, build results) plus the
  national summary, with the registry loaded once beforehand (its cost is printed apart);
Each check starts with the day-cell cache and the check's process-wide memos emptied, as
``mfs check`` starts. A list whose rows never repeat is measured by
``benchmarks/bench_national.py --only anct-varied`` (issue 15; it replaced this file's
« no day cache » variant, which patched a name the check no longer looks up).

Target (issue 5): mfs <= 5x the baseline. Run: ``python benchmarks/bench_compliance.py``.
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from mfs_core import hours
from mfs_core.compliance import anct
from mfs_core.compliance.report import Report
from mfs_core.compliance.runner import Runner
from mfs_core.registry import Registry

SAMPLE = (
    Path(__file__).resolve().parent.parent / "tests" / "data" / "anct-france-services-sample.csv"
)
SITES = 3000
REPEATS = 15
TARGET = 5.0
#: The check's memos kept by the process across lists (as ``bench_national.py`` empties them).
_PROCESS_MEMOS = ("_GOOD_CODES", "_GOOD_INSEE", "_GOOD_CODE_ROWS", "_ROUNDED", "_PROBLEMS")


def replicate(target: Path) -> None:
    with SAMPLE.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields = reader.fieldnames or []
        rows = list(reader)
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, quoting=csv.QUOTE_ALL)
        writer.writeheader()
        for index in range(SITES):
            row = dict(rows[index % len(rows)])
            row["id_fs"] = str(100000 + index)
            writer.writerow(row)


def best_of(*functions: Callable[[], object]) -> list[float]:
    """Best time of each function; repeats are interleaved so machine load hits all alike."""
    timings: list[list[float]] = [[] for _ in functions]
    for _ in range(REPEATS):
        for function, times in zip(functions, timings, strict=True):
            day_cache = getattr(hours, "_cached_anct_day", hours.parse_anct_day)
            getattr(day_cache, "cache_clear", lambda: None)()
            for memo in _PROCESS_MEMOS:
                getattr(anct, memo, set()).clear()
            start = time.perf_counter()
            function()
            times.append(time.perf_counter() - start)
    return [min(times) for times in timings]


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "anct-3000.csv"
        replicate(path)

        def read_csv() -> object:
            with path.open(encoding="utf-8", newline="") as handle:
                return list(csv.DictReader(handle))

        start = time.perf_counter()
        registry = Registry.load(external=False)
        runner = Runner(registry, as_of=dt.date(2026, 11, 27))
        setup = time.perf_counter() - start

        def check() -> object:
            results = anct.check_anct_csv(path, runner)
            report = Report(
                results=tuple(results),
                catalogue=runner.catalogue,
                as_of=runner.as_of,
                national=True,
            )
            return report.summary()

        def read_csv_lists() -> object:
            with path.open(encoding="utf-8", newline="") as handle:
                return list(csv.reader(handle))

        baseline, lists, mfs = best_of(read_csv, read_csv_lists, check)
    ratio = mfs / baseline
    print(f"sites: {SITES} (18 real rows replicated), best of {REPEATS}")
    print(f"registry load + runner (once): {setup * 1000:8.1f} ms")
    print(f"csv.DictReader baseline:       {baseline * 1000:8.1f} ms")
    print(f"csv.reader (lists), for info:  {lists * 1000:8.1f} ms  (mfs = {mfs / lists:.2f}x this)")
    print(f"mfs check --anct-csv (cached): {mfs * 1000:8.1f} ms  ratio {ratio:5.2f}x")
    print(f"target: <= {TARGET:g}x -> {'met' if ratio <= TARGET else 'NOT met'}")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
