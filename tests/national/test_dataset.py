"""The Parquet export of a site's journal: layout, schema, no personal data, idempotent
re-export, and the readers' refusals of what is not a dataset of this project."""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
import warnings
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from mfs_core.errors import InputError
from mfs_core.journal import EventRecord, Journal, RequestRecord, open_journal
from mfs_core.national import files, reading
from mfs_core.national.consolidate import consolidate
from mfs_core.national.dataset import SiteRef, export_site
from mfs_core.national.engine_duckdb import national_reports
from mfs_core.national.errors import DatasetError
from mfs_core.national.schema import FIELDS, SCHEMA_VERSION, arrow_schema, metadata_key
from national import spoil
from national.conftest import NationalYear
from national.year import PERSONAL

SITE = SiteRef("saint-jean-de-luz", "64483")
JUNE, JULY = dt.date(2024, 6, 1), dt.date(2024, 7, 1)


def _at(day: int, month: int = 6, hour: int = 9) -> dt.datetime:
    return dt.datetime(2024, month, day, hour, tzinfo=dt.UTC)


def _request(n: int, when: dt.datetime, **extra: object) -> RequestRecord:
    fields: dict[str, object] = {
        "id": f"r{n}",
        "received_at": when,
        "procedure": "dgfip.declaration-revenus",
        "channel": "counter",
        "outcome": "resolved_first_contact",
    }
    return RequestRecord(**(fields | extra))  # type: ignore[arg-type]


def _rows(root: Path) -> list[dict[str, object]]:
    return pq.read_table(root, partitioning="hive").to_pylist()


def test_export_layout_schema_and_metadata(journal: Journal, tmp_path: Path) -> None:
    out = tmp_path / "dataset"
    journal.record_many(
        [
            _request(1, _at(3), resident="usager-1", note="Appeler Mme Dupont au 06 12 34 56 78"),
            _request(2, _at(4), resident="usager-1", outcome="referral"),
            _request(3, _at(2, month=7), thematique=None),
        ]
    )
    journal.follow_up_many(
        [EventRecord(id="e1", event="referral_refused", request_id="r2", occurred_at=_at(9),
                     reason="dossier de M. Martin incomplet")]
    )  # fmt: skip
    result = export_site(journal, out, SITE)
    assert result.written == {"2024-06": 2, "2024-07": 1}
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == [
        "site=saint-jean-de-luz",
        "site=saint-jean-de-luz/month=2024-06",
        "site=saint-jean-de-luz/month=2024-06/part-0.parquet",
        "site=saint-jean-de-luz/month=2024-07",
        "site=saint-jean-de-luz/month=2024-07/part-0.parquet",
    ]
    june = out / "site=saint-jean-de-luz" / "month=2024-06" / "part-0.parquet"
    schema = pq.read_schema(june)
    assert schema.names == [field.name for field in FIELDS]
    assert schema.equals(arrow_schema(), check_metadata=False)
    meta = {k.decode(): v.decode() for k, v in (schema.metadata or {}).items()}
    assert meta["mfs.schema_version"] == str(SCHEMA_VERSION)
    assert (meta["mfs.site"], meta["mfs.month"], meta["mfs.layout"]) == (SITE.id, "2024-06", "site")
    assert (meta["mfs.insee_code"], meta["mfs.cog"]) == ("64483", "2024")
    rows = pq.read_table(june).to_pylist()
    assert [(r["received_on"], r["resident_identified"], r["repeat_visit"]) for r in rows] == [
        (dt.date(2024, 6, 3), True, False),
        (dt.date(2024, 6, 4), True, True),
    ]
    assert rows[1]["follow_up"] == "referral_refused"
    assert rows[1]["follow_up_on"] == dt.date(2024, 6, 9)
    assert {(r["departement"], r["region"], r["partner"]) for r in rows} == {("64", "75", "dgfip")}
    # No free text, no pseudonym, no request id: nowhere in the bytes of the files.
    data = b"".join(path.read_bytes() for path in out.rglob("*.parquet"))
    for secret in (b"Dupont", b"06 12 34 56 78", b"Martin", b"usager-1", b"r1", b"r2"):
        assert secret not in data
    pseudonyms = {r.resident_pseudonym for r in journal.requests()} - {None}
    assert pseudonyms
    assert all(p.encode() not in data for p in pseudonyms)  # type: ignore[union-attr]


