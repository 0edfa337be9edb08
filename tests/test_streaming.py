"""``mfs check --anct-csv`` and ``mfs route`` hold one row or request at a time: the peak
of memory Python allocates does not grow with the input (measured with tracemalloc, ten
times the input for the same peak within a margin; before the streaming, it grew ten-fold).
Speed is measured in ``benchmarks/bench_national.py``, never here."""

from __future__ import annotations

import csv
import io
import json
import random
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from mfs_core import geo
from mfs_core.cli import main
from mfs_core.compliance.anct import FirstLines, iter_anct_results
from mfs_core.compliance.formats import write
from mfs_core.compliance.report import ReportStream
from mfs_core.compliance.runner import Runner
from mfs_core.registry import Registry
from mfs_test_support import ANCT_SAMPLE as SAMPLE
from mfs_test_support import replicate_anct_sample as replicate


def peak(function: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        function()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.fixture(scope="module")
def runner() -> Runner:
    import datetime as dt

    return Runner(Registry.load(external=False), as_of=dt.date(2026, 11, 27))


@pytest.mark.parametrize("fmt", ["json", "junit"])
def test_anct_check_memory_is_flat(
    tmp_path: Path, runner: Runner, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Ids move from the dictionary to SQLite past 50,000 rows; here past 1,000.
    monkeypatch.setattr(FirstLines, "IN_MEMORY", 1000)

    def check(path: Path) -> Callable[[], object]:
        def run() -> None:
            results = iter_anct_results(path, runner, on_skipped=print)
            report = ReportStream(results, catalogue=runner.catalogue, as_of=runner.as_of,
                                  national=True)  # fmt: skip
            with open(path.with_suffix(".out"), "w", encoding="utf-8") as out:
                write(report, fmt, out)

        return run

    small, large = replicate(tmp_path / "small.csv", 400), replicate(tmp_path / "large.csv", 4000)
    check(small)()  # caches (day strings, codes) filled before measuring
    small_peak, large_peak = peak(check(small)), peak(check(large))
    assert large_peak < 1.5 * small_peak, (small_peak, large_peak)
    if fmt == "json":
        summary = json.loads(large.with_suffix(".out").read_text(encoding="utf-8"))["summary"]
        assert summary["sites"] == 4000


def test_anct_summary_by_region(runner: Runner) -> None:
    results = iter_anct_results(SAMPLE, runner, on_skipped=print)
    report = ReportStream(results, catalogue=runner.catalogue, as_of=runner.as_of, national=True)
    out = io.StringIO()
    write(report, "json", out)
    summary = json.loads(out.getvalue())["summary"]
    with SAMPLE.open(encoding="utf-8", newline="") as handle:
        departements = [row["insee_dep"] for row in csv.DictReader(handle)]
    expected: dict[str, int] = {}
    for code in departements:
        region = geo.departements()[code].region
        expected[region] = expected.get(region, 0) + 1
    assert {code: group["sites"] for code, group in summary["by_region"].items()} == expected
    assert sum(g["sites"] for g in summary["by_departement"].values()) == 18
    text = io.StringIO()
    write(
        ReportStream(iter_anct_results(SAMPLE, runner, on_skipped=print),
                     catalogue=runner.catalogue, as_of=runner.as_of, national=True),
        "text", text,
    )  # fmt: skip
    assert "\nPar région :\n  " in text.getvalue()
    assert "84 Auvergne-Rhône-Alpes : " in text.getvalue()  # Valserhône (01), the first row


def test_route_memory_is_flat(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    request = {"procedure": "dgfip.reclamation", "channel": "counter", "facts": ["dispute"],
               "wants_autonomy": False, "received_at": "2026-11-27T10:00:00+01:00"}  # fmt: skip
    line = json.dumps(request) + "\n"
    paths = {}
    for count in (200, 2000):
        paths[count] = tmp_path / f"{count}.jsonl"
        paths[count].write_text(line * count, encoding="utf-8")
    sink = open(tmp_path / "out.json", "w", encoding="utf-8")  # noqa: SIM115
    monkeypatch.setattr(sys, "stdout", sink)

    def route(count: int) -> Callable[[], object]:
        def run() -> None:
            assert main(["route", "--request", str(paths[count]), "--format", "json"]) == 0

        return run

    route(200)()
    small_peak, large_peak = peak(route(200)), peak(route(2000))
    sink.close()
    assert large_peak < 1.5 * small_peak, (small_peak, large_peak)
    last_run = (tmp_path / "out.json").read_text(encoding="utf-8").split("\n]\n")[-2]
    decisions = json.loads(last_run + "\n]")
    assert len(decisions) == 2000


@pytest.mark.parametrize("packed_bytes", [0, 1 << 20])  # batches in SQLite, or packed
@pytest.mark.parametrize("bits_per_id", [128, 1])  # 1: most new ids share a bit, looked up
def test_duplicates_are_found_across_the_move_to_sqlite(
    tmp_path: Path,
    runner: Runner,
    monkeypatch: pytest.MonkeyPatch,
    bits_per_id: int,
    packed_bytes: int,
) -> None:
    monkeypatch.setattr(FirstLines, "IN_MEMORY", 5)
    monkeypatch.setattr(FirstLines, "BITS_PER_ID", bits_per_id)
    monkeypatch.setattr(FirstLines, "PACKED_BYTES", packed_bytes)
    path = replicate(tmp_path / "list.csv", 30)
    text = path.read_text(encoding="utf-8").splitlines()
    text += [text[3], text[20]]  # ids of line 4 (kept in the dictionary, moved) and line 21
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    results = list(iter_anct_results(path, runner, on_skipped=print))
    duplicates = [f.message for r in results for f in r.findings if f.check == "anct.duplicate-id"]
    again = "de la liste (doublon : les deux lignes sont vérifiées)"
    assert duplicates == [
        f"id_fs « 100002 » déjà présent ligne 4 {again}",
        f"id_fs « 100019 » déjà présent ligne 21 {again}",
    ]


@pytest.mark.parametrize("packed_bytes", [0, 300, 1 << 20])  # SQLite, both, packed only
@pytest.mark.parametrize("bits_per_id", [128, 1])  # 1: most new ids share a bit
def test_first_lines_agree_with_a_dictionary(
    monkeypatch: pytest.MonkeyPatch, bits_per_id: int, packed_bytes: int
) -> None:
    # Ids repeated near and far, across several batches packed or written to SQLite.
    monkeypatch.setattr(FirstLines, "IN_MEMORY", 3)
    monkeypatch.setattr(FirstLines, "BITS_PER_ID", bits_per_id)
    monkeypatch.setattr(FirstLines, "PACKED_BYTES", packed_bytes)
    draw = random.Random(15)
    keys = [str(draw.randrange(40)) for _ in range(400)]
    first_lines, expected = FirstLines(), {}
    try:
        for line, key in enumerate(keys, start=2):
            assert first_lines.first(key, line) == expected.setdefault(key, line), (line, key)
    finally:
        first_lines.close()
