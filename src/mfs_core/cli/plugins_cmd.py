"""``mfs plugins``: the loaded plugins, what each contributes, and load errors."""

from __future__ import annotations

import argparse
from typing import Any

from mfs_core.cli._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    add_format_option,
    add_strict_option,
    load_registry,
    print_json,
)


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "plugins",
        help="list the plugins and what they contribute",
        description="List the plugins (built-in partners and external plugins), what each "
        "contributes and any load error. Exit 1 if a plugin had a fault.",
    )
    add_format_option(parser)
    add_strict_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    registry = load_registry(args)
    if args.format == "json":
        print_json(
            {
                "plugins": [
                    {
                        "name": p.name,
                        "distribution": p.distribution,
                        "version": p.version,
                        "builtin": p.builtin,
                        "loaded": p.loaded,
                        "partners": p.partners,
                        "procedures": p.procedures,
                        "referral_rules": p.referral_rules,
                        "checks": p.checks,
                        "errors": [str(f) for f in p.faults],
                    }
                    for p in registry.plugins
                ]
            }
        )
    else:
        _print_table(registry.plugins)
    return EXIT_FINDINGS if registry.faults else EXIT_OK


def _print_table(plugins: Any) -> None:
    header = ("plugin", "distribution", "version", "partners", "procedures", "rules", "checks")
    rows = [
        (
            p.name,
            p.distribution,
            p.version,
            str(p.partners),
            str(p.procedures),
            str(p.referral_rules),
            str(p.checks),
        )
        for p in plugins
    ]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    for p in plugins:
        for fault in p.faults:
            print(f"error: {fault}")
