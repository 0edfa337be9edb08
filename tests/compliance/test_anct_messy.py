"""The national list's messiness: bad rows, other separators, duplicates, unreadable hours.

Every file here is the real sample (or some of its rows) with one hand-made defect.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from mfs_core.cli import main
from mfs_core.compliance.anct import check_anct_csv
from mfs_core.compliance.findings import CheckStatus, SiteResult
from mfs_core.compliance.formats import render
from mfs_core.compliance.report import Report
from mfs_core.compliance.runner import Runner
from mfs_core.compliance.site import HoursScope
from mfs_core.errors import InputError
from mfs_core.registry import Registry

from .conftest import ANCT_SAMPLE, AS_OF
from .test_anct import grouped_list
from .test_formats import validate_json

FORMATS = ("text", "json", "junit", "sarif", "github", "markdown")


def sample_rows() -> tuple[list[str], list[dict[str, str]]]:
    with ANCT_SAMPLE.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def write_list(path: Path, rows: list[dict[str, str]], *, delimiter: str = ",") -> Path:
    fields, _ = sample_rows()
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, delimiter=delimiter)
        writer.writeheader()
        writer.writerows(rows)
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", "--as-of", "2026-11-27", *args])
    out, err = capsys.readouterr()
    return code, out, err


def by_id(results: list[SiteResult]) -> dict[str, SiteResult]:
    return {r.id: r for r in results}


# 1. One malformed row no longer sinks the file.


@pytest.fixture
def broken_list(tmp_path: Path) -> Path:
    """The sample with four rows broken in four ways (lines 3, 5, 7 and 9 of the file)."""
    _, rows = sample_rows()
    rows[1]["id_fs"] = ""
    rows[3]["format_fs"] = "Camion"
    rows[5]["insee_com"] = "1388"
    path = write_list(tmp_path / "broken.csv", rows)
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[8] = '"999","01","France services tronquée"'  # a short row
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_readable_rows_are_checked_and_the_others_named(broken_list: Path, runner: Runner) -> None:
    skipped: list[str] = []
    results = check_anct_csv(broken_list, runner, skipped=skipped)
    assert len(results) == 18 - 4
    assert skipped == [
        f"{broken_list}: line 3: id_fs: expected a site id, got ''",
        f"{broken_list}: line 5: format_fs: expected one of Fixe, Fixe_antenne(s), Multisites, "
        "Bus_équivalent, Itinérante, got 'Camion'",
        f"{broken_list}: line 7: insee_com: expected an INSEE code, got '1388'",
        f"{broken_list}: line 9: columns: expected 24, got 3",
    ]
    # Without a list to name them in, the library still refuses the file as a whole.
    with pytest.raises(InputError) as info:
        check_anct_csv(broken_list, runner)
    assert len(info.value.problems) == 4


def test_skipped_rows_carry_their_line(broken_list: Path, runner: Runner) -> None:
    """Each unreadable row reaches ``on_skipped`` with its line as a typed field (the CLI
    read it back out of the text): rows refused for their cells, a short row, a quoted
    cell never closed (read by the table), after a row whose quoted cell holds a line
    break (its lines and the rows' numbers differ from then on)."""
    from mfs_core.compliance.anct import SkippedRow, iter_anct_results

    with broken_list.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    rows[10][2] += "\n(annexe)"  # lib_fs of line 11 quoted over two lines
    with broken_list.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
        handle.write('"998","01","France services ' + "x," * 5 + "\n")  # never closed
    skipped: list[str] = []
    results = list(iter_anct_results(broken_list, runner, on_skipped=skipped.append))
    assert len(results) == 18 - 4
    assert [type(p) for p in skipped] == [SkippedRow] * 5
    assert [p.line for p in skipped] == [3, 5, 7, 9, 21]  # type: ignore[attr-defined]
    for problem in skipped:
        assert problem.startswith(f"{broken_list}: line {problem.line}: ")  # type: ignore[attr-defined]


def test_cli_reports_good_rows_and_exits_2(
    broken_list: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--anct-csv", str(broken_list), "--format", "json")
    assert code == 2
    data = json.loads(out)
    assert data["summary"]["sites"] == 14
    assert data["summary"]["skipped_rows"] == 4
    assert f"mfs: error: {broken_list}: line 3: id_fs: expected a site id, got ''" in err
    assert "4 unreadable row(s) skipped" in err
    code, out, _ = run(capsys, "--anct-csv", str(broken_list))
    assert code == 2
    assert "Lignes illisibles ignorées : 4" in out


def test_unreadable_rows_are_in_junit_sarif_and_github(
    broken_list: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review 15e (r5): the rows JSON counts in ``skipped_rows`` were missing from JUnit
    (``errors="0"``), SARIF (no invocation) and the GitHub annotations. Each format now
    names each one by its file and line, in its own way, and never by its content."""
    import xml.etree.ElementTree as ET

    from .test_formats import sarif_validator

    lines = [3, 5, 7, 9]
    code, out, _ = run(capsys, "--anct-csv", str(broken_list), "--format", "junit")
    assert code == 2
    root = ET.fromstring(out)
    assert root.get("errors") == "4"
    in_error = root.findall("testsuite[@errors='1']")
    assert [suite.get("name") for suite in in_error] == [f"{broken_list}:{n}" for n in lines]
    assert all(suite.find("testcase/error") is not None for suite in in_error)
    code, out, _ = run(capsys, "--anct-csv", str(broken_list), "--format", "sarif")
    assert code == 2
    sarif = json.loads(out)
    assert list(sarif_validator().iter_errors(sarif)) == []
    [invocation] = sarif["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    notes = invocation["toolExecutionNotifications"]
    assert [n["level"] for n in notes] == ["error"] * 4
    assert [n["locations"][0]["physicalLocation"]["region"]["startLine"] for n in notes] == lines
    assert {n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for n in notes} == {
        str(broken_list)
    }
    code, out, _ = run(capsys, "--anct-csv", str(broken_list), "--format", "github")
    assert code == 2
    annotations = [line for line in out.splitlines() if "anct.unreadable-row" in line]
    assert [a.split("title=")[0] for a in annotations] == [
        f"::error file={broken_list},line={n}," for n in lines
    ]
    for fmt in ("junit", "sarif", "github"):  # the reason, which quotes a cell, is not there
        assert "Camion" not in run(capsys, "--anct-csv", str(broken_list), "--format", fmt)[1]
    # A list read whole: the invocation says so, with no notification.
    code, out, _ = run(capsys, "--anct-csv", str(ANCT_SAMPLE), "--format", "sarif")
    [invocation] = json.loads(out)["runs"][0]["invocations"]
    assert invocation == {"executionSuccessful": True, "toolExecutionNotifications": []}


def test_every_format_renders_a_partial_list(broken_list: Path, runner: Runner) -> None:
    skipped: list[str] = []
    results = check_anct_csv(broken_list, runner, skipped=skipped)
    report = Report(
        results=tuple(results),
        catalogue=runner.catalogue,
        as_of=runner.as_of,
        national=True,
        skipped_rows=len(skipped),
    )
    assert validate_json(report)["summary"]["skipped_rows"] == 4
    # Counted but not named: the SARIF run is still marked incomplete.
    [invocation] = json.loads(render(report, "sarif"))["runs"][0]["invocations"]
    assert invocation == {"executionSuccessful": False, "toolExecutionNotifications": []}
    assert "4 lignes illisibles ignorées (détail" in render(report, "markdown")
    for name in FORMATS:
        assert "label.weekly-hours" in render(report, name)  # Tende, line 20, still fails


# 2. Separator, BOM, encoding, empty list.


def test_semicolon_list_is_read(tmp_path: Path, runner: Runner) -> None:
    _, rows = sample_rows()
    path = write_list(tmp_path / "semi.csv", rows, delimiter=";")
    results = by_id(check_anct_csv(path, runner))
    assert len(results) == 18
    assert results["19"].weekly_hours == 23.25


def test_utf8_bom_is_accepted(tmp_path: Path, runner: Runner) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf" + ANCT_SAMPLE.read_bytes())
    assert len(check_anct_csv(path, runner)) == 18


def test_non_utf8_byte_is_one_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(b"id_fs\xff")
    code, out, err = run(capsys, "--anct-csv", str(path))
    assert code == 2
    assert out == ""
    assert err == (
        f"mfs: error: {path}: line 1: expected UTF-8 text, got byte 0xff "
        "(re-save the file as UTF-8)\n"
    )


def test_header_only_list_says_no_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_list(tmp_path / "empty.csv", [])
    code, out, err = run(capsys, "--anct-csv", str(path))
    assert code == 0
    assert "aucun site" in out.lower()
    assert err == ""


# 3. Duplicate ids.


def test_duplicate_id_is_flagged_on_the_later_row(tmp_path: Path, runner: Runner) -> None:
    _, rows = sample_rows()
    copy = dict(rows[0], lib_fs="France services de Valserhône (bis)", h_lundi="")
    path = write_list(tmp_path / "dup.csv", [rows[0], rows[1], copy])
    first, _, second = check_anct_csv(path, runner)
    assert first.id == second.id == "1"
    assert not [f for f in first.findings if f.check == "anct.duplicate-id"]
    [finding] = [f for f in second.findings if f.check == "anct.duplicate-id"]
    assert finding.message.startswith("id_fs « 1 » déjà présent ligne 2")
    assert second.statuses["anct.duplicate-id"] is CheckStatus.FAIL
    # Both rows are still checked on their own hours.
    assert first.weekly_hours == 28.5
    assert second.weekly_hours == 25
    report = Report(
        results=(first, second), catalogue=runner.catalogue, as_of=runner.as_of, national=True
    )
    assert report.summary()["checks"]["anct.duplicate-id"]["fail"] == 1
    assert "anct.duplicate-id" in validate_json(report)["sites"][1]["checks"]
    sarif = json.loads(render(report, "sarif"))
    rules = {r["id"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert "anct.duplicate-id" in rules


# 4. Unreadable day cells leave the hours unknown, not closed.


def one_row(tmp_path: Path, runner: Runner, **days: str) -> SiteResult:
    _, rows = sample_rows()
    row = dict(rows[0], **days)  # Valserhône: 28 h 30 over 5 days
    [result] = check_anct_csv(write_list(tmp_path / "row.csv", [row]), runner)
    return result


@pytest.mark.parametrize("cell", ["fermé", "9h-12h", "sur RDV", "17:00 - 09:00"])
def test_unreadable_day_makes_the_rules_unknown(tmp_path: Path, runner: Runner, cell: str) -> None:
    result = one_row(tmp_path, runner, h_mardi=cell, h_mercredi=cell)  # 15 h 30, 3 days left
    assert result.statuses["label.weekly-hours"] is CheckStatus.UNKNOWN
    assert result.statuses["label.opening-days"] is CheckStatus.UNKNOWN
    assert not [f for f in result.findings if f.level.value == "error"]
    assert result.verdict == "indéterminé"
    messages = [f.message for f in result.findings if f.check == "label.hours-quality"]
    assert [m for m in messages if m.startswith("mardi : ") and f"« {cell} »" in m] == [
        f"mardi : horaire illisible « {cell} » (heures du jour inconnues)"
        if ":" not in cell
        else f"mardi : le créneau « {cell} » finit avant de commencer (heures du jour inconnues)"
    ]


def test_readable_days_can_prove_a_rule(tmp_path: Path, runner: Runner) -> None:
    # Saturday unreadable: the five readable days already give 28 h 30.
    result = one_row(tmp_path, runner, h_samedi="sur RDV")
    assert result.statuses["label.weekly-hours"] is CheckStatus.PASS
    assert result.statuses["label.opening-days"] is CheckStatus.PASS
    # Monday unreadable: 25 h over 4 readable days proves the hours, not the days.
    result = one_row(tmp_path, runner, h_lundi="fermé")
    assert result.statuses["label.weekly-hours"] is CheckStatus.PASS
    assert result.statuses["label.opening-days"] is CheckStatus.UNKNOWN


def test_placeholder_still_means_closed(tmp_path: Path, runner: Runner) -> None:
    result = one_row(tmp_path, runner, h_lundi="00:00 - 00:00")
    assert result.statuses["label.opening-days"] is CheckStatus.FAIL


# 5. Exit code of the list: findings, not unknowns.


def test_list_without_error_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, rows = sample_rows()
    path = write_list(tmp_path / "clean.csv", rows[:2])  # two passing rows, many unknowns
    code, out, _ = run(capsys, "--anct-csv", str(path), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert [s["compliant"] for s in data["sites"]] == [False, False]  # unknown is not passed
    assert data["summary"]["checks"]["label.staffing"]["unknown"] == 2


def test_list_with_an_error_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, rows = sample_rows()
    tende = next(r for r in rows if r["id_fs"] == "19")  # 23 h 15
    code, _, _ = run(capsys, "--anct-csv", str(write_list(tmp_path / "t.csv", [tende])))
    assert code == 1


def test_line_numbers_count_line_breaks_inside_cells(tmp_path: Path, runner: Runner) -> None:
    _, rows = sample_rows()
    rows[0]["commentaire"] = "Accueil sur rendez-vous\nle samedi"  # the row spans 2 lines
    rows[1]["id_fs"] = ""
    skipped: list[str] = []
    check_anct_csv(write_list(tmp_path / "multi.csv", rows), runner, skipped=skipped)
    assert skipped == [f"{tmp_path / 'multi.csv'}: line 4: id_fs: expected a site id, got ''"]


def test_non_utf8_names_its_line(tmp_path: Path, runner: Runner) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes(ANCT_SAMPLE.read_text(encoding="utf-8").encode("cp1252"))
    with pytest.raises(InputError) as info:
        check_anct_csv(path, runner)
    # Valserhône, on the first data row, is the first non-ASCII text.
    assert info.value.problems == [
        f"{path}: line 2: expected UTF-8 text, got byte 0xf4 (re-save the file as UTF-8)"
    ]


@pytest.mark.parametrize(
    ("principal_hours", "expected"),
    [
        ("09:00 - 12:00 / 13:30 - 17:00", CheckStatus.PASS),  # the readable union: 36 h 30
        ("09:00 - 12:00", CheckStatus.UNKNOWN),  # 15 h readable: the unread Monday may count
    ],
)
def test_unreadable_cell_in_a_group_under_structure_scope(
    tmp_path: Path, registry: Registry, principal_hours: str, expected: CheckStatus
) -> None:
    path = grouped_list(tmp_path, principal_hours)
    text = path.read_text(encoding="utf-8").replace("14:00 - 16:00", "sur RDV", 1)
    path.write_text(text, encoding="utf-8")  # Hautefort's Monday, now unreadable
    structure = Runner(registry, as_of=AS_OF, hours_scope=HoursScope.STRUCTURE)
    hautefort = by_id(check_anct_csv(path, structure))["143"]
    assert hautefort.statuses["label.weekly-hours"] is expected
