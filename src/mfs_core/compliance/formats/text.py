"""``--format text``: for people, in French, one block per site then a summary."""

from __future__ import annotations

from mfs_core.compliance.findings import SiteResult
from mfs_core.compliance.report import Report


def _hours(value: float) -> str:
    return f"{value:g} h"


def site_block(result: SiteResult) -> list[str]:
    verdict = result.verdict.upper() if result.verdict == "non conforme" else result.verdict
    where = f" ({result.source})" if result.source else ""
    lines = [
        f"{result.id} — {result.name}{where} : {verdict} — "
        f"{_hours(result.weekly_hours)}/semaine, {result.opening_days} jour(s)"
    ]
    for finding in result.findings:
        prefix = "  "
        if finding.waiver is not None:
            prefix += (
                f"[dérogation jusqu'au {finding.waiver.until:%d/%m/%Y} : {finding.waiver.reason}] "
            )
        lines.append(f"{prefix}{finding.level.value} {finding.check} : {finding.message}")
    if result.unknown:
        lines.append("  non vérifiable avec ces données : " + ", ".join(result.unknown))
    return lines


def render(report: Report) -> str:
    lines: list[str] = []
    for result in report.results:
        lines.extend(site_block(result))
    summary = report.summary()
    counts = summary["findings"]
    if not report.results:
        lines.append("Aucun site vérifié : aucune ligne de données lisible.")
    lines.append(
        f"Résumé : {summary['sites']} site(s), {summary['compliant']} conforme(s), "
        f"{summary['non_compliant']} non conforme(s) ou indéterminé(s) ; {counts['error']} "
        f"erreur(s), {counts['warning']} avertissement(s), {counts['info']} info(s), "
        f"{summary['suppressed']} couvert(s) par une dérogation"
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
        for title, key in (("Par département", "by_departement"), ("Par format", "by_format")):
            lines.append(f"{title} :")
            for name, group in summary[key].items():
                failing = ", ".join(f"{c} {n}" for c, n in group["failing"].items()) or "aucun"
                lines.append(f"  {name} : {group['sites']} site(s) ; en échec : {failing}")
    return "\n".join(lines) + "\n"
