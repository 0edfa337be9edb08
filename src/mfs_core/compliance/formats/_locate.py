"""Find the line of a site file where a finding's field is written (for SARIF, GitHub)."""

from __future__ import annotations

import functools
import re
from pathlib import Path


@functools.lru_cache(maxsize=256)
def _lines(source: str) -> tuple[str, ...]:
    try:
        return tuple(Path(source).read_text(encoding="utf-8").splitlines())
    except (OSError, UnicodeDecodeError):
        return ()


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
