"""Requests listed clause after clause, joined by a comma or « ou » (issue-14ai, review 14g).

The needs below are constructed to exercise the mechanism (the phrasings of review 14g's
finding; its real example, « Déclarer ses impôts, réclamer une carte grise ou des
allocations », francetvinfo.fr 2019, is evidence of the kind only). The tests with a
« Before: » docstring failed before issue-14ai; the others guard what must not change and
the clause reading itself.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from mfs_core.cli import main
from mfs_core.recognition import Level, Recogniser, clauses
from mfs_core.recognition.clauses import lists_requests, opens_with_verb, verb_clauses
from mfs_core.registry import Registry
from mfs_core.routing import DecisionKind, Request, RequestChannel, Router
from mfs_core.routing.context import SiteContext

_CORPUS = Path(__file__).parent / "data" / "recognition" / "needs.jsonl"
_PASSPORT = "interieur.passeport-renouvellement"
_TAXES = "dgfip.declaration-revenus"
_PARCEL = "la-poste.suivi-envoi"
_PROXY = "la-poste.procuration-postale"


def _chosen(recognition: object) -> list[str]:
    """The chosen candidates; for a need of several requests, the first of each request
    (since issue-14aj a request that is a question lists its candidates)."""
    candidates = recognition.candidates[: recognition.chosen]  # type: ignore[attr-defined]
    if not recognition.several:  # type: ignore[attr-defined]
        return [c.procedure for c in candidates]
    firsts: dict[int | None, str] = {}
    for c in candidates:
        firsts.setdefault(c.request, c.procedure)
    return list(firsts.values())


def test_a_comma_before_a_verb_clause_separates_requests(recogniser: Recogniser) -> None:
    """Before: two requests, the lost passport (« déclarer » borrowed) and the parcel; the
    tax return dropped."""
    recognition = recogniser.recognise(
        "renouveler mon passeport, déclarer mes impôts et suivre mon colis"
    )
    assert recognition.level is Level.AMBIGUOUS
    assert recognition.several
    assert _chosen(recognition) == [_PASSPORT, _TAXES, _PARCEL]


def test_a_comma_only_need_of_two_requests_is_read_as_two(recogniser: Recogniser) -> None:
    """Before: one claim, the lost passport (« déclarer » borrowed), the taxes lost."""
    recognition = recogniser.recognise("renouveler mon passeport, déclarer mes impôts")
    assert recognition.several
    assert _chosen(recognition) == [_PASSPORT, _TAXES]


def test_a_request_of_one_meaningful_word_after_its_verb_is_kept(
    recogniser: Recogniser,
) -> None:
    """Before: « faire une procuration » (one meaningful word: « faire » is a stop word)
    was left out; the question named two requests of three."""
    recognition = recogniser.recognise(
        "renouveler mon passeport et déclarer mes impôts et faire une procuration"
    )
    assert recognition.several
    assert _chosen(recognition) == [_PASSPORT, _TAXES, _PROXY]


def test_four_requests_are_each_listed(recogniser: Recogniser) -> None:
    """Before: level ``none`` (four requests dilute the whole under every bar, and only a
    claimed whole was read request by request)."""
    recognition = recogniser.recognise(
        "renouveler mon passeport, déclarer mes impôts, faire une procuration et suivre mon colis"
    )
    assert recognition.level is Level.AMBIGUOUS
    assert recognition.several
    assert _chosen(recognition) == [_PASSPORT, _TAXES, _PROXY, _PARCEL]


def test_a_comma_with_no_verb_clause_keeps_one_request(recogniser: Recogniser) -> None:
    # The review's example of one request (« que faire ? » opens with no verb and object).
    recognition = recogniser.recognise("Carte vitale perdue, que faire ?")
    outcome = (recognition.level, recognition.several, _chosen(recognition))
    assert outcome == (Level.CONFIDENT, False, ["cnam.carte-vitale"])


@pytest.mark.parametrize(
    ("part", "clauses"),
    [
        (
            "Déclarer ses impôts, réclamer une carte grise ou des allocations",
            ["Déclarer ses impôts", "réclamer une carte grise ou des allocations"],
        ),
        (
            "changer ma carte grise ou refaire mon permis",
            ["changer ma carte grise", "refaire mon permis"],
        ),
        ("Carte vitale perdue, que faire ?", ["Carte vitale perdue, que faire ?"]),
        ("Bonjour, je voudrais déclarer mes impôts", ["Bonjour, je voudrais déclarer mes impôts"]),
    ],
)
def test_verb_clauses(part: str, clauses: list[str]) -> None:
    assert verb_clauses(part) == clauses


def test_opens_with_verb_and_lists_requests() -> None:
    assert opens_with_verb("déclarez vos revenus")
    assert not opens_with_verb("que faire ?")
    assert not opens_with_verb("lettre recommandée")
    assert lists_requests("déclarer mes impôts et suivre mon colis")
    assert not lists_requests("Carte vitale perdue, que faire ?")
    assert not lists_requests("suivre mon colis")


# -- no request dropped silently: ``Recognition.requests`` (constructed needs) ----------

_FOUR = "renouveler mon passeport, déclarer mes impôts, faire une procuration et suivre mon colis"
#: « réclamer une carte grise » names no one procedure (four carte grise fiches): not listed.
_ONE_UNANSWERED = (
    "renouveler mon passeport, déclarer mes impôts, réclamer une carte grise et suivre mon colis"
)


@pytest.mark.parametrize(
    ("need", "first"),
    [
        # review 14h, finding 2 (constructed): one question offering two ways
        ("Comment déclarer mes revenus ou modifier mon taux de prélèvement ?",
         "dgfip.prelevement-a-la-source"),
        ("Peut-on payer ses impôts en ligne ou demander un délai ?", "dgfip.delai-de-paiement"),
        ("Peut-on contester une amende ou demander un délai de paiement ?", "interieur.amende"),
    ],
)  # fmt: skip
def test_ou_in_a_question_offers_alternatives_not_requests(
    recogniser: Recogniser, need: str, first: str
) -> None:
    """Before: read as two requests (« Par laquelle commencer ? »); at 85f0978 and now a
    confident claim, as one question."""
    recognition = recogniser.recognise(need)
    assert not recognition.several
    assert recognition.level is Level.CONFIDENT
    assert recognition.candidates[0].procedure == first


def test_ou_between_requests_not_asked_as_a_question_still_separates(
    recogniser: Recogniser,
) -> None:
    recognition = recogniser.recognise("renouveler mon passeport ou déclarer mes impôts")
    assert recognition.several
    assert _chosen(recognition) == [_PASSPORT, _TAXES]


@pytest.mark.parametrize(
    "need",
    [
        # review 14h, finding 1 (constructed): the lost passport claimed on « déclaration »
        # of the tax request and « passeport » of the other; « renouveler le passeport de
        # mon fils » alone claims nothing, so the need was not split
        "faire ma déclaration d'impôts, renouveler le passeport de mon fils",
        "déclarer mes revenus, renouveler le passeport de ma fille",
        "renouveler mon passeport, mon fils aussi, déclarer mes impôts",
    ],
)
def test_a_claim_on_words_of_two_requests_is_shown_not_claimed(
    recogniser: Recogniser, need: str
) -> None:
    """Before: confident ``interieur.passeport-perdu`` (the router: « peut être faite tout
    de suite »); at issue-14h weak, nothing chosen (the tax request lost); since issue-14aj
    each request answered alone: the déclarations asked, the passport suggested, the lost
    passport (claimed on words of both) answers none. Since review 38 (« mon fils » no
    longer dilutes its request) the passport request asks what « renouveler mon
    passeport » asks alone, renewal or loss: the lost passport only there, never claimed."""
    recognition = recogniser.recognise(need)
    assert recognition.level is Level.AMBIGUOUS
    assert recognition.several
    chosen = recognition.candidates[: recognition.chosen]
    answering = {c.procedure: c.request for c in chosen}
    assert {answering[_TAXES], answering[_PASSPORT]} == {1, 2}
    passport = answering[_PASSPORT]
    asked = [c.procedure for c in chosen if c.request == passport]
    alone = recogniser.recognise("renouveler mon passeport")
    assert asked == [c.procedure for c in alone.candidates[: alone.chosen]]
    assert recognition.answers[passport - 1].level is Level.AMBIGUOUS  # asked, not claimed


@pytest.mark.parametrize(
    ("need", "first"),
    [
        ("renouveler mon passeport, faire une photo d'identité", _PASSPORT),
        ("demander ma carte vitale, mettre à jour ma carte vitale", "cnam.carte-vitale"),
    ],
)
def test_a_claim_one_request_makes_alone_stands(
    recogniser: Recogniser, need: str, first: str
) -> None:
    recognition = recogniser.recognise(need)
    assert recognition.level in (Level.CONFIDENT, Level.AMBIGUOUS)
    assert recognition.candidates[0].procedure == first


def test_a_request_no_procedure_answers_is_counted(recogniser: Recogniser) -> None:
    """Before issue-14ai: the field did not exist; the carte grise request vanished from
    the list. Before issue-14aj: counted but not listed; now its suggestions are listed
    as its own (« réclamer une carte grise » names four carte grise fiches)."""
    recognition = recogniser.recognise(_ONE_UNANSWERED)
    assert (recognition.requests, _chosen(recognition)) == (
        4,
        [_PASSPORT, _TAXES, "interieur.carte-grise-duplicata", _PARCEL],
    )
    assert [a.level for a in recognition.answers][2:] == [Level.WEAK, Level.CONFIDENT]


def test_the_router_says_how_many_requests_it_does_not_list(builtins: Registry) -> None:
    """Before: four requests read (once the clauses are), three listed (``max_alternatives``
    3), and the reason said nothing of the fourth."""
    decision = Router(builtins).decide(
        Request(channel=RequestChannel.COUNTER, wants_autonomy=False, need=_FOUR),
        SiteContext(agents_on_duty=1, waiting=0, now=dt.datetime(2026, 3, 2, 10, tzinfo=dt.UTC)),
    )
    assert decision.kind is DecisionKind.CLARIFY
    assert len(decision.alternatives) == 3
    assert "4 demandes lues, 3 listées" in decision.reason


def test_recognise_says_the_requests_it_does_not_list(
    capsys: pytest.CaptureFixture[str], clean_env: None
) -> None:
    """Before: « mfs recognise --limit 3 » listed three of four requests, without a word."""
    assert main(["recognise", _FOUR, "--limit", "3"]) == 0
    assert "4 demandes lues, 3 listées ci-dessous" in capsys.readouterr().out
    assert main(["recognise", _FOUR, "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    # Four requests, the first a question (renewal or loss): its second candidate too.
    assert (document["requests"], document["chosen"]) == (4, 5)
    assert [c["request"] for c in document["candidates"]] == [1, 1, 2, 3, 4]
    assert main(["recognise", "suivre mon colis", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["requests"] == 0


def _asks_again_unfiltered(text: str) -> bool:
    """asks_again's loop alone, without its prefilters (issue-14ax): what they must agree
    with."""
    for found in clauses._QUESTION_JOIN.finditer(text):
        end = found.end()
        if clauses._ANOTHER_QUESTION.match(text, end) and text[end:].strip(" ?"):
            first = text[: found.start()]
            return clauses.opens_as_question(first) or clauses._verb_before_object(first)
    return False


@pytest.mark.parametrize(
    "text",
    [
        "Comment déclarer mes revenus et comment refaire mon passeport ?",
        "Comment déclarer mes revenus ? Comment refaire mon passeport ?",
        "Comment déclarer mes revenus ?",
        # joins that overlap: the loop reads the first « et », the search tries each place
        "Comment déclarer mes revenus et et comment refaire mon passeport ?",
        "Comment déclarer mes revenus\tET\tCOMMENT refaire mon passeport ?",
        "Comment déclarer mes revenus ?; que dois-je faire pour mon passeport",
        "Comment déclarer mes revenus ? ?",
        "déclarer mes impôts ; peut-on refaire mon passeport",
        "Carte vitale perdue et que je n'ai pas reçue",
    ],
)
def test_asks_again_prefilter_changes_no_answer(text: str) -> None:
    """issue-14ax: the prefilters of asks_again (a join followed by a question word,
    searched at once) answer as its loop alone does, on every corpus need too."""
    assert clauses.asks_again(text) == _asks_again_unfiltered(text)


def test_asks_again_prefilter_on_the_corpus() -> None:
    needs = [
        json.loads(line)["text"] for line in _CORPUS.read_text("utf-8").splitlines() if line.strip()
    ]
    assert len(needs) > 500
    assert [clauses.asks_again(t) for t in needs] == [_asks_again_unfiltered(t) for t in needs]
