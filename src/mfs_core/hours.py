"""Opening hours: OpenStreetMap ``opening_hours`` strings, per-day tables and ANCT day strings.

Everything becomes a :class:`WeeklySchedule`: for each day of a typical week (Monday first),
the sorted, non-overlapping intervals when the site is open, in minutes since midnight. The
weekly hours are the length of the union of a day's slots, so a slot written twice is counted
once; every oddity met on the way is returned as an :class:`HoursAnomaly`, never silently
counted or dropped.

OSM expressions are read by :mod:`mfs_core.osm_hours` (the typical week without holiday and
dated rules, over a :class:`Horizon` of weeks; :func:`mfs_core.osm_hours.from_osm` gives the
first week of it), which builds on this module: this module never imports it.
Hours that do not depend on the date (a per-day table, ANCT day cells) are a steady horizon:
one week standing for every week.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import itertools
import re
from collections.abc import Iterable, Mapping, Sequence

import attrs

from mfs_core.french import DAY_NAMES
from mfs_core.timezone import today_in_paris

__all__ = [
    "DAYS",
    "DAY_NAMES_FR",
    "HOURS_UNKNOWN",
    "IMPLAUSIBLE",
    "LONGEST_PLAUSIBLE_SLOT",
    "NO_HOURS",
    "UNREADABLE",
    "AnomalyKind",
    "Horizon",
    "HoursAnomaly",
    "Interval",
    "WeeklySchedule",
    "format_interval",
    "format_minutes",
    "from_anct_days",
    "from_table",
    "parse_anct_day",
    "quick_anct_day",
    "reference_week",
    "union",
]

#: One interval of a day, ``(start, end)`` in minutes since midnight, ``start < end``.
Interval = tuple[int, int]

#: Day keys, Monday first (used in site files' per-day tables): the French day names
#: agents read (:data:`mfs_core.french.DAY_NAMES`).
DAYS = DAY_NAMES
DAY_NAMES_FR = DAYS

_TIME = re.compile(r"^\s*(\d{1,2})[:hH](\d{2})\s*$")
_DAY_MINUTES = 24 * 60


class AnomalyKind(enum.StrEnum):
    """What is odd in a day's hours (:attr:`HoursAnomaly.kind`)."""

    PLACEHOLDER = "placeholder"  # "00:00 - 00:00": ignored
    DUPLICATE = "duplicate"  # a slot written twice: counted once
    OVERLAP = "overlap"  # slots overlapping: their union counted
    #: A slot that is not a time range ("fermé", "9h-12h", "sur RDV"): the day may be open
    #: at hours the cell does not say, so its hours are unknown.
    UNREADABLE = "bad-time"
    #: "17:00 - 09:00" may be a typo for 09:00 - 17:00, or not: the day's hours are unknown.
    END_BEFORE_START = "end-before-start"
    EMPTY_SLOT = "empty-slot"  # "09:00 - 12:00 / / 14:00 - 17:00"
    #: A site that publishes no hours at all (an ANCT row with every day cell empty): its
    #: hours are unknown, never "closed".
    NO_HOURS = "no-hours"
    #: Longer than :data:`LONGEST_PLAUSIBLE_SLOT`: counted as written, and reported.
    LONG_SLOT = "long-slot"
    #: Running past midnight (``22:00-02:00``): counted as written, and reported.
    PAST_MIDNIGHT = "past-midnight"


#: The kind of an unreadable slot (:attr:`AnomalyKind.UNREADABLE`).
UNREADABLE = AnomalyKind.UNREADABLE
#: The kind of a site that publishes no hours (:attr:`AnomalyKind.NO_HOURS`).
NO_HOURS = AnomalyKind.NO_HOURS
#: Anomaly kinds after which a day's hours are unknown.
HOURS_UNKNOWN = frozenset({UNREADABLE, AnomalyKind.END_BEFORE_START, NO_HOURS})
#: Longest slot (minutes) plausible at a counter; a longer one is counted and reported
#: (``long-slot``). A choice of this project, not a rule of the label: 12 h covers two
#: shifts of agents.
LONGEST_PLAUSIBLE_SLOT = 12 * 60
#: Anomaly kinds that are reported but leave the hours counted as written.
IMPLAUSIBLE = frozenset({AnomalyKind.LONG_SLOT, AnomalyKind.PAST_MIDNIGHT})


