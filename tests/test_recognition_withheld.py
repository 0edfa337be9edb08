"""Why a claim is shown, not made: said, never « pas assez de certitude » beside a 100 %
confidence (issue-14bc; review 14n, finding 4).

issue-14az shows, rather than claims, the candidates of a long account's one claiming
sentence (the whole names nothing); other rules withdraw a claim whose words reach the
procedure without naming it. The candidate still explains 68 % or 100 % of the words
read, and every text said « n'a été reconnu avec assez de certitude » (the router's
reason), « rien d'assez sûr » (`mfs recognise`), with no field saying why in the JSON.
Now the recognition carries ``withheld`` and each text says why.

The account and « quel est le délai ? » (the lead's, stop 31) are constructed. The account
was a real one (review-14i, in tests/test_recognition_account_claims.py) until issue-14bp:
its whole names the prime d'activité first, another procedure than its claiming clause's,
and is now kept (tests/test_recognition_account_story.py).
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

ACCOUNT = (
    "Hier soir nous avons fêté l'anniversaire de ma grand-mère avec toute la famille, "
    "les cousins, les oncles et les tantes. Au retour, carte vitale perdue."
)
UNSURE = "assez de certitude"


@pytest.mark.parametrize(
    ("need", "withheld"),
    [
        (ACCOUNT, "account"),
        ("quel est le délai ?", "words"),
        ("carte vitale perdue", None),  # a claim
        ("la CAF", None),  # a partner alone: its procedures at confidence 0
    ],
)
def test_the_recognition_says_why_a_claim_is_only_shown(
    recogniser: Recogniser, need: str, withheld: str | None
) -> None:
    recognition = recogniser.recognise(need)
    assert recognition.withheld == withheld, recognition
    if withheld is not None:
        assert recognition.level is Level.WEAK
        assert recognition.candidates[0].confidence == 1.0


@pytest.mark.parametrize(
    ("need", "why"),
    [
        (ACCOUNT, "Une seule phrase de ce long récit désigne une démarche"),
        ("quel est le délai ?", "Les mots du besoin évoquent une démarche sans la nommer"),
    ],
)
def test_the_routers_reason_says_why_not_unsure(need: str, why: str) -> None:
    router = Router(Registry.load())
    request = Request(need=need, channel=RequestChannel.COUNTER, wants_autonomy=False)
    decision = router.decide(request, explain=True)
    assert decision.kind is DecisionKind.UNKNOWN
    assert decision.alternatives
    assert decision.alternatives[0].confidence == 1.0
    assert decision.reason.startswith(why), decision.reason
    assert UNSURE not in decision.reason
    assert "à confirmer avec l'usager" in decision.reason
    notes = [entry.note for entry in decision.trace if entry.rule == "core.recognition"]
    assert notes
    assert notes[0].startswith("démarche non retenue : ")
    assert all(UNSURE not in entry.reference for entry in decision.trace)


def test_recognise_concludes_why(capsys: pytest.CaptureFixture[str], clean_env: None) -> None:
    assert main(["recognise", ACCOUNT]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first == (
        "Conclusion : une seule phrase de ce long récit désigne une démarche, et le récit "
        "entier n'en désigne aucune : suggestions seulement, à confirmer avec l'usager"
    )
    assert main(["recognise", "RSA", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["withheld"] is None


def test_recognise_json_carries_withheld(
    capsys: pytest.CaptureFixture[str], clean_env: None
) -> None:
    assert main(["recognise", ACCOUNT, "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["level"] == "weak"
    assert document["withheld"] == "account"
    schema = {"$ref": "#/components/schemas/RecognitionDocument", **openapi_document()}
    jsonschema.Draft202012Validator(schema).validate(document)
