"""The ANCT list's ``--hours-scope structure`` (issue-15p): its two passes read each day
cell once, a group's union is what folding its members' weeks gives, and a group's
union is let go once its last member is checked."""

from __future__ import annotations

import collections
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mfs_core import hours
from mfs_core.compliance import anct
from mfs_core.compliance.anct import check_anct_csv
from mfs_core.compliance.runner import Runner
from mfs_core.compliance.site import HoursScope
from mfs_core.hours import WeeklySchedule
from mfs_core.registry import Registry

from .conftest import AS_OF
from .test_anct_verdicts import DAYS, assert_same, grouped_list, grouped_rows, through_the_runner


def counted_rows(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many rows go through the runner from now on (``[count]``, kept up to date)."""
    calls = [0]
    check_row = anct._check_row

    def counted(*args: object) -> object:
        calls[0] += 1
        return check_row(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(anct, "_check_row", counted)
    return calls


def test_the_structure_scope_reads_each_day_cell_once(
    tmp_path: Path, registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first pass (the groups' unions) and the second (the results) share the
    columns' memos: a cell is read once, not once a pass (the second read every cell
    again, 2 x 2,723 quick readings at 2,845 varied rows)."""
    path = grouped_list(tmp_path / "l.csv", 300, own_groups=False)
    import csv

    with path.open(encoding="utf-8", newline="") as handle:
        cells = {(day, row[day]) for row in csv.DictReader(handle) for day in DAYS}
    read: collections.Counter[tuple[str, str]] = collections.Counter()
    quick = anct.quick_anct_day

    def counted(text: str, day: str) -> object:
        read[day, text] += 1
        return quick(text, day)

    monkeypatch.setattr(anct, "quick_anct_day", counted)
    runner = Runner(registry, as_of=AS_OF, hours_scope=HoursScope.STRUCTURE)
    check_anct_csv(path, runner, skipped=[])
    names = dict(zip(DAYS, hours.DAYS, strict=False))
    assert set(read) == {(names[day], cell) for day, cell in cells}
    assert max(read.values()) == 1


def test_a_groups_union_is_let_go_after_its_last_member(
    tmp_path: Path, registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each row of a group is judged on the group's union, and no row after a group's
    last member finds that group's union still held."""
    path = grouped_list(tmp_path / "l.csv", 300, own_groups=False)
    seen: list[tuple[tuple[str, str], frozenset[tuple[str, str]]]] = []
    check_row = anct._check_row

    def watched(row: anct._Row, runner: Runner, source: str, groups: dict) -> object:  # type: ignore[type-arg]
        seen.append(((row.departement, row.group), frozenset(groups)))
        return check_row(row, runner, source, groups)

    monkeypatch.setattr(anct, "_OUTCOMES_MEMO", 0)  # every member through the runner
    monkeypatch.setattr(anct, "_check_row", watched)
    runner = Runner(registry, as_of=AS_OF, hours_scope=HoursScope.STRUCTURE)
    check_anct_csv(path, runner, skipped=[])
    last = {key: index for index, (key, _held) in enumerate(seen)}
    assert len(last) == 21  # 7 groups in each of 3 départements
    for index, (key, held) in enumerate(seen):
        assert key in held  # judged with its group
        assert not {done for done, at in last.items() if at < index} & held


_INTERVAL = st.tuples(st.integers(0, 1439), st.integers(1, 720)).map(
    lambda pair: (pair[0], min(pair[0] + pair[1], 1440))
)
#: A day as a row's week holds it: a union (sorted, disjoint, not touching), or closed;
#: often one of a few usual days, each time a new object (as rows' weeks hold them).
_DAY = st.one_of(
    st.lists(_INTERVAL, max_size=3).map(hours.union),
    st.sampled_from([((540, 720),), ((540, 720), (810, 1020)), ((480, 1080),)]).map(
        lambda day: tuple([(start, end) for start, end in day])
    ),
)
_WEEK = st.tuples(*[_DAY] * 7).map(WeeklySchedule)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["", "G1", "G2", "G3"]), st.sampled_from(["01", "2A"]), _WEEK),
        max_size=12,
    ),
    st.data(),
)
def test_a_groups_union_is_the_fold_of_its_members_weeks(
    members: list[tuple[str, str, WeeklySchedule]], data: st.DataObject
) -> None:
    """_group_hours keeps a running union day by day and makes the week once: the same
    weeks, sizes and unknown flags as folding WeeklySchedule.merged_with row by row, and
    equal days shared."""
    rows = [
        SimpleNamespace(
            group=group,
            departement=departement,
            schedule=week,
            hours=SimpleNamespace(hours_unknown=data.draw(st.booleans())),
        )
        for group, departement, week in members
    ]
    repeated = {hash((row.departement, row.group)) for row in rows}
    expected: dict[tuple[str, str], tuple[WeeklySchedule, int, bool]] = {}
    for row in rows:
        if row.group:
            key = (row.departement, row.group)
            week, size, unknown = expected.get(key, (WeeklySchedule.closed(), 0, False))
            expected[key] = (
                week.merged_with(row.schedule),
                size + 1,
                unknown or row.hours.hours_unknown,
            )
    found = anct._group_hours(rows, repeated)  # type: ignore[arg-type]
    assert {key: tuple(group) for key, group in found.items()} == {
        key: value for key, value in expected.items() if value[1] > 1
    }
    for group in found.values():
        assert isinstance(group.hours_unknown, bool)
    # Equal days are one object for all groups (memory: a list's groups open alike).
    days = [day for group in found.values() for day in group.schedule.days]
    assert len({id(day) for day in days}) == len(set(days))


