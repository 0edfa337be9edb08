"""Opening hours: OpenStreetMap ``opening_hours`` strings, per-day tables and ANCT day strings.

Everything becomes a :class:`WeeklySchedule`: for each day of a typical week (Monday first),
the sorted, non-overlapping intervals when the site is open, in minutes since midnight. The
weekly hours are the length of the union of a day's slots, so a slot written twice is counted
once; every oddity met on the way is returned as an :class:`HoursAnomaly`, never silently
counted or dropped.

OSM expressions are parsed by the maintained ``opening-hours-py`` package (``opening_hours``)
over a *reference week*: the first week on or after a given date (default: today) in which no
day is a French public holiday according to the ``holidays`` package, so that ``PH off``
never makes a typical week look shorter than it is. Rules that change from week to week
(``week 1-53/2``, month ranges) are seen as they apply to that reference week.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections.abc import Iterable, Mapping, Sequence

import attrs

__all__ = [
    "DAYS",
    "DAY_NAMES_FR",
    "HOURS_UNKNOWN",
    "UNREADABLE",
    "HoursAnomaly",
    "Interval",
    "WeeklySchedule",
    "format_interval",
    "format_minutes",
    "from_anct_days",
    "from_osm",
    "from_table",
    "parse_anct_day",
    "reference_week",
    "union",
]

#: One interval of a day, ``(start, end)`` in minutes since midnight, ``start < end``.
Interval = tuple[int, int]

#: Day keys, Monday first (used in site files' per-day tables).
DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
DAY_NAMES_FR = DAYS

_TIME = re.compile(r"^\s*(\d{1,2})[:hH](\d{2})\s*$")
_DAY_MINUTES = 24 * 60
#: The anomaly kind of a slot that is not a time range ("fermé", "9h-12h", "sur RDV"): the
#: day may be open at hours the cell does not say, so its hours are unknown.
UNREADABLE = "bad-time"
#: Anomaly kinds after which a day's hours are unknown: an unreadable slot, or one ending
#: before it starts ("17:00 - 09:00" may be a typo for 09:00 - 17:00, or not).
HOURS_UNKNOWN = frozenset({UNREADABLE, "end-before-start"})


@attrs.frozen
class HoursAnomaly:
    """Something odd in a day's hours, reported to the user (French ``message``).

    ``kind`` is one of ``placeholder`` (``00:00 - 00:00``), ``duplicate``, ``overlap``,
    ``bad-time`` (:data:`UNREADABLE`), ``end-before-start``, ``empty-slot``. After the kinds
    in :data:`HOURS_UNKNOWN` the day's hours are unknown, not closed.
    """

    day: str
    kind: str
    text: str
    message: str


@attrs.frozen
class WeeklySchedule:
    """A typical week: for each day (Monday first) the open intervals, sorted and disjoint."""

    days: tuple[tuple[Interval, ...], ...]
    #: Total open minutes in the week (computed once: the ANCT list reads it per row).
    weekly_minutes: int = attrs.field(init=False, eq=False, repr=False)
    #: How many days of the week have at least one open interval.
    opening_days: int = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if len(self.days) != 7:
            raise ValueError(f"a week has 7 days, got {len(self.days)}")
        minutes = 0
        for day in self.days:  # plain loops: cheaper than sum() over a nested comprehension
            for start, end in day:
                minutes += end - start
        object.__setattr__(self, "weekly_minutes", minutes)
        object.__setattr__(self, "opening_days", 7 - self.days.count(()))

    @classmethod
    def closed(cls) -> WeeklySchedule:
        """A week with no opening at all."""
        return cls(((),) * 7)

    @property
    def weekly_hours(self) -> float:
        """Total open hours in the week (minutes / 60, not rounded)."""
        return self.weekly_minutes / 60

    def merged_with(self, other: WeeklySchedule) -> WeeklySchedule:
        """The union of two weeks (open when either is open)."""
        return WeeklySchedule(
            tuple(union([*a, *b]) for a, b in zip(self.days, other.days, strict=True))
        )

    def describe(self) -> str:
        """French one-line description, e.g. ``lundi 09:00-12:00, 13:30-17:00 ; mardi ...``."""
        parts = [
            f"{name} {', '.join(format_interval(i) for i in day)}"
            for name, day in zip(DAYS, self.days, strict=True)
            if day
        ]
        return " ; ".join(parts) or "fermé"


def format_minutes(minutes: int) -> str:
    """``570`` -> ``"09:30"``; 1440 is written ``24:00``."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def format_interval(interval: Interval) -> str:
    """``(540, 720)`` -> ``"09:00-12:00"``."""
    return f"{format_minutes(interval[0])}-{format_minutes(interval[1])}"


