"""The JSON contract: decisions, requests and contexts follow their published schemas."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import attrs
import jsonschema
import pytest

from mfs_core.converter import unstructure
from mfs_core.model import KNOWN_FACTS
from mfs_core.routing import (
    Alternative,
    Decision,
    DecisionKind,
    LocalService,
    Permanence,
    Request,
    RequestChannel,
    Router,
    SiteContext,
    Thresholds,
    TraceEntry,
    VideoAppointment,
)
from routing_support import ALIMENTATION, ALL_CASES, NOW, context, registry


def schema(name: str) -> dict[str, Any]:
    text = resources.files("mfs_core.schemas").joinpath(f"{name}.schema.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    jsonschema.Draft202012Validator.check_schema(data)
    return data


def validator(name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        schema(name), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def fields(cls: type) -> set[str]:
    return {a.name for a in attrs.fields(cls)}


def test_schemas_list_exactly_the_model_fields() -> None:
    request, context_, decision = schema("request"), schema("context"), schema("decision")
    assert set(request["properties"]) == fields(Request)
    assert set(context_["properties"]) == fields(SiteContext)
    defs = context_["$defs"]
    for name, cls in (
        ("permanence", Permanence),
        ("video_appointment", VideoAppointment),
        ("local_service", LocalService),
        ("thresholds", Thresholds),
    ):
        assert set(defs[name]["properties"]) == fields(cls), name
    assert set(decision["properties"]) == fields(Decision) | {"line"}
    assert set(decision["required"]) == fields(Decision)
    items = decision["properties"]
    assert set(items["trace"]["items"]["properties"]) == fields(TraceEntry)
    assert items["alternatives"]["items"] == {"$ref": "#/$defs/candidate"}
    assert set(decision["$defs"]["candidate"]["properties"]) == fields(Alternative)
    # ``request`` (issue-14aj) and ``placed`` (stop 35) came later: decisions written before
    # them still validate
    later = {"request", "placed"}
    assert set(decision["$defs"]["candidate"]["required"]) == fields(Alternative) - later
    assert items["kind"]["enum"] == [k.value for k in DecisionKind]


def test_request_schema_facts_are_the_known_facts() -> None:
    assert sorted(schema("request")["properties"]["facts"]["items"]["enum"]) == sorted(KNOWN_FACTS)
    assert schema("request")["properties"]["channel"]["enum"] == [c.value for c in RequestChannel]


def all_kinds_of_decisions() -> list[Decision]:
    router = Router(registry())
    services = (LocalService(id="ccas", name="CCAS", thematiques=(ALIMENTATION,)),)
    decisions = []
    for case in ALL_CASES:
        for explain in (False, True):
            for req, ctx in (
                (
                    Request(
                        channel=RequestChannel.COUNTER, wants_autonomy=True, procedure=case.simple
                    ),
                    context(),
                ),
                (
                    Request(
                        channel=RequestChannel.PHONE, wants_autonomy=False, procedure=case.simple
                    ),
                    context(waiting=9),
                ),
                (
                    Request(
                        channel=RequestChannel.VIDEO,
                        wants_autonomy=False,
                        procedure=case.referred,
                        facts=case.facts,
                    ),
                    context(),
                ),
                (
                    Request(
                        channel=RequestChannel.MOBILE, wants_autonomy=False, procedure=case.unknown
                    ),
                    context(),
                ),
                (
                    Request(
                        channel=RequestChannel.COUNTER,
                        wants_autonomy=False,
                        need="colis",
                        thematique=ALIMENTATION,
                    ),
                    context(local_services=services),
                ),
                # Three retirement procedures score alike: the resident is asked.
                (
                    Request(channel=RequestChannel.COUNTER, wants_autonomy=False, need="retraite"),
                    context(),
                ),
                # Recognised with confidence: routed as the procedure, with the words.
                (
                    Request(
                        channel=RequestChannel.COUNTER,
                        wants_autonomy=False,
                        need="demande de retraite",
                    ),
                    context(),
                ),
            ):
                decisions.append(router.decide(req, ctx, explain=explain))
    assert {d.kind for d in decisions} == set(DecisionKind)
    return decisions


def test_every_decision_follows_the_decision_schema() -> None:
    check = validator("decision")
    for decision in all_kinds_of_decisions():
        data = json.loads(json.dumps(unstructure(decision)))
        check.validate(data)


@pytest.mark.parametrize(
    "bad",
    [
        {"kind": "maybe"},
        {"trace": [{"rule": "x", "plugin": "y"}]},
        {"target": "mairie"},
        {"extra": 1},
    ],
)
def test_decision_schema_rejects_wrong_documents(bad: dict[str, Any]) -> None:
    good = json.loads(json.dumps(unstructure(all_kinds_of_decisions()[0])))
    with pytest.raises(jsonschema.ValidationError):
        validator("decision").validate({**good, **bad})


def test_request_and_context_schemas_accept_the_models_output() -> None:
    req = Request(
        channel=RequestChannel.PHONE,
        wants_autonomy=True,
        need="colis",
        facts=("dispute",),
        received_at=NOW,
    )
    validator("request").validate(json.loads(json.dumps(unstructure(req))))
    ctx = context(
        waiting=3,
        permanences=[],
        local_services=(LocalService(id="mairie.etat-civil", name="Mairie"),),
    )
    validator("context").validate(json.loads(json.dumps(unstructure(ctx))))


@pytest.mark.parametrize(
    "bad",
    [
        {"channel": "counter", "wants_autonomy": False},  # neither procedure nor need
        {"need": "x", "channel": "online", "wants_autonomy": False},
        {"need": "x", "channel": "phone", "wants_autonomy": False, "facts": ["nir"]},
        {"need": "x", "channel": "phone", "wants_autonomy": False, "nom": "Dupont"},
    ],
)
def test_request_schema_rejects_what_the_model_rejects(bad: dict[str, Any]) -> None:
    with pytest.raises(jsonschema.ValidationError):
        validator("request").validate(bad)


def test_a_decision_written_before_alternatives_had_a_request_still_validates() -> None:
    # Decisions journaled before issue-14aj have no ``request`` on their alternatives
    # (review 14j, finding 6): the schema required it, and they no longer validated.
    check = validator("decision")
    decisions = [json.loads(json.dumps(unstructure(d))) for d in all_kinds_of_decisions()]
    with_alternatives = [d for d in decisions if d["alternatives"]]
    assert with_alternatives
    for data in with_alternatives:
        for alternative in data["alternatives"]:
            del alternative["request"]
        check.validate(data)
