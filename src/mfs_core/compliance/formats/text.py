"""``--format text``: for people, in French, one block per site then a summary.

Each line goes through :func:`mfs_core.output.terminal_lines`: a value's own line break
(an ANCT cell, a site name, a plugin's message) is shown as ``\\x0a``, so data never
starts a line of its own (a forged verdict, a GitHub Actions ``::error`` command).
"""

from __future__ import annotations

from typing import IO, Any

from mfs_core import french, geo
from mfs_core.compliance.findings import SiteResult
from mfs_core.compliance.report import Report, ReportStream
from mfs_core.french import SEVERITY_FR, count, decimal
from mfs_core.output import terminal_lines

#: The writer escapes its own output (see :func:`mfs_core.compliance.formats.write`).
ESCAPES_OUTPUT = True


def _opening(result: SiteResult) -> str:
    """``23 h 15 par semaine, 5 jours`` (as the findings write hours); unknown is said,
    never written as zero."""
    hours = (
        "heures inconnues"
        if result.weekly_hours is None
        else f"{french.hours(result.weekly_hours)} par semaine"
    )
    days = "jours inconnus" if result.opening_days is None else count(result.opening_days, "jour")
    return f"{hours}, {days}"


def verdicts(summary: dict[str, Any]) -> str:
    """``1 conforme, 3 non conformes, 0 indéterminé``: the sites by the verdict printed for
    each (the summary's ``by_verdict``), agreed with their number (singular for 0 and 1)."""
    by_verdict = summary["by_verdict"]
    return (
        f"{count(by_verdict['compliant'], 'conforme')}, "
        f"{count(by_verdict['non_compliant'], 'non conforme')}, "
        f"{count(by_verdict['undetermined'], 'indéterminé')}"
    )


def unreadable_files(n: int) -> str:
    """``1 fichier de site illisible, non contrôlé`` (agreed with ``n``)."""
    return count(
        n, "fichier de site illisible, non contrôlé", "fichiers de site illisibles, non contrôlés"
    )


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


def _region_names() -> dict[str, str]:
    """How the summary names each key of ``by_region``: ``75 Nouvelle-Aquitaine``; the
    collectivités d'outre-mer by their name (no région: :data:`mfs_core.geo.NO_REGION`);
    ``?`` (a code that cannot be placed) as itself."""
    names = {d.region: f"{d.region} {d.region_name}" for d in geo.departements().values()}
    names[geo.NO_REGION] = geo.NO_REGION_NAME
    return names


def _departement_names() -> dict[str, str]:
    """How the summary names each key of ``by_departement``: ``64 Pyrénées-Atlantiques``,
    ``988 Nouvelle-Calédonie``; a code of neither as itself."""
    names = {d.code: f"{d.code} {d.name}" for d in geo.departements().values()}
    names.update((code, f"{code} {name}") for code, name in geo.COLLECTIVITES.items())
    return names


def write(report: Report | ReportStream, out: IO[str]) -> None:
    for result in report.results:
        out.write(terminal_lines(site_block(result)) + "\n")
    summary = report.summary()
    counts = summary["findings"]
    lines: list[str] = []
    if not summary["sites"]:
        unread = "aucune ligne de données lisible" if report.national else "aucun fichier lisible"
        lines.append(f"Aucun site vérifié : {unread}.")
    lines.append(
        f"Résumé : {count(summary['sites'], 'site')} ({verdicts(summary)}) ; "
        f"{count(counts['error'], 'erreur')}, {count(counts['warning'], 'avertissement')}, "
        f"{count(counts['info'], 'info')}, "
        f"{count(summary['suppressed'], 'constat couvert', 'constats couverts')} par une "
        "dérogation"
    )
    if summary["hours_unknown"]:
        lines.append(
            f"Sites aux horaires inconnus (aucun horaire publié ou horaires illisibles) : "
            f"{decimal(summary['hours_unknown'])} (comptés à part, jamais comme fermés)"
        )
    if not report.national and report.unreadable_files:
        lines.append(f"{unreadable_files(report.unreadable_files)} (détail sur la sortie d'erreur)")
    if report.national:
        if report.skipped_rows:
            lines.append(
                f"Lignes illisibles ignorées : {decimal(report.skipped_rows)} (détail sur la "
                "sortie d'erreur)"
            )
        lines.append("Contrôles (échec / inconnu) :")
        for check, stats in summary["checks"].items():
            lines.append(
                f"  {check} : {decimal(stats['fail'])} en échec, "
                f"{count(stats['unknown'], 'inconnu')}"
            )
        for title, key, names in (
            ("Par région", "by_region", _region_names()),
            ("Par département", "by_departement", _departement_names()),
            ("Par format", "by_format", {}),
        ):
            lines.append(f"{title} :")
            for name, group in summary[key].items():
                failing = (
                    ", ".join(f"{c} {decimal(n)}" for c, n in group["failing"].items()) or "aucun"
                )
                lines.append(
                    f"  {names.get(name, name)} : {count(group['sites'], 'site')} ; "
                    f"en échec : {failing}"
                )
    out.write(terminal_lines(lines) + "\n")
