"""Personal data never reaches storage, exports, reports or error messages (issue 10).

Ids are stored in clear, so an id that is a NIR, a phone or a name is refused; a value
typed in the wrong field is quoted in error messages with its personal data redacted; text
stored by an older redaction is redacted again on its way out (exports, reports); the
reports say what is redacted and what may remain, with the measured figures.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from stdnum.fr import nir

from mfs_core.cli import main
from mfs_core.converter import structure
from mfs_core.errors import InputError
from mfs_core.journal import EventRecord, Journal, RequestRecord
from mfs_core.redaction import Redacted
from mfs_core.redaction.statement import MEASURED
from mfs_core.report import build_report, to_html, to_text

from .conftest import SECRET

NIR = "294037512000591"
assert nir.is_valid(NIR)
NIR_SPACED = "2 94 03 75 120 005 91"
WHEN = dt.datetime(2023, 6, 5, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))
REQUEST = {
    "id": "r1",
    "received_at": "2023-06-05T09:30:00+02:00",
    "procedure": "caf.rsa",
    "channel": "counter",
    "outcome": "referral",
}


def digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


@pytest.mark.parametrize("value", [NIR, NIR_SPACED.replace(" ", "-"), "0612345678", "Jean.Dupont"])
def test_a_personal_id_is_refused_and_not_quoted(value: str) -> None:
    with pytest.raises(InputError) as raised:
        structure({**REQUEST, "id": value}, RequestRecord)
    message = str(raised.value)
    assert "looks like personal data" in message
    assert value not in message
    assert digits(value)[:9] not in digits(message) or not digits(value)


def test_an_event_naming_a_personal_request_id_is_refused() -> None:
    with pytest.raises(ValueError, match=r"request_id: looks like personal data \(nir\)"):
        EventRecord(id="e1", event="appointment_held", request_id=NIR, occurred_at=WHEN)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("received_at", NIR_SPACED),
        ("channel", "jean.dupont@orange.fr"),
        ("procedure", "06 12 34 56 78"),
        ("outcome", "Mme Dupont"),
    ],
)
def test_error_messages_redact_the_values_they_quote(field: str, value: str) -> None:
    with pytest.raises(InputError) as raised:
        structure({**REQUEST, field: value}, RequestRecord)
    message = str(raised.value)
    assert field in message
    assert value not in message
    assert "Dupont" not in message
    assert digits(value)[:8] not in digits(message) or not digits(value)


def test_unknown_keys_are_named_with_their_personal_data_redacted() -> None:
    with pytest.raises(InputError) as raised:
        structure({**REQUEST, NIR_SPACED: "x", "Mme Dupont": 1, "titel": 2}, RequestRecord)
    assert str(raised.value) == "unknown keys Mme [NOM], [NIR], titel"


def test_add_refuses_a_nir_id_keeps_the_good_line_and_never_prints_it(
    journal_url: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setenv("MFS_PSEUDONYM_SECRET", SECRET)
    monkeypatch.chdir(tmp_path)
    lines = [
        {**REQUEST, "id": NIR},
        {**REQUEST, "id": "r2", "received_at": NIR_SPACED},
        {**REQUEST, "id": "r3", "note": f"NIR {NIR_SPACED}, Mme Dupont"},
    ]
    stdin = "".join(json.dumps(line) + "\n" for line in lines)
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(["journal", "add", "--journal", journal_url])
    captured = capsys.readouterr()
    assert code == 2
    assert "<stdin>:1: id: looks like personal data (nir)" in captured.err
    assert "<stdin>:2: received_at:" in captured.err
    assert "1 demande enregistrée" in captured.err
    assert NIR not in digits(captured.err + captured.out)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    main(["journal", "export", "--journal", journal_url])
    exported = capsys.readouterr().out
    assert json.loads(exported)["note"] == "NIR [NIR], Mme [NOM]"


def test_text_stored_by_an_older_redaction_leaves_redacted(
    journal: Journal,
    journal_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    """A journal written before this redaction (simulated: no redaction at all) exports
    and reports what today's redaction finds."""
    monkeypatch.setattr("mfs_core.journal.api.redact", lambda text: Redacted(text))
    journal.record(
        RequestRecord(
            id="old-1",
            received_at=WHEN,
            procedure="caf.rsa",
            channel="counter",
            outcome="referral",
            note=f"identifiant France Travail 1234567A, tél. 06{chr(0x202F)}12 34 56 78",
        )
    )
    journal.follow_up(
        EventRecord(
            id="old-e1",
            event="referral_refused",
            request_id="old-1",
            occurred_at=WHEN + dt.timedelta(days=2),
            reason=f"Mme Dupont, NIR {NIR_SPACED}",
        )
    )
    stored = next(iter(journal.requests()))
    assert stored.note is not None
    assert "1234567A" in stored.note  # the old journal's state
    monkeypatch.setenv("MFS_PSEUDONYM_SECRET", SECRET)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["journal", "export", "--journal", journal_url]) == 0
    out = capsys.readouterr().out
    records = [json.loads(line) for line in out.splitlines()]
    assert records[0]["note"] == "identifiant France Travail [N° USAGER], tél. [TÉLÉPHONE]"
    assert records[1]["reason"] == "Mme [NOM], NIR [NIR]"
    report = build_report(journal, dt.date(2023, 6, 1))
    assert report.referrals.refusal_reasons == {"Mme [NOM], NIR [NIR]": 1}


def test_reports_say_what_is_redacted_and_what_may_remain(journal: Journal) -> None:
    report = build_report(journal, dt.date(2023, 6, 1))
    for text in (to_text(report), to_html(report)):
        assert "Aucune donnée personnelle" not in text
        assert f"corpus de test de {MEASURED.notes}" in text
        assert f"{MEASURED.names * 100:.0f}\u00a0%" in text
        assert "Peuvent rester" in text
