"""The OpenAPI 3.1 document of the HTTP service, built from the JSON Schemas the CLI's
``--format json`` follows (``mfs_core/schemas/*.schema.json``) and the operations below.

The document is generated, never edited: ``mfs serve --print-openapi > docs/openapi.json``
writes the committed copy, and a test fails when it is not current. :data:`OPERATIONS`
lists every route the application serves (the application refuses to start otherwise).
"""

from __future__ import annotations

import copy
import json
from importlib import resources
from typing import Any

from mfs_core import __version__
from mfs_core.serve.problems import KINDS, PROBLEM_BASE, PROBLEM_TYPE

#: The highest request number a recognition or a decision carries: the requests answered
#: one by one (``mfs_core.recognition.ranking.MAX_REQUESTS``, not imported here to keep
#: this module light; tests/test_recognition_requests.py holds the two together).
_REQUESTS = 8

__all__ = ["OPERATIONS", "openapi_document", "query_names"]

#: Schema file -> component name; the file's ``$defs`` become ``<name>_<def>``.
SCHEMA_FILES = {
    "request.schema.json": "Request",
    "context.schema.json": "SiteContext",
    "decision.schema.json": "Decision",
    "procedures.schema.json": "ProceduresDocument",
    "check.schema.json": "CheckReport",
    "site.schema.json": "Site",
}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _rewrite(node: Any, prefix: str) -> Any:
    """Point a schema's ``#/$defs/X`` references at ``#/components/schemas/<prefix>_X``."""
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and value.startswith("#/$defs/"):
                out[key] = f"#/components/schemas/{prefix}_{value[len('#/$defs/') :]}"
            elif key in ("$schema", "$id", "$defs"):
                continue
            else:
                out[key] = _rewrite(value, prefix)
        return out
    if isinstance(node, list):
        return [_rewrite(item, prefix) for item in node]
    return node


def _file_schemas() -> dict[str, Any]:
    schemas: dict[str, Any] = {}
    folder = resources.files("mfs_core") / "schemas"
    for filename, name in SCHEMA_FILES.items():
        schema = json.loads((folder / filename).read_text("utf-8"))
        for def_name, definition in schema.get("$defs", {}).items():
            schemas[f"{name}_{def_name}"] = _rewrite(definition, name)
        schemas[name] = _rewrite(schema, name)
    # A single procedure (GET /procedures/{id}) is an item of the procedures document.
    schemas["Procedure"] = _ref("ProceduresDocument_procedure")
    return schemas


_STRING = {"type": "string"}
_COUNT = {"type": "integer", "minimum": 0}
_NULLABLE_STRING = {"type": ["string", "null"]}

