"""What the ANCT check keeps of rows whose hours never repeat (issue-15q): a row's day
cells and hours are kept from their second row on, so a list whose rows do not repeat
keeps none of them; the results are the same either way."""

from __future__ import annotations

import collections
import csv
from pathlib import Path

import pytest

from mfs_core.compliance import anct
from mfs_core.compliance.anct import DAY_COLUMNS, check_anct_csv
from mfs_core.compliance.runner import Runner
from mfs_core.compliance.site import HoursScope
from mfs_core.registry import Registry

from .conftest import AS_OF
from .test_anct import varied_list
from .test_anct_messy import sample_rows, write_list
from .test_anct_verdicts import assert_same


def mixed_list(path: Path) -> Path:
    """400 rows that do not repeat their day cells, then the sample's 18 rows three times
    over (each its own ``id_fs``): cells met once, and cells met on three rows."""
    varied_list(path, 400)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    _, sample = sample_rows()
    rows += [dict(row, id_fs=f"r{turn}-{row['id_fs']}") for turn in range(3) for row in sample]
    return write_list(path, rows)


def day_cells(path: Path) -> collections.Counter[tuple[str, ...]]:
    """How many rows have each tuple of six day cells."""
    with path.open(encoding="utf-8", newline="") as handle:
        return collections.Counter(
            tuple(row[day] for day in DAY_COLUMNS) for row in csv.DictReader(handle)
        )


def kept_hours(
    path: Path, runner: Runner, monkeypatch: pytest.MonkeyPatch
) -> tuple[set[tuple[str, ...]], list[object]]:
    """The day-cell tuples the check's memo of rows' hours holds at the end, and the
    results."""
    made: list[anct._Columns] = []

    class Watched(anct._Columns):
        def __init__(self, header: list[str]) -> None:
            super().__init__(header)
            made.append(self)

    with monkeypatch.context() as patch:
        patch.setattr(anct, "_Columns", Watched)
        results: list[object] = list(check_anct_csv(path, runner, skipped=[]))
    (columns,) = made
    return set(columns.hours), results


def test_a_row_s_hours_are_kept_from_their_second_row_on(
    tmp_path: Path, registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = mixed_list(tmp_path / "l.csv")
    counts = day_cells(path)
    repeated = {cells for cells, rows in counts.items() if rows > 1}
    assert len(counts) > 400  # not a vacuous check
    assert 0 < len(repeated) <= 18
    runner = Runner(registry, as_of=AS_OF)
    kept, results = kept_hours(path, runner, monkeypatch)
    # Before issue-15q every one of the 400-odd distinct tuples was kept.
    assert kept == repeated
    # The same results as a check keeping every row's hours from its first row on.
    keep_all = anct._Columns.__init__

    def from_the_first_row(self: anct._Columns, header: list[str]) -> None:
        keep_all(self, header)
        self.seen_once = None

    monkeypatch.setattr(anct._Columns, "__init__", from_the_first_row)
    kept_all, every_row = kept_hours(path, runner, monkeypatch)
    assert kept_all == set(counts)
    assert_same(results, every_row, runner)  # type: ignore[arg-type]


def test_the_structure_scope_keeps_hours_from_the_first_row(
    tmp_path: Path, registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both of its passes read every row: the second finds the first's hours (and the
    weeks made for the groups) in the memo."""
    path = mixed_list(tmp_path / "l.csv")
    runner = Runner(registry, as_of=AS_OF, hours_scope=HoursScope.STRUCTURE)
    kept, _ = kept_hours(path, runner, monkeypatch)
    assert kept == set(day_cells(path))


def test_the_hashes_of_tuples_met_once_are_bounded(
    tmp_path: Path, registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past :data:`anct._SEEN_ONCE` hashes the set starts afresh (flat memory): a tuple
    met again after that is kept only from its next row."""
    monkeypatch.setattr(anct, "_SEEN_ONCE", 10)
    path = mixed_list(tmp_path / "l.csv")
    runner = Runner(registry, as_of=AS_OF)
    kept, results = kept_hours(path, runner, monkeypatch)
    # The sample's 18 tuples, met three times 18 rows apart: each is forgotten between
    # its rows (the set holds 10), so none is kept.
    assert kept == set()
    monkeypatch.setattr(anct, "_SEEN_ONCE", 16_384)
    _, expected = kept_hours(path, runner, monkeypatch)
    assert_same(results, expected, runner)  # type: ignore[arg-type]
