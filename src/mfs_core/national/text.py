"""The national report as French text, for the programme, prefects and mayors.

One block of headline figures for the nation, then a table per level (régions, then
départements, and sites when asked): sites, requests, first-contact resolution, autonomy,
referrals with a known outcome. Régions and départements are named as in the COG 2024
(:mod:`mfs_core.geo`); partners, procedures and thematiques by the labels of the
per-site report (:func:`mfs_core.report.display_name`); numbers the French way
(:mod:`mfs_core.french`).
"""

from __future__ import annotations

from collections.abc import Mapping

from mfs_core import geo
from mfs_core.french import decimal as n  # n(12485) == "12 485", the French way
from mfs_core.french import month_title, percent, plural
from mfs_core.national.indicators import Indicators, NationalReport
from mfs_core.output import terminal_lines
from mfs_core.report.names import display_name as label

__all__ = ["to_text"]

#: Lines of each open breakdown shown for the nation (the JSON output has them all).
TOP = 10


def _headline(figures: Indicators) -> list[str]:
    referrals = figures.by_outcome.get("referral", 0)
    held = figures.follow_ups("appointment_held")
    known = sum(
        figures.follow_ups(event)
        for event in ("referral_accepted", "referral_refused", "referral_expired")
    )
    return [
        f"Sites ayant enregistré au moins une demande : {n(figures.sites)}",
        f"Demandes : {n(figures.total_requests)}",
        f"Résolues au premier contact : {n(figures.resolved_first_contact)} "
        f"({percent(figures.first_contact_resolution_rate)})",
        f"Rendez-vous : {n(figures.by_outcome.get('appointment', 0))} pris, "
        f"{n(held)} {plural(held, 'honoré')}",
        f"Relais vers un partenaire : {n(referrals)} — acceptés "
        f"{n(figures.follow_ups('referral_accepted'))}, refusés "
        f"{n(figures.follow_ups('referral_refused'))}, expirés "
        f"{n(figures.follow_ups('referral_expired'))}, sans suite connue {n(referrals - known)}",
        f"Vers l'autonomie : {n(figures.towards_autonomy)} sur {n(figures.autonomy_recorded)} "
        f"{plural(figures.autonomy_recorded, 'renseignée')} ({percent(figures.autonomy_rate)})",
        f"Usagers identifiés (somme des sites) : {n(figures.residents)}, revenus dans le mois : "
        f"{n(figures.repeat_visits)} fois",
    ]


def _table(title: str, rows: Mapping[str, Indicators], names: Mapping[str, str]) -> list[str]:
    if not rows:
        return []
    shown = {key: f"{key} {names[key]}" if key in names else key for key in rows}
    width = max(len(name) for name in shown.values())
    lines = [
        "",
        f"{title} :",
        f"  {'':<{width}}  {'sites':>5}  {'demandes':>8}  {'1er contact':>11}  {'autonomie':>9}",
    ]
    for key, figures in rows.items():
        lines.append(
            f"  {shown[key]:<{width}}  {n(figures.sites):>5}  {n(figures.total_requests):>8}  "
            f"{percent(figures.first_contact_resolution_rate):>11}  "
            f"{percent(figures.autonomy_rate):>9}"
        )
    return lines


def to_text(
    report: NationalReport, names: Mapping[str, str] | None = None, *, sites: bool = False
) -> str:
    """The report as French text; ``names`` gives partners' and procedures' names (see
    :attr:`mfs_core.registry.Registry.display_names`); ``sites`` adds one line per site."""
    departements = geo.departements()
    regions = {d.region: d.region_name for d in departements.values()}
    national = report.national
    lines = [
        f"Activité nationale France services — {month_title(report.month)}",
        "",
        *_headline(national),
    ]
    # What docs/national.md promises of the text (review 15f, L9); the JSON has these in
    # full and the breakdowns by outcome, autonomy and routing decision too.
    for title, first, counts in (
        ("Par partenaire", "premiers", national.by_partner),
        ("Par démarche", "premières", national.by_procedure),
        ("Par thématique", "premières", national.by_thematique),
        ("Par canal", "premiers", national.by_channel),
    ):
        if counts:
            # All shown: no « (1 premiers sur 1) »; cut: « (10 premières sur 37) ».
            cut = f" ({TOP} {first} sur {n(len(counts))})" if len(counts) > TOP else ""
            lines += ["", f"{title}{cut} :"]
            top = list(counts.items())[:TOP]
            width = max(len(label(key, names)) for key, _ in top)
            lines += [f"  {label(key, names):<{width}}  {n(count):>8}" for key, count in top]
    lines += _table("Par région", report.by_region, regions)
    lines += _table(
        "Par département", report.by_departement, {k: v.name for k, v in departements.items()}
    )
    if sites:
        lines += _table(
            "Par site (département)",
            report.by_site,
            {site: f"({place[0]})" for site, place in report.places.items()},
        )
    lines += [
        "",
        "Usagers : chaque site pseudonymise les siens avec son propre secret ; un usager venu "
        "dans deux sites compte dans chacun.",
    ]
    if not national.sites:
        lines += ["", "Aucune demande pour ce mois dans les jeux de données donnés."]
    # One line each: a code or a site id from a dataset cannot start a line of its own.
    return terminal_lines(lines) + "\n"
