"""The journal on both backends: recording, idempotence, follow-ups, privacy, retention,
append-only storage and schema migrations."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from mfs_core.converter import structure
from mfs_core.errors import InputError
from mfs_core.journal import (
    EventRecord,
    Journal,
    JournalError,
    RequestRecord,
    open_journal,
)
from mfs_core.journal.schema import MIGRATIONS, Migration
from mfs_core.journal.store import SqlStore
from mfs_core.output import public_url

from .conftest import SECRET

UTC = dt.UTC
VALID_NIR = "2 95 10 99 126 111 93"  # python-stdnum's documented valid example
VALID_IBAN = "FR76 3000 6000 0112 3456 7890 189"


def request(id_: str = "r1", **changes: object) -> RequestRecord:
    fields: dict[str, object] = {
        "id": id_,
        "received_at": dt.datetime(2023, 6, 5, 9, 30, tzinfo=UTC),
        "procedure": "dgfip.declaration-revenus",
        "channel": "counter",
        "outcome": "referral",
    }
    fields.update(changes)
    return RequestRecord(**fields)  # type: ignore[arg-type]


def event(id_: str, kind: str, request_id: str = "r1", **changes: object) -> EventRecord:
    fields: dict[str, object] = {
        "id": id_,
        "event": kind,
        "request_id": request_id,
        "occurred_at": dt.datetime(2023, 6, 9, tzinfo=UTC),
    }
    fields.update(changes)
    return EventRecord(**fields)  # type: ignore[arg-type]


def test_a_request_is_stored_as_given_but_redacted(journal: Journal) -> None:
    result = journal.record(
        request(note=f"NIR {VALID_NIR}, IBAN {VALID_IBAN}", autonomy="accompanied")
    )
    assert (result.recorded, result.already_present) == (1, 0)
    assert result.redactions == {"nir": 1, "iban": 1}
    (stored,) = journal.requests()
    assert stored.id == "r1"
    assert stored.received_at == dt.datetime(2023, 6, 5, 9, 30, tzinfo=UTC)
    assert stored.partner == "dgfip"
    assert stored.autonomy == "accompanied"
    assert stored.note == "NIR [NIR], IBAN [IBAN]"
    assert stored.redacted == ("iban", "nir")


def test_a_retried_id_is_not_counted_twice(journal: Journal) -> None:
    assert journal.record(request()).recorded == 1
    retry = journal.record_many([request(), request("r2"), request("r2")])
    assert (retry.recorded, retry.already_present) == (1, 2)
    assert [r.id for r in journal.requests()] == ["r1", "r2"]


def test_an_id_given_again_with_other_content_is_reported_not_stored(journal: Journal) -> None:
    # Review 16c: it was counted already_present, the changed record lost silently.
    journal.record(request("r1", note="tél 06 12 34 56 78"))
    result = journal.record_many(
        [
            request("r1", note="tél 06 12 34 56 78"),  # a retry: the same record
            request("r1", outcome="appointment"),  # the same id, other content
            request("r2"),
            request("r2", channel="phone"),  # the batch's own first r2 wins
            request("r2"),
        ]
    )
    assert (result.recorded, result.already_present, result.conflicting_at) == (1, 2, (1, 3))
    assert result.conflicting == 2
    assert [(r.id, r.outcome, r.channel) for r in journal.requests()] == [
        ("r1", "referral", "counter"),
        ("r2", "referral", "counter"),
    ]
    journal.follow_up(event("e1", "referral_accepted"))
    events = journal.follow_up_each(
        [event("e1", "referral_accepted"), event("e1", "referral_expired")]
    )
    assert (events.recorded, events.already_present, events.conflicting_at) == (0, 1, (1,))


def test_a_write_during_a_read_is_committed(journal_url: str, journal: Journal) -> None:
    journal.record_many([request("r1"), request("r2")])
    reading = journal.requests()
    assert next(reading).id == "r1"  # a read still open...
    journal.record(request("r3"))  # ...does not hold this write back
    with open_journal(journal_url, pseudonym_secret=SECRET) as other:
        assert [r.id for r in other.requests()] == ["r1", "r2", "r3"]
    rest = [r.id for r in reading]
    assert rest[0] == "r2"  # whether it also sees r3 is up to the backend


def test_residents_are_pseudonymised(journal: Journal) -> None:
    journal.record_many(
        [
            request("a", resident="Dupont Jean 1970-01-01"),
            request("b", resident="dupont  JEAN 1970-01-01"),
        ]
    )
    first, second = journal.requests()
    assert first.resident_pseudonym == second.resident_pseudonym
    assert first.resident_pseudonym is not None
    assert "dupont" not in first.resident_pseudonym.lower()


def test_a_resident_without_secret_is_refused(journal_url: str) -> None:
    with open_journal(journal_url, pseudonym_secret="") as journal:
        with pytest.raises(InputError, match="MFS_PSEUDONYM_SECRET"):
            journal.record(request(resident="Dupont Jean"))
        assert list(journal.requests()) == []


def test_follow_up_events(journal: Journal) -> None:
    journal.record_many([request("r1"), request("r2", outcome="appointment")])
    result = journal.follow_up_many(
        [
            event("e1", "referral_refused", reason="hors compétence, tél 06 12 34 56 78"),
            event("e2", "appointment_held", request_id="r2"),
        ]
    )
    assert result.recorded == 2
    assert result.redactions == {"phone": 1}
    again = journal.follow_up(event("e1", "referral_refused", reason="x"))  # another reason
    assert (again.recorded, again.already_present, again.conflicting_at) == (0, 0, (0,))
    stored = {e.id: e for e in journal.events()}
    assert stored["e1"].reason == "hors compétence, tél [TÉLÉPHONE]"
    assert stored["e2"].event == "appointment_held"


def test_events_must_follow_up_a_request_of_the_journal(journal: Journal) -> None:
    journal.record(request("r1"))
    with pytest.raises(InputError) as error:
        journal.follow_up_many(
            [
                event("e1", "referral_accepted"),
                event("e2", "referral_accepted", request_id="nope"),
                event("e3", "appointment_held"),
                event("e4", "referral_expired", occurred_at=dt.datetime(2023, 1, 1, tzinfo=UTC)),
            ]
        )
    assert error.value.problems == [
        "events[1]: request_id: no request 'nope' in the journal",
        "events[2]: event: 'appointment_held' follows a request with outcome 'appointment', "
        "request 'r1' has 'referral'",
        "events[3]: occurred_at: expected a time after the request's received_at",
    ]
    assert list(journal.events()) == []  # all or nothing


def test_purge_applies_the_retention_period(journal: Journal) -> None:
    journal.record_many(
        [
            request("old", received_at=dt.datetime(2022, 12, 31, 22, 59, tzinfo=UTC)),
            request("new", received_at=dt.datetime(2022, 12, 31, 23, 0, tzinfo=UTC)),
        ]
    )
    journal.follow_up(event("e-old", "referral_accepted", request_id="old"))
    # 2023-01-01 00:00 in Paris is 2022-12-31 23:00 UTC.
    result = journal.purge(dt.date(2023, 1, 1))
    assert (result.requests, result.events) == (1, 1)
    assert [r.id for r in journal.requests()] == ["new"]
    assert list(journal.events()) == []


def test_the_journal_is_append_only(journal: Journal) -> None:
    journal.record(request())
    store = journal.store
    assert isinstance(store, SqlStore)
    with pytest.raises(JournalError, match="append-only"), store._transaction() as cursor:
        cursor.execute("UPDATE requests SET outcome = 'unresolved'")
    assert next(journal.requests()).outcome == "referral"


def test_schema_version_and_migrations(journal_url: str) -> None:
    with open_journal(journal_url, pseudonym_secret=SECRET) as journal:
        assert journal.store.schema_version() == MIGRATIONS[-1].version
        journal.record(request())
    add_column = "ALTER TABLE requests ADD COLUMN site TEXT"
    newer = (*MIGRATIONS, Migration(99, "test: a site column", (add_column,), (add_column,)))
    with open_journal(journal_url, pseudonym_secret=SECRET) as journal:
        journal.store.migrate(newer)
        journal.store.migrate(newer)  # applied once only
        assert journal.store.schema_version() == 99
        assert [r.id for r in journal.requests()] == ["r1"]  # data kept
    # This mfs-core only knows up to MIGRATIONS[-1]: it refuses the newer journal.
    with pytest.raises(JournalError, match="schema version 99 is newer"):
        open_journal(journal_url, pseudonym_secret=SECRET)


def test_a_failed_migration_changes_nothing(journal_url: str) -> None:
    with open_journal(journal_url, pseudonym_secret=SECRET) as journal:
        broken = (
            *MIGRATIONS,
            Migration(
                MIGRATIONS[-1].version + 1,
                "test: broken",
                ("CREATE TABLE x (",),
                ("CREATE TABLE x (",),
            ),
        )
        with pytest.raises(JournalError):
            journal.store.migrate(broken)
        assert journal.store.schema_version() == MIGRATIONS[-1].version


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://localhost/x", "expected sqlite:///path or postgresql://"),
        ("sqlite://relative", "expected sqlite:///path/to/file"),
        ("sqlite:///", "expected sqlite:///path/to/file"),
    ],
)
def test_bad_urls_are_input_errors(url: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        open_journal(url, pseudonym_secret=SECRET)


def test_unreachable_journal_hides_the_password(tmp_path: Path) -> None:
    with pytest.raises(JournalError) as error:
        open_journal("postgresql://user:s3cret@127.0.0.1:1/db", pseudonym_secret=SECRET)
    assert "s3cret" not in str(error.value)
    assert "***" in str(error.value)
    assert public_url("sqlite:////var/lib/mfs/j.sqlite3") == "sqlite:////var/lib/mfs/j.sqlite3"
    with pytest.raises(JournalError, match="cannot open"):
        open_journal(f"sqlite:///{tmp_path}/missing/dir/j.sqlite3", pseudonym_secret=SECRET)


def test_jsonl_contract_is_structured_with_field_paths() -> None:
    data = {
        "id": "2023-06-0001",
        "received_at": "2023-06-05T09:30:00+02:00",
        "thematique": "famille--garde-d-enfants",
        "channel": "phone",
        "outcome": "resolved_first_contact",
        "autonomy": "autonomous",
        "note": "ok",
    }
    record = structure(data, RequestRecord)
    assert record.partner_code is None
    assert record.received_at.utcoffset() == dt.timedelta(hours=2)
    with pytest.raises(InputError, match="outcome: 'done' is not one of"):
        structure({**data, "outcome": "done"}, RequestRecord)
    with pytest.raises(InputError, match="procedure or thematique: expected at least one"):
        structure({k: v for k, v in data.items() if k != "thematique"}, RequestRecord)
    with pytest.raises(InputError, match="unknown key"):
        structure({**data, "name": "Jean Dupont"}, RequestRecord)
    with pytest.raises(InputError, match="id: expected an opaque id of 1 to 128") as error:
        structure({**data, "id": "jean.dupont@example.fr"}, RequestRecord)
    assert "dupont" not in str(error.value)
    with pytest.raises(InputError, match="reason: expected the reason"):
        structure(
            {"id": "e", "event": "referral_refused", "request_id": "x",
             "occurred_at": "2023-06-05T09:30:00+02:00"},
            EventRecord,
        )  # fmt: skip


def test_records_do_not_show_personal_data_in_repr() -> None:
    record = request(note="Jean Dupont, très en colère", resident="Dupont Jean")
    assert "Dupont" not in repr(record)
