"""``--format text``: the report as plain French text, for the site and the town."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping

from mfs_core.french import decimal as n  # n(12485) == "12 485", the French way
from mfs_core.french import month_title, percent, plural
from mfs_core.output import terminal_lines, terminal_text
from mfs_core.redaction.statement import statement_fr
from mfs_core.report.monthly import MonthlyReport
from mfs_core.report.names import display_name

__all__ = ["render", "to_text"]


def to_text(report: MonthlyReport, names: Mapping[str, str] | None = None) -> str:
    """The report as plain French text, for the site and the town; ``names`` gives the
    partners' and procedures' names (code or id -> name, from the registry)."""
    appointments, referrals = report.appointments, report.referrals
    lines = [
        f"Activité France services — {month_title(report.month)}",
        "",
        f"Demandes : {n(report.total_requests)}",
        f"Résolues au premier contact : {n(report.resolved_first_contact)} "
        f"({percent(report.first_contact_resolution_rate)})",
        f"Rendez-vous : {n(appointments.booked)} pris, {n(appointments.held)} "
        f"{plural(appointments.held, 'honoré')}",
        # « relais » is masculine: acceptés, refusés, expirés (as the national report).
        f"Relais vers un partenaire : {n(referrals.total)} — acceptés {n(referrals.accepted)}, "
        f"refusés {n(referrals.refused)}, expirés {n(referrals.expired)}, "
        f"sans suite connue {n(referrals.pending)}",
        f"Vers l'autonomie : {n(report.towards_autonomy)} sur {n(report.autonomy_recorded)} "
        f"{plural(report.autonomy_recorded, 'renseignée')} ({percent(report.autonomy_rate)})",
        f"Usagers identifiés (pseudonymes) : {n(report.residents)}, revenus dans le mois : "
        f"{n(report.repeat_visits)} fois",
        f"Suite différente de la décision du routage : {n(report.decisions.outcome_differs)} sur "
        f"{n(report.decisions.recorded)} "
        f"{plural(report.decisions.recorded, 'décision enregistrée', 'décisions enregistrées')} "
        f"({percent(report.decisions.outcome_differs_rate)})",
    ]
    sections = (
        ("Par partenaire", report.by_partner),
        ("Par démarche", report.by_procedure),
        ("Par thématique", report.by_thematique),
        ("Par canal", report.by_channel),
        ("Par suite donnée", report.by_outcome),
        ("Par autonomie", report.by_autonomy),
        ("Par décision du routage", report.by_decision),
        (
            "Suite différente de la décision, par décision",
            report.decisions.outcome_differs_by_decision,
        ),
        ("Motifs de refus des relais", referrals.refusal_reasons),
    )
    for title, counts in sections:
        if not counts:
            continue
        lines += ["", f"{title} :"]
        width = max(len(display_name(key, names)) for key in counts)
        lines += [
            f"  {display_name(key, names):<{width}}  {n(count):>6}" for key, count in counts.items()
        ]
    lines += ["", *textwrap.wrap(statement_fr(), width=92)]
    # One line each: a partner's name, a refusal reason or a code from the journal cannot
    # start a line of its own (a forged figure).
    return terminal_lines(lines) + "\n"


def render(
    report: MonthlyReport,
    names: Mapping[str, str] | None = None,
    *,
    site_name: str | None = None,
    extra: str = "",
) -> str:
    """:func:`to_text`, headed by ``Site : NAME`` when ``site_name`` is given and followed
    by ``extra`` (text), control characters shown as escapes
    (:func:`mfs_core.output.terminal_text`), for a terminal or a file alike; the site
    name on one line (its line breaks shown as ``\\x0a``)."""
    title = f"Site : {terminal_text(site_name, one_line=True)}\n" if site_name else ""
    return terminal_text(title + to_text(report, names) + extra)
