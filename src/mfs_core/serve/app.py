"""The ASGI application: routes, errors as problem details, access log, CORS.

``create_app(...)`` returns a Starlette application over a
:class:`~mfs_core.serve.service.Service`; ``mfs serve`` runs it under uvicorn, and a host
may mount it in its own ASGI server.
"""

from __future__ import annotations

import logging
import re
import time
import urllib.parse
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.routing import Route

from mfs_core.serve import api, desk, journal_api
from mfs_core.serve.openapi import OPERATIONS, openapi_document, query_names
from mfs_core.serve.problems import (
    ERROR_LOGGER,
    INTERNAL_ERROR,
    PROBLEM_TYPE,
    Problem,
    log_internal_error,
    shown_name,
)
from mfs_core.serve.web import BASE_HEADERS, json_response

if TYPE_CHECKING:
    from starlette.datastructures import Headers
    from starlette.types import ASGIApp, Message, Receive, Scope, Send

    from mfs_core.serve.service import Service

__all__ = ["ACCESS_LOGGER", "create_app"]

#: The access log: method, route *template*, status, duration, and the token's site. Never
#: the query string, the body, a header, or the path as typed (it may hold what a client
#: put in it by mistake): a resident's words or identifiers cannot reach it.
ACCESS_LOGGER = logging.getLogger("mfs_core.serve.access")

HANDLERS: dict[tuple[str, str], Callable[[Request], Any]] = {
    ("/health", "get"): api.health,
    ("/ready", "get"): journal_api.ready,
    ("/plugins", "get"): api.plugins,
    ("/procedures", "get"): api.procedures,
    ("/procedures/{id}", "get"): api.procedure,
    ("/procedures/{id}/sheet", "get"): desk.sheet,
    ("/recognise", "post"): api.recognise,
    ("/route", "post"): api.route,
    ("/route/batch", "post"): api.route_batch,
    ("/check", "post"): api.check,
    ("/journal/records", "post"): journal_api.records,
    ("/journal/export", "get"): journal_api.export,
    ("/reports/{month}", "get"): journal_api.report,
    ("/", "get"): desk.desk_page,
    ("/desk", "post"): desk.desk_route,
    ("/desk/record", "post"): desk.desk_record,
}


async def _openapi(request: Request) -> Response:
    return json_response(request.app.state.openapi)


HANDLERS[("/openapi.json", "get")] = _openapi


def _routes() -> list[Route]:
    if set(HANDLERS) != set(OPERATIONS):  # the contract lists every route, and only them
        missing = sorted(set(HANDLERS) ^ set(OPERATIONS))
        raise RuntimeError(f"routes and OpenAPI operations differ: {missing}")
    by_path: dict[str, dict[str, Callable[[Request], Any]]] = {}
    for (path, method), handler in HANDLERS.items():
        by_path.setdefault(path, {})[method.upper()] = handler
    routes = []
    for path, methods in by_path.items():
        accepted = {method: query_names(path, method.lower()) for method in methods}

        async def endpoint(
            request: Request, methods: Any = methods, accepted: Any = accepted, path: str = path
        ) -> Response:
            # Starlette answers HEAD on every GET route: the GET handler's answer, whose
            # body the server does not send (RFC 9110: the same headers as GET).
            method = "GET" if request.method == "HEAD" else request.method
            _require_utf8_query(request.scope.get("query_string", b""))
            if path not in _ANY_QUERY:
                _require_known_params(request, accepted[method])
            response: Response = await methods[method](request)
            return response

        routes.append(Route(path, endpoint, methods=list(methods)))
    return routes


def _require_utf8_query(query: bytes) -> None:
    """400 when a parameter of the query string is not UTF-8 once percent-decoded:
    Starlette would read ``q=%ff`` as « \ufffd » and answer as if the need were that
    (a body that is not UTF-8 is refused, the address must be too; review 14c, finding 7).
    The parameter is named when its own name is readable, its value never shown."""
    if b"%" not in query and query.isascii():
        return
    for pair in query.split(b"&"):
        name, _, value = pair.partition(b"=")
        readable = _utf8(name)
        if readable is not None and _utf8(value) is not None:
            continue
        field = readable if readable and readable.isidentifier() else "(query)"
        raise Problem(
            "bad-request",
            "Paramètres de l'adresse : attendu du texte UTF-8 (encodé en %XX).",
            errors=[{"field": field, "detail": "expected UTF-8 text, percent-encoded"}],
        )


