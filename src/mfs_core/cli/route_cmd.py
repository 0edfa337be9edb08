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
import io
import json
import sys
from typing import TYPE_CHECKING, Any

from mfs_core.cli._common import (
    EXIT_INPUT,
    EXIT_OK,
    CliError,
    add_format_option,
    add_strict_option,
    load_registry,
    need_text,
    print_error,
    print_json,
    print_note,
    print_text,
    strict_failures,
    utf8_argument,
    write_json,
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
    flags.add_argument("--need", metavar="TEXT", help="free-text need ('-' for stdin)")
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


def _request_from_flags(args: argparse.Namespace) -> bytes:
    if not (args.procedure or args.need):
        raise CliError("give --request FILE, or --procedure ID or --need TEXT")
    data: dict[str, Any] = {
        "channel": args.channel or "counter",
        "wants_autonomy": args.autonomy,
    }
    for key in ("procedure", "need", "thematique"):
        if getattr(args, key):
            data[key] = utf8_argument(getattr(args, key), f"--{key}")
    if args.need == "-":
        # Read from standard input, bounded, as `mfs recognise -` reads it: a need says
        # personal things, which a command line leaves in the history and the process list.
        data["need"] = need_text("-", "--need")
    if "thematique" in data:
        from mfs_core.thematiques import thematique_problem

        # Kept (a site's local services may carry codes of an older list), but a misspelt
        # code favours no procedure, silently: say so, without quoting it (review 14d).
        if problem := thematique_problem(data["thematique"]):
            print_note(f"mfs: warning: --thematique: {problem}; it favours no procedure")
    if args.urgent:
        data["urgency"] = "urgent"
    if args.fact:
        data["facts"] = args.fact
    return json.dumps(data).encode("utf-8", "surrogatepass")


class _Writer:
    """Writes each decision as soon as it is made (memory flat in the input's length):
    JSON Lines and text line by line; ``json`` as one array written element by element,
    the same text as ``json.dumps(list, indent=2)``, or one object for a single document."""

    def __init__(self, fmt: str, source: str, names: dict[str, str]) -> None:
        self.fmt, self.source, self.names = fmt, source, names
        self.count = 0

    def write(self, line: int | None, decision: Decision, single: bool) -> None:
        from mfs_core.converter import unstructure
        from mfs_core.routing import render_text

        first = self.count == 0
        self.count += 1
        if self.fmt == "text":
            if not first:
                print_text()
            if line is not None:
                from mfs_core.output import terminal_text

                # A file name's line break must not start a line of its own.
                print_text(f"— {terminal_text(self.source, one_line=True)}, ligne {line} —")
            print_text(render_text(decision, self.names))
            return
        data = unstructure(decision)
        if line is not None:
            data = {**data, "line": line}
        if self.fmt == "jsonl":
            write_json(json.dumps(data, ensure_ascii=False) + "\n")
        elif single:
            print_json(data)
        else:
            item = json.dumps(data, ensure_ascii=False, indent=2).replace("\n", "\n  ")
            write_json(("[\n  " if first else ",\n  ") + item)

    def close(self, single: bool) -> None:
        if self.fmt == "json" and not single:
            write_json("\n]\n" if self.count else "[]\n")


def run(args: argparse.Namespace) -> int:
    from mfs_core.inputs import open_binary, read_text, waits_for_input
    from mfs_core.routing import Router
    from mfs_core.routing.reading import RequestStream, parse_context

    if args.need == "-" and args.context == "-":
        raise CliError("--need - and --context -: standard input can be read only once")
    context = None
    if args.context:
        source = "<stdin>" if args.context == "-" else args.context
        context = parse_context(read_text(args.context, option="--context"), source)
    if args.request is not None:
        given = [f"--{name}" for name in _REQUEST_FLAGS if getattr(args, name)]
        if given:
            raise CliError(f"--request cannot be combined with {', '.join(given)}")
        stream, source = open_binary(args.request, option="--request")
    else:
        stream, source = io.BytesIO(_request_from_flags(args)), "<flags>"
    try:
        registry = load_registry(args)
        router = Router(registry)
        # Read, decide and write one request at a time: a million requests take the
        # memory of one. Bad lines are named on standard error as they come.
        # JSON lines down a pipe kept open (a counter application, one request at a
        # time): each line is decided and its answer flushed before the next is awaited
        # (review 15f, M4). Only a file can tell a single document from a stream of one
        # line without waiting, so from a pipe the first line is line 1 at once.
        reader = RequestStream(
            stream,
            source,
            before_read=sys.stdout.flush,
            lines_first=args.format == "jsonl"
            and args.request is not None
            and waits_for_input(stream),
        )
        names = router.names() | (context.service_names() if context else {})
        writer = _Writer(args.format, source, names)
        errors = 0
        for line, request, problems in reader:
            for problem in problems:
                print_error(problem)
            errors += len(problems)
            if request is not None:
                decision = router.decide(request, context, explain=args.explain)
                writer.write(line, decision, reader.single)
        writer.close(reader.single)
    finally:
        if args.request not in (None, "-"):
            stream.close()
    sys.stdout.flush()
    if strict_failures(registry, router.plugin_failures):
        return EXIT_INPUT
    return EXIT_INPUT if errors else EXIT_OK
