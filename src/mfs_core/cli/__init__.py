"""The ``mfs`` command.

Exit codes, for every subcommand: 0 success (compliant, official...), 1 findings, 2 usage or
input error. A user error prints one line per problem (file, field, what was expected) on
standard error, never a traceback. Output that cannot be written (a full disk, a closed
pipe) is an error too (exit 2, or 0 for a reader that stopped early such as ``| head``;
``mfs check`` then still exits with its verdict: :class:`~mfs_core.cli._common.ReaderGone`).

While a command runs, its output is kept from plugins (:mod:`mfs_core.isolation`): standard
output is written as UTF-8 to a duplicate of file descriptor 1, and descriptor 1 itself
points at standard error, so even a plugin writing below ``sys.stdout`` cannot corrupt
``--format json``. A plugin call that overruns its time budget and cannot be stopped ends
the command with exit 2, naming the plugin. Ctrl-C ends it with exit 130.

Each subcommand lives in its own module exposing ``register(subparsers)``; it sets the
``handler`` default, a function taking the parsed arguments and returning the exit code.
argparse (standard library) is used rather than a third-party CLI framework to keep the
cold start of ``mfs`` low (see ``benchmarks/``).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import importlib
import io
import os
import sys
import warnings
from collections.abc import Callable, Iterator, Sequence
from typing import IO, Any

from mfs_core import __version__
from mfs_core.cli._common import EXIT_INPUT, CliError, ReaderGone, print_error, print_note
from mfs_core.errors import InputError, OldSpellingWarning, PluginError

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
    "mfs_core.cli.sheet_cmd",
    "mfs_core.cli.serve_cmd",
    "mfs_core.cli.national_cmd",
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print_error(message)
        raise SystemExit(EXIT_INPUT)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser of ``mfs`` with every subcommand, or with ``command``'s alone
    (its module is ``mfs_core.cli.<command>_cmd``: the same parser for that command's
    arguments, without importing and building the ten others: 4 % of the machine
    instructions of ``mfs plugins``, a twelfth of what it costs above its floor)."""
    modules: tuple[str, ...] = COMMAND_MODULES
    if command is not None:
        modules = tuple(m for m in COMMAND_MODULES if m == f"mfs_core.cli.{command}_cmd")
    parser = _Parser(
        prog="mfs",
        description="France services: partners' procedures, routing and label compliance.",
    )
    parser.add_argument("--version", action="version", version=f"mfs-core {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    subparsers.required = True
    for module in modules:
        importlib.import_module(module).register(subparsers)
    return parser


class OutputError(CliError):
    """Standard output cannot be written (a full disk, a device error)."""


def _guarded(call: Callable[..., Any], *args: Any) -> Any:
    """``call(*args)``, a write failure raised as :class:`OutputError` (a broken pipe
    stays itself: the reader has what it wanted)."""
    try:
        return call(*args)
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OutputError(f"cannot write the output: {exc.strerror or exc}") from None


class _Output(io.TextIOBase):
    """Standard output for the command: its write failures become :class:`OutputError`."""

    def __init__(self, stream: IO[str] | None) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        if self._stream is None:  # started with standard output closed
            raise OutputError("cannot write the output: standard output is closed")
        written: int = _guarded(self._stream.write, text)
        return written

    def flush(self) -> None:
        if self._stream is not None:
            _guarded(self._stream.flush)

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return self._stream is not None and self._stream.isatty()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return str(getattr(self._stream, "encoding", None) or "utf-8")

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return getattr(self._stream, "errors", None)

    def byte_sink(self) -> tuple[Callable[[bytes], object], str] | None:
        """Where the JSON formats may write UTF-8 bytes (see
        :func:`mfs_core.compliance.formats.json_format.byte_sink`), write failures
        becoming :class:`OutputError` as for text; None to write text."""
        if self._stream is None:
            return None
        from mfs_core.compliance.formats.json_format import byte_sink

        found = _guarded(byte_sink, self._stream)  # flushes the text written so far
        if found is None:
            return None
        write, errors = found
        return functools.partial(_guarded, write), errors

    def __getattr__(self, name: str) -> Any:  # buffer, errors, fileno...
        return getattr(self._stream, name)


@contextlib.contextmanager
def _protected_stdout() -> Iterator[None]:
    """Standard output as UTF-8, out of reach of plugins, write failures reported.

    With the process's own standard output (not under a test's capture), descriptor 1 is
    pointed at standard error for the command's duration and the output goes through a
    duplicate: a plugin's ``os.write(1, ...)`` lands on standard error.
    """
    original: IO[str] | None = sys.stdout
    real_fd = None
    if original is sys.__stdout__ and original is not None:
        try:
            original.flush()
            fd = original.fileno()
            real_fd = os.dup(fd)
            os.dup2(sys.stderr.fileno(), fd)
        except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
            real_fd = None
    stream = original
    if real_fd is not None and original is not None:
        stream = open(  # noqa: SIM115 - closed below
            real_fd, "w", encoding="utf-8", errors="backslashreplace", newline=None,
            closefd=False, buffering=1 if os.isatty(real_fd) else -1,
        )  # fmt: skip
    sys.stdout = _Output(stream)
    try:
        yield
        sys.stdout.flush()
    finally:
        sys.stdout = original  # None when it was closed
        if real_fd is not None and original is not None and stream is not None:
            with contextlib.suppress(OSError):
                stream.close()  # flushes; a failure was already reported
            os.dup2(real_fd, original.fileno())
            os.close(real_fd)


def _silence_stdout() -> None:
    """After a broken pipe or a full device, stop the interpreter's final flush from
    failing again (it would print a traceback-like message and exit 120)."""
    with contextlib.suppress(OSError, ValueError, AttributeError, io.UnsupportedOperation):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _stuck(plugin: str, what: str, seconds: float) -> None:
    """A plugin call overran its budget and does not stop: end the command, naming it."""
    print_error(
        f"plugin {plugin!r} ({what}) overran its time budget of {seconds:g} s and could not "
        f"be stopped: command aborted; disable it with MFS_PLUGINS_DISABLE={plugin} or raise "
        "MFS_PLUGINS_LOAD_BUDGET / MFS_PLUGINS_CALL_BUDGET"
    )
    with contextlib.suppress(Exception):
        sys.stderr.flush()
    os._exit(EXIT_INPUT)


@contextlib.contextmanager
def _old_spellings_said() -> Iterator[None]:
    """Input in an old spelling (:class:`OldSpellingWarning`, hidden by Python's default
    filters) is said on standard error, once per message: ``mfs: warning: ...``."""
    with warnings.catch_warnings():
        warnings.simplefilter("default", OldSpellingWarning)
        shown = warnings.showwarning

        def show(message: Warning | str, category: type[Warning], *args: Any, **kw: Any) -> None:
            if issubclass(category, OldSpellingWarning):
                print_note(f"mfs: warning: {message}")
            else:
                shown(message, category, *args, **kw)

        warnings.showwarning = show
        yield


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``mfs`` and return its exit code."""
    from mfs_core import isolation

    argv = sys.argv[1:] if argv is None else list(argv)
    # A known command first (as nearly every run has it): its parser alone. Anything else
    # (« mfs », « mfs -h », a misspelt command) gets every subcommand, to list them.
    command = argv[0] if argv and f"mfs_core.cli.{argv[0]}_cmd" in COMMAND_MODULES else None
    args = build_parser(command).parse_args(argv)
    restore = isolation.install_interrupt_marker()
    previous_stuck, isolation.on_stuck = isolation.on_stuck, _stuck
    try:
        with _protected_stdout(), _old_spellings_said():
            code: int = args.handler(args)
    except (InputError, CliError, PluginError) as exc:
        # PluginError only reaches here in strict mode: the plugin set itself is unusable.
        if isinstance(exc, OutputError):
            _silence_stdout()
        # An input error's problems are a line each, whatever line break a file name in
        # one of them holds (escaped by print_error); other errors are split on theirs.
        lines = exc.problems if isinstance(exc, InputError) else str(exc).splitlines()
        for line in lines:
            print_error(line)
        return EXIT_INPUT
    except BrokenPipeError as exc:  # e.g. `mfs procedures | head`: the reader has what it wanted
        _silence_stdout()
        # A command whose exit code is its verdict (`mfs check`) keeps it.
        return exc.code if isinstance(exc, ReaderGone) else 0
    except KeyboardInterrupt:
        print_error("interrupted")
        return 130
    finally:
        isolation.on_stuck = previous_stuck
        restore()
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
