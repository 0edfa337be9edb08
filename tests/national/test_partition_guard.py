"""What a writer finds where it would replace a partition's file (review 15e, r2 and r4):
``national consolidate --output`` inside a dataset or a partition is refused, a foreign
file at ``part-0.parquet`` is never replaced, and ``journal export --site S`` does not
replace site S's partitions of another commune without ``--replace-site``."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from mfs_core.cli import main
from national.conftest import NationalYear


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _fingerprint(directory: Path) -> dict[str, str]:
    """Every file under ``directory`` (relative path -> SHA-256 of its bytes)."""
    return {
        str(path.relative_to(directory)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(directory.rglob("*"))
        if path.is_file()
    }


def _refused(code: int, out: str, err: str, message: str) -> None:
    assert (code, out) == (2, ""), err
    assert err.startswith("mfs: error: ")
    assert len(err.splitlines()) == 1, err
    assert message in err
    assert "Traceback" not in err


@pytest.mark.parametrize("inside", ["site=0042", "site=0042/month=2024-06", "."])
def test_consolidate_into_the_source_dataset_is_refused(
    national_year: NationalYear,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    clean_env: None,
    inside: str,
) -> None:
    exports = tmp_path / "exports"
    shutil.copytree(national_year.exports, exports)
    before = _fingerprint(exports)
    target = exports / inside
    code, out, err = _run(capsys, "national", "consolidate", str(exports), "--output", str(target))
    _refused(code, out, err, "the target is" if inside == "." else "is inside the source")
    assert _fingerprint(exports) == before


def test_consolidate_into_a_partition_directory_is_refused(
    national_year: NationalYear, tmp_path: Path, capsys: pytest.CaptureFixture[str], clean_env: None
) -> None:
    for partition in ("other/site=a", "other/month=2024-06", "x/site=a/y"):
        target = tmp_path / partition
        code, out, err = _run(
            capsys, "national", "consolidate", str(national_year.exports), "--output", str(target)
        )
        _refused(code, out, err, "the target is a partition directory")
        assert not target.exists()


def test_consolidate_never_replaces_a_foreign_file(
    national_year: NationalYear, tmp_path: Path, capsys: pytest.CaptureFixture[str], clean_env: None
) -> None:
    foreign = tmp_path / "nat" / "month=2024-06" / "part-0.parquet"
    foreign.parent.mkdir(parents=True)
    foreign.write_bytes(b"not mine")
    code, out, err = _run(
        capsys, "national", "consolidate", str(national_year.exports), "--output",
        str(tmp_path / "nat"),
    )  # fmt: skip
    _refused(code, out, err, f"{foreign}: not a readable Parquet file (")
    assert foreign.read_bytes() == b"not mine"
    assert sorted(p.name for p in (tmp_path / "nat").iterdir()) == ["month=2024-06"]


def test_consolidate_replaces_its_own_month(
    national_year: NationalYear, tmp_path: Path, capsys: pytest.CaptureFixture[str], clean_env: None
) -> None:
    """Consolidating again still replaces the months it wrote (idempotent)."""
    nat = str(tmp_path / "nat")
    for _ in range(2):
        code, _, err = _run(
            capsys, "national", "consolidate", str(national_year.exports), "--output", nat
        )
        assert code == 0, err


def _export(
    capsys: pytest.CaptureFixture[str], url: str, output: Path, site: str, insee: str, *more: str
) -> tuple[int, str, str]:
    return _run(
        capsys, "journal", "export", "--format", "parquet", "--journal", url,
        "--output", str(output), "--site", site, "--insee-code", insee, *more,
    )  # fmt: skip


def test_export_never_replaces_a_foreign_file(
    national_year: NationalYear, tmp_path: Path, capsys: pytest.CaptureFixture[str], clean_env: None
) -> None:
    generated = national_year.sites[0]
    foreign = tmp_path / "exports" / "site=s1" / "month=2024-06" / "part-0.parquet"
    foreign.parent.mkdir(parents=True)
    foreign.write_bytes(b"not mine")
    code, out, err = _export(
        capsys, generated.url, tmp_path / "exports", "s1", generated.site.insee_code
    )
    _refused(code, out, err, f"{foreign}: not a readable Parquet file (")
    assert foreign.read_bytes() == b"not mine"
    assert _fingerprint(tmp_path / "exports") == {"site=s1/month=2024-06/part-0.parquet": (
        hashlib.sha256(b"not mine").hexdigest()
    )}  # fmt: skip


def test_export_names_a_damaged_file_of_its_own_as_damaged(
    national_year: NationalYear, tmp_path: Path, capsys: pytest.CaptureFixture[str], clean_env: None
) -> None:
    """A partition file of this project cut short (a disk full, a copy interrupted) cannot
    be told to be the site's: kept, and called unreadable, not another tool's (stop 31)."""
    generated = national_year.sites[0]
    partition = tmp_path / "exports" / f"site={generated.site.id}" / "month=2024-06"
    shutil.copytree(
        national_year.exports / f"site={generated.site.id}" / "month=2024-06", partition
    )
    damaged = partition / "part-0.parquet"
    damaged.write_bytes(damaged.read_bytes()[:-100])
    before = _fingerprint(tmp_path / "exports")
    code, out, err = _export(
        capsys, generated.url, tmp_path / "exports", generated.site.id, generated.site.insee_code
    )
    _refused(code, out, err, f"{damaged}: not a readable Parquet file (")
    assert "mfs-core dataset" not in err
    assert _fingerprint(tmp_path / "exports") == before


def test_export_never_replaces_another_sites_file(
    national_year: NationalYear, tmp_path: Path, capsys: pytest.CaptureFixture[str], clean_env: None
) -> None:
    """A site's file copied into another site's partition is not this site's: kept."""
    generated = national_year.sites[0]
    moved = tmp_path / "exports" / "site=s1" / "month=2024-06"
    shutil.copytree(national_year.exports / f"site={generated.site.id}" / "month=2024-06", moved)
    code, out, err = _export(
        capsys, generated.url, tmp_path / "exports", "s1", generated.site.insee_code
    )
    _refused(code, out, err, f"mfs.site is '{generated.site.id}', expected 's1'; not replaced")