#: Schemas of the documents that have no schema file (their fields mirror the library's).
EXTRA_SCHEMAS: dict[str, Any] = {
    "Problem": {
        "description": "RFC 9457 problem details; title and detail in French.",
        "type": "object",
        "required": ["type", "title", "status", "detail"],
        "properties": {
            "type": {"type": "string", "format": "uri"},
            "title": _STRING,
            "status": {"type": "integer"},
            "detail": _STRING,
            "instance": {
                "type": "string",
                "description": "the template of the route that answered (/procedures/{id}), "
                "never the path as sent; absent when no route matched",
            },
            "errors": {
                "type": "array",
                "description": "the problems found, the first 100 of them",
                "maxItems": 100,
                "items": {
                    "type": "object",
                    "required": ["detail"],
                    "properties": {
                        "line": {"type": "integer", "description": "line of a JSON-lines body"},
                        "index": {"type": "integer", "description": "index in a JSON array"},
                        "field": {
                            "type": "string",
                            "description": "field path, e.g. agents[1].name",
                        },
                        "detail": {"type": "string", "description": "the library's message"},
                    },
                },
            },
            "errors_total": {
                "type": "integer",
                "minimum": 101,
                "description": "how many problems were found, when errors lists only the first 100",
            },
        },
    },
    "RouteInput": {
        "description": "A routing request, or a request with its site context.",
        "oneOf": [
            _ref("Request"),
            {
                "type": "object",
                "additionalProperties": False,
                "required": ["request"],
                "properties": {
                    "request": _ref("Request"),
                    "context": {"oneOf": [_ref("SiteContext"), {"type": "null"}]},
                },
            },
        ],
    },
    "BatchLine": {
        "description": "One line of POST /route/batch's answer: a decision with its input "
        "line, or the problem of a bad line.",
        "oneOf": [
            {"allOf": [_ref("Decision")], "properties": {"line": {"type": "integer"}}},
            {
                "type": "object",
                "required": ["problem"],
                "properties": {"line": {"type": "integer"}, "problem": _ref("Problem")},
            },
        ],
    },
    "Health": {
        "type": "object",
        "required": ["status", "plugins", "procedures", "faults"],
        "properties": {
            "status": {"const": "ok"},
            "plugins": _COUNT,
            "procedures": _COUNT,
            "faults": _COUNT,
        },
    },
    "Ready": {
        "type": "object",
        "required": ["status"],
        "properties": {"status": {"const": "ready"}},
    },
    "PluginsDocument": {
        "type": "object",
        "required": ["plugins", "warnings"],
        "properties": {
            "plugins": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["name", "distribution", "version", "builtin", "loaded"],
                    "properties": {
                        "name": _STRING,
                        "distribution": _STRING,
                        "version": _STRING,
                        "builtin": {"type": "boolean"},
                        "loaded": {"type": "boolean"},
                        "partners": _COUNT,
                        "procedures": _COUNT,
                        "referral_rules": _COUNT,
                        "checks": _COUNT,
                        "errors": {"type": "array", "items": _STRING},
                    },
                },
            },
            "warnings": {"type": "array", "items": _STRING},
        },
    },
    "RecognitionDocument": {
        "type": "object",
        "required": [
            "schema_version",
            "level",
            "chosen",
            "several",
            "partner_only",
            "requests",
            "answers",
            "withheld",
            "candidates",
        ],
        "properties": {
            "schema_version": {"const": 2},
            "level": {"enum": ["confident", "ambiguous", "weak", "none"]},
            "chosen": _COUNT,
            "several": {
                "type": "boolean",
                "description": "the need joins several requests: the chosen candidates "
                "answer them, request after request in the order said, each with its "
                "`request` number; `answers` says what each request found (since schema "
                "version 2; per request since issue-14aj)",
            },
            "partner_only": {
                "type": ["string", "null"],
                "description": "the partner code when the need names only a partner: the "
                "candidates are its most general procedures, score and confidence 0 (since "
                "schema version 2)",
            },
            "requests": {
                **_COUNT,
                "description": "when several: how many requests the need was read as, more "
                "than chosen when some are not listed; else 0 (added within schema version 2, "
                "issue-14ai)",
            },
            "answers": {
                "type": "array",
                "description": "when several: what each request found alone, in the order "
                "said; its candidates carry its number in `request`; else empty (added "
                "within schema version 2, issue-14aj)",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["request", "level", "chosen", "withheld"],
                    "properties": {
                        "request": {"type": "integer", "minimum": 1, "maximum": _REQUESTS},
                        "level": {
                            "enum": ["confident", "ambiguous", "weak", "none"],
                            "description": "the request's own outcome: a claim, a question "
                            "among its candidates, suggestions, or nothing",
                        },
                        "chosen": {
                            **_COUNT,
                            "description": "how many candidates answer it (0: nothing "
                            "recognised for it)",
                        },
                        "withheld": {
                            "type": ["string", "null"],
                            "enum": ["words", None],
                            "description": "why a weak request whose best candidate "
                            "explains enough of it to be claimed only suggests it, as "
                            "`withheld` says it of a need read alone (words); else null "
                            "(added within schema version 2, issue-14be)",
                        },
                    },
                },
            },
            "withheld": {
                "type": ["string", "null"],
                "enum": ["account", "words", "requests", None],
                "description": "why a weak recognition whose best candidate explains enough "
                "of the need to be claimed only suggests it: one sentence of a long account "
                "claims it and the whole names nothing (account), the need's words reach "
                "it without naming it (words), or they belong to two of the requests the "
                "need lists and none reaches it alone (requests, issue-14be); else null "
                "(added within schema version 2, issue-14bc)",
            },
            "candidates": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["procedure", "partner", "title", "score", "confidence"],
                    "properties": {
                        "procedure": _STRING,
                        "partner": _STRING,
                        "title": _STRING,
                        "score": {"type": "number"},
                        "confidence": {"type": "number", "minimum": 0, "maximum": 1},
                        "matched": {"type": "array", "items": _STRING},
                        "placed": {
                            "type": ["string", "null"],
                            "enum": [
                                "subject",
                                "head",
                                "twins",
                                "asked",
                                "requests",
                                "described",
                                "question",
                                "action",
                                None,
                            ],
                            "description": "why a rule lists the candidate above one of "
                            "higher score (that one's title subject is not said by the "
                            "need; the head of the need's noun phrase reaches it; twins of "
                            "one fiche asked together; a candidate of the clarify question; "
                            "the candidates of each request, in the order said; among "
                            "suggestions, its fiche's official summary says more of the "
                            "need's words, since issue-14ae; the need is one of its fiche's "
                            "question titles said whole, since issue-14bl; among "
                            "suggestions, the need names the action its title names, "
                            "since stop 40); null when its "
                            "place follows "
                            "the scores (since issue-14ab)",
                        },
                        "request": {
                            "type": ["integer", "null"],
                            "minimum": 1,
                            "maximum": _REQUESTS,
                            "description": "when several: the number of the request it "
                            "answers (from 1, in the order said; at most the requests "
                            "answered one by one); null for the whole need's "
                            "other candidates (since issue-14aj)",
                        },
                    },
                },
            },
        },
    },
    "ProcedureSearch": {
        "description": "The procedures document ranked by need recognition (q=), with what "
        "recognition concluded.",
        "type": "object",
        "additionalProperties": False,
        "required": ["schema_version", "procedures", "recognition"],
        "properties": {
            "schema_version": {"const": 1},
            "procedures": {"type": "array", "items": _ref("Procedure")},
            "recognition": _ref("RecognitionDocument"),
        },
    },
    "RecogniseInput": {
        "type": "object",
        "additionalProperties": False,
        "required": ["need"],
        "properties": {
            "need": {"type": "string", "minLength": 1, "maxLength": 2000},
            "thematique": _STRING,
            "limit": {"type": "integer", "minimum": 1, "maximum": 20, "default": 5},
        },
    },
    "JournalRecords": {
        "oneOf": [
            _ref("JournalRequest"),
            _ref("JournalEvent"),
            {"type": "array", "items": {"oneOf": [_ref("JournalRequest"), _ref("JournalEvent")]}},
        ]
    },
    "WriteResult": {
        "type": "object",
        "required": ["recorded", "already_present", "conflicting", "redactions"],
        "properties": {
            "recorded": _COUNT,
            "already_present": _COUNT,
            "conflicting": {
                **_COUNT,
                "description": "records whose id the journal holds with other content: not "
                "recorded (named in a 422's errors; 0 in a 200)",
            },
            "redactions": {"type": "object", "additionalProperties": {"type": "integer"}},
        },
    },
    "MonthlyReport": {
        "description": "The JSON of mfs report --format json (docs/report.md).",
        "type": "object",
    },
}


