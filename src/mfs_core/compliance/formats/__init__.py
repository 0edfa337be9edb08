"""Output formats of ``mfs check``: one module per format, each with ``render(report) -> str``."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mfs_core.compliance.report import Report

__all__ = ["FORMATS", "render"]

#: Format name -> module (imported on use).
FORMATS: dict[str, str] = {
    "text": "mfs_core.compliance.formats.text",
    "json": "mfs_core.compliance.formats.json_format",
    "junit": "mfs_core.compliance.formats.junit",
    "sarif": "mfs_core.compliance.formats.sarif",
    "github": "mfs_core.compliance.formats.github",
    "markdown": "mfs_core.compliance.formats.markdown",
}


def render(report: Report, fmt: str) -> str:
    """Render a report in one of :data:`FORMATS`.

    Site names, ids and messages come from files and plugins: each format escapes them
    (:mod:`mfs_core.output`): JUnit and Markdown in their modules, and here control
    characters of every text format shown as escapes, those of JSON formats as ``\\u``.
    """
    from mfs_core.output import json_text, terminal_text

    module = importlib.import_module(FORMATS[fmt])
    renderer: Callable[[Report], str] = module.render
    text = renderer(report)
    if fmt in ("json", "sarif"):
        return json_text(text)
    if fmt in ("text", "github", "markdown"):
        return terminal_text(text)
    return text