#: Routes that answer whatever their query says: a probe or monitor may add a cache-buster
#: (``/health?_=1701…``), and a 400 there would read as the service down.
_ANY_QUERY = frozenset({"/health", "/ready"})
#: Every query parameter name of the contract (``docs/openapi.json``).
_CONTRACT_NAMES = frozenset(
    name for path, method in OPERATIONS for name in query_names(path, method)
)

#: A parameter name shown back in a problem; any other is « (query) » (it may be anything
#: a client typed, a resident's name included).
_SHOWN_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,31}")


def _require_known_params(request: Request, accepted: tuple[str, ...]) -> None:
    """400 for a query parameter the route's operation does not list (``docs/openapi.json``)
    or one given twice: it used to be ignored, silently (``GET /procedures?q=…&thematique=…``
    ranked as if no thematique were given; of ``q=A&q=B`` the last was searched). Each wrong
    parameter is named in ``errors`` (« (query) » when its name is neither a parameter of
    the contract nor a misspelling of one); no value is shown."""
    names = Counter(name for name, _ in request.query_params.multi_items())
    if not names:
        return
    unknown = [name for name in names if name not in accepted]
    if unknown:
        shown = list(
            dict.fromkeys(shown_name(n, _SHOWN_NAME, _CONTRACT_NAMES, "(query)") for n in unknown)
        )
        expected = f"expected only {', '.join(accepted)}" if accepted else "this address takes none"
        french = (
            f"paramètres acceptés : {', '.join(accepted)}"
            if accepted
            else "cette adresse n'en prend aucun"
        )
        plural = "s" if len(unknown) > 1 else ""
        listed = ", ".join(shown[:5]) + (", …" if len(shown) > 5 else "")
        raise Problem(
            "bad-request",
            f"Paramètre{plural} inconnu{plural} : {listed} ; {french}.",
            errors=[{"field": name, "detail": f"unknown parameter, {expected}"} for name in shown],
        )
    repeated = [name for name, count in names.items() if count > 1]
    if repeated:
        plural = "s" if len(repeated) > 1 else ""
        raise Problem(
            "bad-request",
            f"Paramètre{plural} donné{plural} plusieurs fois : {', '.join(repeated)}.",
            errors=[{"field": name, "detail": "given more than once"} for name in repeated],
        )


def _utf8(encoded: bytes) -> str | None:
    """``encoded`` percent-decoded (``+`` is a space), or ``None`` if it is not UTF-8."""
    try:
        return urllib.parse.unquote_to_bytes(encoded.replace(b"+", b" ")).decode("utf-8")
    except UnicodeDecodeError:
        return None


def _problem_response(request: Request, problem: Problem) -> Response:
    headers = {**problem.headers}
    if problem.status >= 500 or problem.status in (401, 403):
        headers["cache-control"] = "no-store"
    document = problem.document(_template(request.scope))
    return json_response(document, problem.status, PROBLEM_TYPE, headers)


async def _on_problem(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, Problem)
    return _problem_response(request, exc)


async def _on_http_exception(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if exc.status_code == 405:
        allowed = (exc.headers or {}).get("Allow", "")
        problem = Problem(
            "method-not-allowed",
            f"Méthode non permise ici ; méthodes acceptées : {allowed}.",
            headers={"allow": allowed},
        )
    elif exc.status_code == 404:
        problem = Problem("not-found", "Cette adresse n'existe pas dans le service.")
    else:
        problem = Problem("bad-request", "Requête incorrecte.")
    return _problem_response(request, problem)


class AccessLog:
    """Pure ASGI middleware, the outermost of the application's own: one log line per
    request, with nothing personal in it; the headers every response carries
    (:data:`~mfs_core.serve.web.BASE_HEADERS`), CORS preflights included; and the last
    word on unexpected errors — a problem+json 500 (or, once the answer has begun, a cut
    connection), logged by type and place only, and never handed to the server (uvicorn
    would log the exception's message, which may quote personal data)."""

    def __init__(self, app: ASGIApp, cors_origins: tuple[str, ...] = ()) -> None:
        self.app = app
        #: The origins CORS allows: the 500 answered here, outside the CORS middleware,
        #: carries its headers too (a browser would hide the problem from the page else).
        self.cors_origins = frozenset(cors_origins)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 500
        started = False

        async def sending(message: Message) -> None:
            nonlocal status, started
            if message["type"] == "http.response.start":
                status, started = message["status"], True
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers += [
                    (name.encode(), value.encode())
                    for name, value in BASE_HEADERS.items()
                    if name.encode() not in present
                ]
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, sending)
        except ClientDisconnect:
            status = 499  # nginx's code for it: the client went away, nothing went wrong
            ERROR_LOGGER.info("client disconnected on %s %s", scope["method"], _route(scope))
        except Exception as exc:
            log_internal_error(scope["method"], _route(scope), exc)
            if not started:
                await self._internal(scope, sending, self._cors_headers(scope))
        finally:
            site = scope.get("state", {}).get("site", "-")
            ACCESS_LOGGER.info(
                '%s %s %d %.1fms site=%s', scope["method"], _route(scope), status,
                (time.perf_counter() - start) * 1000, site,
            )  # fmt: skip

    def _cors_headers(self, scope: Scope) -> dict[str, str]:
        """What Starlette's CORS middleware adds to an answer when CORS is on."""
        if not self.cors_origins:
            return {}
        origin = next((v for k, v in scope.get("headers", ()) if k == b"origin"), None)
        if origin is None:
            return {}
        shown = origin.decode("latin-1")
        allowed = {"access-control-allow-origin": shown} if shown in self.cors_origins else {}
        return {**allowed, "vary": "Origin"}

    @staticmethod
    async def _internal(scope: Scope, send: Send, headers: dict[str, str]) -> None:
        document, status = INTERNAL_ERROR.document(_template(scope)), INTERNAL_ERROR.status
        headers = {"cache-control": "no-store", **headers}
        response = json_response(document, status, PROBLEM_TYPE, headers)
        await response(scope, _no_body, send)


