"""Reading requests and contexts from JSON text, with errors that name file, line and field.

A request document is one JSON object (possibly spread over several lines), an array of
them, or a JSONL stream: one object per line, blank lines ignored (the rules of
:class:`mfs_core.inputs.JsonLines`, the one reader of JSON records). Every bad line is
reported — not only the first — so that nothing a user gave is silently lost; the good lines
are still returned.
Reading goes through :mod:`mfs_core.inputs`: UTF-8 with or without a byte order mark, size
and depth limits, and a bad byte or a bad line never spoils the others.
"""

from __future__ import annotations

import io
from typing import Any

import attrs

from mfs_core.converter import structure
from mfs_core.errors import InputError
from mfs_core.inputs import MAX_FILE_BYTES, BinaryInput, JsonLines, parse_json
from mfs_core.routing.context import SiteContext
from mfs_core.routing.request import Request

__all__ = ["ParsedRequests", "parse_context", "parse_requests", "read_requests"]


@attrs.frozen
class ParsedRequests:
    """The requests read (with their line number in a stream, ``None`` for a single
    document) and one error line per bad request."""

    requests: tuple[tuple[int | None, Request], ...]
    errors: tuple[str, ...]
    stream: bool


def _object(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InputError(f"expected a JSON object, got {type(value).__name__}", source=where)
    return value


def parse_requests(text: str, source: str) -> ParsedRequests:
    """Read one request or a JSONL stream of requests from ``text`` (read from ``source``)."""
    return read_requests(io.BytesIO(text.encode("utf-8", "surrogatepass")), source)


def read_requests(
    stream: BinaryInput, source: str, *, max_total: int | None = MAX_FILE_BYTES
) -> ParsedRequests:
    """Read one request or a JSONL stream of requests from a binary ``stream``, through
    :class:`mfs_core.inputs.JsonLines` (UTF-8, each line on its own, size and depth
    limits)."""
    lines = JsonLines(stream, source, max_total=max_total)
    items = list(lines)
    # One JSON object: no line numbers in what is said; an array is a stream of requests.
    single = lines.single_document and not lines.array
    requests: list[tuple[int | None, Request]] = []
    errors: list[str] = []
    for item in items:
        where = source if single else item.where
        try:
            if item.error is not None:
                raise InputError(item.error.problems, source=where)
            data = _object(item.value, where)
            requests.append((None if single else item.line, structure(data, Request, source=where)))
        except InputError as exc:
            errors.extend(exc.problems)
    if not requests and not errors:
        errors.append(
            f"{source}: no request found (expected a JSON object, an array of them or JSON lines)"
        )
    return ParsedRequests(tuple(requests), tuple(errors), not single)


def parse_context(text: str, source: str) -> SiteContext:
    """Read a site context (one JSON object) or raise :class:`InputError`."""
    try:
        value = parse_json(text)
    except InputError as exc:
        raise InputError(exc.problems, source=source) from None
    return structure(_object(value, source), SiteContext, source=source)