def test_export_over_another_commune_is_refused_unless_replace_site(
    national_year: NationalYear, tmp_path: Path, capsys: pytest.CaptureFixture[str], clean_env: None
) -> None:
    """Two journals exported under one --site id: the second does not silently put the
    site in another commune for the months it has (review 15e, r4)."""
    first, second = national_year.sites[0], national_year.sites[1]
    assert first.site.insee_code != second.site.insee_code
    exports = tmp_path / "exports"
    code, _, err = _export(capsys, first.url, exports, "s1", first.site.insee_code)
    assert code == 0, err
    before = _fingerprint(exports)
    code, _, err = _export(capsys, first.url, exports, "s1", first.site.insee_code)
    assert code == 0, err  # the same journal again: replaced, as before
    code, out, err = _export(capsys, second.url, exports, "s1", second.site.insee_code)
    _refused(code, out, err, "the partition belongs to another commune (mfs.insee_code ")
    assert f"'{first.site.insee_code}', this export {second.site.insee_code})" in err
    assert _fingerprint(exports).keys() == before.keys()
    # --replace-site: the site is the second commune's, its other months removed.
    code, _, err = _export(
        capsys, second.url, exports, "s1", second.site.insee_code, "--replace-site",
        "--since", "2024-03-01", "--until", "2024-05-01",
    )  # fmt: skip
    assert code == 0, err
    assert "11 mois d'une autre commune retirés" in err
    import pyarrow.parquet as pq

    files = sorted(exports.rglob("part-0.parquet"))
    assert [f.parent.name for f in files] == ["month=2024-03", "month=2024-04"]
    for file in files:
        metadata = pq.read_metadata(file).metadata
        assert metadata[b"mfs.insee_code"] == second.site.insee_code.encode()


def test_export_into_a_partition_directory_is_refused(
    national_year: NationalYear, tmp_path: Path, capsys: pytest.CaptureFixture[str], clean_env: None
) -> None:
    """``--output exports/site=sjdl`` (a site partition given as the dataset's root) wrote
    ``site=sjdl/site=sjdl/...``, which no reader reads (review 15e): refused, nothing
    written, as ``consolidate`` refuses a target inside a partition."""
    generated = national_year.sites[0]
    exports = tmp_path / "exports"
    code, _, err = _export(capsys, generated.url, exports, "s1", generated.site.insee_code)
    assert code == 0, err
    before = _fingerprint(exports)
    for root in ("site=s1", "site=s1/month=2024-06", "x/month=2024-06/y"):
        target = exports / root
        code, out, err = _export(capsys, generated.url, target, "s1", generated.site.insee_code)
        _refused(code, out, err, f"{target}: is a partition directory (")
        assert "give the dataset's root" in err
        assert _fingerprint(exports) == before