def _journal_schemas() -> dict[str, Any]:
    """The journal's records, from the constants the journal checks them with
    (:mod:`mfs_core.journal.records`): unknown keys, channels, ids and codes the server
    refuses, the schema refuses too (tests/serve/test_openapi.py posts both kinds)."""
    from mfs_core.journal.records import (
        MAX_NOTE_LENGTH,
        MAX_RESIDENT_LENGTH,
        RECORD_ID_PATTERN,
        RULE_ID_PATTERN,
        THEMATIQUE_PATTERN,
        Autonomy,
        EventKind,
        Outcome,
        RoutingDecision,
    )
    from mfs_core.model import PARTNER_CODE_PATTERN, PROCEDURE_ID_PATTERN, Channel, ReferralTarget

    def pattern(regex: Any) -> dict[str, str]:
        return {"type": "string", "pattern": regex.pattern}

    def values(kind: Any) -> dict[str, list[str]]:
        return {"enum": [member.value for member in kind]}

    def when() -> dict[str, str]:
        return {"type": "string", "format": "date-time"}

    record_id = pattern(RECORD_ID_PATTERN)
    return {
        "JournalRequest": {
            "description": "A request to record (the JSONL contract of mfs journal add); note "
            "redacted and resident pseudonymised before storage. procedure or thematique "
            "(or both) says what it was about.",
            "type": "object",
            "required": ["id", "received_at", "channel", "outcome"],
            "anyOf": [{"required": ["procedure"]}, {"required": ["thematique"]}],
            "additionalProperties": False,
            "properties": {
                "id": record_id,
                "received_at": when(),
                "channel": values(Channel),
                "outcome": values(Outcome),
                "procedure": pattern(PROCEDURE_ID_PATTERN),
                "thematique": pattern(THEMATIQUE_PATTERN),
                "partner": pattern(PARTNER_CODE_PATTERN),
                "autonomy": values(Autonomy),
                "note": {"type": "string", "maxLength": MAX_NOTE_LENGTH},
                "resident": {"type": "string", "minLength": 1, "maxLength": MAX_RESIDENT_LENGTH},
                "decision": values(RoutingDecision),
                "decision_rule": pattern(RULE_ID_PATTERN),
                "referral_target": values(ReferralTarget),
            },
        },
        "JournalEvent": {
            "description": "A follow-up of an earlier request.",
            "type": "object",
            "required": ["id", "event", "request_id", "occurred_at"],
            "additionalProperties": False,
            "properties": {
                "id": record_id,
                "event": values(EventKind),
                "request_id": record_id,
                "occurred_at": when(),
                "reason": {"type": "string", "maxLength": MAX_NOTE_LENGTH},
            },
        },
    }


