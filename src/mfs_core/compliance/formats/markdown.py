"""``--format markdown``: a summary for a pull-request comment or a CI job summary.

Every text from a site file or a plugin is escaped (:func:`mfs_core.output.markdown_text`):
it shows as written, never as HTML, a link, an image or a table cell of its own.
"""

from __future__ import annotations

import shutil
from typing import IO

from mfs_core import french
from mfs_core.compliance.findings import SiteResult
from mfs_core.compliance.formats.spool import spool
from mfs_core.compliance.formats.text import unreadable_files, verdicts
from mfs_core.compliance.report import Report, ReportStream
from mfs_core.french import SEVERITY_FR, count, decimal
from mfs_core.output import markdown_code as _code
from mfs_core.output import markdown_text as _cell


def _known(value: float | None) -> str:
    return "inconnu" if value is None else decimal(value)


def _hours(value: float | None) -> str:
    """``19 h 24``, as the findings write hours (``19,4`` reads like 19 h 40)."""
    return "inconnu" if value is None else french.hours(value)


def _row(r: SiteResult) -> str:
    errors = sum(1 for f in r.active if f.level.value == "error")
    warnings = sum(1 for f in r.active if f.level.value == "warning")
    waived = len(r.findings) - len(r.active)
    return (
        f"| {_cell(r.name)} ({_code(r.id)}) | {r.verdict} | "
        f"{_hours(r.weekly_hours)} | {_known(r.opening_days)} | {errors} | {warnings} | "
        f"{waived} |\n"
    )


def _section(r: SiteResult) -> str:
    lines = [
        "",
        f"## {_cell(r.name)}",
        "",
        "| contrôle | gravité | constat |",
        "| --- | --- | --- |",
    ]
    for f in r.findings:
        severity = SEVERITY_FR[f.level]
        if f.waiver is not None:
            severity += f" (dérogation : {_cell(f.waiver.reason)})"
        lines.append(f"| {_code(f.check)} | {severity} | {_cell(f.message)} |")
    return "\n".join(lines) + "\n"


def write(report: Report | ReportStream, out: IO[str]) -> None:
    """The table and the sections go to temporary files as the sites are checked: the
    heading, which comes first, says the totals."""
    with spool() as table, spool() as sections:
        for r in report.results:
            table.write(_row(r))
            if r.findings:
                sections.write(_section(r))
        summary = report.summary()
        rows = report.skipped_rows
        skipped = (
            f" {count(rows, 'ligne illisible ignorée', 'lignes illisibles ignorées')} (détail "
            "sur la sortie d'erreur)."
            if rows
            else ""
        )
        if not report.national and report.unreadable_files:
            skipped = (
                f" {unreadable_files(report.unreadable_files)} (détail sur la sortie d'erreur)."
            )
        heading = [
            "# Conformité au label France services",
            "",
            f"{count(summary['sites'], 'site contrôlé', 'sites contrôlés')} le "
            f"{report.as_of:%d/%m/%Y} : {verdicts(summary)}.{skipped}",
            "",
            "| site | verdict | ouverture par semaine | jours | erreurs | avertissements "
            "| dérogations |",
            "| --- | --- | --- | --- | --- | --- | --- |",
        ]
        out.write("\n".join(heading) + "\n")
        for spooled in (table, sections):
            spooled.seek(0)
            shutil.copyfileobj(spooled, out)
