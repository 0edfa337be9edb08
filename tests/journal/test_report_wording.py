"""``mfs report``'s French as a mayor reads it (review 15f, L8): counts agree with their
number (French uses the singular for 0 and 1), and a rate without denominator is shown
with the one sign a month without data has in the trend (« — »), not « - »."""

from __future__ import annotations

import datetime as dt
import re

from mfs_core.report import Appointments, MonthlyReport, Referrals, to_html, to_text
from mfs_core.report.monthly import Decisions


def _one_request(*, autonomy: dict[str, int], decisions: int) -> MonthlyReport:
    """One request of the month (counts only: no data of a person)."""
    return MonthlyReport(
        month=dt.date(2024, 3, 1),
        total_requests=1,
        resolved_first_contact=0,
        by_partner={},
        by_procedure={},
        by_thematique={},
        by_channel={"counter": 1},
        by_outcome={"orientation": 1},
        by_autonomy=autonomy,
        appointments=Appointments(booked=1, held=1),
        referrals=Referrals(total=0, accepted=0, refused=0, expired=0, refusal_reasons={}),
        residents=0,
        repeat_visits=0,
        by_decision={"orientation": decisions} if decisions else {},
        decisions=Decisions(recorded=decisions, outcome_differs=0),
    )


def test_text_agrees_for_zero_and_one() -> None:
    """Was « 0 sur 1 décisions enregistrées » and « 0 sur 0 renseignées (-) »."""
    lines = to_text(_one_request(autonomy={}, decisions=1)).splitlines()
    assert "Vers l'autonomie : 0 sur 0 renseignée (—)" in lines
    assert "Suite différente de la décision du routage : 0 sur 1 décision enregistrée (0,0 %)" in [
        line.replace("\u00a0", " ") for line in lines
    ]
    lines = to_text(_one_request(autonomy={"autonomous": 1}, decisions=0)).splitlines()
    assert any(line.startswith("Vers l'autonomie : 1 sur 1 renseignée (") for line in lines)
    assert "Suite différente de la décision du routage : 0 sur 0 décision enregistrée (—)" in lines


def test_html_agrees_for_one_request() -> None:
    """Was « 1 demandes reçues » and « rendez-vous honorés / pris » for 1 / 1."""
    page = to_html(_one_request(autonomy={}, decisions=0))
    assert "<strong>1</strong>demande reçue</div>" in page
    assert "<strong>1 / 1</strong>rendez-vous honoré / pris</div>" in page
    assert "<strong>—</strong>faites par l&#x27;usager" in page
    assert "demandes reçues" not in page


def test_one_sign_for_what_has_no_value() -> None:
    from mfs_core.french import MISSING
    from mfs_core.report.trend import NO_DATA

    assert MISSING == NO_DATA == "—"
    text = to_text(_one_request(autonomy={}, decisions=0))
    assert not re.search(r"\(-\)", text)
