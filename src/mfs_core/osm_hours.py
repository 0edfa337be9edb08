"""OpenStreetMap ``opening_hours`` expressions as the label reads them: typical weeks.

The label's rules (24 hours over 5 days a week) are about the *regular* hours of a counter,
so an expression is split into its rules and each rule is sorted:

- **holiday rules** (``PH off``, ``PH Mo-Fr 10:00-12:00``, ``SH Mo-Fr 14:00-17:00``) apply
  on public or school holidays only (school holidays depend on the zone, A, B or C): they are
  kept out of the typical week and reported. A holiday joined to weekdays by a comma
  (``Sa,PH 10:00-12:00``: Saturdays *and* public holidays) keeps its weekdays in the typical
  week;
- **dated rules** (``2026 Dec 02 off``, ``2024 May 10-11 off``, ``Dec 25 off``) name a year or
  a day of a month: one-off or yearly exceptions, kept out of the typical week and reported
  day by day over the horizon ("fermé le 02/12/2026"). A rule naming days of a month without
  a year that changes more than :data:`SEASON_DAYS` days of the horizon
  (``Sep 01-Jun 30 Mo-Fr 09:00-17:00``) is a season, not an exception: it stays regular;
- every other rule is **regular**, including rules that change with the month
  (``Jul-Aug``), the week number (``week 02-53/2``) or the n-th weekday (``Sa[1] off``).

The regular rules are evaluated, by the maintained ``opening-hours-py`` package, over a
**horizon** of :data:`HORIZON_WEEKS` weeks starting on the first Monday on or after the
evaluation date: one :class:`~mfs_core.hours.WeeklySchedule` per week.

Refused, as uncountable (:class:`ValueError` with a message naming the construct): an open end
(``14:00+``, "closing time unknown"), fallback rules (``||``), ``unknown`` hours, a comment
without a state (``Mo-Fr 09:00-12:00 "sur rendez-vous"``: unknown for the OSM specification
and opening_hours.js, open for opening-hours-py 2.1, so ``open "..."`` must be written),
repeated points in time (``10:00-16:00/01:00``). Counted but
reported (:class:`~mfs_core.hours.HoursAnomaly`): a slot running past midnight
(``09:00-26:00``, ``22:00-02:00``) or longer than :data:`LONGEST_PLAUSIBLE_SLOT` minutes.

opening-hours-py 2.1 reads a holiday and weekdays separated by a space (``PH Mo-Fr``: public
holidays falling on a weekday, per the OSM specification and opening_hours.js) as if they were
separated by a comma (public holidays *or* weekdays): ``Mo-Fr 09:00-17:00; PH Mo-Fr
10:00-12:00`` would count 10 h a week. Holiday rules never reach it here, so the fault cannot
change a typical week.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re

import attrs

from mfs_core.hours import (
    DAYS,
    LONGEST_PLAUSIBLE_SLOT,
    AnomalyKind,
    HoursAnomaly,
    Interval,
    WeeklySchedule,
    format_minutes,
    union,
)
from mfs_core.timezone import today_in_paris

__all__ = [
    "HORIZON_WEEKS",
    "LATEST_AS_OF",
    "LONGEST_PLAUSIBLE_SLOT",
    "MAX_EXPRESSION_LENGTH",
    "SEASON_DAYS",
    "HoursException",
    "OsmHours",
    "as_of_problem",
    "from_osm",
    "horizon_start",
    "read_osm",
    "split_rules",
]

#: Weeks over which the hours are judged (a year: seasons and alternating weeks all show).
HORIZON_WEEKS = 52
#: The latest evaluation date: its horizon (:data:`HORIZON_WEEKS` weeks from the next
#: Monday) ends within year 9999, the last of Python's calendar, with a week to spare.
LATEST_AS_OF = dt.date.max - dt.timedelta(weeks=HORIZON_WEEKS + 2)
#: A yearless dated rule changing more days than this over the horizon is a season.
SEASON_DAYS = 28
#: Longest expression read (characters); the longest real La Poste string is under 400.
MAX_EXPRESSION_LENGTH = 2000

_DAY_MINUTES = 24 * 60
_LONGEST = dt.timedelta(minutes=LONGEST_PLAUSIBLE_SLOT)
_QUOTED = re.compile(r'"[^"]*"')
# A rule separator: ";" (normal), or ", " not followed by a time (an additional rule, as the
# OSM grammar reads "Mo closed, Tu 10:00-12:00"; ", 14:00-17:00" continues a time list).
_SEPARATOR = re.compile(
    r"\s*;\s*|\s?,\s(?!\s*(?:[0-9(]|(?:sunrise|sunset|dawn|dusk)\b))", re.IGNORECASE
)
_HOLIDAY = r"(?:PH(?:\s[+-][0-9]+\sdays?)?|SH)"
_HOLIDAYS = re.compile(rf"(?<![A-Za-z]){_HOLIDAY}(?:,{_HOLIDAY})*(?![A-Za-z])")
_WEEKDAY = re.compile(r"(?:Mo|Tu|We|Th|Fr|Sa|Su)\b", re.IGNORECASE)
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
# A year (1900-9999, not part of a time) or a day of a month ("Dec 25", "May 10-11").
_YEAR = re.compile(r"(?<![0-9:])(?:19[0-9]{2}|[2-9][0-9]{3})(?![0-9:])")
_DAY_OF_MONTH = re.compile(rf"\b{_MONTH}\s?[0-9]{{1,2}}(?![0-9:])|\beaster\b", re.IGNORECASE)
# Anything that makes regular rules change from one week to the next.
_VARIES = re.compile(rf"\b{_MONTH}\b|\bweek\b|\[|\beaster\b|(?<![0-9:])[0-9]{{4}}(?![0-9:])")
_OPEN_END = re.compile(r"(?:[0-9]:[0-5][0-9]|\)|sunrise|sunset|dawn|dusk)\+", re.IGNORECASE)
# A repeated point in time, "10:00-16:00/01:00" (every hour from 10:00 to 16:00).
_REPEATED = re.compile(
    r"[0-9]{1,2}:[0-5][0-9]\s*-\s*[0-9]{1,2}:[0-5][0-9]\s*/\s*[0-9]{1,2}(?::[0-5][0-9])?"
)
# A comment used as a selector ("Easter week": ...) rather than as a rule's modifier.
_COMMENT_SELECTOR = re.compile(r'"[^"]*"\s*:')
_STATE = re.compile(r"\b(?:open|closed|off|unknown)\b", re.IGNORECASE)
_CLOSED = re.compile(rf"^{_HOLIDAY}(?:,{_HOLIDAY})*\s+(?:off|closed)$", re.IGNORECASE)


class ExceptionKind(enum.StrEnum):
    """Why hours are kept out of the typical week (:attr:`HoursException.kind`)."""

    HOLIDAY = "holiday"  # a public or school holiday rule
    DATED = "dated"  # days of the horizon that a dated rule changes


class _RuleKind(enum.StrEnum):
    """How a rule of an expression is read (see the module docstring)."""

    REGULAR = "regular"
    DATED = "dated"  # days of a month, no year: yearly exceptions, or a season
    DATED_YEAR = "dated-year"  # names a year within the horizon
    PAST = "past"  # names years that all end before the horizon
    FUTURE = "future"  # names years that all begin after it


@attrs.frozen
class HoursException:
    """Hours kept out of the typical week, for the report (French ``message``)."""

    kind: ExceptionKind
    message: str


@attrs.frozen
class OsmHours:
    """An expression read for the label.

    ``regular`` is the expression of the regular rules ("" when there are none: closed);
    ``weeks`` their schedule for each week of the horizon, the first starting on ``start``;
    ``exceptions`` what the typical week leaves out, ``dated_days`` the days of the horizon
    that dated rules change; ``anomalies`` the implausible slots.
    """

    expression: str
    regular: str
    start: dt.date
    weeks: tuple[WeeklySchedule, ...]
    exceptions: tuple[HoursException, ...]
    anomalies: tuple[HoursAnomaly, ...]
    dated_days: frozenset[dt.date] = frozenset()


def horizon_start(as_of: dt.date) -> dt.date:
    """The first Monday on or after ``as_of``: the horizon starts there. Raises
    :class:`ValueError` after :data:`LATEST_AS_OF` (see :func:`as_of_problem`)."""
    if problem := as_of_problem(as_of):
        raise ValueError(f"as_of: {problem}")
    return as_of + dt.timedelta(days=(7 - as_of.weekday()) % 7)


def as_of_problem(as_of: dt.date) -> str | None:
    """Why hours cannot be read from ``as_of`` (None when they can): after
    :data:`LATEST_AS_OF`, the horizon would run past the calendar's last day."""
    if as_of <= LATEST_AS_OF:
        return None
    return f"expected a date up to {LATEST_AS_OF.isoformat()} (hours are read a year ahead)"


