"""``mfs route``: decide what happens to requests, and why.

Input: ``--request FILE`` (or ``-`` for standard input) holding one JSON request or a JSONL
stream, or a single request given by flags (``--procedure``/``--need``...). Every bad line
is reported on standard error as ``FILE:LINE: field: message``; the good lines are still
decided and printed, and the exit code is then 2.

Context: ``--context FILE`` (one JSON object); without it each request is decided in the
default context (:func:`mfs_core.routing.default_context`): a quiet counter with two agents,
at the request's ``received_at`` or the current time.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mfs_core.cli._common import (
    EXIT_INPUT,
    EXIT_OK,
    CliError,
    add_format_option,
    add_strict_option,
    load_registry,
    print_error,
    print_json,
)

if TYPE_CHECKING:
    from mfs_core.routing import Decision


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "route",
        help="decide what happens to a request (answer, appointment, referral...)",
        description="Route requests: answer now, appointment, referral to a partner, "
        "orientation to a local service, or unknown need, with the reason in French. "
        "Exit 2 if any request or the context is invalid (the valid requests are still "
        "decided). JSON output follows mfs_core/schemas/decision.schema.json.",
    )
    parser.add_argument(
        "--request", metavar="FILE", help="JSON request or JSONL stream ('-' for stdin)"
    )
    parser.add_argument("--context", metavar="FILE", help="JSON site context")
    add_format_option(parser, ("text", "json", "jsonl"))
    parser.add_argument(
        "--explain",
        action="store_true",
        help="list every rule considered, not only the deciding one",
    )
    flags = parser.add_argument_group("a single request given by flags (instead of --request)")
    flags.add_argument("--procedure", metavar="ID", help="procedure id, e.g. dgfip.reclamation")
    flags.add_argument("--need", metavar="TEXT", help="free-text need")
    flags.add_argument("--thematique", metavar="CODE", help="data·inclusion thematique")
    flags.add_argument(
        "--channel", choices=("counter", "phone", "video", "mobile"), help="default: counter"
    )
    flags.add_argument("--autonomy", action="store_true", help="the resident wants autonomy")
    flags.add_argument("--urgent", action="store_true", help="the request is urgent")
    flags.add_argument(
        "--fact", action="append", default=[], metavar="NAME", help="a known fact (repeatable)"
    )
    add_strict_option(parser)
    parser.set_defaults(handler=run)


_REQUEST_FLAGS = ("procedure", "need", "thematique", "channel", "autonomy", "urgent", "fact")


def _read(path: str, option: str) -> tuple[str, str]:
    if path == "-":
        return sys.stdin.read(), "<stdin>"
    try:
        return Path(path).read_text(encoding="utf-8"), path
    except (OSError, UnicodeDecodeError) as exc:
        raise CliError(f"{option}: cannot read {path}: {exc}") from None


def _request_from_flags(args: argparse.Namespace) -> str:
    if not (args.procedure or args.need):
        raise CliError("give --request FILE, or --procedure ID or --need TEXT")
    data: dict[str, Any] = {
        "channel": args.channel or "counter",
        "wants_autonomy": args.autonomy,
    }
    for key in ("procedure", "need", "thematique"):
        if getattr(args, key):
            data[key] = getattr(args, key)
    if args.urgent:
        data["urgency"] = "urgent"
    if args.fact:
        data["facts"] = args.fact
    return json.dumps(data)


def run(args: argparse.Namespace) -> int:
    from mfs_core.converter import unstructure
    from mfs_core.routing import Router, render_text
    from mfs_core.routing.reading import parse_context, parse_requests

    if args.request is not None:
        given = [f"--{name}" for name in _REQUEST_FLAGS if getattr(args, name)]
        if given:
            raise CliError(f"--request cannot be combined with {', '.join(given)}")
        text, source = _read(args.request, "--request")
    else:
        text, source = _request_from_flags(args), "<flags>"
    context = parse_context(*_read(args.context, "--context")) if args.context else None
    parsed = parse_requests(text, source)
    router = Router(load_registry(args))
    names = router.names()
    decisions: list[tuple[int | None, Decision]] = [
        (line, router.decide(request, context, explain=args.explain))
        for line, request in parsed.requests
    ]

    def as_json(line: int | None, decision: Decision) -> Any:
        data = unstructure(decision)
        return data if line is None else {**data, "line": line}

    if args.format == "jsonl":
        for line, decision in decisions:
            print(json.dumps(as_json(line, decision), ensure_ascii=False))
    elif args.format == "json":
        documents = [as_json(line, decision) for line, decision in decisions]
        if parsed.stream:
            print_json(documents)
        elif documents:
            print_json(documents[0])
    else:
        for n, (line, decision) in enumerate(decisions):
            if n:
                print()
            if line is not None:
                print(f"— {source}, ligne {line} —")
            print(render_text(decision, names))
    sys.stdout.flush()
    for error in parsed.errors:
        print_error(error)
    return EXIT_INPUT if parsed.errors else EXIT_OK
