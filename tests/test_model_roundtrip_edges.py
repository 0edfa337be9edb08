"""Every model read or written at an edge survives the shared converter and JSON.

Routing (``Request``, ``SiteContext``, ``Decision``), the site file (``Site`` and its parts,
also through TOML text and :func:`load_site`) and the journal's records. Strategies build
valid values directly (patterns, aware datetimes in Europe/Paris, known facts) rather than
filtering invalid ones away.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from pathlib import Path
from typing import Any, TypeVar

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mfs_core.compliance.site import (
    INSEE_CODE_PATTERN,
    Agent,
    DayTable,
    Equipment,
    Hours,
    HoursScope,
    Location,
    OfferMode,
    PartnerOffer,
    Presence,
    Site,
    SiteFormat,
    Training,
    Waiver,
    load_site,
)
from mfs_core.converter import structure, unstructure
from mfs_core.hours import DAYS
from mfs_core.journal.records import (
    MAX_NOTE_LENGTH,
    RECORD_ID_PATTERN,
    THEMATIQUE_PATTERN,
    Autonomy,
    EventKind,
    EventRecord,
    Outcome,
    RequestRecord,
)
from mfs_core.model import (
    KNOWN_FACTS,
    PARTNER_CODE_PATTERN,
    PROCEDURE_ID_PATTERN,
    Channel,
    ReferralTarget,
)
from mfs_core.redaction import id_problem
from mfs_core.routing import (
    Alternative,
    Decision,
    DecisionKind,
    LocalService,
    Permanence,
    Request,
    RequestChannel,
    SiteContext,
    Thresholds,
    TraceEntry,
    Urgency,
    VideoAppointment,
    Weekday,
)
from mfs_core.routing.context import _SERVICE_ID, PARIS
from mfs_core.thematiques import THEMATIQUES

T = TypeVar("T")
EXAMPLES = settings(max_examples=50, deadline=None)

# -- building blocks ------------------------------------------------------------------------

text = st.text(max_size=30)
#: Text a UTF-8 file can hold (no lone surrogates), for what goes through TOML.
file_text = st.text(st.characters(codec="utf-8"), max_size=30)
#: Not blank once stripped: one visible character, then anything.
non_blank = st.tuples(st.characters(codec="utf-8", exclude_categories=("Z", "C")), file_text).map(
    "".join
)
words = st.lists(text, max_size=3).map(tuple)
partner_codes = st.from_regex(PARTNER_CODE_PATTERN, fullmatch=True)
procedure_ids = st.from_regex(PROCEDURE_ID_PATTERN, fullmatch=True)
dates = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 12, 31))
#: Aware datetimes as the project writes them: Europe/Paris (folds and gaps included), and
#: the fixed offsets or UTC other software may send.
moments = st.datetimes(
    min_value=dt.datetime(2000, 1, 1),
    max_value=dt.datetime(2100, 12, 31),
    timezones=st.sampled_from(
        [PARIS, PARIS, dt.UTC, dt.timezone(dt.timedelta(hours=-5, minutes=-30))]
    ),
)
facts = st.lists(st.sampled_from(sorted(KNOWN_FACTS)), max_size=4)


def sequences(strategy: st.SearchStrategy[T], max_size: int = 3) -> st.SearchStrategy[Any]:
    return st.lists(strategy, max_size=max_size).map(tuple)


def json_round_trip(obj: T) -> T:
    data = json.loads(json.dumps(unstructure(obj)))
    return structure(data, type(obj))


def assert_round_trips(obj: Any) -> None:
    back = json_round_trip(obj)
    assert back == obj
    # Field by field too: eq=False fields (Site.context) are left out of ``==``.
    assert attrs.asdict(back, recurse=False) == attrs.asdict(obj, recurse=False)


# -- routing --------------------------------------------------------------------------------


@st.composite
def requests(draw: st.DrawFn) -> Request:
    # A procedure id, or else a need that is not blank.
    procedure = draw(st.none() | procedure_ids)
    return Request(
        channel=draw(st.sampled_from(RequestChannel)),
        wants_autonomy=draw(st.booleans()),
        procedure=procedure,
        need=draw(st.none() | text if procedure else non_blank),
        thematique=draw(st.none() | st.sampled_from(sorted(THEMATIQUES))),
        urgency=draw(st.sampled_from(Urgency)),
        facts=draw(facts),
        received_at=draw(st.none() | moments),
    )


@st.composite
def permanences(draw: st.DrawFn) -> Permanence:
    start, end = sorted(draw(st.lists(st.times(), min_size=2, max_size=2, unique=True)))
    return Permanence(
        partner=draw(partner_codes),
        weekday=draw(st.sampled_from(Weekday)),
        start=start,
        end=end,
    )


contexts = st.builds(
    SiteContext,
    agents_on_duty=st.integers(0, 50),
    waiting=st.integers(0, 500),
    now=moments,
    expected_wait_minutes=st.none() | st.integers(0, 600),
    free_slots=st.lists(moments, max_size=4),
    permanences=sequences(permanences()),
    video_appointments=sequences(st.builds(VideoAppointment, partner=partner_codes, at=moments)),
    local_services=sequences(
        st.builds(
            LocalService,
            id=st.from_regex(_SERVICE_ID, fullmatch=True),
            name=text,
            thematiques=words,
            keywords=words,
            contact=text,
        )
    ),
    thresholds=st.builds(
        Thresholds,
        max_waiting_per_agent=st.integers(0, 100),
        max_wait_minutes=st.integers(0, 600),
        max_alternatives=st.integers(1, 20),
    ),
)

decisions = st.builds(
    Decision,
    kind=st.sampled_from(DecisionKind),
    reason=text,
    rule=text,
    partner=st.none() | partner_codes,
    procedure=st.none() | procedure_ids,
    target=st.none() | st.sampled_from(ReferralTarget),
    service=st.none() | text,
    steps=words,
    autonomy=st.booleans(),
    suggested_slot=st.none() | moments,
    documents=words,
    alternatives=sequences(
        st.builds(
            Alternative,
            procedure=procedure_ids,
            partner=partner_codes,
            title=text,
            score=st.integers(-(10**6), 10**6),
        )
    ),
    trace=sequences(
        st.builds(
            TraceEntry,
            rule=text,
            plugin=text,
            fired=st.booleans(),
            priority=st.none() | st.integers(-1000, 1000),
            reference=text,
            note=text,
            error=st.none() | text,
        )
    ),
)


@EXAMPLES
@given(requests())
def test_request_round_trip(request_: Request) -> None:
    assert_round_trips(request_)


@EXAMPLES
@given(contexts)
def test_site_context_round_trip(context: SiteContext) -> None:
    assert_round_trips(context)


@EXAMPLES
@given(decisions)
def test_decision_round_trip(decision: Decision) -> None:
    # ``mfs route`` writes ``unstructure(decision)`` (plus ``line`` in a stream, not a field).
    assert_round_trips(decision)


# -- the site file --------------------------------------------------------------------------


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def day_slots(min_slots: int = 0) -> st.SearchStrategy[tuple[str, ...]]:
    """A day's slots: sorted distinct quarter hours taken in pairs, so never overlapping."""
    return (
        st.lists(st.integers(0, 96), min_size=2 * min_slots, max_size=6, unique=True)
        .map(lambda points: sorted(p * 15 for p in points))
        .map(
            lambda points: tuple(
                f"{_hhmm(a)}-{_hhmm(b)}" for a, b in zip(points[::2], points[1::2], strict=False)
            )
        )
    )


