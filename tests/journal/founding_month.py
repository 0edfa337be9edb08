"""A generated month whose figures are known in advance: the founding site's June 2023.

400 requests, two thirds (267) resolved at the first meeting, mostly income tax, pensions
and health insurance (domain.md). Each attribute gets exact counts, shuffled independently
with a fixed seed, so the totals below hold whatever the shuffle.
"""

from __future__ import annotations

import datetime as dt
import random
from zoneinfo import ZoneInfo

import attrs

from mfs_core.journal import EventRecord, RequestRecord

PARIS = ZoneInfo("Europe/Paris")
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
    "cnam.carte-vitale": 80,
    "caf.prime-activite": 50,
    None: 20,  # thematique only, no partner
}
PARTNERS = {"dgfip": 150, "cnav": 100, "cnam": 80, "caf": 50, "_none": 20}
CHANNELS = {"counter": 340, "phone": 50, "video": 10}
AUTONOMY = {"done_by_agent": 200, "accompanied": 150, "autonomous": 30, None: 20}
APPOINTMENTS_HELD = 45
REFERRALS = {"accepted": 20, "refused": 8, "expired": 4}  # 8 pending
REFUSAL_REASONS = {"dossier incomplet": 5, "hors compétence du partenaire": 3}
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


def requests() -> list[RequestRecord]:
    """The 400 requests of June 2023, in time order."""
    rng = random.Random(2023_06)
    outcomes = _column(OUTCOMES, rng)
    procedures = _column(PROCEDURES, rng)
    channels = _column(CHANNELS, rng)
    autonomy = _column(AUTONOMY, rng)
    start = dt.datetime(2023, 6, 1, 9, 0, tzinfo=PARIS)
    records = []
    for i in range(TOTAL):
        # Spread over the month, within opening hours.
        received = start + dt.timedelta(days=i * 29 // TOTAL, minutes=(i * 7) % 420)
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
            )
        )
    return records


def events(records: list[RequestRecord]) -> list[EventRecord]:
    """Follow-ups: 45 appointments held; referrals accepted, refused, expired, pending."""
    appointments = [r for r in records if r.outcome == "appointment"]
    referrals = [r for r in records if r.outcome == "referral"]
    later = dt.timedelta(days=3)
    result = [
        EventRecord(
            id=f"held-{r.id}",
            event="appointment_held",
            request_id=r.id,
            occurred_at=r.received_at + later,
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
                    occurred_at=request.received_at + later,
                )
            )
        result.append(
            EventRecord(
                id=f"{status}-{request.id}",
                event=f"referral_{status}",
                request_id=request.id,
                occurred_at=request.received_at + 2 * later,
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
