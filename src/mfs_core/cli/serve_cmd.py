"""``mfs serve``: the HTTP service (:mod:`mfs_core.serve`) under uvicorn.

Everything is loaded before the server listens (settings, tokens, plugins, the journal,
the ``--site`` file): a problem there is an error line and exit 2, never a half-started
server. The access log (standard error) shows method, route, status, duration and the
token's site — never a query string, a body or a header.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from typing import Any

from mfs_core.cli._common import EXIT_OK, CliError, add_strict_option, print_note, write_json

EXTRA_HINT = "mfs serve needs the 'serve' extra: pip install 'mfs-core[serve]'"


def _port(text: str) -> int:
    if not (text.isascii() and text.isdigit()) or not 0 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"expected a port number 0-65535, got {text[:20]!r}")
    return int(text)


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "serve",
        help="run the HTTP service (JSON API, desk page, take-home sheets)",
        description="Serve the library over HTTP: procedures, routing, recognition, "
        "compliance checks, the journal and reports, the agent's desk page (GET /) and "
        "the take-home sheets. The OpenAPI document is at GET /openapi.json. Tokens come "
        "from MFS_API_TOKENS (see docs/http.md).",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address (default: %(default)s)")
    parser.add_argument("--port", type=_port, default=8000, help="port (default: %(default)s)")
    parser.add_argument("--site", metavar="SITE.toml", help="this counter's site file "
                        "(its name and hours on the take-home sheets)")  # fmt: skip
    parser.add_argument(
        "--journal",
        metavar="URL",
        help="journal location (default: MFS_JOURNAL_URL, else sqlite:///mfs-journal.sqlite3)",
    )
    parser.add_argument(
        "--forwarded-allow-ips",
        metavar="IPS",
        help="behind a reverse proxy: the proxy addresses whose X-Forwarded-* headers are "
        "trusted (comma-separated; default: 127.0.0.1)",
    )
    parser.add_argument(
        "--print-openapi",
        action="store_true",
        help="print the OpenAPI 3.1 document and exit (nothing is served)",
    )
    add_strict_option(parser)
    parser.set_defaults(handler=run)


def _log_config() -> dict[str, Any]:
    """uvicorn's logs and ours on standard error; uvicorn's own access log is off (it
    writes the path with its query string)."""
    handler = {"class": "logging.StreamHandler", "stream": "ext://sys.stderr",
               "formatter": "plain"}  # fmt: skip
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
        "handlers": {"stderr": handler},
        "loggers": {
            name: {"handlers": ["stderr"], "level": "INFO", "propagate": False}
            for name in ("uvicorn", "uvicorn.error", "mfs_core.serve")
        },
    }


def _stuck_in_server(plugin: str, what: str, seconds: float) -> None:
    """A plugin call that overran its budget and does not stop: the server keeps serving
    (that worker thread is lost), and says which plugin to disable."""
    logging.getLogger("mfs_core.serve.error").error(
        "plugin %r (%s) overran its time budget of %g s and could not be stopped; disable "
        "it with MFS_PLUGINS_DISABLE=%s",
        plugin,
        what,
        seconds,
        plugin,
    )


def run(args: argparse.Namespace) -> int:
    from mfs_core import isolation

    try:
        from mfs_core.serve.openapi import openapi_document

        if args.print_openapi:
            write_json(json.dumps(openapi_document(), ensure_ascii=False, indent=2) + "\n")
            return EXIT_OK
        import uvicorn

        from mfs_core.serve import build_service, create_app
    except ImportError as exc:
        raise CliError(f"{EXTRA_HINT} ({exc.name} is missing)") from None
    from mfs_core.settings import load_settings

    settings = load_settings()
    if args.strict:
        settings = settings.model_copy(update={"plugins_strict": True})
    from mfs_core.journal import JournalError

    try:
        service = build_service(
            host=args.host, settings=settings, journal_url=args.journal, site_file=args.site
        )
    except JournalError as exc:  # one error line and exit 2, as every other start problem
        raise CliError(str(exc)) from None
    isolation.on_stuck = _stuck_in_server
    read = "open" if service.open_read else "token required"
    print_note(
        f"mfs: serving on http://{args.host}:{args.port}/ ({len(service.registry.procedures)} "
        f"procedures, {len(service.tokens.tokens)} token(s), reading {read}, journal "
        f"{service.journal_url.split('://', 1)[0]})"
    )
    sys.stderr.flush()
    options: dict[str, Any] = {}
    if args.forwarded_allow_ips:
        options["forwarded_allow_ips"] = args.forwarded_allow_ips
    config = uvicorn.Config(
        create_app(service),
        host=args.host,
        port=args.port,
        access_log=False,
        log_config=_log_config(),
        server_header=False,
        **options,
    )
    server = uvicorn.Server(config)
    try:
        server.run()
    except SystemExit:  # uvicorn exits 1 when it cannot listen (it logged why)
        if server.started:
            raise
        raise CliError(f"cannot listen on {args.host}:{args.port} (see the log above)") from None
    return EXIT_OK
