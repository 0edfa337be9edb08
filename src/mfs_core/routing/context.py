"""The state of the site when a request is decided: the :class:`SiteContext`.

Who is on duty, how many people wait, the next free appointment slots, which partners hold a
permanence on site and when, the partners' video appointments, the local services the site
orients to, and the thresholds that say when the counter is too busy. Build it from JSON with
``mfs_core.converter.structure(data, SiteContext)``; its JSON Schema is
``mfs_core/schemas/context.schema.json``.

Times of day (permanences) are read in Europe/Paris, whatever the offset of ``now``.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import warnings
from collections.abc import Iterable
from typing import Any

import attrs

from mfs_core.errors import OldSpellingWarning
from mfs_core.inputs import aware_datetime, datetime_problem
from mfs_core.model import PARTNER_CODE_PATTERN, as_offset
from mfs_core.timezone import PARIS

__all__ = [
    "PARIS",
    "LocalService",
    "Permanence",
    "SiteContext",
    "Thresholds",
    "VideoAppointment",
    "Weekday",
    "default_context",
    "modernised",
]

_SERVICE_ID = re.compile(r"^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)*$")


class Weekday(enum.StrEnum):
    """A day of the week, in the order of :meth:`datetime.date.weekday`, written in French
    as in site files (``"lundi"``). The English spelling (``"monday"``) of earlier context
    files is still read, with an :class:`~mfs_core.errors.OldSpellingWarning`."""

    MONDAY = "lundi"
    TUESDAY = "mardi"
    WEDNESDAY = "mercredi"
    THURSDAY = "jeudi"
    FRIDAY = "vendredi"
    SATURDAY = "samedi"
    SUNDAY = "dimanche"

    @property
    def number(self) -> int:
        """0 for Monday ... 6 for Sunday, like :meth:`datetime.date.weekday`."""
        return _WEEKDAY_NUMBERS[self]

    @classmethod
    def _missing_(cls, value: object) -> Weekday | None:
        day = _OLD_SPELLING.get(value) if isinstance(value, str) else None
        if day is not None:
            warnings.warn(
                f"weekday {value!r} is the old spelling: write {day.value!r} (French day "
                "names, as in site files); the English names will be refused in a later release",
                OldSpellingWarning,
                stacklevel=2,
            )
        return day


_WEEKDAY_NUMBERS = {day: number for number, day in enumerate(Weekday)}
#: The English day names of earlier context files, still read (deprecated).
_OLD_SPELLING = {day.name.lower(): day for day in Weekday}


def modernised(data: Any, source: str) -> Any:
    """``data`` (a context as parsed from JSON) with the English day names of its
    permanences written in French, each one warned about with the file and the field
    (``ctx.json: permanences[0].weekday: 'friday' is the old spelling...``), as an
    :class:`~mfs_core.errors.OldSpellingWarning`. ``data`` itself is not changed; anything
    not of the expected shape is left for the converter to report."""
    permanences = data.get("permanences") if isinstance(data, dict) else None
    if not isinstance(permanences, list):
        return data
    fixed = list(permanences)
    for index, permanence in enumerate(permanences):
        old = permanence.get("weekday") if isinstance(permanence, dict) else None
        day = _OLD_SPELLING.get(old) if isinstance(old, str) else None
        if day is None:
            continue
        warnings.warn(
            f"{source}: permanences[{index}].weekday: {old!r} is the old spelling: write "
            f"{day.value!r} (French day names, as in site files); the English names will be "
            "refused in a later release",
            OldSpellingWarning,
            stacklevel=2,
        )
        fixed[index] = {**permanence, "weekday": day.value}
    return {**data, "permanences": fixed} if fixed != permanences else data


def _got(value: Any) -> str:
    # The value only where messages may quote it (not in mfs serve's answers). Imported
    # here, on the error path only: the converter (cattrs) is not needed to build a context.
    from mfs_core.converter import values_shown

    return f", got {value!r}" if values_shown() else ""


def _which(value: Any) -> str:
    from mfs_core.converter import values_shown

    return repr(value) if values_shown() else "the value"


def _non_negative(_instance: Any, attribute: Any, value: Any) -> None:
    if value is not None and value < 0:
        raise ValueError(f"{attribute.name}: expected a number >= 0{_got(value)}")


def _positive(_instance: Any, attribute: Any, value: int) -> None:
    if value < 1:
        raise ValueError(f"{attribute.name}: expected a number >= 1{_got(value)}")


def _partner_code(_instance: Any, attribute: Any, value: str) -> None:
    if not PARTNER_CODE_PATTERN.match(value):
        raise ValueError(f"{attribute.name}: {_which(value)} is not a partner code (e.g. 'caf')")


def _service_id(_instance: Any, attribute: Any, value: str) -> None:
    if not _SERVICE_ID.match(value):
        raise ValueError(f"{attribute.name}: {_which(value)} is not a service id (e.g. 'ccas')")


def _sorted_slots(slots: Iterable[dt.datetime]) -> tuple[dt.datetime, ...]:
    slots = tuple(slots)
    for index, slot in enumerate(slots):
        # The bounds of ``now``: a slot in year 9999 overflows when read in Europe/Paris.
        if problem := datetime_problem(slot):
            raise ValueError(f"free_slots[{index}]: {problem}")
    return tuple(sorted(map(as_offset, slots)))


@attrs.frozen(kw_only=True)
class Thresholds:
    """When the counter counts as busy, and how many alternatives an unknown need gets.

    The defaults are the project's choice, not a rule of the label (no public source sets a
    number): a site sets its own in the context.
    """

    #: Busy when more people wait than this many per agent on duty.
    max_waiting_per_agent: int = attrs.field(default=3, validator=_non_negative)
    #: Busy when the expected wait (if known) is longer than this, in minutes.
    max_wait_minutes: int = attrs.field(default=30, validator=_non_negative)
    #: How many closest procedures an unknown need lists.
    max_alternatives: int = attrs.field(default=3, validator=_positive)


@attrs.frozen(kw_only=True)
class Permanence:
    """A partner's on-site permanence: every ``weekday`` (``"mardi"``) from ``start`` to
    ``end`` (Paris)."""

    partner: str = attrs.field(validator=_partner_code)
    weekday: Weekday
    start: dt.time
    end: dt.time

    def __attrs_post_init__(self) -> None:
        if self.end <= self.start:
            raise ValueError(f"end: {self.end:%H:%M} is not after start {self.start:%H:%M}")

    def next_from(self, now: dt.datetime) -> dt.datetime | None:
        """When the resident can be seen today: ``now`` if it is on, its start if it is
        still to come, ``None`` if it is not held today or is over."""
        local = now.astimezone(PARIS)
        if local.weekday() != self.weekday.number or local.time() >= self.end:
            return None
        if local.time() >= self.start:
            return now
        return dt.datetime.combine(local.date(), self.start, tzinfo=PARIS)


@attrs.frozen(kw_only=True)
class VideoAppointment:
    """A free video appointment with a partner."""

    partner: str = attrs.field(validator=_partner_code)
    at: dt.datetime = attrs.field(converter=as_offset, validator=aware_datetime)


@attrs.frozen(kw_only=True)
class LocalService:
    """A local service the site orients residents to (CCAS, town hall, digital adviser...).

    ``thematiques`` are data·inclusion codes; ``keywords`` are matched against the words of
    a free-text need.
    """

    id: str = attrs.field(validator=_service_id)
    name: str
    thematiques: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    contact: str = ""


@attrs.frozen(kw_only=True)
class SiteContext:
    """The site at the moment of the decision.

    ``expected_wait_minutes`` is optional: when absent only the number of people waiting per
    agent tells whether the counter is busy. ``free_slots`` are the site's next free
    appointment slots (any order).
    """

    agents_on_duty: int = attrs.field(validator=_non_negative)
    waiting: int = attrs.field(validator=_non_negative)
    now: dt.datetime = attrs.field(converter=as_offset, validator=aware_datetime)
    expected_wait_minutes: int | None = attrs.field(default=None, validator=_non_negative)
    free_slots: tuple[dt.datetime, ...] = attrs.field(default=(), converter=_sorted_slots)
    permanences: tuple[Permanence, ...] = ()
    video_appointments: tuple[VideoAppointment, ...] = ()
    local_services: tuple[LocalService, ...] = ()
    thresholds: Thresholds = Thresholds()

    @property
    def busy(self) -> bool:
        """No agent on duty, too many people per agent, or too long a wait."""
        if self.agents_on_duty == 0:
            return True
        if self.waiting > self.thresholds.max_waiting_per_agent * self.agents_on_duty:
            return True
        return (
            self.expected_wait_minutes is not None
            and self.expected_wait_minutes > self.thresholds.max_wait_minutes
        )

    def service_names(self) -> dict[str, str]:
        """Local service id -> its name, for :func:`mfs_core.routing.render_text`."""
        return {service.id: service.name for service in self.local_services}

    def first_free_slot(self) -> dt.datetime | None:
        """The earliest free appointment slot not in the past."""
        return next((slot for slot in self.free_slots if slot >= self.now), None)


def default_context(now: dt.datetime) -> SiteContext:
    """A quiet counter: two agents on duty (the label's minimum), nobody waiting, no slot,
    permanence, video appointment or local service known."""
    return SiteContext(agents_on_duty=2, waiting=0, now=now)
