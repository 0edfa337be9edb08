"""The site description: what a France services site declares about itself.

A municipality keeps it as a TOML file next to its other configuration; :func:`load_site`
reads it through the shared converter, so a wrong type or an unknown key is an
:class:`~mfs_core.errors.InputError` naming the file and the field. The JSON Schema of the
file is generated from these classes (:mod:`mfs_core.compliance.schema`).

Personal data: an agent is identified by a short label of the site's choosing (initials, a
role); the file needs no name, no contact, nothing else about the person.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, ClassVar

import attrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from mfs_core import hours as _hours
from mfs_core import osm_hours as _osm_hours
from mfs_core.compliance.context import CheckContext, HoursScope
from mfs_core.converter import converter, objects_only, structure
from mfs_core.inputs import read_toml

__all__ = [
    "Agent",
    "DayTable",
    "Equipment",
    "Hours",
    "HoursReading",
    "HoursScope",
    "Location",
    "OfferMode",
    "PartnerOffer",
    "Presence",
    "Site",
    "SiteFormat",
    "Training",
    "Waiver",
    "load_site",
]

#: A commune's INSEE code: five ASCII digits, or 2A/2B and three digits in Corsica (``\d``
#: would accept other scripts' digits, such as Arabic-Indic ``٦٤٤٨٣``).
INSEE_CODE_PATTERN = re.compile(r"^(?:[0-9]{5}|2[AB][0-9]{3})$")


class SiteFormat(enum.StrEnum):
    """How the site meets the public (the ANCT list's ``format_fs``, simplified)."""

    FIXED = "fixed"
    MOBILE = "mobile"  # a bus stopping in several communes
    ANTENNA = "antenna"  # a main site with one or more antennas
    MULTI_SITE = "multi-site"  # several sites sharing one label


class OfferMode(enum.StrEnum):
    """How a partner's services are offered at the site."""

    REFERENT = "referent"  # the agents use the partner's back-office referent
    PERMANENCE = "permanence"  # the partner holds on-site permanences
    VIDEO = "video"  # video appointments with the partner


def _non_empty(_instance: Any, attribute: attrs.Attribute[Any], value: str) -> None:
    if not value.strip():
        raise ValueError(f"{attribute.name}: expected a non-empty string")


def _insee(_instance: Any, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not INSEE_CODE_PATTERN.match(value):
        raise ValueError(
            f"{attribute.name}: expected an INSEE commune code (5 ASCII digits, or 2A/2B and 3 "
            "digits, e.g. 64483), "
            f"got {value!r}"
        )


def _count(_instance: Any, attribute: attrs.Attribute[Any], value: int) -> None:
    if value < 0:
        raise ValueError(f"{attribute.name}: expected a count >= 0, got {value}")


def _positive_days(_instance: Any, attribute: attrs.Attribute[Any], value: float | None) -> None:
    # TOML reads nan and inf as floats: neither is a length.
    if value is not None and not (math.isfinite(value) and value > 0):
        raise ValueError(f"{attribute.name}: expected a finite number of days > 0, got {value}")


def _doc(description: str, **schema: Any) -> dict[str, Any]:
    """attrs metadata read by the JSON Schema generator (description and extra keywords)."""
    return {"schema": {"description": description, **schema}}


_SLOTS = _doc('slots of the day, e.g. ["09:00-12:00", "13:30-17:00"]')


@attrs.frozen(kw_only=True)
class DayTable:
    """Opening slots per day, e.g. ``lundi = ["09:00-12:00", "13:30-17:00"]``."""

    lundi: tuple[str, ...] = attrs.field(default=(), metadata=_SLOTS)
    mardi: tuple[str, ...] = attrs.field(default=(), metadata=_SLOTS)
    mercredi: tuple[str, ...] = attrs.field(default=(), metadata=_SLOTS)
    jeudi: tuple[str, ...] = attrs.field(default=(), metadata=_SLOTS)
    vendredi: tuple[str, ...] = attrs.field(default=(), metadata=_SLOTS)
    samedi: tuple[str, ...] = attrs.field(default=(), metadata=_SLOTS)
    dimanche: tuple[str, ...] = attrs.field(default=(), metadata=_SLOTS)

    def __attrs_post_init__(self) -> None:
        _schedule, anomalies = _hours.from_table(attrs.asdict(self))
        # An implausibly long slot is counted and reported by the checks, not refused.
        wrong = [a for a in anomalies if a.kind not in _hours.IMPLAUSIBLE]
        if wrong:
            raise ValueError(
                "expected slots like 09:00-12:00, not overlapping: "
                + "; ".join(a.message for a in wrong)
            )


@attrs.frozen(kw_only=True)
class Hours:
    """Opening hours: exactly one of an OSM ``opening_hours`` string or a per-day table."""

    __schema_extra__: ClassVar[dict[str, Any]] = {
        "oneOf": [{"required": ["osm"]}, {"required": ["table"]}]
    }

    osm: str | None = attrs.field(
        default=None,
        metadata=_doc(
            'OpenStreetMap opening_hours expression, e.g. "Mo-Fr 08:30-12:30,13:30-17:00; PH off"'
        ),
    )
    table: DayTable | None = attrs.field(default=None, metadata=_doc("slots per day"))

    def __attrs_post_init__(self) -> None:
        if (self.osm is None) == (self.table is None):
            raise ValueError("expected exactly one of osm (an opening_hours string) or table")
        if self.osm is not None:
            try:
                _osm_hours.from_osm(self.osm)
            except ValueError as exc:  # the parser's message, under the field's name
                raise ValueError(f"osm: {exc}") from None

    def schedule(self, week_of: dt.date | None = None) -> _hours.WeeklySchedule:
        """The typical week these hours describe (the first week of the horizon)."""
        if self.osm is not None:
            return _osm_hours.from_osm(self.osm, week_of=week_of)
        assert self.table is not None
        return _hours.from_table(attrs.asdict(self.table))[0]

    def read(self, as_of: dt.date) -> HoursReading:
        """The weeks of the horizon from ``as_of``, what they leave out, and the oddities."""
        if self.osm is not None:
            read = _osm_hours.read_osm(self.osm, as_of)
            return HoursReading(
                horizon=_hours.Horizon.of(read.start, read.weeks),
                exceptions=tuple(e.message for e in read.exceptions),
                anomalies=read.anomalies,
            )
        assert self.table is not None
        schedule, anomalies = _hours.from_table(attrs.asdict(self.table))
        return HoursReading(horizon=_hours.Horizon.steady(schedule), anomalies=anomalies)


@attrs.frozen(kw_only=True)
class HoursReading:
    """Hours as the checks read them: the horizon of regular weeks, the exceptions kept out
    of it (French, e.g. ``fermé le 02/12/2026``) and the anomalies to report."""

    horizon: _hours.Horizon
    exceptions: tuple[str, ...] = ()
    anomalies: tuple[_hours.HoursAnomaly, ...] = ()


@attrs.frozen(kw_only=True)
class Training:
    """A training session: when it was completed and who gave it."""

    completed_on: dt.date = attrs.field(metadata=_doc("date the training was completed"))
    provider: str = attrs.field(
        validator=_non_empty, metadata=_doc("who gave it (CNFPT, a partner...)", minLength=1)
    )
    days: float | None = attrs.field(
        default=None,
        validator=_positive_days,
        metadata=_doc("length in days", exclusiveMinimum=0),
    )
    topic: str = attrs.field(default="", metadata=_doc("subject of the session"))


@attrs.frozen(kw_only=True)
class Agent:
    """A conseiller France services, named by a label of the site's choosing (no personal data).

    ``started_on`` is when the agent began at this counter; if empty, the labelling date.
    """

    id: str = attrs.field(
        validator=_non_empty,
        metadata=_doc("a label of the site's choosing (initials, a role), not a name", minLength=1),
    )
    initial_training: Training | None = attrs.field(
        default=None, metadata=_doc("the compulsory initial training France services")
    )
    continuing_training: tuple[Training, ...] = attrs.field(
        default=(), metadata=_doc("continuing training sessions (partners, immersions)")
    )
    started_on: dt.date | None = attrs.field(
        default=None,
        metadata=_doc("date the agent began at this counter (default: the labelling date)"),
    )


@attrs.frozen(kw_only=True)
class Presence:
    """When one agent is at the counter; ``location`` limits it to one location."""

    agent: str = attrs.field(metadata=_doc("id of an agent of the agents list"))
    hours: Hours = attrs.field(metadata=_doc("when the agent is at the counter"))
    location: str | None = attrs.field(
        default=None, metadata=_doc("name of a location (default: every location)")
    )


@attrs.frozen(kw_only=True)
class Location:
    """An antenna, a bus stop or one site of a multi-site structure, with its own hours."""

    name: str = attrs.field(validator=_non_empty, metadata=_doc("its name", minLength=1))
    hours: Hours = attrs.field(metadata=_doc("its opening hours"))
    insee_code: str | None = attrs.field(
        default=None,
        validator=_insee,
        metadata=_doc("INSEE code of its commune", pattern=INSEE_CODE_PATTERN.pattern),
    )


@attrs.frozen(kw_only=True)
class PartnerOffer:
    """A partner whose services the site offers, and how."""

    code: str = attrs.field(
        metadata=_doc(
            "partner code: caf, cnam, cnav, dgfip, france-travail, interieur, "
            "justice, la-poste, msa, or a local partner's plugin code"
        )
    )
    how: tuple[OfferMode, ...] = attrs.field(
        default=(OfferMode.REFERENT,), metadata=_doc("how it is offered (default: referent)")
    )


@attrs.frozen(kw_only=True)
class Equipment:
    """What the site has for the public. Missing keys mean "absent"."""

    public_computers: int = attrs.field(
        default=0,
        validator=_count,
        metadata=_doc("computers in free access for the public", minimum=0),
    )
    printer: bool = attrs.field(default=False, metadata=_doc("a printer for the public"))
    scanner: bool = attrs.field(default=False, metadata=_doc("a scanner for the public"))
    internet_access: bool = attrs.field(default=False, metadata=_doc("free internet access"))
    video: bool = attrs.field(default=False, metadata=_doc("video appointments equipment"))
    second_screen: bool = attrs.field(
        default=False, metadata=_doc("a second screen facing the resident")
    )
    confidential_space: bool = attrs.field(
        default=False, metadata=_doc("a private space to receive residents")
    )


#: The default: nothing declared (shared, as the class is frozen).
NO_EQUIPMENT = Equipment()


@attrs.frozen(kw_only=True)
class Waiver:
    """A deliberate exception to one check: the reason is required, the end date too."""

    check: str = attrs.field(metadata=_doc("id of the waived check, e.g. label.staffing"))
    reason: str = attrs.field(
        validator=_non_empty, metadata=_doc("why (required), e.g. zone de montagne", minLength=1)
    )
    until: dt.date = attrs.field(metadata=_doc("last day the waiver applies"))


@attrs.frozen(kw_only=True)
class Site:
    """A France services site as described in its TOML file.

    ``hours`` are the main location's (none: a bus known only by its stops); ``locations``
    add antennas, bus stops or the other sites of a multi-site structure. When ``presence``
    is empty every agent is taken to be present over all opening hours of every location.
    ``context`` is not read from the file: the runner sets it (evaluation date, schedules,
    installed partners) before calling checks.
    """

    id: str = attrs.field(
        validator=_non_empty, metadata=_doc("stable id of the site, e.g. its slug", minLength=1)
    )
    name: str = attrs.field(validator=_non_empty, metadata=_doc("public name", minLength=1))
    porteur: str = attrs.field(
        validator=_non_empty,
        metadata=_doc("who runs it: commune, CCAS, intercommunality...", minLength=1),
    )
    insee_code: str = attrs.field(
        validator=_insee,
        metadata=_doc("INSEE code of its commune", pattern=INSEE_CODE_PATTERN.pattern),
    )
    format: SiteFormat = attrs.field(
        default=SiteFormat.FIXED, metadata=_doc("how it meets the public")
    )
    labelled_on: dt.date | None = attrs.field(
        default=None, metadata=_doc("date of the France services label")
    )
    hours: Hours | None = attrs.field(
        default=None, metadata=_doc("opening hours of the main location")
    )
    locations: tuple[Location, ...] = attrs.field(
        default=(), metadata=_doc("antennas, bus stops, other sites, each with its hours")
    )
    hours_scope: HoursScope = attrs.field(
        default=HoursScope.STRUCTURE,
        metadata=_doc("apply the 24 h / 5 days rule to the whole structure or to each location"),
    )
    agents: tuple[Agent, ...] = attrs.field(default=(), metadata=_doc("the agents"))
    presence: tuple[Presence, ...] = attrs.field(
        default=(),
        metadata=_doc("who is present when (default: every agent over all opening hours)"),
    )
    partners: tuple[PartnerOffer, ...] = attrs.field(
        default=(), metadata=_doc("partners whose services are offered")
    )
    equipment: Equipment = attrs.field(default=NO_EQUIPMENT, metadata=_doc("equipment"))
    waivers: tuple[Waiver, ...] = attrs.field(
        default=(), metadata=_doc("deliberate exceptions to checks, each with reason and end")
    )
    context: CheckContext | None = attrs.field(default=None, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if not (self.agents or self.locations or self.partners):
            return  # nothing to cross-check (the ANCT list's rows: keep it cheap)
        _unique("agents", (a.id for a in self.agents))
        _unique("locations", (loc.name for loc in self.locations))
        _unique("partners", (p.code for p in self.partners))
        agents = {a.id for a in self.agents}
        locations = {loc.name for loc in self.locations}
        for index, entry in enumerate(self.presence):
            if entry.agent not in agents:
                raise ValueError(f"presence[{index}].agent: unknown agent {entry.agent!r}")
            if entry.location is not None and entry.location not in locations:
                raise ValueError(f"presence[{index}].location: unknown location {entry.location!r}")


def _unique(field: str, keys: Iterable[str]) -> None:
    seen: set[str] = set()
    for key in keys:
        if key in seen:
            raise ValueError(f"{field}: {key!r} is listed twice")
        seen.add(key)


def load_site(path: Path | str) -> Site:
    """Read a site file (TOML, through :func:`mfs_core.inputs.read_toml`: UTF-8 with or
    without a byte order mark, size and depth limits); bad syntax or content raises
    :class:`InputError` naming the file."""
    data = read_toml(str(path))
    return structure(data, Site, source=str(path))


#: Most characters of distinct ``osm`` hours expressions one site may give (its own and its
#: locations'). Each is evaluated over :data:`~mfs_core.osm_hours.HORIZON_WEEKS` weeks as
#: it is read: about 50 to 100 ms for one of the longest allowed (2,000 characters of
#: alternating-week slots), microseconds for a real one. Review 16c sent 60 locations of
#: 1,900 characters each (a 117 KB body to ``POST /check``) and cost 7 s of CPU; 16,000 is
#: forty expressions as long as the longest real La Poste string (under 400), and bounds
#: the worst site to under a second.
MAX_SITE_OSM_CHARS = 16_000


def _osm_expressions(data: Any) -> Iterable[object]:
    """The raw ``osm`` values of a site's data, before it is structured (shapes not yet
    checked: anything else is left to the structuring, which names it)."""
    if not isinstance(data, dict):
        return
    places = (
        [data, *(data.get("locations") or ())]
        if isinstance(data.get("locations"), list)
        else [data]
    )
    for place in places:
        hours = place.get("hours") if isinstance(place, dict) else None
        if isinstance(hours, dict):
            yield hours.get("osm")


def _refuse_costly_hours(data: Any) -> None:
    """Refuse a site whose distinct ``osm`` expressions add up past
    :data:`MAX_SITE_OSM_CHARS`, before any is evaluated (ValueError, the site's ``hours``
    fields named, no expression quoted)."""
    total = sum(len(e) for e in {e for e in _osm_expressions(data) if isinstance(e, str)})
    if total > MAX_SITE_OSM_CHARS:
        raise ValueError(
            f"hours.osm, locations[].hours.osm: the site's distinct opening_hours expressions "
            f"total {total:,} characters: expected at most {MAX_SITE_OSM_CHARS:,} (each is "
            "evaluated over a year)"
        )


def _register_converter_hooks() -> None:
    """``Site.context`` is set by the runner, never read from or written to a file; the
    hours a site gives are bounded before they are evaluated (:func:`_refuse_costly_hours`)."""
    structure_site = objects_only(
        make_dict_structure_fn(
            Site, converter, _cattrs_forbid_extra_keys=True, context=override(omit=True)
        )
    )

    def structure_bounded(data: Any, kind: Any) -> Site:
        _refuse_costly_hours(data)
        return structure_site(data, kind)

    converter.register_structure_hook(Site, structure_bounded)
    converter.register_unstructure_hook(
        Site, make_dict_unstructure_fn(Site, converter, context=override(omit=True))
    )


_register_converter_hooks()