async def _no_body() -> Message:
    return {"type": "http.disconnect"}


def _template(scope: Scope) -> str | None:
    """A problem's ``instance``: the template of the route answering
    (``/procedures/{id}``), as the access log names it; ``None`` (no ``instance``) when
    no route matched. Never the path as typed: it may hold anything a client sent (an
    e-mail as a procedure id, a phone number as a month)."""
    path: str | None = getattr(scope.get("route"), "path", None)
    return path


def _route(scope: Scope) -> str:
    return _template(scope) or "(no route)"


def create_app(service: Service) -> Starlette:
    """The application serving ``service`` (:func:`~mfs_core.serve.service.build_service`:
    built before the server listens, so ``GET /health`` answers 200 from the first
    connection on, once the plugins are loaded)."""
    app = Starlette(
        routes=_routes(),
        # AccessLog outermost, so CORS preflights carry the security headers too.
        middleware=[
            Middleware(AccessLog, tuple(service.settings.api_cors_origins or ())),
            *_cors(service),
        ],
        exception_handlers={Problem: _on_problem, HTTPException: _on_http_exception},
    )
    # No redirect to the path with(out) its trailing slash: Starlette builds it from the
    # Host header, which a client chooses (an open redirect through a cache or a proxy).
    app.router.redirect_slashes = False
    app.state.openapi = openapi_document()
    app.state.service = service
    return app


#: What a refused CORS preflight failed on (Starlette's words) -> French.
_CORS_FAILURES = {
    "origin": "origine non autorisée",
    "method": "méthode non autorisée",
    "headers": "en-tête non autorisé",
    "private-network": "accès au réseau privé non autorisé",
}


class _ProblemCors(CORSMiddleware):
    """Starlette's CORS middleware, whose refused preflight (an origin, a method or a
    header not allowed) is a 400 problem document like every other error, not its
    ``400 text/plain`` « Disallowed CORS origin » (review 16c). What is allowed is
    unchanged: the same decision, the same headers; no ``Access-Control-Allow-Origin``
    for an origin not allowed, so the browser still blocks the request."""

    def preflight_response(self, request_headers: Headers) -> Response:
        response = super().preflight_response(request_headers)
        if response.status_code != 400:
            return response
        # Starlette's text is « Disallowed CORS origin, method »: its failures, by name.
        text = bytes(response.body).decode("utf-8").removeprefix("Disallowed CORS ")
        failures = [f for f in text.split(", ") if f in _CORS_FAILURES] or ["origin"]
        problem = Problem(
            "bad-request",
            "Requête préalable CORS refusée : "
            + ", ".join(_CORS_FAILURES[f] for f in failures)
            + " (réglage api_cors_origins).",
            # The request's Origin and headers are not shown back (nothing sent ever is).
            errors=[{"field": f, "detail": f"CORS {f} not allowed"} for f in failures],
        )
        headers = {
            name: value
            for name, value in response.headers.items()
            if name not in ("content-type", "content-length")
        }
        return json_response(problem.document(), 400, PROBLEM_TYPE, headers)


def _cors(service: Service) -> list[Middleware]:
    origins = service.settings.api_cors_origins
    if not origins:  # CORS is off unless origins are configured
        return []
    return [
        Middleware(
            _ProblemCors,
            allow_origins=origins,
            allow_methods=["GET", "POST"],
            allow_headers=["authorization", "content-type", "accept"],
        )
    ]
