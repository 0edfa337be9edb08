"""The OpenAPI document: valid OpenAPI 3.1, current (the committed copy is what the code
generates), listing every route the application serves, served at /openapi.json, and its
schemas true to what the service answers."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from openapi_spec_validator import validate

from mfs_core.serve.app import HANDLERS, _routes
from mfs_core.serve.openapi import openapi_document

from .live import LiveServer

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
