"""The ANCT list's checks decided on a row's verdict give what the runner gives."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mfs_core.compliance import anct, anct_verdicts
from mfs_core.compliance.anct import ANCT_CHECKS, check_anct_csv
from mfs_core.compliance.anct_verdicts import VerdictChecks
from mfs_core.compliance.findings import SiteResult
from mfs_core.compliance.formats import render
from mfs_core.compliance.report import Report
from mfs_core.compliance.runner import Runner
from mfs_core.compliance.site import HoursScope
from mfs_core.model import Severity
from mfs_core.registry import Registry

from .conftest import AS_OF
from .test_anct import varied_list
from .test_anct_messy import sample_rows, write_list

DAYS = ("h_lundi", "h_mardi", "h_mercredi", "h_jeudi", "h_vendredi", "h_samedi")


def hostile_list(path: Path) -> Path:
    """The sample's rows with unreadable, empty, placeholder and overlapping hours, a
    duplicate id and a group: every kind of verdict the list's hours give."""
    _, rows = sample_rows()
    changed = [
        {"h_lundi": "fermé", "h_mardi": "9h-12h"},
        dict.fromkeys(DAYS, ""),
        {"h_lundi": "09:00 - 12:00 / 11:00 - 13:00", "h_mardi": "00:00 - 00:00"},
        {"h_lundi": "09:00 - 12:00 / 09:00 - 12:00"},
        {"h_jeudi": "fermé", "h_vendredi": "", "h_samedi": ""},
        {"h_lundi": "", "h_mardi": "", "h_mercredi": "08:00 - 20:00", "h_jeudi": "nc"},
        {"id_fs": rows[0]["id_fs"]},
        {"groupe_fs": "G1", "insee_dep": "01", "insee_com": "01033"},
        {"groupe_fs": "G1", "insee_dep": "01", "insee_com": "01033", "h_lundi": "fermé"},
    ]
    extra = [dict(rows[i % len(rows)], **change) for i, change in enumerate(changed)]
    for index, row in enumerate(extra):
        if "id_fs" not in changed[index]:
            row["id_fs"] = f"h{index}"
    return write_list(path, rows + extra)


def grouped_rows(path: Path) -> int:
    """How many rows share their ``groupe_fs`` and département with another row."""
    import collections
    import csv

    with path.open(encoding="utf-8", newline="") as handle:
        keys = [(r["insee_dep"], r["groupe_fs"]) for r in csv.DictReader(handle) if r["groupe_fs"]]
    return sum(n for n in collections.Counter(keys).values() if n > 1)


def through_the_runner(
    path: Path, runner: Runner, monkeypatch: pytest.MonkeyPatch
) -> list[SiteResult]:
    """Every row checked afresh by the runner: a site, its context, a call per check."""
    with monkeypatch.context() as patch:
        patch.setattr(anct, "_OUTCOMES_MEMO", 0)
        patch.setattr(VerdictChecks, "for_runner", classmethod(lambda *_args: None))
        return check_anct_csv(path, runner, skipped=[])


def assert_same(mine: list[SiteResult], theirs: list[SiteResult], runner: Runner) -> None:
    assert mine == theirs
    assert [r.statuses for r in mine] == [r.statuses for r in theirs]
    assert [list(r.statuses) for r in mine] == [list(r.statuses) for r in theirs]
    assert [r.compliant for r in mine] == [r.compliant for r in theirs]
    for fmt in ("json", "jsonl", "text", "sarif", "junit"):
        reports = [
            Report(results=tuple(r), catalogue=runner.catalogue, as_of=AS_OF, national=True)
            for r in (mine, theirs)
        ]
        assert render(reports[0], fmt) == render(reports[1], fmt)


