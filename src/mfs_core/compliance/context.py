"""What the runner works out once per site before calling the checks: the
:class:`CheckContext` a check reads as ``site.context``.

This module imports nothing of the site file's model: :mod:`mfs_core.compliance.site`
imports it (``Site.context`` is typed with it), and
:func:`mfs_core.compliance.schedules.build_context` fills it from a site.
"""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from mfs_core.hours import Horizon, HoursAnomaly, WeeklySchedule

__all__ = ["CheckContext", "HoursScope", "Unit"]


class HoursScope(enum.StrEnum):
    """Where the 24 h / 5 days rule applies when a site has several locations.

    No public source says whether it applies per antenna or bus stop, or to the structure as
    a whole (see ``domain.md``): it is a choice, ``structure`` by default. A site file sets
    it (``hours_scope``), and ``mfs check --hours-scope`` overrides it.
    """

    STRUCTURE = "structure"  # the union of every location's hours must meet the rule
    EACH_LOCATION = "each-location"  # every location must meet it on its own


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

    ``structure_week`` is the union of every unit's typical week, ``structure_horizon`` of
    their weeks: the structure (the site with all its places) is open when any of its places
    is. ``anomalies`` are oddities met
    while reading the hours; ``exceptions`` the hours kept out of the typical week (French,
    e.g. ``fermé le 02/12/2026``). ``hours_known`` is false when the site publishes no hours
    at all: the opening rules are then unknown, never judged on an empty week.
    """

    as_of: dt.date
    installed_partners: frozenset[str]
    hours_scope: HoursScope
    units: tuple[Unit, ...]
    structure_week: WeeklySchedule
    #: How findings on the structure name it ("" for the site itself).
    structure_name: str = ""
    anomalies: tuple[HoursAnomaly, ...] = ()
    structure_horizon: Horizon | None = None
    exceptions: tuple[str, ...] = ()
    hours_known: bool = True

    @property
    def structure_weeks(self) -> Horizon:
        """The structure's horizon, steady when none was given."""
        return self.structure_horizon or Horizon.steady(self.structure_week)