day_tables = st.builds(DayTable, **dict.fromkeys(DAYS, day_slots()))


@st.composite
def osm_expressions(draw: st.DrawFn) -> str:
    names = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
    first, last = sorted(draw(st.lists(st.integers(0, 6), min_size=2, max_size=2)))
    days = names[first] if first == last else f"{names[first]}-{names[last]}"
    slots = draw(day_slots(min_slots=1))
    holidays = draw(st.sampled_from(["", "; PH off"]))
    return f"{days} {','.join(slots)}{holidays}"


hours = st.one_of(
    st.builds(Hours, osm=osm_expressions(), table=st.none()),
    st.builds(Hours, osm=st.none(), table=day_tables),
)
trainings = st.builds(
    Training,
    completed_on=dates,
    provider=non_blank,
    days=st.none() | st.floats(0, 100, exclude_min=True),
    topic=file_text,
)
agents = st.builds(
    Agent,
    id=non_blank,
    initial_training=st.none() | trainings,
    continuing_training=sequences(trainings, 2),
    started_on=st.none() | dates,
)
locations = st.builds(
    Location,
    name=non_blank,
    hours=hours,
    insee_code=st.none() | st.from_regex(INSEE_CODE_PATTERN, fullmatch=True),
)
offers = st.builds(PartnerOffer, code=partner_codes, how=sequences(st.sampled_from(OfferMode)))
equipment = st.builds(
    Equipment,
    public_computers=st.integers(0, 50),
    printer=st.booleans(),
    scanner=st.booleans(),
    internet_access=st.booleans(),
    video=st.booleans(),
    second_screen=st.booleans(),
    confidential_space=st.booleans(),
)
waivers = st.builds(
    Waiver, check=st.from_regex(PROCEDURE_ID_PATTERN, fullmatch=True), reason=non_blank, until=dates
)


