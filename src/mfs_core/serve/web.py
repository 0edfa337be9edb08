"""Small helpers every handler uses: JSON responses, content negotiation, query
parameters, authorisation, and running library code off the event loop."""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import json
from collections.abc import AsyncIterator, Callable, Generator
from typing import TYPE_CHECKING, Any, TypeVar

import anyio
import anyio.from_thread
import anyio.to_thread
from starlette.responses import Response

from mfs_core.errors import InputError
from mfs_core.serve.auth import ApiToken, Role
from mfs_core.serve.problems import Problem

if TYPE_CHECKING:
    from starlette.requests import Request

    from mfs_core.serve.service import Service

__all__ = [
    "authorize",
    "bool_param",
    "date_param",
    "json_response",
    "negotiate",
    "service_of",
    "stream_from_thread",
    "threaded",
]

T = TypeVar("T")

#: Headers of every response: no sniffing, no referrer (a page URL may carry an id).
BASE_HEADERS = {"x-content-type-options": "nosniff", "referrer-policy": "no-referrer"}
#: Headers of responses holding journal data: never kept by a cache.
PRIVATE = {"cache-control": "no-store"}


def service_of(request: Request) -> Service:
    """The :class:`Service` of the application serving ``request``."""
    service: Service = request.app.state.service
    return service


def json_response(
    data: Any,
    status: int = 200,
    media_type: str = "application/json",
    headers: dict[str, str] | None = None,
) -> Response:
    """``data`` as UTF-8 JSON (French text readable, not ``\\u``-escaped)."""
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return Response(body, status, headers, media_type)


def _accepted(header: str) -> tuple[list[tuple[float, int, str]], set[str]]:
    """The media ranges of an ``Accept`` header, best first (quality, then order), and
    the media types it refuses (``q=0``: RFC 9110 §12.4.2, "not acceptable")."""
    ranges, refused = [], set()
    for position, part in enumerate(header.split(",")):
        fields = [f.strip() for f in part.split(";")]
        quality = 1.0
        for parameter in fields[1:]:
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = min(float(value), 1.0)
                except ValueError:
                    quality = 0.0
        if not fields[0]:
            continue
        if quality > 0:
            ranges.append((-quality, position, fields[0].lower()))
        else:
            refused.add(fields[0].lower())
    return sorted(ranges), refused


def negotiate(request: Request, offers: dict[str, str], *, query: str = "format") -> str:
    """The format to answer in: the ``format`` query parameter if given (one of the
    ``offers`` values), else the first media type of ``Accept`` (by quality) that
    ``offers`` maps to a format, ``*/*`` and ``type/*`` included but never a media type
    the header refuses with ``q=0``; the first offer when there is no ``Accept``. 406
    when nothing fits, 400 for an unknown ``format``."""
    formats = list(dict.fromkeys(offers.values()))
    asked = request.query_params.get(query)
    if asked is not None:
        if asked not in formats:
            raise Problem(
                "bad-request",
                f"Paramètre {query} : valeurs possibles {', '.join(formats)}.",
                errors=[{"field": query, "detail": f"expected one of {', '.join(formats)}"}],
            )
        return asked
    header = request.headers.get("accept", "").strip()
    if not header:
        return formats[0]
    ranges, refused = _accepted(header)
    for _, _, media in ranges:
        if media.endswith("/*"):  # */* or type/*: the first offer it covers not refused
            for offer, fmt in offers.items():
                if (media == "*/*" or offer.startswith(media[:-1])) and offer not in refused:
                    return fmt
        elif media in offers:
            return offers[media]
    raise Problem(
        "not-acceptable",
        f"Formats disponibles : {', '.join(offers)}.",
        available=list(offers),
    )


def bool_param(request: Request, name: str, default: bool = False) -> bool:
    """A ``true``/``false`` (or ``1``/``0``) query parameter; 400 otherwise."""
    value = request.query_params.get(name)
    if value is None:
        return default
    if value.lower() in ("true", "1"):
        return True
    if value.lower() in ("false", "0"):
        return False
    raise Problem(
        "bad-request",
        f"Paramètre {name} : attendu true ou false.",
        errors=[{"field": name, "detail": "expected true or false"}],
    )