@attrs.frozen(cache_hash=True)  # the ANCT list looks rows up by their anomalies
class HoursAnomaly:
    """Something odd in a day's hours, reported to the user (French ``message``).

    ``kind`` says what (:class:`AnomalyKind`). After the kinds in :data:`HOURS_UNKNOWN` the
    day's hours are unknown, not closed; those in :data:`IMPLAUSIBLE` are counted as
    written.
    """

    day: str
    kind: AnomalyKind
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


#: Longest day cell :func:`parse_anct_day` remembers: real cells are under 100 characters;
#: a longer one (a hostile list's, up to the CSV reader's cell limit) is parsed each time it
#: comes, so the cache stays within a few megabytes whatever the list (review 15c: 4,096
#: cells of 12,000 characters and their anomalies' copies held 466 MB).
CACHED_CELL_CHARS = 256


def parse_anct_day(text: str, day: str) -> tuple[tuple[Interval, ...], tuple[HoursAnomaly, ...]]:
    """Parse one ANCT day cell such as ``"09:00 - 12:00 / 13:30 - 17:00"``.

    Returns the union of the valid slots and the anomalies found. A placeholder slot
    (``00:00 - 00:00``) is ignored and reported; a duplicate or overlapping slot is counted
    once and reported; a slot with a bad time (:data:`UNREADABLE`) or ending before it starts
    is left out of the intervals and reported (either makes the day's hours unknown,
    :data:`HOURS_UNKNOWN`: callers judging a rule on them must say so). Cached for cells of
    at most :data:`CACHED_CELL_CHARS` characters: real files repeat the same few strings
    thousands of times.
    """
    if len(text) > CACHED_CELL_CHARS:
        return _anct_day(text, day)
    return _cached_anct_day(text, day)


def _anct_day(text: str, day: str) -> tuple[tuple[Interval, ...], tuple[HoursAnomaly, ...]]:
    """:func:`parse_anct_day`, uncached."""
    if not text.strip():
        return (), ()
    clean = _clean_day(text)
    if clean is not None:
        return clean, ()
    return _careful_day(text, day)


#: :func:`parse_anct_day`'s cache (``cache_clear()`` empties it: the benchmark does).
_cached_anct_day = functools.lru_cache(maxsize=4096)(_anct_day)


#: Longest slot a message quotes whole; a longer one (a hostile list's) is cut, so that a
#: finding stays a line an agent reads and its memo stays small (review 15c).
SHOWN_SLOT_CHARS = 80


def _shown(slot: str) -> str:
    """``slot`` as a message quotes it: whole, or its first characters and « … »."""
    return slot if len(slot) <= SHOWN_SLOT_CHARS else f"{slot[: SHOWN_SLOT_CHARS - 1]}…"


def _placeholder(day: str, slot: str) -> HoursAnomaly:
    """The anomaly of a placeholder slot (``00:00 - 00:00``), ignored: one message for the
    careful reading and :func:`quick_anct_day`, which must read a cell alike."""
    return HoursAnomaly(
        day, AnomalyKind.PLACEHOLDER, slot, f"{day} : créneau fictif « {_shown(slot)} » (ignoré)"
    )