def test_the_generated_year_leaves_no_personal_data(national_year: NationalYear) -> None:
    values: set[str] = set()
    paths = [*national_year.exports.rglob("*.parquet"), *national_year.consolidated.rglob("*.p*")]
    for path in paths:
        for column in pq.read_table(path).columns:
            if pa.types.is_string(column.type):
                values.update(v for v in column.to_pylist() if v is not None)
    for site in national_year.sites:
        with open_journal(site.url, read_only=True) as journal:
            pseudonyms = {r.resident_pseudonym for r in journal.requests()} - {None}
            ids = {r.id for r in journal.requests()}
        assert not values & (pseudonyms | ids)
    assert not [v for v in values for fragment in PERSONAL if fragment in v]


def test_reexport_replaces_never_duplicates(journal: Journal, tmp_path: Path) -> None:
    out = tmp_path / "dataset"
    journal.record_many([_request(n, _at(n)) for n in range(1, 6)])
    first = export_site(journal, out, SITE)
    again = export_site(journal, out, SITE)
    assert first.written == again.written == {"2024-06": 5}
    assert len(_rows(out)) == 5
    journal.record_many([_request(9, _at(20)), _request(10, _at(1, month=7))])
    export_site(journal, out, SITE, since=JUNE, until=JULY)  # June only
    assert len(_rows(out)) == 6
    assert [p.name for p in out.rglob("*") if p.name.startswith(".")] == []  # no temp left
    [june] = national_reports([out], [JUNE])
    assert june.national.total_requests == 6


def test_a_partition_file_has_the_mode_the_umask_gives(journal: Journal, tmp_path: Path) -> None:
    """Not 0600 (``mkstemp``'s): a dataset shared with others or read by Spark's executors
    is readable as the user's other files are."""
    journal.record_many([_request(1, _at(3))])
    old = os.umask(0o022)
    try:
        export_site(journal, tmp_path / "dataset", SITE)
        consolidate([tmp_path / "dataset"], tmp_path / "national")
    finally:
        os.umask(old)
    for name in ("dataset", "national"):
        [file] = (tmp_path / name).rglob("part-0.parquet")
        assert stat.S_IMODE(file.stat().st_mode) == 0o644, name


def test_reexport_of_a_purged_month_removes_its_partition(journal: Journal, tmp_path: Path) -> None:
    out = tmp_path / "dataset"
    journal.record_many([_request(1, _at(3, month=5)), _request(2, _at(3))])
    export_site(journal, out, SITE)
    journal.purge(JUNE)
    result = export_site(journal, out, SITE, since=dt.date(2024, 5, 1), until=JULY)
    assert result.removed == ("2024-05",)
    assert result.written == {"2024-06": 1}
    assert not (out / "site=saint-jean-de-luz" / "month=2024-05").exists()


