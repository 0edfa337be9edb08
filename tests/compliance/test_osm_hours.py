"""Opening hours as people publish them: each construct with the hours it must give.

Strings marked "La Poste" are real (tests/data/opening-hours/laposte-opening-hours.txt.gz),
"data·inclusion" too (data-inclusion-opening-hours.txt); the others are the constructs of
issue 11, as reported from real files.
"""

from __future__ import annotations

import datetime as dt
import gzip

import pytest

from mfs_core import osm_hours
from mfs_core.osm_hours import HORIZON_WEEKS, OsmHours, read_osm, split_rules

from .conftest import DATA

AS_OF = dt.date(2026, 11, 29)  # a Sunday: the horizon starts on Monday 30 November 2026
LAPOSTE = DATA / "opening-hours" / "laposte-opening-hours.txt.gz"


def laposte(expression: str) -> str:
    """The string, after checking that it is one of the real La Poste strings."""
    with gzip.open(LAPOSTE, "rt", encoding="utf-8") as handle:
        assert expression in handle.read().splitlines()
    return expression


def weekly_hours(read: OsmHours) -> list[float]:
    return sorted({week.weekly_hours for week in read.weeks})


def messages(read: OsmHours) -> list[str]:
    return [e.message for e in read.exceptions]


def test_horizon_starts_on_the_first_monday_on_or_after_the_date() -> None:
    read = read_osm("Mo-Fr 09:00-17:00", AS_OF)
    assert read.start == dt.date(2026, 11, 30)
    assert len(read.weeks) == HORIZON_WEEKS
    assert read_osm("Mo-Fr 09:00-17:00", dt.date(2026, 11, 30)).start == dt.date(2026, 11, 30)


# --- holiday rules -----------------------------------------------------------------------


def test_public_holiday_on_weekdays_is_not_the_weekday_rule() -> None:
    read = read_osm("Mo-Fr 09:00-17:00; PH Mo-Fr 10:00-12:00", AS_OF)
    assert weekly_hours(read) == [40]
    assert read.regular == "Mo-Fr 09:00-17:00"
    assert messages(read) == ["jours fériés : « PH Mo-Fr 10:00-12:00 » (hors semaine type)"]


def test_upstream_fault_is_still_there() -> None:
    """opening-hours-py 2.1 reads ``PH Mo-Fr`` as ``PH,Mo-Fr``: 10 h instead of 40 h.

    The workaround above keeps holiday rules away from it; when this test fails, the fault
    is fixed upstream and the note in mfs_core.osm_hours can go.
    """
    import opening_hours

    monday = dt.datetime(2026, 11, 30)
    parsed = opening_hours.OpeningHours("Mo-Fr 09:00-17:00; PH Mo-Fr 10:00-12:00")
    open_minutes = sum(
        (end - start).total_seconds() / 60
        for start, end, state, _ in parsed.intervals(monday, monday + dt.timedelta(days=7))
        if state == opening_hours.State.OPEN
    )
    assert open_minutes == 10 * 60
    assert str(parsed.normalize()) == "Mo-Fr 09:00-17:00; PH,Mo-Fr 10:00-12:00"


def test_upstream_comment_without_state_is_still_open() -> None:
    """opening-hours-py 2.1 reads a comment without a state as open (all day without a time);
    the OSM specification and opening_hours.js read it as unknown. mfs-core refuses it (test
    above); when this test fails, the upstream reading changed."""
    import opening_hours

    monday = dt.datetime(2026, 11, 30)
    [(start, end, state, comment)] = opening_hours.OpeningHours('"sur rendez-vous"').intervals(
        monday, monday + dt.timedelta(days=7)
    )
    assert (start, end, state, comment) == (
        monday,
        monday + dt.timedelta(days=7),
        opening_hours.State.OPEN,
        "sur rendez-vous",
    )


def test_comment_after_a_state_is_fine() -> None:
    read = read_osm('Mo 08:00-18:00 open "Sans rendez-vous"; PH off', AS_OF)  # data·inclusion
    assert weekly_hours(read) == [10]
    assert weekly_hours(read_osm('Mo-Fr 09:00-12:00; Sa closed "fermé"', AS_OF)) == [15]


