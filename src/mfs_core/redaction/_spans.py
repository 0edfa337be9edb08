"""A piece of personal data found in a note: where it is and what it is (never its value)."""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["Span"]


class Span(NamedTuple):
    """``text[start:end]`` is personal data of ``kind``; ``suspected`` when it has the shape
    of an identifier without a checksum confirming it (a typo, a NIR without its key).
    ``context`` when words before it said what it is (``n° fiscal``): that beats a guess
    from the shape alone when two findings overlap."""

    start: int
    end: int
    kind: str
    suspected: bool = False
    context: bool = False
