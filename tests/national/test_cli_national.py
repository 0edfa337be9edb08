"""``mfs journal export --format parquet``, ``mfs national consolidate`` and ``mfs national
report``: French text, the JSON contract, and input errors as one line with exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from mfs_core.cli import main
from mfs_core.national.engine_duckdb import national_reports
from national.conftest import NationalYear
from national.year import MONTHS


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_export_consolidate_report(
    national_year: NationalYear, tmp_path: Path, capsys: pytest.CaptureFixture[str], clean_env: None
) -> None:
    exports = tmp_path / "exports"
    for generated in national_year.sites:
        code, _, err = _run(
            capsys, "journal", "export", "--format", "parquet", "--journal", generated.url,
            "--output", str(exports), "--site", generated.site.id,
            "--insee-code", generated.site.insee_code,
        )  # fmt: skip
        assert code == 0, err
        assert f"du site {generated.site.id} écrite" in err  # écrite(s) dans DIR
    code, _, err = _run(
        capsys, "national", "consolidate", str(exports), "--output", str(tmp_path / "nat")
    )
    assert code == 0, err
    assert "mfs : 2024-06 : " in err
    nat = str(tmp_path / "nat")
    code, out, err = _run(
        capsys, "national", "report", "--month", "2024-06", nat, "--format", "json"
    )
    assert code == 0, err
    [june] = national_reports([national_year.exports], [MONTHS[5]])
    assert json.loads(out) == june.to_json()
    code, out, _ = _run(capsys, "national", "report", "--month", "2024-06", str(exports), "--sites")
    assert code == 0
    assert out.startswith("Activité nationale France services — juin 2024\n")
    assert f"Demandes : {june.national.total_requests}\n" in out
    assert "  75 Nouvelle-Aquitaine " in out  # régions named as in the COG
    assert "  2A Corse-du-Sud " in out
    assert "  saint-jean-de-luz (64) " in out


GOOD = ["--site", "1", "--insee-code", "64483", "--output", "o"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--site", "1"], "--format parquet needs --output DIR, --insee-code CODE"),
        (["--site", "a/b", "--insee-code", "64483", "--output", "o"], "--site: expected a site id"),
        (
            [*GOOD[:2], "--insee-code", "97502", "--output", "o"],
            "--insee-code: 97502: département 975",
        ),
        ([*GOOD, "--since", "2024-06-02"], "--since: expected the first day of a month"),
        ([*GOOD, "--journal", "sqlite:///nowhere.sqlite3"], "nowhere.sqlite3"),
    ],
)
def test_parquet_export_errors(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str], clean_env: None
) -> None:
    code, out, err = _run(capsys, "journal", "export", "--format", "parquet", *args)
    assert code == 2
    assert out == ""
    assert err.startswith("mfs: error: ")
    assert message in err
    assert "Traceback" not in err


def test_report_errors_name_the_file(
    national_year: NationalYear, tmp_path: Path, capsys: pytest.CaptureFixture[str], clean_env: None
) -> None:
    import shutil

    bad = tmp_path / "bad"
    shutil.copytree(national_year.consolidated, bad)
    (bad / "month=2024-06" / "part-0.parquet").write_bytes(b"\x00" * 5000)
    cases = [
        (["--month", "2024-06", str(bad)], "month=2024-06/part-0.parquet"),
        (["--month", "2024-06", str(tmp_path / "none")], "expected a dataset directory"),
        (["--month", "2024-13", str(bad)], "--month: expected a month YYYY-MM"),
        (["--month", "2024-06", str(national_year.exports), str(national_year.consolidated)],
         "is also in"),
    ]  # fmt: skip
    for args, message in cases:
        code, out, err = _run(capsys, "national", "report", *args)
        assert code == 2, args
        assert out == ""
        assert message in err
        assert len(err.splitlines()) == 1, err
    code, _, err = _run(capsys, "national", "consolidate", str(bad), "--output", str(bad))
    assert code == 2
    assert "also a source" in err


def test_national_commands_import_nothing_heavy() -> None:
    """``import mfs_core.national`` and ``mfs plugins`` import neither pyarrow, DuckDB nor
    Spark: each is imported where a command needs it."""
    code = (
        "import sys, mfs_core.national, mfs_core.cli.national_cmd; "
        "from mfs_core.cli import main; main(['plugins', '--format', 'json']); "
        "print(sorted({'pyarrow', 'duckdb', 'pyspark'} & set(sys.modules)), file=sys.stderr)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stderr.strip().splitlines()[-1] == "[]"


def _spoiled_copy(national_year: NationalYear, tmp_path: Path) -> Path:
    import shutil

    copy = tmp_path / "exports"
    shutil.copytree(national_year.exports, copy)
    return copy


def test_a_spoiled_partition_is_one_line_exit_2(
    national_year: NationalYear, tmp_path: Path, capsys: pytest.CaptureFixture[str], clean_env: None
) -> None:
    """A partition without a column (metadata still schema v1), with a column of another
    type, or with a corrupt page: report and consolidate name the file, exit 2."""
    from national import spoil

    exports = _spoiled_copy(national_year, tmp_path)
    june = exports / "site=1" / "month=2024-06" / "part-0.parquet"
    for message in spoil.each_spoiling(june):
        for args in (
            ["report", "--month", "2024-06", str(exports)],
            ["consolidate", str(exports), "--output", str(tmp_path / "nat")],
        ):
            code, out, err = _run(capsys, "national", *args)
            assert (code, out) == (2, ""), (args, err)
            errors = [line for line in err.splitlines() if line.startswith("mfs: error:")]
            assert len(errors) == 1, err
            assert errors[0].startswith(f"mfs: error: {june}: {message}"), err
            if args[0] == "report" or message != "cannot read its rows":
                # A schema fault is found before anything is read or written.
                assert len(err.splitlines()) == 1, err


def test_consolidate_writes_the_other_months_beside_a_corrupt_page(
    national_year: NationalYear, tmp_path: Path, capsys: pytest.CaptureFixture[str], clean_env: None
) -> None:
    """A page that cannot be read in one month does not stop the others: they are written
    (the same files as from intact exports), the bad month keeps its previous file, exit 2
    naming the file and the month."""
    from national import spoil

    exports = _spoiled_copy(national_year, tmp_path)
    good = tmp_path / "good"
    assert _run(capsys, "national", "consolidate", str(exports), "--output", str(good))[0] == 0
    out_dir = tmp_path / "nat"
    assert _run(capsys, "national", "consolidate", str(exports), "--output", str(out_dir))[0] == 0
    june_before = (out_dir / "month=2024-06" / "part-0.parquet").read_bytes()
    june = exports / "site=1" / "month=2024-06" / "part-0.parquet"
    spoil.corrupt_page(june)

    code, out, err = _run(capsys, "national", "consolidate", str(exports), "--output", str(out_dir))

    assert (code, out) == (2, "")
    [error] = [line for line in err.splitlines() if line.startswith("mfs: error:")]
    assert error.startswith(f"mfs: error: {june}: cannot read its rows"), error
    assert error.endswith("(month 2024-06 not written)"), error
    assert (out_dir / "month=2024-06" / "part-0.parquet").read_bytes() == june_before
    months = sorted(p.name for p in good.iterdir())
    assert len(months) > 1
    written = [line for line in err.splitlines() if line.startswith("mfs : 20")]
    assert len(written) == len(months) - 1, err
    for month in months:
        if month != "month=2024-06":
            assert _table(out_dir / month) == _table(good / month), month


def test_a_month_without_data_is_said_not_a_report_of_zeros(
    national_year: NationalYear, capsys: pytest.CaptureFixture[str], clean_env: None
) -> None:
    nat = str(national_year.consolidated)
    code, out, err = _run(capsys, "national", "report", "--month", "2031-01", nat)
    assert (code, out) == (1, "")
    assert err == f"mfs : aucune donnée pour 2031-01 dans {nat} : aucun rapport écrit\n"


def test_ignored_partition_files_are_said(
    national_year: NationalYear, tmp_path: Path, capsys: pytest.CaptureFixture[str], clean_env: None
) -> None:
    exports = _spoiled_copy(national_year, tmp_path)
    june = exports / "site=1" / "month=2024-06" / "part-0.parquet"
    june.rename(june.with_name("data.parquet"))
    code, _, err = _run(capsys, "national", "report", "--month", "2024-06", str(exports))
    assert code == 0
    assert err == (
        "mfs : attention : 1 élément ignoré dans les partitions (seul le fichier "
        f"part-0.parquet est lu), par exemple {june.with_name('data.parquet')}\n"
    )


def test_a_file_name_in_a_note_cannot_act_on_the_terminal(
    national_year: NationalYear, tmp_path: Path, capsys: pytest.CaptureFixture[str], clean_env: None
) -> None:
    """A file name comes from the dataset: its ESC (``junk\x1b[2J`` clears a screen) is
    shown as an escape in the warning, as in errors."""
    exports = _spoiled_copy(national_year, tmp_path)
    junk = exports / "site=1" / "month=2024-06" / "junk\x1b[2J"
    junk.write_bytes(b"")
    code, _, err = _run(capsys, "national", "report", "--month", "2024-06", str(exports))
    assert code == 0
    assert "\x1b" not in err
    assert err.endswith("junk\\x1b[2J\n"), err


def test_an_empty_partition_is_said(
    national_year: NationalYear, tmp_path: Path, capsys: pytest.CaptureFixture[str], clean_env: None
) -> None:
    exports = _spoiled_copy(national_year, tmp_path)
    june = exports / "site=1" / "month=2024-06" / "part-0.parquet"
    june.unlink()
    code, _, err = _run(capsys, "national", "report", "--month", "2024-06", str(exports))
    assert code == 0
    assert err == (
        "mfs : attention : 1 partition sans part-0.parquet (vide, rien n'y est lu), par "
        f"exemple {june.parent}\n"
    )


@pytest.mark.parametrize(
    "call",
    [
        "from mfs_core.national.spark import main; sys.exit(main(ARGS))",
        "from mfs_core.cli import main; sys.exit(main(['national', 'report', *ARGS, "
        "'--engine', 'spark']))",
    ],
)
def test_spark_without_pyspark_names_the_extra(national_year: NationalYear, call: str) -> None:
    """pyspark hidden (``sys.modules['pyspark'] = None``, as if not installed): the job and
    ``--engine spark`` say which extra to install, not Java, and exit 2."""
    args = ["--month", "2024-06", str(national_year.consolidated)]
    code = f"import sys; sys.modules['pyspark'] = None; ARGS = {args!r}; {call}"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        "mfs: error: pyspark is not installed: pip install 'mfs-core[spark]'\n"
    )


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_export_refuses_since_not_before_until(
    national_year: NationalYear, fmt: str, capsys: pytest.CaptureFixture[str], clean_env: None
) -> None:
    """An empty range is a mistake (the dates swapped), not an export of no row."""
    site = national_year.sites[0]
    for since, until in (("2024-07-01", "2024-06-01"), ("2024-06-01", "2024-06-01")):
        code, out, err = _run(
            capsys, "journal", "export", "--journal", site.url, "--format", fmt,
            "--since", since, "--until", until, *GOOD,
        )  # fmt: skip
        assert (code, out) == (2, ""), err
        assert err == (
            f"mfs: error: --since {since} is not before --until {until} (requests received "
            "from --since to before --until): nothing would be exported\n"
        )


def _table(directory: Path) -> list[str]:
    """The month's rows, in their order."""
    import pyarrow.parquet as pq

    return list(map(repr, pq.read_table(directory / "part-0.parquet").to_pylist()))


def test_consolidation_gives_the_same_rows_in_the_same_order_again(
    national_year: NationalYear, tmp_path: Path
) -> None:
    """A month consolidated again from the same exports, or from the consolidated dataset
    itself, holds the same rows in the same order: rows are ordered on every column, not
    only site and day (rows of one site and day came in the order DuckDB's threads read
    them), so the only difference between two runs is the ``mfs.consolidated_at`` stamp."""
    import pyarrow.parquet as pq

    from mfs_core.national.consolidate import consolidate

    again, twice = tmp_path / "again", tmp_path / "twice"
    consolidate([national_year.exports], again)
    consolidate([national_year.consolidated], twice)
    months = sorted(p.name for p in national_year.consolidated.iterdir())
    assert len(months) > 1
    for month in months:
        first = pq.read_table(national_year.consolidated / month / "part-0.parquet")
        for other in (again, twice):
            table = pq.read_table(other / month / "part-0.parquet")
            assert table.to_pylist() == first.to_pylist(), (other, month)
            stamp = b"mfs.consolidated_at"
            assert {**table.schema.metadata, stamp: b""} == {**first.schema.metadata, stamp: b""}


def test_a_symbolic_link_that_loops_is_named(
    national_year: NationalYear, tmp_path: Path, capsys: pytest.CaptureFixture[str], clean_env: None
) -> None:
    """The error names the entry that cannot be read, not only the dataset it is in."""
    exports = _spoiled_copy(national_year, tmp_path)
    loop = exports / "site=loop"
    loop.symlink_to(loop)
    code, out, err = _run(capsys, "national", "report", "--month", "2024-06", str(exports))
    assert (code, out) == (2, "")
    assert err == f"mfs: error: {loop}: cannot read (Too many levels of symbolic links)\n"


def test_a_line_break_in_a_dataset_name_stays_in_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], clean_env: None
) -> None:
    """Each problem of an input error is one line: a line break in a directory's name is
    shown as an escape, so the name cannot add an « mfs: error: » line of its own."""
    dataset = tmp_path / "a\nmfs: error: b"
    dataset.mkdir()
    code, _, err = _run(capsys, "national", "report", "--month", "2024-06", str(dataset))
    assert code == 2
    assert err.count("\n") == 1, err
    assert "a\\x0amfs: error: b: expected site=<id>/month=<YYYY-MM>/" in err
