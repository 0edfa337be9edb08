"""The JSON API through a real HTTP client against a running ``mfs serve``: every read
endpoint gives the JSON of the CLI's ``--format json``, and every error path answers an
RFC 9457 problem in French."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from mfs_core.cli import main

from .live import LiveServer

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "docs" / "examples" / "routing"
SITES = ROOT / "examples" / "sites"
PROBLEM = "application/problem+json"


def cli_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    code = main(list(argv))
    out = capsys.readouterr().out
    assert code in (0, 1), out
    return json.loads(out)


def assert_problem(response: httpx.Response, status: int, slug: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    problem: dict[str, Any] = response.json()
    assert problem["type"].endswith(f"/problems/{slug}")
    assert problem["status"] == status
    assert problem["title"]
    assert problem["detail"]
    return problem


@pytest.fixture(scope="module")
def client(server: LiveServer) -> Iterator[httpx.Client]:
    with server.client() as opened:
        yield opened


# -- service ------------------------------------------------------------------------------
def test_health_once_plugins_are_loaded(client: httpx.Client) -> None:
    response = client.get("/health")
    assert response.status_code == 200
    health = response.json()
    assert health["status"] == "ok"
    assert health["procedures"] > 50
    assert health["plugins"] >= 9  # the nine national partners at least


def test_every_response_carries_the_safety_headers(client: httpx.Client) -> None:
    for response in (client.get("/health"), client.get("/nowhere")):
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"
        assert "server" not in response.headers


def test_plugins_is_the_cli_document(
    client: httpx.Client, capsys: pytest.CaptureFixture[str]
) -> None:
    assert client.get("/plugins").json() == cli_json(capsys, "plugins", "--format", "json")


# -- catalogue ----------------------------------------------------------------------------
def test_procedures_is_the_cli_document(
    client: httpx.Client, capsys: pytest.CaptureFixture[str]
) -> None:
    assert client.get("/procedures").json() == cli_json(capsys, "procedures", "--format", "json")
    cnam = client.get("/procedures", params={"partner": "cnam"}).json()
    expected = cli_json(capsys, "procedures", "--partner", "cnam", "--format", "json")
    assert cnam == expected
    assert {p["partner"] for p in cnam["procedures"]} == {"cnam"}


def test_procedures_searched_by_need(
    client: httpx.Client, capsys: pytest.CaptureFixture[str]
) -> None:
    need = "j'ai perdu ma carte vitale"
    found = client.get("/procedures", params={"q": need, "limit": 3}).json()
    assert found["procedures"][0]["id"] == "cnam.carte-vitale"
    assert len(found["procedures"]) <= 3
    recognised = cli_json(capsys, "recognise", need, "--limit", "3", "--format", "json")
    assert found["recognition"] == recognised


def test_a_need_of_several_requests_reads_alike_everywhere(
    client: httpx.Client, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue-14aj. Before: no ``request`` on the candidates, and ``GET /procedures?q=``
    listed the first three candidates (all the first request's), not what the recognition
    document shows (review 14g's real phrasing, francetvinfo.fr 2019)."""
    need = "Déclarer ses impôts, réclamer une carte grise ou des allocations"
    answer = client.post("/recognise", json={"need": need, "limit": 3}).json()
    assert answer == cli_json(capsys, "recognise", need, "--limit", "3", "--format", "json")
    assert [c["request"] for c in answer["candidates"]] == [1, 1, 2]
    found = client.get("/procedures", params={"q": need, "limit": 3}).json()
    assert found["recognition"] == answer
    assert [p["id"] for p in found["procedures"]] == [c["procedure"] for c in answer["candidates"]]


def test_one_procedure_and_unknown_ids(client: httpx.Client) -> None:
    listed = client.get("/procedures").json()["procedures"]
    first = listed[0]
    assert client.get(f"/procedures/{first['id']}").json() == first
    problem = assert_problem(client.get("/procedures/cnam.nope"), 404, "not-found")
    assert problem["instance"] == "/procedures/{id}"  # the route, never the path as sent
    assert_problem(client.get("/procedures/cnam.nope/sheet"), 404, "not-found")


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"partner": "nope"}, "partner"),
        ({"q": ""}, "q"),
        ({"q": "x" * 2001}, "q"),
        ({"q": "impôts", "limit": "0"}, "limit"),
        ({"q": "impôts", "limit": "many"}, "limit"),
    ],
)
def test_bad_catalogue_queries(client: httpx.Client, params: dict[str, str], field: str) -> None:
    problem = assert_problem(client.get("/procedures", params=params), 400, "bad-request")
    assert problem["errors"][0]["field"] == field


def test_recognise_is_the_cli_document(
    client: httpx.Client, capsys: pytest.CaptureFixture[str]
) -> None:
    need = "je voudrais m'inscrire au chômage"
    answer = client.post("/recognise", json={"need": need, "limit": 4})
    assert answer.status_code == 200
    assert answer.json() == cli_json(capsys, "recognise", need, "--limit", "4", "--format", "json")
    assert_problem(client.post("/recognise", json={"need": "  "}), 422, "invalid-body")
    assert_problem(client.post("/recognise", json={"need": "x", "limit": 50}), 422, "invalid-body")
    assert_problem(client.post("/recognise", json={"nead": "x"}), 422, "invalid-body")


