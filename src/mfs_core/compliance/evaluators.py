"""The functions behind the built-in checks: ``evaluate(site) -> Iterable[Finding]``.

Each reads the site file's fields and the :class:`~mfs_core.compliance.context.CheckContext`
the runner attached to the site. Thresholds are module constants so the docs can cite them.
"""

from __future__ import annotations

import datetime as dt
import itertools
import operator
from collections.abc import Callable, Iterator, Sequence

import attrs

from mfs_core.compliance.context import CheckContext, Unit
from mfs_core.compliance.findings import Finding
from mfs_core.compliance.site import Agent, HoursScope, Site
from mfs_core.french import count, duration
from mfs_core.hours import DAYS, Horizon, Interval, WeeklySchedule, format_interval
from mfs_core.model import NATIONAL_PARTNERS

MIN_WEEKLY_MINUTES = 24 * 60
MIN_OPENING_DAYS = 5
MIN_AGENTS_PRESENT = 2


def context_of(site: Site) -> CheckContext:
    """The context the runner attached; checks cannot run without it."""
    if site.context is None:
        raise RuntimeError("site.context is not set: run checks through mfs_core.compliance")
    return site.context


def _per_hours_unit(site: Site, rule: _Rule) -> list[Finding]:
    """Apply an hours rule to each unit of the hours scope, over the horizon.

    Each location on its own when the scope says so and there are several; otherwise the
    structure (the union of its places' hours), named by ``structure_name``. Every judged
    week of the horizon (:meth:`~mfs_core.hours.Horizon.judged`) must meet the rule; a
    finding names the worst week and how many weeks meet it.
    """
    ctx = context_of(site)
    if ctx.hours_scope is HoursScope.EACH_LOCATION and len(ctx.units) > 1:
        units = [(u.name, u.weeks) for u in ctx.units]
    elif ctx.structure_horizon is None:  # one week for all (the ANCT list): the hot path
        # Made of the problem alone (see week_problems: the ANCT list relies on it).
        text, name = rule.problem_of(ctx.structure_week), ctx.structure_name
        if text is None:
            return []
        return [Finding(message=f"{name} : {text}" if name else text, field="hours")]
    else:
        units = [(ctx.structure_name, ctx.structure_horizon)]
    findings = []
    for name, horizon in units:
        judged = horizon.judged()
        failing = [i for i in judged if rule.measure(horizon.week(i)) < rule.minimum]
        if not failing:
            continue
        worst = min(failing, key=lambda i: rule.measure(horizon.week(i)))
        text = rule.problem(horizon.week(worst))
        start = horizon.week_start(worst)
        if start is not None:
            text += (
                f" (semaine du {start:%d/%m/%Y}, la plus faible ; "
                f"{count(len(judged) - len(failing), 'semaine conforme', 'semaines conformes')}"
                f" sur {len(judged)} dans les {len(horizon.weeks)} semaines à venir)"
            )
        findings.append(Finding(message=f"{name} : {text}" if name else text, field="hours"))
    return findings


@attrs.frozen
class _Rule:
    """An opening rule: what it measures in a week, the minimum, and the French problem."""

    measure: Callable[[WeeklySchedule], int]
    minimum: int
    problem: Callable[[WeeklySchedule], str]

    def problem_of(self, week: WeeklySchedule) -> str | None:
        """The problem of ``week``, or None when it meets the rule."""
        return None if self.measure(week) >= self.minimum else self.problem(week)


def _short_week(schedule: WeeklySchedule) -> str:
    return _short_week_of(schedule.weekly_minutes)


def _short_week_of(weekly_minutes: int) -> str:
    return f"ouvert {duration(weekly_minutes)} par semaine, au moins 24 h sont requises"


def _few_days(schedule: WeeklySchedule) -> str:
    return _few_days_of([d for d, slots in zip(DAYS, schedule.days, strict=True) if slots])


def _few_days_of(open_days: Sequence[str]) -> str:
    return (
        f"ouvert {count(len(open_days), 'jour')} par semaine "
        f"({', '.join(open_days) or 'aucun'}), au moins 5 sont requis"
    )


