"""The national report on Spark (local mode) gives the figures of DuckDB, hence of each
site's own ``mfs report``, on the same generated year (``test_parity.py`` checks DuckDB
against the per-site reports). Runs in the ``tests_spark`` nox session (``-m spark``):
it needs pyspark and a Java runtime (``.ci/setup.d/60-java.sh``)."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mfs_core.national.engine_duckdb import national_reports as duckdb_reports
from mfs_test_support import require_service
from national.conftest import NationalYear
from national.test_glob_paths import JUNE, copy_sites, older_sibling
from national.year import MONTHS

pytestmark = pytest.mark.spark


def _java_home() -> str | None:
    java = shutil.which("java")
    return str(Path(java).resolve().parent.parent) if java else None


def _require_pyspark() -> None:
    """Skip without pyspark locally; fail in CI, where the tests_spark session has it."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("pyspark is not installed: the tests_spark session installs .[spark]")
        pytest.skip("pyspark is not installed (pip install 'mfs-core[spark]')")


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    home = require_service(
        "MFS_TEST_JAVA_HOME", "a Java runtime (17 or later) for Spark", _java_home()
    )
    _require_pyspark()
    from mfs_core.national.spark import local_session

    os.environ["JAVA_HOME"] = home
    session = local_session()
    yield session
    session.stop()


def test_spark_gives_the_duckdb_figures(spark: Any, national_year: NationalYear) -> None:
    from mfs_core.national.spark import national_reports

    expected = duckdb_reports([national_year.exports], MONTHS, site_breakdowns=True)
    # The sites' exports, and the consolidated dataset: both layouts, one Spark session.
    for dataset in (national_year.exports, national_year.consolidated):
        found = national_reports(spark, [dataset], MONTHS, site_breakdowns=True)
        assert [r.to_json() for r in found] == [r.to_json() for r in expected], dataset


def test_spark_job_prints_the_report(
    spark: Any, national_year: NationalYear, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The documented job (``python -m mfs_core.national.spark``), with the test's session
    (``getOrCreate`` gives it back), and its error for a bad month."""
    from mfs_core.national.spark import main

    out = tmp_path / "report.json"
    assert main(["--month", "2024-06", str(national_year.consolidated), "--output", str(out)]) == 0
    [june] = duckdb_reports([national_year.consolidated], [MONTHS[5]])
    assert json.loads(out.read_text(encoding="utf-8")) == june.to_json()
    assert main(["--month", "2024-13", str(national_year.consolidated)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("mfs: error: ")
    assert "2024-13" in err
    assert "Traceback" not in err


def test_no_java_is_one_line_and_exit_2(national_year: NationalYear, tmp_path: Path) -> None:
    """Without a Java runtime, ``--engine spark`` says so in one line (exit 2)."""
    import subprocess
    import sys

    _require_pyspark()
    env = {k: v for k, v in os.environ.items() if not k.startswith("MFS_")}
    env["JAVA_HOME"] = str(tmp_path / "no-java")
    result = subprocess.run(
        [sys.executable, "-m", "mfs_core.cli", "national", "report", "--month", "2024-06",
         str(national_year.consolidated), "--engine", "spark"],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stdout == ""
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("mfs: error: --engine spark: cannot start Spark")
    assert "Traceback" not in result.stderr


def test_spark_refuses_a_spoiled_partition(
    spark: Any, national_year: NationalYear, tmp_path: Path
) -> None:
    """Given the schema, Spark would read a missing column as nulls (« 44 sur 60 » instead
    of « 88 sur 120 »): the driver checks each file's columns first; a corrupt page fails
    in an executor, and the file is then found and named."""
    from mfs_core.national.errors import DatasetError
    from mfs_core.national.spark import national_reports
    from national import spoil

    exports = tmp_path / "exports"
    shutil.copytree(national_year.exports, exports)
    june = exports / "site=1" / "month=2024-06" / "part-0.parquet"
    for message in spoil.each_spoiling(june):
        with pytest.raises(DatasetError) as caught:
            national_reports(spark, [exports], [MONTHS[5]])
        assert str(caught.value).startswith(f"{june}: {message}")


@pytest.mark.parametrize(
    ("name", "sibling"),
    [("exports (copie)*", "exports (copie) 2"), ("br[1]", "br1"), ("c{a,b}", "ca"),
     ("q?", "qx"), ("b\\[1]", "b1"), ("x]", "y")],
)  # fmt: skip
def test_spark_reads_a_glob_character_in_a_dataset_name_literally(
    spark: Any, national_year: NationalYear, tmp_path: Path, name: str, sibling: str
) -> None:
    """Review 15e, r1: Hadoop globbed the paths given (``Wrong basePath``, or
    ``PATH_NOT_FOUND`` on ``br[1]``, ``c{a,b}``), or would have read a sibling's files."""
    from mfs_core.national.spark import national_reports

    dataset = copy_sites(national_year, tmp_path, name, slice(0, 2))
    older_sibling(dataset, tmp_path / sibling)
    [expected] = duckdb_reports([copy_sites(national_year, tmp_path, "plain", slice(0, 2))], [JUNE])
    [found] = national_reports(spark, [dataset], [JUNE])
    assert found.to_json() == expected.to_json()
