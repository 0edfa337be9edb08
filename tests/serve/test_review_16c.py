"""What review 16c found attacking ``mfs serve`` as a PHP or JavaScript developer, each
through a real server: bodies that are JSON but not objects (PHP's ``json_encode([])``),
values quoted back in errors, query and path values echoed, and the small faults of
limits, months and CORS (the OpenAPI document looser than the server: test_openapi.py)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from .live import AGENT, MANAGER, LiveServer, live_server
from .test_hardening import assert_problem as problem_of

ROOT = Path(__file__).resolve().parents[2]
REQUEST = json.loads((ROOT / "docs" / "examples" / "routing" / "answer_now.json").read_text())
NDJSON = {"content-type": "application/x-ndjson"}
#: Personal values a client may send anywhere: none may come back in an answer.
NAME, PHONE, EMAIL = "jean dupont", "0612345678", "jean.dupont@gmail.com"
#: What a PHP or JavaScript developer would not know, or what quotes Python's own words.
PYTHON_WORDS = re.compile(r"NoneType|\bdict\b|\bstr\b|\bint\b|\blist\b|attribute|iterable")
#: JSON text -> its JSON type name.
NOT_OBJECTS = {"[]": "array", '"x"': "string", "[[]]": "array", "3": "number",
               "true": "boolean", "null": "null"}  # fmt: skip


@pytest.fixture(scope="module")
def client(server: LiveServer) -> Iterator[httpx.Client]:
    with server.client() as opened:
        yield opened


# -- HIGH 1: a JSON body that is not an object -------------------------------------------
@pytest.mark.parametrize(("body", "kind"), NOT_OBJECTS.items())
@pytest.mark.parametrize("path", ["/check", "/route"])
def test_a_body_that_is_not_an_object_is_422(
    client: httpx.Client, path: str, body: str, kind: str
) -> None:
    answer = client.post(path, content=body, headers={"content-type": "application/json"})
    problem = problem_of(answer, 422, "invalid-body")
    assert problem["errors"] == [
        {"field": "(root)", "detail": f"(root): expected a JSON object, got {kind}"}
    ]
    assert not PYTHON_WORDS.search(answer.text)


@pytest.mark.parametrize(("body", "kind"), NOT_OBJECTS.items())
@pytest.mark.parametrize("part", ["request", "context"])
def test_a_request_or_context_that_is_not_an_object_is_422_naming_it(
    client: httpx.Client, part: str, body: str, kind: str
) -> None:
    value = json.loads(body)
    sent = {"request": value} if part == "request" else {"request": REQUEST, "context": value}
    answer = client.post("/route", json=sent)
    if part == "context" and kind == "null":  # a null context is no context, as left out
        assert answer.json() == client.post("/route", json={"request": REQUEST}).json()
        return
    problem = problem_of(answer, 422, "invalid-body")
    assert problem["errors"] == [
        {"field": part, "detail": f"{part}: expected a JSON object, got {kind}"}
    ]
    assert not PYTHON_WORDS.search(answer.text)


def test_a_batch_line_with_an_array_as_context_is_its_own_422(client: httpx.Client) -> None:
    lines = [{"request": REQUEST, "context": []}, REQUEST, {"request": "x"}]
    body = "".join(json.dumps(line) + "\n" for line in lines)
    answer = client.post("/route/batch", content=body, headers=NDJSON)
    assert answer.status_code == 200
    first, second, third = (json.loads(line) for line in answer.text.splitlines())
    assert first["problem"]["status"] == 422  # not a 500 in its place
    assert first["problem"]["errors"] == [
        {"line": 1, "field": "context", "detail": "context: expected a JSON object, got array"}
    ]
    assert second["line"] == 2
    assert "kind" in second
    assert third["problem"]["errors"][0]["field"] == "request"


# -- HIGH 2: no value of a request or a record quoted ------------------------------------
WRONG_FIELDS = [
    ({"channel": NAME}, "channel", "channel: expected one of 'counter', 'phone', 'video', "
     "'mobile', got another value"),
    ({"need": [f"mme {NAME} 3 rue Victor Hugo"]}, "need", "need: expected a string, got array"),
    ({"wants_autonomy": NAME}, "wants_autonomy",
     "wants_autonomy: expected true or false, got a string"),
]  # fmt: skip


@pytest.mark.parametrize(("change", "field", "detail"), WRONG_FIELDS)
def test_routing_errors_quote_no_value(
    client: httpx.Client, change: dict[str, Any], field: str, detail: str
) -> None:
    request = {**REQUEST, **change}
    alone = client.post("/route", json=request)
    wrapped = client.post("/route", json={"request": request})
    batch = client.post("/route/batch", content=json.dumps(request) + "\n", headers=NDJSON)
    assert problem_of(alone, 422, "invalid-body")["errors"] == [{"field": field, "detail": detail}]
    assert problem_of(wrapped, 422, "invalid-body")["errors"] == [
        {"field": f"request.{field}", "detail": f"request.{field}: {detail.split(': ', 1)[1]}"}
    ]
    assert json.loads(batch.text)["problem"]["errors"][0]["detail"] == detail
    for answer in (alone, wrapped, batch):
        assert NAME not in answer.text
        assert "Victor" not in answer.text


def test_context_errors_quote_no_value(client: httpx.Client) -> None:
    context = {"agents_on_duty": 1, "waiting": 0, "now": "2026-11-02T10:00:00+01:00",
               "local_services": [{"id": NAME, "name": "CCAS"}]}  # fmt: skip
    answer = client.post("/route", json={"request": REQUEST, "context": context})
    problem = problem_of(answer, 422, "invalid-body")
    assert problem["errors"][0]["detail"] == (
        "context.local_services[0]: id: the value is not a service id (e.g. 'ccas')"
    )
    assert NAME not in answer.text


def test_journal_record_errors_quote_no_value(server: LiveServer) -> None:
    record = {"id": "review-16c-1", "received_at": "2026-11-02T10:00:00+01:00",
              "channel": "counter", "outcome": "resolved_first_contact"}  # fmt: skip
    records = [{**record, "channel": NAME, "procedure": "cnam.carte-vitale"},
               {**record, "id": "review-16c-2", "procedure": "Jean Dupont"}]  # fmt: skip
    with server.client(AGENT) as agent:
        answer = agent.post("/journal/records", json=records)
    problem = problem_of(answer, 422, "invalid-body")
    fields = [(error["index"], error["field"]) for error in problem["errors"]]
    assert fields == [(0, "channel"), (1, "procedure")]
    assert problem["errors"][1]["detail"] == "procedure: expected a procedure id <partner>.<slug>"
    assert NAME not in answer.text.lower()


# -- MEDIUM 6: query and path values never shown -----------------------------------------
def test_query_and_path_values_are_never_shown(server: LiveServer) -> None:
    json_body = {"content-type": "application/json"}
    with server.client(MANAGER) as manager:
        answers = [
            ("/journal/export", manager.get("/journal/export", params={"since": PHONE})),
            ("/journal/export", manager.get("/journal/export", params={"until": PHONE})),
            ("/check", manager.post("/check?as_of=" + PHONE, content="{}", headers=json_body)),
            ("/reports/{month}", manager.get(f"/reports/{PHONE}")),
            ("/procedures/{id}", manager.get(f"/procedures/{EMAIL}")),
        ]
        nowhere = manager.get(f"/{EMAIL}")
    for route, answer in answers:
        assert answer.status_code in (400, 404), answer.text
        assert PHONE not in answer.text
        assert EMAIL not in answer.text
        assert answer.json()["instance"] == route  # the route, not the path as sent
    assert answers[0][1].json()["errors"] == [
        {"field": "since", "detail": "expected a date YYYY-MM-DD"}
    ]
    problem = problem_of(nowhere, 404, "not-found")
    assert EMAIL not in nowhere.text
    assert "instance" not in problem  # no route: nothing to name


# -- LOW ---------------------------------------------------------------------------------
def test_a_month_out_of_range_is_not_said_malformed(server: LiveServer) -> None:
    with server.client(MANAGER) as manager:
        far = problem_of(manager.get("/reports/9999-01"), 404, "not-found")
        bad = problem_of(manager.get("/reports/2026-13"), 404, "not-found")
    assert far["detail"] == "Mois hors des dates acceptées (de 1900-01 à 9998-12)."
    assert bad["detail"] == "Mois attendu sous la forme AAAA-MM."


FAULT = """
import mfs_core.serve.app as app

