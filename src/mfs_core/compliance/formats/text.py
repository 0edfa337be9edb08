"""``--format text``: for people, in French, one block per site then a summary.

Each line goes through :func:`mfs_core.output.terminal_lines`: a value's own line break
(an ANCT cell, a site name, a plugin's message) is shown as ``\\x0a``, so data never
starts a line of its own (a forged verdict, a GitHub Actions ``::error`` command).
"""

from __future__ import annotations

from typing import IO

from mfs_core import french, geo
from mfs_core.compliance.findings import SiteResult
from mfs_core.compliance.report import Report, ReportStream
from mfs_core.french import SEVERITY_FR
from mfs_core.output import terminal_lines

#: The writer escapes its own output (see :func:`mfs_core.compliance.formats.write`).
ESCAPES_OUTPUT = True


def _opening(result: SiteResult) -> str:
    """``23 h 15 par semaine, 5 jour(s)`` (as the findings write hours); unknown is said,
    never written as zero."""
    hours = (
        "heures inconnues"
        if result.weekly_hours is None
        else f"{french.hours(result.weekly_hours)} par semaine"
    )
    days = "jours inconnus" if result.opening_days is None else f"{result.opening_days} jour(s)"
    return f"{hours}, {days}"


def site_block(result: SiteResult) -> list[str]:
    verdict = result.verdict.upper() if result.verdict == "non conforme" else result.verdict
    where = f" ({result.source})" if result.source else ""
    lines = [f"{result.id} — {result.name}{where} : {verdict} — {_opening(result)}"]
    for finding in result.findings:
        prefix = "  "
        if finding.waiver is not None:
            prefix += (
                f"[dérogation jusqu'au {finding.waiver.until:%d/%m/%Y} : {finding.waiver.reason}] "
            )
        severity = SEVERITY_FR[finding.level]
        lines.append(f"{prefix}{severity} {finding.check} : {finding.message}")
    if result.unknown:
        lines.append("  non vérifiable avec ces données : " + ", ".join(result.unknown))
    return lines


def write(report: Report | ReportStream, out: IO[str]) -> None:
    for result in report.results:
        out.write(terminal_lines(site_block(result)) + "\n")
    summary = report.summary()
    counts = summary["findings"]
    lines: list[str] = []
    if not summary["sites"]:
        lines.append("Aucun site vérifié : aucune ligne de données lisible.")
    lines.append(
        f"Résumé : {summary['sites']} site(s), {summary['compliant']} conforme(s), "
        f"{summary['non_compliant']} non conforme(s) ou indéterminé(s) ; {counts['error']} "
        f"erreur(s), {counts['warning']} avertissement(s), {counts['info']} info(s), "
        f"{summary['suppressed']} couvert(s) par une dérogation"
    )
    if summary["hours_unknown"]:
        lines.append(
            f"Sites aux horaires inconnus (aucun horaire publié ou horaires illisibles) : "
            f"{summary['hours_unknown']} (comptés à part, jamais comme fermés)"
        )
    if report.national:
        if report.skipped_rows:
            lines.append(
                f"Lignes illisibles ignorées : {report.skipped_rows} (détail sur la sortie "
                "d'erreur)"
            )
        lines.append("Contrôles (échec / inconnu) :")
        for check, stats in summary["checks"].items():
            lines.append(f"  {check} : {stats['fail']} en échec, {stats['unknown']} inconnu(s)")
        regions = {d.region: d.region_name for d in geo.departements().values()}
        for title, key, names in (
            ("Par région", "by_region", regions),
            ("Par département", "by_departement", {}),
            ("Par format", "by_format", {}),
        ):
            lines.append(f"{title} :")
            for name, group in summary[key].items():
                failing = ", ".join(f"{c} {n}" for c, n in group["failing"].items()) or "aucun"
                shown = f"{name} {names[name]}" if name in names else name
                lines.append(f"  {shown} : {group['sites']} site(s) ; en échec : {failing}")
    out.write(terminal_lines(lines) + "\n")