@st.composite
def sites(draw: st.DrawFn) -> Site:
    site_agents = draw(st.lists(agents, max_size=3, unique_by=lambda a: a.id))
    site_locations = draw(st.lists(locations, max_size=2, unique_by=lambda loc: loc.name))
    presence: list[Presence] = []
    if site_agents:
        agent_ids = st.sampled_from([a.id for a in site_agents])
        where = st.none()
        if site_locations:
            where |= st.sampled_from([loc.name for loc in site_locations])
        presence = draw(
            st.lists(st.builds(Presence, agent=agent_ids, hours=hours, location=where), max_size=2)
        )
    return Site(
        id=draw(non_blank),
        name=draw(non_blank),
        porteur=draw(non_blank),
        insee_code=draw(st.from_regex(INSEE_CODE_PATTERN, fullmatch=True)),
        format=draw(st.sampled_from(SiteFormat)),
        labelled_on=draw(st.none() | dates),
        hours=draw(st.none() | hours),
        locations=tuple(site_locations),
        hours_scope=draw(st.sampled_from(HoursScope)),
        agents=tuple(site_agents),
        presence=tuple(presence),
        partners=tuple(draw(st.lists(offers, max_size=3, unique_by=lambda p: p.code))),
        equipment=draw(equipment),
        waivers=tuple(draw(st.lists(waivers, max_size=2))),
    )


@EXAMPLES
@given(sites())
def test_site_round_trip(site: Site) -> None:
    assert_round_trips(site)


def _present_fields(obj: Any) -> list[tuple[str, Any]]:
    """The fields a file holds: TOML has no null, and ``Site.context`` is never read."""
    values = ((field.name, getattr(obj, field.name)) for field in attrs.fields(type(obj)))
    return [(name, value) for name, value in values if value is not None and name != "context"]


def _toml_value(value: Any) -> str:
    """A value as a hand-written site file holds it (dates bare, tables inline)."""
    if attrs.has(type(value)):
        pairs = (f"{name} = {_toml_value(item)}" for name, item in _present_fields(value))
        return "{ " + ", ".join(pairs) + " }"
    if isinstance(value, tuple):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    if isinstance(value, enum.Enum):
        return _toml_value(value.value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int | float):
        return repr(value)
    assert isinstance(value, str)
    escaped = "".join(
        f"\\u{ord(c):04x}" if c in '"\\' or ord(c) < 0x20 or ord(c) == 0x7F else c for c in value
    )
    return f'"{escaped}"'


@pytest.fixture(scope="module")
def site_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("sites") / "site.toml"


@EXAMPLES
@given(sites())
def test_site_round_trip_through_toml_and_load_site(site_file: Path, site: Site) -> None:
    # What a municipality writes and :func:`load_site` reads: TOML dates, no nulls.
    lines = (f"{name} = {_toml_value(value)}" for name, value in _present_fields(site))
    site_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    back = load_site(site_file)
    assert back == site
    assert attrs.asdict(back, recurse=False) == attrs.asdict(site, recurse=False)


