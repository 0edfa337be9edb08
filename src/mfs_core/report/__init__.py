"""The monthly activity report, built from the journal: the figures a site, its town and
the national programme expect (``docs/report.md``).

:func:`build_report` computes a :class:`MonthlyReport`; :func:`render` writes it as text,
JSON, CSV or HTML (:mod:`mfs_core.report.formats`). The report reads the journal and never
loads plugins: the partners' and procedures' names it shows come from its caller, who
reads them from :attr:`mfs_core.registry.Registry.display_names`.

Example::

    from mfs_core.journal import open_journal
    from mfs_core.report import build_report, parse_month, render

    with open_journal("sqlite:///mfs-journal.sqlite3", read_only=True) as journal:
        report = build_report(journal, parse_month("2023-06"))
    print(render(report, "text", names={"dgfip": "Finances publiques (DGFiP)"}))
"""

from __future__ import annotations

from mfs_core.indicators import NONE_KEY
from mfs_core.report.formats import FORMATS, render
from mfs_core.report.formats.csv_format import to_csv
from mfs_core.report.formats.html import to_html
from mfs_core.report.formats.json_format import to_json
from mfs_core.report.formats.text import to_text
from mfs_core.report.monthly import (
    REPORT_SCHEMA_VERSION,
    Appointments,
    Decisions,
    MonthlyReport,
    Referrals,
    build_report,
    month_bounds,
    parse_month,
)
from mfs_core.report.names import display_name

__all__ = [
    "FORMATS",
    "NONE_KEY",
    "REPORT_SCHEMA_VERSION",
    "Appointments",
    "Decisions",
    "MonthlyReport",
    "Referrals",
    "build_report",
    "display_name",
    "month_bounds",
    "parse_month",
    "render",
    "to_csv",
    "to_html",
    "to_json",
    "to_text",
]
