"""Find the line of a site file where a finding's field is written, or where an unreadable
file or row is (for SARIF, GitHub, JUnit)."""

from __future__ import annotations

import contextlib
import contextvars
import functools
import re
from collections.abc import Iterator, Mapping
from pathlib import Path

from mfs_core.compliance.report import Unreadable, UnreadableFile

#: Largest file searched for a line: a site file (a few kilobytes) is far under it.
_MAX_SITE_BYTES = 1024 * 1024


#: The texts of the sources being reported, when they are no files (``mfs serve``'s
#: ``POST /check``: the site file is the request's body, named ``body``): while set, no
#: source is read from disk (a file named ``body`` in the server's directory was, review
#: 16c).
_GIVEN: contextvars.ContextVar[Mapping[str, str] | None] = contextvars.ContextVar(
    "given_texts", default=None
)


@contextlib.contextmanager
def given_texts(texts: Mapping[str, str]) -> Iterator[None]:
    """Within it, the lines of a finding are looked for in ``texts`` (source → its text,
    TOML; a source not in it has none), never in a file."""
    token = _GIVEN.set(texts)
    try:
        yield
    finally:
        _GIVEN.reset(token)


def _lines(source: str) -> tuple[str, ...]:
    """The lines of ``source``: its given text (:func:`given_texts`), else its file's."""
    given = _GIVEN.get()
    if given is None:
        return _file_lines(source)
    return _toml_lines(given.get(source, ""))


def _toml_lines(text: str) -> tuple[str, ...]:
    """The lines of ``text`` when it is a TOML document, else none."""
    import tomllib

    if len(text) > _MAX_SITE_BYTES:
        return ()
    try:
        tomllib.loads(text)
    except (ValueError, RecursionError):  # TOMLDecodeError is a ValueError
        return ()
    return tuple(text.splitlines())


@functools.lru_cache(maxsize=256)
def _file_lines(source: str) -> tuple[str, ...]:
    """The lines of ``source`` when it is a site file (a TOML document), else none.

    An ANCT list (CSV) is no site file: its findings have no line here. Searched as TOML,
    every finding scanned the whole list (the time grew as rows x findings: 12 of 13 s
    for a SARIF of 4,000 rows) and a cell holding « hours = … » was taken for a key,
    pointing another site's finding at it (review 15c)."""
    try:
        path = Path(source)
        if path.stat().st_size > _MAX_SITE_BYTES:
            return ()
        text = path.read_text(encoding="utf-8")
    except (OSError, ValueError):  # UnicodeDecodeError is a ValueError
        return ()
    return _toml_lines(text)


def place_of(unread: Unreadable) -> tuple[int | None, int | None]:
    """The 1-based line and column of an unreadable row or file, each None when unknown:
    a site file's own (a TOML or UTF-8 error), else the line of the field at fault."""
    if unread.line is not None or not isinstance(unread, UnreadableFile):
        return unread.line, unread.column
    return line_of(unread.source, unread.field), None


def line_of(source: str, field: str | None) -> int | None:
    """1-based line of the top-level key of ``field`` (``agents[1].x`` -> ``[[agents]]``).

    For a list of tables the n-th ``[[key]]`` header is returned; None when not found.
    """
    if not source or not field:
        return None
    match = re.match(r"([A-Za-z_]+)(?:\[(\d+)\])?", field)
    if not match:
        return None
    key, index = match[1], int(match[2]) if match[2] else 0
    pattern = re.compile(rf"^\s*(?:{key}\s*=|\[\[?\s*{key}\s*[\].])")
    seen = 0
    for number, line in enumerate(_lines(source), start=1):
        if pattern.match(line):
            if seen == index:
                return number
            seen += 1
    return None