def _mask(expression: str) -> str:
    """The expression with every comment's inside blanked (same length, same positions)."""
    return _QUOTED.sub(lambda m: '"' + "_" * (len(m[0]) - 2) + '"', expression)


def split_rules(expression: str) -> list[tuple[str, str]]:
    """``[(separator, rule), ...]``: the rules of an expression with the separator before
    each ("" for the first), comments left whole."""
    masked = _mask(expression)
    rules: list[tuple[str, str]] = []
    separator, begin = "", 0
    for match in _SEPARATOR.finditer(masked):
        rules.append((separator, expression[begin : match.start()]))
        separator, begin = match[0], match.end()
    rules.append((separator, expression[begin:]))
    return [(sep, rule.strip()) for sep, rule in rules if rule.strip()]


def _holiday_part(rule: str) -> tuple[str | None, bool]:
    """``(regular remainder or None, is a holiday rule)`` for one rule.

    A holiday sequence joined to weekdays by a comma is a union: the weekdays stay regular.
    Alone, or joined by a space (an intersection, ``PH Mo-Fr``), the rule is a holiday rule.
    """
    masked = _mask(rule)
    match = _HOLIDAYS.search(masked)
    if match is None:
        return rule, False
    before, after = masked[: match.start()], masked[match.end() :]
    if after.startswith(",") and _WEEKDAY.match(after[1:]):
        return rule[: match.start()] + rule[match.end() + 1 :], True
    if before.endswith(",") and re.search(r"(?:Mo|Tu|We|Th|Fr|Sa|Su|\])$", before[:-1], re.I):
        return rule[: match.start() - 1] + rule[match.end() :], True
    return None, True