@pytest.mark.parametrize("scope", list(HoursScope))
@pytest.mark.parametrize("make", [varied_list, hostile_list])
def test_each_row_gets_what_the_runner_gives(
    tmp_path: Path,
    registry: Registry,
    monkeypatch: pytest.MonkeyPatch,
    scope: HoursScope,
    make: object,
) -> None:
    path = (
        varied_list(tmp_path / "l.csv", 400)
        if make is varied_list
        else hostile_list(tmp_path / "l.csv")
    )
    runner = Runner(registry, as_of=AS_OF, hours_scope=scope)
    theirs = through_the_runner(path, runner, monkeypatch)
    assert VerdictChecks.for_runner(runner, ANCT_CHECKS, anct._PARTLY_KNOWN) is not None
    calls = 0
    run = runner.run

    def counted(*args: object, **kwargs: object) -> SiteResult:
        nonlocal calls
        calls += 1
        return run(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(runner, "run", counted)
    monkeypatch.setattr(anct, "_OUTCOMES_MEMO", 0)  # every row by its verdict
    assert_same(check_anct_csv(path, runner, skipped=[]), theirs, runner)
    # Only the rows of a group judged together went through the runner.
    assert calls == (grouped_rows(path) if scope is HoursScope.STRUCTURE else 0)
    monkeypatch.undo()
    assert_same(check_anct_csv(path, runner, skipped=[]), theirs, runner)  # shared outcomes


def test_a_check_reading_more_than_the_verdict_goes_through_the_runner(
    runner: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = runner.core_plan(ANCT_CHECKS)
    assert plan is not None
    (check, _evaluate), *rest = plan[0]

    def replaced(only: object) -> object:
        return ((check, lambda site: []), *rest), plan[1]

    monkeypatch.setattr(runner, "core_plan", replaced)
    assert VerdictChecks.for_runner(runner, ANCT_CHECKS, anct._PARTLY_KNOWN) is None
    monkeypatch.setattr(runner, "core_plan", lambda only: None)  # a plugin's check
    assert VerdictChecks.for_runner(runner, ANCT_CHECKS, anct._PARTLY_KNOWN) is None


def test_an_empty_message_is_left_to_the_runner(runner: Runner) -> None:
    from mfs_core.hours import AnomalyKind, HoursAnomaly

    verdicts = VerdictChecks.for_runner(runner, ANCT_CHECKS, anct._PARTLY_KNOWN)
    assert verdicts is not None
    blank = HoursAnomaly("lundi", next(iter(AnomalyKind)), "x", " ")
    found = verdicts.result(
        (None, None, (blank,)),
        hours_unknown=False,
        weekly_hours=30.0,
        opening_days=5,
        id="1",
        name="n",
        source="s",
        departement="01",
        site_format="Fixe",
    )
    assert found is None
    assert anct_verdicts._FINDINGS_MEMO > 0


#: Day cells to draw weeks from: the sample's own and every kind of anomaly.
_CELLS = [
    "",
    "   ",
    "09:00 - 12:00 / 13:30 - 17:00",
    "08:30 - 12:00",
    "13:30 - 17:00",
    "09:00 - 12:00 / 12:00 - 17:00",
    "fermé",
    "9h-12h",
    "17:00 - 09:00",
    "00:00 - 00:00",
    "09:00 - 12:00 / 09:00 - 12:00",
    "09:00 - 12:00 / 11:00 - 14:00",
    "09:00 - 12:00 / / 14:00 - 17:00",
    "06:00 - 23:30",
    "22:00 - 02:00",
    "08:00 - 24:00",
    "٠٩:٠٠ - ١٢:٠٠",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_CELLS), min_size=6, max_size=6), max_size=12))
def test_a_week_summed_from_its_day_codes_is_the_week_read_in_full(
    weeks: list[list[str]],
) -> None:
    """_Hours sums each cell's code (_DayCodes) instead of building the week: its figures,
    anomalies and verdict are those of the week read in full (from_anct_days), whether
    the cells are read now, met before, or forgotten between rows (a memo of one cell
    a day: every new cell empties its day's)."""
    from mfs_core.compliance.evaluators import week_problems
    from mfs_core.hours import HOURS_UNKNOWN, from_anct_days

    for size in (1, anct._DAY_MEMO):
        days = anct._DayCodes()
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(anct, "_DAY_MEMO", size)
            for cells in weeks * 2:  # each week read, then met again
                hours = anct._Hours(tuple(cells), days)
                week, anomalies = from_anct_days(cells)
                assert hours.schedule == week
                assert hours.opening_days == week.opening_days
                assert hours.weekly_hours == round(week.weekly_minutes / 60, 2)
                if any(cell.strip() for cell in cells):
                    assert hours.anomalies == anomalies
                    assert hours.hours_unknown == any(a.kind in HOURS_UNKNOWN for a in anomalies)
                else:  # a row publishing no hours at all
                    assert (anomalies, hours.anomalies[0].kind) == ((), "no-hours")
                    assert hours.hours_unknown
                assert hours.verdict == (*week_problems(week), hours.anomalies)


