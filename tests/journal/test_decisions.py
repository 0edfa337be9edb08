"""The routing decision of each request: the record, its constructor from a routing
decision, its storage on both backends, the schema upgrade of older journals, the export."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from mfs_core.cli import main
from mfs_core.converter import structure, unstructure
from mfs_core.errors import InputError
from mfs_core.journal import Journal, JournalError, Outcome, RequestRecord, RoutingDecision
from mfs_core.journal.api import _open_store, open_journal
from mfs_core.journal.records import DEFAULT_OUTCOME
from mfs_core.journal.schema import MIGRATIONS
from mfs_core.journal.store import RequestRow, SqlStore
from mfs_core.model import Channel, ReferralTarget
from mfs_core.registry import Registry
from mfs_core.report import build_report
from mfs_core.routing import Decision, DecisionKind, Request, RequestChannel, Router

from .conftest import SECRET

PARIS_JUNE = dt.datetime(2023, 6, 5, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))
JSON_REQUEST = {
    "id": "r1",
    "received_at": "2023-06-05T09:30:00+02:00",
    "procedure": "cnav.demande-retraite",
    "channel": "counter",
    "outcome": "referral",
    "decision": "referral",
    "decision_rule": "cnav.contestation",
    "referral_target": "referent",
}


def routing_request(**changes: object) -> Request:
    fields: dict[str, object] = {
        "procedure": "cnav.demande-retraite",
        "channel": "counter",
        "wants_autonomy": False,
        "received_at": PARIS_JUNE,
    }
    fields.update(changes)
    return structure(fields, Request)


def decision(kind: str, rule: str = "core.answer-now", **changes: object) -> Decision:
    return Decision(kind=DecisionKind(kind), reason="…", rule=rule, **changes)  # type: ignore[arg-type]


# -- the record ---------------------------------------------------------------------------
#: The routing outcomes a journal records: all but ``clarify``, a question for the resident
#: after which the request is routed again.
RECORDED_KINDS = [k for k in DecisionKind if k is not DecisionKind.CLARIFY]


def test_the_journal_enum_mirrors_the_routing_decision_kinds() -> None:
    assert [d.value for d in RoutingDecision] == [k.value for k in RECORDED_KINDS]
    assert set(DEFAULT_OUTCOME) == set(RoutingDecision)


def test_a_clarify_decision_is_not_an_outcome_to_record() -> None:
    asked = decision("clarify", "core.clarify", question="De quel organisme relève-t-il ?")
    with pytest.raises(ValueError, match="route again with the procedure the resident chose"):
        RequestRecord.from_decision(routing_request(), asked, id="r1")


def test_every_routing_channel_is_a_journal_channel() -> None:
    for channel in RequestChannel:
        record = RequestRecord.from_decision(
            routing_request(channel=channel.value), decision("answer_now"), id="r1"
        )
        assert record.channel is Channel(channel.value)


@pytest.mark.parametrize(
    ("kind", "outcome"),
    [
        ("answer_now", "resolved_first_contact"),
        ("appointment", "appointment"),
        ("referral", "referral"),
        ("orientation", "orientation"),
        ("unknown", "unresolved"),
    ],
)
def test_the_default_outcome_follows_the_decision(kind: str, outcome: str) -> None:
    record = RequestRecord.from_decision(routing_request(), decision(kind), id="r1")
    assert record.outcome is Outcome(outcome)
    assert record.decision is RoutingDecision(kind)


def test_from_decision_takes_the_request_and_the_decision() -> None:
    made = decision(
        "referral",
        "cnav.contestation",
        partner="cnav",
        procedure="cnav.demande-retraite",
        target=ReferralTarget.PERMANENCE,
    )
    record = RequestRecord.from_decision(
        routing_request(channel="mobile", facts=["dispute"]),
        made,
        id="2023-06-0001",
        outcome="resolved_first_contact",  # the meeting went otherwise
        autonomy="accompanied",
        note="réglé sur place",
    )
    assert record.id == "2023-06-0001"
    assert record.received_at == PARIS_JUNE
    assert record.channel is Channel.MOBILE
    assert record.procedure == "cnav.demande-retraite"
    assert record.thematique is None
    assert record.partner_code == "cnav"
    assert record.outcome is Outcome.RESOLVED_FIRST_CONTACT
    assert record.decision is RoutingDecision.REFERRAL
    assert record.decision_rule == "cnav.contestation"
    assert record.referral_target is ReferralTarget.PERMANENCE
    assert record.note == "réglé sur place"
    assert record.resident is None  # nothing personal comes from routing


def test_from_decision_asks_for_what_the_request_lacks() -> None:
    unknown_need = routing_request(procedure=None, need="aide pour un dossier", received_at=None)
    made = decision("unknown", "core.unknown-need")
    with pytest.raises(ValueError, match="received_at: the routing request has none"):
        RequestRecord.from_decision(unknown_need, made, id="r1")
    with pytest.raises(ValueError, match="thematique: the routing request names no procedure"):
        RequestRecord.from_decision(unknown_need, made, id="r1", received_at=PARIS_JUNE)
    record = RequestRecord.from_decision(
        unknown_need, made, id="r1", received_at=PARIS_JUNE, thematique="famille"
    )
    assert (record.procedure, record.thematique, record.outcome) == (None, "famille", "unresolved")
    with pytest.raises(ValueError, match="id: expected an opaque id"):
        RequestRecord.from_decision(routing_request(), decision("answer_now"), id="a b")


def test_the_decision_fields_are_optional_and_checked() -> None:
    legacy = {k: v for k, v in JSON_REQUEST.items() if not k.startswith(("decision", "referral"))}
    record = structure(legacy, RequestRecord)
    assert (record.decision, record.decision_rule, record.referral_target) == (None, None, None)
    record = structure(JSON_REQUEST, RequestRecord)
    assert record.decision is RoutingDecision.REFERRAL
    cases = [
        ({"decision": "maybe"}, "decision: 'maybe' is not one of"),
        ({"decision_rule": "Contestation CNAV"}, "decision_rule: expected a rule id"),
        ({"referral_target": "guichet"}, "referral_target: 'guichet' is not one of"),
        ({"decision": None}, "decision: expected the decision that decision_rule took"),
        (
            {"decision": "appointment", "decision_rule": "core.busy-counter"},
            "referral_target: expected only with the decision 'referral'",
        ),
    ]
    for changes, message in cases:
        with pytest.raises(InputError, match=message):
            structure({**JSON_REQUEST, **changes}, RequestRecord)


@pytest.mark.parametrize("kind", RECORDED_KINDS)
def test_a_decided_record_round_trips_through_json(kind: DecisionKind) -> None:
    target = ReferralTarget.VIDEO if kind is DecisionKind.REFERRAL else None
    record = RequestRecord.from_decision(
        routing_request(), decision(kind.value, target=target), id="r1", autonomy="autonomous"
    )
    data = json.loads(json.dumps(unstructure(record)))
    assert data["decision"] == kind.value
    assert structure(data, RequestRecord) == record


def test_journal_does_not_import_routing_and_routing_not_the_journal() -> None:
    code = (
        "import sys, mfs_core.journal, mfs_core.report;"
        "assert not [m for m in sys.modules if m.startswith('mfs_core.routing')], 'journal';"
        "import mfs_core.routing;"
        "[sys.modules.pop(m) for m in list(sys.modules) if m.startswith('mfs_core.')];"
        "import mfs_core.routing;"
        "assert not [m for m in sys.modules if m.startswith('mfs_core.journal')], 'routing'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# -- storage, on both backends ------------------------------------------------------------
def test_decisions_are_stored_and_read_back(journal: Journal) -> None:
    records = [
        RequestRecord.from_decision(
            routing_request(),
            decision(
                kind.value,
                "cnav.contestation" if kind is DecisionKind.REFERRAL else "core.answer-now",
                target=ReferralTarget.REFERENT if kind is DecisionKind.REFERRAL else None,
            ),
            id=f"r-{kind.value}",
        )
        for kind in RECORDED_KINDS
    ]
    undecided = {**JSON_REQUEST, "id": "r-none", "decision": None, "decision_rule": None}
    records.append(structure({**undecided, "referral_target": None}, RequestRecord))
    assert journal.record_many(records).recorded == 6
    stored = {r.id: r for r in journal.requests()}
    for kind in RECORDED_KINDS:
        row = stored[f"r-{kind.value}"]
        assert row.decision == kind.value
        assert row.outcome == DEFAULT_OUTCOME[RoutingDecision(kind.value)].value
        assert row.decision_rule == (
            "cnav.contestation" if kind is DecisionKind.REFERRAL else "core.answer-now"
        )
        assert row.referral_target == ("referent" if kind is DecisionKind.REFERRAL else None)
    assert (stored["r-none"].decision, stored["r-none"].decision_rule) == (None, None)


def test_the_database_refuses_an_unknown_decision(journal: Journal) -> None:
    store = journal.store
    assert isinstance(store, SqlStore)
    now = dt.datetime.now(dt.UTC)
    row = ("x", now, "cnav", "cnav.x", None, "counter", "referral", None, None, None, None)
    with pytest.raises(JournalError, match="nothing recorded"):
        store.insert_requests([RequestRow(*row, "maybe", None, None, now)])
    with pytest.raises(JournalError, match="nothing recorded"):
        store.insert_requests([RequestRow(*row, "referral", None, "guichet", now)])
    assert list(journal.requests()) == []


def test_a_version_1_journal_is_upgraded_and_keeps_its_rows(journal_url: str) -> None:
    store = _open_store(journal_url)
    assert isinstance(store, SqlStore)
    store.migrate(MIGRATIONS[:1])  # the journal as mfs-core wrote it before decisions
    assert store.schema_version() == 1
    received = store._time_in(PARIS_JUNE)
    with store._transaction() as cursor:
        cursor.execute(
            store._q(
                "INSERT INTO requests (id, received_at, partner, procedure, channel, outcome, "
                "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
            ),
            ("old", received, "dgfip", "dgfip.declaration-revenus", "counter", "appointment",
             received),
        )  # fmt: skip
        cursor.execute(
            store._q(
                "INSERT INTO events (id, request_id, request_received_at, event, occurred_at, "
                "recorded_at) VALUES (?, ?, ?, ?, ?, ?)"
            ),
            ("old-held", "old", received, "appointment_held", received, received),
        )
    store.close()

    with open_journal(journal_url, pseudonym_secret=SECRET) as journal:
        assert journal.store.schema_version() == 2
        journal.record(structure({**JSON_REQUEST, "id": "new"}, RequestRecord))
        stored = {r.id: r for r in journal.requests()}
        old, new = stored["old"], stored["new"]
        assert (old.id, old.outcome, old.decision, old.decision_rule) == (
            "old", "appointment", None, None
        )  # fmt: skip
        assert (new.id, new.decision, new.referral_target) == ("new", "referral", "referent")
        assert [e.id for e in journal.events()] == ["old-held"]
        report = build_report(journal, dt.date(2023, 6, 1))
        assert report.by_decision == {"_none": 1, "referral": 1}
        assert report.appointments.held == 1


# -- routing, then recording --------------------------------------------------------------
def test_route_then_record_with_the_real_router(journal: Journal) -> None:
    router = Router(Registry.load())
    disputed = routing_request(facts=["dispute"])
    made = router.decide(disputed)
    assert (made.kind, made.rule) == (DecisionKind.REFERRAL, "cnav.contestation")
    simple = routing_request(procedure="dgfip.declaration-revenus", channel="phone")
    journal.record_many(
        [
            RequestRecord.from_decision(disputed, made, id="r1"),
            # Answered now by the router, but the resident needed an appointment after all.
            RequestRecord.from_decision(
                simple, router.decide(simple), id="r2", outcome=Outcome.APPOINTMENT
            ),
        ]
    )
    report = build_report(journal, dt.date(2023, 6, 1))
    assert report.by_decision == {"answer_now": 1, "referral": 1}
    assert report.by_outcome == {"appointment": 1, "referral": 1}
    assert (report.decisions.recorded, report.decisions.outcome_differs) == (2, 1)
    assert report.decisions.outcome_differs_by_decision == {"answer_now": 1}


# -- the command line -----------------------------------------------------------------------
def test_add_and_export_carry_the_decision(
    journal_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    legacy = {k: v for k, v in JSON_REQUEST.items() if not k.startswith(("decision", "referral"))}
    lines = json.dumps(JSON_REQUEST) + "\n" + json.dumps({**legacy, "id": "r2"}) + "\n"
    monkeypatch.setenv("MFS_PSEUDONYM_SECRET", SECRET)
    monkeypatch.setattr("sys.stdin", io.StringIO(lines))
    assert main(["journal", "add", "--journal", journal_url]) == 0
    capsys.readouterr()
    assert main(["journal", "export", "--journal", journal_url]) == 0
    first, second = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert {k: first[k] for k in ("decision", "decision_rule", "referral_target")} == {
        "decision": "referral",
        "decision_rule": "cnav.contestation",
        "referral_target": "referent",
    }
    assert "decision" not in second  # an undecided request exports as before
    assert main(["journal", "export", "--format", "csv", "--journal", journal_url]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    header = rows[0]
    # The new columns come last: readers of the earlier columns see them where they were.
    assert header[-3:] == ["decision", "decision_rule", "referral_target"]
    assert header[:-3] == [
        "record", "id", "request_id", "time", "partner", "procedure", "thematique", "channel",
        "outcome", "autonomy", "event", "reason", "note", "resident_pseudonym", "redacted",
    ]  # fmt: skip
    assert rows[1][-3:] == ["referral", "cnav.contestation", "referent"]
    assert rows[2][-3:] == ["", "", ""]