def _kind(rule: str, start: dt.date) -> _RuleKind:
    """``dated-year`` or ``dated`` when the rule names a year or a day of a month (without
    a year), else ``regular``; ``past`` for a dated rule whose years all end before the
    horizon (``2024 May 20 off`` seen from 2026: nothing to evaluate)."""
    masked = _QUOTED.sub("", rule)
    years = [int(y) for y in _YEAR.findall(masked)]
    if years:
        open_ended = "+" in masked  # "2024+", "2024 Dec 25+": from then on
        last = start + dt.timedelta(weeks=HORIZON_WEEKS)
        if max(years) < start.year and not open_ended:
            return _RuleKind.PAST
        return _RuleKind.FUTURE if min(years) > last.year else _RuleKind.DATED_YEAR
    return _RuleKind.DATED if _DAY_OF_MONTH.search(masked) is not None else _RuleKind.REGULAR


def _join(rules: list[list[str]], kinds: set[_RuleKind]) -> str:
    """The expression of the rules of these kinds, each after its own separator."""
    kept = [(sep, rule) for sep, rule, kind in rules if kind in kinds]
    return "".join(sep + rule for sep, rule in kept)[len(kept[0][0]) :] if kept else ""


def _parse(expression: str, original: str) -> object:
    import opening_hours

    # ParserError is raised at run time but missing from the package's type stubs.
    parser_error: type[Exception] = getattr(opening_hours, "ParserError", SyntaxError)
    try:
        return opening_hours.OpeningHours(expression)
    except (SyntaxError, parser_error) as exc:
        first = str(exc).strip().splitlines()
        detail = first[-1].strip(" =") if first else "invalid expression"
        raise ValueError(
            f"invalid opening_hours expression {_quoted(original)}: {detail}"
        ) from None