def test_school_holidays_depend_on_the_zone_and_stay_out() -> None:
    read = read_osm("Mo-Fr 09:00-17:00; SH Mo-Fr 10:00-12:00", AS_OF)
    assert weekly_hours(read) == [40]
    assert messages(read) == [
        "vacances scolaires (selon la zone) : « SH Mo-Fr 10:00-12:00 » (hors semaine type)"
    ]
    assert messages(read_osm("Mo-Fr 09:00-17:00; SH off", AS_OF)) == [
        "vacances scolaires (selon la zone) : fermé"
    ]


def test_public_holiday_closure_on_sunday_keeps_sundays_open() -> None:
    read = read_osm("Mo-Su 09:00-12:00; PH Su closed", AS_OF)
    assert weekly_hours(read) == [21]
    assert read.weeks[0].opening_days == 7


@pytest.mark.parametrize("rule", ["Sa,PH 10:00-12:00", "PH,Sa 10:00-12:00"])
def test_holiday_or_weekday_keeps_the_weekday(rule: str) -> None:
    read = read_osm(f"Mo-Fr 09:00-12:00; {rule}", AS_OF)
    assert read.regular == "Mo-Fr 09:00-12:00; Sa 10:00-12:00"
    assert weekly_hours(read) == [17]


def test_public_holiday_closure_is_not_worth_a_note() -> None:
    read = read_osm(laposte("Tu-Sa 09:00-12:00; PH off"), AS_OF)
    assert weekly_hours(read) == [15]
    assert read.exceptions == ()


# --- dated rules -------------------------------------------------------------------------


def test_dated_closure_inside_the_week_does_not_shorten_the_typical_week() -> None:
    expression = laposte(
        "Tu-Sa 07:00-12:30,15:00-19:00; Su 07:00-12:00; PH off; 2026 Jan 06-08 off"
    )
    for as_of in (dt.date(2026, 1, 5), dt.date(2026, 1, 12)):
        read = read_osm(expression, as_of)
        assert weekly_hours(read) == [52.5]
        assert {week.opening_days for week in read.weeks} == {6}
    assert messages(read_osm(expression, dt.date(2026, 1, 5))) == [
        "fermé du 06/01/2026 au 08/01/2026 (hors semaine type)"
    ]
    assert read_osm(expression, dt.date(2026, 1, 5)).dated_days == {
        dt.date(2026, 1, 6),
        dt.date(2026, 1, 7),
        dt.date(2026, 1, 8),
    }
    # Seen from later, the closure is past: nothing to report.
    assert messages(read_osm(expression, dt.date(2026, 1, 12))) == []


def test_dated_change_of_hours_is_reported_with_its_hours() -> None:
    read = read_osm(
        laposte("Tu-Fr 09:00-12:00,14:00-16:30; Sa 09:00-12:00; PH off; 2026 Jan 07 09:00-12:00"),
        dt.date(2026, 1, 5),
    )
    assert weekly_hours(read) == [25]
    assert messages(read) == ["ouvert 09:00-12:00 le 07/01/2026 (hors semaine type)"]


def test_yearly_closure_is_an_exception_and_a_long_season_is_not() -> None:
    read = read_osm("Mo-Fr 09:00-17:00; Dec 24-Jan 02 off", AS_OF)
    assert weekly_hours(read) == [40]
    # 2 January 2027 is a Saturday: the closure runs over the weekend to Friday 1 January.
    assert messages(read) == ["fermé du 24/12/2026 au 01/01/2027 (hors semaine type)"]
    season = read_osm("Sep 01-Jun 30 Mo-Fr 09:00-17:00; Jul 01-Aug 31 Mo-Fr 09:00-12:00", AS_OF)
    assert weekly_hours(season) == [15, 30, 40]  # 30: a week across 1 July or 1 September
    assert season.exceptions == ()


# --- seasons and alternating weeks -------------------------------------------------------


def test_alternating_saturdays() -> None:
    read = read_osm(laposte("Mo-Fr 08:00-12:00; week 02-53/2 Sa 08:00-12:00; PH off"), AS_OF)
    # ISO weeks 50 and 52 of 2026 and the even weeks 2-46 of 2027 have the Saturday.
    with_saturday = [w for w in read.weeks if w.opening_days == 6]
    assert len(with_saturday) == 25
    assert weekly_hours(read) == [20, 24]
    assert read.weeks[0].opening_days == 5  # 30 November 2026: ISO week 49


def test_first_saturday_off() -> None:
    read = read_osm(laposte("Mo-Sa 09:00-12:00; Sa[1] off; PH off; 2024 May 20 off"), AS_OF)
    assert weekly_hours(read) == [15, 18]
    first_saturdays = [w for w in read.weeks if w.opening_days == 5]
    assert len(first_saturdays) == 12  # 5 December 2026, then each month to November 2027