def _problem(status: int) -> str:
    return f"Problem{status}"


def _responses(ok: dict[str, Any], *errors: int) -> dict[str, Any]:
    responses = {"200": ok}
    # 400 on every route: a query parameter the operation does not list, or one given twice.
    # 408 wherever a body is read (413: its size is limited, 408: its arrival in time).
    for status in sorted({400, *errors, *((408,) if 413 in errors else ()), 500}):
        responses[str(status)] = {"$ref": f"#/components/responses/{_problem(status)}"}
    return responses


def _json(schema: dict[str, Any], description: str, media: str = "application/json") -> Any:
    return {"description": description, "content": {media: {"schema": schema}}}


def _query(name: str, description: str, schema: dict[str, Any] | None = None) -> Any:
    return {"name": name, "in": "query", "required": False, "description": description,
            "schema": schema or _STRING}  # fmt: skip


def _path(name: str, description: str, schema: dict[str, Any] | None = None) -> Any:
    return {"name": name, "in": "path", "required": True, "description": description,
            "schema": schema or _STRING}  # fmt: skip


_EXPLAIN = _query(
    "explain", "list every rule considered, not only the deciding one", {"type": "boolean"}
)
_TEXT = {"type": "string"}
_READ: list[dict[str, list[str]]] = [
    {},
    {"bearer": []},
]  # open where reading is open, else any token
#: The desk's HTML pages: also HTTP Basic (the token as the password), for browsers
#: without JavaScript.
_READ_PAGE: list[dict[str, list[str]]] = [{}, {"bearer": []}, {"basic": []}]
_AGENT: list[dict[str, list[str]]] = [{"bearer": []}]
_MANAGER: list[dict[str, list[str]]] = [{"bearer": []}]

