"""Output formats of ``mfs report``: one module per format, each with
``render(report, names, *, site_name, extra) -> str`` (the pattern of
:mod:`mfs_core.compliance.formats`).

``names`` maps partner codes and procedure ids to what a mayor reads; the caller gets it
from the registry (the report never loads plugins). Text and HTML use it, and name the site
(``site_name``) and add ``extra`` after the figures (the mayor's view: the trend, the
comparison with the département and the nation, each in the format's own text); JSON and
CSV keep the codes and ignore them. Each format escapes outside text for itself
(:mod:`mfs_core.output`).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mfs_core.report.monthly import MonthlyReport

__all__ = ["FORMATS", "render"]

#: Format name -> module (imported on use).
FORMATS: dict[str, str] = {
    "text": "mfs_core.report.formats.text",
    "json": "mfs_core.report.formats.json_format",
    "csv": "mfs_core.report.formats.csv_format",
    "html": "mfs_core.report.formats.html",
}


def render(
    report: MonthlyReport,
    fmt: str,
    names: Mapping[str, str] | None = None,
    *,
    site_name: str | None = None,
    extra: str = "",
) -> str:
    """The report in one of :data:`FORMATS` (:class:`KeyError` for another name)."""
    module = importlib.import_module(FORMATS[fmt])
    renderer: Callable[..., str] = module.render
    return renderer(report, names, site_name=site_name, extra=extra)
