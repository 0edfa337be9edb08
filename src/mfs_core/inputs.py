"""Reading what users give: files, standard input, JSON, JSON lines and TOML.

Every command reads its input through this one layer, so every input path has the same
limits and the same errors (``FILE: what was expected``, never the value itself):

- **size**: a whole file is read up to :data:`MAX_FILE_BYTES`; a larger one is refused
  without being read to its end, so ``/dev/zero`` or an endless pipe cannot hang a command.
  A JSON-lines stream has no total limit, but each line is at most :data:`MAX_LINE_BYTES`;
  a longer line is named and skipped, and a "line" with no end in sight (more than
  :data:`MAX_FILE_BYTES` without a line break) stops the reading with an error;
- **encoding**: UTF-8. A leading byte order mark is ignored (Windows editors write one);
  another encoding is refused naming the line and the first bad byte's value. In a stream
  only the line holding the bad byte is refused;
- **depth**: documents nested deeper than :data:`MAX_DEPTH` are refused (Python's JSON and
  TOML parsers would otherwise recurse until ``RecursionError``);
- **text**: a string holding an unpaired surrogate (``"\\ud800"`` in JSON) is refused: it
  is not text, and no UTF-8 writer (terminal, file, database) accepts it. JSON's ``NaN``
  and ``Infinity``, numbers too large for a float and keys given twice in one object are
  refused too: each would be read as something else than what was written. (A NUL is
  text; the journal refuses it in its records, as PostgreSQL cannot store it: see
  :func:`text_problem`);
- **isolation**: each line of a JSON-lines stream is parsed on its own; a bad line is named
  (``FILE:LINE: ...``) and the others are still read.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import re
import stat
import sys
import unicodedata
from collections.abc import Callable, Iterator
from typing import IO, Any, Protocol

import attrs

from mfs_core.errors import InputError

__all__ = [
    "DATE_RANGE",
    "EARLIEST_DATE",
    "LATEST_DATE",
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "MAX_LINE_BYTES",
    "BinaryInput",
    "JsonItem",
    "JsonLines",
    "aware_datetime",
    "blank_text",
    "date_problem",
    "datetime_problem",
    "decode_utf8",
    "open_binary",
    "parse_date",
    "parse_json",
    "parse_toml",
    "read_bytes",
    "read_text",
    "read_toml",
    "text_problem",
    "waits_for_input",
]

#: Largest file read whole (site file, context, ANCT list, mfs.toml...): 64 MiB, some 40
#: times the national ANCT list.
MAX_FILE_BYTES = 64 * 1024 * 1024
#: Longest line of a JSON-lines stream: 1 MiB, some 300 times a request with its longest
#: note.
MAX_LINE_BYTES = 1024 * 1024
#: Deepest nesting of a JSON or TOML document: our deepest document (a site file) needs 5.
MAX_DEPTH = 64
BOM = b"\xef\xbb\xbf"
_CHUNK = 64 * 1024
_SURROGATE = re.compile("[\ud800-\udfff]")


def _size(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MiB" if limit >= 1024 * 1024 else f"{limit} bytes"


def open_binary(path: str, *, option: str | None = None) -> tuple[BinaryInput, str]:
    """The binary stream of ``path`` (``-``: standard input) and the name to show for it.

    Raises :class:`InputError` when the file cannot be opened (missing, a directory, no
    permission), naming ``option`` (e.g. ``--context``) when given.
    """
    if path == "-":
        stdin = sys.stdin
        if stdin is None:  # started with standard input closed
            raise InputError("<stdin>: no standard input to read (it is closed)")
        # The bytes, not the locale's decoding of them: input is UTF-8 whatever the locale.
        buffer = getattr(stdin, "buffer", None)
        if buffer is not None:
            return buffer, "<stdin>"
        # A text stream without bytes beneath (a host or a test replaced sys.stdin).
        return _EncodedText(stdin), "<stdin>"
    try:
        handle = open(path, "rb")  # noqa: SIM115 - the caller closes it
    except OSError as exc:
        where = f"{option}: " if option else ""
        raise InputError(f"{where}{path}: cannot read the file: {exc.strerror or exc}") from None
    return handle, path


class BinaryInput(Protocol):
    """What the readers need of a binary input: a file, standard input's bytes."""

    def read(self, size: int = -1, /) -> bytes: ...

    def close(self) -> None: ...


