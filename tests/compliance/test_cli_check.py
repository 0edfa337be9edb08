"""``mfs check``: exit codes, several files, the ANCT list, input errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mfs_core.cli import main

from .conftest import ANCT_SAMPLE, EXAMPLES

SJDL = str(EXAMPLES / "saint-jean-de-luz.toml")
PETITE = str(EXAMPLES / "petite-mairie.toml")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", "--as-of", "2026-11-27", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_compliant_site_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, SJDL)
    assert code == 0
    assert ": conforme — 35 h par semaine" in out
    assert err == ""


def test_non_compliant_site_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, PETITE)
    assert code == 1
    assert "NON CONFORME" in out


def test_several_files_in_one_json_document(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, SJDL, PETITE, "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert [s["id"] for s in data["sites"]] == ["saint-jean-de-luz", "petite-mairie"]
    assert [s["compliant"] for s in data["sites"]] == [True, False]


def test_fail_on_warning(capsys: pytest.CaptureFixture[str]) -> None:
    # Saint-Jean-de-Luz has equipment warnings (a belief), so it fails only on request.
    assert run(capsys, SJDL, "--fail-on", "warning")[0] == 1


def test_hours_scope_option(capsys: pytest.CaptureFixture[str]) -> None:
    bus = str(EXAMPLES / "bus-du-plateau.toml")
    _, out, _ = run(capsys, bus, "--format", "json")
    assert "label.weekly-hours" not in {f["check"] for f in json.loads(out)["sites"][0]["findings"]}
    _, out, _ = run(capsys, bus, "--format", "json", "--hours-scope", "each-location")
    checks = [f["check"] for f in json.loads(out)["sites"][0]["findings"]]
    assert checks.count("label.weekly-hours") == 5


def test_anct_csv(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--anct-csv", str(ANCT_SAMPLE), "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert data["summary"]["sites"] == 18
    assert "by_departement" in data["summary"]


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_anct_summary_counts_sites_by_the_verdict_the_text_prints(
    capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    """No row of the list can be proven compliant, so ``non_compliant`` is every site; the
    text tells « NON CONFORME » (an error found: 5 rows of the sample) from « indéterminé »,
    and ``by_verdict`` says the same (review 15e: nothing counted the 5)."""
    _code, text, _ = run(capsys, "--anct-csv", str(ANCT_SAMPLE))
    printed = [line.split(" : ")[1].split(" — ")[0] for line in text.splitlines() if " — " in line]
    _code, out, _ = run(capsys, "--anct-csv", str(ANCT_SAMPLE), "--format", fmt)
    summary = json.loads(out.splitlines()[-1] if fmt == "jsonl" else out)["summary"]
    assert summary["by_verdict"] == {
        "compliant": printed.count("conforme"),
        "non_compliant": printed.count("NON CONFORME"),
        "undetermined": printed.count("indéterminé"),
    }
    assert summary["by_verdict"] == {"compliant": 0, "non_compliant": 5, "undetermined": 13}
    assert (summary["sites"], summary["non_compliant"]) == (18, 18)


def test_site_files_summary_counts_by_verdict(capsys: pytest.CaptureFixture[str]) -> None:
    _code, out, _ = run(capsys, SJDL, PETITE, "--format", "json")
    summary = json.loads(out)["summary"]
    assert summary["by_verdict"] == {"compliant": 1, "non_compliant": 1, "undetermined": 0}


def test_bad_toml_exits_2_with_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('id = "x"\nname = \n', encoding="utf-8")
    code, out, err = run(capsys, SJDL, str(bad))
    assert code == 2
    assert "saint-jean-de-luz" in out  # the good file is still reported (review 16c)
    assert f"mfs: error: {bad}: invalid TOML" in err
    assert "line 2" in err
    assert "Traceback" not in err


def test_wrong_type_exits_2_with_file_and_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        Path(SJDL).read_text(encoding="utf-8").replace('insee_code = "64483"', "insee_code = 64483")
    )
    bad = tmp_path / "sjdl.toml"
    bad.write_text(text, encoding="utf-8")
    code, _, err = run(capsys, str(bad))
    assert code == 2
    assert err.splitlines() == [
        f"mfs: error: {bad}: insee_code: expected a string, got number 64483",
        "mfs: error: 1 unreadable site file(s) not checked, see above",
    ]


def test_every_bad_file_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first, second = tmp_path / "a.toml", tmp_path / "b.toml"
    first.write_text("x = \n", encoding="utf-8")
    second.write_text('id = "b"\n', encoding="utf-8")
    code, _, err = run(capsys, str(first), str(second))
    assert code == 2
    assert str(first) in err
    assert str(second) in err


@pytest.mark.parametrize(
    "args",
    [
        (),
        (SJDL, "--anct-csv", str(ANCT_SAMPLE)),
        (SJDL, "--format", "xml"),
        (SJDL, "--as-of", "27/11/2026"),
    ],
)
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], args: tuple[str, ...]) -> None:
    try:
        code = main(["check", *args])
    except SystemExit as exit_info:
        code = int(exit_info.code or 0)
    assert code == 2
    assert "mfs: error:" in capsys.readouterr().err


def test_missing_anct_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--anct-csv", str(tmp_path / "absent.csv"))
    assert code == 2
    assert "cannot read the file" in err


def test_site_file_not_in_utf8_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A site file saved as Latin-1 by an old editor: one line naming the file, no traceback
    # (then the count of files not checked).
    latin = tmp_path / "latin.toml"
    latin.write_bytes('name = "Mairie de Sérignan"\n'.encode("latin-1"))
    code, _, err = run(capsys, str(latin))
    assert code == 2
    assert err.startswith(f"mfs: error: {latin}: line 1: expected UTF-8 text, got byte 0xe9")
    assert err.splitlines()[1:] == ["mfs: error: 1 unreadable site file(s) not checked, see above"]


def test_site_file_with_a_byte_order_mark_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Windows editors start UTF-8 files with a BOM; the content is the same site.
    bom = tmp_path / "bom.toml"
    bom.write_bytes(b"\xef\xbb\xbf" + Path(SJDL).read_bytes())
    code, out, err = run(capsys, str(bom))
    assert (code, err) == (0, "")
    assert ": conforme — 35 h par semaine" in out


@pytest.mark.parametrize("fmt", ["junit", "markdown"])
def test_a_temporary_file_that_cannot_be_written_is_one_line_exit_2(
    fmt: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """JUnit and Markdown keep their body in a temporary file (the totals come first): a
    full ``/tmp`` or ``ulimit -f`` is said in one line, exit 2, not a traceback and exit 1
    (which means findings)."""
    import errno
    import io
    import tempfile

    class Full(io.StringIO):
        def write(self, text: str) -> int:
            raise OSError(errno.EFBIG, "File too large")

    monkeypatch.setattr(tempfile, "TemporaryFile", lambda *a, **k: Full())
    code = main(["check", "--anct-csv", str(ANCT_SAMPLE), "--format", fmt])
    err = capsys.readouterr().err
    assert code == 2
    assert err.splitlines()[-1] == (
        "mfs: error: cannot write the report's temporary file (File too large)"
    )
