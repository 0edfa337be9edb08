"""The floor of the ANCT check (``benchmarks/bench_anct_floor.py``) writes what the real
check writes: its cost is a floor only if it does the same work (issue 15).

Speed is measured by the script itself, never here."""

from __future__ import annotations

import csv
import importlib
import io
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
SAMPLE = Path(__file__).resolve().parent / "data" / "anct-france-services-sample.csv"
DAYS = ("h_lundi", "h_mardi", "h_mercredi", "h_jeudi", "h_vendredi", "h_samedi")
#: Day cells of every shape the careful reading reports (real spellings of the sample
#: and the anomalies docs/anct.md lists): unreadable, end before start, empty slot, long
#: slot, duplicate, out of order, overlap, placeholder, one-digit hour.
ODD_CELLS = (
    "fermé",
    "9h-12h",
    "",
    "17:00 - 09:00",
    "09:00 - 12:00 / / 14:00 - 17:00",
    "08:00 - 21:00",
    "09:00 - 12:00 / 09:00 - 12:00",
    "14:00 - 17:00 / 09:00 - 12:00",
    "00:00 - 00:00",
    "00:00 - 00:00 / 09:00 - 12:00 / 13:30 - 17:00",
    "09:00 - 12:00 / 09:00 - 16:30 / 14:00 - 16:30",
    "9:00 - 12:00",
)


@pytest.fixture(scope="module")
def floor() -> Iterator[object]:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        yield importlib.import_module("bench_anct_floor")
    finally:
        sys.path.remove(str(BENCHMARKS))


def _odd_list(path: Path) -> None:
    """The sample's rows 30 times, each row's day cells replaced in turn by the odd cells,
    every 7th row repeating an id, every 50th publishing no hours."""
    with SAMPLE.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields, rows = reader.fieldnames or [], list(reader)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, quoting=csv.QUOTE_ALL)
        writer.writeheader()
        for index in range(30 * len(rows)):
            row = dict(rows[index % len(rows)])
            if index % 7:
                row["id_fs"] = str(5000 + index)
            for day_index, day in enumerate(DAYS):
                if (index + day_index) % 3 == 0:
                    row[day] = ODD_CELLS[(index + day_index) % len(ODD_CELLS)]
            if index % 50 == 0:
                row.update(dict.fromkeys(DAYS, ""))
            writer.writerow(row)


@pytest.fixture(scope="module")
def lists(floor: object, tmp_path_factory: pytest.TempPathFactory) -> dict[Path, list[str]]:
    """The sample and the odd list, each with the real check's JSON Lines."""
    odd = tmp_path_factory.mktemp("floor") / "odd.csv"
    _odd_list(odd)
    found = {}
    for path in (SAMPLE, odd):
        theirs = io.StringIO()
        floor.real(path, theirs)  # type: ignore[attr-defined]
        found[path] = theirs.getvalue().splitlines()
    assert len(found[odd]) == 30 * 18 + 1  # every row read, then the summary
    return found


@pytest.mark.parametrize("memo", [False, True])
@pytest.mark.parametrize("dumps", [False, True])
def test_floor_writes_the_checks_lines(
    floor: object, lists: dict[Path, list[str]], memo: bool, dumps: bool
) -> None:
    for path, theirs in lists.items():
        mine = io.StringIO()
        floor.floor(path, mine, memo=memo, dumps=dumps)  # type: ignore[attr-defined]
        assert mine.getvalue().splitlines() == theirs
