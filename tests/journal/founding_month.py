"""A generated month whose figures are known in advance: the founding site's June 2023.

400 requests, two thirds (267) resolved at the first meeting, mostly income tax, pensions
and health insurance (domain.md). Each attribute gets exact counts, shuffled independently
with a fixed seed, so the totals below hold whatever the shuffle.

Every request comes in, and every appointment is held, while the site is open: its hours
are read from ``examples/sites/saint-jean-de-luz.toml`` (Monday to Friday, Thursday
afternoon closed, ``PH off``) with the French public holidays of the ``holidays`` package.
"""

from __future__ import annotations

import datetime as dt
import functools
import random
from pathlib import Path

import attrs
import holidays

from mfs_core.compliance.site import load_site
from mfs_core.hours import WeeklySchedule
from mfs_core.journal import EventRecord, RequestRecord
from mfs_core.journal.records import partner_of
from mfs_core.timezone import PARIS

#: The founding site's file: its hours are the hours of the month.
SITE = Path(__file__).parents[2] / "examples" / "sites" / "saint-jean-de-luz.toml"
MONTH = dt.date(2023, 6, 1)
TOTAL = 400
OUTCOMES = {
    "resolved_first_contact": 267,
    "appointment": 60,
    "referral": 40,
    "orientation": 20,
    "unresolved": 13,
}
PROCEDURES = {
    "dgfip.declaration-revenus": 120,
    "dgfip.prelevement-a-la-source": 30,
    "cnav.demande-retraite": 100,
    "cnam.carte-vitale": 70,
    "caf.prime-activite": 50,
    None: 30,  # thematique only, no partner
}
PARTNERS = {"dgfip": 150, "cnav": 100, "cnam": 70, "caf": 50, "_none": 30}
CHANNELS = {"counter": 340, "phone": 50, "video": 10}
AUTONOMY = {"done_by_agent": 200, "accompanied": 150, "autonomous": 30, None: 20}
APPOINTMENTS_HELD = 45
REFERRALS = {"accepted": 20, "refused": 8, "expired": 4}  # 8 pending
REFUSAL_REASONS = {"dossier incomplet": 5, "hors compétence du partenaire": 3}
#: The routing decision recorded with each request, by outcome (``None``: not routed). Where
#: the outcome is not the decision's default, the meeting went otherwise (24 requests).
DECISIONS_BY_OUTCOME: dict[str, dict[str | None, int]] = {
    "resolved_first_contact": {"answer_now": 240, "appointment": 12, None: 15},
    "appointment": {"appointment": 50, "answer_now": 6, None: 4},
    "referral": {"referral": 36, "unknown": 2, None: 2},
    "orientation": {"orientation": 16, "unknown": 2, None: 2},
    "unresolved": {"unknown": 9, "answer_now": 2, None: 2},
}
DECISIONS = {
    "answer_now": 248, "appointment": 62, "referral": 36, "orientation": 16, "unknown": 13,
    "_none": 25,
}  # fmt: skip
#: Decided requests whose outcome is not the decision's default, by decision.
OUTCOME_DIFFERS = {"appointment": 12, "answer_now": 8, "unknown": 4}
#: The procedures of each decision, as the router decides them: a free-text need (None) is
#: oriented or unknown, never answered; cnav.demande-retraite always needs an appointment
#: (or a referral); the others are answered now unless the counter is busy; referrals are
#: disputes (the partners' ``contestation`` rules; DGFiP's covers reclamations only).
PROCEDURES_BY_DECISION: dict[str | None, dict[str | None, int]] = {
    "answer_now": {
        "dgfip.declaration-revenus": 110, "dgfip.prelevement-a-la-source": 30,
        "cnam.carte-vitale": 64, "caf.prime-activite": 44,
    },
    "appointment": {
        "cnav.demande-retraite": 50, "dgfip.declaration-revenus": 6, "cnam.carte-vitale": 3,
        "caf.prime-activite": 3,
    },
    "referral": {"cnav.demande-retraite": 30, "cnam.carte-vitale": 3, "caf.prime-activite": 3},
    "orientation": {None: 16},
    "unknown": {None: 13},
    None: {"cnav.demande-retraite": 20, "dgfip.declaration-revenus": 4, None: 1},
}  # fmt: skip
#: The deciding rule of each decision kind (real rule ids: the router's own, and each
#: partner's ``contestation`` rule for referrals, all of them to the partner's referent).
CORE_RULE = {
    "answer_now": "core.answer-now",
    "orientation": "core.local-service",
}
#: Requests 0-299 come from 300 residents; 300-349 are residents 0-49 coming back.
RESIDENTS, RETURNING = 300, 50
THEMATIQUE = (
    "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives"
)