#: (path, method) -> operation. Every route of the application, and only those.
OPERATIONS: dict[tuple[str, str], dict[str, Any]] = {
    ("/health", "get"): {
        "operationId": "health",
        "summary": "200 once the plugins are loaded",
        "security": [{}],
        "responses": _responses(_json(_ref("Health"), "the service is up")),
    },
    ("/ready", "get"): {
        "operationId": "ready",
        "summary": "Readiness: 200 when the journal opens and reads, else 503 (/health: "
        "liveness, never touches the journal)",
        "security": [{}],
        "responses": _responses(_json(_ref("Ready"), "the service can serve the journal"), 503),
    },
    ("/plugins", "get"): {
        "operationId": "listPlugins",
        "summary": "The loaded plugins, what each contributes, load errors (mfs plugins)",
        "security": _READ,
        "responses": _responses(_json(_ref("PluginsDocument"), "the plugins"), 401),
    },
    ("/procedures", "get"): {
        "operationId": "listProcedures",
        "summary": "The procedures (mfs procedures); with q=, ranked by need recognition",
        "security": _READ,
        "parameters": [
            _query("partner", "only this partner's procedures"),
            _query("q", "a need in the resident's words (at most 2,000 characters)"),
            _query(
                "thematique",
                "with q: a data·inclusion thematique code that favours its procedures, "
                "checked as POST /recognise checks it",
            ),
            _query("limit", "with q: candidates kept (1-20, default 5)", {"type": "integer"}),
        ],
        "responses": _responses(
            _json({"oneOf": [_ref("ProceduresDocument"), _ref("ProcedureSearch")]}, "procedures"),
            400,
            401,
        ),
    },
    ("/procedures/{id}", "get"): {
        "operationId": "getProcedure",
        "summary": "One procedure",
        "security": _READ,
        "parameters": [_path("id", "procedure id, e.g. dgfip.declaration-revenus")],
        "responses": _responses(_json(_ref("Procedure"), "the procedure"), 401, 404),
    },
    ("/procedures/{id}/sheet", "get"): {
        "operationId": "getSheet",
        "summary": "The take-home sheet of a procedure (one A4 page, HTML or PDF)",
        "security": _READ_PAGE,
        "parameters": [
            _path("id", "procedure id"),
            _query("format", "html or pdf (else from Accept)", {"enum": ["html", "pdf"]}),
        ],
        "responses": _responses(
            {
                "description": "the sheet",
                "content": {
                    "text/html": {"schema": _TEXT},
                    "application/pdf": {
                        "schema": {"type": "string", "contentMediaType": "application/pdf"}
                    },
                },
            },
            400,
            401,
            404,
            406,
        ),
    },
    ("/recognise", "post"): {
        "operationId": "recognise",
        "summary": "Rank the procedures a need is about (mfs recognise); never stored",
        "security": _READ,
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": _ref("RecogniseInput")}},
        },
        "responses": _responses(
            _json(_ref("RecognitionDocument"), "the candidates"), 400, 401, 413, 415, 422
        ),
    },
    ("/route", "post"): {
        "operationId": "route",
        "summary": "Decide what happens to one request, with the trace (mfs route)",
        "security": _READ,
        "parameters": [_EXPLAIN],
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": _ref("RouteInput")}},
        },
        "responses": _responses(_json(_ref("Decision"), "the decision"), 400, 401, 413, 415, 422),
    },
    ("/route/batch", "post"): {
        "operationId": "routeBatch",
        "summary": "JSON lines of routing inputs in, JSON lines of decisions out, streamed",
        "security": _READ,
        "parameters": [_EXPLAIN],
        "requestBody": {
            "required": True,
            "content": {
                media: {"schema": _ref("RouteInput")}
                for media in ("application/x-ndjson", "application/jsonl")
            }
            | {
                "application/json": {
                    "schema": {
                        "description": "one routing input, an array of them, or JSON lines",
                        "oneOf": [
                            _ref("RouteInput"),
                            {"type": "array", "items": _ref("RouteInput")},
                        ],
                    },
                }
            },
        },
        "responses": _responses(
            _json(_ref("BatchLine"), "one line per input line", "application/x-ndjson"),
            400,
            401,
            413,
            415,
        ),
    },
    ("/check", "post"): {
        "operationId": "checkSite",
        "summary": "Check a site file against the label (mfs check); Accept chooses the format",
        "security": _READ,
        "parameters": [
            _query(
                "as_of",
                "evaluation date (default: today in Paris)",
                {"type": "string", "format": "date"},
            ),
            _query(
                "hours_scope",
                "structure or each-location",
                {"enum": ["structure", "each-location"]},
            ),
            _query(
                "format",
                "json, sarif, junit, markdown or text",
                {"enum": ["json", "sarif", "junit", "markdown", "text"]},
            ),
        ],
        "requestBody": {
            "required": True,
            "content": {
                "application/toml": {"schema": _TEXT},
                "application/json": {"schema": _ref("Site")},
            },
        },
        "responses": _responses(
            {
                "description": "the report (findings are data: 200 whatever they are)",
                "content": {
                    "application/json": {"schema": _ref("CheckReport")},
                    "application/sarif+json": {"schema": {"type": "object"}},
                    "application/xml": {"schema": _TEXT},
                    "text/markdown": {"schema": _TEXT},
                    "text/plain": {"schema": _TEXT},
                },
            },
            400,
            401,
            406,
            413,
            415,
            422,
        ),
    },
    ("/journal/records", "post"): {
        "operationId": "recordJournal",
        "summary": "Record requests and follow-ups (role agent); idempotent ids",
        "security": _AGENT,
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": _ref("JournalRecords")},
                **{
                    media: {"schema": {"oneOf": [_ref("JournalRequest"), _ref("JournalEvent")]}}
                    for media in ("application/x-ndjson", "application/jsonl")
                },
            },
        },
        "responses": _responses(
            _json(_ref("WriteResult"), "every record taken"), 400, 401, 403, 413, 415, 422, 503
        ),
    },
    ("/journal/export", "get"): {
        "operationId": "exportJournal",
        "summary": "The journal as JSON lines or CSV, streamed (role manager)",
        "security": _MANAGER,
        "parameters": [
            _query(
                "since", "requests received from this day", {"type": "string", "format": "date"}
            ),
            _query(
                "until",
                "requests received before this day (excluded): after since, else 400",
                {"type": "string", "format": "date"},
            ),
            _query("format", "jsonl or csv (else from Accept)", {"enum": ["jsonl", "csv"]}),
        ],
        "responses": _responses(
            {
                "description": "requests, then follow-up events",
                "content": {
                    "application/x-ndjson": {"schema": {"type": "object"}},
                    "text/csv": {"schema": _TEXT},
                },
            },
            400,
            401,
            403,
            406,
            503,
        ),
    },
    ("/reports/{month}", "get"): {
        "operationId": "monthlyReport",
        "summary": "The monthly activity report (role manager): JSON, CSV or HTML",
        "security": _MANAGER,
        "parameters": [
            _path("month", "YYYY-MM", {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$"}),
            _query(
                "format", "json, csv or html (else from Accept)", {"enum": ["json", "csv", "html"]}
            ),
        ],
        "responses": _responses(
            {
                "description": "the report",
                "content": {
                    "application/json": {"schema": _ref("MonthlyReport")},
                    "text/csv": {"schema": _TEXT},
                    "text/html": {"schema": _TEXT},
                },
            },
            400,
            401,
            403,
            404,
            406,
            503,
        ),
    },
    ("/", "get"): {
        "operationId": "deskPage",
        "summary": "The desk page for the agent (French HTML, works without JavaScript)",
        "security": _READ_PAGE,
        "parameters": [
            _query(
                "enregistre",
                "after recording: the record id to confirm (desk- and 32 hex digits)",
            )
        ],
        "responses": _responses(
            {"description": "the page", "content": {"text/html": {"schema": _TEXT}}}, 401
        ),
    },
    ("/desk", "post"): {
        "operationId": "deskRoute",
        "summary": "The desk page's form: what the resident says → the answer page",
        "security": _READ_PAGE,
        "requestBody": {
            "required": True,
            "content": {"application/x-www-form-urlencoded": {"schema": {"type": "object"}}},
        },
        "responses": _responses(
            {
                "description": "the page with the answer",
                "content": {"text/html": {"schema": _TEXT}},
            },
            400,
            401,
            413,
            415,
        )
        | {
            "422": {
                "description": "the page again, the error written next to the empty or too "
                "long need; a problem for another wrong field (an unknown channel)",
                "content": {
                    "text/html": {"schema": _TEXT},
                    PROBLEM_TYPE: {"schema": _ref("Problem")},
                },
            }
        },
    },
    ("/desk/record", "post"): {
        "operationId": "deskRecord",
        "summary": "The desk page's record button (role agent, HTTP Basic: the token as password)",
        "security": [{"basic": []}, {"bearer": []}],
        "requestBody": {
            "required": True,
            "content": {"application/x-www-form-urlencoded": {"schema": {"type": "object"}}},
        },
        "responses": {
            "303": {"description": "recorded: back to the desk page"},
            **{
                k: v
                for k, v in _responses(
                    {"description": "unused"}, 400, 401, 403, 413, 415, 422, 503
                ).items()
                if k != "200"
            },
        },
    },
    ("/openapi.json", "get"): {
        "operationId": "openapi",
        "summary": "This document",
        "security": [{}],
        "responses": _responses(_json({"type": "object"}, "the OpenAPI 3.1 document")),
    },
}


def query_names(path: str, method: str) -> tuple[str, ...]:
    """The query parameters the operation ``(path, method)`` lists: the only ones the
    service accepts on that route."""
    parameters = OPERATIONS[(path, method)].get("parameters", [])
    return tuple(p["name"] for p in parameters if p["in"] == "query")


def openapi_document() -> dict[str, Any]:
    """The OpenAPI 3.1 document (a fresh copy each call)."""
    paths: dict[str, dict[str, Any]] = {}
    for (path, method), operation in OPERATIONS.items():
        paths.setdefault(path, {})[method] = copy.deepcopy(operation)
    statuses = sorted({status for status, _ in KINDS.values()})
    problem_responses = {
        _problem(status): {
            "description": ", ".join(
                f"{title} ({PROBLEM_BASE}{slug})"
                for slug, (s, title) in KINDS.items()
                if s == status
            ),
            "content": {PROBLEM_TYPE: {"schema": _ref("Problem")}},
        }
        for status in statuses
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "mfs-core HTTP service",
            "version": __version__,
            "summary": "France services: procedures, routing, label compliance, journal.",
            "description": "The same functions and JSON as the mfs command, for software in "
            "any language. Errors are RFC 9457 problem details with a French title and "
            "detail. See docs/http.md.",
            "license": {"name": "MIT", "identifier": "MIT"},
        },
        "servers": [{"url": "http://127.0.0.1:8000", "description": "mfs serve (default)"}],
        "paths": dict(sorted(paths.items())),
        "components": {
            "schemas": dict(
                sorted({**_file_schemas(), **EXTRA_SCHEMAS, **_journal_schemas()}.items())
            ),
            "responses": problem_responses,
            "securitySchemes": {
                "bearer": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "a token of MFS_API_TOKENS (SITE:ROLE:TOKEN)",
                },
                "basic": {
                    "type": "http",
                    "scheme": "basic",
                    "description": "the desk page: any user name, the token as the password",
                },
            },
        },
    }
