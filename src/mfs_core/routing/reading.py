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
from collections.abc import Callable, Iterator
from typing import Any

import attrs

from mfs_core.converter import json_kind, structure
from mfs_core.errors import InputError
from mfs_core.inputs import MAX_FILE_BYTES, BinaryInput, JsonLines, parse_json
from mfs_core.routing.context import SiteContext, modernised
from mfs_core.routing.request import Request

__all__ = ["ParsedRequests", "RequestStream", "parse_context", "parse_requests", "read_requests"]


@attrs.frozen
class ParsedRequests:
    """The requests read (with their line number in a stream, ``None`` for a single
    document) and one error line per bad request."""

    requests: tuple[tuple[int | None, Request], ...]
    errors: tuple[str, ...]
    stream: bool


def _object(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InputError(f"expected a JSON object, got {json_kind(value)}", source=where)
    return value


def parse_requests(text: str, source: str) -> ParsedRequests:
    """Read one request or a JSONL stream of requests from ``text`` (read from ``source``)."""
    return read_requests(io.BytesIO(text.encode("utf-8", "surrogatepass")), source)


class RequestStream:
    """The requests of a binary ``stream`` read lazily, one line at a time (memory stays
    that of one line, whatever the input's length): iterating yields ``(line, request,
    problems)``, the request ``None`` when the line is bad (``problems`` then names file,
    line and field). ``line`` is ``None`` for a single JSON document, whose problems name
    the file only; :attr:`single` says which, from the first item on.

    Reading goes through :class:`mfs_core.inputs.JsonLines` (UTF-8, each line on its own,
    line and depth limits; ``max_total`` bounds the bytes read, ``None`` for none;
    ``before_read`` and ``lines_first`` as there: answering each line of a pipe at once).
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
        self._lines = JsonLines(
            stream, source, max_total=max_total, before_read=before_read, lines_first=lines_first
        )
        self.source = source

    @property
    def single(self) -> bool:
        """The input is one JSON object rather than JSON lines or an array (whose items
        are named ``FILE[INDEX]``)."""
        return self._lines.single_document and not self._lines.array

    def __iter__(self) -> Iterator[tuple[int | None, Request | None, tuple[str, ...]]]:
        empty = True
        for item in self._lines:
            empty = False
            single = self.single  # known from the first item on
            where = self.source if single else item.where
            line = None if single else item.line
            try:
                if item.error is not None:
                    raise InputError(item.error.problems, source=where)
                data = _object(item.value, where)
                yield line, structure(data, Request, source=where, echo_values=False), ()
            except InputError as exc:
                yield line, None, tuple(exc.problems)
        if empty:
            problem = (
                f"{self.source}: no request found (expected a JSON object, an array of them "
                "or JSON lines)"
            )
            yield None, None, (problem,)


def read_requests(
    stream: BinaryInput, source: str, *, max_total: int | None = MAX_FILE_BYTES
) -> ParsedRequests:
    """Read one request or a JSONL stream of requests from a binary ``stream``, all at once
    (:class:`RequestStream` reads them one at a time)."""
    reader = RequestStream(stream, source, max_total=max_total)
    requests: list[tuple[int | None, Request]] = []
    errors: list[str] = []
    for line, request, problems in reader:
        if request is not None:
            requests.append((line, request))
        errors.extend(problems)
    return ParsedRequests(tuple(requests), tuple(errors), not reader.single)


def parse_context(text: str, source: str) -> SiteContext:
    """Read a site context (one JSON object) or raise :class:`InputError`."""
    try:
        value = parse_json(text)
    except InputError as exc:
        raise InputError(exc.problems, source=source) from None
    return structure(modernised(_object(value, source), source), SiteContext, source=source)
