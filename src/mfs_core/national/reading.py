"""Finding and checking the partitions of national datasets, before an engine reads them.

A dataset directory has one of two layouts (:mod:`mfs_core.national.schema`):

- a site's export: ``site=<id>/month=<YYYY-MM>/part-0.parquet`` (one or many sites);
- a consolidated national dataset: ``month=<YYYY-MM>/part-0.parquet``, the site a column.

:func:`find_partitions` lists the files of the months asked for, and refuses what would
count a request twice: the same site and month in two datasets, or a month given both as a
national dataset and as site exports. :func:`check_metadata` checks each file's key-value
metadata (dataset, schema version, layout, and that the site and month written inside agree
with the path, so a file copied into the wrong partition is refused); :func:`check_columns`
checks its columns' names and types against the declared schema version, so a file that
lacks a column is refused, never counted as nulls. :func:`check_file` does both with
pyarrow (a footer read), and :func:`locate_fault` finds, file by file, the file an engine
could not read (a corrupt page), to name it.

Only ``part-0.parquet`` is read in a partition: a file left by another tool (``data.parquet``,
a copy) is never added, and :func:`find_partitions` says how many were left aside with an
:class:`IgnoredFilesWarning` (hidden files, ``.*`` and ``_*``, are not counted: the
writers' temporary files and Spark's ``_SUCCESS``). A partition directory with no visible
file at all (a copy that brought the directories and not the files) is said too, with an
:class:`EmptyPartitionsWarning`: its site's month would otherwise read as a month without
requests.
"""

from __future__ import annotations

import os
import re
import stat
import warnings
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from mfs_core.national.errors import DatasetError, UnreadableFileError
from mfs_core.national.schema import (
    DATASET_NAME,
    FIELDS,
    NATIONAL_LAYOUT,
    PARTITION_FILE,
    SCHEMA_VERSION,
    SITE_LAYOUT,
    metadata_key,
)

__all__ = [
    "MAX_PARTITIONS",
    "MONTH_PATTERN",
    "EmptyPartitionsWarning",
    "IgnoredFilesWarning",
    "PartitionFile",
    "check_columns",
    "check_days",
    "check_file",
    "check_file_days",
    "check_metadata",
    "find_partitions",
    "locate_fault",
    "unreadable",
]

#: At most this many partition files in one call: 2,800 sites x 12 months x 5 years is
#: 168,000; a directory beyond it is more likely a mistake (a home directory, a copy loop)
#: than a dataset, and each file costs an open and a footer read.
MAX_PARTITIONS = 250_000
# \Z, not $: « $ » also matches before a final newline (review 34: a directory
# « month=2024-06\n » was read as June by the name check, then skipped).
MONTH_PATTERN = re.compile(r"^[0-9]{4}-(?:0[1-9]|1[0-2])\Z", re.ASCII)
_SITE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}\Z", re.ASCII)


@attrs.frozen
class PartitionFile:
    """One partition's file: its path, layout, month and (site layout) site."""

    path: Path
    layout: str
    month: str
    site: str | None = None


def _entries(directory: Path, prefix: str) -> list[tuple[str, Path]]:
    """``(value, path)`` of the sub-directories ``<prefix>=<value>``, hidden ones skipped.

    Raises :class:`DatasetError` for a ``<prefix>=...`` entry that is no directory (a file,
    a FIFO, a dangling link): skipped, its site or month was counted as absent, exit 0."""
    found = []
    with os.scandir(directory) as entries:
        for entry in entries:
            if not entry.name.startswith(prefix + "="):
                continue
            if not entry.is_dir():  # follows links; never opens the entry
                raise DatasetError(f"{entry.path}: expected a directory {prefix}=.../")
            found.append((entry.name[len(prefix) + 1 :], Path(entry.path)))
    return sorted(found)


def _layout(root: Path) -> str:
    if not root.is_dir():
        raise DatasetError(f"{root}: expected a dataset directory, found none")
    with os.scandir(root) as entries:
        names = [entry.name for entry in entries if not entry.name.startswith((".", "_"))]
    sites = any(name.startswith("site=") for name in names)
    months = any(name.startswith("month=") for name in names)
    if sites and months:
        raise DatasetError(f"{root}: holds both site=... and month=... partitions")
    if not sites and not months:
        raise DatasetError(
            f"{root}: expected site=<id>/month=<YYYY-MM>/ or month=<YYYY-MM>/ partitions, "
            "found none"
        )
    return SITE_LAYOUT if sites else NATIONAL_LAYOUT


