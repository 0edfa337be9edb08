"""The monthly activity report: what the site, the town and the national programme expect.

:func:`build_report` computes the :class:`MonthlyReport` of a month from the journal; its
formats (text, JSON, CSV, HTML) are in :mod:`mfs_core.report.formats`. Every figure is
computed from the journal for the requests *received* in the month
(Europe/Paris). Follow-ups are attributed to the month of their request, as known when the
report is built: a June referral accepted in July counts as accepted in June's report built
in August. The indicators are defined in ``docs/report.md``.
"""

from __future__ import annotations

import collections
import datetime as dt
import re
from typing import TYPE_CHECKING

import attrs

from mfs_core.errors import InputError
from mfs_core.indicators import NONE_KEY, HeadlineRates, rate, sorted_counts
from mfs_core.journal.records import DEFAULT_OUTCOME, EventKind, Outcome, RoutingDecision
from mfs_core.journal.store import CubeRow
from mfs_core.redaction import redact
from mfs_core.timezone import PARIS

if TYPE_CHECKING:
    from mfs_core.journal.api import Journal
    from mfs_core.journal.store import JournalStore

__all__ = [
    "REPORT_SCHEMA_VERSION",
    "Appointments",
    "Decisions",
    "MonthlyReport",
    "Referrals",
    "build_report",
    "month_bounds",
    "parse_month",
]

#: Version of the JSON document of ``mfs report --format json``.
REPORT_SCHEMA_VERSION = 1
_MONTH = re.compile(r"^([0-9]{4})-(0[1-9]|1[0-2])$", re.ASCII)


def parse_month(text: str, *, echo: bool = True) -> dt.date:
    """``"2023-06"`` → ``date(2023, 6, 1)``; :class:`InputError` otherwise, also for a
    month outside the dates every command accepts (:data:`mfs_core.inputs.DATE_RANGE`).
    The message quotes ``text`` unless ``echo`` is false (``GET /reports/{month}``: a
    path may hold anything a client typed)."""
    from mfs_core.inputs import EARLIEST_DATE, LATEST_DATE, date_problem

    match = _MONTH.match(text)
    if not match:
        got = f", got {text[:40]!r}" if echo else ""
        raise InputError(f"--month: expected a month YYYY-MM{got}")
    year = int(match[1])
    if year < 1 or date_problem(dt.date(year, int(match[2]), 1)):  # year 0 is no date at all
        raise InputError(
            f"--month: expected a month between {EARLIEST_DATE:%Y-%m} and {LATEST_DATE:%Y-%m}"
            + (f", got {text}" if echo else "")
        )
    return dt.date(year, int(match[2]), 1)


