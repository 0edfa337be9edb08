"""The real ANCT sample: rows parsed, anomalies reported, unsupported rules unknown."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mfs_core.compliance.anct import ANCT_CHECKS, check_anct_csv, read_anct_rows
from mfs_core.compliance.findings import CheckStatus, SiteResult
from mfs_core.compliance.report import Report
from mfs_core.compliance.runner import Runner
from mfs_core.compliance.site import HoursScope
from mfs_core.errors import InputError
from mfs_core.registry import Registry
from mfs_test_support import replicate_anct_sample as replicate

from .conftest import ANCT_SAMPLE, AS_OF


@pytest.fixture
def results(runner: Runner) -> dict[str, SiteResult]:
    return {r.id: r for r in check_anct_csv(ANCT_SAMPLE, runner)}


def anomalies(result: SiteResult) -> list[str]:
    return [f.message for f in result.findings if f.check == "label.hours-quality"]


def test_every_row_is_checked(results: dict[str, SiteResult]) -> None:
    assert len(results) == len(read_anct_rows(ANCT_SAMPLE)) == 18


def test_clean_row(results: dict[str, SiteResult]) -> None:
    valserhone = results["1"]
    # lundi 13:30-17:00, mardi-jeudi 09:00-12:00 + 13:30-17:00, vendredi until 16:00.
    assert valserhone.weekly_hours == 3.5 + 3 * 6.5 + 5.5
    assert valserhone.opening_days == 5
    assert valserhone.findings == ()
    assert valserhone.departement == "01"
    assert valserhone.format == "Fixe"


def test_rules_the_list_cannot_support_are_unknown(results: dict[str, SiteResult]) -> None:
    for result in results.values():
        assert set(result.unknown) == set(result.statuses) - ANCT_CHECKS
        assert "label.staffing" in result.unknown
        assert all(result.statuses[c] is not CheckStatus.UNKNOWN for c in ANCT_CHECKS)
        assert not result.compliant  # unknown is never passed


def test_placeholder_slots(results: dict[str, SiteResult]) -> None:
    luri = results["807"]  # "00:00 - 00:00 / 00:00 - 00:00 / 08:30 - 16:00" four days
    assert luri.weekly_hours == 4 * 7.5
    assert luri.opening_days == 4
    assert anomalies(luri).count("lundi : créneau fictif « 00:00 - 00:00 » (ignoré)") == 2
    salles = results["67"]  # vendredi "00:00 - 00:00" only: closed, not open
    assert salles.opening_days == 4
    assert [f.check for f in salles.findings if not f.check.endswith("hours-quality")] == [
        "label.opening-days"
    ]


def test_overlapping_and_duplicate_slots_count_once(results: dict[str, SiteResult]) -> None:
    ile_de_re = results["114"]  # mardi "09:00 - 12:00 / 09:00 - 16:30 / 14:00 - 16:30"
    assert ile_de_re.weekly_hours == 4 * 5.5 + 7.5 + 3
    assert len(anomalies(ile_de_re)) == 2
    chateaurenard = results["724"]  # lundi "13:30 - 16:00 / 13:30 - 16:00"
    assert anomalies(chateaurenard) == ["lundi : créneau 13:30-16:00 en double (compté une fois)"]
    assert chateaurenard.weekly_hours == 2.5 + 4 * 6


def test_failing_rows(results: dict[str, SiteResult]) -> None:
    failing = {
        site_id: sorted({f.check for f in r.active if f.level.value == "error"})
        for site_id, r in results.items()
        if any(f.level.value == "error" for f in r.active)
    }
    assert failing == {
        "19": ["label.weekly-hours"],  # Tende: 23 h 15
        "67": ["label.opening-days"],
        "75": ["label.opening-days", "label.weekly-hours"],  # itinérante, one day listed
        "143": ["label.opening-days", "label.weekly-hours"],  # antenne, 4 h
        "807": ["label.opening-days"],
    }
    assert results["19"].weekly_hours == 23.25


def test_national_summary(runner: Runner) -> None:
    report = Report(
        results=tuple(check_anct_csv(ANCT_SAMPLE, runner)),
        catalogue=runner.catalogue,
        as_of=runner.as_of,
        national=True,
    )
    summary = report.summary()
    assert summary["sites"] == 18
    assert summary["compliant"] == 0
    assert summary["checks"]["label.weekly-hours"] == {
        "pass": 15,
        "fail": 3,
        "waived": 0,
        "unknown": 0,
    }
    assert summary["checks"]["label.staffing"]["unknown"] == 18
    assert summary["by_departement"]["24"] == {
        "sites": 1,
        "failing": {"label.opening-days": 1, "label.weekly-hours": 1},
    }
    assert sum(g["sites"] for g in summary["by_format"].values()) == 18
    assert set(summary["by_format"]) == {
        "Bus_équivalent",
        "Fixe",
        "Fixe_antenne(s)",
        "Itinérante",
        "Multisites",
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("id_fs,lib_fs\n1,x\n", "line 1: missing column(s) insee_dep, insee_com, h_lundi"),
        # A ';' file whose columns are still not the list's: the separator is named.
        ("identifiant;nom\n1;x\n", "line 1: expected a comma-separated file, got ';'"),
        # An empty file, or a byte order mark alone: said, not a list of missing columns.
        ("", "line 1: the file is empty (a byte order mark at most)"),
        ("\ufeff", "line 1: the file is empty (a byte order mark at most)"),
        # Two byte order marks: the second is invisible in the first column's name.
        (
            "\ufeff\ufeff" + ANCT_SAMPLE.read_text(encoding="utf-8-sig"),
            "line 1: missing column(s) id_fs: the first column's name starts with an "
            "invisible byte order mark (U+FEFF)",
        ),
    ],
)
def test_missing_column(tmp_path: Path, runner: Runner, text: str, expected: str) -> None:
    path = tmp_path / "list.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        check_anct_csv(path, runner)
    [line] = info.value.problems
    assert line.startswith(f"{path}: {expected}")


def test_bad_rows_name_their_line_and_column(tmp_path: Path, runner: Runner) -> None:
    lines = ANCT_SAMPLE.read_text(encoding="utf-8").splitlines()
    broken = lines[2].replace('"01388"', '"1388"')
    path = tmp_path / "list.csv"
    path.write_text("\n".join([lines[0], lines[1], broken]) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        check_anct_csv(path, runner)
    assert info.value.problems == [f"{path}: line 3: insee_com: expected an INSEE code, got '1388'"]


def test_a_quoted_cell_is_bounded_and_its_personal_data_redacted(
    tmp_path: Path, runner: Runner
) -> None:
    """A cell quoted in a row's problem is at most 80 characters (a longer one is described
    by its length) and its personal data is redacted, as docs/hostile-input.md promises
    (review finding 8: a 60,000-character line on stderr, a name and a phone verbatim)."""
    header, cells = list(csv.reader(ANCT_SAMPLE.read_text(encoding="utf-8").splitlines()))[:2]
    cells[header.index("latitude")] = "Mme Jeanne Martin, 06 12 34 56 78"
    cells[header.index("insee_dep")] = "9" * 500
    path = tmp_path / "list.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows([header, cells])
    with pytest.raises(InputError) as info:
        check_anct_csv(path, runner)
    [problem] = info.value.problems
    assert "Martin" not in problem
    assert "06 12 34 56 78" not in problem
    assert "got a 500-character value" in problem
    assert "latitude: expected a number of degrees from -90 to 90, got '" in problem
    assert len(problem) < 400


def test_not_utf8(tmp_path: Path, runner: Runner) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(ANCT_SAMPLE.read_text(encoding="utf-8").encode("latin-1", "replace"))
    with pytest.raises(InputError, match="expected UTF-8 text"):
        check_anct_csv(path, runner)


def grouped_list(tmp_path: Path, principal_hours: str) -> Path:
    """The real Hautefort antenna row plus a made-up principal site of the same group."""
    with ANCT_SAMPLE.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields = list(reader.fieldnames or [])
        hautefort = next(row for row in reader if row["id_fs"] == "143")
    principal = dict(hautefort, id_fs="90001", lib_fs="France services de Thenon (test)")
    principal["insee_com"], principal["type_fs"] = "24550", "Principal"
    for column in ("h_lundi", "h_mardi", "h_mercredi", "h_jeudi", "h_vendredi"):
        principal[column] = principal_hours
    path = tmp_path / "grouped.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows([hautefort, principal])
    return path


def test_rows_of_a_group_are_judged_together_under_structure_scope(
    tmp_path: Path, registry: Registry
) -> None:
    path = grouped_list(tmp_path, "09:00 - 12:00 / 13:30 - 17:00")
    by_row = {r.id: r for r in check_anct_csv(path, Runner(registry, as_of=AS_OF))}
    assert {f.check for f in by_row["143"].active} == {"label.opening-days", "label.weekly-hours"}
    structure = Runner(registry, as_of=AS_OF, hours_scope=HoursScope.STRUCTURE)
    grouped = {r.id: r for r in check_anct_csv(path, structure)}
    assert grouped["143"].active == ()
    assert grouped["143"].weekly_hours == 4  # its own hours are still reported


def test_group_failing_as_a_whole_is_named(tmp_path: Path, registry: Registry) -> None:
    path = grouped_list(tmp_path, "09:00 - 12:00")
    structure = Runner(registry, as_of=AS_OF, hours_scope=HoursScope.STRUCTURE)
    [message] = [
        f.message for f in next(r for r in check_anct_csv(path, structure) if r.id == "143").active
    ]
    # 5 x 3 h at Thenon + Monday 14:00-16:00 at Hautefort (its Thursday 09:30-11:30 falls
    # within Thenon's Thursday morning and counts once).
    assert message == (
        "groupe « Hautefort - Thenon » (2 lieux) : ouvert 17 h par semaine, au moins 24 h "
        "sont requises"
    )


def test_rows_with_the_same_hours_reuse_the_outcome_unchanged(
    tmp_path: Path, runner: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mfs_core.compliance import anct
    from mfs_core.compliance.formats import render

    path = replicate(tmp_path / "list.csv", 3 * 18)
    reused = check_anct_csv(path, runner)
    pairs = list(zip(reused[:-18], reused[18:], strict=True))
    assert any(a.findings and a.findings is b.findings for a, b in pairs)
    monkeypatch.setattr(anct, "_OUTCOMES_MEMO", 0)  # every row checked afresh
    alone = check_anct_csv(path, runner)
    pairs = list(zip(alone[:-18], alone[18:], strict=True))
    assert not any(a.findings and a.findings is b.findings for a, b in pairs)
    assert reused == alone
    assert [r.statuses for r in reused] == [r.statuses for r in alone]
    for fmt in ("json", "text", "sarif"):
        reports = [
            Report(results=tuple(r), catalogue=runner.catalogue, as_of=AS_OF, national=True)
            for r in (reused, alone)
        ]
        assert render(reports[0], fmt) == render(reports[1], fmt)


def varied_list(path: Path, sites: int) -> Path:
    """Rows that do not repeat: each day cell drawn from the sample's real cells (their
    anomalies included), the end of Monday's and Tuesday's last slot moved by a per-row
    number of minutes (so two rows almost never have the same hours, but many share a
    verdict)."""
    import random

    draw = random.Random(15)
    with ANCT_SAMPLE.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields, rows = reader.fieldnames or [], list(reader)
    days = ["h_lundi", "h_mardi", "h_mercredi", "h_jeudi", "h_vendredi", "h_samedi"]
    cells = [row[day] for row in rows for day in days]

    def moved(cell: str, minutes: int) -> str:
        head, _, end = cell.rpartition(" - ")
        hour, minute = divmod(int(end[:2]) * 60 + int(end[3:5]) + minutes, 60)
        return f"{head} - {hour:02d}:{minute:02d}"

    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        for index in range(sites):
            week = [draw.choice(cells) for _ in days]
            for day, shift in ((0, index % 60), (1, index // 60 % 60)):
                if week[day].strip():
                    week[day] = moved(week[day], shift)
            row = dict(rows[index % len(rows)], id_fs=str(100000 + index))
            writer.writerow(dict(row, **dict(zip(days, week, strict=True))))
    return path


def test_rows_sharing_a_verdict_get_what_a_fresh_check_gives(
    tmp_path: Path, runner: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mfs_core.compliance import anct
    from mfs_core.compliance.formats import render

    path = varied_list(tmp_path / "list.csv", 600)
    shared = check_anct_csv(path, runner)
    # Rows with other hours (other weekly hours) shared an outcome: the reuse was used.
    hours_by_outcome: dict[int, set[float | None]] = {}
    for result in shared:
        if result.findings:
            hours_by_outcome.setdefault(id(result.findings), set()).add(result.weekly_hours)
    assert any(len(hours) > 1 for hours in hours_by_outcome.values())
    monkeypatch.setattr(anct, "_OUTCOMES_MEMO", 0)  # every row checked afresh
    alone = check_anct_csv(path, runner)
    with_findings = [id(r.findings) for r in alone if r.findings]
    assert len(set(with_findings)) == len(with_findings)  # nothing shared
    assert shared == alone
    assert [r.statuses for r in shared] == [r.statuses for r in alone]
    assert [r.compliant for r in shared] == [r.compliant for r in alone]
    for fmt in ("json", "text", "sarif", "junit"):
        reports = [
            Report(results=tuple(r), catalogue=runner.catalogue, as_of=AS_OF, national=True)
            for r in (shared, alone)
        ]
        assert render(reports[0], fmt) == render(reports[1], fmt)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.lists(st.tuples(st.integers(0, 1439), st.integers(1, 600)), max_size=3),
        min_size=7,
        max_size=7,
    )
)
def test_the_opening_rules_findings_are_their_week_problems(
    slots: list[list[tuple[int, int]]],
) -> None:
    """What the ANCT list relies on to share outcomes: on a one-week site without a
    structure name, the weekly-hours and opening-days findings are made of
    ``week_problems`` alone."""
    import datetime as dt

    from mfs_core.compliance.context import CheckContext, Unit
    from mfs_core.compliance.evaluators import opening_days, week_problems, weekly_hours
    from mfs_core.compliance.findings import Finding
    from mfs_core.compliance.site import Site
    from mfs_core.hours import WeeklySchedule, union

    week = WeeklySchedule(
        tuple(union((start, min(start + length, 1440)) for start, length in day) for day in slots)
    )
    context = CheckContext(
        as_of=dt.date(2026, 11, 27),
        installed_partners=frozenset(),
        hours_scope=HoursScope.EACH_LOCATION,
        units=(Unit(name="x", schedule=week),),
        structure_week=week,
    )
    site = Site(id="1", name="x", porteur="x", insee_code="01033", context=context)
    for evaluate, problem in zip((weekly_hours, opening_days), week_problems(week), strict=True):
        expected = [] if problem is None else [Finding(message=problem, field="hours")]
        assert list(evaluate(site)) == expected


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.lists(st.integers(0, 180), max_size=2), min_size=7, max_size=7),
    st.lists(st.integers(0, 600), min_size=7, max_size=7),
)
def test_week_problems_depend_on_the_minutes_and_open_days_alone(
    lengths: list[list[int]], starts: list[int]
) -> None:
    """What the ANCT list's memo of problems relies on (``anct._PROBLEMS``): two weeks
    with the same open minutes in all and the same open days, spread otherwise over the
    days and the hours, have the same problems."""
    from mfs_core.compliance.evaluators import week_problems
    from mfs_core.hours import WeeklySchedule

    days = []
    for day_lengths, start in zip(lengths, starts, strict=True):
        slots, at = [], start
        for length in day_lengths:
            if length:
                slots.append((at, at + length))
                at += length + 30  # apart: slots never merge
        days.append(tuple(slots))
    first = WeeklySchedule(tuple(days))
    # The open days' minutes rotated among them, each day one slot at another hour.
    totals = [sum(end - begin for begin, end in day) for day in days if day]
    totals = totals[1:] + totals[:1]
    moved = [((60, 60 + totals.pop(0)),) if day else () for day in days]
    second = WeeklySchedule(tuple(moved))
    assert (second.weekly_minutes, second.opening_days) == (
        first.weekly_minutes,
        first.opening_days,
    )
    assert week_problems(first) == week_problems(second)


def test_json_lines_are_those_of_the_plain_encoder(tmp_path: Path, runner: Runner) -> None:
    import json

    import attrs

    from mfs_core.compliance.formats import json_format, render

    results = check_anct_csv(replicate(tmp_path / "list.csv", 2 * 18), runner)
    # Same findings object, outcomes differing only by the type or value of a figure.
    first = results[0]
    results += [
        attrs.evolve(first, id="int-hours", weekly_hours=int(first.weekly_hours or 0)),
        attrs.evolve(first, id="other-days", opening_days=(first.opening_days or 0) + 1),
        attrs.evolve(first, id="ctl\x1b\u202e", name="é « x »\n"),
        # The end of a line shared by outcome, source, département and format: each escaped.
        attrs.evolve(first, id="own-end", departement="2A\u2028", format="Fixe\x7f"),
        attrs.evolve(first, id="own-source", source="liste\u202e.csv", name="del\x7f"),
    ]
    report = Report(results=tuple(results), catalogue=runner.catalogue, as_of=AS_OF, national=True)
    document = json_format.document(report)
    written = json.loads(render(report, "json"))
    assert written == json.loads(json.dumps(document))
    lines = render(report, "json").splitlines()[3 : 3 + len(results)]
    for line, result in zip(lines, results, strict=True):
        plain = json.dumps(json_format.site_data(result, True), ensure_ascii=False)
        assert line.strip().rstrip(",") == plain.replace("\x1b", "\\u001b").replace(
            "\u202e", "\\u202e"
        ).replace("\u2028", "\\u2028").replace("\x7f", "\\u007f")


def test_json_lines_hold_the_json_documents_sites_and_summary(
    tmp_path: Path, runner: Runner
) -> None:
    """``--format jsonl``: one line per site, the object ``--format json`` lists, then the
    summary's line; hostile names stay on their line (a newline or U+2028 escaped)."""
    import json

    import attrs

    from mfs_core.compliance.formats import render

    results = check_anct_csv(replicate(tmp_path / "list.csv", 2 * 18), runner)
    first = results[0]
    results += [attrs.evolve(first, id="ctl\x1b", name="é « x »\n\u2028", format="Fixe\x7f")]
    report = Report(results=tuple(results), catalogue=runner.catalogue, as_of=AS_OF, national=True)
    document = json.loads(render(report, "json"))
    lines = render(report, "jsonl").split("\n")
    assert lines[-1] == ""  # every line ends with a newline, the last one too
    parsed = [json.loads(line) for line in lines[:-1]]
    assert parsed[:-1] == document["sites"]
    assert parsed[-1] == {"schema_version": 1, "summary": document["summary"]}
    assert all("\u2028" not in line and "\x1b" not in line for line in lines)
