"""``--format json``: the report as a JSON document (a stable contract, versioned by
:data:`~mfs_core.report.monthly.REPORT_SCHEMA_VERSION`; codes, not labels)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from mfs_core.output import json_text
from mfs_core.report.monthly import REPORT_SCHEMA_VERSION, MonthlyReport

__all__ = ["render", "to_json"]


def to_json(report: MonthlyReport) -> dict[str, Any]:
    """The JSON document of ``mfs report --format json`` (a stable contract)."""
    return {
        "schema_version": REPORT_SCHEMA_VERSION,
        "month": report.month.strftime("%Y-%m"),
        "total_requests": report.total_requests,
        "resolved_first_contact": report.resolved_first_contact,
        "first_contact_resolution_rate": report.first_contact_resolution_rate,
        "by_partner": report.by_partner,
        "by_procedure": report.by_procedure,
        "by_thematique": report.by_thematique,
        "by_channel": report.by_channel,
        "by_outcome": report.by_outcome,
        "by_autonomy": report.by_autonomy,
        "appointments": {
            "booked": report.appointments.booked,
            "held": report.appointments.held,
            "not_held_yet": report.appointments.not_held_yet,
        },
        "referrals": {
            "total": report.referrals.total,
            "accepted": report.referrals.accepted,
            "refused": report.referrals.refused,
            "expired": report.referrals.expired,
            "pending": report.referrals.pending,
            "refusal_reasons": report.referrals.refusal_reasons,
        },
        "autonomy": {
            "recorded": report.autonomy_recorded,
            "towards_autonomy": report.towards_autonomy,
            "rate": report.autonomy_rate,
        },
        "residents": {
            "distinct": report.residents,
            "repeat_visits": report.repeat_visits,
        },
        # Added after the first release of the contract (additive: no key above changes).
        "by_decision": report.by_decision,
        "decisions": {
            "recorded": report.decisions.recorded,
            "outcome_differs": report.decisions.outcome_differs,
            "outcome_differs_rate": report.decisions.outcome_differs_rate,
            "outcome_differs_by_decision": report.decisions.outcome_differs_by_decision,
        },
    }


def render(
    report: MonthlyReport,
    names: Mapping[str, str] | None = None,
    *,
    site_name: str | None = None,
    extra: str = "",
) -> str:
    """The document as indented UTF-8 JSON, characters that act on a terminal escaped
    (:func:`mfs_core.output.json_text`). ``names``, ``site_name`` and ``extra`` are not
    used: JSON keeps the codes (a stable contract)."""
    return json_text(json.dumps(to_json(report), ensure_ascii=False, indent=2) + "\n")