# -- the journal's records (``mfs journal add``) --------------------------------------------

# Ids the journal accepts: the id pattern, and nothing that looks like personal data (a name,
# a NIR, a phone...), which records refuse (tests/journal/test_personal_data.py).
record_ids = st.from_regex(RECORD_ID_PATTERN, fullmatch=True).filter(
    lambda value: id_problem(value) is None
)
thematiques = st.from_regex(THEMATIQUE_PATTERN, fullmatch=True)
# Free text the journal stores: any text but NUL, which PostgreSQL cannot hold (refused).
journal_text = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=60)
notes = st.none() | journal_text | st.just("é" * MAX_NOTE_LENGTH)
residents = journal_text.filter(str.strip)  # an identifier made of spaces is refused
#: A refusal's reason: not blank, and no NUL either (``non_blank`` may draw one).
reasons = st.tuples(st.characters(codec="utf-8", exclude_categories=("Z", "C")), journal_text).map(
    "".join
)


@st.composite
def request_records(draw: st.DrawFn) -> RequestRecord:
    # A procedure id or a thematique, or both.
    procedure = draw(st.none() | procedure_ids)
    return RequestRecord(
        id=draw(record_ids),
        received_at=draw(moments),
        channel=draw(st.sampled_from(Channel)),
        outcome=draw(st.sampled_from(Outcome)),
        procedure=procedure,
        thematique=draw(st.none() | thematiques if procedure else thematiques),
        # A partner only where it agrees with the procedure (or without one).
        partner=draw(
            st.none() | (st.just(procedure.split(".", 1)[0]) if procedure else partner_codes)
        ),
        autonomy=draw(st.none() | st.sampled_from(Autonomy)),
        note=draw(notes),
        resident=draw(st.none() | residents),
    )


@st.composite
def event_records(draw: st.DrawFn) -> EventRecord:
    # A refused referral always carries its reason.
    event = draw(st.sampled_from(EventKind))
    refused = event is EventKind.REFERRAL_REFUSED
    return EventRecord(
        id=draw(record_ids),
        event=event,
        request_id=draw(record_ids),
        occurred_at=draw(moments),
        reason=draw(reasons if refused else notes),
    )


@EXAMPLES
@given(request_records() | event_records())
def test_journal_record_round_trip(record: RequestRecord | EventRecord) -> None:
    assert_round_trips(record)


# -- regressions found by the round trips above ---------------------------------------------


def test_times_of_day_keep_their_seconds() -> None:
    # The time hook wrote "%H:%M": 09:00:30 came back as 09:00, and a permanence from
    # 09:00:10 to 09:00:50 could not be read back at all (end not after start).
    assert unstructure(dt.time(9, 0)) == "09:00"
    assert unstructure(dt.time(9, 0, 30)) == "09:00:30"
    assert unstructure(dt.time(9, 0, 0, 5)) == "09:00:00.000005"
    short = Permanence(
        partner="caf", weekday=Weekday.MONDAY, start=dt.time(9, 0, 10), end=dt.time(9, 0, 50)
    )
    assert json_round_trip(short) == short


@pytest.mark.parametrize("fold", [0, 1])
def test_paris_time_in_the_repeated_hour_reads_back_equal(fold: int) -> None:
    # 02:30 happens twice in Paris on 2026-10-25. JSON keeps the offset, not the zone, and
    # PEP 495 makes such a zone-aware time unequal to the same instant at a fixed offset:
    # the record read back differed from the one written.
    moment = dt.datetime(2026, 10, 25, 2, 30, tzinfo=PARIS, fold=fold)
    record = RequestRecord(
        id="r1",
        received_at=moment,
        channel=Channel.COUNTER,
        outcome=Outcome.RESOLVED_FIRST_CONTACT,
        procedure="caf.prime-activite",
    )
    assert json_round_trip(record) == record
    # Same instant, wall time and offset as given.
    assert record.received_at.isoformat() == moment.isoformat()
    assert record.received_at.timestamp() == moment.timestamp()
    decision = Decision(kind=DecisionKind.APPOINTMENT, reason="", rule="r", suggested_slot=moment)
    assert json_round_trip(decision) == decision
