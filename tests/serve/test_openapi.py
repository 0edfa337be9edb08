"""The OpenAPI document: valid OpenAPI 3.1, current (the committed copy is what the code
generates), listing every route the application serves, served at /openapi.json, and its
schemas true to what the service answers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from openapi_spec_validator import validate

from mfs_core.serve.app import HANDLERS, _routes
from mfs_core.serve.openapi import openapi_document

from .live import AGENT, LiveServer

COMMITTED = Path(__file__).resolve().parents[2] / "docs" / "openapi.json"


def test_document_is_valid_openapi_31() -> None:
    document = openapi_document()
    assert document["openapi"].startswith("3.1")
    validate(document)


def test_committed_document_is_current() -> None:
    expected = json.dumps(openapi_document(), ensure_ascii=False, indent=2) + "\n"
    assert COMMITTED.read_text("utf-8") == expected, (
        "docs/openapi.json is stale: mfs serve --print-openapi > docs/openapi.json"
    )


def test_every_route_is_documented() -> None:
    served = {
        (route.path, method.lower())
        for route in _routes()
        for method in (route.methods or ())
        if method != "HEAD"
    }
    documented = {
        (path, method)
        for path, operations in openapi_document()["paths"].items()
        for method in operations
    }
    assert served == documented == set(HANDLERS)


def test_served_document(server: LiveServer) -> None:
    with server.client() as client:
        assert client.get("/openapi.json").json() == openapi_document()


def _validator(name: str) -> jsonschema.Draft202012Validator:
    """A validator of the component ``name``, its references resolved in the document."""
    document = openapi_document()
    schema = {"$ref": f"#/components/schemas/{name}", "components": document["components"]}
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize(
    ("method", "path", "body", "component"),
    [
        ("get", "/health", None, "Health"),
        ("get", "/plugins", None, "PluginsDocument"),
        ("get", "/procedures", None, "ProceduresDocument"),
        ("get", "/procedures?q=carte+vitale", None, "ProcedureSearch"),
        ("get", "/procedures/cnam.carte-vitale", None, "Procedure"),
        ("post", "/recognise", {"need": "carte vitale"}, "RecognitionDocument"),
        (
            "post",
            "/route",
            {"need": "impôts", "channel": "phone", "wants_autonomy": False},
            "Decision",
        ),
        ("post", "/route", {"channel": 1}, "Problem"),
    ],
)
def test_answers_follow_their_schemas(
    server: LiveServer, method: str, path: str, body: object, component: str
) -> None:
    with server.client() as client:
        answer = client.request(method, path, json=body)
    _validator(component).validate(answer.json())


# The journal's records (review 16c): the schemas are as strict as the server.
GOOD_RECORD = {"received_at": "2026-11-02T10:00:00+01:00", "channel": "counter",
               "outcome": "resolved_first_contact", "procedure": "cnam.carte-vitale"}  # fmt: skip
#: (the server takes it, the record's changes from GOOD_RECORD); None removes the key.
RECORDS: list[tuple[bool, dict[str, Any]]] = [
    (True, {}),
    (True, {"procedure": None, "thematique": "famille--garde-denfants"}),
    (True, {"id": "r-16c", "outcome": "appointment"}),  # followed up below
    (False, {"procedure": None}),  # neither procedure nor thematique
    (False, {"colour": "blue"}),  # an unknown key
    (False, {"channel": "fax"}),
    (False, {"channel": "online "}),
    (False, {"procedure": "Jean Dupont"}),
    (False, {"procedure": "cnam-carte-vitale"}),
    (False, {"thematique": "Famille"}),
    (False, {"partner": "CNAM"}),
    (False, {"referral_target": "guichet"}),
    (False, {"id": "r 16c"}),
]
EVENT = {"id": "ev-16c-1", "event": "appointment_held", "request_id": "r-16c",
         "occurred_at": "2026-11-03T10:00:00+01:00"}  # fmt: skip
EVENTS: list[tuple[bool, dict[str, Any]]] = [
    (False, {**EVENT, "colour": "blue"}),
    (False, {**EVENT, "id": "ev 16c"}),
    (False, {**EVENT, "event": "appointment_missed"}),
    (True, EVENT),
]


def test_the_journal_schemas_refuse_what_the_server_refuses(server: LiveServer) -> None:
    """Each record alone: the server's answer (200 or 422) is the schema's verdict, and
    the answer follows its own schema."""
    records = _validator("JournalRecords")
    bodies = []
    for n, (good, change) in enumerate(RECORDS):
        record = {"id": f"oa-16c-{n}", **GOOD_RECORD, **change}
        bodies.append((good, {k: v for k, v in record.items() if v is not None}))
    with server.client(AGENT) as agent:
        for good, body in bodies + EVENTS:
            answer = agent.post("/journal/records", json=body)
            assert answer.status_code == (200 if good else 422), (body, answer.text)
            assert records.is_valid(body) is good, body
            _validator("WriteResult" if good else "Problem").validate(answer.json())
