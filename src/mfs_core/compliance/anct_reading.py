"""Reading the ANCT list as a stream of rows: the file's structure (size, encoding, header,
separator, quoting), kept apart from what the rows say (:mod:`mfs_core.compliance.anct`).

:class:`AnctTable` reads the file twice, never whole: a first pass over its bytes, in
chunks, checks what makes the whole file unreadable before any row is reported (more than
:data:`MAX_ANCT_BYTES`, a byte that is not UTF-8, named by its line) and notes whether a
NUL character is present, and whether every physical line is shorter than
:data:`MAX_ROW_CHARS` (a *plain* file). The second pass yields the rows one at a time with
the line each starts on. A row that cannot be read (too long, a quoted cell never closed
or closed lines later) is named, and the lines after its first are read again as rows: one
stray ``"`` costs one row. A ``"`` inside an unquoted cell is an ordinary character, as
for :mod:`csv` and RFC 4180 readers. Standard input is copied to a temporary file during
the first pass. Memory stays that of one chunk and one row, whatever the list's length.

Two readers give the same rows. :class:`_Lines` feeds :mod:`csv` one physical line at a
time, each read with a bound, and keeps the lines of the row being read (to read them
again): it reads any file. In a plain file no line needs the bound, so the rows are read by
:mod:`csv` straight from the file (feeding it line by line cost some 7 % of the reading of
the replicated national list), and a row is handed to :class:`_Lines` only when it is not
one whole line (a quoted line break, a quote still open at the end of the file, a
:mod:`csv` error): then its lines, kept by :func:`itertools.tee` meanwhile, are read again
as :class:`_Lines` reads them, and the plain reading resumes after it. The first pass
counts no lines (``bytes.count`` took a quarter as long as :mod:`csv`'s reading): the line
of a bad byte is counted when one is found.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import IO

from mfs_core.errors import InputError
from mfs_core.inputs import BOM, open_binary

__all__ = ["MAX_ANCT_BYTES", "MAX_ROW_CHARS", "AnctTable"]

#: Largest list read: 1 GiB, some 600 times the national list (2,845 rows, 1.7 MiB). The
#: list is streamed, so the bound is a sanity check (a wrong path), not a memory bound.
MAX_ANCT_BYTES = 1024 * 1024 * 1024
#: Longest row read, in characters, and so longest cell: 64 Ki characters, more than a
#: hundred times the longest row of the ANCT sample (508 characters, its longest cell 184).
#: A longer row is unreadable on its own; the rows after it are read. It stays below
#: :func:`csv.field_size_limit` (131,072), so the csv module's own limit never stops a list.
MAX_ROW_CHARS = 64 * 1024
#: Bytes read at a time by the first pass. At most MAX_ROW_CHARS: a line end on each side,
#: the run between two line ends of one chunk is then short enough for a plain file.
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
            first = self._text.readline(MAX_ROW_CHARS + 1)
            if len(first.rstrip("\r\n")) > MAX_ROW_CHARS:
                raise InputError(
                    f"line 1: expected a header line of column names, got more than "
                    f"{MAX_ROW_CHARS:,} characters without a line break",
                    source=self.source,
                )
            self.delimiter = _delimiter(first)
            self._text.seek(0)
            self._start_reader()
            self.header = self._read_header(required)
        except BaseException:
            self._binary.close()
            raise

    def _start_reader(self) -> None:
        self._lines = _Lines(self._text)
        self._reread = 0  # characters of unreadable rows' lines read again
        self._reader = csv.reader(self._lines, delimiter=self.delimiter)

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
        offset = 0
        self.has_nul = False
        first = True
        # The bytes since the last line end, and the longest such run across chunks
        # (runs within one chunk are shorter than a chunk: see _CHUNK). Lines are not
        # counted here (bytes.count costs a third of csv's own reading): only the line
        # of a bad byte is, reading the file again up to it.
        run = longest = 0
        while True:
            try:
                chunk: bytes = read(_CHUNK)
            except OSError as exc:
                raise InputError(
                    f"cannot read the file: {exc.strerror or exc}", source=self.source
                ) from None
            if spool is not None and chunk:
                _copy(spool, chunk, self.source)
            if chunk:
                run, longest = _runs(chunk, run, longest)
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
                bad = offset - (len(data) - exc.start)  # the bad byte's place in the file
                line = _line_of(spool if spool is not None else stream, bad)
                raise InputError(
                    f"line {line}: expected UTF-8 text, got byte 0x{data[exc.start]:02x} "
                    "(re-save the file as UTF-8)",
                    source=self.source,
                ) from None
            if not self.has_nul:
                self.has_nul = data.find(b"\x00", 0, used) >= 0
            pending = data[used:]
            if not chunk:
                break
        # A line and its line end (2 characters at most) within MAX_ROW_CHARS: _Lines
        # would never cut a line short, nor find a one-line row too long.
        self._plain = max(longest, run) + 2 <= MAX_ROW_CHARS
        self._size = offset

    # -- the header -----------------------------------------------------------------------
    def _read_header(self, required: tuple[str, ...]) -> list[str]:
        header = self._next_row()
        missing = [c for c in required if c not in header]
        if missing and not any(header):
            raise InputError(
                "line 1: the file is empty (a byte order mark at most); expected the ANCT "
                '"liste des structures France services" CSV, its header line first',
                source=self.source,
            )
        if missing and header[0].startswith("\ufeff"):
            raise InputError(
                f"line 1: missing column(s) {', '.join(missing)}: the first column's name "
                "starts with an invisible byte order mark (U+FEFF): the file was saved with "
                "two; re-save it as UTF-8",
                source=self.source,
            )
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

    def _next_row(self) -> list[str]:
        """The header row (``[]`` for an empty file)."""
        self._lines.start_row()
        try:
            row = next(self._reader, [])
        except (csv.Error, _RowTooLong):
            row = None
        if row is None or self._lines.ended_in_row:
            raise InputError(
                "line 1: expected a header line of column names, got a quoted cell never "
                f"closed within {MAX_ROW_CHARS:,} characters",
                source=self.source,
            )
        return row

    # -- second pass: the rows -------------------------------------------------------------
    def rows(self) -> Iterator[tuple[int, list[str] | None, str]]:
        """``(line, row, "")`` for each row after the header, in file order, ``line``
        the line it starts on (a quoted cell may hold line breaks); ``(line, None,
        problem)`` for a row that could not be read: one longer than
        :data:`MAX_ROW_CHARS`, one with a NUL character, and one where a quoted cell opens
        and is never closed, or closes lines later leaving the row with a number of cells
        other than the header's. The lines such a row swallowed are read again as rows
        of their own, so a bad row never takes its neighbours with it."""
        return self._plain_rows() if self._plain else self._bounded_rows()

    def _bounded_rows(self) -> Iterator[tuple[int, list[str] | None, str]]:
        """The rows, every line read through :class:`_Lines`."""
        while (row := self._bounded_row()) is not None:
            yield row

    def _plain_rows(self) -> Iterator[tuple[int, list[str] | None, str]]:
        """The rows of a plain file: :mod:`csv` reads the file itself, and a row that is
        not one whole line before the last is read again through :class:`_Lines`."""
        lines = self._lines
        # The file's lines, then _END: a quote still open at the end of the file takes
        # it in, and makes its row two lines long (read again through _Lines).
        source, kept = itertools.tee(itertools.chain(self._text, (_END,)))
        reader = csv.reader(source, delimiter=self.delimiter)
        has_nul = self.has_nul
        line = lines.line  # the lines read so far (the header's)
        shift = line  # line numbers of the file = reader.line_num + shift
        drop = kept.__next__  # forget a line read as a row of its own
        while True:
            try:
                cells: list[str] | None = next(reader)
            except StopIteration:
                return
            except csv.Error:  # read again below, to be named as _Lines reads it
                cells = None
            line += 1
            if cells is not None and reader.line_num + shift == line:
                if drop() is _END:  # the blank row of _END alone: not the file's
                    return
                yield self._checked(line, cells) if has_nul else (line, cells, "")
                continue
            # Read again through _Lines, from its first line: the lines csv took for it
            # first (not _END), then the file; until no line is left to read again.
            taken = itertools.islice(kept, reader.line_num + shift - line + 1)
            lines.read_again([text for text in taken if text is not _END], after=line - 1)
            while (row := self._bounded_row()) is not None:
                yield row
                if lines.nothing_to_read_again():
                    break
            else:
                return
            line = lines.line
            shift = line - reader.line_num

    def _bounded_row(self) -> tuple[int, list[str] | None, str] | None:
        """The next row read through :class:`_Lines`, or None at the end of the file."""
        lines = self._lines
        lines.start_row()
        try:
            cells = next(self._reader, None)
        except _RowTooLong:
            return self._unreadable(self._too_long())
        except csv.Error as exc:  # not expected below MAX_ROW_CHARS: read on all the same
            return self._unreadable(f"not a CSV row ({exc})")
        if cells is None:
            return None
        start, span = lines.row_start, len(lines.row)
        if lines.ended_in_row:
            return self._unreadable(
                f"a quoted cell opened in this row is never closed (the file ends at "
                f"line {start + span - 1})"
            )
        if span > 1 and len(cells) != len(self.header):
            return self._unreadable(
                f"a quoted cell opened in this row closes on line {start + span - 1}, "
                f"leaving {len(cells)} cells, expected {len(self.header)}"
            )
        return self._checked(start, cells)

    def _too_long(self) -> str:
        lines = self._lines
        if len(lines.row) > 1:
            return (
                f"a quoted cell opened in this row is still open after {MAX_ROW_CHARS:,} "
                f"characters (line {lines.row_start + len(lines.row) - 1})"
            )
        return f"longer than {MAX_ROW_CHARS:,} characters: a cell this long is not a list entry"

    def _unreadable(self, why: str) -> tuple[int, None, str]:
        """The current row as unreadable; the lines after its first are read again, as
        long as what was read again stays within :data:`_REREAD_CHARS` and twice the
        file's size: a quote opened on every line (``999,"a`` then ``b","c`` lines) would
        otherwise have each line read again up to :data:`MAX_ROW_CHARS` characters ahead,
        quadratic within that window (a 49 KB file took 17 CPU-seconds)."""
        lines = self._lines
        line = lines.row_start
        again = sum(map(len, lines.row[1:]))
        if again and self._reread + again > _REREAD_CHARS + 2 * self._size:
            lines.row = lines.row[:1]
            return (
                line,
                None,
                (
                    f"line {line}: {why}: the row could not be read, nor the "
                    f"{lines.line - line:,} line(s) it took in after it (not read again: a quote "
                    "opens on line after line)"
                ),
            )
        self._reread += again
        lines.read_again_after_first()
        return line, None, f"line {line}: {why}: the row could not be read"

    def _checked(self, line: int, row: list[str]) -> tuple[int, list[str] | None, str]:
        if self.has_nul and any("\x00" in cell for cell in row):
            return line, None, f"line {line}: a cell holds a NUL character"
        return line, row, ""

    def rewind(self) -> None:
        """Start again from the first row after the header (for a second pass)."""
        self._text.seek(0)
        self._start_reader()
        self._next_row()

    def close(self) -> None:
        self._binary.close()

    def __del__(self) -> None:
        # A results generator dropped before its first row (its writer failed first)
        # never entered ``with table``: close the file now, not in the collector's warning.
        binary = getattr(self, "_binary", None)
        if binary is not None:
            binary.close()

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


def _copy(spool: IO[bytes], chunk: bytes, source: str) -> None:
    try:
        spool.write(chunk)
    except OSError as exc:  # a full disk, or a file-size limit (ulimit -f)
        raise InputError(
            f"the temporary copy of the input could not be written ({exc.strerror or exc}): "
            "not read; give the list as a file path",
            source=source,
        ) from None


def _line_of(stream: object, end: int) -> int:
    """The line holding byte ``end`` of ``stream``, a seekable file read again from its
    start up to that byte (in chunks)."""
    getattr(stream, "seek")(0)  # noqa: B009 - a file, or the copy of standard input
    read = getattr(stream, "read")  # noqa: B009
    line, after_cr = 1, False
    while end > 0 and (data := read(min(_CHUNK, end))):
        line += _line_ends(data, len(data), after_cr)
        after_cr = data.endswith(b"\r")
        end -= len(data)
    return line


def _line_ends(data: bytes, end: int, after_cr: bool) -> int:
    """Line ends in ``data[:end]`` as the reader counts them: ``\n``, ``\r\n`` or a lone
    ``\r`` (``after_cr``: the text before ``data`` ended with ``\r``)."""
    ends = data.count(b"\n", 0, end) + data.count(b"\r", 0, end) - data.count(b"\r\n", 0, end)
    return ends - 1 if after_cr and data[:1] == b"\n" and end else ends


def _runs(chunk: bytes, run: int, longest: int) -> tuple[int, int]:
    """``(run, longest)`` after ``chunk``: ``run`` the bytes since the last line end
    (``\r`` or ``\n``), ``longest`` the longest run that crossed from a chunk into the
    next (a run within one chunk is shorter than :data:`_CHUNK`)."""
    last = max(chunk.rfind(b"\n"), chunk.rfind(b"\r"))
    if last < 0:  # no line end in the chunk
        return run + len(chunk), longest
    first = min(i for i in (chunk.find(b"\n"), chunk.find(b"\r")) if i >= 0)
    return len(chunk) - 1 - last, max(longest, run + first)


def _delimiter(header_line: str) -> str:
    """The header's separator: the most frequent of ``,``, ``;`` and tab (``,`` on a tie)."""
    return max((",", ";", "\t"), key=header_line.count)


