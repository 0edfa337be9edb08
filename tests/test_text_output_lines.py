"""Text outputs keep each value on its line (review 15e, finding r3).

A line break inside an ANCT cell, a site name, a local service's name or a journal's
refusal reason used to be printed as is: the value then started a line of its own, read by
GitHub Actions as a workflow command (``::error file=…::``) or by a person as a verdict
line. Each text writer now shows it as ``\\x0a`` on the value's own line.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from mfs_core.cli import main

ROOT = Path(__file__).resolve().parent.parent
ANCT_SAMPLE = ROOT / "examples" / "anct" / "anct-france-services-sample.csv"
JOURNAL_EXAMPLE = ROOT / "examples" / "journal" / "saint-jean-de-luz-2023-06.jsonl"
CONTEXT = ROOT / "docs" / "examples" / "routing" / "context.json"
FORGED = "::error file=evil.py,line=1::forged annotation"


def _starts_a_line(text: str, start: str) -> bool:
    return any(line.startswith(start) for line in text.splitlines())


def test_terminal_lines_keeps_each_value_on_its_line() -> None:
    from mfs_core.output import terminal_lines

    assert terminal_lines(["a", "b"]) == "a\nb"
    assert terminal_lines(["a\nb", "c\td"]) == "a\\x0ab\nc\\x09d"
    assert terminal_lines(["x\r\n::error::y", "\x1b[2J"]) == "x\\x0d\\x0a::error::y\n\\x1b[2J"
    assert terminal_lines([]) == ""


def test_check_text_keeps_an_anct_cell_on_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with ANCT_SAMPLE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    header = rows[0]
    rows[1][header.index("h_lundi")] = f"09:00 - 12:00\n{FORGED}"
    rows[2][header.index("lib_fs")] = "Site\n19 — France services de X : conforme"
    forged = tmp_path / "list.csv"
    with forged.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, quoting=csv.QUOTE_ALL).writerows(rows)
    main(["check", "--as-of", "2026-11-27", "--anct-csv", str(forged)])
    out = capsys.readouterr().out
    assert not _starts_a_line(out, "::")
    assert not _starts_a_line(out, "19 — France services de X")
    assert f"09:00 - 12:00\\x0a{FORGED}" in out
    assert "Site\\x0a19 — France services de X : conforme" in out


def test_report_text_keeps_the_site_name_and_a_refusal_reason_on_their_lines(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    clean_env: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MFS_PSEUDONYM_SECRET", "test-secret-0123456789")
    journal = f"sqlite:///{tmp_path / 'j.sqlite3'}"
    assert main(["journal", "add", "--journal", journal, str(JOURNAL_EXAMPLE)]) == 0
    name = "Mairie\nDemandes : 99999"
    code = main(["report", "--month", "2023-06", "--journal", journal, "--site-name", name])
    out = capsys.readouterr().out
    assert code == 0
    assert out.startswith("Site : Mairie\\x0aDemandes : 99999\n")
    assert not _starts_a_line(out, "Demandes : 99999")
    # A refusal reason recorded with a line break (the journal redacts, it does not reflow).
    source = JOURNAL_EXAMPLE.read_text("utf-8")
    forged = source.replace('"hors compétence du partenaire"', json.dumps(f"motif\n{FORGED}"), 1)
    (tmp_path / "forged.jsonl").write_text(forged, encoding="utf-8")
    other = f"sqlite:///{tmp_path / 'k.sqlite3'}"
    assert main(["journal", "add", "--journal", other, str(tmp_path / "forged.jsonl")]) == 0
    capsys.readouterr()
    assert main(["report", "--month", "2023-06", "--journal", other]) == 0
    out = capsys.readouterr().out
    assert f"motif\\x0a{FORGED}" in out
    assert not _starts_a_line(out, "::")


def test_route_text_keeps_a_local_service_name_on_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    context = json.loads(CONTEXT.read_text("utf-8"))
    context["local_services"][0]["name"] = f"CCAS\n{FORGED}"
    path = tmp_path / "context.json"
    path.write_text(json.dumps(context), encoding="utf-8")
    main(["route", "--need", "aide alimentaire", "--context", str(path)])
    out = capsys.readouterr().out
    assert f"Service local : CCAS\\x0a{FORGED} (ccas)" in out
    assert not _starts_a_line(out, "::")