class _LeftAsideWarning(UserWarning):
    """What the readers left aside: ``count`` paths, ``example`` the first of them."""

    def __init__(self, count: int, example: Path) -> None:
        super().__init__(f"{count} {self._what(count)}, e.g. {example}")
        self.count = count
        self.example = example

    @staticmethod
    def _what(count: int) -> str:
        raise NotImplementedError


class IgnoredFilesWarning(_LeftAsideWarning):
    """Files and directories in partition directories other than the file
    ``part-0.parquet``, hence not read.

    ``count`` is their number, ``example`` the path of the first one."""

    @staticmethod
    def _what(count: int) -> str:
        return f"item(s) ignored in partition directories (only the file {PARTITION_FILE} is read)"


class EmptyPartitionsWarning(_LeftAsideWarning):
    """Partition directories holding no visible file, hence no ``part-0.parquet``.

    ``count`` is their number, ``example`` the path of the first one."""

    @staticmethod
    def _what(count: int) -> str:
        noun = "directory" if count == 1 else "directories"
        return f"partition {noun} without {PARTITION_FILE} (nothing read)"


def _partition_file(directory: Path, ignored: list[Path], empty: list[Path]) -> Path | None:
    """``directory``'s ``part-0.parquet`` if any; its other visible files go to ``ignored``,
    the directory itself to ``empty`` when it holds no visible file."""
    found = None
    visible = 0
    try:
        with os.scandir(directory) as entries:
            for entry in entries:
                if entry.name == PARTITION_FILE:
                    found = _regular(Path(entry.path))
                    visible += 1
                elif not entry.name.startswith((".", "_")):
                    ignored.append(Path(entry.path))  # another file, or a directory
                    visible += 1
    except (FileNotFoundError, NotADirectoryError):
        return None
    if not visible:
        empty.append(directory)
    return found


def _regular(path: Path) -> Path:
    """``path`` when it is a regular file (or a link to one); :class:`DatasetError` otherwise.

    A ``part-0.parquet`` that is a directory (Spark's ``df.write.parquet(".../part-0.parquet")``),
    a dangling link, a FIFO or a link to a device holds the site's month the reader cannot
    read: left aside, the month would be counted (and consolidated) without that site, exit 0
    (review 15f, HIGH 1). ``stat`` does not open the entry: a FIFO is never waited on."""
    try:
        mode = path.stat().st_mode
    except OSError:  # a dangling or looping link, a target without permission
        mode = 0
    if not stat.S_ISREG(mode):
        raise DatasetError(f"{path}: not a regular file")
    return path


def _month_dirs(parent: Path, months: Sequence[str] | None) -> Iterable[tuple[str, Path]]:
    # Every month directory's name is checked, asked for or not: ``month=2024-5`` is refused
    # by ``report --month 2024-05`` as by ``consolidate`` (review 15f, LOW 7), not skipped.
    wanted = None if months is None else set(months)
    for month, path in _entries(parent, "month"):
        if not MONTH_PATTERN.match(month):
            raise DatasetError(f"{path}: expected month=YYYY-MM")
        if wanted is None or month in wanted:
            yield month, path


def find_partitions(
    datasets: Sequence[str | os.PathLike[str]], months: Sequence[str] | None = None
) -> list[PartitionFile]:
    """The partition files of ``months`` (``"2024-06"``; all when ``None``) in ``datasets``.

    Raises :class:`DatasetError` for a directory that is no dataset, a malformed partition
    name, the same site and month in two datasets, or a month present both as a national
    dataset and as site exports.
    """
    found: list[PartitionFile] = []
    ignored: list[Path] = []
    empty: list[Path] = []
    owners = _Owners()

    def add(file: PartitionFile, root: Path) -> None:
        if len(found) == MAX_PARTITIONS:
            raise DatasetError(
                f"{root}: more than {MAX_PARTITIONS} partition files in the datasets given: "
                "consolidate the sites' exports (mfs national consolidate), or ask for fewer "
                "months"
            )
        owners.claim(root, file.month, file.site)
        found.append(file)

    for dataset in datasets:
        root = Path(dataset)
        try:
            layout = _layout(root)
            if layout == NATIONAL_LAYOUT:
                for month, path in _month_dirs(root, months):
                    if (file := _partition_file(path, ignored, empty)) is not None:
                        add(PartitionFile(file, layout, month), root)
                continue
            for site, site_dir in _entries(root, "site"):
                if not _SITE.match(site):
                    raise DatasetError(f"{site_dir}: expected site=<id> (A-Z a-z 0-9 . _ -)")
                for month, path in _month_dirs(site_dir, months):
                    if (file := _partition_file(path, ignored, empty)) is not None:
                        add(PartitionFile(file, layout, month, site), root)
        except OSError as exc:
            # The entry that failed (a symbolic link that loops, a directory without read
            # permission) rather than the dataset it is in.
            where = exc.filename if exc.filename is not None else root
            raise DatasetError(f"{where}: cannot read ({exc.strerror or exc})") from None
    if ignored:
        warnings.warn(IgnoredFilesWarning(len(ignored), ignored[0]), stacklevel=2)
    if empty:
        warnings.warn(EmptyPartitionsWarning(len(empty), empty[0]), stacklevel=2)
    return found