class _EndOfFile(str):
    """The type of :data:`_END`: no line of the file is this object."""


#: A line end after the file's last line, for csv reading a plain file (see _plain_rows).
_END = _EndOfFile("\n")


#: Characters the bounded reader may read again beyond twice the file's (see
#: ``AnctTable._unreadable``): a stray quote costs at most one row's re-reading.
_REREAD_CHARS = 16 * MAX_ROW_CHARS


class _RowTooLong(Exception):
    """Raised through :mod:`csv` when a row grows past :data:`MAX_ROW_CHARS`."""


#: Stands for a physical line longer than MAX_ROW_CHARS, whose text was skipped unread.
_OVERLONG = "\x00overlong"


def _end_length(line: str) -> int:
    """Characters of ``line``'s line end (``\r\n``: 2, ``\n`` or ``\r``: 1, none: 0)."""
    return len(line) - len(line.rstrip("\r\n"))


class _Lines:
    """The physical lines of the text, fed to :func:`csv.reader` one at a time (``\n``,
    ``\r\n`` or ``\r`` ends a line), each read with a bound so a file without line
    breaks never sits in memory whole.

    The lines of the row being read are kept (at most :data:`MAX_ROW_CHARS` characters
    in all), so that when the row proves unreadable the lines after its first can be
    read again as rows: a stray ``"`` then costs one row, not the ones it swallowed.
    """

    def __init__(self, text: IO[str]) -> None:
        self._readline = text.readline
        self._again: list[str] = []  # lines to read again, the next one last
        self.line = 0  # number of the last line given
        self.row: list[str] = []
        self.row_start = 1
        self._chars = 0
        self.ended_in_row = False
        self._cut_after_cr = False  # the last line read ended in a \r the bound cut at

    def start_row(self) -> None:
        self.row = []
        self.row_start = self.line + 1
        self._chars = 0
        self.ended_in_row = False

    def read_again_after_first(self) -> None:
        again = self.row[1:]
        again.reverse()
        self._again.extend(again)
        self.line -= len(again)
        self.row = self.row[:1]

    def read_again(self, taken: list[str], after: int) -> None:
        """Give ``taken`` (lines read elsewhere, after line ``after``) before the file's
        next line. Only when no line is left to read again."""
        taken.reverse()
        self._again = taken
        self.line = after

    def nothing_to_read_again(self) -> bool:
        return not self._again

    def __iter__(self) -> _Lines:
        return self

    def _bounded(self, limit: int) -> str:
        """The next line, at most ``limit`` characters. A ``\r\n`` the bound cut after its
        ``\r`` leaves a ``\n`` that is no line of its own: dropped (every later line
        number was one too high)."""
        line = self._readline(limit)
        if self._cut_after_cr and line == "\n":
            line = self._readline(limit)
        self._cut_after_cr = len(line) == limit and line.endswith("\r")
        return line

    def __next__(self) -> str:
        if self._again:
            line = self._again.pop()
        else:
            line = self._bounded(MAX_ROW_CHARS + 1)
            if not line:
                self.ended_in_row = bool(self.row)
                raise StopIteration
            if len(line) > MAX_ROW_CHARS and line.rstrip("\r\n") == line:
                while (rest := self._bounded(_CHUNK)) and rest.rstrip("\r\n") == rest:
                    pass  # the rest of an over-long line: skipped, never held whole
                line = _OVERLONG
        self.line += 1
        self.row.append(line)
        self._chars += len(line)
        # The row's own line end is not part of it: a row of exactly MAX_ROW_CHARS is read.
        if line is _OVERLONG or self._chars - _end_length(line) > MAX_ROW_CHARS:
            raise _RowTooLong
        return line