# attrgetter: one C call per site of the national list.
_WEEKLY_HOURS = _Rule(operator.attrgetter("weekly_minutes"), MIN_WEEKLY_MINUTES, _short_week)
_OPENING_DAYS = _Rule(operator.attrgetter("opening_days"), MIN_OPENING_DAYS, _few_days)


def week_problems(week: WeeklySchedule) -> tuple[str | None, str | None]:
    """What the weekly-hours and the opening-days rules say of one week: each rule's French
    problem, or None when the week meets it.

    On a site with one week for all and no structure name (a row of the ANCT list), these
    two texts are all that :func:`weekly_hours` and :func:`opening_days` make their findings
    of: two weeks with the same problems get the same findings, however their slots differ
    (the ANCT list shares one outcome among such rows).
    """
    return _WEEKLY_HOURS.problem_of(week), _OPENING_DAYS.problem_of(week)


def figure_problems(weekly_minutes: int, open_days: Sequence[str]) -> tuple[str | None, str | None]:
    """:func:`week_problems` of a week open ``weekly_minutes`` minutes on ``open_days``
    (French day names, Monday first): what the two rules read of a week, so a caller
    that has these figures needs no week (the ANCT list's rows sum them from their day
    cells)."""
    return (
        None if weekly_minutes >= MIN_WEEKLY_MINUTES else _short_week_of(weekly_minutes),
        None if len(open_days) >= MIN_OPENING_DAYS else _few_days_of(open_days),
    )


def weekly_hours(site: Site) -> list[Finding]:
    return _per_hours_unit(site, _WEEKLY_HOURS)


def opening_days(site: Site) -> list[Finding]:
    return _per_hours_unit(site, _OPENING_DAYS)


def is_trained(agent: Agent, on: dt.date) -> bool:
    """Whether the agent had completed the initial training on that date."""
    return agent.initial_training is not None and agent.initial_training.completed_on <= on


def _presence_by_agent(site: Site, ctx: CheckContext, unit: Unit) -> list[Horizon]:
    """The horizons of the trained agents present at a unit (one per agent)."""
    trained = [a.id for a in site.agents if is_trained(a, ctx.as_of)]
    if not site.presence:  # default: every agent over all opening hours
        return [unit.weeks for _ in trained]
    horizons = []
    for agent in trained:
        weeks = Horizon.steady(WeeklySchedule.closed())
        for entry in site.presence:
            if entry.agent == agent and entry.location in (None, unit.location):
                weeks = weeks.merged_with(entry.hours.read(ctx.as_of).horizon)
        horizons.append(weeks)
    return horizons


def uncovered(
    opening: Sequence[Interval], presences: Sequence[Sequence[Interval]], needed: int
) -> list[tuple[Interval, int]]:
    """The parts of a day's opening with fewer than ``needed`` agents, and how many there are.

    Consecutive parts with the same count are merged, so a lunch hour covered by one agent
    comes out as one slot: ``[((720, 810), 1)]``.
    """
    cuts = sorted(
        {p for s, e in opening for p in (s, e)}
        | {p for slots in presences for s, e in slots for p in (s, e)}
    )
    gaps: list[tuple[Interval, int]] = []
    for start, end in itertools.pairwise(cuts):
        if not any(s <= start and end <= e for s, e in opening):
            continue
        count = sum(1 for slots in presences if any(s <= start and end <= e for s, e in slots))
        if count >= needed:
            continue
        if gaps and gaps[-1][0][1] == start and gaps[-1][1] == count:
            gaps[-1] = ((gaps[-1][0][0], end), count)
        else:
            gaps.append(((start, end), count))
    return gaps


def staffing(site: Site) -> Iterator[Finding]:
    ctx = context_of(site)
    for unit in ctx.units:
        presences = _presence_by_agent(site, ctx, unit)
        horizons = [unit.weeks, *presences]
        weeks_count = max(len(h.weeks) for h in horizons)
        seen: dict[tuple[WeeklySchedule, ...], list[str]] = {}
        failing: list[tuple[int, list[str]]] = []  # (week, its slots), weeks alike once
        for index in range(weeks_count):
            weeks = tuple(h.week(index) for h in horizons)
            slots = seen.get(weeks)
            if slots is None:
                slots = seen[weeks] = _understaffed(weeks[0], weeks[1:])
            if slots:
                failing.append((index, slots))
        if not failing:
            continue
        index, slots = failing[0]
        where = f"{unit.name} : " if len(ctx.units) > 1 else ""
        start = next((h.week_start(index) for h in horizons if h.start is not None), None)
        when = (
            f"semaine du {start:%d/%m/%Y} ({count(len(failing), 'semaine')} sur {weeks_count}) — "
            if start is not None
            else ""
        )
        yield Finding(
            message=f"{where}moins de deux agents formés présents — {when}" + " ; ".join(slots),
            field="presence" if site.presence else "agents",
        )