class _EncodedText:
    """A text stream read as UTF-8 bytes (unpaired surrogates kept, to be refused later)."""

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream

    def read(self, size: int = -1) -> bytes:
        return self._stream.read(size).encode("utf-8", "surrogatepass")

    def readline(self, size: int = -1) -> bytes:
        return self._stream.readline(size).encode("utf-8", "surrogatepass")

    def read1(self, size: int = -1) -> bytes:
        """Up to the end of the next line: a text stream's ``read(size)`` would wait for
        ``size`` characters."""
        return self.readline(size)

    def close(self) -> None:
        """Standard input stays open."""


def waits_for_input(stream: object) -> bool:
    """Whether reading ``stream`` may wait for a writer: a pipe, a terminal, a FIFO, a
    socket. A regular file (or a block device) can be read ahead without waiting; a stream
    without a file descriptor (in memory) too."""
    try:
        mode = os.fstat(stream.fileno()).st_mode  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):  # io.UnsupportedOperation is an OSError
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISBLK(mode))


def read_bytes(path: str, *, option: str | None = None, limit: int = MAX_FILE_BYTES) -> bytes:
    """The content of ``path`` (``-``: standard input), at most ``limit`` bytes.

    Raises :class:`InputError` if the file cannot be read or is larger than ``limit``.
    """
    stream, source = open_binary(path, option=option)
    try:
        data = stream.read(limit + 1)
    except OSError as exc:
        raise InputError(f"{source}: cannot read the file: {exc.strerror or exc}") from None
    finally:
        if path != "-":
            stream.close()
    if len(data) > limit:
        raise InputError(
            f"{source}: larger than {_size(limit)}: not read (split it, or check the path)"
        )
    return data


def decode_utf8(data: bytes, source: str) -> str:
    """``data`` as text: UTF-8, a leading byte order mark dropped.

    Raises :class:`InputError` naming the line of the first byte that is not UTF-8.
    """
    start = len(BOM) if data.startswith(BOM) else 0
    try:
        return data[start:].decode("utf-8")
    except UnicodeDecodeError as exc:
        at = start + exc.start
        line = data.count(b"\n", 0, at) + 1
        raise InputError(
            f"line {line}: expected UTF-8 text, got byte 0x{data[at]:02x} "
            "(re-save the file as UTF-8)",
            source=source,
        ) from None


def read_text(path: str, *, option: str | None = None, limit: int = MAX_FILE_BYTES) -> str:
    """The UTF-8 text of ``path`` (``-``: standard input); see :func:`read_bytes`."""
    data = read_bytes(path, option=option, limit=limit)
    return decode_utf8(data, "<stdin>" if path == "-" else path)


