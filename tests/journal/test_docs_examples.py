"""The examples of docs/journal.md run as written."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from mfs_core.cli import main

from .conftest import SECRET

DOC = Path(__file__).parents[2] / "docs" / "journal.md"


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)


@pytest.fixture(autouse=True)
def _journal(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MFS_JOURNAL_URL", f"sqlite:///{tmp_path / 'journal.sqlite3'}")
    monkeypatch.setenv("MFS_PSEUDONYM_SECRET", SECRET)


def test_json_records_are_accepted(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = "".join(json.dumps(json.loads(block)) + "\n" for block in blocks("json"))
    monkeypatch.setattr("sys.stdin", io.StringIO(lines))
    assert main(["journal", "add"]) == 0
    assert "2 demandes enregistrées, 1 suivi enregistré" in capsys.readouterr().err
    assert main(["report", "--month", "2023-06", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["by_decision"] == {"_none": 1, "referral": 1}


def report_after(code: str, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    exec(compile(code, str(DOC), "exec"), {})  # our own documentation
    assert main(["report", "--month", "2023-06", "--format", "json"]) == 0
    report: dict[str, Any] = json.loads(capsys.readouterr().out)
    return report


def test_python_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    record, _, _ = blocks("python")
    report = report_after(record, capsys)
    assert report["total_requests"] == 1
    assert report["referrals"]["accepted"] == 1


def test_route_then_record_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    _, route_then_record, _ = blocks("python")
    report = report_after(route_then_record, capsys)
    assert report["by_decision"] == {"referral": 1}
    assert report["by_outcome"] == {"resolved_first_contact": 1}
    assert report["decisions"]["outcome_differs_by_decision"] == {"referral": 1}


def test_report_and_export_from_python_run(capsys: pytest.CaptureFixture[str]) -> None:
    # The library functions behind `mfs report` and `mfs journal export`, as documented.
    record, _, read = blocks("python")
    report_after(record, capsys)
    exec(compile(read, str(DOC), "exec"), {})
    out = capsys.readouterr().out
    assert out.startswith("record,id,request_id,time,")  # the CSV export
    assert "Activité France services — juin 2023" in out  # then the French report
    assert main(["journal", "export", "--format", "csv"]) == 0
    assert capsys.readouterr().out in out  # the same export as the command's
