"""A request only shown inside a need of several requests says why, as a need read alone
does; a claim resting on words of two requests is shown with its candidates (issue-14be).

issue-14bc's ``withheld`` said why a ``weak`` need whose best candidate explains 100 % of
it is only shown; inside a need read as several requests, the same request still said
« rien d'assez sûr » and its answer carried no reason. A claim of the whole that rests on
words of two of the requests it lists (none claims it alone: ``Recogniser._borrowed``,
review 14h) became ``weak`` with nothing chosen: no suggestion at all, though its best
explains 75 % of the need.

« Déclarer ses impôts, réclamer une carte grise ou des allocations » is review 14g's real
example (francetvinfo.fr, 2019, as the review cites it; tests/test_recognition_requests.py);
the other needs are constructed (the helper's, issue-14be), from « quel est le délai ? »
(the lead's, stop 31, tests/test_recognition_withheld.py) and « changer ma carte grise »
(a request of review 14h's kind).
"""

from __future__ import annotations

import json

import jsonschema
import pytest

from mfs_core.cli import main
from mfs_core.recognition import Level, Recogniser
from mfs_core.registry import Registry
from mfs_core.routing import DecisionKind, Request, RequestChannel, Router
from mfs_core.serve.openapi import openapi_document

#: « constructed »: two requests, the second « je veux un délai » only shown (``words``)
TWO = "déclarer mes impôts et je veux un délai"
#: « constructed »: the whole claims the carte grise change of address on « changer »,
#: « carte grise » and the second request's « demander »; neither request claims it alone
BORROWED = "changer ma carte grise et demander une aide"
WORDS_FR = "les mots du besoin évoquent une démarche sans la nommer clairement"


#: real (review 14g): its second request alone is ``weak``, withheld ``words``
REAL = "Déclarer ses impôts, réclamer une carte grise ou des allocations"


@pytest.mark.parametrize("need", [REAL, TWO])
def test_a_request_only_shown_carries_why(recogniser: Recogniser, need: str) -> None:
    recognition = recogniser.recognise(need)
    assert recognition.several
    second = recognition.answers[1]
    assert second.level is Level.WEAK
    assert second.withheld == "words"
    assert recognition.answers[0].withheld is None
    # the same reason as the request read alone gives
    alone = recogniser.recognise(need.split(" et ")[-1].split(", ")[-1])
    assert alone.level is Level.WEAK
    assert alone.withheld == second.withheld


def test_recognise_says_why_of_the_request(
    capsys: pytest.CaptureFixture[str], clean_env: None
) -> None:
    assert main(["recognise", TWO]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[2] == f"  demande 2 : {WORDS_FR}, suggestions seulement : n° 4 ci-dessous"
    assert not any("rien d'assez sûr" in line for line in lines)
    assert main(["recognise", TWO, "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert [a["withheld"] for a in document["answers"]] == [None, "words"]
    schema = {"$ref": "#/components/schemas/RecognitionDocument", **openapi_document()}
    jsonschema.Draft202012Validator(schema).validate(document)


def test_the_routers_reason_says_why_of_the_request() -> None:
    router = Router(Registry.load())
    request = Request(need=TWO, channel=RequestChannel.COUNTER, wants_autonomy=False)
    decision = router.decide(request, explain=True)
    assert decision.kind is DecisionKind.CLARIFY
    assert f"demande 2 : {WORDS_FR}, suggestions seulement : « " in decision.reason


def test_a_borrowed_claim_is_shown_with_its_candidates(recogniser: Recogniser) -> None:
    recognition = recogniser.recognise(BORROWED)
    assert recognition.level is Level.WEAK
    assert not recognition.several
    assert recognition.chosen >= 1
    assert recognition.candidates[0].procedure == "interieur.carte-grise-adresse"
    assert recognition.candidates[0].confidence >= 0.45
    assert recognition.withheld == "requests"


def test_a_borrowed_claim_is_suggested_by_the_router() -> None:
    router = Router(Registry.load())
    request = Request(need=BORROWED, channel=RequestChannel.COUNTER, wants_autonomy=False)
    decision = router.decide(request, explain=True)
    assert decision.kind is DecisionKind.UNKNOWN
    assert decision.alternatives[0].procedure == "interieur.carte-grise-adresse"
    assert decision.reason.startswith(
        "La démarche la plus proche repose sur les mots de deux demandes différentes"
    ), decision.reason
    assert "assez de certitude" not in decision.reason
