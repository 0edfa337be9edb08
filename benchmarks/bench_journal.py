"""Benchmark of the journal on SQLite, against bare sqlite3 in the same run.

1. Recording 100,000 requests through the API (``Journal.record_many`` in batches of 1,000,
   and ``Journal.record`` one by one, each a committed transaction) against plain sqlite3
   ``INSERT`` of ready-made rows into the same schema with the same pragmas (batched with
   ``executemany`` in transactions of 1,000, and one transaction per row). The API's time
   includes what it adds: note redaction, resident pseudonyms, conversions. 90 % of the
   requests carry the routing decision that preceded them (kind, rule, referral target).
   Targets: at most 2x the bare insert.
2. The monthly report (``build_report``: every indicator) over a journal of 1,000,000
   requests spread over 2023, against one bare ``GROUP BY`` over the same month. Target:
   at most 3x. Median of several runs each, alternating. The bare side also counts the
   distinct residents (``COUNT(DISTINCT resident)``, the report's third query), alone and
   added to the ``GROUP BY``: the national-scale target is the report within 2x of that sum.

At national sizes (10 M rows) loading every row through the API takes too long on a small
machine: ``--multiply K`` loads ``rows / K`` requests (and their follow-ups) through the API,
then copies them K - 1 times inside SQLite (``INSERT ... SELECT``), each copy with new ids and
its own residents (pseudonym + copy suffix, so distinct residents grow with the data), dates
unchanged: the month holds K times the requests. Only the size is reached by copying; the
report and the bare queries read the copies like any row.

Run: ``.venv/bin/python benchmarks/bench_journal.py`` (``--quick`` for a smoke run;
``--report-only --rows 10000000 --multiply 10`` for the report at national size).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from mfs_core.journal import EventRecord, Journal, RequestRecord, open_journal
from mfs_core.journal.sqlite import PRAGMAS
from mfs_core.journal.store import INSERT_REQUEST
from mfs_core.redaction import redact
from mfs_core.report import build_report, month_bounds

SECRET = "benchmark-secret-0123456789"
SLICE = 10_000  # records per alternation between the API and the bare side
PROCEDURES = [
    "dgfip.declaration-revenus", "dgfip.prelevement-a-la-source", "dgfip.reclamation",
    "cnav.demande-retraite", "cnam.carte-vitale", "caf.prime-activite", "caf.rsa",
    "ants.carte-identite", "france-travail.inscription", "msa.retraite",
]  # fmt: skip
OUTCOMES = ["resolved_first_contact"] * 6 + ["appointment", "referral", "orientation", "unresolved"]
CHANNELS = ["counter"] * 8 + ["phone", "video"]
AUTONOMY = ["done_by_agent", "accompanied", "autonomous", None]
#: The decision that leads to each outcome (``DEFAULT_OUTCOME`` read backwards), its rule.
DECISION_OF = {
    "resolved_first_contact": ("answer_now", "core.answer-now"),
    "appointment": ("appointment", "core.busy-counter"),
    "referral": ("referral", "cnav.contestation"),
    "orientation": ("orientation", "core.local-service"),
    "unresolved": ("unknown", "core.unknown-need"),
}
NOTES = [
    "Déclaration faite avec l'usager, avis à imprimer",
    "Rappeler au 06 12 34 56 78 pour le justificatif",
    "Compte bloqué, NIR 2 95 10 99 126 111 93 vérifié",
    "Dossier à compléter : RIB et avis d'imposition",
]


def make_records(
    count: int, total: int | None = None, first: int = 0, year: int = 2023
) -> list[RequestRecord]:
    """Requests ``first`` to ``first + count`` of ``total`` spread over ``year``: 20 % with
    a note, 60 % with a resident (a third of them coming back), 90 % with the routing
    decision of their outcome (derived from the index: the random draws stay as before)."""
    total = total or count
    rng = random.Random(first)
    start = dt.datetime(year, 1, 1, 8, tzinfo=dt.UTC)
    seconds = 365 * 86400
    records = []
    for i in range(first, first + count):
        roll = rng.random()
        procedure = rng.choice(PROCEDURES)
        channel = rng.choice(CHANNELS)
        outcome = rng.choice(OUTCOMES)
        decision, rule = DECISION_OF[outcome] if i % 10 else (None, None)
        records.append(
            RequestRecord(
                id=f"{year}-{i:07d}",
                received_at=start + dt.timedelta(seconds=i * seconds // total),
                procedure=procedure,
                channel=channel,  # type: ignore[arg-type]
                outcome=outcome,  # type: ignore[arg-type]
                autonomy=rng.choice(AUTONOMY),  # type: ignore[arg-type]
                note=rng.choice(NOTES) if roll < 0.2 else None,
                resident=f"usager-{rng.randrange(total // 3)}" if roll < 0.6 else None,
                decision=decision,  # type: ignore[arg-type]
                decision_rule=rule,
                referral_target="referent" if decision == "referral" else None,  # type: ignore[arg-type]
            )
        )
    return records


def bare_rows(records: list[RequestRecord]) -> list[tuple[object, ...]]:
    """The rows a bare insert would write: strings ready, nothing redacted or hashed."""
    now = dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")
    return [
        (
            r.id,
            r.received_at.astimezone(dt.UTC).isoformat(timespec="microseconds"),
            r.partner_code,
            r.procedure,
            r.thematique,
            r.channel.value,
            r.outcome.value,
            r.autonomy.value if r.autonomy else None,
            r.note,
            r.resident,
            None,
            r.decision.value if r.decision else None,
            r.decision_rule,
            r.referral_target.value if r.referral_target else None,
            now,
        )
        for r in records
    ]


def new_journal(directory: Path, name: str) -> str:
    url = f"sqlite:///{directory / name}"
    open_journal(url, pseudonym_secret=SECRET).close()  # create the schema
    return url


def bare_connection(url: str) -> sqlite3.Connection:
    connection = sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None)
    for pragma in PRAGMAS:
        connection.execute(pragma)
    return connection


def bare_insert(
    connection: sqlite3.Connection, rows: list[tuple[object, ...]], batch: int
) -> float:
    began = time.perf_counter()
    for first in range(0, len(rows), batch):
        connection.execute("BEGIN IMMEDIATE")
        connection.executemany(INSERT_REQUEST, rows[first : first + batch])
        connection.execute("COMMIT")
    return time.perf_counter() - began


def api_insert(journal: Journal, records: list[RequestRecord], batch: int) -> float:
    began = time.perf_counter()
    if batch == 1:
        for record in records:
            journal.record(record)
    else:
        for first in range(0, len(records), batch):
            journal.record_many(records[first : first + batch])
    return time.perf_counter() - began


def count_rows(url: str) -> int:
    connection = bare_connection(url)
    (count,) = connection.execute("SELECT COUNT(*) FROM requests").fetchone()
    connection.close()
    return int(count)


def bench_recording(directory: Path, count: int) -> list[tuple[str, float, float]]:
    """Both sides write into their own new journal, alternating by slices of 10,000 so
    that a busy moment of the (shared) machine does not fall on one side only."""
    records = make_records(count)
    rows = bare_rows(records)
    # Load the redaction's word lists and patterns first (about 0.2 s, once per process):
    # a cost of starting up, not of recording each request.
    redact("Mme Dupont, n° allocataire 1234567, tél. 06 12 34 56 78")
    results = []
    for label, batch in (("batched (1,000 per transaction)", 1000), ("one by one", 1)):
        bare_url = new_journal(directory, f"bare-{batch}.sqlite3")
        api_url = new_journal(directory, f"api-{batch}.sqlite3")
        connection = bare_connection(bare_url)
        journal = open_journal(api_url, pseudonym_secret=SECRET)
        bare = api = 0.0
        for first in range(0, count, SLICE):
            bare += bare_insert(connection, rows[first : first + SLICE], batch)
            api += api_insert(journal, records[first : first + SLICE], batch)
        connection.close()
        journal.close()
        assert count_rows(bare_url) == count_rows(api_url) == count
        results.append((label, api, bare))
    return results


def follow_ups(records: list[RequestRecord]) -> list[EventRecord]:
    """Most appointments held; referrals accepted, refused or expired, a few pending."""
    events = []
    for n, record in enumerate(records):
        later = record.received_at + dt.timedelta(days=5)
        if record.outcome == "appointment" and n % 10 < 8:
            kind, reason = "appointment_held", None
        elif record.outcome == "referral" and n % 10 < 9:
            kind = ("referral_accepted", "referral_refused", "referral_expired")[n % 3]
            reason = "dossier incomplet" if kind == "referral_refused" else None
        else:
            continue
        events.append(
            EventRecord(
                id=f"e-{record.id}",
                event=kind,  # type: ignore[arg-type]
                request_id=record.id,
                occurred_at=later,
                reason=reason,
            )
        )
    return events


_REQUEST_COPY = (
    "INSERT INTO requests (id, received_at, partner, procedure, thematique, channel, outcome, "
    "autonomy, note, resident, redacted, recorded_at, decision, decision_rule, referral_target) "
    "SELECT id || :suffix, received_at, partner, procedure, thematique, channel, outcome, "
    "autonomy, note, resident || :suffix, redacted, recorded_at, decision, decision_rule, "
    "referral_target FROM requests WHERE rowid <= :loaded"
)
_EVENT_COPY = (
    "INSERT INTO events (id, request_id, request_received_at, event, occurred_at, reason, "
    "redacted, recorded_at) SELECT id || :suffix, request_id || :suffix, request_received_at, "
    "event, occurred_at, reason, redacted, recorded_at FROM events WHERE rowid <= :loaded"
)


def multiply(url: str, times: int) -> float:
    """Copy the journal's requests and events ``times - 1`` times inside SQLite: new ids and
    residents (``-c1``, ``-c2``... suffixes; NULL residents stay NULL), same dates. Seconds."""
    began = time.perf_counter()
    connection = bare_connection(url)
    (requests,) = connection.execute("SELECT MAX(rowid) FROM requests").fetchone()
    (events,) = connection.execute("SELECT MAX(rowid) FROM events").fetchone()
    for copy in range(1, times):
        suffix = f"-c{copy}"
        connection.execute("BEGIN IMMEDIATE")
        connection.execute(_REQUEST_COPY, {"suffix": suffix, "loaded": requests})
        connection.execute(_EVENT_COPY, {"suffix": suffix, "loaded": events or 0})
        connection.execute("COMMIT")
    connection.close()
    return time.perf_counter() - began


def bench_report(directory: Path, rows: int, repeats: int, times: int) -> dict[str, float]:
    """Median times (s) of the report and of the bare queries over June 2023, in a journal
    of ``rows`` requests: ``rows / times`` loaded through the API, then copied (``multiply``)."""
    url = new_journal(directory, "year.sqlite3")
    journal = open_journal(url, pseudonym_secret=SECRET)
    step = 50_000
    loaded = rows // times
    began = time.perf_counter()
    for first in range(0, loaded, step):  # load through the API, in big batches
        records = make_records(min(step, loaded - first), loaded, first)
        journal.record_many(records)
        journal.follow_up_many(follow_ups(records))
    load = time.perf_counter() - began
    copied = multiply(url, times) if times > 1 else 0.0
    month = dt.date(2023, 6, 1)
    bounds = tuple(
        b.astimezone(dt.UTC).isoformat(timespec="microseconds") for b in month_bounds(month)
    )
    connection = bare_connection(url)
    bare_queries = {
        # The one GROUP BY giving the report's breakdowns (partner, procedure, thematique,
        # channel, outcome, autonomy, decision) — what a hand-written report would run.
        "bare GROUP BY, all dimensions": "SELECT partner, procedure, thematique, channel, "
        "outcome, autonomy, decision, COUNT(*) FROM requests "
        "WHERE received_at >= ? AND received_at < ? "
        "GROUP BY partner, procedure, thematique, channel, outcome, autonomy, decision",
        # The smallest useful one: requests by outcome.
        "bare GROUP BY outcome": "SELECT outcome, COUNT(*) FROM requests "
        "WHERE received_at >= ? AND received_at < ? GROUP BY outcome",
    }
    # The report's distinct residents (and identified requests, for the repeat visits).
    distinct = (
        "SELECT COUNT(DISTINCT resident), COUNT(resident) FROM requests "
        "WHERE received_at >= ? AND received_at < ?"
    )
    both = "bare all dimensions + distinct residents"
    samples: dict[str, list[float]] = {
        name: [] for name in ("report", *bare_queries, "bare distinct residents", both)
    }
    for _ in range(repeats):
        for name, sql in bare_queries.items():
            began = time.perf_counter()
            total = sum(row[-1] for row in connection.execute(sql, bounds).fetchall())
            samples[name].append(time.perf_counter() - began)
        began = time.perf_counter()
        residents, _identified = connection.execute(distinct, bounds).fetchone()
        samples["bare distinct residents"].append(time.perf_counter() - began)
        samples[both].append(
            samples["bare distinct residents"][-1] + samples["bare GROUP BY, all dimensions"][-1]
        )
        began = time.perf_counter()
        report = build_report(journal, month)
        samples["report"].append(time.perf_counter() - began)
        assert report.total_requests == total
        assert report.residents == residents
    samples["month rows"] = [float(total)]
    samples["month residents"] = [float(residents)]
    samples["load (API)"] = [load]
    samples["copy (SQLite)"] = [copied]
    connection.close()
    journal.close()
    samples["journal MiB"] = [(directory / "year.sqlite3").stat().st_size / 2**20]
    return {name: statistics.median(values) for name, values in samples.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--quick", action="store_true", help="10,000 records, 100,000 rows")
    parser.add_argument(
        "--multiply",
        type=int,
        default=1,
        metavar="K",
        help="load rows/K requests through the API, then copy them K-1 times inside SQLite "
        "(new ids, residents suffixed per copy, same dates) to reach --rows quickly",
    )
    parser.add_argument(
        "--report-only", action="store_true", help="skip the recording benchmark (part 1)"
    )
    args = parser.parse_args()
    if args.quick:
        args.records, args.rows, args.repeats = 10_000, 100_000, 3
    if args.multiply < 1 or args.rows % args.multiply:
        parser.error("--multiply: expected a positive divisor of --rows")
    with tempfile.TemporaryDirectory(prefix="bench-journal-") as tmp:
        directory = Path(tmp)
        if not args.report_only:
            print(f"Recording {args.records:,} requests (SQLite, WAL, synchronous=FULL)")
            for label, api, bare in bench_recording(directory, args.records):
                print(
                    f"  {label:<32} API {api:7.2f} s   bare sqlite3 {bare:7.2f} s   "
                    f"ratio {api / bare:4.2f}x (target <= 2x)"
                )
        figures = bench_report(directory, args.rows, args.repeats, args.multiply)
        report = figures.pop("report")
        month_rows = int(figures.pop("month rows"))
        residents = int(figures.pop("month residents"))
        load, copied = figures.pop("load (API)"), figures.pop("copy (SQLite)")
        size = figures.pop("journal MiB")
        print(
            f"Monthly report, June 2023 ({month_rows:,} requests, {residents:,} distinct "
            f"residents) in a journal of {args.rows:,} ({size:,.0f} MiB)"
        )
        if args.multiply > 1:
            print(
                f"  size reached by copying: {args.rows // args.multiply:,} loaded through the "
                f"API ({load:.1f} s), copied {args.multiply - 1} times in SQLite ({copied:.1f} s)"
            )
        print(f"  {'build_report (every indicator)':<42}  {report * 1000:7.1f} ms")
        for name, bare in figures.items():
            print(f"  {name:<42}  {bare * 1000:7.1f} ms   report/bare {report / bare:4.2f}x")
        print("  (targets: report <= 3x the bare GROUP BY giving the same breakdowns;")
        print("   at 10 M rows <= 2x that GROUP BY + distinct residents)")


if __name__ == "__main__":
    main()