class _Owners:
    """Which dataset each month (national layout) and each site's month came from."""

    def __init__(self) -> None:
        self.national: dict[str, Path] = {}
        self.sites: dict[tuple[str, str], Path] = {}
        self.months_of_sites: dict[str, Path] = {}

    def claim(self, root: Path, month: str, site: str | None) -> None:
        if site is None:
            other = self.national.get(month) or self.months_of_sites.get(month)
        else:
            other = self.sites.get((month, site)) or self.national.get(month)
        if other is not None:
            what = f"site {site}, month {month}" if site else f"month {month}"
            raise DatasetError(
                f"{root}: {what} is also in {other}: each site's month must come from one "
                "dataset (a national dataset already holds its sites)"
            )
        if site is None:
            self.national[month] = root
        else:
            self.sites[(month, site)] = root
            self.months_of_sites.setdefault(month, root)


def check_metadata(file: PartitionFile, metadata: Mapping[str, str] | None) -> None:
    """Raise :class:`DatasetError` unless ``metadata`` (the file's key-value metadata) is
    that of this project's dataset, schema version, layout, site and month."""
    metadata = metadata or {}
    expected = {
        "dataset": DATASET_NAME,
        "schema_version": str(SCHEMA_VERSION),
        "layout": file.layout,
        "month": file.month,
    }
    if file.site is not None:
        expected["site"] = file.site
    for name, value in expected.items():
        got = metadata.get(metadata_key(name))
        if got == value:
            continue
        if name == "dataset" and got is None:
            raise DatasetError(
                f"{file.path}: not a file of an mfs-core dataset (no {DATASET_NAME})"
            )
        if name == "schema_version":
            raise DatasetError(
                f"{file.path}: schema version {got}, this mfs-core reads version "
                f"{SCHEMA_VERSION}; export it again with this mfs-core, or upgrade"
            )
        raise DatasetError(
            f"{file.path}: {metadata_key(name)} is {got!r}, expected {value!r} "
            "(a file moved into another partition?)"
        )


#: A column's type as DuckDB (``parquet_schema``) or pyarrow names it -> the type names of
#: :data:`~mfs_core.national.schema.FIELDS`.
_TYPE_NAMES = {
    "VARCHAR": "string",
    "DATE": "date32",
    "BOOLEAN": "bool",
    "string": "string",
    "large_string": "string",
    "date32[day]": "date32",
    "bool": "bool",
}


def _shown(name: str) -> str:
    """A column name from a file, made safe to print (bounded, controls escaped)."""
    return ascii(name[:64])[1:-1]


def check_columns(file: PartitionFile, columns: Mapping[str, str]) -> None:
    """Raise :class:`DatasetError` unless ``columns`` (name -> type as DuckDB's
    ``parquet_schema`` or pyarrow names it: ``"VARCHAR"``, ``"date32[day]"``...) are those of
    schema version :data:`SCHEMA_VERSION` for the file's layout: each column present with
    its type (``site`` too in the national layout), and no other. Nullability is not
    checked (the counts treat a null like any other value)."""
    expected = {field.name: field.type for field in FIELDS}
    if file.layout == NATIONAL_LAYOUT:
        expected = {"site": "string", **expected}
    version = f"schema v{SCHEMA_VERSION}"
    for name, kind in expected.items():
        got = columns.get(name)
        if got is None:
            raise DatasetError(f"{file.path}: column {name} missing for {version} ({kind})")
        if (shown := _TYPE_NAMES.get(got, got)) != kind:
            raise DatasetError(
                f"{file.path}: column {name} is {_shown(shown)}, {version} expects {kind}"
            )
    extra = sorted(set(columns) - set(expected))
    if extra:
        raise DatasetError(f"{file.path}: column {_shown(extra[0])} is not in {version}")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:200] if text else type(exc).__name__


