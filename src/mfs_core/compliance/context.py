"""What the runner works out once per site before calling the checks."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import attrs

from mfs_core.hours import HoursAnomaly, WeeklySchedule

if TYPE_CHECKING:  # site.py imports this module to resolve Site.context
    from mfs_core.compliance.site import HoursScope, Site

__all__ = ["CheckContext", "Unit", "build_context"]


@attrs.frozen(kw_only=True)
class Unit:
    """One place with its own hours: the main site (``location`` None) or a location."""

    name: str
    schedule: WeeklySchedule
    location: str | None = None


@attrs.frozen(kw_only=True)
class CheckContext:
    """Evaluation date, schedules and installed partners, shared by every check of a site.

    ``structure`` is the union of every unit's hours: the structure is open when any of its
    places is. ``anomalies`` are oddities met while reading the hours (ANCT list).
    """

    as_of: dt.date
    installed_partners: frozenset[str]
    hours_scope: HoursScope
    units: tuple[Unit, ...]
    structure: WeeklySchedule
    structure_name: str = ""  # how findings on ``structure`` name it ("" for the site itself)
    anomalies: tuple[HoursAnomaly, ...] = ()


def build_context(
    site: Site,
    *,
    as_of: dt.date,
    installed_partners: frozenset[str],
    hours_scope: HoursScope | None = None,
) -> CheckContext:
    """Compute the schedules of a site file (OSM expressions over a week after ``as_of``)."""
    units: list[Unit] = []
    if site.hours is not None:
        units.append(Unit(name=site.name, schedule=site.hours.schedule(as_of)))
    units.extend(
        Unit(name=loc.name, schedule=loc.hours.schedule(as_of), location=loc.name)
        for loc in site.locations
    )
    structure = WeeklySchedule.closed()
    for unit in units:
        structure = structure.merged_with(unit.schedule)
    return CheckContext(
        as_of=as_of,
        installed_partners=installed_partners,
        hours_scope=hours_scope or site.hours_scope,
        units=tuple(units),
        structure=structure,
    )
