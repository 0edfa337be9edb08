"""``--output FILE`` of the reports never replaces data (review 15f, M3): ``mfs national
report --output nx/month=2024-03/part-0.parquet`` exited 0 and replaced the consolidated
month with the French text. A path inside a dataset given on the command line, inside any
partition directory, or named ``*.parquet`` is refused: one line, exit 2, nothing written."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from mfs_core.cli import main
from national.conftest import NationalYear


def _fingerprint(directory: Path) -> dict[str, str]:
    return {
        str(path.relative_to(directory)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(directory.rglob("*"))
        if path.is_file()
    }


def _refused(capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    code = main(args)
    out, err = capsys.readouterr()
    assert (code, out) == (2, ""), err
    assert err.startswith("mfs: error: --output ")
    assert len(err.splitlines()) == 1, err
    assert message in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("dataset", "inside", "message"),
    [
        ("consolidated", "month=2024-06/part-0.parquet", "inside the dataset"),
        ("consolidated", "rapport.txt", "inside the dataset"),
        ("exports", "site=0042/month=2024-06/part-0.parquet", "inside the dataset"),
    ],
)
def test_national_report_output_inside_a_dataset_is_refused(
    national_year: NationalYear,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    clean_env: None,
    dataset: str,
    inside: str,
    message: str,
) -> None:
    copy = tmp_path / dataset
    shutil.copytree(getattr(national_year, dataset), copy)
    before = _fingerprint(copy)
    args = ["national", "report", "--month", "2024-06", str(copy), "--output", str(copy / inside)]
    _refused(capsys, args, message)
    assert _fingerprint(copy) == before


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("other/month=2024-06/part-0.parquet", "inside a partition directory"),
        ("other/site=a/rapport.txt", "inside a partition directory"),
        ("rapport.parquet", "a Parquet file name"),
        ("RAPPORT.PARQUET", "a Parquet file name"),
    ],
)
def test_national_report_output_into_any_partition_or_parquet_file_is_refused(
    national_year: NationalYear,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    clean_env: None,
    target: str,
    message: str,
) -> None:
    output = tmp_path / target
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(b"PAR1 someone's data")
    args = ["national", "report", "--month", "2024-06", str(national_year.consolidated)]
    _refused(capsys, [*args, "--output", str(output)], message)
    assert output.read_bytes() == b"PAR1 someone's data"


def test_a_symbolic_link_to_a_parquet_file_is_refused(
    national_year: NationalYear, tmp_path: Path, capsys: pytest.CaptureFixture[str], clean_env: None
) -> None:
    data = tmp_path / "data.parquet"
    data.write_bytes(b"PAR1")
    link = tmp_path / "rapport.txt"
    link.symlink_to(data)
    args = ["national", "report", "--month", "2024-06", str(national_year.consolidated)]
    _refused(capsys, [*args, "--output", str(link)], "a Parquet file name")
    assert data.read_bytes() == b"PAR1"


def test_site_report_and_journal_export_refuse_the_same_targets(
    national_year: NationalYear, tmp_path: Path, capsys: pytest.CaptureFixture[str], clean_env: None
) -> None:
    site = national_year.sites[0]
    copy = tmp_path / "nat"
    shutil.copytree(national_year.consolidated, copy)
    before = _fingerprint(copy)
    part = str(copy / "month=2024-06" / "part-0.parquet")
    report = ["report", "--month", "2024-06", "--journal", site.url]
    _refused(capsys, [*report, "--output", part], "inside a partition directory")
    national = ["--national", str(copy), "--site", site.site.id]
    _refused(capsys, [*report, *national, "--output", str(copy / "r.txt")], "inside the dataset")
    for fmt in ("jsonl", "csv"):
        export = ["journal", "export", "--journal", site.url, "--format", fmt]
        _refused(capsys, [*export, "--output", part], "inside a partition directory")
    assert _fingerprint(copy) == before


def test_a_report_file_elsewhere_is_still_written(
    national_year: NationalYear, tmp_path: Path, capsys: pytest.CaptureFixture[str], clean_env: None
) -> None:
    output = tmp_path / "rapport-2024-06.txt"
    args = ["national", "report", "--month", "2024-06", str(national_year.consolidated)]
    assert main([*args, "--output", str(output)]) == 0, capsys.readouterr().err
    assert output.read_text(encoding="utf-8").strip()


def test_a_report_never_replaces_the_journal_it_reads_or_any_data_file(
    national_year: NationalYear, tmp_path: Path, capsys: pytest.CaptureFixture[str], clean_env: None
) -> None:
    """``mfs report --output mfs-journal.sqlite3`` replaced the journal it had just read
    (review 15f, noticed by issue-15ac): a file whose first bytes say SQLite or Parquet is
    refused whatever its name; a text file of the same place is still replaced."""
    journal = tmp_path / "mfs-journal.sqlite3"
    shutil.copyfile(national_year.sites[0].url.removeprefix("sqlite:///"), journal)
    before = journal.read_bytes()
    url = f"sqlite:///{journal}"
    report = ["report", "--month", "2024-06", "--journal", url]
    _refused(capsys, [*report, "--output", str(journal)], "an SQLite database")
    assert journal.read_bytes() == before
    parquet = tmp_path / "copie.bin"
    shutil.copyfile(national_year.consolidated / "month=2024-06" / "part-0.parquet", parquet)
    _refused(capsys, [*report, "--output", str(parquet)], "a Parquet file")
    old = tmp_path / "rapport.txt"
    old.write_text("ancien rapport\n", encoding="utf-8")
    assert main([*report, "--output", str(old)]) == 0, capsys.readouterr().err
    assert "ancien rapport" not in old.read_text(encoding="utf-8")