def _read_errors() -> tuple[type[BaseException], ...]:
    """What pyarrow raises for a file it cannot read: ArrowInvalid (a ValueError), OSError,
    and the rest of its ArrowException family (ArrowMemoryError under an address-space
    limit is a MemoryError: it escaped as a traceback, review 15f, LOW 10)."""
    import pyarrow as pa

    return (OSError, ValueError, pa.ArrowException)


def check_days(file: PartitionFile, first: object, last: object) -> None:
    """Raise :class:`DatasetError` unless ``first`` and ``last`` (the smallest and largest
    ``received_on`` of ``file``, ``datetime.date`` or ISO text, from its footer's
    statistics; None when it has none) fall in the file's partition month. Rows of April
    copied into ``month=2024-05`` with ``mfs.month`` rewritten would otherwise be counted
    as May's (review 15f, LOW 5). A file without statistics is not checked (this
    project's writers always write them)."""
    for day in (first, last):
        if day is not None and str(day)[:7] != file.month:
            raise DatasetError(
                f"{file.path}: received_on {str(day)[:10]} is not in the partition's month "
                f"{file.month} (a file moved into another partition?)"
            )


def _day_range(footer: Any) -> tuple[object, object]:
    """The smallest and largest ``received_on`` of a pyarrow footer's row-group
    statistics (its columns checked already: flat, ``received_on`` among them);
    ``(None, None)`` when a row group with rows has none (then nothing is known)."""
    index = footer.schema.names.index("received_on")
    first = last = None
    for group in range(footer.num_row_groups):
        stats = footer.row_group(group).column(index).statistics
        if stats is None or not stats.has_min_max:
            if footer.row_group(group).num_rows:
                return None, None
            continue
        first = stats.min if first is None else min(first, stats.min)
        last = stats.max if last is None else max(last, stats.max)
    return first, last


def _footer(file: PartitionFile) -> Any:
    """``file``'s footer read with pyarrow; :class:`~.errors.UnreadableFileError` naming the
    file when it cannot be read."""
    import pyarrow.parquet as pq

    try:
        return pq.read_metadata(file.path)
    except _read_errors() as exc:
        raise UnreadableFileError(
            f"{file.path}: not a readable Parquet file ({_first_line(exc)})"
        ) from None


def check_file_days(file: PartitionFile) -> None:
    """:func:`check_days` from ``file``'s footer, read with pyarrow: for the DuckDB engine,
    whose own ``parquet_metadata`` cost twice as much (0.43 against 0.2 ms a file, 65
    files of a site export, best of 10 CPU times)."""
    check_days(file, *_day_range(_footer(file)))


def check_file(file: PartitionFile) -> None:
    """Read ``file``'s footer with pyarrow and check its metadata, columns and days
    (:func:`check_metadata`, :func:`check_columns`, :func:`check_days`);
    :class:`~.errors.UnreadableFileError` naming the file when it is not a readable Parquet
    file, :class:`DatasetError` when it is not one of this schema and month."""
    footer = _footer(file)
    try:
        schema = footer.schema.to_arrow_schema()
    except _read_errors() as exc:
        raise UnreadableFileError(
            f"{file.path}: not a readable Parquet file ({_first_line(exc)})"
        ) from None
    raw = footer.metadata or {}
    decoded = {k.decode(errors="replace"): v.decode(errors="replace") for k, v in raw.items()}
    check_metadata(file, decoded)
    check_columns(file, {field.name: str(field.type) for field in schema})
    check_days(file, *_day_range(footer))


def locate_fault(
    files: Sequence[PartitionFile], *, footers: bool = True
) -> UnreadableFileError | None:
    """The error naming the file an engine failed to read among ``files`` (its message
    names none), or whose pages do not match their checksums: each file's footer is
    checked (``footers=False``: checked already), then its rows read, with pyarrow, until
    one fails; None when all read well. Costs a full read of the files: for the error
    path, and for consolidation, which checks every page it copies (a file written without
    checksums is read unchecked)."""
    import pyarrow.parquet as pq

    if footers:
        for file in files:
            check_file(file)
    for file in files:
        try:
            with pq.ParquetFile(file.path, page_checksum_verification=True) as parquet:
                for _batch in parquet.iter_batches(batch_size=65_536):
                    pass
        except _read_errors() as exc:
            return UnreadableFileError(f"{file.path}: cannot read its rows ({_first_line(exc)})")
    return None


def unreadable(files: Sequence[PartitionFile], engine_error: BaseException) -> DatasetError:
    """:func:`locate_fault`'s error, or the engine's first line when every file reads well."""
    fault = locate_fault(files)
    return fault or DatasetError(f"cannot read the dataset ({_first_line(engine_error)})")
