"""Request bodies: read within a size limit, checked for their media type, parsed through
:mod:`mfs_core.inputs` (UTF-8, depth limit, no ``NaN``, no key given twice...).

Limits: a single JSON or TOML document (a request, a site file, a form) is at most
:data:`~mfs_core.inputs.MAX_LINE_BYTES` (1 MiB); a JSON-lines stream at most the setting
``api_max_body_bytes`` (16 MiB by default), each of its lines at most 1 MiB. A body over its
limit is refused (413) from its ``Content-Length``, or as soon as the bytes read pass it:
it is never read to its end. A body must also arrive whole within the setting
``api_body_timeout_seconds`` (60 s by default): a client that stops sending half-way is
answered 408 and its connection closed, instead of holding it open for ever (a slow-body
attack). uvicorn puts no limit on the time a request's headers take: on an address other
than the loopback one, a reverse proxy does (docs/http.md, « Deployment »).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mfs_core.errors import InputError
from mfs_core.inputs import MAX_LINE_BYTES, decode_utf8, parse_json
from mfs_core.serve.problems import Problem, problem_errors

if TYPE_CHECKING:
    from starlette.requests import Request

__all__ = [
    "SOURCE",
    "media_type",
    "parse_document",
    "read_body",
    "refuse_large_document",
    "require_media_type",
]

#: How the body is named in problems (``body:3: channel: ...``).
SOURCE = "body"


def _size(limit: int) -> str:
    """``1 Mio``, ``64 Kio``, ``1 500 octets``: a byte count as French writes it (its
    thousands with a narrow no-break space, as every French number of the project)."""
    from mfs_core.french import decimal

    for unit, name in ((1024 * 1024, "Mio"), (1024, "Kio")):
        if limit >= unit and limit % unit == 0:
            return f"{decimal(limit // unit)} {name}"
    return f"{decimal(limit)} octets"


def media_type(request: Request) -> str:
    """The body's media type, lower case, without parameters (``""`` when not given)."""
    return request.headers.get("content-type", "").split(";", 1)[0].strip().lower()


def require_media_type(request: Request, accepted: tuple[str, ...]) -> str:
    """The body's media type if it is one of ``accepted`` (else 415). A missing type is
    taken as the first."""
    kind = media_type(request) or accepted[0]
    if kind not in accepted:
        raise Problem(
            "unsupported-media-type",
            f"Le corps doit être de type {' ou '.join(accepted)}.",
            accepted=list(accepted),
        )
    return kind


def _too_large(limit: int, what: str = "Le corps de la requête") -> Problem:
    return Problem("too-large", f"{what} dépasse {_size(limit)}.", limit_bytes=limit)


def refuse_large_document(body: bytes) -> None:
    """413 when a JSON-lines body opens with a line over 1 MiB: it is one JSON document
    (an object or an array) over the limit of a document, not a stream with one bad line.
    A later line over 1 MiB is refused on its own, beside the good ones. The answer names
    the line's limit, not the body's (which the body was within)."""
    first = body.find(b"\n")
    if (first if first != -1 else len(body)) > MAX_LINE_BYTES:
        raise _too_large(MAX_LINE_BYTES, "La première ligne du corps (un document JSON)")


async def read_body(request: Request, limit: int = MAX_LINE_BYTES) -> bytes:
    """The body, at most ``limit`` bytes (413 beyond, without reading it to the end),
    arrived whole within the service's ``api_body_timeout_seconds`` (408 after)."""
    import anyio

    too_large = _too_large(limit)
    declared = request.headers.get("content-length")
    if declared is not None and declared.isascii() and declared.isdigit() and int(declared) > limit:
        raise too_large
    seconds: float = request.app.state.service.settings.api_body_timeout_seconds
    parts: list[bytes] = []
    size = 0
    try:
        with anyio.fail_after(seconds):
            async for chunk in request.stream():
                size += len(chunk)
                if size > limit:
                    raise too_large
                parts.append(chunk)
    except TimeoutError:
        raise Problem(
            "request-timeout",
            f"Le corps de la requête n'est pas arrivé en entier en {seconds:g} s.",
            limit_seconds=seconds,
        ) from None
    return b"".join(parts)


def parse_document(body: bytes, kind: str = "application/json") -> Any:
    """One JSON (or, for ``application/toml``, TOML) document from a body, or a 400
    problem naming what is wrong."""
    if not body.strip():
        raise Problem("invalid-json", "Le corps de la requête est vide.")
    try:
        text = decode_utf8(body, SOURCE)
        if kind == "application/toml":
            from mfs_core.inputs import parse_toml

            return parse_toml(text, SOURCE)
        try:
            return parse_json(text)
        except InputError as exc:
            raise InputError(exc.problems, source=SOURCE) from None
    except InputError as exc:
        what = "TOML" if kind == "application/toml" else "JSON"
        raise Problem(
            "invalid-json",
            f"Le corps de la requête n'est pas un document {what} valide.",
            errors=problem_errors(exc.problems),
        ) from None