def _careful_day(text: str, day: str) -> tuple[tuple[Interval, ...], tuple[HoursAnomaly, ...]]:
    """Slot by slot, every oddity reported (see :func:`parse_anct_day`)."""
    anomalies: list[HoursAnomaly] = []
    slots: list[Interval] = []
    for raw in text.split("/"):
        slot = raw.strip()
        if not slot:
            anomalies.append(
                HoursAnomaly(day, AnomalyKind.EMPTY_SLOT, text, f"{day} : créneau vide")
            )
            continue
        start_text, sep, end_text = slot.partition("-")
        start, end = _parse_time(start_text), _parse_time(end_text)
        if not sep or start is None or end is None:
            anomalies.append(
                HoursAnomaly(
                    day,
                    UNREADABLE,
                    slot,
                    f"{day} : horaire illisible « {_shown(slot)} » (heures du jour inconnues)",
                )
            )
        elif start == end == 0:
            anomalies.append(_placeholder(day, slot))
        elif end <= start:
            anomalies.append(
                HoursAnomaly(
                    day,
                    AnomalyKind.END_BEFORE_START,
                    slot,
                    f"{day} : le créneau « {_shown(slot)} » finit avant de commencer "
                    "(heures du jour inconnues)",
                )
            )
        else:
            slots.append((start, end))
            if end - start > LONGEST_PLAUSIBLE_SLOT:
                anomalies.append(
                    HoursAnomaly(
                        day,
                        AnomalyKind.LONG_SLOT,
                        slot,
                        f"{day} : créneau « {_shown(slot)} » de plus de "
                        f"{LONGEST_PLAUSIBLE_SLOT // 60} h, plus long qu'une journée de travail "
                        "(compté tel quel, à vérifier)",
                    )
                )
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
        if end - start > LONGEST_PLAUSIBLE_SLOT:
            return None  # implausibly long: report it
        if start == previous_end:  # touching slots merge, as union() does
            start = slots.pop()[0]
        slots.append((start, end))
        previous_end = end
    return tuple(slots)


#: "HH:MM" -> minutes since midnight, 00:00 to 23:59 and 24:00 (an end): the times of
#: :func:`quick_anct_day`, looked up in C rather than converted by ``int`` (ASCII digits
#: only: any other time is left to :func:`parse_anct_day`). About 1,441 entries.
_CLOCK = {f"{h:02d}:{m:02d}": h * 60 + m for h in range(24) for m in range(60)}
_CLOCK["24:00"] = _DAY_MINUTES
#: One slot as written in the list, its two times captured as text ("09:00 - 12:00").
_QUICK_SLOT = r"\s*([0-9]{2}:[0-9]{2})\s*-\s*([0-9]{2}:[0-9]{2})\s*"
#: A cell of one slot, and of two: the national list's usual shapes, each read by one
#: ``fullmatch`` whose groups are the slots' times.
_QUICK_ONE = re.compile(_QUICK_SLOT)
_QUICK_TWO = re.compile(f"{_QUICK_SLOT}/{_QUICK_SLOT}")
#: Placeholder slots ("00:00 - 00:00 / ") opening a cell, before its real slots.
_LEADING_PLACEHOLDERS = re.compile(r"(?:\s*00:00\s*-\s*00:00\s*/)+")
#: (day, placeholder slot as written) -> its anomaly: a day's placeholders read alike.
_PLACEHOLDER_ANOMALIES: dict[tuple[str, str], HoursAnomaly] = {}