def union(intervals: Iterable[Interval]) -> tuple[Interval, ...]:
    """Sort and merge intervals (touching ones merge too)."""
    merged: list[list[int]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((s, e) for s, e in merged)


def _parse_time(text: str) -> int | None:
    match = _TIME.match(text)
    if not match:
        return None
    hours, minutes = int(match[1]), int(match[2])
    if minutes > 59 or hours > 24 or (hours == 24 and minutes):
        return None
    return hours * 60 + minutes


@functools.lru_cache(maxsize=4096)
def parse_anct_day(text: str, day: str) -> tuple[tuple[Interval, ...], tuple[HoursAnomaly, ...]]:
    """Parse one ANCT day cell such as ``"09:00 - 12:00 / 13:30 - 17:00"``.

    Returns the union of the valid slots and the anomalies found. A placeholder slot
    (``00:00 - 00:00``) is ignored and reported; a duplicate or overlapping slot is counted
    once and reported; a slot with a bad time (:data:`UNREADABLE`) or ending before it starts
    is left out of the intervals and reported (either makes the day's hours unknown,
    :data:`HOURS_UNKNOWN`: callers judging a rule on them must say so). Cached: real files
    repeat the same few strings thousands of times.
    """
    if not text.strip():
        return (), ()
    clean = _clean_day(text)
    if clean is not None:
        return clean, ()
    return _careful_day(text, day)


def _careful_day(text: str, day: str) -> tuple[tuple[Interval, ...], tuple[HoursAnomaly, ...]]:
    """Slot by slot, every oddity reported (see :func:`parse_anct_day`)."""
    anomalies: list[HoursAnomaly] = []
    slots: list[Interval] = []
    for raw in text.split("/"):
        slot = raw.strip()
        if not slot:
            anomalies.append(HoursAnomaly(day, "empty-slot", text, f"{day} : créneau vide"))
            continue
        start_text, sep, end_text = slot.partition("-")
        start, end = _parse_time(start_text), _parse_time(end_text)
        if not sep or start is None or end is None:
            anomalies.append(
                HoursAnomaly(
                    day,
                    UNREADABLE,
                    slot,
                    f"{day} : horaire illisible « {slot} » (heures du jour inconnues)",
                )
            )
        elif start == end == 0:
            anomalies.append(
                HoursAnomaly(
                    day,
                    "placeholder",
                    slot,
                    f"{day} : créneau fictif « {slot} » (ignoré)",
                )
            )
        elif end <= start:
            anomalies.append(
                HoursAnomaly(
                    day,
                    "end-before-start",
                    slot,
                    f"{day} : le créneau « {slot} » finit avant de commencer "
                    "(heures du jour inconnues)",
                )
            )
        else:
            slots.append((start, end))
    # Most cells list disjoint slots in order: only the others need the overlap analysis.
    if any(a[1] > b[0] for a, b in itertools.pairwise(slots)) or len(set(slots)) < len(slots):
        anomalies.extend(_overlaps(day, slots))
    return union(slots), tuple(anomalies)


#: One well-formed slot, "09:00 - 12:00" (hours 00-23, or 24:00 as an end).
_CLEAN_SLOT = re.compile(r"\s*([01]\d|2[0-3]):([0-5]\d)\s*-\s*([01]\d|2[0-3]|24):([0-5]\d)\s*")


def _clean_day(text: str) -> tuple[Interval, ...] | None:
    """The intervals of a cell with nothing to report, or None to take the careful path.

    Most cells of the national list are clean ("09:00 - 12:00 / 13:30 - 17:00"): one regular
    expression per slot settles them; anything unusual goes through the full analysis.
    """
    slots: list[Interval] = []
    previous_end = -1
    for part in text.split("/"):
        match = _CLEAN_SLOT.fullmatch(part)
        if match is None:
            return None
        start = int(match[1]) * 60 + int(match[2])
        end = int(match[3]) * 60 + int(match[4])
        if end <= start or start < previous_end or end > _DAY_MINUTES:
            return None  # placeholder, end before start, overlap or disorder: report it
        if start == previous_end:  # touching slots merge, as union() does
            start = slots.pop()[0]
        slots.append((start, end))
        previous_end = end
    return tuple(slots)


def _overlaps(day: str, slots: Sequence[Interval]) -> list[HoursAnomaly]:
    found: list[HoursAnomaly] = []
    seen: set[Interval] = set()
    ordered = sorted(slots)
    for slot in slots:
        if slot in seen:
            found.append(
                HoursAnomaly(
                    day,
                    "duplicate",
                    format_interval(slot),
                    f"{day} : créneau {format_interval(slot)} en double (compté une fois)",
                )
            )
        seen.add(slot)
    widest: Interval | None = None  # the slot reaching furthest so far
    for current in ordered:
        previous = widest
        if widest is None or current[1] > widest[1]:
            widest = current
        if previous is not None and previous != current and current[0] < previous[1]:
            found.append(
                HoursAnomaly(
                    day,
                    "overlap",
                    f"{format_interval(previous)} / {format_interval(current)}",
                    f"{day} : les créneaux {format_interval(previous)} et "
                    f"{format_interval(current)} se chevauchent (union comptée)",
                )
            )
    return found


def from_anct_days(
    cells: Sequence[str],
) -> tuple[WeeklySchedule, tuple[HoursAnomaly, ...]]:
    """A week from ANCT day cells, Monday first (the list has no Sunday: pass 6 or 7 cells)."""
    # One pass over the cells: this runs for every row of the national list.
    days: list[tuple[Interval, ...]] = []
    anomalies: list[HoursAnomaly] = []
    for name, cell in zip(DAYS, cells, strict=False):
        intervals, found = parse_anct_day(cell, name)
        days.append(intervals)
        if found:
            anomalies.extend(found)
    if len(days) < 7:
        days.extend([()] * (7 - len(days)))
    return WeeklySchedule(tuple(days)), tuple(anomalies)


def from_table(
    table: Mapping[str, Sequence[str]],
) -> tuple[WeeklySchedule, tuple[HoursAnomaly, ...]]:
    """A week from a per-day table ``{"lundi": ["09:00-12:00", "13:30-17:00"], ...}``."""
    unknown = set(table) - set(DAYS)
    if unknown:
        raise ValueError(f"unknown day(s) {', '.join(sorted(unknown))}; expected {', '.join(DAYS)}")
    return from_anct_days([" / ".join(table.get(day, ())) for day in DAYS])


@functools.lru_cache(maxsize=64)
def reference_week(on_or_after: dt.date | None = None) -> dt.date:
    """The Monday of the first week on or after the date with no French public holiday.

    Public holidays come from the ``holidays`` package (France, metropolitan calendar).
    """
    import holidays

    day = on_or_after or dt.date.today()
    monday = day + dt.timedelta(days=(7 - day.weekday()) % 7)
    french = holidays.country_holidays("FR", years=range(monday.year, monday.year + 2))
    while any(monday + dt.timedelta(days=i) in french for i in range(7)):
        monday += dt.timedelta(days=7)
    return monday


_QUOTED = re.compile(r'"[^"]*"')


def from_osm(expression: str, *, week_of: dt.date | None = None) -> WeeklySchedule:
    """A week from an OpenStreetMap ``opening_hours`` expression.

    Raises :class:`ValueError` with the parser's message when the expression is invalid.
    ``week_of`` picks the reference week (see :func:`reference_week`). Cached: a site file
    repeats the same expressions (validation, each location, each agent's presence).
    """
    return _from_osm(expression, week_of or dt.date.today())


@functools.lru_cache(maxsize=1024)
def _from_osm(expression: str, week_of: dt.date) -> WeeklySchedule:
    import opening_hours

    if "||" in _QUOTED.sub("", expression):
        # opening-hours-py 2.1 reports a week of fallback rules as closed after the first
        # open slot: the weekly hours would be silently wrong, so refuse them.
        raise ValueError(
            f"opening_hours expression {expression!r}: fallback rules ('||') are not "
            "supported; give the regular hours only (a comment in quotes is fine)"
        )
    # ParserError is raised at run time but missing from the package's type stubs.
    parser_error: type[Exception] = getattr(opening_hours, "ParserError", SyntaxError)
    try:
        parsed = opening_hours.OpeningHours(expression)
    except (SyntaxError, parser_error) as exc:
        first = str(exc).strip().splitlines()
        detail = first[-1].strip(" =") if first else "invalid expression"
        raise ValueError(f"invalid opening_hours expression {expression!r}: {detail}") from None
    monday = reference_week(week_of)
    start = dt.datetime.combine(monday, dt.time())
    end = start + dt.timedelta(days=7)
    days: list[list[Interval]] = [[] for _ in range(7)]
    for begin, finish, state, _comment in parsed.intervals(start, end):
        if state == opening_hours.State.UNKNOWN:
            raise ValueError(
                f"opening_hours expression {expression!r}: 'unknown' hours cannot be counted; "
                "say when the site is open"
            )
        if state != opening_hours.State.OPEN:
            continue
        finish = min(finish, end)
        cursor = begin
        while cursor < finish:  # split intervals that run past midnight
            day_end = dt.datetime.combine(cursor.date() + dt.timedelta(days=1), dt.time())
            piece_end = min(finish, day_end)
            index = (cursor.date() - monday).days
            from_minute = cursor.hour * 60 + cursor.minute
            to_minute = (
                _DAY_MINUTES if piece_end == day_end else piece_end.hour * 60 + piece_end.minute
            )
            if to_minute > from_minute:
                days[index].append((from_minute, to_minute))
            cursor = piece_end
    return WeeklySchedule(tuple(union(day) for day in days))