def test_members_of_a_group_with_the_same_anomalies_share_an_outcome(
    tmp_path: Path, registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A group's member whose anomalies an earlier member had gets that member's outcome
    (the group's problems and its own anomalies) without the runner, and every row's
    result, statuses and output are the runner's."""
    path = grouped_list(tmp_path / "l.csv", 300, own_groups=False)
    runner = Runner(registry, as_of=AS_OF, hours_scope=HoursScope.STRUCTURE)
    theirs = through_the_runner(path, runner, monkeypatch)
    calls = counted_rows(monkeypatch)
    mine = check_anct_csv(path, runner, skipped=[])
    assert_same(mine, theirs, runner)
    assert 21 <= calls[0] < grouped_rows(path) == 240
    monkeypatch.setattr(anct, "_OUTCOMES_MEMO", 2)  # started afresh as it fills
    assert_same(check_anct_csv(path, runner, skipped=[]), theirs, runner)


def test_groups_whose_union_meets_both_rules_share_outcomes_across_groups(
    tmp_path: Path, registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A union meeting both rules reports no problem and names no group: members of
    different such groups with the same anomalies share one outcome. A union failing a
    rule names its group: its members share only within it. Every row is the runner's."""
    from .test_anct_messy import sample_rows, write_list

    _, sample = sample_rows()
    full = "09:00 - 12:00 / 13:30 - 17:00"
    rows = []
    for index in range(80):
        pair = index % 40  # 40 groups of two rows, the members far apart
        row = dict(sample[pair % len(sample)], id_fs=f"p{index}", insee_dep="64", insee_com="64483")
        row["groupe_fs"] = f"Groupe {pair}"
        week = [full] * 5 + [""] if pair % 2 else ["09:00 - 12:00"] + [""] * 5
        if index % 3 == 0:  # some members with a placeholder slot: an anomaly
            week[0] = f"00:00 - 00:00 / {week[0]}"
        row.update(zip(DAYS, week, strict=True))
        rows.append(row)
    path = write_list(tmp_path / "l.csv", rows)
    runner = Runner(registry, as_of=AS_OF, hours_scope=HoursScope.STRUCTURE)
    theirs = through_the_runner(path, runner, monkeypatch)
    groups_named = [r for r in theirs if any("Groupe" in f.message for f in r.findings)]
    assert len(groups_named) == 40  # the 20 short groups' members name their group
    calls = counted_rows(monkeypatch)
    assert_same(check_anct_csv(path, runner, skipped=[]), theirs, runner)
    # Meeting: two outcomes (with and without the placeholder) for the 40 rows; failing:
    # each of the 20 groups one or two.
    assert calls[0] <= 2 + 40
