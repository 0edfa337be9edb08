"""A generated multi-site year, recorded through the journal API (notes redacted, residents
pseudonymised with each site's own secret), for the national tests.

Five sites in four départements and four régions (two sites share Pyrénées-Atlantiques;
Corse-du-Sud and La Réunion test the département codes ``2A`` and ``974``; the site id
``0042`` tests that a site id stays text). Each site records about 120 requests a month of
2024 through :meth:`Journal.record_many` and its follow-ups through
:meth:`Journal.follow_up_many`, exercising every indicator: every outcome, channel,
autonomy (and none), decisions that the meeting followed or not (and none), requests with a
thematique only, notes with personal data in them, returning residents, appointments held,
referrals accepted, refused, expired or pending, a referral refused then accepted (its
latest event counts), two events at the same instant (the greatest id counts), follow-ups
in the next month, and requests received on the evening of a month's last day in UTC but
after midnight in Paris (the next month's).
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import attrs

from mfs_core.journal import EventRecord, RequestRecord, open_journal
from mfs_core.journal.records import DEFAULT_OUTCOME, RoutingDecision
from mfs_core.model import Channel
from mfs_core.national.dataset import SiteRef

YEAR = 2024
MONTHS = [dt.date(YEAR, month, 1) for month in range(1, 13)]


@attrs.frozen
class GeneratedSite:
    site: SiteRef
    secret: str
    url: str


#: Real communes (INSEE COG): Saint-Jean-de-Luz, Pau, Valserhône (ANCT sample row 1),
#: Ajaccio, Saint-Denis de La Réunion.
SITES = (
    SiteRef("saint-jean-de-luz", "64483"),
    SiteRef("pau-centre", "64445"),
    SiteRef("1", "01033"),
    SiteRef("ajaccio", "2A004"),
    SiteRef("0042", "97411"),
)
#: Real procedure ids of the built-in partners (``mfs procedures``).
PROCEDURES = (
    "dgfip.declaration-revenus",
    "dgfip.prelevement-a-la-source",
    "cnav.demande-retraite",
    "cnav.carriere-longue",
    "cnam.carte-vitale",
    "cnam.complementaire-sante-solidaire",
    "caf.prime-activite",
    "caf.rsa",
    "caf.aide-logement",
)
#: data·inclusion thematiques (mfs_core.thematiques).
THEMATIQUES = (
    "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
    "choisir-un-metier--connaitre-les-opportunites-demploi",
)
#: Notes as agents type them; the redaction removes the phone number, the NIR, the name.
NOTES = (
    "Déclaration faite avec l'usager, avis à imprimer",
    "Rappeler au 06 12 34 56 78 pour le justificatif",
    "NIR 2 95 10 99 126 111 93 vérifié, compte débloqué",
    "Mme Dupont reviendra avec son RIB",
)
OUTCOMES = ["resolved_first_contact"] * 5 + ["appointment", "referral", "orientation", "unresolved"]
DECIDED = {decision: DEFAULT_OUTCOME[decision].value for decision in RoutingDecision}
RULES = {
    "answer_now": "core.answer-now",
    "appointment": "core.busy-counter",
    "orientation": "core.local-service",
    "unknown": "core.unknown-need",
}
#: Distinctive fragments of the notes and residents: none may reach the national dataset.
PERSONAL = ("Dupont", "06 12 34 56 78", "2 95 10 99 126 111 93", "usager-")


def _decision(outcome: str, rng: random.Random) -> str | None:
    roll = rng.random()
    if roll < 0.1:
        return None
    if roll < 0.17:  # the meeting went otherwise than the router proposed
        return rng.choice([d for d, o in DECIDED.items() if o != outcome])
    return next(d for d, o in DECIDED.items() if o == outcome)


def _request(site: SiteRef, n: int, when: dt.datetime, rng: random.Random) -> RequestRecord:
    outcome = rng.choice(OUTCOMES)
    decision = _decision(outcome, rng)
    procedure = rng.choice(PROCEDURES) if rng.random() < 0.85 else None
    thematique = rng.choice(THEMATIQUES) if procedure is None or rng.random() < 0.1 else None
    rule = None
    if decision == "referral":
        rule = f"{procedure.split('.')[0]}.contestation" if procedure else "core.unknown-need"
    elif decision is not None:
        rule = RULES[decision]
    return RequestRecord(
        id=f"{site.id}-{n:05d}",
        received_at=when,
        procedure=procedure,
        thematique=thematique,
        channel=rng.choice(list(Channel)),
        outcome=outcome,  # type: ignore[arg-type]
        autonomy=rng.choice(["done_by_agent", "accompanied", "autonomous", None]),  # type: ignore[arg-type]
        note=rng.choice(NOTES) if rng.random() < 0.2 else None,
        resident=f"usager-{rng.randrange(60)}" if rng.random() < 0.6 else None,
        decision=decision,  # type: ignore[arg-type]
        decision_rule=rule,
        referral_target="referent" if decision == "referral" else None,  # type: ignore[arg-type]
    )


def _events(record: RequestRecord, rng: random.Random) -> list[EventRecord]:
    later = record.received_at + dt.timedelta(days=rng.choice((1, 3, 20, 40)))
    roll = rng.random()

    def event(kind: str, suffix: str, at: dt.datetime, reason: str | None = None) -> EventRecord:
        return EventRecord(
            id=f"{record.id}-{suffix}",
            event=kind,  # type: ignore[arg-type]
            request_id=record.id,
            occurred_at=at,
            reason=reason,
        )

    if record.outcome == "appointment":
        return [event("appointment_held", "held", later)] if roll < 0.7 else []
    if record.outcome != "referral" or roll < 0.15:  # some referrals stay pending
        return []
    if roll < 0.3:  # refused, then accepted after a new file: accepted is the status
        return [
            event("referral_refused", "a", later, "dossier incomplet, appeler Mme Dupont"),
            event("referral_accepted", "b", later + dt.timedelta(days=2)),
        ]
    if roll < 0.4:  # two events at the same instant: the greatest id ("z") counts
        return [
            event("referral_expired", "z", later),
            event("referral_accepted", "m", later),
        ]
    kind = rng.choice(("referral_accepted", "referral_refused", "referral_expired"))
    reason = "hors compétence du partenaire" if kind == "referral_refused" else None
    return [event(kind, "s", later, reason)]


def generate(directory: Path, per_month: int = 120) -> list[GeneratedSite]:
    """Record the year of every site in its own SQLite journal under ``directory``."""
    generated = []
    for index, site in enumerate(SITES):
        rng = random.Random(f"{YEAR}-{site.id}")
        secret = f"secret-of-{site.id}-0123456789"
        url = f"sqlite:///{directory / f'{site.id}.sqlite3'}"
        records: list[RequestRecord] = []
        for month in MONTHS:
            count = per_month + 15 * index - (40 if month.month == 8 else 0)  # August is quiet
            start = dt.datetime(month.year, month.month, 1, 7, tzinfo=dt.UTC)
            for i in range(count):
                when = start + dt.timedelta(days=i * 27 // count, minutes=(i * 37) % 600)
                records.append(_request(site, len(records), when, rng))
            # 23:30 UTC on the last day: already the next month in Paris (00:30 or 01:30).
            following = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
            edge = dt.datetime.combine(following, dt.time(), dt.UTC) - dt.timedelta(minutes=30)
            records.append(_request(site, len(records), edge, rng))
        events = [event for record in records for event in _events(record, rng)]
        with open_journal(url, pseudonym_secret=secret) as journal:
            journal.record_many(records)
            journal.follow_up_many(events)
        generated.append(GeneratedSite(site=site, secret=secret, url=url))
    return generated
