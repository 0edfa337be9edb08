"""The monthly report on a generated month whose figures are known in advance."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from mfs_core.errors import InputError
from mfs_core.journal import Journal
from mfs_core.report import (
    MonthlyReport,
    build_report,
    display_name,
    parse_month,
    to_csv,
    to_json,
    to_text,
)

from . import founding_month as june

JUNE = dt.date(2023, 6, 1)


@pytest.fixture
def june_report(journal: Journal) -> MonthlyReport:
    records = june.requests()
    journal.record_many(records + june.neighbours())
    journal.follow_up_many(june.events(records))
    return build_report(journal, JUNE)


def test_totals_and_first_contact_resolution(june_report: MonthlyReport) -> None:
    assert june_report.total_requests == 400
    assert june_report.resolved_first_contact == 267
    assert june_report.first_contact_resolution_rate == pytest.approx(267 / 400)


def test_counts_by_dimension(june_report: MonthlyReport) -> None:
    assert june_report.by_outcome == june.OUTCOMES
    assert june_report.by_partner == june.PARTNERS
    assert june_report.by_channel == june.CHANNELS
    procedures = {k or "_none": v for k, v in june.PROCEDURES.items()}
    assert june_report.by_procedure == procedures
    needs = june.PROCEDURES[None]  # requests with a thematique only
    assert june_report.by_thematique == {"_none": june.TOTAL - needs, june.THEMATIQUE: needs}
    assert june_report.by_autonomy == {k or "_none": v for k, v in june.AUTONOMY.items()}
    # Largest first: the order a reader expects.
    assert list(june_report.by_partner) == ["dgfip", "cnav", "cnam", "caf", "_none"]


def test_follow_ups_take_the_latest_event(june_report: MonthlyReport) -> None:
    assert june_report.appointments.booked == 60
    assert june_report.appointments.held == june.APPOINTMENTS_HELD
    referrals = june_report.referrals
    assert (referrals.total, referrals.accepted, referrals.refused, referrals.expired) == (
        40,
        20,
        8,
        4,
    )
    assert referrals.pending == 8
    assert referrals.refusal_reasons == june.REFUSAL_REASONS


def test_autonomy_and_residents(june_report: MonthlyReport) -> None:
    assert june_report.autonomy_recorded == 380
    assert june_report.towards_autonomy == 180
    assert june_report.autonomy_rate == pytest.approx(180 / 380)
    assert june_report.residents == june.RESIDENTS
    assert june_report.repeat_visits == june.RETURNING


def test_decisions_and_outcomes_that_differ(june_report: MonthlyReport) -> None:
    assert june_report.by_decision == june.DECISIONS
    decisions = june_report.decisions
    assert decisions.recorded == 375
    assert decisions.outcome_differs == 24
    assert decisions.outcome_differs_by_decision == june.OUTCOME_DIFFERS
    assert decisions.outcome_differs_rate == pytest.approx(24 / 375)


def test_month_boundaries_are_paris_time(journal: Journal) -> None:
    journal.record_many(june.neighbours())
    assert build_report(journal, JUNE).total_requests == 0
    assert build_report(journal, dt.date(2023, 5, 1)).total_requests == 1
    assert build_report(journal, dt.date(2023, 7, 1)).total_requests == 1


def test_empty_month_has_no_rate(journal: Journal) -> None:
    report = build_report(journal, JUNE)
    assert report.total_requests == 0
    assert report.first_contact_resolution_rate is None
    assert to_json(report)["first_contact_resolution_rate"] is None
    assert report.decisions.outcome_differs_rate is None
    assert to_json(report)["decisions"]["outcome_differs_rate"] is None


def test_json_contract(june_report: MonthlyReport) -> None:
    data = json.loads(json.dumps(to_json(june_report)))
    assert data["month"] == "2023-06"
    assert data["total_requests"] == 400
    assert 0 <= data["first_contact_resolution_rate"] <= 1
    assert data["by_partner"]["dgfip"] == 150
    assert data["by_channel"] == june.CHANNELS
    assert data["by_outcome"]["resolved_first_contact"] == 267
    assert data["referrals"]["pending"] == 8
    assert sum(data["by_partner"].values()) == data["total_requests"]
    assert data["by_decision"] == june.DECISIONS
    assert data["decisions"] == {
        "recorded": 375,
        "outcome_differs": 24,
        "outcome_differs_rate": pytest.approx(24 / 375),
        "outcome_differs_by_decision": june.OUTCOME_DIFFERS,
    }


def test_json_keys_of_the_first_contract_are_unchanged(june_report: MonthlyReport) -> None:
    # The keys of schema_version 1 as first released, in order; later keys only follow them.
    first = [
        "schema_version", "month", "total_requests", "resolved_first_contact",
        "first_contact_resolution_rate", "by_partner", "by_procedure", "by_thematique",
        "by_channel", "by_outcome", "by_autonomy", "appointments", "referrals", "autonomy",
        "residents",
    ]  # fmt: skip
    data = to_json(june_report)
    assert data["schema_version"] == 1
    assert list(data)[: len(first)] == first
    assert list(data)[len(first) :] == ["by_decision", "decisions"]


def test_csv_has_one_row_per_indicator(june_report: MonthlyReport) -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv(june_report))))
    values = {(r["indicator"], r["key"]): r["value"] for r in rows}
    assert len(values) == len(rows)  # no indicator twice
    assert values[("total_requests", "")] == "400"
    assert values[("by_partner", "cnav")] == "100"
    assert values[("referrals.refused", "")] == "8"
    assert values[("referrals.refusal_reasons", "dossier incomplet")] == "5"
    assert float(values[("first_contact_resolution_rate", "")]) == pytest.approx(0.6675)
    assert values[("by_decision", "answer_now")] == "248"
    assert values[("by_decision", "_none")] == "25"
    assert values[("decisions.outcome_differs", "")] == "24"
    assert values[("decisions.outcome_differs_by_decision", "appointment")] == "12"
    assert float(values[("decisions.outcome_differs_rate", "")]) == pytest.approx(24 / 375)
    assert {r["month"] for r in rows} == {"2023-06"}


def test_text_is_french_and_complete(june_report: MonthlyReport) -> None:
    text = to_text(june_report)
    assert text.startswith("Activité France services — juin 2023")
    assert "Demandes : 400" in text
    assert "Résolues au premier contact : 267 (66,8\u00a0%)" in text
    assert "refusés 8" in text
    assert "Suite différente de la décision du routage : 24 sur 375 décisions enregistrées" in text
    assert "Par décision du routage :" in text
    assert "réponse immédiate" in text


def test_text_names_thematiques_by_their_label(june_report: MonthlyReport) -> None:
    text = to_text(june_report)
    section = text.split("Par thématique :\n", 1)[1].split("\n\n", 1)[0]
    assert "Accompagnement aux démarches administratives" in section
    assert june.THEMATIQUE not in text
    assert display_name(june.THEMATIQUE) == "Accompagnement aux démarches administratives"


def test_json_and_csv_keep_thematique_codes(june_report: MonthlyReport) -> None:
    assert june.THEMATIQUE in to_json(june_report)["by_thematique"]
    rows = csv.DictReader(io.StringIO(to_csv(june_report)))
    assert any(r["indicator"] == "by_thematique" and r["key"] == june.THEMATIQUE for r in rows)


@pytest.mark.parametrize("bad", ["2023-6", "2023-13", "juin", "2023-06-01", ""])
def test_bad_month_is_an_input_error(bad: str) -> None:
    with pytest.raises(InputError, match="--month: expected a month YYYY-MM"):
        parse_month(bad)


def test_text_agrees_one_appointment_held(june_report: MonthlyReport) -> None:
    """Was « 1 pris, 1 honorés » (issue 15z); the national report says it the same way."""
    import attrs

    from mfs_core.report.monthly import Appointments

    one = attrs.evolve(june_report, appointments=Appointments(booked=1, held=1))
    assert "\nRendez-vous : 1 pris, 1 honoré\n" in to_text(one)
    assert "\nRendez-vous : 60 pris, 45 honorés\n" in to_text(june_report)
