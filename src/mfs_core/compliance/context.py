"""What the runner works out once per site before calling the checks."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import attrs

from mfs_core.hours import Horizon, HoursAnomaly, WeeklySchedule

if TYPE_CHECKING:  # site.py imports this module to resolve Site.context
    from mfs_core.compliance.site import Hours, HoursScope, Site

__all__ = ["CheckContext", "Unit", "build_context"]


@attrs.frozen(kw_only=True)
class Unit:
    """One place with its own hours: the main site (``location`` None) or a location.

    ``schedule`` is its typical week (the first week of the horizon); ``horizon`` its weeks
    over the horizon (None: ``schedule`` every week).
    """

    name: str
    schedule: WeeklySchedule
    location: str | None = None
    horizon: Horizon | None = None

    @property
    def weeks(self) -> Horizon:
        """The unit's horizon, steady when none was given."""
        return self.horizon or Horizon.steady(self.schedule)


@attrs.frozen(kw_only=True)
class CheckContext:
    """Evaluation date, schedules and installed partners, shared by every check of a site.

    ``structure`` is the union of every unit's typical week, ``structure_horizon`` of their
    weeks: the structure is open when any of its places is. ``anomalies`` are oddities met
    while reading the hours; ``exceptions`` the hours kept out of the typical week (French,
    e.g. ``fermé le 02/12/2026``). ``hours_known`` is false when the site publishes no hours
    at all: the opening rules are then unknown, never judged on an empty week.
    """

    as_of: dt.date
    installed_partners: frozenset[str]
    hours_scope: HoursScope
    units: tuple[Unit, ...]
    structure: WeeklySchedule
    structure_name: str = ""  # how findings on ``structure`` name it ("" for the site itself)
    anomalies: tuple[HoursAnomaly, ...] = ()
    structure_horizon: Horizon | None = None
    exceptions: tuple[str, ...] = ()
    hours_known: bool = True

    @property
    def structure_weeks(self) -> Horizon:
        """The structure's horizon, steady when none was given."""
        return self.structure_horizon or Horizon.steady(self.structure)


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
    from mfs_core.hours import NO_HOURS

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
        structure=horizon.weeks[0],
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
        count = last - first + 1
        lines.append(
            f"fermé du {since:%d/%m/%Y} au {end:%d/%m/%Y} ({count} semaine(s) entière(s), "
            "non comptée(s) pour les règles d'ouverture)"
        )
    return lines