async def plugins(request):
    raise ValueError("a fault")

app.HANDLERS[("/plugins", "get")] = plugins
"""
ORIGIN = "https://app.example"


@pytest.fixture(scope="module")
def small_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """A server with CORS on, JSON-lines bodies of at most 1,500 bytes, and a fault."""
    with live_server(
        tmp_path_factory.mktemp("small"),
        prelude=FAULT,
        MFS_API_CORS_ORIGINS=ORIGIN,
        MFS_API_MAX_BODY_BYTES="1500",
    ) as running:
        yield running


def test_limits_are_written_as_french_numbers(small_server: LiveServer) -> None:
    with small_server.client(AGENT) as agent:
        stream = agent.post("/route/batch", content=b"{}\n" * 600, headers=NDJSON)
    assert problem_of(stream, 413, "too-large")["detail"] == (
        "Le corps de la requête dépasse 1\N{NARROW NO-BREAK SPACE}500 octets."
    )


def test_a_first_line_over_1_mib_names_the_line_limit(client: httpx.Client) -> None:
    body = b"[" + b" " * (1024 * 1024) + b"]\n{}\n"
    answer = client.post("/route/batch", content=body, headers=NDJSON)
    problem = problem_of(answer, 413, "too-large")
    # Its first line is over the limit of a single document, not the body over its own.
    assert problem["detail"] == "La première ligne du corps (un document JSON) dépasse 1 Mio."


def test_every_error_carries_the_cors_headers(small_server: LiveServer) -> None:
    origin = {"origin": ORIGIN}
    with small_server.client() as client:
        answers = [
            client.get("/plugins", headers=origin),  # 500, answered outside the CORS middleware
            client.get("/journal/export", headers=origin),  # 401
            client.get("/procedures/cnam.nope", headers=origin),  # 404
            client.post("/route", content="x", headers={**origin, "content-type": "text/plain"}),
        ]
    assert [a.status_code for a in answers] == [500, 401, 404, 415]
    for answer in answers:
        assert answer.headers["access-control-allow-origin"] == ORIGIN, answer.status_code
        assert "Origin" in answer.headers["vary"], answer.status_code
