"""The journal over HTTP, on SQLite and PostgreSQL: who may do what, idempotent writes
counted in the database itself, redaction before storage, exports and reports identical to
the CLI's, and an access log with nothing personal in it."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import httpx

from mfs_core.journal import open_journal

from .live import AGENT, MANAGER, OTHER_SITE, PSEUDONYM_SECRET, LiveServer

ROOT = Path(__file__).resolve().parents[2]
MONTH = ROOT / "examples" / "journal" / "saint-jean-de-luz-2023-06.jsonl"
NDJSON = {"content-type": "application/x-ndjson"}
#: A NIR that passes its checksum (the redaction corpus's kind of value; not a real person).
NIR = "1 85 05 78 006 084 91"


def stored_ids(server: LiveServer, prefix: str) -> list[str]:
    """The request ids starting with ``prefix`` in the journal, read from the database, not
    through the service."""
    with open_journal(server.journal_url, pseudonym_secret=PSEUDONYM_SECRET) as journal:
        return [r.id for r in journal.requests() if r.id.startswith(prefix)]


def cli(server: LiveServer, *argv: str) -> str:
    return subprocess.run(
        [sys.executable, "-m", "mfs_core.cli", *argv, "--journal", server.journal_url],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip


def test_who_may_do_what(journal_server: LiveServer) -> None:
    body = MONTH.read_text("utf-8").splitlines()[0]
    with journal_server.client() as anonymous:
        answer = anonymous.post("/journal/records", content=body, headers=NDJSON)
        assert answer.status_code == 401
        assert answer.headers["www-authenticate"].startswith("Bearer")
        assert anonymous.get("/journal/export").status_code == 401
        assert anonymous.get("/reports/2023-06").status_code == 401
    with journal_server.client("not-a-token-" + "x" * 40) as wrong:
        problem = wrong.post("/journal/records", content=body, headers=NDJSON)
        assert problem.status_code == 401
        assert problem.json()["detail"] == "Jeton d'accès inconnu."
    with journal_server.client(AGENT) as agent:
        assert agent.post("/journal/records", content=body, headers=NDJSON).status_code == 200
        assert agent.get("/journal/export").status_code == 403
        assert agent.get("/reports/2023-06").status_code == 403
    with journal_server.client(OTHER_SITE) as other:  # a manager, of another counter
        refused = other.get("/journal/export")
        assert refused.status_code == 403
        assert "autre site" in refused.json()["detail"]
    with journal_server.client(MANAGER) as manager:
        assert manager.get("/journal/export").status_code == 200


def test_writes_are_idempotent_and_counted_in_the_database(journal_server: LiveServer) -> None:
    # The founding month's records, under ids of this test's own.
    body = re.sub(rb'(id": ")(?=2023-06-)', rb"\1idem-", MONTH.read_bytes())
    total = len(body.splitlines())
    with journal_server.client(AGENT) as agent:
        first = agent.post("/journal/records", content=body, headers=NDJSON).json()
        again = agent.post("/journal/records", content=body, headers=NDJSON).json()
    requests = sum(1 for line in body.splitlines() if b'"event"' not in line)
    assert first["recorded"] == total
    assert again == {"recorded": 0, "already_present": total, "conflicting": 0, "redactions": {}}
    ids = stored_ids(journal_server, "idem-")
    assert len(ids) == len(set(ids)) == requests


def test_bad_records_are_named_and_the_good_ones_kept(journal_server: LiveServer) -> None:
    good = {"id": "r1", "received_at": "2023-06-01T10:00:00+02:00", "channel": "counter",
            "outcome": "appointment", "procedure": "cnam.carte-vitale",
            "note": f"assuré NIR {NIR}"}  # fmt: skip
    bad = {**good, "id": "r2", "outcome": "maybe", "note": f"rappeler {NIR}"}
    future = {**good, "id": "r3", "received_at": "2999-01-01T10:00:00+01:00"}
    body = "\n".join(json.dumps(r, ensure_ascii=False) for r in (good, bad, future))
    with journal_server.client(AGENT) as agent:
        answer = agent.post("/journal/records", content=body, headers=NDJSON)
        array = agent.post("/journal/records", json=[{**good, "id": "r4"}, {"id": "r5"}])
    assert answer.status_code == 422
    problem = answer.json()
    assert (problem["recorded"], problem["rejected"]) == (1, 2)
    assert problem["redactions"] == {"nir": 1}
    assert [(e["line"], e.get("field")) for e in problem["errors"]] == [
        (2, "outcome"),
        (3, "received_at"),
    ]
    assert NIR not in answer.text
    assert array.status_code == 422
    assert array.json()["errors"][0]["index"] == 1
    assert stored_ids(journal_server, "r") == ["r1", "r4"]
    export = cli(journal_server, "journal", "export")
    assert NIR not in export
    assert "[NIR]" in export


def test_export_and_reports_are_the_cli_output(journal_server: LiveServer) -> None:
    with journal_server.client(AGENT) as agent:
        agent.post("/journal/records", content=MONTH.read_bytes(), headers=NDJSON)
    with journal_server.client(MANAGER) as manager:
        jsonl = manager.get("/journal/export")
        assert jsonl.headers["content-type"] == "application/x-ndjson"
        assert jsonl.headers["cache-control"] == "no-store"
        assert jsonl.text == cli(journal_server, "journal", "export")
        since = manager.get("/journal/export", params={"since": "2023-06-15", "format": "csv"})
        assert since.text == cli(
            journal_server, "journal", "export", "--since", "2023-06-15", "--format", "csv"
        )
        report = manager.get("/reports/2023-06")
        assert report.json() == json.loads(
            cli(journal_server, "report", "--month", "2023-06", "--format", "json")
        )
        csv = manager.get("/reports/2023-06", headers={"accept": "text/csv"})
        assert csv.text == cli(journal_server, "report", "--month", "2023-06", "--format", "csv")
        html = manager.get("/reports/2023-06", params={"format": "html"})
        assert html.headers["content-type"].startswith("text/html")
        assert "<html" in html.text
        assert manager.get("/reports/2023-13").status_code == 404
        assert manager.get("/journal/export", params={"since": "June"}).status_code == 400


def test_access_log_holds_nothing_personal(journal_server: LiveServer) -> None:
    with journal_server.client(AGENT) as agent:
        record = {"id": "log-1", "received_at": "2023-06-01T10:00:00+02:00",
                  "channel": "counter", "outcome": "unresolved", "procedure": "cnam.carte-vitale",
                  "note": f"NIR {NIR}", "resident": "Jeanne Dupont 1950"}  # fmt: skip
        assert agent.post("/journal/records", json=record).status_code == 200
        agent.get("/procedures", params={"q": f"carte vitale de Jeanne Dupont {NIR}"})
        agent.get(f"/procedures/{NIR.replace(' ', '')}")
        agent.post("/route", json={"need": f"impôts de Jeanne {NIR}", "channel": "counter",
                                   "wants_autonomy": False})  # fmt: skip
    log = journal_server.log.read_text("utf-8")
    assert "POST /journal/records 200" in log
    assert "GET /procedures/{id} 404" in log
    assert "site=64483-ccas" in log
    for secret in (NIR, NIR.replace(" ", ""), "Jeanne", "Dupont", AGENT, "q=", "impôts"):
        assert secret not in log, secret


def test_reading_needs_a_token_when_not_open(closed_server: LiveServer) -> None:
    with closed_server.client() as anonymous:
        assert anonymous.get("/health").status_code == 200
        assert anonymous.get("/openapi.json").status_code == 200
        assert anonymous.get("/procedures").status_code == 401
        assert anonymous.get("/").status_code == 401
    with closed_server.client(AGENT) as agent:
        assert agent.get("/procedures").status_code == 200


def test_bad_tokens_stop_the_server_naming_the_entry_not_the_value(tmp_path: Path) -> None:
    secret = "short-secret"
    result = subprocess.run(
        [sys.executable, "-m", "mfs_core.cli", "serve", "--port", "0"],
        capture_output=True, text=True, cwd=tmp_path, timeout=120,
        env={"PATH": "/usr/bin:/bin", "MFS_API_TOKENS": f"64483:agent:{secret}",
             "MFS_JOURNAL_URL": f"sqlite:///{tmp_path / 'j.sqlite3'}"},
    )  # fmt: skip
    assert result.returncode == 2
    assert "api_tokens[0]: TOKEN: expected at least 32 characters" in result.stderr
    assert secret not in result.stderr
    assert "Traceback" not in result.stderr


def test_cors_is_off_unless_configured(server: LiveServer, closed_server: LiveServer) -> None:
    preflight = {"origin": "https://app.example", "access-control-request-method": "POST"}
    with httpx.Client(base_url=server.url) as client:
        assert "access-control-allow-origin" not in client.get("/health", headers=preflight).headers
    with httpx.Client(base_url=closed_server.url) as client:
        answer = client.options("/route", headers=preflight)
        assert answer.headers["access-control-allow-origin"] == "https://app.example"
        other = client.options("/route", headers={**preflight, "origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers


def test_desk_record_refuses_other_origins(journal_server: LiveServer) -> None:
    form = {"record_id": "desk-" + "0" * 32, "procedure": "cnam.carte-vitale", "channel": "counter"}
    with httpx.Client(base_url=journal_server.url, auth=("agent", AGENT)) as client:
        forged = client.post("/desk/record", data=form, headers={"origin": "https://evil.example"})
        assert forged.status_code == 403
        cross = client.post("/desk/record", data=form, headers={"sec-fetch-site": "cross-site"})
        assert cross.status_code == 403
        own = client.post("/desk/record", data=form, headers={"origin": journal_server.url})
        assert own.status_code == 303
        assert own.headers["location"] == f"/?enregistre={form['record_id']}"
    assert stored_ids(journal_server, "desk-") == [form["record_id"]]


def test_desk_record_refuses_a_procedure_the_catalogue_lacks(journal_server: LiveServer) -> None:
    form = {"record_id": "desk-" + "1" * 32, "procedure": "cnam.inconnue", "channel": "counter"}
    with httpx.Client(base_url=journal_server.url, auth=("agent", AGENT)) as client:
        answer = client.post("/desk/record", data=form, headers={"origin": journal_server.url})
    assert answer.status_code == 422
    assert "Démarche inconnue" in answer.text
    assert "cnam.inconnue" not in answer.text
    assert stored_ids(journal_server, "desk-1") == []


def test_a_port_in_use_is_an_input_error(tmp_path: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "mfs_core.cli", "serve", "--port", str(port)],
            capture_output=True, text=True, cwd=tmp_path, timeout=120,
            env={"PATH": "/usr/bin:/bin", "MFS_JOURNAL_URL": f"sqlite:///{tmp_path / 'j.sqlite3'}"},
        )  # fmt: skip
    assert result.returncode == 2
    assert f"mfs: error: cannot listen on 127.0.0.1:{port}" in result.stderr
    assert "Traceback" not in result.stderr
