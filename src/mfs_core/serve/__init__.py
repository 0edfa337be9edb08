"""The HTTP service (``mfs serve``): the library's functions and JSON for software in any
language, the agent's desk page, and the resident's take-home sheet.

::

    from mfs_core.serve import build_service, create_app

    app = create_app(build_service(host="127.0.0.1"))   # any ASGI server runs it

Modules: :mod:`.service` (what a server holds: registry, router, tokens, journal URL),
:mod:`.auth` (tokens, roles), :mod:`.bodies` (body limits and parsing),
:mod:`.problems` (RFC 9457 errors in French), :mod:`.api` (catalogue, routing,
recognition, compliance), :mod:`.journal_api` (journal and reports), :mod:`.desk` (desk
page and sheet), :mod:`.openapi` (the contract), :mod:`.app` (routes, access log).

A layer above the whole library: it imports any part of it, nothing imports it. Needs the
``serve`` extra (Starlette, uvicorn, Jinja2, segno, WeasyPrint); ``import mfs_core`` never
imports it.
"""

from __future__ import annotations

from mfs_core.serve.app import create_app
from mfs_core.serve.service import Service, build_service

__all__ = ["Service", "build_service", "create_app"]
