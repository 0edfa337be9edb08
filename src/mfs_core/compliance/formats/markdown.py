"""``--format markdown``: a summary for a pull-request comment or a CI job summary.

Every text from a site file or a plugin is escaped (:func:`mfs_core.output.markdown_text`):
it shows as written, never as HTML, a link, an image or a table cell of its own.
"""

from __future__ import annotations

from mfs_core.compliance.report import Report
from mfs_core.french import SEVERITY_FR, decimal
from mfs_core.output import markdown_code as _code
from mfs_core.output import markdown_text as _cell


def _known(value: float | None) -> str:
    return "inconnu" if value is None else decimal(value)


def render(report: Report) -> str:
    summary = report.summary()
    lines = [
        "# Conformité au label France services",
        "",
        f"{summary['sites']} site(s) contrôlé(s) le {report.as_of:%d/%m/%Y} : "
        f"{summary['compliant']} conforme(s), {summary['non_compliant']} non conforme(s) ou "
        "indéterminé(s)."
        + (
            f" {report.skipped_rows} ligne(s) illisible(s) ignorée(s) (détail sur la sortie "
            "d'erreur)."
            if report.skipped_rows
            else ""
        ),
        "",
        "| site | verdict | heures/semaine | jours | erreurs | avertissements | dérogations |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in report.results:
        errors = sum(1 for f in r.active if f.level.value == "error")
        warnings = sum(1 for f in r.active if f.level.value == "warning")
        waived = len(r.findings) - len(r.active)
        lines.append(
            f"| {_cell(r.name)} ({_code(r.id)}) | {r.verdict} | "
            f"{_known(r.weekly_hours)} | {_known(r.opening_days)} | {errors} | {warnings} | "
            f"{waived} |"
        )
    for r in report.results:
        if not r.findings:
            continue
        lines += [
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