#: Longest expression quoted in a message (docs/hostile-input.md: « a value quoted in a
#: message is at most 80 characters »); a longer one is described by its length.
_QUOTED_CHARS = 80


def _quoted(text: str) -> str:
    """``text`` for a message: its repr when short, else « of N characters »."""
    return repr(text) if len(text) <= _QUOTED_CHARS else f"of {len(text):,} characters"


def _refuse_uncountable(expression: str) -> None:
    if len(expression) > MAX_EXPRESSION_LENGTH:
        raise ValueError(
            f"opening_hours expression of {len(expression)} characters: expected at most "
            f"{MAX_EXPRESSION_LENGTH}"
        )
    masked = _mask(expression)
    if "||" in masked:
        # opening-hours-py 2.1 reports a week of fallback rules as closed after the first
        # open slot: the weekly hours would be silently wrong, so refuse them.
        raise ValueError(
            f"opening_hours expression {_quoted(expression)}: fallback rules ('||') are not "
            "supported; give the regular hours only (a comment in quotes is fine)"
        )
    repeated = _REPEATED.search(masked)
    if repeated is not None:
        raise ValueError(
            f"opening_hours expression {_quoted(expression)}: repeated points in time "
            f"({repeated[0]}) are moments, not opening hours; give time ranges"
        )
    for _separator, rule in split_rules(expression):
        modifier = _mask(rule)
        modifier = _COMMENT_SELECTOR.sub("", modifier)
        if '"' in modifier and not _STATE.search(_QUOTED.sub("", modifier)):
            # The OSM specification (and opening_hours.js) reads a comment without a state
            # as "unknown"; opening-hours-py 2.1 reads it as open, all day if no time is
            # given. Either way the hours cannot be counted as they stand.
            raise ValueError(
                f"opening_hours expression {_quoted(expression)}: the rule {_quoted(rule)} has a "
                "comment but no state, so its hours are unknown; write open (or closed) before the "
                'comment, e.g. Mo-Fr 09:00-12:00 open "sur rendez-vous"'
            )
    open_end = _OPEN_END.search(masked)
    if open_end is not None:
        token = expression[: open_end.end()].rsplit(maxsplit=1)[-1].rsplit(",", 1)[-1]
        raise ValueError(
            f"opening_hours expression {_quoted(expression)}: open end ({token}, closing time "
            "unknown) cannot be counted; give the closing time"
        )


def read_osm(expression: str, as_of: dt.date) -> OsmHours:
    """Read an expression over the horizon starting on :func:`horizon_start` of ``as_of``.

    Raises :class:`ValueError` (message in English, naming the expression and the construct)
    for an invalid expression or hours that cannot be counted. Cached.
    """
    return _read_osm(expression, horizon_start(as_of))


