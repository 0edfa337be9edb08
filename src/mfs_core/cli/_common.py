"""Helpers shared by the subcommands: exit codes, errors, JSON output, registry loading."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from mfs_core.errors import MfsError

if TYPE_CHECKING:
    from mfs_core.registry import Registry

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INPUT = 2


class CliError(MfsError):
    """A usage error detected by a subcommand (exit code 2)."""


def print_error(message: str) -> None:
    """Print one error line on standard error, prefixed like argparse does."""
    print(f"mfs: error: {message}", file=sys.stderr)


def print_json(data: Any) -> None:
    """Print ``data`` as indented UTF-8 JSON (French text stays readable)."""
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def add_format_option(
    parser: argparse.ArgumentParser, choices: tuple[str, ...] = ("text", "json")
) -> None:
    """The ``--format`` option every listing command has."""
    parser.add_argument(
        "--format", choices=choices, default=choices[0], help="output format (default: %(default)s)"
    )


def add_strict_option(parser: argparse.ArgumentParser) -> None:
    """``--strict``: plugin faults become failures."""
    parser.add_argument(
        "--strict",
        action="store_true",
        default=None,
        help="fail when a plugin fails to load (default: MFS_PLUGINS_STRICT)",
    )


def load_registry(args: argparse.Namespace) -> Registry:
    """The registry, honouring ``--strict`` and the settings' allow/deny list."""
    from mfs_core.registry import Registry

    return Registry.load(strict=getattr(args, "strict", None))