def grouped_list(path: Path, sites: int, *, own_groups: bool) -> Path:
    """The varied list's rows, each naming its own group (``own_groups``), or a few
    groups of two rows or more in three départements, and some rows without a group."""
    import csv

    varied_list(path, sites)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for index, row in enumerate(rows):
        # a commune of the département, as the list's rows name (review 15e)
        row["insee_dep"], row["insee_com"] = (("01", "01033"), ("2A", "2A004"), ("974", "97411"))[
            index % 3
        ]
        row["groupe_fs"] = f"G{index}" if own_groups else "" if index % 5 == 0 else f"G{index % 7}"
    return write_list(path, rows)


@pytest.mark.parametrize("own_groups", [True, False])
def test_groups_of_one_row_keep_no_hours_and_every_group_is_judged_together(
    tmp_path: Path, registry: Registry, monkeypatch: pytest.MonkeyPatch, own_groups: bool
) -> None:
    """With --hours-scope structure, a first pass over the cells finds which groups are
    named twice (_repeated_groups): a list whose every row names its own group keeps no
    hours for them. The results are those of a bitmap of 8 bits, where every group looks
    repeated and _group_hours counts each one's members itself."""
    path = grouped_list(tmp_path / "l.csv", 300, own_groups=own_groups)
    runner = Runner(registry, as_of=AS_OF, hours_scope=HoursScope.STRUCTURE)
    merged = []
    group_hours = anct._group_hours

    def counted(rows: object, repeated: set[int]) -> object:
        found = group_hours(rows, repeated)  # type: ignore[arg-type]
        merged.append((len(repeated), sum(group.size for group in found.values())))
        return found

    monkeypatch.setattr(anct, "_group_hours", counted)
    mine = check_anct_csv(path, runner, skipped=[])
    # 300 groups, 2 x 600 bits set of 8,388,608: a false "named twice" is some 1 in 10^6.
    # 7 groups in each of 3 départements, of the 240 rows that name a group.
    assert merged == ([] if own_groups else [(21, 240)])
    monkeypatch.setattr(anct, "_GROUP_BITS", 8)
    assert_same(mine, check_anct_csv(path, runner, skipped=[]), runner)
    looked_repeated, members = merged[-1]
    assert looked_repeated >= (200 if own_groups else 21)  # almost all, with 8 bits
    assert members == (0 if own_groups else 240)


