"""Output formats of ``mfs check``: one module per format, each with ``write(report, out)``.

``write`` reads ``report.results`` once, writing as it goes, so that a list of any length
is written in flat memory (:class:`~mfs_core.compliance.report.ReportStream`); a format
whose header needs the totals (JUnit, Markdown) keeps its body in a temporary file.
"""

from __future__ import annotations

import importlib
import io
from collections.abc import Callable, Mapping
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from mfs_core.compliance.report import Report, ReportStream

__all__ = ["FORMATS", "render", "write"]

#: Format name -> module (imported on use).
FORMATS: dict[str, str] = {
    "text": "mfs_core.compliance.formats.text",
    "json": "mfs_core.compliance.formats.json_format",
    "jsonl": "mfs_core.compliance.formats.jsonl",
    "junit": "mfs_core.compliance.formats.junit",
    "sarif": "mfs_core.compliance.formats.sarif",
    "github": "mfs_core.compliance.formats.github",
    "markdown": "mfs_core.compliance.formats.markdown",
}


def render(report: Report, fmt: str, texts: Mapping[str, str] | None = None) -> str:
    """Render a report in one of :data:`FORMATS` as one string (see :func:`write`).

    ``texts``: the site files' texts by source name, when they are no files on disk (the
    HTTP service's body): findings are placed on their lines in those (SARIF, GitHub), and
    no file is read."""
    out = io.StringIO()
    if texts is None:
        write(report, fmt, out)
    else:
        from mfs_core.compliance.formats._locate import given_texts

        with given_texts(texts):
            write(report, fmt, out)
    return out.getvalue()


class _Escaped:
    """A text output whose every write is escaped for the format."""

    def __init__(self, out: IO[str], escape: Callable[[str], str]) -> None:
        self._out, self._escape = out, escape

    def write(self, text: str) -> int:
        return self._out.write(self._escape(text))


def write(report: Report | ReportStream, fmt: str, out: IO[str]) -> None:
    """Write a report in one of :data:`FORMATS` to ``out``, result by result.

    Site names, ids and messages come from files and plugins: each format escapes them
    (:mod:`mfs_core.output`): JSON, text, JUnit and Markdown in their modules (text: a
    value's line break shown as an escape, never a line of its own), and here control
    characters of the other text formats shown as escapes, those of SARIF as ``\\u``.
    """
    from mfs_core.output import json_text, terminal_text

    module = importlib.import_module(FORMATS[fmt])
    writer: Callable[[Report | ReportStream, IO[str]], None] = module.write
    if getattr(module, "ESCAPES_OUTPUT", False):  # JSON, text: part by part, faster
        writer(report, out)
    elif fmt == "sarif":
        writer(report, _Escaped(out, json_text))  # type: ignore[arg-type]
    elif fmt in ("github", "markdown"):
        writer(report, _Escaped(out, terminal_text))  # type: ignore[arg-type]
    else:
        writer(report, out)
