"""Helpers shared by the subcommands: exit codes, errors, output, registry and journal
options. Subcommand modules import this module, never each other."""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from mfs_core.errors import MfsError

if TYPE_CHECKING:
    from pathlib import Path

    from mfs_core.journal import Journal
    from mfs_core.registry import Registry

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INPUT = 2


class CliError(MfsError):
    """A usage error detected by a subcommand (exit code 2)."""


class ReaderGone(BrokenPipeError):
    """The reader of standard output closed it (``| head``) and the command knows its exit
    code all the same (``code``): ``mfs check``, whose 0 says compliant."""

    def __init__(self, code: int) -> None:
        super().__init__(f"standard output closed by its reader; exit code {code}")
        self.code = code


def utf8_argument(value: str, name: str) -> str:
    """``value`` as given on the command line; :class:`CliError` when the terminal's bytes
    were not UTF-8 (Python keeps them as lone surrogates, which no output can print)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise CliError(f"{name}: expected UTF-8 text (set the terminal to UTF-8)") from None
    return value


def need_text(value: str, name: str) -> str:
    """A free-text need given as ``value`` on the command line, or read from standard input
    when ``value`` is ``-`` (so that it stays out of the shell's history and the process
    list). Raises :class:`CliError`, naming ``name`` (« TEXT », « --need »), when it is
    empty, longer than :data:`~mfs_core.routing.request.MAX_NEED_CHARS` characters or not
    UTF-8; the need itself is never quoted."""
    from mfs_core.inputs import blank_text, decode_utf8, open_binary
    from mfs_core.routing.request import MAX_NEED_CHARS, need_length

    if value == "-":
        # The bytes, decoded by the reading layer: the terminal's decoding would turn
        # Latin-1 or UTF-16 input into surrogates silently (« d\udce9claration »). A need
        # of at most MAX_NEED_CHARS characters is at most four bytes a character, and the
        # line ending a file or `echo` gives it (not part of the need: review 14g, finding 9).
        stream, source = open_binary("-")
        bound = 4 * MAX_NEED_CHARS + len(b"\r\n")
        raw = stream.read(bound + 1)
        if len(raw) > bound:
            raise CliError(f"{name}: the need is longer than {MAX_NEED_CHARS} characters")
        text = decode_utf8(raw, source).removesuffix("\n").removesuffix("\r")
    else:
        text = utf8_argument(value, name)
    if blank_text(text):
        raise CliError(f"{name}: the need is empty")
    if need_length(text) > MAX_NEED_CHARS:
        raise CliError(f"{name}: the need is longer than {MAX_NEED_CHARS} characters")
    return text


def print_error(message: str) -> None:
    """Print one error line on standard error, prefixed like argparse does: passwords
    hidden, control characters shown as escapes (see :mod:`mfs_core.output`)."""
    from mfs_core.output import hide_secrets

    print_note(f"mfs: error: {hide_secrets(message)}")


def print_note(line: str) -> None:
    """Print one line on standard error (a summary, a warning), if there is one: control
    characters (a file name's ESC, a line break) shown as escapes, as in errors."""
    from mfs_core.output import terminal_text

    if sys.stderr is not None:  # started with standard error closed: nowhere to say it
        print(terminal_text(line, one_line=True), file=sys.stderr)


def print_json(data: Any) -> None:
    """Print ``data`` as indented UTF-8 JSON (French text stays readable; characters that
    act on a terminal escaped, see :func:`mfs_core.output.json_text`)."""
    write_json(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def write_json(document: str) -> None:
    """Write JSON text on standard output, its active characters escaped."""
    from mfs_core.output import json_text

    sys.stdout.write(json_text(document))


def write_text(text: str) -> None:
    """Write text for people on standard output, its control characters shown as escapes
    (:func:`mfs_core.output.terminal_text`)."""
    from mfs_core.output import terminal_text

    sys.stdout.write(terminal_text(text))


def print_text(line: object = "") -> None:
    """:func:`write_text` of one line."""
    write_text(f"{line}\n")


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


def strict_failures(registry: Registry, failures: dict[tuple[str, str], str]) -> bool:
    """In strict mode, name every plugin call that failed while routing or checking (a
    predicate or a check that raised, exited, printed or overran its budget); True then,
    and the command exits 2."""
    if not (registry.strict and failures):
        return False
    for (plugin, what), message in sorted(failures.items()):
        print_error(f"plugin {plugin!r} ({what}): {message} (strict mode)")
    return True


def load_registry(args: argparse.Namespace, *, warn: bool = True) -> Registry:
    """The registry, honouring ``--strict`` and the settings' allow/deny list.

    With ``warn`` (every command but ``mfs plugins``, which reports faults itself), one
    ``mfs: warning:`` line on standard error per plugin that could not be imported or
    registered, or one of whose hooks failed as a whole: names only (a plugin's error text
    may hold anything), ``mfs plugins`` tells the rest.
    """
    from mfs_core.registry import Registry

    registry = Registry.load(strict=getattr(args, "strict", None))
    if warn and registry.faults:
        lost: dict[str, set[str]] = {}
        for fault in registry.faults:
            if fault.stage in _WHOLE:
                lost.setdefault(fault.plugin, set()).add(_WHOLE[fault.stage])
        for plugin, what in sorted(lost.items()):
            print_note(
                f"mfs: warning: plugin {plugin!r} {' and '.join(sorted(what))}: its "
                "contributions are missing (see `mfs plugins`)"
            )
    return registry


#: The fault stages (``PluginStage`` values) that lose a plugin's contributions as a whole,
#: and how the warning says it.
_WHOLE = {
    "import": "could not be imported",
    "register": "could not be registered",
    "hook": "had a hook fail",
}


def add_journal_option(parser: argparse.ArgumentParser) -> None:
    """``--journal URL``, overriding the ``journal_url`` setting."""
    parser.add_argument(
        "--journal",
        metavar="URL",
        help="journal location, sqlite:///path or postgresql://... (default: MFS_JOURNAL_URL, "
        "else sqlite:///mfs-journal.sqlite3)",
    )


@contextmanager
def opened_journal(args: argparse.Namespace, *, read_only: bool = False) -> Iterator[Journal]:
    """The journal named by ``--journal`` or the settings; its failures become CLI errors.

    ``read_only`` (reports, exports): the journal must exist, nothing is created or changed.
    """
    from mfs_core.journal import JournalError, open_journal

    try:
        journal = open_journal(args.journal, read_only=read_only)
    except JournalError as exc:
        raise CliError(str(exc)) from None
    try:
        yield journal
    except JournalError as exc:
        raise CliError(str(exc)) from None
    finally:
        journal.close()


def check_output(output: str | None, datasets: Sequence[str] = ()) -> None:
    """Refuse an ``--output FILE`` for a report that would replace data: a path inside one
    of ``datasets`` (the Parquet datasets given on the command line), inside any partition
    directory (``site=...``, ``month=...``) or named ``*.parquet``. Review 15f, M3:
    ``--output nx/month=2024-03/part-0.parquet`` replaced the consolidated month with the
    French text. Raises :class:`CliError` (exit 2) before anything is written."""
    if not output:
        return
    from pathlib import Path

    from mfs_core.national.files import partition_around, resolved

    path = Path(output)
    where = resolved(path)
    for dataset in datasets:
        if where.is_relative_to(resolved(Path(dataset))):
            raise CliError(
                f"--output {output}: inside the dataset {dataset}; write the report elsewhere"
            )
    if partition_around(path) is not None:
        raise CliError(
            f"--output {output}: inside a partition directory (site=... or month=...) of a "
            "dataset; write the report elsewhere"
        )
    # The name as given and the file a symbolic link leads to.
    if any(name.lower().endswith(".parquet") for name in (path.name, where.name)):
        raise CliError(
            f"--output {output}: a Parquet file name; a report is text, write it elsewhere"
        )
    kind = _data_file_kind(where)
    if kind is not None:
        # ``mfs report --output mfs-journal.sqlite3`` replaced the journal it had just read
        # (review 15f): a file that holds data is never replaced by a report, whatever its name.
        raise CliError(f"--output {output}: {kind}; a report is text, write it elsewhere")


#: The first bytes of the data files a report must never replace, and what they are.
_DATA_MAGIC = ((b"SQLite format 3\x00", "an SQLite database"), (b"PAR1", "a Parquet file"))


def _data_file_kind(path: Path) -> str | None:
    """What ``path`` holds when it is an existing regular file of data (its first bytes:
    :data:`_DATA_MAGIC`), else None. Only a regular file is opened (a FIFO would block)."""
    import stat

    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return None
        with path.open("rb") as handle:
            head = handle.read(16)
    except OSError:
        return None  # absent or unreadable: writing it says why
    return next((kind for magic, kind in _DATA_MAGIC if head.startswith(magic)), None)


def write_output(text: str, output: str | None, datasets: Sequence[str] = ()) -> None:
    """``text`` on standard output, or into the file ``output`` (UTF-8) when given; a file
    that cannot be written, or that :func:`check_output` refuses (``datasets``: those given
    on the command line), is a :class:`CliError`."""
    if not output:
        sys.stdout.write(text)
        return
    check_output(output, datasets)
    try:
        with open(output, "w", encoding="utf-8", newline="") as out:
            out.write(text)
    except OSError as exc:
        raise CliError(f"--output: cannot write {output!r} ({exc.strerror or exc})") from None


#: The extra to install for each optional heavy module (``pip install 'mfs-core[EXTRA]'``).
_EXTRAS = {"pyarrow": "national", "duckdb": "national", "pyspark": "spark"}


def missing_extra(exc: ImportError) -> CliError:
    """The error for an optional module that is not installed, naming the extra that
    brings it; an ImportError of anything else is re-raised (a bug, not a user's error)."""
    module = (exc.name or "").split(".")[0]
    extra = _EXTRAS.get(module)
    if extra is None:
        raise exc
    return CliError(f"{module} is not installed: pip install 'mfs-core[{extra}]'")


@contextmanager
def ignored_files_said() -> Iterator[None]:
    """Files the national readers left aside in partitions (not ``part-0.parquet``), and
    partition directories with no file, are said on standard error, in French, once per
    call."""
    from mfs_core.french import count, plural
    from mfs_core.national.reading import EmptyPartitionsWarning, IgnoredFilesWarning

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", IgnoredFilesWarning)
        warnings.simplefilter("always", EmptyPartitionsWarning)
        try:
            yield
        finally:
            for warning in caught:
                if isinstance(warning.message, IgnoredFilesWarning):
                    ignored = warning.message
                    print_note(
                        f"mfs : attention : {count(ignored.count, 'élément')} "
                        f"{plural(ignored.count, 'ignoré')} dans les partitions (seul le "
                        f"fichier part-0.parquet est lu), par exemple {ignored.example}"
                    )
                elif isinstance(warning.message, EmptyPartitionsWarning):
                    empty = warning.message
                    print_note(
                        f"mfs : attention : {count(empty.count, 'partition')} sans "
                        f"part-0.parquet ({plural(empty.count, 'vide')}, rien n'y est lu), "
                        f"par exemple {empty.example}"
                    )
                else:
                    warnings.showwarning(
                        warning.message, warning.category, warning.filename, warning.lineno
                    )