@pytest.mark.parametrize("need", [123, ["rsa"], {"text": "rsa"}])
def test_a_need_that_is_not_text_is_named_so(client: httpx.Client, need: object) -> None:
    # Was « Le besoin est vide. »
    problem = assert_problem(client.post("/recognise", json={"need": need}), 422, "invalid-body")
    assert problem["detail"] == "Le besoin doit être un texte."
    assert problem["errors"] == [{"field": "need", "detail": "expected a string"}]


def test_only_the_wrong_recognise_field_is_blamed(client: httpx.Client) -> None:
    body = {"need": "rsa", "limit": 0, "thematique": "famille--garde-denfants"}
    problem = assert_problem(client.post("/recognise", json=body), 422, "invalid-body")
    assert [e["field"] for e in problem["errors"]] == ["limit"]
    assert "thematique" not in problem["detail"]


def test_an_unknown_thematique_is_refused(client: httpx.Client) -> None:
    # A misspelt code used to favour no procedure, silently.
    body = {"need": "rsa", "thematique": "famille"}
    problem = assert_problem(client.post("/recognise", json=body), 422, "invalid-body")
    assert [e["field"] for e in problem["errors"]] == ["thematique"]


def test_a_need_of_zero_width_characters_is_empty(client: httpx.Client) -> None:
    problem = assert_problem(
        client.post("/recognise", json={"need": "\u200b\u200d"}), 422, "invalid-body"
    )
    assert problem["detail"] == "Le besoin est vide."


# -- routing ------------------------------------------------------------------------------
KINDS = ("answer_now", "appointment", "referral", "orientation", "clarify", "unknown")


