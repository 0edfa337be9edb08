"""Reading requests and contexts from JSON text, with errors that name file, line and field.

A request document is either one JSON object (possibly spread over several lines) or a JSONL
stream: one object per line, blank lines ignored. Every bad line is reported — not only the
first — so that nothing a user gave is silently lost; the good lines are still returned.
"""

from __future__ import annotations

import json
from typing import Any

import attrs

from mfs_core.converter import structure
from mfs_core.errors import InputError
from mfs_core.routing.context import SiteContext
from mfs_core.routing.request import Request

__all__ = ["ParsedRequests", "parse_context", "parse_requests"]


@attrs.frozen
class ParsedRequests:
    """The requests read (with their line number in a stream, ``None`` for a single
    document) and one error line per bad request."""

    requests: tuple[tuple[int | None, Request], ...]
    errors: tuple[str, ...]
    stream: bool


def _object(text: str, where: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg} (column {exc.colno})", source=where) from None
    if not isinstance(data, dict):
        raise InputError(f"expected a JSON object, got {type(data).__name__}", source=where)
    return data


def parse_requests(text: str, source: str) -> ParsedRequests:
    """Read one request or a JSONL stream of requests from ``text`` (read from ``source``)."""
    try:
        whole = json.loads(text)
    except json.JSONDecodeError:
        whole = None
    if isinstance(whole, dict):
        try:
            return ParsedRequests(((None, structure(whole, Request, source=source)),), (), False)
        except InputError as exc:
            return ParsedRequests((), tuple(exc.problems), False)
    requests: list[tuple[int | None, Request]] = []
    errors: list[str] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            requests.append((number, structure(_object(line, where), Request, source=where)))
        except InputError as exc:
            errors.extend(exc.problems)
    if not requests and not errors:
        errors.append(f"{source}: no request found (expected a JSON object or JSON lines)")
    return ParsedRequests(tuple(requests), tuple(errors), True)


def parse_context(text: str, source: str) -> SiteContext:
    """Read a site context (one JSON object) or raise :class:`InputError`."""
    return structure(_object(text, source), SiteContext, source=source)
