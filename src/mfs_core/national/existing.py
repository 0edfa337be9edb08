"""What already sits where a writer is about to replace a partition's file.

``journal export --format parquet`` and ``national consolidate`` replace ``part-0.parquet``
atomically (:mod:`.files`). Before they do, :func:`check_replaceable` makes sure the file
there is one this project wrote for the same layout, month (and site): a file another tool
left at that name, or one copied into the wrong partition, is refused (review 15e, r2),
never replaced in silence. The writers check every file they may replace before writing
any, so a refusal leaves the dataset as it was.
"""

from __future__ import annotations

from pathlib import Path

from mfs_core.national.errors import DatasetError
from mfs_core.national.reading import _first_line, _read_errors
from mfs_core.national.schema import DATASET_NAME, KEY_PREFIX, PARTITION_FILE, metadata_key

__all__ = ["check_replaceable"]


def _metadata(file: Path) -> dict[str, str] | str:
    """The file's ``mfs.*`` key-value metadata (``{"dataset": ..., "site": ...}``), or
    pyarrow's reason (first line) when its footer cannot be read: not Parquet, truncated."""
    import pyarrow.parquet as pq

    try:
        raw = pq.read_metadata(file).metadata or {}
    except _read_errors() as exc:  # ArrowInvalid (a ValueError), ArrowMemoryError...
        return _first_line(exc)
    decoded = {k.decode(errors="replace"): v.decode(errors="replace") for k, v in raw.items()}
    return {k.removeprefix(KEY_PREFIX): v for k, v in decoded.items() if k.startswith(KEY_PREFIX)}


def check_replaceable(
    directory: Path, *, layout: str, month: str, site: str | None = None
) -> dict[str, str] | None:
    """The ``mfs.*`` metadata (prefix removed) of ``directory``'s ``part-0.parquet``, or
    None when there is none.

    Raises :class:`DatasetError` naming the file when it is not a Parquet file of this
    project's dataset with that ``layout``, ``month`` and (site layout) ``site``: it is
    not replaced. Any schema version is accepted (an export of a newer mfs-core replaces
    an older one's).
    """
    file = directory / PARTITION_FILE
    if not file.exists() and not file.is_symlink():
        return None
    expected = {"dataset": DATASET_NAME, "layout": layout, "month": month}
    if site is not None:
        expected["site"] = site
    metadata = _metadata(file) if file.is_file() else {}
    found = metadata if isinstance(metadata, dict) else {}
    wrong = [name for name, value in expected.items() if found.get(name) != value]
    if wrong:
        # Told apart so that a damaged file is not called another tool's (stop-31 note).
        if not file.is_file():
            what = "not a regular file"
        elif isinstance(metadata, str):
            what = f"not a readable Parquet file ({metadata})"
        elif found.get("dataset") == DATASET_NAME:
            key, value = wrong[0], found[wrong[0]][:70]
            what = f"{metadata_key(key)} is {value!r}, expected {expected[key]!r}"
        else:
            what = "not a file of an mfs-core dataset"
        raise DatasetError(
            f"{file}: {what}; not replaced: move it away, or write to another directory"
        )
    return found
