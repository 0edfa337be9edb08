"""``--format github``: GitHub Actions workflow commands, one annotation per active finding.

Waived findings are not annotated (they are in the SARIF and JSON outputs). A row of the
ANCT list that could not be read is an ``::error`` at its file and line, in file order
among the sites, and so is a site file that could not be read (at its line and column
when known), in the order of the files (their content never: the reason is on standard
error).
"""

from __future__ import annotations

from typing import IO

from mfs_core.compliance.formats._locate import line_of, place_of
from mfs_core.compliance.report import (
    Report,
    ReportStream,
    Unreadable,
    UnreadableFile,
    UnreadableRow,
)
from mfs_core.model import Severity

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _unreadable(unread: Unreadable) -> str:
    props = [f"file={_escape_property(unread.source)}"]
    line, column = place_of(unread)
    if line is not None:
        props.append(f"line={line}")
        if column is not None:
            props.append(f"col={column}")
    props.append(f"title={unread.descriptor}")
    return f"::error {','.join(props)}::{_escape_data(unread.message)}\n"


def write(report: Report | ReportStream, out: IO[str]) -> None:
    for result in report.entries():
        if isinstance(result, UnreadableRow | UnreadableFile):
            out.write(_unreadable(result))
            continue
        for finding in result.active:
            props = []
            if result.source:
                props.append(f"file={_escape_property(result.source)}")
                line = line_of(result.source, finding.field)
                if line is not None:
                    props.append(f"line={line}")
            props.append(f"title={_escape_property(f'{finding.check} ({result.id})')}")
            out.write(
                f"::{_COMMANDS[finding.level]} {','.join(props)}::{_escape_data(finding.message)}\n"
            )
