"""Reading the ANCT list as a stream of rows: the file's structure (size, encoding, header,
separator, quoting), kept apart from what the rows say (:mod:`mfs_core.compliance.anct`).

:class:`AnctTable` reads the file twice, never whole: a first pass over its bytes, in
chunks, checks what makes the whole file unreadable before any row is reported (more than
:data:`MAX_ANCT_BYTES`, a byte that is not UTF-8, named by its line) and notes what makes
single rows unreadable (an odd number of ``"``: a quoted cell never closed; NUL
characters). The second pass yields the rows one at a time with the line each starts on.
Standard input is copied to a temporary file during the first pass. Memory stays that of
one chunk and one row, whatever the list's length.
"""

from __future__ import annotations

import codecs
import csv
import io
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import IO

from mfs_core.errors import InputError
from mfs_core.inputs import BOM, open_binary

__all__ = ["MAX_ANCT_BYTES", "AnctTable"]

#: Largest list read: 1 GiB, some 600 times the national list (2,845 rows, 1.7 MiB). The
#: list is streamed, so the bound is a sanity check (a wrong path), not a memory bound.
MAX_ANCT_BYTES = 1024 * 1024 * 1024
_CHUNK = 64 * 1024


class AnctTable:
    """The rows of an ANCT CSV file (``-``: standard input), as a context manager.

    Raises :class:`InputError` (naming the file) for a file that cannot be read, is larger
    than :data:`MAX_ANCT_BYTES`, is not UTF-8 (with or without a byte order mark), or has
    no header holding ``required`` columns (the separator is taken from the header line:
    ``,``, ``;`` or tab; a column named twice is refused).
    """

    def __init__(self, path: Path | str, required: tuple[str, ...]) -> None:
        self.source = str(path)
        self._binary: IO[bytes] = self._scan(str(path))
        try:
            self._text = io.TextIOWrapper(self._binary, encoding="utf-8-sig", newline="")
            self.delimiter = _delimiter(self._text.readline())
            self._text.seek(0)
            self._reader = csv.reader(self._text, delimiter=self.delimiter)
            self.header = self._read_header(required)
        except BaseException:
            self._binary.close()
            raise

    # -- first pass: the bytes ----------------------------------------------------------
    def _scan(self, path: str) -> IO[bytes]:
        stream, _ = open_binary(path)
        spool: IO[bytes] | None = None
        if path == "-" or not _seekable(stream):
            spool = tempfile.TemporaryFile()  # noqa: SIM115 - closed with the table
        try:
            self._check_bytes(stream, spool)
        except BaseException:
            if spool is not None:
                spool.close()
            if path != "-":
                stream.close()
            raise
        if spool is not None:
            if path != "-":
                stream.close()
            spool.seek(0)
            return spool
        seekable: IO[bytes] = stream  # type: ignore[assignment]  # checked by _seekable
        seekable.seek(0)
        return seekable

    def _check_bytes(self, stream: IO[bytes] | object, spool: IO[bytes] | None) -> None:
        read = getattr(stream, "read")  # noqa: B009 - a file or standard input's buffer
        pending = b""  # the end of a chunk that may be the start of a character
        offset = lines = quotes = 0
        self.has_nul = False
        first = True
        while True:
            try:
                chunk: bytes = read(_CHUNK)
            except OSError as exc:
                raise InputError(
                    f"cannot read the file: {exc.strerror or exc}", source=self.source
                ) from None
            if spool is not None and chunk:
                spool.write(chunk)
            offset += len(chunk)
            if offset > MAX_ANCT_BYTES:
                raise InputError(
                    f"larger than {MAX_ANCT_BYTES // 1024**3} GiB: not read (split it, or "
                    "check the path)",
                    source=self.source,
                )
            data = pending + chunk
            if first and data.startswith(BOM):
                data = data[len(BOM) :]
            first = first and len(data) < len(BOM)
            try:
                _, used = codecs.utf_8_decode(data, "strict", not chunk)
            except UnicodeDecodeError as exc:
                line = lines + data.count(b"\n", 0, exc.start) + 1
                raise InputError(
                    f"line {line}: expected UTF-8 text, got byte 0x{data[exc.start]:02x} "
                    "(re-save the file as UTF-8)",
                    source=self.source,
                ) from None
            lines += data.count(b"\n", 0, used)
            quotes += data.count(b'"', 0, used)
            self.has_nul = self.has_nul or b"\x00" in data[:used]
            pending = data[used:]
            if not chunk:
                break
        #: A well-formed CSV has an even number of ``"`` (each quoted cell opens and
        #: closes, inner quotes are doubled): an odd count means a cell never closed.
        self.odd_quotes = bool(quotes % 2)

    # -- the header -----------------------------------------------------------------------
    def _read_header(self, required: tuple[str, ...]) -> list[str]:
        header = self._next_row() or []
        missing = [c for c in required if c not in header]
        if missing and self.delimiter != ",":
            raise InputError(
                f"line 1: expected a comma-separated file, got {self.delimiter!r} as separator "
                f"and no column(s) {', '.join(missing)}",
                source=self.source,
            )
        if missing:
            raise InputError(
                f"line 1: missing column(s) {', '.join(missing)}; expected the ANCT "
                '"liste des structures France services" CSV',
                source=self.source,
            )
        seen: set[str] = set()
        twice = sorted({name for name in header if name in seen or seen.add(name)})  # type: ignore[func-returns-value]
        if twice:
            raise InputError(
                f"line 1: column(s) {', '.join(twice)} appear more than once; expected each "
                "column once",
                source=self.source,
            )
        return header

    def _next_row(self) -> list[str] | None:
        try:
            return next(self._reader, None)
        except csv.Error as exc:
            raise InputError(
                f"line {self._reader.line_num}: not a CSV file: {exc}", source=self.source
            ) from None

    # -- second pass: the rows -------------------------------------------------------------
    def rows(self) -> Iterator[tuple[int, list[str] | None, str]]:
        """``(line, row, "")`` for each row after the header, in file order, ``line``
        the line it starts on (a quoted cell may hold line breaks); ``(line, None,
        problem)`` for a row that could not be read at all: one with a NUL character, and
        the last row when a quoted cell is never closed (the reader then took the rest of
        the file as one cell of it)."""
        end = self._reader.line_num
        if not self.odd_quotes and not self.has_nul:  # the usual file: each row as read
            reader = self._reader
            try:
                for cells in reader:
                    start, end = end + 1, reader.line_num
                    yield start, cells, ""
            except csv.Error as exc:
                raise InputError(
                    f"line {reader.line_num}: not a CSV file: {exc}", source=self.source
                ) from None
            return
        held: tuple[int, list[str]] | None = None  # one row behind, for the odd quote
        while (row := self._next_row()) is not None:
            start, end = end + 1, self._reader.line_num
            if self.odd_quotes:
                if held is not None:
                    yield self._checked(*held)
                held = (start, row)
                continue
            yield self._checked(start, row)
        if held is not None:
            problem = (
                f"line {held[0]}: a quoted cell opened in this row is never closed: the row "
                f"and the lines after it (to line {end}) could not be read"
            )
            yield held[0], None, problem

    def _checked(self, line: int, row: list[str]) -> tuple[int, list[str] | None, str]:
        if self.has_nul and any("\x00" in cell for cell in row):
            return line, None, f"line {line}: a cell holds a NUL character"
        return line, row, ""

    def rewind(self) -> None:
        """Start again from the first row after the header (for a second pass)."""
        self._text.seek(0)
        self._reader = csv.reader(self._text, delimiter=self.delimiter)
        self._next_row()

    def close(self) -> None:
        self._binary.close()

    def __enter__(self) -> AnctTable:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def _seekable(stream: object) -> bool:
    try:
        return bool(getattr(stream, "seekable", lambda: False)())
    except (OSError, ValueError):
        return False


def _delimiter(header_line: str) -> str:
    """The header's separator: the most frequent of ``,``, ``;`` and tab (``,`` on a tie)."""
    return max((",", ";", "\t"), key=header_line.count)