def test_summer_hours() -> None:
    read = read_osm("Mo-Fr 09:00-12:00,14:00-17:00; Jul-Aug Mo-Fr 09:00-12:00", AS_OF)
    summer = [w for w in read.weeks if w.weekly_hours == 15]
    # Weeks of 5 July to 23 August 2027. 1 July 2027 is a Thursday and 31 August a
    # Tuesday: those two weeks have 3 days of one and 2 of the other, 24 h.
    assert len(summer) == 8
    assert weekly_hours(read) == [15, 24, 30]


# --- uncountable and implausible hours ---------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "construct"),
    [
        ("Mo-Fr 14:00+", "open end (14:00+, closing time unknown)"),
        ("Mo-Fr 09:00-12:00,14:00+", "open end (14:00+, closing time unknown)"),
        ("Mo-Fr 09:00-12:00 || Sa 10:00-12:00", "fallback rules ('||')"),
        ("Mo-Fr 09:00-12:00; Sa unknown", "'unknown' hours cannot be counted"),
        (
            'Mo-Fr 09:00-12:00 "sur rendez-vous"',
            "has a comment but no state, so its hours are unknown; write open (or closed)",
        ),
        ('"sur rendez-vous"', "has a comment but no state"),
        ("Mo 10:00-16:00/01:00", "repeated points in time (10:00-16:00/01:00) are moments"),
    ],
)
def test_uncountable_hours_are_refused(expression: str, construct: str) -> None:
    with pytest.raises(
        ValueError, match=r"cannot be counted|are not supported|are moments|are unknown"
    ) as error:
        read_osm(expression, AS_OF)
    assert construct in str(error.value)


def test_plus_of_a_day_offset_is_not_an_open_end() -> None:
    read = read_osm("Mo-Fr 09:00-17:00; PH +1 day off", AS_OF)
    assert weekly_hours(read) == [40]


def test_extended_time_is_counted_and_reported() -> None:
    read = read_osm("Mo 09:00-48:00", AS_OF)
    assert weekly_hours(read) == [39]
    assert [a.kind for a in read.anomalies] == ["past-midnight", "long-slot"]
    assert "lundi 09:00 → mercredi 00:00" in read.anomalies[0].message


def test_open_all_day_is_reported() -> None:
    read = read_osm("Mo open", AS_OF)  # data·inclusion (réseau Alpha)
    assert weekly_hours(read) == [24]
    assert [a.kind for a in read.anomalies] == ["long-slot"]


def test_evening_slot_until_midnight_is_plausible() -> None:
    read = read_osm("Mo-Fr 14:00-24:00", AS_OF)
    assert read.anomalies == ()


def test_too_long_an_expression_is_refused() -> None:
    with pytest.raises(ValueError, match="expected at most 2000"):
        read_osm("; ".join(["Mo 09:00-12:00"] * 200), AS_OF)


# --- additional rules ---------------------------------------------------------------------


def test_additional_rules_of_data_inclusion() -> None:
    closed = "Mo closed, Tu closed, We closed, Th closed, Fr closed, Sa closed, Su closed"
    assert weekly_hours(read_osm(closed, AS_OF)) == [0]
    opened = (
        "Mo 08:30-17:00 open, Tu 08:30-17:00 open, We 08:30-17:00 open, Th 08:30-17:00 open, "
        "Fr 08:30-15:45 open, Sa closed, Su closed"
    )
    assert weekly_hours(read_osm(opened, AS_OF)) == [41.25]


def test_rules_are_split_outside_comments_and_time_lists() -> None:
    assert split_rules('Mo-Fr 08:00-12:00, 14:00-18:00; Sa 09:00-12:00 "a; b, c"') == [
        ("", "Mo-Fr 08:00-12:00, 14:00-18:00"),
        ("; ", 'Sa 09:00-12:00 "a; b, c"'),
    ]
    assert [r for _, r in split_rules("Mo closed, Tu 10:00-12:00")] == [
        "Mo closed",
        "Tu 10:00-12:00",
    ]


def test_from_osm_is_the_first_week_of_the_horizon() -> None:
    week = osm_hours.from_osm("Mo-Fr 08:00-12:00; week 02-53/2 Sa 08:00-12:00", week_of=AS_OF)
    assert week.weekly_hours == 20  # ISO week 49