def _column(counts: dict[str | None, int], rng: random.Random) -> list[str | None]:
    values = [value for value, count in counts.items() for _ in range(count)]
    assert len(values) == TOTAL
    rng.shuffle(values)
    return values


def _decisions(outcomes: list[str | None], rng: random.Random) -> list[str | None]:
    """A decision for each request, drawn without replacement among its outcome's."""
    pools = {}
    for outcome, counts in DECISIONS_BY_OUTCOME.items():
        pool = [value for value, count in counts.items() for _ in range(count)]
        assert len(pool) == OUTCOMES[outcome]
        rng.shuffle(pool)
        pools[outcome] = pool
    return [pools[str(outcome)].pop() for outcome in outcomes]


def _procedures(decisions: list[str | None], rng: random.Random) -> list[str | None]:
    """A procedure for each request, drawn without replacement among its decision's."""
    pools = {}
    for decision, counts in PROCEDURES_BY_DECISION.items():
        pool = [value for value, count in counts.items() for _ in range(count)]
        assert len(pool) == (DECISIONS["_none"] if decision is None else DECISIONS[decision])
        rng.shuffle(pool)
        pools[decision] = pool
    drawn = [pools[decision].pop() for decision in decisions]
    assert all(drawn.count(p) == n for p, n in PROCEDURES.items())  # the totals above hold
    return drawn


def _rule(decision: str | None, procedure: str | None) -> str | None:
    if decision is None:
        return None
    if decision == "referral":
        return f"{partner_of(procedure)}.contestation"
    if decision == "unknown":
        return "core.unknown-need"
    if decision == "appointment":
        return (
            "core.needs-appointment"
            if procedure == "cnav.demande-retraite"
            else "core.busy-counter"
        )
    return CORE_RULE[decision]


@functools.cache
def opening_week() -> WeeklySchedule:
    """The site's typical week (minutes since midnight, Monday first)."""
    hours = load_site(SITE).hours
    assert hours is not None
    return hours.schedule(week_of=MONTH)


def _slots(day: dt.date) -> tuple[tuple[int, int], ...]:
    """The open intervals of ``day``: none on a French public holiday (``PH off``)."""
    if day in holidays.country_holidays("FR", years=day.year):
        return ()
    return opening_week().days[day.weekday()]


def is_open(moment: dt.datetime) -> bool:
    """Whether the site is open at ``moment``."""
    local = moment.astimezone(PARIS)
    minute = local.hour * 60 + local.minute
    return any(start <= minute < end for start, end in _slots(local.date()))