def quick_anct_day(text: str, day: str) -> tuple[int, tuple[HoursAnomaly, ...]] | None:
    """``(open minutes, anomalies)`` of an ANCT day cell in one of the list's usual shapes,
    exactly as :func:`parse_anct_day` reads it (the minutes of its intervals summed), or
    None for any other cell: then call :func:`parse_anct_day`.

    The shapes: a blank cell (0 minutes); slots of ASCII ``HH:MM`` times, each ending
    after it starts, within the day and shorter than :data:`LONGEST_PLAUSIBLE_SLOT`: in
    order (no anomaly), or out of order, overlapping or repeated (the anomalies of
    :func:`_overlaps`, as the full reading reports them); the same after placeholder slots
    (``00:00 - 00:00 / 09:00 - 12:00``: one placeholder anomaly each). Why: a list whose
    rows do not repeat brings a cell never read on most rows, and this reads one in a
    single regular expression and a dictionary lookup of its times, where
    :func:`parse_anct_day` splits it, matches each slot and converts each number (and
    takes the slot-by-slot path for placeholders and crossing slots). Equality with
    :func:`parse_anct_day` is tested on every real cell of the repository, every cell of
    the benchmark's varied lists and generated ones.
    """
    # The list's most common spellings, "09:00 - 12:00 / 13:30 - 17:00" and "09:00 -
    # 12:00", read by slicing at fixed places (a third faster than the expression below,
    # which takes them otherwise alike); any doubt falls through to it.
    size = len(text)
    if size == 29 and text[5:8] == " - " and text[13:16] == " / " and text[21:24] == " - ":
        start, end = _CLOCK.get(text[:5]), _CLOCK.get(text[8:13])
        start2, end2 = _CLOCK.get(text[16:21]), _CLOCK.get(text[24:])
        if (
            start is not None
            and end is not None
            and start2 is not None
            and end2 is not None
            and start < end <= start2 < end2
            and end - start <= LONGEST_PLAUSIBLE_SLOT
            and end2 - start2 <= LONGEST_PLAUSIBLE_SLOT
        ):
            return end - start + end2 - start2, ()
    elif size == 13 and text[5:8] == " - ":
        start, end = _CLOCK.get(text[:5]), _CLOCK.get(text[8:])
        if start is not None and end is not None and start < end <= start + LONGEST_PLAUSIBLE_SLOT:
            return end - start, ()
    anomalies: tuple[HoursAnomaly, ...] = ()
    lead = _LEADING_PLACEHOLDERS.match(text)
    if lead is not None:
        anomalies = _placeholders(lead[0], day)
        text = text[lead.end() :]
    slashes = text.count("/")
    if slashes == 1:
        match = _QUICK_TWO.fullmatch(text)
        if match is None:
            return None
        start, end, start2, end2 = map(_CLOCK.get, match.groups())
        if start is None or end is None or start2 is None or end2 is None:
            return None
        # Each slot within the day (24:00 is the only time past 23:59), ending after it
        # starts, none implausibly long.
        if not (
            start < end <= start + LONGEST_PLAUSIBLE_SLOT
            and start2 < end2 <= start2 + LONGEST_PLAUSIBLE_SLOT
        ):
            return None
        if end <= start2:  # in order and disjoint (touching slots merge: same minutes)
            return end - start + end2 - start2, anomalies
        return _crossing([(start, end), (start2, end2)], day, anomalies)
    if slashes:
        return _many_slots(text, day, anomalies)
    match = _QUICK_ONE.fullmatch(text)
    if match is None:
        # A blank cell is closed, with nothing to report; after placeholders it would be
        # an empty slot (reported): left to parse_anct_day.
        return None if lead is not None or text.strip() else (0, ())
    start, end = map(_CLOCK.get, match.groups())
    if start is None or end is None or not start < end or end - start > LONGEST_PLAUSIBLE_SLOT:
        return None
    return end - start, anomalies


def _crossing(
    slots: list[Interval], day: str, anomalies: tuple[HoursAnomaly, ...]
) -> tuple[int, tuple[HoursAnomaly, ...]]:
    """``(open minutes, anomalies)`` of clean slots out of order, overlapping or repeated
    (after ``anomalies``, the cell's placeholders): what :func:`_careful_day` makes of
    them, with its own :func:`_overlaps` and :func:`union`, without reading the slots
    again. Why: a list whose cells never repeat brings such cells (a tenth of the new
    cells of the varied benchmark list), each read three times on the full path."""
    minutes = 0
    for start, end in union(slots):
        minutes += end - start
    return minutes, (*anomalies, *_overlaps(day, slots))


def _many_slots(
    text: str, day: str, anomalies: tuple[HoursAnomaly, ...]
) -> tuple[int, tuple[HoursAnomaly, ...]] | None:
    """:func:`quick_anct_day` of three slots or more (``text`` after its leading
    placeholders, ``anomalies`` theirs): each a clean slot of ASCII times shorter than
    :data:`LONGEST_PLAUSIBLE_SLOT`, or None (then the full reading)."""
    slots: list[Interval] = []
    for part in text.split("/"):
        match = _QUICK_ONE.fullmatch(part)
        if match is None:
            return None
        start, end = _CLOCK.get(match[1]), _CLOCK.get(match[2])
        if start is None or end is None or not start < end <= start + LONGEST_PLAUSIBLE_SLOT:
            return None
        slots.append((start, end))
    # _careful_day's own test: only slots out of order or repeated need the analysis.
    if any(a[1] > b[0] for a, b in itertools.pairwise(slots)) or len(set(slots)) < len(slots):
        return _crossing(slots, day, anomalies)
    minutes = 0
    for start, end in slots:
        minutes += end - start
    return minutes, anomalies