def _understaffed(opening: WeeklySchedule, presences: Sequence[WeeklySchedule]) -> list[str]:
    """The slots of a week's opening with fewer than two trained agents, in French."""
    slots: list[str] = []
    for index, day in enumerate(opening.days):
        agent_days = [p.days[index] for p in presences]
        for interval, present in uncovered(day, agent_days, MIN_AGENTS_PRESENT):
            slots.append(f"{DAYS[index]} {format_interval(interval)} : {count(present, 'agent')}")
    return slots


def initial_training(site: Site) -> Iterator[Finding]:
    ctx = context_of(site)
    for index, agent in enumerate(site.agents):
        deadline = agent.started_on or site.labelled_on
        training = agent.initial_training
        if training is None:
            yield Finding(
                message=f"agent « {agent.id} » : formation initiale non renseignée",
                field=f"agents[{index}].initial_training",
            )
        elif training.completed_on > ctx.as_of:
            yield Finding(
                message=f"agent « {agent.id} » : formation initiale prévue le "
                f"{training.completed_on:%d/%m/%Y}, pas encore suivie",
                field=f"agents[{index}].initial_training.completed_on",
            )
        elif deadline is not None and training.completed_on > deadline:
            what = "sa prise de poste" if agent.started_on else "la labellisation"
            yield Finding(
                message=f"agent « {agent.id} » : formation initiale suivie le "
                f"{training.completed_on:%d/%m/%Y}, après {what} ({deadline:%d/%m/%Y})",
                field=f"agents[{index}].initial_training.completed_on",
            )


def national_partners(site: Site) -> Iterator[Finding]:
    offered = {p.code for p in site.partners}
    missing = [name for code, name in NATIONAL_PARTNERS.items() if code not in offered]
    if missing:
        yield Finding(
            message=count(
                len(missing),
                "partenaire national non proposé",
                "partenaires nationaux non proposés",
            )
            + " : "
            + ", ".join(missing),
            field="partners",
        )


def partner_plugins(site: Site) -> Iterator[Finding]:
    installed = context_of(site).installed_partners
    for index, offer in enumerate(site.partners):
        if offer.code not in installed:
            yield Finding(
                message=f"partenaire « {offer.code} » proposé mais aucun plugin mfs-core ne "
                "le fournit : ses démarches et règles d'orientation sont inconnues",
                field=f"partners[{index}].code",
            )


#: Equipment belief: the items expected at a counter, with their French names.
EXPECTED_EQUIPMENT: dict[str, str] = {
    "public_computers": "poste informatique en libre accès",
    "internet_access": "accès à internet gratuit",
    "printer": "imprimante",
    "scanner": "scanner",
    "video": "matériel de visioconférence",
}


def equipment(site: Site) -> Iterator[Finding]:
    missing = [
        label for key, label in EXPECTED_EQUIPMENT.items() if not getattr(site.equipment, key)
    ]
    if missing:
        yield Finding(
            message="équipement absent ou non déclaré : " + ", ".join(missing), field="equipment"
        )


def confidential_space(site: Site) -> Iterator[Finding]:
    if not site.equipment.confidential_space:
        yield Finding(
            message="aucun espace de confidentialité déclaré pour recevoir les usagers",
            field="equipment.confidential_space",
        )


def hours_quality(site: Site) -> list[Finding]:
    return [Finding(message=a.message, field="hours") for a in context_of(site).anomalies]


def hours_exceptions(site: Site) -> list[Finding]:
    """Notes (info): the hours kept out of the typical week, for the site to check them."""
    return [Finding(message=text, field="hours") for text in context_of(site).exceptions]
