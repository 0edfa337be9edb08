"""The shared formulas of the per-site and national reports (``mfs_core.indicators``)."""

from __future__ import annotations

import attrs
import pytest

from mfs_core.indicators import NONE_KEY, TOWARDS_AUTONOMY, HeadlineRates, rate, sorted_counts
from mfs_core.journal.records import Autonomy, Outcome
from mfs_core.national import indicators as national
from mfs_core.report import monthly


def test_codes_are_the_journal_ones() -> None:
    # The module names codes as text (it stays below the journal): the enums decide them.
    assert (Autonomy.ACCOMPANIED.value, Autonomy.AUTONOMOUS.value) == TOWARDS_AUTONOMY
    assert NONE_KEY not in {*Autonomy, *Outcome}
    assert (
        Outcome.RESOLVED_FIRST_CONTACT.value,
        Outcome.APPOINTMENT.value,
        Outcome.REFERRAL.value,
    ) == (national._RESOLVED, national._APPOINTMENT, national._REFERRAL)


def test_rate_of_nothing_is_none_not_zero() -> None:
    assert rate(0, 0) is None
    assert rate(0, 4) == 0.0
    assert rate(3, 4) == 0.75


def test_sorted_counts_largest_first_then_key_zeros_out() -> None:
    counts = {"b": 2, "a": 2, "c": 5, NONE_KEY: 1, "z": 0}
    assert list(sorted_counts(counts).items()) == [("c", 5), ("a", 2), ("b", 2), (NONE_KEY, 1)]


@attrs.frozen
class _Figures(HeadlineRates):
    total_requests: int
    resolved_first_contact: int
    by_autonomy: dict[str, int]


@pytest.mark.parametrize(
    ("by_autonomy", "recorded", "towards", "autonomy_rate"),
    [
        ({}, 0, 0, None),
        ({NONE_KEY: 7}, 0, 0, None),
        ({"done_by_agent": 3, "accompanied": 1, "autonomous": 4, NONE_KEY: 2}, 8, 5, 5 / 8),
    ],
)
def test_headline_rates(
    by_autonomy: dict[str, int], recorded: int, towards: int, autonomy_rate: float | None
) -> None:
    figures = _Figures(10, 4, by_autonomy)
    assert figures.first_contact_resolution_rate == 0.4
    assert figures.autonomy_recorded == recorded
    assert figures.towards_autonomy == towards
    assert figures.autonomy_rate == autonomy_rate
    assert _Figures(0, 0, by_autonomy).first_contact_resolution_rate is None


def test_both_reports_use_the_shared_rates() -> None:
    for report in (monthly.MonthlyReport, national.Indicators):
        assert issubclass(report, HeadlineRates)
        for name in ("first_contact_resolution_rate", "autonomy_rate", "towards_autonomy"):
            assert getattr(report, name) is getattr(HeadlineRates, name)
