"""The low findings of review 16c on ``mfs serve`` (issue 16h), each through a real server:
an export range that can hold nothing, a refused CORS preflight as a problem document, and
a readiness probe beside the liveness one that fails when the journal cannot be read."""

from __future__ import annotations

import random
from pathlib import Path

import httpx
import pytest

from mfs_core.journal.intake import CONFLICT

from .live import AGENT, MANAGER, LiveServer, live_server
from .test_hardening import assert_problem, assert_safety_headers

NDJSON = {"content-type": "application/x-ndjson"}
RECORD = (
    '{"id": "ready-1", "received_at": "2023-06-01T10:00:00+02:00", "channel": "counter", '
    '"outcome": "appointment", "procedure": "cnam.carte-vitale"}'
)


# -- 1. an empty or reversed export range ------------------------------------------------
@pytest.mark.parametrize(
    ("since", "until"), [("2023-06-01", "2023-06-01"), ("2023-07-01", "2023-06-01")]
)
def test_an_export_range_that_holds_nothing_is_refused(
    server: LiveServer, since: str, until: str
) -> None:
    with server.client(MANAGER) as manager:
        answer = manager.get("/journal/export", params={"since": since, "until": until})
    problem = assert_problem(answer, 400, "bad-request")
    assert [item["field"] for item in problem["errors"]] == ["since", "until"]
    assert "since et until" in problem["detail"]
    assert since not in answer.text  # values never shown back
    assert until not in answer.text


def test_a_one_day_export_range_is_taken(server: LiveServer) -> None:
    with server.client(MANAGER) as manager:
        answer = manager.get("/journal/export?since=2023-06-01&until=2023-06-02")
    assert answer.status_code == 200


# -- 2. an id given again with other content --------------------------------------------
def test_a_record_whose_id_is_stored_with_other_content_is_named(
    journal_server: LiveServer,
) -> None:
    same = RECORD.replace("ready-1", "conflict-1")
    changed = same.replace('"appointment"', '"resolved_first_contact"')
    with journal_server.client(AGENT) as agent:
        first = agent.post("/journal/records", content=same, headers=NDJSON)
        retry = agent.post("/journal/records", content=same, headers=NDJSON)
        answer = agent.post("/journal/records", content=f"{same}\n{changed}", headers=NDJSON)
    assert first.json() == {"recorded": 1, "already_present": 0, "conflicting": 0,
                            "redactions": {}}  # fmt: skip
    assert retry.json() == {"recorded": 0, "already_present": 1, "conflicting": 0,
                            "redactions": {}}  # fmt: skip
    problem = assert_problem(answer, 422, "invalid-body")
    assert (problem["recorded"], problem["already_present"]) == (0, 1)
    assert (problem["conflicting"], problem["rejected"]) == (1, 0)
    assert problem["errors"] == [
        {"line": 2, "field": "id", "detail": f"id: {CONFLICT.removeprefix('id: ')}"}
    ]
    assert problem["detail"] == (
        "1 enregistrement écarté (identifiant déjà dans le journal avec un autre contenu) : "
        "voir errors ; 1 autre pris en compte."
    )
    assert "resolved_first_contact" not in answer.text


def test_nothing_taken_reads_aucun_autre(server: LiveServer) -> None:
    with server.client(AGENT) as agent:
        answer = agent.post("/journal/records", content="{}", headers=NDJSON)
    problem = assert_problem(answer, 422, "invalid-body")
    assert (
        problem["detail"] == "1 enregistrement refusé : voir errors ; aucun autre pris en compte."
    )


# -- 4. a refused CORS preflight ---------------------------------------------------------
@pytest.mark.parametrize(
    ("headers", "fields"),
    [
        ({"origin": "https://evil.example"}, ["origin"]),
        ({"access-control-request-method": "DELETE"}, ["method"]),
        ({"origin": "https://evil.example", "access-control-request-method": "PUT"},
         ["origin", "method"]),
    ],
)  # fmt: skip
def test_a_refused_cors_preflight_is_a_problem(
    closed_server: LiveServer, headers: dict[str, str], fields: list[str]
) -> None:
    preflight = {"origin": "https://app.example", "access-control-request-method": "POST"}
    with closed_server.client() as client:
        answer = client.options("/route", headers={**preflight, **headers})
    problem = assert_problem(answer, 400, "bad-request")
    assert [item["field"] for item in problem["errors"]] == fields
    assert problem["detail"].startswith("Requête préalable CORS refusée : ")
    assert "evil" not in answer.text
    if "origin" in fields:  # CORS not weakened: the browser still blocks the call
        assert "access-control-allow-origin" not in answer.headers
    assert answer.headers["vary"].startswith("Origin")  # Starlette's own headers kept
    assert_safety_headers(answer)


# -- 5. liveness and readiness -----------------------------------------------------------
def test_ready_fails_on_a_corrupt_journal_while_health_stays_up(tmp_path: Path) -> None:
    with live_server(tmp_path) as running:
        with running.client(AGENT) as agent:
            assert agent.post("/journal/records", content=RECORD, headers=NDJSON).status_code == 200
        with running.client() as anyone:
            ready = anyone.get("/ready?_=1701")  # a probe's cache-buster is no error
            assert ready.status_code == 200
            assert ready.json() == {"status": "ready"}
            assert ready.headers["cache-control"] == "no-store"
        path = Path(running.journal_url.removeprefix("sqlite:///"))
        data = bytearray(path.read_bytes())
        noise = random.Random(9)  # the same damage every run: every page but the header's
        for page in range(1, len(data) // 4096):
            data[page * 4096 : page * 4096 + 512] = noise.randbytes(512)
        path.write_bytes(bytes(data))
        with running.client() as anyone:
            health = anyone.get("/health")
            ready = anyone.get("/ready")
        with running.client(MANAGER) as manager:
            export = manager.get("/journal/export")
    assert health.status_code == 200
    assert_problem(export, 503, "journal-unavailable")
    problem = assert_problem(ready, 503, "journal-unavailable")
    assert str(tmp_path) not in ready.text
    assert problem["instance"] == "/ready"
    assert ready.headers["cache-control"] == "no-store"


def test_ready_needs_no_token(closed_server: LiveServer) -> None:
    with httpx.Client(base_url=closed_server.url) as client:
        assert client.get("/ready").status_code == 200


# -- 6. French texts ---------------------------------------------------------------------
def test_the_desk_page_writes_one_apostrophe(server: LiveServer) -> None:
    # The project's French texts use the straight apostrophe (the messages, the reasons
    # the page shows); the page's own text mixed in the typographic one.
    with server.client() as client:
        page = client.get("/").text
    assert "Ce que dit l'usager" in page
    assert "poste de l'agent" in page
    assert "’" not in page


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        ({"request": {}, "x": 1}, "unknown key x"),
        ({"request": {}, "x": 1, "y": 2}, "unknown keys x, y"),
    ],
)
def test_unknown_keys_are_counted_in_english(
    server: LiveServer, body: dict[str, object], detail: str
) -> None:
    with server.client() as client:
        answer = client.post("/route", json=body)
    problem = assert_problem(answer, 422, "invalid-body")
    assert [item["detail"] for item in problem["errors"]] == [detail]
