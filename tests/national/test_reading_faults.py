"""The national readers against a damaged or misplaced site file (review 15f): a
``part-0.parquet`` that is no regular file, a truncated copy, rows of another month, a
consolidated month whose sources are gone, a month with no data, pyarrow's memory errors."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from mfs_core.cli import main
from mfs_core.national import reading
from mfs_core.national.consolidate import consolidate
from mfs_core.national.engine_duckdb import national_reports
from mfs_core.national.errors import DatasetError
from mfs_core.national.schema import metadata_key
from national import spoil
from national.conftest import NationalYear
from national.test_partition_guard import _fingerprint

MONTHS = ("2024-05", "2024-06", "2024-07")
JUNE = dt.date(2024, 6, 1)


@pytest.fixture
def dataset(national_year: NationalYear, tmp_path: Path) -> Path:
    """Two sites' exports of three months, to spoil."""
    root = tmp_path / "exports"
    for site in ("ajaccio", "1"):
        for month in MONTHS:
            shutil.copytree(
                national_year.exports / f"site={site}" / f"month={month}",
                root / f"site={site}" / f"month={month}",
            )
    return root


def _file(dataset: Path, month: str = "2024-06", site: str = "1") -> Path:
    return dataset / f"site={site}" / f"month={month}" / "part-0.parquet"


def _run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return code, out, err


def _spoil_as(kind: str, path: Path) -> None:
    path.unlink()
    if kind == "directory":  # what Spark's df.write.parquet(".../part-0.parquet") makes
        path.mkdir()
        (path / "part-00000-x.snappy.parquet").write_bytes(b"")
    elif kind == "dangling link":
        path.symlink_to(path.parent / "gone.parquet")
    elif kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")