@functools.lru_cache(maxsize=1024)
def _read_osm(expression: str, start: dt.date) -> OsmHours:
    _refuse_uncountable(expression)
    _parse(expression, expression)  # the whole expression must be valid, exceptions included
    # [separator, rule, kind]: regular, dated, dated-year, or past and future (dated rules
    # outside the horizon, left out of every evaluation).
    rules: list[list[str]] = []
    exceptions: list[HoursException] = []
    for separator, text in split_rules(expression):
        remainder, holiday = _holiday_part(text)
        exception = _holiday_exception(text) if holiday else None
        if exception is not None:
            exceptions.append(exception)
        if remainder is not None:
            rules.append([separator, remainder, _kind(remainder, start)])
    base = _weeks(_join(rules, {_RuleKind.REGULAR}), expression, start)
    for rule in rules:
        if rule[2] == _RuleKind.DATED:
            # A yearless date range that changes much of the year is a season: keep it.
            rule[2] = _RuleKind.REGULAR
            season = _weeks(_join(rules, {_RuleKind.REGULAR}), expression, start)
            if len(_changed_days(base[0], season[0])) > SEASON_DAYS:
                base = season
            else:
                rule[2] = _RuleKind.DATED
    dated_days: frozenset[dt.date] = frozenset()
    if any(kind in (_RuleKind.DATED, _RuleKind.DATED_YEAR) for _sep, _rule, kind in rules):
        kinds = {_RuleKind.REGULAR, _RuleKind.DATED, _RuleKind.DATED_YEAR}
        full = _weeks(_join(rules, kinds), expression, start)
        exceptions.extend(_dated_exceptions(base[0], full[0], start))
        dated_days = frozenset(
            start + dt.timedelta(days=i) for i in _changed_days(base[0], full[0])
        )
    _days, weeks, anomalies = base
    return OsmHours(
        expression=expression,
        regular=_join(rules, {_RuleKind.REGULAR}),
        start=start,
        weeks=weeks,
        exceptions=tuple(exceptions),
        anomalies=anomalies,
        dated_days=dated_days,
    )


def _holiday_exception(rule: str) -> HoursException | None:
    """What a holiday rule says, in French; None for ``PH off`` (closed on public holidays,
    the common case, not worth a note)."""
    masked = _mask(rule)
    closed = _CLOSED.match(rule.strip()) is not None
    if "SH" not in masked:
        if closed:
            return None
        return HoursException(
            ExceptionKind.HOLIDAY, f"jours fériés : « {rule} » (hors semaine type)"
        )
    what = "jours fériés et vacances scolaires" if "PH" in masked else "vacances scolaires"
    what += " (selon la zone)"
    if closed:
        return HoursException(ExceptionKind.HOLIDAY, f"{what} : fermé")
    return HoursException(ExceptionKind.HOLIDAY, f"{what} : « {rule} » (hors semaine type)")


#: Per-day open intervals over the horizon, day 0 being the horizon's first Monday.
_Days = tuple[tuple[Interval, ...], ...]


@functools.lru_cache(maxsize=2048)
def _weeks(
    regular: str, original: str, start: dt.date
) -> tuple[_Days, tuple[WeeklySchedule, ...], tuple[HoursAnomaly, ...]]:
    """The days, weeks and anomalies of the regular rules over the horizon."""
    import opening_hours

    if not regular:
        days: _Days = ((),) * (7 * HORIZON_WEEKS)
        return days, (WeeklySchedule.closed(),) * HORIZON_WEEKS, ()
    parsed = _parse(regular, original)
    steady = _VARIES.search(_QUOTED.sub("", regular)) is None
    count = 1 if steady else HORIZON_WEEKS
    begin = dt.datetime.combine(start, dt.time())
    end = begin + dt.timedelta(days=7 * count)
    per_day: list[list[Interval]] = [[] for _ in range(7 * count)]
    anomalies: dict[AnomalyKind, HoursAnomaly] = {}
    for since, until, state, _comment in parsed.intervals(begin, end):  # type: ignore[attr-defined]
        if state == opening_hours.State.UNKNOWN:
            raise ValueError(
                f"opening_hours expression {_quoted(original)}: 'unknown' hours cannot be counted; "
                "say when the site is open"
            )
        if state != opening_hours.State.OPEN:
            continue
        _check_plausible(since, until, original, anomalies)
        _add_by_day(per_day, since, min(until, end), start)
    days = tuple(union(day) if len(day) > 1 else tuple(day) for day in per_day)
    weeks = tuple(WeeklySchedule(days[7 * w : 7 * w + 7]) for w in range(count))
    if steady:
        days, weeks = days * HORIZON_WEEKS, weeks * HORIZON_WEEKS
    return days, weeks, tuple(anomalies.values())


