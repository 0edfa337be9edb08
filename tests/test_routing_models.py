"""Requests and contexts read from JSON: good input is structured, bad input is named."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from mfs_core.converter import structure, unstructure
from mfs_core.errors import InputError, OldSpellingWarning
from mfs_core.routing import Permanence, Request, SiteContext, Weekday
from mfs_core.routing.reading import parse_context, parse_requests
from routing_support import NOW

REQUEST: dict[str, Any] = {
    "procedure": "dgfip.reclamation",
    "channel": "counter",
    "wants_autonomy": False,
    "facts": ["dispute", "needs_research", "dispute"],
    "received_at": "2026-11-27T10:00:00+01:00",
}
CONTEXT: dict[str, Any] = {
    "agents_on_duty": 2,
    "waiting": 5,
    "now": "2026-11-27T10:00:00+01:00",
    "free_slots": ["2026-12-01T09:00:00+01:00", "2026-11-30T14:00:00+01:00"],
    "permanences": [{"partner": "caf", "weekday": "mardi", "start": "09:00", "end": "12:00"}],
    "video_appointments": [{"partner": "msa", "at": "2026-11-30T10:00:00+01:00"}],
    "local_services": [{"id": "ccas", "name": "CCAS", "thematiques": ["logement-hebergement"]}],
    "thresholds": {"max_waiting_per_agent": 2},
}


def test_request_round_trip() -> None:
    request = structure(REQUEST, Request)
    assert request.facts == ("dispute", "needs_research")  # sorted, without duplicates
    assert request.received_at == NOW
    assert structure(unstructure(request), Request) == request


def test_context_round_trip_and_busy() -> None:
    ctx = structure(CONTEXT, SiteContext)
    assert ctx.free_slots[0].day == 30  # sorted
    assert ctx.permanences[0].start == dt.time(9, 0)
    assert ctx.busy  # 5 waiting > 2 per agent x 2 agents
    assert structure(unstructure(ctx), SiteContext) == ctx
    assert unstructure(ctx)["permanences"][0]["end"] == "12:00"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"procedure": None}, "procedure/need: give a procedure id or a free-text need"),
        # Zero-width spaces and a bidirectional mark show nothing: as empty as no-break spaces.
        (
            {"procedure": None, "need": "\u200b\u200f\u00a0"},
            "procedure/need: give a procedure id or a free-text need",
        ),
        ({"procedure": "Réclamation"}, "procedure: expected a procedure id (<partner>"),
        ({"channel": "online"}, "channel: 'online' is not one of 'counter', 'phone'"),
        ({"wants_autonomy": "yes"}, "wants_autonomy: expected true or false"),
        ({"facts": ["dispute", "nir"]}, "facts: unknown fact(s) 'nir' (known: abroad"),
        ({"facts": "dispute"}, "facts: expected a list"),
        ({"received_at": "2026-11-27T10:00"}, "received_at: expected a date-time with its UTC"),
        ({"urgency": "high"}, "urgency: 'high' is not one of 'normal', 'urgent'"),
        ({"name": "Dupont"}, "unknown key name"),
    ],
)
def test_bad_request_names_the_field(change: dict[str, Any], message: str) -> None:
    data = {**REQUEST, **change}
    with pytest.raises(InputError) as info:
        structure({k: v for k, v in data.items() if v is not None}, Request, source="req.json")
    assert str(info.value).startswith("req.json: ")
    assert message in str(info.value)


def test_missing_required_request_fields_are_named() -> None:
    with pytest.raises(InputError, match="wants_autonomy"):
        structure({"procedure": "dgfip.reclamation", "channel": "phone"}, Request)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"waiting": -1}, "waiting: expected a number >= 0"),
        ({"now": "2026-11-27 10:00"}, "now: expected a date-time with its UTC offset"),
        ({"free_slots": ["demain"]}, "free_slots[0]: expected an ISO 8601 date-time"),
        (
            {"permanences": [{"partner": "caf", "weekday": "mar", "start": "9h", "end": "12:00"}]},
            "permanences[0].weekday: 'mar' is not one of 'lundi'",
        ),
        (
            {
                "permanences": [
                    {"partner": "caf", "weekday": "vendredi", "start": "9h", "end": "12:00"}
                ]
            },
            "permanences[0].start: expected a time of day HH:MM, got '9h'",
        ),
        ({"thresholds": {"max_alternatives": 0}}, "max_alternatives: expected a number >= 1"),
        ({"local_services": [{"id": "CCAS", "name": "x"}]}, "id: 'CCAS' is not a service id"),
    ],
)
def test_bad_context_names_the_field(change: dict[str, Any], message: str) -> None:
    with pytest.raises(InputError) as info:
        structure({**CONTEXT, **change}, SiteContext, source="ctx.json")
    assert message in str(info.value)


def test_english_day_names_are_read_with_a_deprecation_warning() -> None:
    # Context files named days in English before site files' French names became the
    # rule everywhere: still read, as the same day, with a warning naming the new spelling.
    permanence = {"partner": "caf", "weekday": "tuesday", "start": "09:00", "end": "12:00"}
    with pytest.warns(OldSpellingWarning, match="'tuesday' is the old spelling: write 'mardi'"):
        old = structure({**CONTEXT, "permanences": [permanence]}, SiteContext)
    assert old == structure(CONTEXT, SiteContext)
    assert unstructure(old)["permanences"][0]["weekday"] == "mardi"  # written in French


def test_permanence_must_end_after_it_starts() -> None:
    with pytest.raises(ValueError, match="end: 09:00 is not after start 12:00"):
        Permanence(partner="caf", weekday=Weekday.MONDAY, start=dt.time(12), end=dt.time(9))


def test_permanence_times_are_read_in_paris() -> None:
    perm = Permanence(partner="caf", weekday=Weekday.FRIDAY, start=dt.time(9), end=dt.time(12))
    utc = dt.datetime(2026, 11, 27, 10, 30, tzinfo=dt.UTC)  # 11:30 in Paris: on
    assert perm.next_from(utc) == utc
    assert perm.next_from(utc.replace(hour=11, minute=5)) is None  # 12:05 in Paris: over


def test_parse_single_document_over_several_lines() -> None:
    parsed = parse_requests(
        '{\n "need": "colis",\n "channel": "phone",\n "wants_autonomy": true\n}', "r.json"
    )
    assert not parsed.stream
    assert parsed.errors == ()
    assert [line for line, _ in parsed.requests] == [None]


def test_parse_stream_reports_every_bad_line_and_keeps_good_ones() -> None:
    text = "\n".join(
        [
            '{"need": "colis", "channel": "phone", "wants_autonomy": true}',
            "",
            '{"need": "colis", "channel": "fax", "wants_autonomy": true}',
            "[1, 2]",
            "{oops",
            '{"procedure": "dgfip.reclamation", "channel": "counter", "wants_autonomy": false}',
        ]
    )
    parsed = parse_requests(text, "in.jsonl")
    assert [line for line, _ in parsed.requests] == [1, 6]
    assert parsed.errors[0].startswith("in.jsonl:3: channel: expected one of 'counter'")
    assert parsed.errors[1] == "in.jsonl:4: expected a JSON object, got array"
    assert parsed.errors[2].startswith("in.jsonl:5: invalid JSON: ")
    assert len(parsed.errors) == 3


def test_parse_empty_input_is_an_error() -> None:
    assert parse_requests("\n\n", "-").errors == (
        "-: no request found (expected a JSON object, an array of them or JSON lines)",
    )


def test_parse_context_rejects_non_object() -> None:
    with pytest.raises(InputError, match=r"ctx\.json: expected a JSON object, got array"):
        parse_context("[]", "ctx.json")
