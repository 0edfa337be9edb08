"""A dataset directory whose name holds glob characters is read as that one directory
(review 15e, r1): DuckDB read ``exports (copie)*`` as a pattern, its sibling's files with
it (800 requests for 400), and ``br[1]`` as ``br1``. Spark's side is in ``test_spark.py``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mfs_core.national.consolidate import consolidate
from mfs_core.national.engine_duckdb import national_reports
from mfs_core.national.errors import DatasetError
from national.conftest import NationalYear
from national.year import MONTHS

JUNE = MONTHS[5]

#: (the dataset's name, a sibling its name matches as a pattern: an older export of the
#: same sites, say, which the pattern read with it or instead of it)
GLOBBED = [
    ("exports (copie)*", "exports (copie) 2"),
    ("q?", "qx"),
    ("br[1]", "br1"),
    ("[!a]", "b"),
    ("**", "x"),
]


def copy_sites(national_year: NationalYear, base: Path, name: str, sites: slice) -> Path:
    """A copy of some of the year's site exports as ``base/name``."""
    target = base / name
    for site in sorted(national_year.exports.iterdir())[sites]:
        shutil.copytree(site, target / site.name)
    return target


def older_sibling(dataset: Path, sibling: Path) -> None:
    """``dataset``'s June files as ``sibling``, each cut to its first 10 rows (its
    metadata kept: a file of the same site and month, an older export)."""
    import pyarrow.parquet as pq

    for file in dataset.glob("site=*/month=2024-06/part-0.parquet"):
        copy = sibling / file.relative_to(dataset)
        copy.parent.mkdir(parents=True)
        pq.write_table(pq.read_table(file).slice(0, 10), copy)


@pytest.mark.parametrize(("name", "sibling"), GLOBBED)
def test_a_glob_character_in_a_dataset_name_is_read_literally(
    national_year: NationalYear, tmp_path: Path, name: str, sibling: str
) -> None:
    dataset = copy_sites(national_year, tmp_path, name, slice(0, 2))
    older_sibling(dataset, tmp_path / sibling)
    [expected] = national_reports([national_year.exports], [JUNE])
    [found] = national_reports([dataset], [JUNE])
    assert sorted(found.by_site) == sorted(expected.by_site)[:2]
    assert found.national.total_requests == sum(
        expected.by_site[site].total_requests for site in sorted(expected.by_site)[:2]
    )
    # Consolidation reads through the same view: the sibling's sites stay out.
    result = consolidate([dataset], tmp_path / "nat", [JUNE])
    assert result.months == {"2024-06": (2, found.national.total_requests)}


def test_a_path_duckdb_cannot_read_literally_is_refused(
    national_year: NationalYear, tmp_path: Path
) -> None:
    dataset = copy_sites(national_year, tmp_path, "a\\*", slice(0, 1))
    with pytest.raises(DatasetError, match=r"a path holding a backslash and one of \* \? \["):
        national_reports([dataset], [JUNE])


def test_a_backslash_alone_is_read(national_year: NationalYear, tmp_path: Path) -> None:
    dataset = copy_sites(national_year, tmp_path, "a\\b", slice(0, 1))
    [found] = national_reports([dataset], [JUNE])
    assert len(found.by_site) == 1