def _add_by_day(
    per_day: list[list[Interval]], since: dt.datetime, until: dt.datetime, start: dt.date
) -> None:
    """Cut an open interval at each midnight and file each piece under its day."""
    if until.date() == since.date():  # the common case: one piece
        index = (since.date() - start).days
        if 0 <= index < len(per_day):
            per_day[index].append((since.hour * 60 + since.minute, until.hour * 60 + until.minute))
        return
    cursor = since
    while cursor < until:
        next_midnight = dt.datetime.combine(cursor.date() + dt.timedelta(days=1), dt.time())
        piece_end = min(until, next_midnight)
        index = (cursor.date() - start).days
        from_minute = cursor.hour * 60 + cursor.minute
        to_minute = (
            _DAY_MINUTES if piece_end == next_midnight else piece_end.hour * 60 + piece_end.minute
        )
        if to_minute > from_minute and 0 <= index < len(per_day):
            per_day[index].append((from_minute, to_minute))
        cursor = piece_end


def _check_plausible(
    since: dt.datetime,
    until: dt.datetime,
    expression: str,
    found: dict[AnomalyKind, HoursAnomaly],
) -> None:
    """Report (once per kind) a slot past midnight or longer than a plausible working day."""
    if until.date() == since.date() and until - since <= _LONGEST:
        return  # the common case, settled without building any text
    minutes = int((until - since).total_seconds() // 60)
    where = (
        f"{DAYS[since.weekday()]} {format_minutes(since.hour * 60 + since.minute)} → "
        f"{DAYS[until.weekday()]} {format_minutes(until.hour * 60 + until.minute)}"
    )
    next_midnight = dt.datetime.combine(since.date() + dt.timedelta(days=1), dt.time())
    problems = {
        AnomalyKind.PAST_MIDNIGHT: (until > next_midnight, "passe minuit"),
        AnomalyKind.LONG_SLOT: (
            minutes > LONGEST_PLAUSIBLE_SLOT,
            f"dure {minutes // 60} h {minutes % 60:02d}, plus qu'une journée de travail",
        ),
    }
    for kind, (odd, what) in problems.items():
        if odd and kind not in found:
            found[kind] = HoursAnomaly(
                "",
                kind,
                expression,
                f"horaires « {expression} » : un créneau {what} ({where}), invraisemblable "
                "pour un guichet (compté tel quel, à vérifier)",
            )


def _changed_days(base: _Days, other: _Days) -> list[int]:
    return [i for i, (a, b) in enumerate(zip(base, other, strict=True)) if a != b]


def _dated_exceptions(base: _Days, full: _Days, start: dt.date) -> list[HoursException]:
    """The days dated rules change, grouped into runs of consecutive days alike (French)."""
    runs: list[tuple[int, int]] = []  # (first day, last day)
    for index in _changed_days(base, full):
        if runs and full[index] == full[runs[-1][0]]:
            previous = runs[-1][1]
            # Days between that are closed anyway (a weekend) do not break a closure.
            gap_closed = not full[index] and all(not base[d] for d in range(previous + 1, index))
            if previous == index - 1 or gap_closed:
                runs[-1] = (runs[-1][0], index)
                continue
        runs.append((index, index))
    found = []
    for first, last in runs:
        since = start + dt.timedelta(days=first)
        until = start + dt.timedelta(days=last)
        when = (
            f"le {since:%d/%m/%Y}" if first == last else f"du {since:%d/%m/%Y} au {until:%d/%m/%Y}"
        )
        slots = full[first]
        what = (
            "fermé"
            if not slots
            else "ouvert " + ", ".join(f"{format_minutes(s)}-{format_minutes(e)}" for s, e in slots)
        )
        found.append(HoursException(ExceptionKind.DATED, f"{what} {when} (hors semaine type)"))
    return found


def from_osm(expression: str, *, week_of: dt.date | None = None) -> WeeklySchedule:
    """The typical week of an OpenStreetMap ``opening_hours`` expression.

    The regular rules (no holiday, no dated rule) in the first
    week of the horizon that starts on the first Monday on or after ``week_of`` (default:
    today in Paris). Raises :class:`ValueError` with the parser's message when the expression is
    invalid or its hours cannot be counted (open end, fallback rules, ``unknown``).
    """
    return read_osm(expression, week_of or today_in_paris()).weeks[0]
