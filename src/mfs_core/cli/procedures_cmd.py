"""``mfs procedures``: the procedures contributed by the plugins."""

from __future__ import annotations

import argparse
from typing import Any

from mfs_core.cli._common import (
    EXIT_OK,
    CliError,
    add_format_option,
    add_strict_option,
    load_registry,
    print_json,
    print_text,
)


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "procedures",
        help="list the procedures of the partners",
        description="List the procedures contributed by the plugins, sorted by id. The JSON "
        "output follows the schema mfs_core/schemas/procedures.schema.json.",
    )
    parser.add_argument("--partner", metavar="CODE", help="only this partner's procedures")
    add_format_option(parser)
    add_strict_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from mfs_core.documents import procedures_document

    registry = load_registry(args)
    procedures = list(registry.procedures.values())
    if args.partner:
        if args.partner not in registry.partners:
            known = ", ".join(registry.partners) or "none"
            raise CliError(f"--partner: unknown partner {args.partner!r} (known: {known})")
        procedures = [p for p in procedures if p.partner == args.partner]
    if args.format == "json":
        print_json(procedures_document(procedures))
    else:
        for p in procedures:
            fiche = p.fiche_id or "-"
            print_text(f"{p.id:<42} {fiche:<7} {p.title}")
    return EXIT_OK
