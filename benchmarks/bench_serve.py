"""Load on the HTTP service (``mfs serve``), against the in-process API in the same run.

1. Routing: ApacheBench (``ab``, a C client: a Python client would be the bottleneck on
   this machine) sends ``POST /route`` from N concurrent keep-alive clients (default 1,
   10, 50 and 100; the issue's figure is 50) for ``--seconds`` each against **one** server
   process, for two requests: a need in the resident's words (recognised, then routed)
   and a request naming its procedure. Reported: requests per second, p50/p99 latency,
   failed and non-2xx answers. Baseline: ``Router.decide`` on the same request in this
   process (no HTTP, no JSON); the ratio is the server's cost per request (1 / throughput)
   over the in-process call.
2. Journal: 4 clients (httpx) write to ``POST /journal/records`` at once for
   ``--journal-seconds`` (batches of 10 new records, and every fifth request a batch sent
   again, as a retry), then the database is read directly (sqlite3, not the service): every
   acknowledged id present (0 lost) and each once (0 doubled). With
   ``MFS_TEST_POSTGRES_URL`` set, the same again with the journal on PostgreSQL.

The server and ``ab`` share the 2 cores: the figures are a floor of what the server does
alone. Needs ``ab`` (Debian: ``apt-get install apache2-utils``).

Run: ``.venv/bin/python benchmarks/bench_serve.py`` (``--quick`` for a smoke run).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "bench-agent-token-" + "b" * 32


#: The two requests of the routing load: a need (recognition, then routing), and a request
#: naming its procedure. The need is a phrasing of the recognition corpus.
REQUESTS = {
    "need": {"need": "j'ai perdu ma carte vitale", "channel": "counter", "wants_autonomy": True},
    "procedure": {
        "procedure": "dgfip.declaration-revenus",
        "channel": "counter",
        "wants_autonomy": False,
    },
}


def in_process(data: dict[str, Any], calls: int = 2000, rounds: int = 7) -> float:
    """Median seconds per ``Router.decide(request)`` (the request structured beforehand)."""
    from mfs_core.converter import structure
    from mfs_core.registry import Registry
    from mfs_core.routing import Request, Router

    router = Router(Registry.load())
    request = structure(data, Request)
    router.decide(request)  # warm: the recognition index built
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(calls):
            router.decide(request)
        times.append((time.perf_counter() - start) / calls)
    return statistics.median(times)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def start_server(folder: Path, journal_url: str) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("MFS_")}
    env.update(MFS_API_TOKENS=f"bench:agent:{TOKEN}", MFS_JOURNAL_URL=journal_url)
    process = subprocess.Popen(
        [sys.executable, "-m", "mfs_core.cli", "serve", "--port", str(port)],
        cwd=folder, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                return process, url
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("mfs serve did not start")


def ab_load(url: str, body: Path, clients: int, seconds: float) -> dict[str, float]:
    """``ab -k -c CLIENTS -t SECONDS`` POSTing ``body`` to ``/route``; its figures."""
    result = subprocess.run(
        ["ab", "-q", "-k", "-c", str(clients), "-t", str(seconds), "-n", "10000000",
         "-p", str(body), "-T", "application/json", f"{url}/route"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    out = result.stdout

    def field(label: str) -> float:
        match = re.search(rf"^\s*{re.escape(label)}\s+([0-9.]+)", out, re.MULTILINE)
        return float(match.group(1)) if match else 0.0

    return {
        "clients": clients,
        "requests": field("Complete requests:"),
        "rps": field("Requests per second:"),
        "p50_ms": field("50%"),
        "p99_ms": field("99%"),
        "errors": field("Failed requests:") + field("Non-2xx responses:"),
    }


async def journal_load(url: str, clients: int, seconds: float) -> dict[str, Any]:
    acknowledged: set[str] = set()
    sent = retries = errors = 0
    deadline = time.perf_counter() + seconds

    def record(client: int, n: int) -> str:
        return json.dumps({
            "id": f"bench-{client}-{n}", "received_at": "2026-06-01T10:00:00+02:00",
            "channel": "counter", "outcome": "resolved_first_contact",
            "procedure": "cnam.carte-vitale", "note": "rappeler le 12 juin",
        })  # fmt: skip

    async def client(number: int) -> None:
        nonlocal sent, retries, errors
        headers = {"authorization": f"Bearer {TOKEN}", "content-type": "application/x-ndjson"}
        async with httpx.AsyncClient(base_url=url, timeout=60, headers=headers) as http:
            batch = 0
            while time.perf_counter() < deadline:
                again = batch > 0 and batch % 5 == 0
                first = (batch - 1 if again else batch) * 10
                ids = range(first, first + 10)
                body = "\n".join(record(number, n) for n in ids)
                answer = await http.post("/journal/records", content=body)
                if answer.status_code == 200:
                    counts = answer.json()
                    acknowledged.update(f"bench-{number}-{n}" for n in ids)
                    retries += again
                    assert counts["recorded"] + counts["already_present"] == 10
                else:
                    errors += 1
                sent += 1
                batch += 1 if not again else 0
                if again:
                    batch += 1

    await asyncio.gather(*(client(i) for i in range(clients)))
    return {"posts": sent, "retried_posts": retries, "errors": errors, "acknowledged": acknowledged}


def count_sqlite(path: Path) -> tuple[int, set[str]]:
    with sqlite3.connect(path) as db:
        ids = [row[0] for row in db.execute("SELECT id FROM requests WHERE id LIKE 'bench-%'")]
    return len(ids), set(ids)


def postgres_journal(base: str, seconds: float) -> None:
    """The journal load again with the journal on PostgreSQL (a fresh schema), counted
    with psycopg."""
    import urllib.parse
    import uuid

    import psycopg

    schema = f"bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    options = urllib.parse.quote(f"-csearch_path={schema}")
    url = f"{base}{'&' if '?' in base else '?'}options={options}"
    try:
        with tempfile.TemporaryDirectory() as tmp:
            process, server = start_server(Path(tmp), url)
            try:
                journal = asyncio.run(journal_load(server, 4, seconds))
            finally:
                process.terminate()
                process.wait(30)
        with psycopg.connect(url) as db:
            ids = [row[0] for row in db.execute("SELECT id FROM requests WHERE id LIKE 'bench-%'")]
    finally:
        with psycopg.connect(base, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")
    report("PostgreSQL", seconds, journal, len(ids), set(ids))


def report(
    backend: str, seconds: float, journal: dict[str, Any], rows: int, stored: set[str]
) -> None:
    lost = len(journal["acknowledged"] - stored)
    doubled = rows - len(stored)
    print(f"\nPOST /journal/records ({backend}), 4 writers, {seconds:g} s: {journal['posts']} "
          f"posts ({journal['retried_posts']} retries of a batch), {journal['errors']} errors; "
          f"{len(journal['acknowledged'])} ids acknowledged, {rows} rows in the database: "
          f"{lost} lost, {doubled} doubled")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--clients", default="1,10,50,100")
    parser.add_argument("--journal-seconds", type=float, default=30)
    parser.add_argument("--quick", action="store_true", help="3 s per level, 1 and 50 clients")
    args = parser.parse_args()
    if args.quick:
        args.seconds, args.journal_seconds, args.clients = 3, 3, "1,50"
    if shutil.which("ab") is None:
        raise SystemExit("needs ApacheBench: apt-get install apache2-utils")
    levels = [int(c) for c in args.clients.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        database = folder / "journal.sqlite3"
        process, url = start_server(folder, f"sqlite:///{database}")
        try:
            for name, data in REQUESTS.items():
                per_call = in_process(data)
                body = folder / f"{name}.json"
                body.write_text(json.dumps(data), encoding="utf-8")
                print(f"\nPOST /route, {name} request {json.dumps(data, ensure_ascii=False)}")
                print(f"in-process Router.decide: {per_call * 1e6:.0f} µs")
                print("clients  requests    req/s   p50 ms   p99 ms  errors  HTTP/in-process")
                for clients in levels:
                    r = ab_load(url, body, clients, args.seconds)
                    ratio = (1 / r["rps"]) / per_call if r["rps"] else float("nan")
                    print(f"{clients:>7} {r['requests']:>9.0f} {r['rps']:>8.1f} "
                          f"{r['p50_ms']:>8.0f} {r['p99_ms']:>8.0f} {r['errors']:>7.0f}  "
                          f"{ratio:>8.1f}x")  # fmt: skip
            journal = asyncio.run(journal_load(url, 4, args.journal_seconds))
        finally:
            process.terminate()
            process.wait(30)
        rows, stored = count_sqlite(database)
    report("SQLite", args.journal_seconds, journal, rows, stored)
    if os.environ.get("MFS_TEST_POSTGRES_URL"):
        postgres_journal(os.environ["MFS_TEST_POSTGRES_URL"], args.journal_seconds)


if __name__ == "__main__":
    main()