@pytest.mark.parametrize("kind", KINDS)
def test_route_gives_the_cli_decision(
    client: httpx.Client, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    request = json.loads((EXAMPLES / f"{kind}.json").read_text("utf-8"))
    context = json.loads((EXAMPLES / "context.json").read_text("utf-8"))
    answer = client.post(
        "/route", params={"explain": "true"}, json={"request": request, "context": context}
    )
    assert answer.status_code == 200, answer.text
    decision = answer.json()
    assert decision["kind"] == kind
    assert len(decision["trace"]) >= 1
    expected = cli_json(
        capsys, "route", "--request", str(EXAMPLES / f"{kind}.json"),
        "--context", str(EXAMPLES / "context.json"), "--explain", "--format", "json",
    )  # fmt: skip
    assert decision == expected


def test_route_takes_a_bare_request(client: httpx.Client) -> None:
    request = {"procedure": "cnam.carte-vitale", "channel": "counter", "wants_autonomy": True}
    decision = client.post("/route", json=request).json()
    assert decision["procedure"] == "cnam.carte-vitale"
    assert decision["trace"][0]["rule"] == decision["rule"]


def test_route_batch_streams_jsonl_in_order(
    client: httpx.Client, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    lines = [
        '{"procedure": "cnam.carte-vitale", "channel": "counter", "wants_autonomy": false}',
        "{not json",
        '{"procedure": "cnam.carte-vitale", "channel": "fax", "wants_autonomy": false}',
        '{"need": "déclarer mes impôts", "channel": "phone", "wants_autonomy": true}',
    ]
    body = "\n".join(lines) + "\n"
    answer = client.post(
        "/route/batch", content=body, headers={"content-type": "application/x-ndjson"}
    )
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("application/x-ndjson")
    out = [json.loads(line) for line in answer.text.splitlines()]
    assert [o["line"] for o in out] == [1, 2, 3, 4]
    assert out[1]["problem"]["status"] == 422
    assert out[2]["problem"]["errors"][0]["field"] == "channel"
    good = tmp_path / "good.jsonl"
    good.write_text(f"{lines[0]}\n\n\n{lines[3]}\n", encoding="utf-8")
    code = main(["route", "--request", str(good), "--format", "jsonl"])
    assert code == 0
    cli = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [{**o, "line": None} for o in (out[0], out[3])] == [{**c, "line": None} for c in cli]


def test_route_batch_of_many_lines(client: httpx.Client) -> None:
    line = (
        '{"procedure": "dgfip.declaration-revenus", "channel": "counter", "wants_autonomy": false}'
    )
    answer = client.post(
        "/route/batch",
        content="\n".join([line] * 1000),
        headers={"content-type": "application/x-ndjson"},
    )
    out = answer.text.splitlines()
    assert len(out) == 1000
    assert json.loads(out[-1])["line"] == 1000


@pytest.mark.parametrize(
    ("body", "status", "slug"),
    [
        (b"", 400, "invalid-json"),
        (b"{", 400, "invalid-json"),
        (
            b'{"channel": "counter", "channel": "phone", "wants_autonomy": true}',
            400,
            "invalid-json",
        ),
        (b'{"procedure": NaN, "channel": "counter", "wants_autonomy": true}', 400, "invalid-json"),
        (b"\xff\xfe{}", 400, "invalid-json"),
        (b"[" * 100 + b"]" * 100, 400, "invalid-json"),
        (b"[1, 2]", 422, "invalid-body"),
        (b'{"channel": 3, "wants_autonomy": "yes"}', 422, "invalid-body"),
        (
            b'{"request": {"channel": "counter", "wants_autonomy": true, "procedure": "x.y"}, '
            b'"context": {"agents_on_duty": "two"}}',
            422,
            "invalid-body",
        ),
    ],
)
def test_route_errors(client: httpx.Client, body: bytes, status: int, slug: str) -> None:
    answer = client.post("/route", content=body, headers={"content-type": "application/json"})
    assert_problem(answer, status, slug)


def test_route_error_names_the_field(client: httpx.Client) -> None:
    wrapped = {"request": {"channel": "fax", "wants_autonomy": True, "need": "x"}}
    problem = assert_problem(client.post("/route", json=wrapped), 422, "invalid-body")
    assert problem["errors"][0]["field"] == "request.channel"
    assert "erreur" in problem["detail"]


def test_too_large_bodies_are_refused_unread(client: httpx.Client) -> None:
    big = b'{"need": "' + b"x" * (1024 * 1024 + 10) + b'"}'
    declared = client.post("/route", content=big, headers={"content-type": "application/json"})
    assert_problem(declared, 413, "too-large")

    def chunks() -> Any:  # no Content-Length: the limit stops the reading
        for _ in range(40):
            yield b"x" * 65536

    streamed = client.post("/route", content=chunks(), headers={"content-type": "application/json"})
    assert_problem(streamed, 413, "too-large")


def test_wrong_media_type_method_and_route(client: httpx.Client) -> None:
    answer = client.post("/route", content=b"{}", headers={"content-type": "text/plain"})
    assert_problem(answer, 415, "unsupported-media-type")
    problem = assert_problem(client.get("/route"), 405, "method-not-allowed")
    assert "POST" in problem["detail"]
    assert_problem(client.get("/nowhere"), 404, "not-found")
    assert_problem(client.post("/route", params={"explain": "maybe"}, json={}), 400, "bad-request")


# -- compliance ---------------------------------------------------------------------------
def _check_cli(capsys: pytest.CaptureFixture[str], site: Path, fmt: str) -> str:
    main(["check", str(site), "--as-of", "2026-01-15", "--format", fmt])
    return capsys.readouterr().out


def test_check_gives_the_cli_report(
    client: httpx.Client, capsys: pytest.CaptureFixture[str]
) -> None:
    for site in sorted(SITES.glob("*.toml")):
        answer = client.post(
            "/check",
            params={"as_of": "2026-01-15"},
            content=site.read_bytes(),
            headers={"content-type": "application/toml"},
        )
        assert answer.status_code == 200, answer.text
        report = answer.json()
        expected = json.loads(_check_cli(capsys, site, "json"))
        for document in (report, expected):
            for result in document["sites"]:
                result.pop("source")
        assert report == expected, site.name


def test_check_formats_follow_accept(
    client: httpx.Client, capsys: pytest.CaptureFixture[str]
) -> None:
    import xml.etree.ElementTree as ET

    site = SITES / "petite-mairie.toml"

    def post(accept: str | None = None, **params: str) -> httpx.Response:
        headers = {"content-type": "application/toml", **({"accept": accept} if accept else {})}
        return client.post(
            "/check",
            params={"as_of": "2026-01-15", **params},
            content=site.read_bytes(),
            headers=headers,
        )

    sarif = post("application/sarif+json")
    assert sarif.headers["content-type"] == "application/sarif+json"
    assert sarif.json()["version"] == "2.1.0"
    junit = post("application/xml;q=0.9, text/html")
    assert ET.fromstring(junit.text).tag in ("testsuites", "testsuite")
    assert post(format="text").text == _check_cli(capsys, site, "text").replace(str(site), "body")
    assert_problem(post("image/png"), 406, "not-acceptable")
    assert_problem(post(format="pdf"), 400, "bad-request")
    # q=0 refuses a media type: */* beside it no longer brings it back (it did).
    first = post().headers["content-type"]
    assert post(f"{first};q=0, */*;q=0.5").headers["content-type"] != first
    assert_problem(post(f"{first};q=0"), 406, "not-acceptable")


def test_check_takes_json_and_names_bad_fields(client: httpx.Client) -> None:
    import tomllib

    data = tomllib.loads((SITES / "petite-mairie.toml").read_text("utf-8"))
    data = json.loads(json.dumps(data, default=str))  # TOML dates as JSON strings
    assert client.post("/check", json=data).status_code == 200
    data["agents"][0]["name"] = 7
    problem = assert_problem(client.post("/check", json=data), 422, "invalid-body")
    assert any(e.get("field", "").startswith("agents[0]") for e in problem["errors"])
    bad_toml = client.post(
        "/check", content=b"name = ", headers={"content-type": "application/toml"}
    )
    assert_problem(bad_toml, 400, "invalid-json")
    assert_problem(
        client.post("/check", params={"as_of": "2026-13-01"}, json=data), 400, "bad-request"
    )