@pytest.mark.parametrize("kind", ["directory", "dangling link", "fifo", "/dev/zero"])
def test_a_part_0_that_is_no_regular_file_is_refused(
    dataset: Path, tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Left aside, the site's month was counted and consolidated without that site, exit 0,
    replacing a good consolidated month (HIGH 1): refused, naming it, nothing written."""
    out = tmp_path / "national"
    consolidate([dataset], out)
    before = _fingerprint(out)
    june = _file(dataset)
    _spoil_as(kind, june)
    with pytest.raises(DatasetError, match=f"^{june}: not a regular file$"):
        national_reports([dataset], [JUNE])
    code, stdout, err = _run(
        capsys, "national", "consolidate", dataset, "--output", out, "--month", "2024-06"
    )
    assert (code, stdout) == (2, "")
    assert err == f"mfs: error: {june}: not a regular file\n"
    assert _fingerprint(out) == before
    code, stdout, err = _run(capsys, "national", "report", dataset, "--month", "2024-06")
    assert (code, stdout, err) == (2, "", f"mfs: error: {june}: not a regular file\n")


def test_a_truncated_file_leaves_its_month_only_unwritten(
    dataset: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A copy cut short (its footer lost) is handled per month like a corrupt page: the
    other months are written, the bad one keeps its previous file and is named, exit 2
    (MEDIUM 2); the report, which stops at a bad page, stops at it too."""
    out = tmp_path / "national"
    consolidate([dataset], out, [JUNE])
    june_before = _fingerprint(out)
    june = _file(dataset)
    os.truncate(june, june.stat().st_size // 2)
    code, _stdout, err = _run(capsys, "national", "consolidate", dataset, "--output", out)
    assert code == 2
    assert f"{june}: not a readable Parquet file (" in err
    assert "(month 2024-06 not written)" in err
    assert "Traceback" not in err
    assert sorted(p.name for p in out.iterdir()) == [f"month={m}" for m in MONTHS]
    june_after = {k: v for k, v in _fingerprint(out).items() if "2024-06" in k}
    assert june_after == june_before
    with pytest.raises(DatasetError, match=f"^{june}: not a readable Parquet file"):
        national_reports([dataset], [JUNE])


def test_rows_of_another_month_are_refused(dataset: Path, tmp_path: Path) -> None:
    """July's file copied into June's partition with mfs.month rewritten was counted as
    June's (LOW 5): the footer's statistics of received_on say otherwise."""
    june, july = _file(dataset), _file(dataset, "2024-07")
    table = pq.read_table(july)
    metadata = dict(table.schema.metadata)
    metadata[metadata_key("month").encode()] = b"2024-06"
    spoil._write(june, table, metadata)
    expected = f"^{june}: received_on 2024-07-[0-9]{{2}} is not in the partition's month 2024-06"
    with pytest.raises(DatasetError, match=expected):
        national_reports([dataset], [JUNE])
    with pytest.raises(DatasetError, match=expected):
        consolidate([dataset], tmp_path / "national")
    with pytest.raises(DatasetError, match=expected):
        reading.check_file(reading.PartitionFile(june, "site", "2024-06", "1"))


def test_a_consolidated_month_without_sources_is_kept_and_said(
    dataset: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The sites' exports delete a purged month; consolidation keeps its file, and says it
    (LOW 6)."""
    out = tmp_path / "national"
    consolidate([dataset], out)
    for site in ("ajaccio", "1"):
        shutil.rmtree(dataset / f"site={site}" / "month=2024-05")
    result = consolidate([dataset], out)
    assert result.stale == ["2024-05"]
    assert (out / "month=2024-05" / "part-0.parquet").is_file()
    code, _stdout, err = _run(capsys, "national", "consolidate", dataset, "--output", out)
    assert code == 0
    assert "mfs : attention : 2024-05 conservé, aucune source ne l'a plus" in err
    assert consolidate([dataset], out, [JUNE]).stale == []  # months not asked for: not said


def test_no_data_and_malformed_months_as_the_report_does(
    dataset: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """consolidate --month with no data exits 1 as report does; a malformed month
    directory is refused by report --month as by consolidate (LOW 7)."""
    out = tmp_path / "national"
    code, _stdout, err = _run(
        capsys, "national", "consolidate", dataset, "--output", out, "--month", "2023-01"
    )
    assert code == 1
    assert "rien n'a été écrit" in err
    code, _stdout, err = _run(capsys, "national", "report", dataset, "--month", "2023-01")
    assert code == 1
    bad = dataset / "site=1" / "month=2024-5"
    _file(dataset, "2024-05").parent.rename(bad)
    for args in (("report", dataset), ("consolidate", dataset, "--output", out)):
        code, stdout, err = _run(capsys, "national", *args, "--month", "2024-06")
        assert (code, stdout, err) == (2, "", f"mfs: error: {bad}: expected month=YYYY-MM\n")


def test_pyarrow_memory_errors_are_one_line(dataset: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """ArrowMemoryError (a MemoryError, not an OSError or ValueError) escaped locate_fault
    under an address-space limit (``ulimit -v``), a traceback (LOW 10). Raised here by
    pyarrow's own class where the limit made pyarrow raise it."""

    def short_of_memory(*_args: object, **_kwargs: object) -> None:
        raise pa.lib.ArrowMemoryError("malloc of size 1073741824 failed")

    files = reading.find_partitions([dataset], ["2024-06"])
    monkeypatch.setattr(pq.ParquetFile, "iter_batches", short_of_memory)
    fault = reading.locate_fault(files)
    assert fault is not None
    assert str(fault).endswith("cannot read its rows (malloc of size 1073741824 failed)")
    monkeypatch.setattr(pq, "read_metadata", short_of_memory)
    with pytest.raises(DatasetError, match="not a readable Parquet file \\(malloc of size"):
        reading.check_file(files[0])


@pytest.mark.parametrize("kind", ["file", "fifo", "dangling link"])
@pytest.mark.parametrize("level", ["month", "site"])
def test_a_partition_entry_that_is_no_directory_is_refused(
    dataset: Path, tmp_path: Path, kind: str, level: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A ``month=2024-06`` (or ``site=2``) that is a file, a FIFO or a dangling link was
    skipped: its month or site counted as absent, exit 0. Refused and named, as a
    ``part-0.parquet`` that is no regular file is."""
    parent = dataset / "site=1" if level == "month" else dataset
    entry = parent / ("month=2024-06" if level == "month" else "site=2")
    if level == "month":
        shutil.rmtree(entry)
    if kind == "file":
        entry.write_bytes(b"PAR1")
    elif kind == "fifo":
        os.mkfifo(entry)
    else:
        entry.symlink_to(tmp_path / "gone")
    expected = f"mfs: error: {entry}: expected a directory {level}=.../\n"
    with pytest.raises(DatasetError, match="expected a directory"):
        national_reports([dataset], [JUNE])
    code, stdout, err = _run(capsys, "national", "report", dataset, "--month", "2024-06")
    assert (code, stdout, err) == (2, "", expected)
    out = tmp_path / "national"
    code, stdout, err = _run(capsys, "national", "consolidate", dataset, "--output", out)
    assert (code, stdout, err) == (2, "", expected)


@pytest.mark.parametrize("level", ["month", "site"])
def test_a_partition_name_ending_in_a_newline_is_malformed(
    dataset: Path, tmp_path: Path, level: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review 34: the name checks ended in ``$``, which matches before a final newline:
    ``month=2024-06\\n`` passed as June, then was skipped by ``report`` (exit 0) and named
    with a misleading reason by ``consolidate``. Refused as malformed by both (the newline
    shown escaped: one line a message)."""

    def shown(path: Path) -> str:
        return str(path).replace("\n", "\\x0a")

    if level == "month":
        good = dataset / "site=1" / "month=2024-06"
        bad = good.with_name("month=2024-06\n")
        shutil.copytree(good, bad)
        expected = f"mfs: error: {shown(bad)}: expected month=YYYY-MM\n"
    else:
        good = dataset / "site=1"
        bad = good.with_name("site=1\n")
        shutil.copytree(good, bad)
        expected = f"mfs: error: {shown(bad)}: expected site=<id> (A-Z a-z 0-9 . _ -)\n"
    code, stdout, err = _run(capsys, "national", "report", dataset, "--month", "2024-06")
    assert (code, stdout, err) == (2, "", expected)
    out = tmp_path / "national"
    code, stdout, err = _run(capsys, "national", "consolidate", dataset, "--output", out)
    assert (code, stdout, err) == (2, "", expected)
