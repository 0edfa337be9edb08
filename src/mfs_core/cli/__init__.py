"""The ``mfs`` command.

Exit codes, for every subcommand: 0 success (compliant, official...), 1 findings, 2 usage or
input error. A user error prints one line per problem (file, field, what was expected) on
standard error, never a traceback.

Each subcommand lives in its own module exposing ``register(subparsers)``; it sets the
``handler`` default, a function taking the parsed arguments and returning the exit code.
argparse (standard library) is used rather than a third-party CLI framework to keep the
cold start of ``mfs`` low (see ``benchmarks/``).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from mfs_core import __version__
from mfs_core.cli._common import EXIT_INPUT, CliError, print_error
from mfs_core.errors import InputError, PluginError

__all__ = ["main"]

#: The subcommand modules, in the order of ``mfs --help``.
COMMAND_MODULES = (
    "mfs_core.cli.plugins_cmd",
    "mfs_core.cli.procedures_cmd",
    "mfs_core.cli.route_cmd",
    "mfs_core.cli.recognise_cmd",
    "mfs_core.cli.url_cmd",
    "mfs_core.cli.check_cmd",
    "mfs_core.cli.journal_cmd",
    "mfs_core.cli.report_cmd",
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print_error(message)
        raise SystemExit(EXIT_INPUT)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``mfs`` with every subcommand."""
    parser = _Parser(
        prog="mfs",
        description="France services: partners' procedures, routing and label compliance.",
    )
    parser.add_argument("--version", action="version", version=f"mfs-core {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    subparsers.required = True
    for module in COMMAND_MODULES:
        importlib.import_module(module).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``mfs`` and return its exit code."""
    args = build_parser().parse_args(argv)
    try:
        code: int = args.handler(args)
    except (InputError, CliError, PluginError) as exc:
        # PluginError only reaches here in strict mode: the plugin set itself is unusable.
        for line in str(exc).splitlines():
            print_error(line)
        return EXIT_INPUT
    except BrokenPipeError:  # e.g. `mfs procedures | head`
        sys.stderr.close()
        return 0
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
