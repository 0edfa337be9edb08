"""Find the line of a site file where a finding's field is written, or where an unreadable
file or row is (for SARIF, GitHub, JUnit)."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from mfs_core.compliance.report import Unreadable, UnreadableFile

#: Largest file searched for a line: a site file (a few kilobytes) is far under it.
_MAX_SITE_BYTES = 1024 * 1024


@functools.lru_cache(maxsize=256)
def _lines(source: str) -> tuple[str, ...]:
    """The lines of ``source`` when it is a site file (a TOML document), else none.

    An ANCT list (CSV) is no site file: its findings have no line here. Searched as TOML,
    every finding scanned the whole list (the time grew as rows x findings: 12 of 13 s
    for a SARIF of 4,000 rows) and a cell holding « hours = … » was taken for a key,
    pointing another site's finding at it (review 15c)."""
    import tomllib

    try:
        path = Path(source)
        if path.stat().st_size > _MAX_SITE_BYTES:
            return ()
        text = path.read_text(encoding="utf-8")
        tomllib.loads(text)
    except (OSError, ValueError, RecursionError):  # TOMLDecodeError, UnicodeDecodeError too
        return ()
    return tuple(text.splitlines())


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
