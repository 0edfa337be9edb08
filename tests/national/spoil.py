"""Ways to spoil one partition's file while its metadata still says schema v1: what a
reviewer sent the readers (a column dropped, a column of another type, a corrupt page)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq


def _write(path: Path, table: pa.Table, metadata: dict[bytes, bytes] | None) -> None:
    pq.write_table(table.replace_schema_metadata(metadata), path, compression="zstd")


def drop_column(path: Path, name: str) -> None:
    """Rewrite ``path`` without column ``name``, its key-value metadata kept."""
    table = pq.read_table(path)
    _write(path, table.drop_columns([name]), table.schema.metadata)


def as_strings(path: Path, name: str) -> None:
    """Rewrite ``path`` with column ``name`` as text ("True"/"False"), metadata kept."""
    table = pq.read_table(path)
    index = table.schema.get_field_index(name)
    text = pa.array([None if v is None else str(v) for v in table[name].to_pylist()], pa.string())
    _write(path, table.set_column(index, name, text), table.schema.metadata)


def corrupt_page(path: Path, column: str = "channel") -> None:
    """Overwrite ``column``'s first column chunk with 0xFF bytes: the footer (metadata,
    schema) still reads, the rows do not."""
    chunk = pq.read_metadata(path).row_group(0)
    names = [chunk.column(i).path_in_schema for i in range(chunk.num_columns)]
    meta = chunk.column(names.index(column))
    start = meta.dictionary_page_offset or meta.data_page_offset
    with open(path, "r+b") as handle:
        handle.seek(start)
        handle.write(b"\xff" * meta.total_compressed_size)


def flip_a_bit_that_still_reads(path: Path) -> None:
    """Flip the first bit, from the start of the first row group's pages, whose flip leaves
    a file that still reads (checksums unchecked) to other values: the silent corruption a
    page checksum is for."""
    original = path.read_bytes()
    expected = pq.read_table(path)
    first = pq.read_metadata(path).row_group(0).column(0)
    start = first.dictionary_page_offset or first.data_page_offset
    for at in range(start, len(original) - 8):
        spoiled = bytearray(original)
        spoiled[at] ^= 0x01
        path.write_bytes(spoiled)
        try:
            table = pq.read_table(path)
        except (OSError, ValueError):
            continue
        if not table.equals(expected):
            return
    path.write_bytes(original)
    raise AssertionError(f"{path}: no bit found whose flip still reads")


def each_spoiling(path: Path) -> Iterator[str]:
    """Spoil ``path`` in each way in turn (from its original bytes, restored at the end),
    yielding what the readers' message must say after the file's name."""
    original = path.read_bytes()
    ways: list[tuple[Callable[[], None], str]] = [
        (lambda: drop_column(path, "autonomy"), "column autonomy missing for schema v1"),
        (lambda: as_strings(path, "resident_identified"), "column resident_identified is string"),
        (lambda: corrupt_page(path), "cannot read its rows"),
    ]
    for spoil_it, message in ways:
        path.write_bytes(original)
        spoil_it()
        yield message
    path.write_bytes(original)