def month_bounds(month: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """The first instant of ``month`` and of the next one, in Paris time."""
    following = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return (
        dt.datetime.combine(month.replace(day=1), dt.time(), tzinfo=PARIS),
        dt.datetime.combine(following, dt.time(), tzinfo=PARIS),
    )


@attrs.frozen(kw_only=True)
class Appointments:
    """Requests answered by an appointment, and how many of those were held."""

    booked: int
    held: int

    @property
    def not_held_yet(self) -> int:
        """Booked but with no ``appointment_held`` event (yet)."""
        return self.booked - self.held


@attrs.frozen(kw_only=True)
class Referrals:
    """Requests referred to a partner, and the latest known status of each."""

    total: int
    accepted: int
    refused: int
    expired: int
    refusal_reasons: dict[str, int]

    @property
    def pending(self) -> int:
        """Referred with no status yet."""
        return self.total - self.accepted - self.refused - self.expired


@attrs.frozen(kw_only=True)
class Decisions:
    """How the meetings followed the router: requests recorded with a routing decision, and
    those whose outcome differs from the decision's default outcome (``DEFAULT_OUTCOME``)."""

    recorded: int = 0
    outcome_differs: int = 0
    #: Decision → requests so decided whose outcome differs (only decisions with some).
    outcome_differs_by_decision: dict[str, int] = attrs.field(factory=dict)

    @property
    def outcome_differs_rate(self) -> float | None:
        """Share of the requests with a decision whose outcome is not the decision's own."""
        return rate(self.outcome_differs, self.recorded)


@attrs.frozen(kw_only=True)
class MonthlyReport(HeadlineRates):
    """The indicators of one month (see ``docs/journal.md`` for each definition; the
    rates are :class:`~mfs_core.indicators.HeadlineRates`')."""

    month: dt.date
    total_requests: int
    resolved_first_contact: int
    by_partner: dict[str, int]
    by_procedure: dict[str, int]
    by_thematique: dict[str, int]
    by_channel: dict[str, int]
    by_outcome: dict[str, int]
    by_autonomy: dict[str, int]
    appointments: Appointments
    referrals: Referrals
    residents: int
    repeat_visits: int
    by_decision: dict[str, int] = attrs.field(factory=dict)
    decisions: Decisions = attrs.field(factory=Decisions)


def build_report(journal: Journal, month: dt.date) -> MonthlyReport:
    """Compute the report of ``month`` (any day in it) from ``journal``.

    Three queries whatever the journal's size: the month's requests counted by every
    dimension at once (one ``GROUP BY``), the latest follow-up of each, and the distinct
    pseudonymised residents. They read one snapshot of the journal, so the figures add up
    even while requests and their follow-ups are being recorded (no negative pending).
    """
    start, end = month_bounds(month)
    with journal.snapshot():
        return _build(journal.store, month, start, end)


def _build(
    store: JournalStore, month: dt.date, start: dt.datetime, end: dt.datetime
) -> MonthlyReport:
    # One counter per dimension of the cube (partner, procedure, ..., decision).
    dimensions = {name: collections.Counter[str]() for name in CubeRow._fields[:-1]}
    differs: collections.Counter[str] = collections.Counter()
    total = 0
    for row in store.month_cube(start, end):
        total += row.requests
        for name, counter in dimensions.items():
            key = getattr(row, name)
            counter[key if key is not None else NONE_KEY] += row.requests
        if (
            row.decision is not None
            and DEFAULT_OUTCOME[RoutingDecision(row.decision)] != row.outcome
        ):
            differs[row.decision] += row.requests
    by_outcome, by_decision = dimensions["outcome"], dimensions["decision"]

    latest: collections.Counter[str] = collections.Counter()
    reasons: collections.Counter[str] = collections.Counter()
    for follow_up in store.follow_ups(start, end):
        latest[follow_up.event] += follow_up.requests
        if follow_up.event == EventKind.REFERRAL_REFUSED.value:
            # Stored redacted; redacted again so that a journal written by an older
            # redaction shows in reports what today's finds (same text: unchanged).
            reason = follow_up.reason
            reasons[redact(reason).text if reason else NONE_KEY] += follow_up.requests
    residents, identified = store.residents(start, end)
    return MonthlyReport(
        month=month.replace(day=1),
        total_requests=total,
        resolved_first_contact=by_outcome[Outcome.RESOLVED_FIRST_CONTACT.value],
        by_partner=sorted_counts(dimensions["partner"]),
        by_procedure=sorted_counts(dimensions["procedure"]),
        by_thematique=sorted_counts(dimensions["thematique"]),
        by_channel=sorted_counts(dimensions["channel"]),
        by_outcome=sorted_counts(by_outcome),
        by_autonomy=sorted_counts(dimensions["autonomy"]),
        appointments=Appointments(
            booked=by_outcome[Outcome.APPOINTMENT.value],
            held=latest[EventKind.APPOINTMENT_HELD.value],
        ),
        referrals=Referrals(
            total=by_outcome[Outcome.REFERRAL.value],
            accepted=latest[EventKind.REFERRAL_ACCEPTED.value],
            refused=latest[EventKind.REFERRAL_REFUSED.value],
            expired=latest[EventKind.REFERRAL_EXPIRED.value],
            refusal_reasons=sorted_counts(reasons),
        ),
        residents=residents,
        repeat_visits=identified - residents,
        by_decision=sorted_counts(by_decision),
        decisions=Decisions(
            recorded=total - by_decision[NONE_KEY],
            outcome_differs=sum(differs.values()),
            outcome_differs_by_decision=sorted_counts(differs),
        ),
    )
