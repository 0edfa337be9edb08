"""Finding and checking the partitions of national datasets, before an engine reads them.

A dataset directory has one of two layouts (:mod:`mfs_core.national.schema`):

- a site's export: ``site=<id>/month=<YYYY-MM>/part-0.parquet`` (one or many sites);
- a consolidated national dataset: ``month=<YYYY-MM>/part-0.parquet``, the site a column.

:func:`find_partitions` lists the files of the months asked for, and refuses what would
count a request twice: the same site and month in two datasets, or a month given both as a
national dataset and as site exports. :func:`check_metadata` checks each file's key-value
metadata (dataset, schema version, layout, and that the site and month written inside agree
with the path, so a file copied into the wrong partition is refused). Only ``part-0.parquet``
is read in a partition: a file left by another tool is ignored, never added.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import attrs

from mfs_core.national.errors import DatasetError
from mfs_core.national.schema import (
    DATASET_NAME,
    NATIONAL_LAYOUT,
    PARTITION_FILE,
    SCHEMA_VERSION,
    SITE_LAYOUT,
    metadata_key,
)

__all__ = ["MAX_PARTITIONS", "MONTH_PATTERN", "PartitionFile", "check_metadata", "find_partitions"]

#: At most this many partition files in one call: 2,800 sites x 12 months x 5 years is
#: 168,000; a directory beyond it is more likely a mistake (a home directory, a copy loop)
#: than a dataset, and each file costs an open and a footer read.
MAX_PARTITIONS = 250_000
MONTH_PATTERN = re.compile(r"^[0-9]{4}-(?:0[1-9]|1[0-2])$", re.ASCII)
_SITE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", re.ASCII)


@attrs.frozen
class PartitionFile:
    """One partition's file: its path, layout, month and (site layout) site."""

    path: Path
    layout: str
    month: str
    site: str | None = None


def _entries(directory: Path, prefix: str) -> list[tuple[str, Path]]:
    """``(value, path)`` of the sub-directories ``<prefix>=<value>``, hidden ones skipped."""
    found = []
    with os.scandir(directory) as entries:
        for entry in entries:
            if entry.name.startswith(prefix + "=") and entry.is_dir():
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


def _month_dirs(parent: Path, months: Sequence[str] | None) -> Iterable[tuple[str, Path]]:
    if months is None:
        for month, path in _entries(parent, "month"):
            if not MONTH_PATTERN.match(month):
                raise DatasetError(f"{path}: expected month=YYYY-MM")
            yield month, path
        return
    for month in months:
        yield month, parent / f"month={month}"


def find_partitions(
    datasets: Sequence[str | os.PathLike[str]], months: Sequence[str] | None = None
) -> list[PartitionFile]:
    """The partition files of ``months`` (``"2024-06"``; all when ``None``) in ``datasets``.

    Raises :class:`DatasetError` for a directory that is no dataset, a malformed partition
    name, the same site and month in two datasets, or a month present both as a national
    dataset and as site exports.
    """
    found: list[PartitionFile] = []
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
                    if (path / PARTITION_FILE).is_file():
                        add(PartitionFile(path / PARTITION_FILE, layout, month), root)
                continue
            for site, site_dir in _entries(root, "site"):
                if not _SITE.match(site):
                    raise DatasetError(f"{site_dir}: expected site=<id> (A-Z a-z 0-9 . _ -)")
                for month, path in _month_dirs(site_dir, months):
                    if (path / PARTITION_FILE).is_file():
                        add(PartitionFile(path / PARTITION_FILE, layout, month, site), root)
        except OSError as exc:
            raise DatasetError(f"{root}: cannot read ({exc.strerror or exc})") from None
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
