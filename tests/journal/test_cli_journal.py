"""``mfs journal add|export|purge`` and ``mfs report`` from the command line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from mfs_core.cli import main

from .conftest import SECRET

GOOD = {
    "id": "r1",
    "received_at": "2023-06-05T09:30:00+02:00",
    "procedure": "dgfip.declaration-revenus",
    "channel": "counter",
    "outcome": "referral",
    "autonomy": "accompanied",
    "note": "NIR 2 95 10 99 126 111 94, appeler le 06 12 34 56 78",
}
PRIVATE = "Jean Dupont 2 95 10 99"


@pytest.fixture(autouse=True)
def _secret(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MFS_PSEUDONYM_SECRET", SECRET)
    monkeypatch.chdir(tmp_path)  # the default journal file lands here, not in the repo


def run(
    args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
    stdin: str = "",
) -> tuple[int, str, str]:  # fmt: skip
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def jsonl(*records: dict[str, object]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def test_add_records_good_lines_and_names_bad_ones(
    journal_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = jsonl(
        GOOD,
        {**GOOD, "id": "r2", "received_at": "2023-06-05T09:30:00", "note": PRIVATE},
        {**GOOD, "id": "r3", "note": [PRIVATE]},
        {**GOOD, "id": "r4", "channel": "fax", "note": PRIVATE},
        {"id": "e1", "event": "referral_refused", "request_id": "r1",
         "occurred_at": "2023-06-09T10:00:00+02:00", "reason": "incomplet"},
        {"id": "e2", "event": "referral_accepted", "request_id": "r9",
         "occurred_at": "2023-06-09T10:00:00+02:00"},
    ) + "{not json\n"  # fmt: skip
    code, _, err = run(["journal", "add", "--journal", journal_url], capsys, monkeypatch, lines)
    assert code == 2
    assert "<stdin>:2: received_at: expected a date-time with its UTC offset" in err
    assert "<stdin>:3: note: expected a string" in err
    # No value quoted (review 16c): a record may hold a resident's words in any field.
    assert "<stdin>:4: channel: expected one of 'counter', " in err
    assert "fax" not in err
    assert "<stdin>:6: request_id: no request 'r9' in the journal" in err
    assert "<stdin>:7: invalid JSON" in err
    assert (
        "<stdin>:1: données personnelles expurgées : téléphone ; "
        "par précaution (clé de contrôle fausse) : NIR"
    ) in err
    assert (
        "1 demande enregistrée, 1 suivi enregistré, 0 déjà dans le journal ; "
        "5 enregistrements refusés"
    ) in err
    assert "Dupont" not in err
    assert "Traceback" not in err
    # Sending the same lines again records nothing twice.
    code, _, err = run(["journal", "add", "--journal", journal_url], capsys, monkeypatch, lines)
    assert "0 demande enregistrée, 2 déjà dans le journal" in err


def test_add_names_a_record_whose_id_is_in_the_journal_with_other_content(
    journal_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    first = jsonl(GOOD, {**GOOD, "id": "r2"})
    assert run(["journal", "add", "--journal", journal_url], capsys, monkeypatch, first)[0] == 0
    changed = jsonl(GOOD, {**GOOD, "id": "r2", "outcome": "appointment"}, {**GOOD, "id": "r3"})
    code, _, err = run(["journal", "add", "--journal", journal_url], capsys, monkeypatch, changed)
    assert code == 2  # a record not stored is never lost silently (review 16c)
    assert "<stdin>:2: id: already in the journal with other content: not recorded" in err
    assert "<stdin>:1: id:" not in err  # an identical re-send is only already there
    assert (
        "1 demande enregistrée, 1 déjà dans le journal ; 1 enregistrement écarté "
        "(identifiant déjà dans le journal avec un autre contenu), voir ci-dessus"
    ) in err
    assert "appointment" not in err
    code, out, _ = run(["journal", "export", "--journal", journal_url], capsys, monkeypatch)
    assert [json.loads(line)["outcome"] for line in out.splitlines()] == ["referral"] * 3


def test_add_from_a_file_and_export(
    journal_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = tmp_path / "requests.json"
    source.write_text(json.dumps([GOOD, {**GOOD, "id": "r2", "note": "=1+1", "resident": "x"}]))
    code, _, err = run(
        ["journal", "add", str(source), "--journal", journal_url], capsys, monkeypatch
    )
    assert code == 0, err
    code, out, _ = run(["journal", "export", "--journal", journal_url], capsys, monkeypatch)
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in records] == ["r1", "r2"]
    assert records[0]["note"] == "NIR [NIR?], appeler le [TÉLÉPHONE]"
    assert records[0]["redacted"] == ["nir?", "phone"]
    assert records[0]["received_at"] == "2023-06-05T09:30:00+02:00"
    assert len(records[1]["resident_pseudonym"]) == 32
    code, out, _ = run(
        ["journal", "export", "--format", "csv", "--journal", journal_url], capsys, monkeypatch
    )
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["id"] for r in rows] == ["r1", "r2"]
    assert rows[1]["note"] == "'=1+1"  # never a spreadsheet formula


def test_bad_file_line_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(jsonl(GOOD, {**GOOD, "id": "r2", "outcome": "done"}))
    code, _, err = run(["journal", "add", str(source)], capsys, monkeypatch)
    assert code == 2
    assert f"{source}:2: outcome: expected one of 'resolved_first_contact', " in err
    assert "done" not in err
    assert (tmp_path / "mfs-journal.sqlite3").exists()  # the default journal of the settings


def test_journal_url_from_settings(
    journal_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MFS_JOURNAL_URL", journal_url)
    assert run(["journal", "add"], capsys, monkeypatch, jsonl(GOOD))[0] == 0
    _, out, _ = run(["report", "--month", "2023-06", "--format", "json"], capsys, monkeypatch)
    data = json.loads(out)
    assert data["total_requests"] == 1
    assert data["by_partner"] == {"dgfip": 1}
    assert data["first_contact_resolution_rate"] == 0


def test_purge(
    journal_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run(["journal", "add", "--journal", journal_url], capsys, monkeypatch, jsonl(GOOD))
    code, out, _ = run(
        ["journal", "purge", "--before", "2023-07-01", "--journal", journal_url],
        capsys,
        monkeypatch,
    )
    assert code == 0
    assert "1 demande reçue avant le 01/07/2023 supprimée, avec 0 suivi supprimé" in out
    code, _, err = run(["journal", "purge", "--before", "July"], capsys, monkeypatch)
    assert code == 2
    assert "--before: expected a date YYYY-MM-DD, got 'July'" in err


@pytest.mark.parametrize("fmt", ["text", "json", "csv", "html"])
def test_report_formats_to_a_file(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run(["journal", "add"], capsys, monkeypatch, jsonl(GOOD))
    target = tmp_path / f"report.{fmt}"
    code, out, _ = run(
        ["report", "--month", "2023-06", "--format", fmt, "--output", str(target)],
        capsys,
        monkeypatch,
    )
    assert code == 0
    assert out == ""
    text = target.read_text(encoding="utf-8")
    expected = {"text": "Demandes : 1", "json": '"total_requests": 1',
                "csv": "2023-06,total_requests,,1", "html": "<svg class=\"chart\""}  # fmt: skip
    assert expected[fmt] in text


def test_unusable_journal_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = f"sqlite:///{tmp_path}/no/such/dir/j.sqlite3"
    code, _, err = run(["journal", "add", "--journal", bad], capsys, monkeypatch, "")
    assert code == 2
    assert "cannot open the journal" in err
    assert "Traceback" not in err
    code, _, err = run(["report", "--month", "2023-06", "--journal", bad], capsys, monkeypatch)
    assert code == 2
    assert f"no journal at {tmp_path}/no/such/dir/j.sqlite3 (nothing created" in err
    code, _, err = run(["journal", "export", "--journal", "oracle://x"], capsys, monkeypatch)
    assert code == 2
    assert "journal_url: expected sqlite:///path or postgresql://" in err


def test_add_rejects_a_contradicting_partner_and_a_date_in_the_future(
    journal_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = jsonl(
        {**GOOD, "id": "p1", "partner": "caf"},  # GOOD's procedure is a DGFiP one
        {**GOOD, "id": "f1", "received_at": "2099-06-05T09:30:00+02:00"},
        {"id": "e1", "event": "appointment_held", "request_id": "r1",
         "occurred_at": "2099-06-09T10:00:00+02:00"},
        {**GOOD, "id": "ok", "partner": "dgfip"},
    )  # fmt: skip
    code, _, err = run(["journal", "add", "--journal", journal_url], capsys, monkeypatch, lines)
    assert code == 2
    assert "<stdin>:1: partner: 'caf' is not the partner of procedure" in err
    assert "<stdin>:2: received_at: 2099-06-05T09:30:00+02:00 is in the future" in err
    assert "<stdin>:3: occurred_at: 2099-06-09T10:00:00+02:00 is in the future" in err
    assert "1 demande enregistrée" in err