def test_a_failed_export_keeps_the_previous_partition(
    journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "dataset"
    journal.record_many([_request(n, _at(n)) for n in range(1, 4)])
    export_site(journal, out, SITE)
    journal.record_many([_request(9, _at(20))])

    def broken(self: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.AtomicPartition, "commit", broken)
    with pytest.raises(OSError, match="No space"):
        export_site(journal, out, SITE)
    monkeypatch.undo()
    assert len(_rows(out)) == 3
    assert [p.name for p in out.rglob(".part-*")] == []


def test_a_table_is_written_in_row_groups_both_engines_can_share(tmp_path: Path) -> None:
    # One 750,000-row group a month kept one of two cores idle in the national report.
    schema = pa.schema([("n", pa.int64())])
    partition = files.AtomicPartition(tmp_path / "month=2024-06", schema)
    rows = 2 * files.ROW_GROUP_ROWS + 5
    partition.write(pa.table({"n": range(rows)}, schema=schema))
    partition.commit()
    metadata = pq.ParquetFile(tmp_path / "month=2024-06" / "part-0.parquet").metadata
    sizes = [metadata.row_group(i).num_rows for i in range(metadata.num_row_groups)]
    assert sizes == [files.ROW_GROUP_ROWS, files.ROW_GROUP_ROWS, 5]


def test_export_refusals(journal: Journal, tmp_path: Path) -> None:
    out = tmp_path / "dataset"
    with pytest.raises(InputError, match="first day of a month"):
        export_site(journal, out, SITE, since=dt.date(2024, 6, 2))
    with pytest.raises(InputError, match="département 975 is not"):
        export_site(journal, out, SiteRef("spm", "97502"))
    with pytest.raises(ValueError, match="site: expected a site id"):
        SiteRef("../etc", "64483")
    out.mkdir()
    (out / "file").write_text("x")
    with pytest.raises(DatasetError, match="expected a directory"):
        export_site(journal, out / "file", SITE)
    (out / "national" / "month=2024-06").mkdir(parents=True)
    with pytest.raises(DatasetError, match="holds a national dataset"):
        export_site(journal, out / "national", SITE)


# -- readers: what is not a dataset of this project is refused, naming the file ------------
@pytest.fixture
def dataset(national_year: NationalYear, tmp_path: Path) -> Path:
    """A copy of two sites' exports, to spoil."""
    import shutil

    root = tmp_path / "exports"
    for site in ("ajaccio", "1"):
        shutil.copytree(national_year.exports / f"site={site}", root / f"site={site}")
    return root


def _june(dataset: Path, site: str = "ajaccio") -> Path:
    return dataset / f"site={site}" / "month=2024-06" / "part-0.parquet"


def test_corrupt_file_is_named(dataset: Path) -> None:
    _june(dataset).write_bytes(b"PAR1 not really parquet")
    with pytest.raises(DatasetError, match=r"site=ajaccio/month=2024-06/part-0\.parquet"):
        national_reports([dataset], [JUNE])


def test_truncated_file_is_named(dataset: Path) -> None:
    path = _june(dataset)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    with pytest.raises(DatasetError, match=r"part-0\.parquet"):
        national_reports([dataset], [JUNE])


def _rewrite(path: Path, **metadata: str) -> None:
    table = pq.read_table(path)
    meta = {k.decode(): v.decode() for k, v in (table.schema.metadata or {}).items()}
    meta.update(metadata)
    pq.write_table(table.replace_schema_metadata(meta), path)


def test_other_schema_version_is_refused(dataset: Path) -> None:
    _rewrite(_june(dataset), **{"mfs.schema_version": "2"})
    with pytest.raises(DatasetError, match="schema version 2, this mfs-core reads version 1"):
        national_reports([dataset], [JUNE])


def test_file_in_the_wrong_partition_is_refused(dataset: Path) -> None:
    _june(dataset, "1").write_bytes(_june(dataset).read_bytes())
    with pytest.raises(DatasetError, match=r"mfs\.site is 'ajaccio', expected '1'"):
        national_reports([dataset], [JUNE])


def test_foreign_parquet_file_is_refused(dataset: Path) -> None:
    pq.write_table(pa.table({"x": [1, 2]}), _june(dataset))
    with pytest.raises(DatasetError, match="not a file of an mfs-core dataset"):
        national_reports([dataset], [JUNE])


def test_same_site_month_twice_is_refused(dataset: Path, national_year: NationalYear) -> None:
    with pytest.raises(DatasetError, match="site 1, month 2024-06 is also in"):
        national_reports([dataset, national_year.exports], [JUNE])
    with pytest.raises(DatasetError, match="month 2024-06 is also in"):
        national_reports([national_year.consolidated, dataset], [JUNE])


def test_directories_that_are_no_dataset(tmp_path: Path, dataset: Path) -> None:
    with pytest.raises(DatasetError, match="found none"):
        national_reports([tmp_path / "missing"], [JUNE])
    (tmp_path / "empty").mkdir()
    with pytest.raises(DatasetError, match="partitions, found none"):
        national_reports([tmp_path / "empty"], [JUNE])
    (dataset / "site=ajaccio" / "month=2024-6").mkdir()
    with pytest.raises(DatasetError, match="expected month=YYYY-MM"):
        reading.find_partitions([dataset])
    (dataset / "site=ajaccio" / "month=2024-6").rmdir()
    (dataset / "site=a b").mkdir()
    with pytest.raises(DatasetError, match=r"expected site=<id>"):
        reading.find_partitions([dataset])


def test_a_month_without_partitions_is_a_report_of_no_site(dataset: Path) -> None:
    [report] = national_reports([dataset], [dt.date(2031, 1, 1)])
    assert report.national.sites == 0
    assert report.by_site == {}


def test_too_many_partitions_are_refused(dataset: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "MAX_PARTITIONS", 5)
    with pytest.raises(DatasetError, match="more than 5 partition files"):
        reading.find_partitions([dataset])


def test_consolidation_refuses_its_own_sources(dataset: Path, tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="also a source"):
        consolidate([dataset], dataset)
    (tmp_path / "other" / "site=x").mkdir(parents=True)
    with pytest.raises(DatasetError, match="holds site exports"):
        consolidate([dataset], tmp_path / "other")
    [june] = national_reports([dataset], [JUNE])
    expected = {"2024-06": (2, june.national.total_requests)}
    assert consolidate([dataset], tmp_path / "national", [JUNE]).months == expected
    assert consolidate([dataset], tmp_path / "national", [JUNE]).months == expected  # again
    table = pq.read_table(tmp_path / "national" / "month=2024-06" / "part-0.parquet")
    assert len(table) == june.national.total_requests
    assert table.column("site").to_pylist()[0] == "1"  # ordered by région: 84 before 94
    # A consolidated dataset consolidated again counts its sites from the site column
    # (was 1: the sites were counted from the paths, which hold none there).
    again = consolidate([tmp_path / "national"], tmp_path / "again", [JUNE])
    assert again.months == expected
    metadata = pq.read_schema(tmp_path / "again" / "month=2024-06" / "part-0.parquet").metadata
    assert metadata[metadata_key("sites").encode()] == b"2"


# -- a file whose metadata says schema v1 but whose columns or pages do not ---------------
def test_a_missing_column_is_refused_not_counted_as_nulls(dataset: Path) -> None:
    spoil.drop_column(_june(dataset), "autonomy")
    with pytest.raises(DatasetError) as caught:
        national_reports([dataset], [JUNE])
    message = str(caught.value)
    assert message.startswith(f"{_june(dataset)}: column autonomy missing for schema v1")


def test_a_column_of_another_type_is_refused(dataset: Path) -> None:
    spoil.as_strings(_june(dataset, "1"), "resident_identified")
    with pytest.raises(DatasetError) as caught:
        national_reports([dataset], [JUNE])
    assert str(caught.value) == (
        f"{_june(dataset, '1')}: column resident_identified is string, schema v1 expects bool"
    )


def test_an_unexpected_column_is_refused(dataset: Path) -> None:
    path = _june(dataset)
    table = pq.read_table(path)
    extra = table.append_column("note", pa.array(["x"] * table.num_rows))
    pq.write_table(extra.replace_schema_metadata(table.schema.metadata), path)
    with pytest.raises(DatasetError, match="column note is not in schema v1"):
        national_reports([dataset], [JUNE])


def test_a_corrupt_page_is_named(dataset: Path, tmp_path: Path) -> None:
    """The footer reads, a page does not: DuckDB's own message names no file; the readers
    find it (pyarrow, file by file) and name it, for the report and the consolidation
    (which lists the month as not written and goes on with the others)."""
    spoil.corrupt_page(_june(dataset, "1"))
    expected = rf"^{_june(dataset, '1')}: cannot read its rows \("
    with pytest.raises(DatasetError, match=expected):
        national_reports([dataset], [JUNE])
    result = consolidate([dataset], tmp_path / "national", [JUNE])
    assert result.months == {}
    assert list(result.unreadable) == ["2024-06"]
    assert re.match(expected, str(result.unreadable["2024-06"]))
    assert not (tmp_path / "national" / "month=2024-06").exists()


def test_consolidation_refuses_a_page_that_does_not_match_its_checksum(
    dataset: Path, tmp_path: Path
) -> None:
    """A flipped bit that still decodes would change the national figures in silence (DuckDB
    does not check page checksums): exports are written with them and consolidation checks
    every page it copies, naming the file and leaving the month unwritten."""
    june = _june(dataset, "1")
    spoil.flip_a_bit_that_still_reads(june)
    result = consolidate([dataset], tmp_path / "national", [JUNE])
    assert result.months == {}
    assert str(result.unreadable["2024-06"]).startswith(f"{june}: cannot read its rows (")
    assert "checksum" in str(result.unreadable["2024-06"])


@pytest.mark.parametrize("column", ["departement", "region"])
def test_a_place_that_is_no_cog_code_is_refused(dataset: Path, column: str) -> None:
    """The exports write COG codes only: other text in a place column (a hostile or
    hand-made file) would be shown as a département or a région of the report."""
    june = _june(dataset, "1")
    table = pq.read_table(june)
    index = table.schema.get_field_index(column)
    hostile = pa.array(["<img src=x>\u202e"] * table.num_rows, pa.string())
    spoil._write(june, table.set_column(index, column, hostile), table.schema.metadata)
    with pytest.raises(DatasetError, match=f"{column} '<img src=x>.*' is not a code of the COG"):
        national_reports([dataset], [JUNE])


def test_consolidation_checks_the_columns(dataset: Path, tmp_path: Path) -> None:
    spoil.drop_column(_june(dataset), "autonomy")
    with pytest.raises(DatasetError, match="column autonomy missing for schema v1"):
        consolidate([dataset], tmp_path / "national")


def test_an_empty_partition_directory_is_said(dataset: Path) -> None:
    """A site's month directory with no file (a copy that brought the directories only) is
    said, not read as a month without requests; a writer's hidden temporary file does not
    make it less empty, and a partition that holds its file is not said."""
    june = _june(dataset, "1")
    june.unlink()
    (june.parent / ".part-x.tmp").write_bytes(b"")
    with pytest.warns(reading.EmptyPartitionsWarning, match="1 partition directory") as said:
        [report] = national_reports([dataset], [JUNE])
    assert [w.message.example for w in said] == [june.parent]  # type: ignore[union-attr]
    assert "1" not in report.by_site
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        reading.find_partitions([dataset], ["2024-07"])  # no warning when all hold their file


def test_other_files_in_a_partition_are_ignored_and_said(dataset: Path) -> None:
    june = _june(dataset, "1")
    expected = [r.to_json() for r in national_reports([dataset], [JUNE])]
    june.rename(june.with_name("data.parquet"))
    (june.parent / ".part-x.tmp").write_bytes(b"")  # a writer's temporary file: not said
    with pytest.warns(reading.IgnoredFilesWarning, match="1 item") as said:
        [report] = national_reports([dataset], [JUNE])
    assert [w.message.example for w in said] == [june.with_name("data.parquet")]  # type: ignore[union-attr]
    assert report.to_json() != expected[0]  # the site's June is not read: said, not hidden
    assert "1" not in report.by_site
