"""Opening hours: ANCT day strings with their anomalies, tables, OSM expressions."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mfs_core import hours, osm_hours
from mfs_core.compliance.evaluators import uncovered
from mfs_core.hours import _careful_day, _clean_day


def kinds(text: str) -> list[str]:
    return [a.kind for a in hours.parse_anct_day(text, "lundi")[1]]


def test_two_slots() -> None:
    intervals, anomalies = hours.parse_anct_day("09:00 - 12:00 / 13:30 - 17:00", "lundi")
    assert intervals == ((540, 720), (810, 1020))
    assert anomalies == ()


def test_placeholder_is_ignored_and_reported() -> None:
    intervals, anomalies = hours.parse_anct_day("00:00 - 00:00 / 09:00 - 12:00", "mercredi")
    assert intervals == ((540, 720),)
    assert [a.kind for a in anomalies] == ["placeholder"]
    assert "mercredi" in anomalies[0].message


def test_overlapping_slots_count_as_their_union() -> None:
    # A real row of the ANCT list (Saint-Martin-de-Ré, mardi).
    intervals, anomalies = hours.parse_anct_day(
        "09:00 - 12:00 / 09:00 - 16:30 / 14:00 - 16:30", "mardi"
    )
    assert intervals == ((540, 990),)
    assert [a.kind for a in anomalies] == ["overlap", "overlap"]


def test_overlap_hidden_behind_a_long_slot_is_reported() -> None:
    assert kinds("08:00 - 18:00 / 09:00 - 10:00 / 11:00 - 12:00") == ["overlap", "overlap"]


def test_duplicate_slot_is_counted_once() -> None:
    intervals, anomalies = hours.parse_anct_day("13:30 - 16:00 / 13:30 - 16:00", "lundi")
    assert intervals == ((810, 960),)
    assert [a.kind for a in anomalies] == ["duplicate"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("25:00 - 12:00", "bad-time"),
        ("09:60 - 12:00", "bad-time"),
        ("9h - 12h", "bad-time"),
        ("fermé", "bad-time"),
        ("12:00 - 09:00", "end-before-start"),
        ("09:00 - 12:00 / ", "empty-slot"),
    ],
)
def test_bad_slots_are_dropped_and_reported(text: str, kind: str) -> None:
    intervals, anomalies = hours.parse_anct_day(text, "lundi")
    assert kind in [a.kind for a in anomalies]
    assert all(start < end for start, end in intervals)


def test_touching_slots_merge() -> None:
    assert hours.union([(540, 720), (720, 800), (900, 960)]) == ((540, 800), (900, 960))


def test_week_from_anct_cells_has_no_sunday() -> None:
    week, anomalies = hours.from_anct_days(["09:00 - 12:00"] * 6)
    assert week.opening_days == 6
    assert week.weekly_hours == 18
    assert week.days[6] == ()
    assert anomalies == ()


def test_table_rejects_unknown_days() -> None:
    with pytest.raises(ValueError, match="unknown day"):
        hours.from_table({"lundy": ["09:00-12:00"]})


def test_osm_expression() -> None:
    week = osm_hours.from_osm("Mo-We,Fr 08:30-12:30,13:30-17:15; Th 08:30-12:30; PH off")
    assert week.weekly_hours == 35
    assert week.opening_days == 5
    assert week.days[3] == ((510, 750),)


def test_osm_later_rule_replaces_earlier_one_for_its_days() -> None:
    week = osm_hours.from_osm("Mo-Fr 09:00-17:00; We 09:00-12:00")
    assert week.days[2] == ((540, 720),)
    assert week.weekly_hours == 35


def test_osm_slot_past_midnight_is_split() -> None:
    week = osm_hours.from_osm("Sa 22:00-02:00")
    assert week.days[5] == ((1320, 1440),)
    assert week.days[6] == ((0, 120),)


def test_invalid_osm_expression() -> None:
    with pytest.raises(ValueError, match="invalid opening_hours expression"):
        osm_hours.from_osm("Mo-Zz 09:00-12:00")


def test_reference_week_skips_french_public_holidays() -> None:
    # 21-27 Dec 2026 holds Christmas, 28 Dec - 3 Jan holds 1 January.
    assert hours.reference_week(dt.date(2026, 12, 20)) == dt.date(2027, 1, 4)
    # The week of 14 July 2026 (a Tuesday) is skipped too.
    assert hours.reference_week(dt.date(2026, 7, 13)) == dt.date(2026, 7, 20)


def test_public_holiday_off_does_not_shorten_the_typical_week() -> None:
    week = osm_hours.from_osm("Mo-Fr 09:00-17:00; PH off", week_of=dt.date(2026, 12, 21))
    assert week.weekly_hours == 40


def test_describe_in_french() -> None:
    week, _ = hours.from_anct_days(["09:00 - 12:00", "", "14:00 - 16:00"])
    assert week.describe() == "lundi 09:00-12:00 ; mercredi 14:00-16:00"


intervals = st.lists(
    st.tuples(st.integers(0, 1439), st.integers(1, 240)).map(
        lambda t: (t[0], min(1440, t[0] + t[1]))
    ),
    max_size=5,
)


@settings(max_examples=60, deadline=None)
@given(opening=intervals, presences=st.lists(intervals, max_size=3))
def test_uncovered_slots_are_exactly_the_understaffed_minutes(
    opening: list[hours.Interval], presences: list[list[hours.Interval]]
) -> None:
    opening_u = hours.union(opening)
    presence_u = [hours.union(p) for p in presences]
    gaps = uncovered(opening_u, presence_u, 2)

    def count(minute: int) -> int:
        return sum(any(s <= minute < e for s, e in p) for p in presence_u)

    reported = {m: n for (s, e), n in gaps for m in range(s, e)}
    for minute in range(1440):
        is_open = any(s <= minute < e for s, e in opening_u)
        if is_open and count(minute) < 2:
            assert reported.get(minute) == count(minute)
        else:
            assert minute not in reported


@pytest.mark.parametrize(
    "text",
    [
        "09:00 - 12:00 / 13:30 - 17:00",
        "09:00 - 12:00 / 12:00 - 17:00",
        "14:30 - 24:00",
        "09:00-12:00/14:00-16:00",
    ],
)
def test_fast_path_agrees_with_the_careful_one(text: str) -> None:
    assert _clean_day(text) == _careful_day(text, "lundi")[0]
    assert _careful_day(text, "lundi")[1] == ()


@pytest.mark.parametrize(
    "text",
    [
        "13:30 - 17:00 / 09:00 - 12:00",  # out of order
        "00:00 - 00:00 / 09:00 - 12:00",
        "09:00 - 12:00 / 11:00 - 13:00",
        "09:00 - 12:00 / 09:00 - 12:00",
        "12:00 - 09:00",
        "9h - 12h",
        "24:00 - 24:30",
    ],
)
def test_anything_unusual_takes_the_careful_path(text: str) -> None:
    assert _clean_day(text) is None


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ('Mo-Fr 09:00-17:00 || "sur rendez-vous"', "fallback rules ('||') are not supported"),
        ("Mo-Fr 09:00-12:00 unknown", "'unknown' hours cannot be counted"),
    ],
)
def test_osm_expressions_whose_hours_cannot_be_counted_are_refused(
    expression: str, expected: str
) -> None:
    # opening-hours-py would count the first as 8 h a week over one day, the second as 0 h:
    # silently wrong figures, so they are input errors.
    with pytest.raises(ValueError, match=re.escape(expected)):
        osm_hours.from_osm(expression)


def test_a_comment_in_quotes_may_mention_two_bars() -> None:
    week = osm_hours.from_osm('Mo-Fr 09:00-17:00 open "accueil || rendez-vous"')
    assert week.weekly_minutes == 5 * 8 * 60