def next_open(moment: dt.datetime) -> dt.datetime:
    """The first instant at or after ``moment`` when the site is open."""
    local = moment.astimezone(PARIS)
    day, minute = local.date(), local.hour * 60 + local.minute
    while True:
        for start, end in _slots(day):
            if minute < end:
                at = max(start, minute)
                return dt.datetime.combine(day, dt.time(at // 60, at % 60), tzinfo=PARIS)
        day, minute = day + dt.timedelta(days=1), 0


def _reception_times() -> list[dt.datetime]:
    """``TOTAL`` times spread evenly over the open days of the month, each day's share
    spread evenly over its open minutes (requests come in while the site is open)."""
    days = [
        MONTH + dt.timedelta(days=n)
        for n in range(31)
        if (MONTH + dt.timedelta(days=n)).month == MONTH.month
        and _slots(MONTH + dt.timedelta(days=n))
    ]
    per_day = [[i for i in range(TOTAL) if i * len(days) // TOTAL == d] for d in range(len(days))]
    times = []
    for day, indexes in zip(days, per_day, strict=True):
        minutes = [m for start, end in _slots(day) for m in range(start, end)]
        for k in range(len(indexes)):
            at = minutes[(2 * k + 1) * len(minutes) // (2 * len(indexes))]
            times.append(dt.datetime.combine(day, dt.time(at // 60, at % 60), tzinfo=PARIS))
    return times


def requests() -> list[RequestRecord]:
    """The 400 requests of June 2023, in time order."""
    rng = random.Random(2023_06)
    outcomes = _column(OUTCOMES, rng)
    channels = _column(CHANNELS, rng)
    autonomy = _column(AUTONOMY, rng)
    decisions = _decisions(outcomes, rng)
    procedures = _procedures(decisions, rng)  # each one the router would decide so
    times = _reception_times()
    records = []
    for i in range(TOTAL):
        received = times[i]
        if i < RESIDENTS:
            resident: str | None = f"usager-{i}"
        elif i < RESIDENTS + RETURNING:
            resident = f"usager-{i - RESIDENTS}"
        else:
            resident = None
        procedure = procedures[i]
        records.append(
            RequestRecord(
                id=f"2023-06-{i:04d}",
                received_at=received,
                procedure=procedure,
                thematique=THEMATIQUE if procedure is None else None,
                channel=channels[i],
                outcome=outcomes[i],
                autonomy=autonomy[i],
                resident=resident,
                decision=decisions[i],
                decision_rule=_rule(decisions[i], procedure),
                referral_target="referent" if decisions[i] == "referral" else None,
            )
        )
    return records


def events(records: list[RequestRecord]) -> list[EventRecord]:
    """Follow-ups: 45 appointments held; referrals accepted, refused, expired, pending.

    An appointment is held at the site, when it is open, three days or more after the
    request; a partner answers a referral on a working day (the site's open days)."""
    appointments = [r for r in records if r.outcome == "appointment"]
    referrals = [r for r in records if r.outcome == "referral"]
    later = dt.timedelta(days=3)
    result = [
        EventRecord(
            id=f"held-{r.id}",
            event="appointment_held",
            request_id=r.id,
            occurred_at=next_open(r.received_at + later),
        )
        for r in appointments[:APPOINTMENTS_HELD]
    ]
    reasons = [reason for reason, n in REFUSAL_REASONS.items() for _ in range(n)]
    statuses = ["accepted"] * 20 + ["refused"] * 8 + ["expired"] * 4
    for request, status in zip(referrals, statuses, strict=False):
        if status == "refused":
            # First accepted then refused: the latest event is the status.
            result.append(
                EventRecord(
                    id=f"acc-{request.id}",
                    event="referral_accepted",
                    request_id=request.id,
                    occurred_at=next_open(request.received_at + later),
                )
            )
        result.append(
            EventRecord(
                id=f"{status}-{request.id}",
                event=f"referral_{status}",
                request_id=request.id,
                occurred_at=next_open(request.received_at + 2 * later),
                reason=reasons.pop() if status == "refused" else None,
            )
        )
    return result


def neighbours() -> list[RequestRecord]:
    """Requests just outside June (Paris time), which June's report must not count."""
    return [
        RequestRecord(
            id=f"edge-{i}",
            received_at=at,
            procedure="dgfip.declaration-revenus",
            channel="counter",
            outcome="resolved_first_contact",
        )
        for i, at in enumerate(
            (
                dt.datetime(2023, 5, 31, 23, 59, tzinfo=PARIS),
                dt.datetime(2023, 7, 1, 0, 0, tzinfo=PARIS),  # 2023-06-30 22:00 UTC
            )
        )
    ]


def example_jsonl() -> str:
    """The month as ``mfs journal add`` reads it: ``examples/journal/`` ships this text.

    Residents are left out: linking them needs a pseudonym secret, which the bundled example
    must not require.
    """
    import json

    from mfs_core.converter import unstructure

    records = [attrs.evolve(r, resident=None) for r in requests()]
    lines = [
        json.dumps(
            {k: v for k, v in unstructure(item).items() if v is not None}, ensure_ascii=False
        )
        for item in [*records, *events(records)]
    ]
    return "\n".join(lines) + "\n"