# -- structure checks ---------------------------------------------------------------------
def _check_tree(value: Any) -> str | None:
    """Why a parsed document is refused (too deep, a string that is not text), or None."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, str):
            if not item.isascii() and _SURROGATE.search(item):
                return _UNPAIRED
        elif isinstance(item, dict | list):
            if depth > MAX_DEPTH:
                return f"nested deeper than {MAX_DEPTH} levels"
            if isinstance(item, dict):
                for key, sub in item.items():
                    if not key.isascii() and _SURROGATE.search(key):
                        return _UNPAIRED
                    stack.append((sub, depth + 1))
            else:
                stack.extend((sub, depth + 1) for sub in item)
    return None


_UNPAIRED = "a string holds an unpaired surrogate (\\ud800-\\udfff): not text"


#: Characters that show nothing although Unicode does not class them as spaces or format
#: characters: the Hangul fillers, the combining grapheme joiner, the blank Braille pattern.
_BLANK_LOOKING = frozenset("\u115f\u1160\u3164\uffa0\u034f\u2800")


def _invisible(ch: str) -> bool:
    return ch.isspace() or ch in _BLANK_LOOKING or unicodedata.category(ch) == "Cf"


def blank_text(text: str) -> bool:
    """Whether ``text`` shows nothing: only white space (no-break spaces included), format
    characters (Unicode category Cf: zero-width spaces and joiners, bidirectional marks)
    and the few other characters that show nothing (Hangul fillers, U+034F, U+2800). A
    need of zero-width spaces is as empty as one of spaces."""
    stripped = text.strip()
    if not stripped:
        return True
    if not _invisible(stripped[0]):
        return False  # the usual case, decided on one character
    return all(map(_invisible, stripped))


def text_problem(text: str) -> str | None:
    """Why ``text`` cannot be stored (a NUL, which PostgreSQL refuses; an unpaired
    surrogate, which no UTF-8 writer accepts), or None."""
    if "\x00" in text:
        return "a NUL character"
    if not text.isascii() and _SURROGATE.search(text):
        return "an unpaired surrogate (\\ud800-\\udfff)"
    return None


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError("a number too large for a float")
    return value


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        twice = next(key for key, _ in pairs if key in seen or seen.add(key))  # type: ignore[func-returns-value]
        raise ValueError(f"key {twice!r} given twice in one object")
    return result


_DECODER = json.JSONDecoder(
    parse_constant=_no_constant, parse_float=_finite, object_pairs_hook=_unique_keys
)


def parse_json(text: str) -> Any:
    """Parse one JSON document with the limits above; raise :class:`InputError` without
    a source (the caller knows the file and line) on any problem."""
    try:
        value = _DECODER.decode(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg} (column {exc.colno})") from None
    except RecursionError:
        raise InputError(f"invalid JSON: nested deeper than {MAX_DEPTH} levels") from None
    except ValueError as exc:  # NaN, a key twice, an integer of thousands of digits
        raise InputError(f"invalid JSON: {str(exc).split(';')[0]}") from None
    problem = _check_tree(value)
    if problem:
        raise InputError(f"invalid JSON: {problem}")
    return value


def read_toml(path: str, *, option: str | None = None) -> dict[str, Any]:
    """Read a TOML file (``-``: standard input) with the limits above.

    Raises :class:`InputError` naming the file for every problem: unreadable, too large,
    not UTF-8, invalid TOML, too deep, a NUL in a string.
    """
    source = "<stdin>" if path == "-" else path
    return parse_toml(read_bytes(path, option=option), source)


def parse_toml(data: bytes | str, source: str) -> dict[str, Any]:
    """Parse a TOML document read by other means (a package's data file as bytes, a form
    field as text) with the limits above; ``source`` names it in every :class:`InputError`."""
    import tomllib

    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    if len(data) > MAX_FILE_BYTES:
        raise InputError(f"larger than {_size(MAX_FILE_BYTES)}: not read", source=source)
    text = decode_utf8(data, source)
    try:
        parsed = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"invalid TOML: {exc}", source=source) from None
    except RecursionError:
        raise InputError(
            f"invalid TOML: nested deeper than {MAX_DEPTH} levels", source=source
        ) from None
    except ValueError:
        # tomllib lets int()'s own error through for an integer of over 4,300 digits
        # (sys.get_int_max_str_digits(); CPython 3.11-3.13): a plain ValueError, not a
        # TOMLDecodeError, and with no line.
        raise InputError(
            f"invalid TOML: an integer of more than {sys.get_int_max_str_digits():,} digits",
            source=source,
        ) from None
    problem = _check_tree(parsed)
    if problem:
        raise InputError(f"invalid TOML: {problem}", source=source)
    return parsed


# -- JSON lines ---------------------------------------------------------------------------
@attrs.frozen
class JsonItem:
    """One record of a JSON input: where it is (``FILE:LINE`` or ``FILE[INDEX]``), its line
    (``None`` inside an array), and its parsed value or the :class:`InputError` naming why
    it was refused."""

    where: str
    line: int | None
    value: Any
    error: InputError | None = None


class JsonLines:
    """The records of a JSON input: one JSON document (an object, or an array of objects)
    or a JSON-lines stream, read lazily. The one reader of JSON records, with one set of
    rules: ``mfs journal add`` and ``mfs route`` read through it.

    Iterating yields :class:`JsonItem` objects in input order; afterwards
    :attr:`single_document` says whether the input was one document rather than lines, and
    :attr:`array` whether that document was an array (its items are ``FILE[INDEX]``).
    ``max_total`` bounds the bytes read (``None``: no bound, for streams of any length; a
    stream over the bound ends with an error item naming where reading stopped).

    Reading takes what the stream has (``read1``, up to 64 KiB; ``read`` when it has no
    ``read1``), so a line that came down a pipe is yielded without waiting for more input
    (review 15f, M4: ``read(65536)`` waited for 64 KiB or the end). ``before_read`` is
    called before each read (``mfs route`` flushes its output there, so each answer is out
    before the reader waits). With ``lines_first``, a first line that is a JSON object on
    its own is line 1 of JSON lines at once, not held until the next line tells a single
    document from a stream (for a pipe kept open: :func:`waits_for_input`).
    """

    def __init__(
        self,
        stream: BinaryInput,
        source: str,
        *,
        max_total: int | None = None,
        before_read: Callable[[], object] | None = None,
        lines_first: bool = False,
    ) -> None:
        self._stream = stream
        # What is there, not ``read(n)``: a BufferedReader's read(n) waits for n bytes.
        self._read_some: Callable[[int], bytes] = getattr(stream, "read1", stream.read)
        self._before_read = before_read
        self._lines_first = lines_first
        self.source = source
        self._max_total = max_total
        self._read = 0
        self._pending = b""  # bytes read ahead of the current line
        self._eof = False
        self.single_document = False
        self.array = False

    # -- raw lines --------------------------------------------------------------------
    def _fill(self) -> bool:
        if self._eof:
            return False
        want = _CHUNK
        if self._max_total is not None:
            want = min(want, self._max_total + 1 - self._read)
        if want <= 0:
            chunk = b""
        else:
            if self._before_read is not None:
                self._before_read()
            chunk = self._read_some(want)
        if not chunk:
            self._eof = True
            return False
        self._read += len(chunk)
        self._pending += chunk
        return True

    def _over_total(self) -> bool:
        return self._max_total is not None and self._read > self._max_total

    def _raw_lines(self) -> Iterator[tuple[int, bytes | InputError]]:
        """(line number, bytes of the line without its end, or why it is refused)."""
        number = 0
        first = True
        while True:
            end = self._pending.find(b"\n")
            while end == -1 and len(self._pending) <= MAX_LINE_BYTES and self._fill():
                end = self._pending.find(b"\n", max(0, len(self._pending) - _CHUNK - 1))
            if end == -1 and self._over_total():
                number += 1
                yield (
                    number,
                    InputError(
                        f"larger than {_size(self._max_total or 0)}: not read from this line on"
                    ),
                )
                return
            if end == -1 and len(self._pending) > MAX_LINE_BYTES:
                number += 1
                if not self._skip_line():
                    yield (
                        number,
                        InputError(
                            f"no line break in more than {_size(MAX_FILE_BYTES)}: not JSON lines, "
                            "not read from this line on"
                        ),
                    )
                    return
                yield number, InputError(f"line longer than {_size(MAX_LINE_BYTES)}")
                continue
            if end == -1:
                if not self._pending:
                    return
                line, self._pending = self._pending, b""
            else:
                line, self._pending = self._pending[:end], self._pending[end + 1 :]
            number += 1
            if first and line.startswith(BOM):
                line = line[len(BOM) :]
            first = False
            if len(line) > MAX_LINE_BYTES:
                yield number, InputError(f"line longer than {_size(MAX_LINE_BYTES)}")
                continue
            yield number, line.removesuffix(b"\r")

    def _skip_line(self) -> bool:
        """Drop the current over-long line; False when no line break comes in time."""
        skipped = 0
        while True:
            end = self._pending.find(b"\n")
            if end != -1:
                self._pending = self._pending[end + 1 :]
                return True
            skipped += len(self._pending)
            self._pending = b""
            if skipped > MAX_FILE_BYTES or not self._fill():
                return skipped <= MAX_FILE_BYTES and self._eof

    # -- records ------------------------------------------------------------------------
    def _item(self, number: int, raw: bytes | InputError) -> JsonItem:
        where = f"{self.source}:{number}"
        if isinstance(raw, InputError):
            return JsonItem(where, number, None, raw)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            error = InputError(
                f"expected UTF-8 text, got byte 0x{raw[exc.start]:02x} at column {exc.start + 1}"
            )
            return JsonItem(where, number, None, error)
        try:
            return JsonItem(where, number, parse_json(text))
        except InputError as error:
            return JsonItem(where, number, None, error)

    def __iter__(self) -> Iterator[JsonItem]:
        lines = self._raw_lines()
        first: JsonItem | None = None
        buffered = _HeldLines()
        for number, raw in lines:
            if isinstance(raw, bytes) and not raw.strip():
                continue
            first = self._item(number, raw)
            if self._lines_first and first.error is None and isinstance(first.value, dict):
                # A stream kept open: line 1 now, not after line 2 (or the end) arrives.
                yield first
                yield from self._rest(lines)
                return
            if first.error is None or isinstance(raw, InputError):
                break
            # Not a complete document on its own line: maybe one document over several
            # lines (pretty-printed JSON). Read it whole, within the file limit.
            whole = self._whole_document(number, raw, lines, buffered)
            if whole is not None:
                yield from whole
                return
            break
        if first is None:
            return
        if buffered:  # the lines read while looking for a whole document, one by one
            yield first
            for number, raw in buffered.lines():
                if isinstance(raw, InputError) or raw.strip():
                    yield self._item(number, raw)
            yield from self._rest(lines)
            return
        rest = self._rest(lines)
        second = next(rest, None)
        if second is None and first.error is None:
            yield from self._document(first)
            return
        yield first
        if second is not None:
            yield second
            yield from rest

    def _rest(self, lines: Iterator[tuple[int, bytes | InputError]]) -> Iterator[JsonItem]:
        for number, raw in lines:
            if isinstance(raw, InputError) or raw.strip():
                yield self._item(number, raw)

    def _document(self, item: JsonItem) -> Iterator[JsonItem]:
        """The one record of a single-document input, or each object of an array."""
        self.single_document = True
        if isinstance(item.value, list):
            self.array = True
            for index, value in enumerate(item.value):
                yield JsonItem(f"{self.source}[{index}]", None, value)
            return
        yield item

    def _whole_document(
        self,
        number: int,
        raw: bytes,
        lines: Iterator[tuple[int, bytes | InputError]],
        buffered: _HeldLines,
    ) -> list[JsonItem] | None:
        """Read on from a first line that does not parse alone; if the lines read form one
        JSON document, its records; else None, with the lines read left in ``buffered``.

        Reading on stops as soon as two lines in a row (blank lines aside) each parse
        alone as a JSON object: no JSON document holds two values with only white space
        between them, so the input is JSON lines with a bad first line, and memory stays
        that of a few lines rather than :data:`MAX_FILE_BYTES` of them."""
        if not raw.lstrip().startswith((b"{", b"[")):
            return None
        whole_lines = 0  # lines in a row that parse alone as an object
        for later, line in lines:
            buffered.append(later, line)
            if isinstance(line, InputError):
                return None
            if line.strip():
                whole_lines = whole_lines + 1 if _object_alone(line) else 0
                if whole_lines == 2:
                    return None
            if len(raw) + 1 + buffered.size > MAX_FILE_BYTES:
                return None
        try:
            value = parse_json((raw + b"\n" + buffered.text()).decode("utf-8"))
        except (InputError, UnicodeDecodeError):
            return None
        buffered.clear()
        return list(self._document(JsonItem(f"{self.source}:{number}", number, value)))


class _HeldLines:
    """The consecutive lines read while looking for a whole document, held as one byte
    string (a line cannot hold a line break): about a byte of memory for a byte of input,
    where a list of numbered lines cost a hundred for short lines (a first line ``[``
    followed by a million lines that are not objects)."""

    def __init__(self) -> None:
        self._text = bytearray()
        self._first = 0  # number of the first line held
        self._count = 0
        self._error: tuple[int, InputError] | None = None  # the line that stopped reading

    def append(self, number: int, line: bytes | InputError) -> None:
        if isinstance(line, InputError):
            self._error = (number, line)
            return
        if not self._count:
            self._first = number
        else:
            self._text += b"\n"
        self._text += line
        self._count += 1

    @property
    def size(self) -> int:
        return len(self._text)

    def text(self) -> bytes:
        return bytes(self._text)

    def lines(self) -> Iterator[tuple[int, bytes | InputError]]:
        if self._count:
            for offset, line in enumerate(bytes(self._text).split(b"\n")):
                yield self._first + offset, line
        if self._error is not None:
            yield self._error

    def clear(self) -> None:
        self.__init__()  # type: ignore[misc]

    def __bool__(self) -> bool:
        return bool(self._count or self._error)


def _object_alone(line: bytes) -> bool:
    """``line`` is one JSON object on its own (checked only when it looks like one)."""
    text = line.strip()
    if not (text.startswith(b"{") and text.endswith(b"}")):
        return False
    try:
        return isinstance(json.loads(text), dict)
    except (ValueError, RecursionError):  # not JSON, not UTF-8, or nested too deep
        return False


# -- dates --------------------------------------------------------------------------------
#: The dates every command accepts, far from the ends of Python's calendar (years 1 to
#: 9999) so that moving to UTC or to the next week or month never overflows. A sanity
#: range, not a rule of France services.
EARLIEST_DATE = dt.date(1900, 1, 1)
LATEST_DATE = dt.date(9998, 12, 31)
DATE_RANGE = f"between {EARLIEST_DATE.isoformat()} and {LATEST_DATE.isoformat()}"


def date_problem(value: dt.date | dt.datetime) -> str | None:
    """Why ``value`` is outside the accepted range (None when it is inside)."""
    day = value.date() if isinstance(value, dt.datetime) else value
    if EARLIEST_DATE <= day <= LATEST_DATE:
        return None
    return f"expected a date {DATE_RANGE}"


def aware_datetime(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """The one attrs validator of the date-time fields read at an edge (journal records,
    routing requests and contexts): aware (with its UTC offset) and within
    :data:`DATE_RANGE`, in UTC too (``0001-01-01T00:00+14:00`` is a day before the calendar
    starts). ``None`` passes (an optional field). Raises :class:`ValueError` naming the
    field, never quoting the value.
    """
    if value is None:
        return
    if problem := datetime_problem(value):
        raise ValueError(f"{attribute.name}: {problem}")


def datetime_problem(value: dt.datetime) -> str | None:
    """Why ``value`` is not an aware date-time within :data:`DATE_RANGE`, locally and in
    UTC (None when it is one): the check of :func:`aware_datetime`, for a value in a list."""
    offset = value.utcoffset()
    if offset is None:
        return "expected a date-time with its UTC offset"
    return date_problem(value) or date_problem(value.replace(tzinfo=None) - offset)


def parse_date(text: str, option: str, *, echo: bool = True) -> dt.date:
    """A ``YYYY-MM-DD`` option value within the accepted range; :class:`InputError` else,
    quoting ``text`` unless ``echo`` is false (a query parameter of ``mfs serve``, which
    may be anything a client sent: a phone number in ``?since=``)."""
    try:
        day = dt.date.fromisoformat(text) if _ISO_DAY.match(text) else None
    except ValueError:
        day = None
    if day is None:
        got = f", got {text[:40]!r}" if echo else ""
        raise InputError(f"{option}: expected a date YYYY-MM-DD{got}")
    if problem := date_problem(day):
        raise InputError(f"{option}: {problem}" + (f", got {text}" if echo else ""))
    return day


_ISO_DAY = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", re.ASCII)
