"""The ASGI application: routes, errors as problem details, access log, CORS.

``create_app(...)`` returns a Starlette application over a
:class:`~mfs_core.serve.service.Service`; ``mfs serve`` runs it under uvicorn, and a host
may mount it in its own ASGI server.
"""

from __future__ import annotations

import logging
import time
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from mfs_core.serve import api, desk, journal_api
from mfs_core.serve.openapi import OPERATIONS, openapi_document
from mfs_core.serve.problems import PROBLEM_TYPE, Problem
from mfs_core.serve.web import BASE_HEADERS, json_response

if TYPE_CHECKING:
    from starlette.types import ASGIApp, Message, Receive, Scope, Send

    from mfs_core.serve.service import Service

__all__ = ["ACCESS_LOGGER", "create_app"]

#: The access log: method, route *template*, status, duration, and the token's site. Never
#: the query string, the body, a header, or the path as typed (it may hold what a client
#: put in it by mistake): a resident's words or identifiers cannot reach it.
ACCESS_LOGGER = logging.getLogger("mfs_core.serve.access")
ERROR_LOGGER = logging.getLogger("mfs_core.serve.error")

HANDLERS: dict[tuple[str, str], Callable[[Request], Any]] = {
    ("/health", "get"): api.health,
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

        async def endpoint(request: Request, methods: Any = methods) -> Response:
            response: Response = await methods[request.method](request)
            return response

        routes.append(Route(path, endpoint, methods=list(methods)))
    return routes


def _problem_response(request: Request, problem: Problem) -> Response:
    headers = {**problem.headers}
    if problem.status >= 500 or problem.status in (401, 403):
        headers["cache-control"] = "no-store"
    return json_response(problem.document(request.url.path), problem.status, PROBLEM_TYPE, headers)


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


async def _on_error(request: Request, exc: Exception) -> Response:
    # The exception's message may quote data: only its type and where it happened.
    route = getattr(request.scope.get("route"), "path", "?")
    frames = "".join(traceback.format_tb(exc.__traceback__))
    ERROR_LOGGER.error("internal error on %s %s: %s\n%s", request.method, route,
                       type(exc).__name__, frames)  # fmt: skip
    return _problem_response(
        request, Problem("internal", "Le service a rencontré une erreur ; elle est consignée.")
    )


class AccessLog:
    """Pure ASGI middleware: one log line per request, with nothing personal in it, and the
    headers every response carries (:data:`~mfs_core.serve.web.BASE_HEADERS`)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 500

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
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
        finally:
            route = getattr(scope.get("route"), "path", None) or "(no route)"
            site = scope.get("state", {}).get("site", "-")
            ACCESS_LOGGER.info(
                '%s %s %d %.1fms site=%s', scope["method"], route, status,
                (time.perf_counter() - start) * 1000, site,
            )  # fmt: skip


def create_app(service: Service) -> Starlette:
    """The application serving ``service`` (:func:`~mfs_core.serve.service.build_service`:
    built before the server listens, so ``GET /health`` answers 200 from the first
    connection on, once the plugins are loaded)."""
    app = Starlette(
        routes=_routes(),
        middleware=[Middleware(AccessLog)],
        exception_handlers={
            Problem: _on_problem,
            HTTPException: _on_http_exception,
            Exception: _on_error,
        },
    )
    app.state.openapi = openapi_document()
    app.state.service = service
    _add_cors(app, service)
    return app


def _add_cors(app: Starlette, service: Service) -> None:
    origins = service.settings.api_cors_origins
    if origins:  # CORS is off unless origins are configured
        from starlette.middleware.cors import CORSMiddleware

        app.add_middleware(
            CORSMiddleware,
            allow_origins=origins,
            allow_methods=["GET", "POST"],
            allow_headers=["authorization", "content-type", "accept"],
        )
