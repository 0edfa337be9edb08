"""The schedules of a site, worked out once before its checks: :func:`build_context`.

Reads the hours of the site file (its main location and every other location) over the
horizon from the evaluation date, and gathers what the checks share in a
:class:`~mfs_core.compliance.context.CheckContext`.
"""

from __future__ import annotations

import datetime as dt

import attrs

from mfs_core.compliance.context import CheckContext, HoursScope, Unit
from mfs_core.compliance.site import Hours, Site
from mfs_core.french import count, plural
from mfs_core.hours import NO_HOURS, Horizon, HoursAnomaly, WeeklySchedule

__all__ = ["build_context"]


def build_context(
    site: Site,
    *,
    as_of: dt.date,
    installed_partners: frozenset[str],
    hours_scope: HoursScope | None = None,
) -> CheckContext:
    """Read the hours of a site file over the horizon from ``as_of``.

    A site with neither ``hours`` nor ``locations`` publishes no hours: ``hours_known`` is
    false and a ``no-hours`` anomaly says so.
    """
    places: list[tuple[str, Hours, str | None]] = []
    if site.hours is not None:
        places.append((site.name, site.hours, None))
    places += [(loc.name, loc.hours, loc.name) for loc in site.locations]
    units: list[Unit] = []
    anomalies: list[HoursAnomaly] = []
    exceptions: list[str] = []
    several = len(places) > 1
    for name, hours, location in places:
        read = hours.read(as_of)
        units.append(
            Unit(name=name, schedule=read.horizon.weeks[0], location=location, horizon=read.horizon)
        )
        prefix = f"{name} : " if several else ""
        exceptions.extend(prefix + text for text in read.exceptions)
        exceptions.extend(prefix + text for text in _closures(read.horizon))
        anomalies.extend(attrs.evolve(a, message=prefix + a.message) for a in read.anomalies)
    if not units:
        anomalies.append(
            HoursAnomaly("", NO_HOURS, "", "aucun horaire déclaré (ni hours, ni locations)")
        )
    horizon = Horizon.steady(WeeklySchedule.closed())
    for unit in units:
        horizon = horizon.merged_with(unit.weeks)
    return CheckContext(
        as_of=as_of,
        installed_partners=installed_partners,
        hours_scope=hours_scope or site.hours_scope,
        units=tuple(units),
        structure_week=horizon.weeks[0],
        anomalies=tuple(anomalies),
        structure_horizon=horizon,
        exceptions=tuple(exceptions),
        hours_known=bool(units),
    )


def _closures(horizon: Horizon) -> list[str]:
    """French lines for the weeks closed from Monday to Sunday (not judged by the rules)."""
    lines = []
    for first, last in horizon.closed_runs():
        since, until = horizon.week_start(first), horizon.week_start(last)
        assert since is not None
        assert until is not None
        end = until + dt.timedelta(days=6)
        weeks = last - first + 1
        lines.append(
            f"fermé du {since:%d/%m/%Y} au {end:%d/%m/%Y} "
            f"({count(weeks, 'semaine entière', 'semaines entières')}, "
            f"{plural(weeks, 'non comptée', 'non comptées')} pour les règles d'ouverture)"
        )
    return lines