def _placeholders(lead: str, day: str) -> tuple[HoursAnomaly, ...]:
    """The anomalies of the placeholder slots in ``lead`` (each followed by ``/``), as
    :func:`_careful_day` reports them."""
    found = []
    for raw in lead.split("/")[:-1]:
        slot = raw.strip()
        anomaly = _PLACEHOLDER_ANOMALIES.get((day, slot))
        if anomaly is None:
            anomaly = _placeholder(day, slot)
            if len(_PLACEHOLDER_ANOMALIES) < 1024:  # the list's spellings of 00:00 - 00:00
                _PLACEHOLDER_ANOMALIES[day, slot] = anomaly
        found.append(anomaly)
    return tuple(found)


def _overlaps(day: str, slots: Sequence[Interval]) -> list[HoursAnomaly]:
    found: list[HoursAnomaly] = []
    seen: set[Interval] = set()
    ordered = sorted(slots)
    for slot in slots:
        if slot in seen:
            found.append(
                HoursAnomaly(
                    day,
                    AnomalyKind.DUPLICATE,
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
                    AnomalyKind.OVERLAP,
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

    Public holidays come from the ``holidays`` package (France, metropolitan calendar). The
    checks no longer need it: holiday rules are kept out of the typical week
    (:mod:`mfs_core.osm_hours`), whatever the week.
    """
    import holidays

    day = on_or_after or today_in_paris()
    monday = day + dt.timedelta(days=(7 - day.weekday()) % 7)
    french = holidays.country_holidays("FR", years=range(monday.year, monday.year + 2))
    while any(monday + dt.timedelta(days=i) in french for i in range(7)):
        monday += dt.timedelta(days=7)
    return monday


@attrs.frozen
class Horizon:
    """The weeks over which hours are judged.

    ``start`` is the Monday of the first week and ``weeks`` one schedule per week; a
    *steady* horizon (``start`` None) holds the one week that stands for every week (a
    per-day table, ANCT cells, an expression whose rules do not change with the date).
    """

    start: dt.date | None
    weeks: tuple[WeeklySchedule, ...]

    @classmethod
    def steady(cls, schedule: WeeklySchedule) -> Horizon:
        """The same week every week."""
        return cls(None, (schedule,))

    @classmethod
    def of(cls, start: dt.date, weeks: Sequence[WeeklySchedule]) -> Horizon:
        """Weeks from ``start``, made steady when they are all alike."""
        first = weeks[0]
        if all(week is first or week == first for week in weeks):
            return cls.steady(first)
        return cls(start, tuple(weeks))

    def week(self, index: int) -> WeeklySchedule:
        """The schedule of week ``index`` (any index of a steady horizon gives its week)."""
        return self.weeks[index] if self.start is not None else self.weeks[0]

    def week_start(self, index: int) -> dt.date | None:
        """The Monday of week ``index`` (None for a steady horizon)."""
        return None if self.start is None else self.start + dt.timedelta(weeks=index)

    def merged_with(self, other: Horizon) -> Horizon:
        """Open when either is open, week by week."""
        if self.start is None and other.start is None:
            return Horizon.steady(self.weeks[0].merged_with(other.weeks[0]))
        start = self.start if self.start is not None else other.start
        assert start is not None
        count = max(len(self.weeks), len(other.weeks))
        return Horizon.of(start, [self.week(i).merged_with(other.week(i)) for i in range(count)])

    def judged(self) -> list[int]:
        """The weeks the opening rules are judged on: every week with some opening (a week
        closed from Monday to Sunday is a closure, reported apart), or every week if none."""
        indexes = [i for i, week in enumerate(self.weeks) if week.opening_days]
        return indexes or list(range(len(self.weeks)))

    def closed_runs(self) -> list[tuple[int, int]]:
        """Runs ``(first, last)`` of consecutive fully closed weeks, when some week is open."""
        if self.start is None or not any(week.opening_days for week in self.weeks):
            return []
        runs: list[tuple[int, int]] = []
        for index, week in enumerate(self.weeks):
            if week.opening_days:
                continue
            if runs and runs[-1][1] == index - 1:
                runs[-1] = (runs[-1][0], index)
            else:
                runs.append((index, index))
        return runs