def test_the_day_memo_counts_a_long_cell_for_its_length(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A hostile list's long day cells (up to a row's 65,536 characters) fill the memo by
    their length: its memory stays bounded in bytes, not only in cells."""
    monkeypatch.setattr(anct, "_DAY_MEMO", 100)
    days = anct._DayCodes()
    clean = " " * 1270 + "09:00 - 12:00"  # 1 + 1,283 // 128 = 11 units
    unreadable = f"fermé {'x' * 1280}"  # 4 x 11 units: its anomaly quotes it
    for index in range(30):
        cell = clean + " " * index if index % 2 else unreadable + str(index)
        days.read((cell, "", "", "", "", ""))
        held = days.codes[0]
        assert sum(len(c) for c in held) <= 100 * 128  # 100 units of 128 characters
    assert 1 <= len(held) <= 9


@pytest.mark.parametrize(
    ("verdict", "hours_unknown"),
    [
        ((None, None, ()), False),
        (("ouvert 20 h par semaine, au moins 24 h sont requises", None, ()), False),
        ((None, "ouvert 4 jours par semaine (lundi), au moins 5 sont requis", ()), False),
        ((None, None, ()), True),
    ],
)
def test_a_result_built_from_its_parts_is_the_constructors(
    verdict: tuple[str | None, str | None, tuple[object, ...]], hours_unknown: bool
) -> None:
    """A selection without checks left unknown (the list's own always has some): the
    result's compliance is the constructor's, an error found makes it non-compliant."""
    from mfs_core.compliance.findings import CheckStatus

    steps = (
        ("label.weekly-hours", Severity.ERROR, 0),
        ("label.opening-days", Severity.ERROR, 1),
    )
    full = frozenset({"label.weekly-hours", "label.opening-days"})
    partly = frozenset({"label.opening-days"})
    plans = {
        full: (steps, {}),
        partly: (steps[1:], {"label.weekly-hours": CheckStatus.UNKNOWN}),
    }
    checks = VerdictChecks(
        plans, full, {(met, days): partly for met in (False, True) for days in (False, True)}
    )
    row: dict[str, Any] = {"id": "s1", "name": "Lieu", "source": "liste.csv", "departement": "64"}
    mine = checks.result(
        verdict,  # type: ignore[arg-type]
        hours_unknown=hours_unknown,
        weekly_hours=20.0,
        opening_days=4,
        site_format="Fixe",
        **row,
    )
    assert mine is not None
    theirs = SiteResult(
        weekly_hours=None if hours_unknown else 20.0,
        opening_days=4,
        findings=mine.findings,
        statuses=mine.statuses,
        format="Fixe",
        **row,
    )
    assert mine == theirs
    assert mine.compliant is theirs.compliant
    assert mine.__dict__ == theirs.__dict__
    assert list(mine.__dict__) == list(theirs.__dict__)
    assert mine.compliant is (verdict == (None, None, ()) and not hours_unknown)


@pytest.mark.parametrize("severities", list(itertools.product(list(Severity), repeat=3)))
def test_a_result_from_a_verdict_follows_the_runners_rules_whatever_the_severities(
    severities: tuple[Severity, Severity, Severity],
) -> None:
    """Each check's status is the runner's (fail for a finding that is not info, pass
    without one), compliance the constructor's, for every severity of the three checks
    and verdicts with and without each part's findings (a check without findings passes
    at once in VerdictChecks.result)."""
    from mfs_core.compliance.runner import _status_of
    from mfs_core.hours import AnomalyKind, HoursAnomaly

    ids = ("label.weekly-hours", "label.opening-days", "label.hours-quality")
    steps = tuple(zip(ids, severities, (0, 1, 2), strict=True))
    plans: dict[frozenset[str], Any] = {frozenset(ids): (steps, {})}
    checks = VerdictChecks(plans, frozenset(ids), {})
    overlap = HoursAnomaly("lundi", AnomalyKind.OVERLAP, "9-12", "lundi : chevauchement")
    placeholder = HoursAnomaly("mardi", AnomalyKind.PLACEHOLDER, "0-0", "mardi : fictif")
    row: dict[str, Any] = {"id": "s1", "name": "Lieu", "source": "liste.csv", "departement": "64"}
    row.update(weekly_hours=20.0, opening_days=4)
    for verdict in [
        (None, None, ()),
        ("20 h", None, (overlap,)),
        (None, "4 jours", (overlap, placeholder)),
        ("20 h", "4 jours", ()),
    ]:
        mine = checks.result(
            verdict,  # type: ignore[arg-type]
            hours_unknown=False,
            site_format="Fixe",
            **row,
        )
        assert mine is not None
        for check_id in ids:
            theirs = [f for f in mine.findings if f.check == check_id]
            assert mine.statuses[check_id] is _status_of(theirs)
        messages = [m for m in verdict[:2] if m] + [a.message for a in verdict[2]]
        assert [f.message for f in mine.findings] == messages
        built = SiteResult(findings=mine.findings, statuses=mine.statuses, format="Fixe", **row)
        assert mine.__dict__ == built.__dict__
        assert mine.compliant is not any(f.level is Severity.ERROR for f in mine.findings)


def test_a_week_s_hours_are_rounded_as_the_runner_rounds_them() -> None:
    """``_rounded`` computes ``round(minutes / 60, 2)`` (Runner.run's weekly hours) in
    integers: equal, value and type, for every count of minutes a row can hold and far
    beyond (a JSON line writes the float's repr: 2 and 2.0 would differ)."""
    for minutes in range(200_001):
        hours = anct._rounded(minutes)
        assert hours == round(minutes / 60, 2), minutes
        assert hours.__class__ is float
        assert repr(hours) == repr(round(minutes / 60, 2))
    anct._ROUNDED.clear()
