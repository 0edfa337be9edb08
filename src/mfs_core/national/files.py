"""Writing one partition's Parquet file so that a reader never sees half of it.

The rows go to a hidden temporary file in the partition's directory (``.part-*.tmp``:
DuckDB's ``*.parquet`` globs and Spark skip it); :meth:`AtomicPartition.commit` syncs it and
renames it over ``part-0.parquet``. A crash or an error leaves the previous file as it was.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from pathlib import Path
from typing import Any

from mfs_core.national.errors import DatasetError
from mfs_core.national.schema import PARTITION_FILE

__all__ = [
    "ROW_GROUP_ROWS",
    "AtomicPartition",
    "has_entry",
    "partition_around",
    "remove_partition",
    "resolved",
]

#: Rows per Parquet row group at most: the unit DuckDB and Spark read in parallel. A month
#: written as one group of 750,000 rows kept one of two cores idle in the national report.
ROW_GROUP_ROWS = 131_072


def _cannot(directory: Path, exc: OSError, doing: str = "write") -> DatasetError:
    return DatasetError(f"{directory}: cannot {doing} ({exc.strerror or exc})")


class AtomicPartition:
    """A Parquet writer of ``schema`` (a ``pyarrow.Schema``) for ``directory``'s file."""

    def __init__(self, directory: Path, schema: Any) -> None:
        import pyarrow.parquet as pq

        self.directory = directory
        try:
            directory.mkdir(parents=True, exist_ok=True)
            temporary = _new_file(directory)
        except OSError as exc:
            raise _cannot(directory, exc) from None
        self._temporary = temporary
        try:
            # Page checksums (CRC-32 of each page): without them a flipped bit that still
            # decodes changes the figures in silence (pyarrow checks them on read when
            # asked, and consolidation asks; DuckDB 2.0 does not check them).
            self._out = pq.ParquetWriter(
                temporary, schema, compression="zstd", write_page_checksum=True
            )
        except OSError as exc:
            self._temporary.unlink(missing_ok=True)
            raise _cannot(directory, exc) from None

    def write(self, batch: Any) -> None:
        """Append a ``pyarrow.RecordBatch`` (one row group) or ``Table`` (row groups of
        :data:`ROW_GROUP_ROWS`) of the writer's schema."""
        try:
            if hasattr(batch, "to_batches"):
                self._out.write_table(batch, row_group_size=ROW_GROUP_ROWS)
            else:
                self._out.write_batch(batch)
        except OSError as exc:
            raise _cannot(self.directory, exc) from None

    def commit(self) -> None:
        """Close the file, sync it, and rename it over the partition's file."""
        final = self.directory / PARTITION_FILE
        try:
            self._out.close()
            with open(self._temporary, "rb+") as handle:
                os.fsync(handle.fileno())
            os.replace(self._temporary, final)
        except OSError as exc:
            self.abort()
            raise _cannot(self.directory, exc) from None
        _fsync_directory(self.directory)

    def abort(self) -> None:
        """Drop the temporary file: the partition keeps its previous content (a directory
        made for it and left empty is removed: readers would take it for a partition)."""
        with contextlib.suppress(Exception):
            self._out.close()
        with contextlib.suppress(OSError):
            self._temporary.unlink()
        with contextlib.suppress(OSError):  # not empty: the partition's previous file
            self.directory.rmdir()


def _new_file(directory: Path) -> Path:
    """A new hidden temporary file in ``directory``, created with the mode the umask gives
    (``tempfile.mkstemp`` makes it 0600 whatever the umask, and a dataset others share, or
    Spark's executors read, must be readable as the user's other files are)."""
    for _ in range(100):
        path = directory / f".part-{secrets.token_hex(8)}.tmp"
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            continue
        return path
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(directory))


def _fsync_directory(directory: Path) -> None:
    with contextlib.suppress(OSError):  # not every file system lets a directory be synced
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def remove_partition(directory: Path) -> bool:
    """Remove a partition's file (and its directory when left empty); True if it existed."""
    try:
        (directory / PARTITION_FILE).unlink()
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise _cannot(directory, exc, "remove") from None
    with contextlib.suppress(OSError):
        directory.rmdir()
    return True


def has_entry(directory: Path, prefix: str) -> bool:
    """Whether ``directory`` holds an entry named ``prefix...``; False when it does not
    exist or is no directory."""
    try:
        with os.scandir(directory) as entries:  # closed even when any() stops early
            return any(entry.name.startswith(prefix) for entry in entries)
    except (FileNotFoundError, NotADirectoryError):
        return False


def partition_around(path: Path) -> Path | None:
    """The partition directory (``site=...``, ``month=...``) that ``path`` is or lies in,
    resolved (symbolic links followed), or None: a dataset's root given as one of its own
    partitions would nest ``site=s/site=s/...``, which no reader reads (review 15e)."""
    where = resolved(path)
    return next(
        (part for part in (where, *where.parents) if part.name.startswith(("site=", "month="))),
        None,
    )


def resolved(path: Path) -> Path:
    """``path`` absolute, symbolic links followed (as written when they loop)."""
    try:
        return path.resolve()
    except OSError:  # a loop of symbolic links: compared as written
        return path.absolute()