def date_param(request: Request, name: str) -> dt.date | None:
    """A ``YYYY-MM-DD`` query parameter (:func:`mfs_core.inputs.parse_date`); 400 otherwise."""
    from mfs_core.inputs import EARLIEST_DATE, LATEST_DATE, parse_date

    value = request.query_params.get(name)
    if value is None:
        return None
    try:
        return parse_date(value, name, echo=False)  # a value never shown (docs/http.md)
    except InputError as exc:
        raise Problem(
            "bad-request",
            f"Paramètre {name} : attendu une date AAAA-MM-JJ, de {EARLIEST_DATE} à {LATEST_DATE}.",
            errors=[{"field": name, "detail": str(exc).removeprefix(f"{name}: ")}],
        ) from None


def _presented(request: Request, basic: bool) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, credentials = header.partition(" ")
    if scheme.lower() == "bearer" and credentials.strip():
        return credentials.strip()
    if basic and scheme.lower() == "basic":
        try:  # the desk page: the browser's own login dialog, password = the token
            decoded = base64.b64decode(credentials.strip(), validate=True).decode("utf-8")
        except (ValueError, UnicodeDecodeError):
            return None
        return decoded.partition(":")[2] or None
    return None


def authorize(request: Request, needed: Role | None, *, basic: bool = False) -> ApiToken | None:
    """Check the request may do what needs ``needed`` (``None``: reading).

    Reading is open when the service says so (loopback by default); otherwise, and for any
    role, a valid token is required: 401 without one or with an unknown one, 403 when its
    role or site does not allow the operation. ``basic`` also accepts the token as the
    password of HTTP Basic authentication (the desk page, which works without JavaScript).
    """
    service = service_of(request)
    if needed is None and service.open_read:
        return None
    challenge = 'Basic realm="mfs-core", charset="UTF-8"' if basic else 'Bearer realm="mfs-core"'
    presented = _presented(request, basic)
    token = service.tokens.match(presented) if presented else None
    if token is None:
        detail = (
            "Jeton d'accès inconnu."
            if presented
            else "Cette opération demande un jeton d'accès (en-tête Authorization: Bearer)."
        )
        raise Problem("unauthorized", detail, headers={"www-authenticate": challenge})
    request.state.site = token.site  # for the access log: which counter did it
    if needed is not None and not token.role.may(needed):
        raise Problem(
            "forbidden", f"Ce jeton (rôle {token.role.value}) ne permet pas cette opération."
        )
    site = service.settings.api_site_id
    if needed is not None and site is not None and token.site != site:
        raise Problem("forbidden", "Ce jeton appartient à un autre site France services.")
    return token


async def threaded(function: Callable[..., T], *args: Any) -> T:
    """Run library code in a worker thread: the event loop stays free, and plugin calls
    are guarded by :mod:`mfs_core.isolation`'s thread method, not by signals on the loop's
    thread."""
    return await anyio.to_thread.run_sync(function, *args)


async def stream_from_thread(
    produce: Callable[[], Generator[str, None, None]],
) -> AsyncIterator[bytes]:
    """Iterate ``produce()`` in *one* worker thread (a journal connection stays on the
    thread that opened it) and yield its chunks, encoded, as they come, with backpressure:
    the thread waits while the client is slow, and stops when the client goes away."""
    send, receive = anyio.create_memory_object_stream[bytes | Exception](16)

    def run() -> None:
        try:
            with contextlib.closing(produce()) as chunks:
                for chunk in chunks:
                    anyio.from_thread.run(send.send, chunk.encode("utf-8"))
        except (anyio.BrokenResourceError, anyio.ClosedResourceError):
            return  # the client went away: stop reading
        except Exception as exc:  # handed to the response below, re-raised there
            with contextlib.suppress(anyio.BrokenResourceError, anyio.ClosedResourceError):
                anyio.from_thread.run(send.send, exc)
        finally:
            anyio.from_thread.run(send.aclose)

    async with anyio.create_task_group() as group:
        group.start_soon(anyio.to_thread.run_sync, run)
        async with receive:
            async for item in receive:
                if isinstance(item, Exception):
                    raise item
                yield item
