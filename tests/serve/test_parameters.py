"""Query parameters and error statuses (review 14g): every route takes the query
parameters its OpenAPI operation lists and refuses any other, or one given twice; the
need search of ``GET /procedures?q=`` is ``POST /recognise``'s; and one rule says which
status a wrong request gets — 400 unreadable (or a bad query parameter), 413 too large,
415 wrong media type, 422 a readable body whose content is wrong."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from mfs_core.inputs import MAX_LINE_BYTES
from mfs_core.serve.desk import MAX_FORM_BYTES
from mfs_core.serve.openapi import OPERATIONS, query_names

from .live import AGENT, LiveServer
from .test_api import assert_problem

GARDE = "garde d'enfant"
GARDE_THEMATIQUE = "famille--garde-denfants"


@pytest.fixture(scope="module")
def client(server: LiveServer) -> Iterator[httpx.Client]:
    with server.client(AGENT) as opened:
        yield opened


def _url(path: str) -> str:
    return path.replace("{id}", "cnam.carte-vitale").replace("{month}", "2026-11")


# -- finding 1: GET /procedures?q= is the search of POST /recognise ---------------------
@pytest.mark.parametrize("limit", [3, 10])
def test_get_search_takes_the_thematique_and_limit_of_post(
    client: httpx.Client, limit: int
) -> None:
    """« garde d'enfant » with its thematique ranked differently through GET (the
    thematique ignored, and 5 candidates asked whatever limit said) and POST."""
    posted = client.post(
        "/recognise", json={"need": GARDE, "thematique": GARDE_THEMATIQUE, "limit": limit}
    )
    assert posted.status_code == 200
    params = {"q": GARDE, "thematique": GARDE_THEMATIQUE, "limit": str(limit)}
    found = client.get("/procedures", params=params)
    assert found.status_code == 200, found.text
    assert found.json()["recognition"] == posted.json()
    ids = [p["id"] for p in found.json()["procedures"]]
    assert ids == [c["procedure"] for c in posted.json()["candidates"]][:limit]


def test_the_thematique_changes_the_get_ranking(client: httpx.Client) -> None:
    # The case above is not one where the thematique changes nothing.
    with_it = client.get("/procedures", params={"q": GARDE, "thematique": GARDE_THEMATIQUE})
    without = client.get("/procedures", params={"q": GARDE})
    assert with_it.json()["procedures"] != without.json()["procedures"]


@pytest.mark.parametrize("thematique", ["famille", "FAMILLE--GARDE-DENFANTS", ""])
def test_get_search_checks_the_thematique_as_post_does(
    client: httpx.Client, thematique: str
) -> None:
    got = client.get("/procedures", params={"q": "rsa", "thematique": thematique})
    posted = client.post("/recognise", json={"need": "rsa", "thematique": thematique})
    problem = assert_problem(got, 400, "bad-request")  # a query parameter
    expected = assert_problem(posted, 422, "invalid-body")  # a body's content
    assert problem["errors"] == expected["errors"]
    assert [e["field"] for e in problem["errors"]] == ["thematique"]
    assert problem["detail"] == expected["detail"]


@pytest.mark.parametrize("alone", [{"limit": "3"}, {"thematique": GARDE_THEMATIQUE}])
def test_search_parameters_without_q_are_refused(
    client: httpx.Client, alone: dict[str, str]
) -> None:
    # They would change nothing: the whole catalogue, silently.
    problem = assert_problem(client.get("/procedures", params=alone), 400, "bad-request")
    assert [e["field"] for e in problem["errors"]] == list(alone)


# -- finding 1: unknown and repeated parameters, on every route --------------------------
@pytest.mark.parametrize(
    ("path", "method"),
    sorted(op for op in OPERATIONS if op not in {("/health", "get"), ("/ready", "get")}),
)
def test_every_route_refuses_a_parameter_it_does_not_list(
    client: httpx.Client, path: str, method: str
) -> None:
    answer = client.request(method, _url(path), params={"thematiqe": "x"})
    problem = assert_problem(answer, 400, "bad-request")
    assert problem["errors"][0]["field"] == "thematiqe"
    accepted = query_names(path, method)
    assert all(name in problem["errors"][0]["detail"] for name in accepted)
    expected = "paramètres acceptés" if accepted else "n'en prend aucun"
    assert expected in problem["detail"]


@pytest.mark.parametrize("probe", ["/health", "/ready"])
def test_the_probes_answer_whatever_their_query(client: httpx.Client, probe: str) -> None:
    # A monitor's cache-buster (« ?_=1701… ») must not read as the service down.
    for params in ({"_": "1701"}, [("x", "1"), ("x", "2")]):
        assert client.get(probe, params=params).status_code == 200


def test_a_parameter_name_far_from_the_contract_is_not_shown(client: httpx.Client) -> None:
    # Review 16s, finding 4: « ?Nguyen=1 » answered « Paramètre inconnu : Nguyen ».
    answer = client.get("/procedures", params={"q": "rsa", "Nguyen": "1"})
    problem = assert_problem(answer, 400, "bad-request")
    assert [e["field"] for e in problem["errors"]] == ["(query)"]
    assert "Nguyen" not in answer.text


def test_a_parameter_name_that_is_not_a_word_is_not_shown(client: httpx.Client) -> None:
    answer = client.get(httpx.URL("/procedures", query=b"q=rsa&Jeanne%20Dupont%2006=1"))
    problem = assert_problem(answer, 400, "bad-request")
    assert problem["errors"][0]["field"] == "(query)"
    assert "Jeanne" not in answer.text
    assert "rsa" not in answer.text


#: (path, method) -> a good value of each query parameter it lists.
GOOD_VALUES = {
    "partner": "cnam", "q": "rsa", "thematique": GARDE_THEMATIQUE, "limit": "3",
    "explain": "true", "as_of": "2026-01-15", "hours_scope": "structure", "format": "json",
    "since": "2026-01-01", "until": "2026-02-01", "enregistre": "desk-" + "0" * 32,
}  # fmt: skip


#: Every (path, method, query parameter) of the contract.
PARAMETERS = [
    (path, method, name)
    for path, method in sorted(OPERATIONS)
    for name in query_names(path, method)
]


@pytest.mark.parametrize(("path", "method", "name"), PARAMETERS)
def test_a_parameter_given_twice_is_refused(
    client: httpx.Client, path: str, method: str, name: str
) -> None:
    """As a JSON key given twice is: ``q=A&q=B`` searched B, silently."""
    value = GOOD_VALUES[name] if name != "format" else "html" if "sheet" in path else "csv"
    answer = client.request(method, _url(path), params=[(name, value), (name, value)])
    problem = assert_problem(answer, 400, "bad-request")
    assert problem["errors"] == [{"field": name, "detail": "given more than once"}]


def test_every_query_parameter_has_a_good_value_here() -> None:
    # The test above covers every parameter the contract lists.
    listed = {name for path, method in OPERATIONS for name in query_names(path, method)}
    assert listed <= set(GOOD_VALUES)


# -- finding 2: one rule for 400, 413, 415, 422 ------------------------------------------
JSON = "application/json"
FORM = "application/x-www-form-urlencoded"
#: path -> (media type, an unreadable body, a readable body of wrong content). A JSON-lines
#: body (the journal's) is read line by line: only an empty one is unreadable as a whole.
BODIES: dict[str, tuple[str, bytes, bytes]] = {
    "/recognise": (JSON, b'{"need": "rsa", "need": "rsa"}', b'{"need": 3}'),
    "/route": (JSON, b"{", b'{"need": 3, "channel": "counter", "wants_autonomy": true}'),
    "/check": (JSON, b"[NaN]", b'{"name": 3}'),
    "/journal/records": (JSON, b"  ", b'{"id": "x"}'),
    "/desk": (FORM, b"need=\xff", b"need=rsa&channel=fax"),
    "/desk/record": (FORM, b"need=\xff", b"record_id=desk-x&procedure=cnam.carte-vitale"),
}


@pytest.mark.parametrize("path", sorted(BODIES))
def test_statuses_of_a_wrong_body(client: httpx.Client, path: str) -> None:
    media, unreadable, wrong = BODIES[path]

    def post(body: bytes, kind: str = media) -> httpx.Response:
        return client.post(path, content=body, headers={"content-type": kind})

    assert_problem(post(unreadable), 400, "bad-request" if media == FORM else "invalid-json")
    assert_problem(post(b"x", "text/plain"), 415, "unsupported-media-type")
    limit = MAX_FORM_BYTES if media == FORM else MAX_LINE_BYTES
    if path == "/journal/records":
        limit = 16 * 1024 * 1024
    assert_problem(post(b" " * (limit + 1)), 413, "too-large")
    assert_problem(post(wrong), 422, "invalid-body")


@pytest.mark.parametrize(
    "body",
    [
        {"need": 123},
        {"need": ["rsa"]},
        {"need": "  "},
        {"need": "\u200b\u200d"},
        {"need": "x" * 2001},
        {"need": "rsa", "limit": "3"},
        {"need": "rsa", "limit": 0},
        {"need": "rsa", "thematique": 3},
    ],
)
def test_a_wrong_field_of_recognise_is_422_whatever_the_field(
    client: httpx.Client, body: dict[str, Any]
) -> None:
    """A need of the wrong type, empty or too long was 400, a limit of the wrong type 422;
    ``POST /route`` already answered 422 for a need too long."""
    problem = assert_problem(client.post("/recognise", json=body), 422, "invalid-body")
    wrong = next(k for k in body if k != "need" or len(body) == 1)
    assert [e["field"] for e in problem["errors"]] == [wrong]
    route = {**body, "channel": "counter", "wants_autonomy": True}
    if "need" in route and len(body) == 1:
        assert_problem(client.post("/route", json=route), 422, "invalid-body")


def test_all_wrong_fields_of_recognise_are_named_at_once(client: httpx.Client) -> None:
    body = {"need": 3, "limit": 0, "thematique": "famille"}
    problem = assert_problem(client.post("/recognise", json=body), 422, "invalid-body")
    assert [e["field"] for e in problem["errors"]] == ["need", "limit", "thematique"]


@pytest.mark.parametrize("path", ["/desk", "/desk/record"])
def test_a_percent_encoded_byte_that_is_not_utf8_is_a_bad_request(
    client: httpx.Client, path: str
) -> None:
    """Review 16c: « need=cong%E9s » (Latin-1, percent-encoded) was read as « cong\ufffds »
    and answered 200, though a form that is not UTF-8 is a 400 (docs/http.md)."""
    answer = client.post(
        path, content=b"need=cong%E9s&channel=counter", headers={"content-type": FORM}
    )
    assert_problem(answer, 400, "bad-request")


@pytest.mark.parametrize("path", ["/desk", "/desk/record"])
def test_a_form_field_given_twice_is_refused(client: httpx.Client, path: str) -> None:
    """As a JSON key or a query parameter given twice: the last one silently won."""
    body = b"need=rsa&need=impots&channel=counter&procedure=caf.rsa&record_id=desk-" + b"0" * 32
    answer = client.post(path, content=body, headers={"content-type": FORM})
    assert_problem(answer, 400, "bad-request")


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        # review 16s, finding 6: a misspelt field was ignored (autonomy read as no)
        ("/desk", b"need=carte+vitale&channel=counter&autonomie=on", "autonomie"),
        ("/desk", b"need=carte+vitale&channel=counter&autonomy=oui", "autonomy"),
        ("/desk", b"need=carte+vitale&channel=counter&Jean%20Dupont=1", "(champ)"),
        ("/desk", b"need=carte+vitale&channel=counter&dupont=1", "(champ)"),
        (
            "/desk/record",
            b"record_id=desk-" + b"0" * 32 + b"&procedure=caf.rsa&urgnet=on",
            "urgnet",
        ),
    ],
)
def test_a_desk_form_field_it_does_not_send_is_refused(
    client: httpx.Client, path: str, body: bytes, field: str
) -> None:
    answer = client.post(path, content=body, headers={"content-type": FORM})
    problem = assert_problem(answer, 422, "invalid-body")
    assert [e["field"] for e in problem["errors"]] == [field]
    assert "Dupont" not in answer.text


def test_the_desk_forms_as_the_page_sends_them_are_taken(client: httpx.Client) -> None:
    body = b"need=carte+vitale+perdue&channel=counter&autonomy=on&urgent=on"
    assert client.post("/desk", content=body, headers={"content-type": FORM}).status_code == 200


def test_a_line_of_a_stream_is_judged_alone(client: httpx.Client) -> None:
    """A line that is not JSON is that line's problem, beside the good ones: 422 with the
    journal's counts, in place in a batch (whose answer is 200)."""
    headers = {"content-type": "application/x-ndjson"}
    refused = client.post("/journal/records", content=b"\xff{}\n", headers=headers)
    assert assert_problem(refused, 422, "invalid-body")["errors"][0]["line"] == 1
    batch = client.post("/route/batch", content=b"\xff{}\n", headers=headers)
    assert batch.status_code == 200
    assert batch.json()["problem"]["status"] == 422


@pytest.mark.parametrize(
    ("path", "params", "field"),
    [
        ("/procedures", {"q": "x" * 2001}, "q"),
        ("/procedures", {"q": "  "}, "q"),
        ("/procedures", {"q": "rsa", "limit": "many"}, "limit"),
        ("/procedures", {"partner": "nope"}, "partner"),
        ("/route", {"explain": "maybe"}, "explain"),
        ("/procedures/cnam.carte-vitale/sheet", {"format": "docx"}, "format"),
    ],
)
def test_a_wrong_query_parameter_is_400(
    client: httpx.Client, path: str, params: dict[str, str], field: str
) -> None:
    """The query is not the body: a wrong parameter is a request the service cannot read
    as asked (400), on a GET as on a POST."""
    method = "POST" if path == "/route" else "GET"
    answer = client.request(method, path, params=params, json={"need": "rsa"})
    problem = assert_problem(answer, 400, "bad-request")
    assert problem["errors"][0]["field"] == field
