"""`mfs recognise` and `mfs route --need`: candidates with scores and words, the clarify
decision in JSON, bad needs named with exit 2; `mfs plugins --check` on recognition data."""

from __future__ import annotations

import io
import json
from importlib import resources

import jsonschema
import pytest

from mfs_core.cli import main
from mfs_core.model import Partner, PartnerKind, Procedure
from mfs_core.recognition.checks import procedure_problems
from mfs_core.registry import Registry
from mfs_core.routing import Request, RequestChannel, Router
from mfs_core.validation import validate
from routing_support import PartnerPlugin


def schema_validator() -> jsonschema.Draft202012Validator:
    text = resources.files("mfs_core.schemas").joinpath("decision.schema.json").read_text("utf-8")
    return jsonschema.Draft202012Validator(json.loads(text))


def test_recognise_prints_candidates_scores_and_words(
    capsys: pytest.CaptureFixture[str], clean_env: None
) -> None:
    assert main(["recognise", "J’ai perdu ma carte vitale"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Conclusion : démarche reconnue")
    assert "1. cnam.carte-vitale" in out
    assert "« vitale »" in out


def test_a_list_under_no_recognition_is_said_to_be_for_information(
    capsys: pytest.CaptureFixture[str], clean_env: None
) -> None:
    # « aucune démarche ne correspond » then a numbered list read as a contradiction; so
    # did « (aucune ne convient) » above the right procedure, listed first (issue-14y).
    assert main(["recognise", "abandon de poste"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Conclusion : aucune démarche reconnue avec assez de certitude"
    assert lines[1] == "Les plus proches, pour information (trop incertaines pour être suggérées) :"
    assert lines[2].startswith("1. ")
    text = "\n".join(lines[:2])
    assert "ne correspond" not in text
    assert "ne convient" not in text


def test_recognise_json(capsys: pytest.CaptureFixture[str], clean_env: None) -> None:
    assert main(["recognise", "RSA", "--format", "json", "--limit", "2"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["level"] == "ambiguous"
    assert [c["procedure"] for c in document["candidates"]] == ["caf.rsa", "msa.rsa"]
    assert all(c["matched"] and c["score"] > 0 for c in document["candidates"])


def test_recognise_reads_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, clean_env: None
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"aide au logement APL\n"), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", stdin)
    assert main(["recognise", "-", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["candidates"][0]["procedure"] == "caf.aide-logement"


@pytest.mark.parametrize(
    "raw",
    ["déclaration impôts".encode("latin-1"), "déclaration impôts".encode("utf-16"), b"\xc3"],
)
def test_recognise_refuses_standard_input_that_is_not_utf8(
    raw: bytes,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    clean_env: None,
) -> None:
    # Was read through the terminal's decoding: « d\udce9claration » became « claration »
    # and the answer, exit 0, was « aucune démarche ».
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"))
    assert main(["recognise", "-"]) == 2
    err = capsys.readouterr().err
    assert "<stdin>: line 1: expected UTF-8 text" in err
    assert "Traceback" not in err


def test_a_long_need_on_standard_input_is_too_long_not_badly_encoded(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, clean_env: None
) -> None:
    # 8,003 letters and an « é »: a bounded read cut inside the « é ».
    raw = ("a" * 8_003 + "é").encode()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"))
    assert main(["recognise", "-"]) == 2
    assert "TEXT: the need is longer than 2000 characters" in capsys.readouterr().err


@pytest.mark.parametrize("ending", [b"\n", b"\r\n"])
def test_the_line_ending_of_standard_input_is_not_part_of_the_need(
    ending: bytes,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    clean_env: None,
) -> None:
    # Review 14g, finding 9: a need of exactly 2,000 characters in a file (ending with a
    # newline, as editors and `echo` write it) was refused; as an argument it was accepted.
    need = ("carte vitale perdue " * 100)[:2000]
    for raw, code in ((need.encode() + ending, 0), ((need + "x").encode() + ending, 2)):
        stdin = io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8")
        monkeypatch.setattr("sys.stdin", stdin)
        assert main(["recognise", "-", "--format", "json"]) == code
        captured = capsys.readouterr()
        assert ("longer than 2000 characters" in captured.err) is (code == 2)


def test_a_need_of_several_requests_has_one_conclusion(
    capsys: pytest.CaptureFixture[str], clean_env: None
) -> None:
    # Review 14g, finding 6: « Conclusion : plusieurs démarches proches : poser la question »
    # then « Plusieurs demandes dans le même besoin », two conclusions on two lines.
    assert main(["recognise", "renouveler mon passeport et déclarer mes impôts"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Conclusion : plusieurs demandes dans le même besoin")
    assert not any("démarches proches" in line for line in lines)


def test_a_need_the_terminal_did_not_send_as_utf8_is_refused(
    capsys: pytest.CaptureFixture[str], clean_env: None
) -> None:
    need = b"\xe9tat civil".decode("utf-8", "surrogateescape")  # as Python reads argv
    assert main(["route", "--need", need, "--format", "json"]) == 2
    captured = capsys.readouterr()
    assert "--need: expected UTF-8 text" in captured.err
    assert captured.out == ""
    assert main(["recognise", need]) == 2
    assert "TEXT: expected UTF-8 text" in capsys.readouterr().err


def test_route_refuses_a_need_longer_than_recognise_reads(
    capsys: pytest.CaptureFixture[str], clean_env: None
) -> None:
    # Was cut silently at 2,000 characters and decided on its first words: exit 0.
    assert main(["route", "--need", "x" * 3_000 + " carte vitale perdue"]) == 2
    assert "need: expected at most 2000 characters" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["recognise", "   "], "TEXT: the need is empty"),
        (["recognise", "\u200b\u2060"], "TEXT: the need is empty"),
        (["recognise", "\u3164\u034f\u2800"], "TEXT: the need is empty"),
        (["recognise", "rsa", "--thematique", "rsa"], "--thematique: expected a data·inclusion"),
        (["recognise", "x" * 2_001], "longer than 2000 characters"),
        (["recognise", "rsa", "--limit", "0"], "--limit: expected a number from 1 to 20"),
    ],
)
def test_a_bad_need_is_named_with_exit_2(
    capsys: pytest.CaptureFixture[str], clean_env: None, args: list[str], message: str
) -> None:
    assert main(args) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err
    assert "x" * 50 not in err  # the need itself is never echoed


def test_route_need_gives_a_clarify_decision_following_the_schema(
    capsys: pytest.CaptureFixture[str], clean_env: None
) -> None:
    assert main(["route", "--need", "Comment faire une demande de RSA ?", "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    schema_validator().validate(document)
    assert document["kind"] == "clarify"
    assert document["procedure"] is None
    assert [a["procedure"] for a in document["alternatives"]] == ["caf.rsa", "msa.rsa"]
    assert document["question"]


def test_route_need_recognised_names_its_words_in_text(
    capsys: pytest.CaptureFixture[str], clean_env: None
) -> None:
    assert main(["route", "--need", "j'ai perdu ma carte vitale"]) == 0
    out = capsys.readouterr().out
    assert "Démarche : Carte Vitale (cnam.carte-vitale)" in out
    assert "Reconnue d'après : « perdu », « carte », « vitale »" in out
    assert "besoin non reconnu" not in out


def _routed_procedure(router: Router, need: str) -> str | None:
    """The procedure the router decides on for ``need`` said at the counter."""
    request = Request(need=need, channel=RequestChannel.COUNTER, wants_autonomy=False)
    return router.decide(request).procedure


def _droits_info(*keywords: str) -> Partner:
    """A local partner, « Droits info », with ``keywords``."""
    return Partner(
        code="droits-info",
        name="Droits info",
        kind=PartnerKind.LOCAL,
        keywords=keywords,
        reference="test",
    )


def test_plugins_check_reports_unusable_recognition_data() -> None:
    partner = _droits_info("", "de la")
    procedure = Procedure(
        id="droits-info.permanence",
        partner="droits-info",
        title="Permanence juridique",
        keywords=("avocat", " ", "de la", "x" * 101),
        questions=("Qui peut m'aider ?",),
        fiche_title="Permanence",  # without a fiche id
        reference="test",
    )
    registry = Registry.load(
        builtins=False, external=False, extra=[("droits-info", PartnerPlugin(partner, [procedure]))]
    )
    found = {(f.code, f.subject, f.message) for f in validate(registry)}
    codes = {(code, subject) for code, subject, _ in found}
    assert ("recognition-text-blank", "droits-info.permanence") in codes
    assert ("recognition-no-words", "droits-info.permanence") in codes
    assert ("recognition-text-too-long", "droits-info.permanence") in codes
    assert ("fiche-title-without-fiche", "droits-info.permanence") in codes
    assert ("recognition-text-blank", "droits-info") in codes
    assert ("recognition-no-words", "droits-info") in codes
    assert all(f.plugin == "droits-info" for f in validate(registry) if "recogn" in f.code)


def test_the_built_in_recognition_data_passes_the_checks() -> None:
    findings = validate(Registry.load(external=False))
    assert not [f for f in findings if f.code.startswith(("recognition-", "fiche-title"))]


def _permanence(questions: tuple[str, ...]) -> Procedure:
    """A local partner's procedure with the keyword « avocat gratuit » and ``questions``."""
    return Procedure(
        id="droits-info.permanence",
        partner="droits-info",
        title="Permanence juridique",
        keywords=("avocat gratuit",),
        questions=questions,
        reference="test",
    )


def test_a_plugins_malformed_recognition_data_breaks_nothing() -> None:
    """A keyword that is not text, or thousands of questions, must neither stop recognition
    for the others nor go unnoticed. The registry checks each field's type (the plugin
    contract): a procedure with a keyword that is not text is left out and reported as
    ``value-wrong-type``; one with too many questions is kept, indexed up to the limit and
    reported."""
    partner = Partner(code="droits-info", name="Droits info", kind=PartnerKind.LOCAL)
    procedure = _permanence(tuple(f"question numéro {n} sur le droit" for n in range(5_000)))
    not_text = Procedure(
        id="droits-info.mots",
        partner="droits-info",
        title="Mots",
        keywords=(42, None, "avocat gratuit"),  # type: ignore[arg-type]
        reference="test",
    )
    registry = Registry.load(
        external=False, extra=[("droits-info", PartnerPlugin(partner, [procedure, not_text]))]
    )
    assert "droits-info.mots" not in registry.procedures
    assert "droits-info.permanence" in registry.procedures
    router = Router(registry)
    assert _routed_procedure(router, "j'ai perdu ma carte vitale") == "cnam.carte-vitale"
    best = router.recogniser().recognise("avocat gratuit").best
    assert best is not None
    assert best.procedure in ("droits-info.permanence", "justice.consultation-avocat-gratuite")
    codes = {(f.code, f.subject) for f in validate(registry)}
    assert ("value-wrong-type", "droits-info.mots") in codes
    assert ("recognition-text-too-long", "droits-info.permanence") in codes
    # Checked on its own (without the registry), the recognition check names the word.
    assert ("recognition-text-invalid", "keywords[0] is a int, not text") in set(
        procedure_problems(not_text)
    )


def _recognition_validator() -> jsonschema.Draft202012Validator:
    from mfs_core.serve.openapi import openapi_document

    document = openapi_document()
    schema = {"$ref": "#/components/schemas/RecognitionDocument", **document}
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize(
    ("need", "several", "partner_only"),
    [
        # Two requests in one sentence: one procedure per request, not close alternatives.
        ("renouveler mon passeport et déclarer mes impôts", True, None),
        # A partner named alone: its general procedures, not a match on words.
        ("la CAF", False, "caf"),
        ("RSA", False, None),
    ],
)
def test_recognise_json_says_several_requests_and_partner_only(
    need: str,
    several: bool,
    partner_only: str | None,
    capsys: pytest.CaptureFixture[str],
    clean_env: None,
) -> None:
    # Schema version 1 left both out: a municipal program read a clarify on two requests
    # as two close candidates, and a lone partner's procedures as word matches.
    assert main(["recognise", need, "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["schema_version"] == 2
    assert document["several"] is several
    assert document["partner_only"] == partner_only
    _recognition_validator().validate(document)
    if several:
        assert document["level"] == "ambiguous"
        # Each request's candidates, numbered (issue-14aj); « renouveler mon passeport »
        # alone asks renewal or loss, « déclarer mes impôts » is a question of three.
        answering = [c["request"] for c in document["candidates"] if c["request"] is not None]
        assert document["chosen"] == len(answering)
        assert sorted(set(answering)) == [a["request"] for a in document["answers"]] == [1, 2]
    if partner_only:
        assert {c["partner"] for c in document["candidates"]} == {partner_only}


def _made_up_words(count: int, start: int = 0) -> list[str]:
    """``count`` distinct words of letters no dictionary holds (« qbzk… »), for texts that
    are long and all different."""
    letters = "bcdfghjklmnpqrstvwxz"
    found = []
    for n in range(start, start + count):
        word, rest = "", n
        for _ in range(5):
            word, rest = word + letters[rest % 20], rest // 20
        found.append("q" + word)
    return found


def test_a_plugins_long_texts_are_indexed_up_to_their_limits() -> None:
    """Texts within the contract's per-text limits can still hold a great many words
    (200 questions of 300 characters): recognition reads at most MAX_FIELD_CHARS of a
    field and indexes at most MAX_PROCEDURE_WORDS distinct words of a procedure (review
    14c: 40 such procedures took 20 s to index and 5 s to the first need with a new
    word); ``mfs plugins --check`` says so."""
    from mfs_core.recognition import Recogniser
    from mfs_core.recognition.index import MAX_FIELD_CHARS, MAX_PROCEDURE_WORDS

    made_up = iter(_made_up_words(20_000))
    questions = tuple(" ".join(next(made_up) for _ in range(42)) for _ in range(200))
    assert sum(map(len, questions)) > 10 * MAX_FIELD_CHARS
    assert max(map(len, questions)) <= 300  # each question within the contract's limit
    partner = Partner(code="droits-info", name="Droits info", kind=PartnerKind.LOCAL)
    procedure = _permanence(questions)
    registry = Registry.load(
        external=False, extra=[("droits-info", PartnerPlugin(partner, [procedure]))]
    )
    alone = Recogniser(Registry.load(external=False).procedures.values()).index
    index = Recogniser(registry.procedures.values(), registry.partners).index
    added = set(index.seen_words) - set(alone.seen_words)
    assert 0 < len(added) <= MAX_PROCEDURE_WORDS
    first, last = questions[0].split()[0], questions[-1].split()[-1]
    assert first in added  # read in order...
    assert last not in added  # ...the rest left out
    recogniser = Recogniser(registry.procedures.values(), registry.partners)
    best = recogniser.recognise("j'ai perdu ma carte vitale").best
    assert best is not None
    assert best.procedure == "cnam.carte-vitale"
    messages = {
        message
        for code, message in procedure_problems(procedure)
        if code == "recognition-text-too-long"
    }
    assert (
        f"questions hold {sum(map(len, questions))} characters in all: recognition reads their "
        f"first {MAX_FIELD_CHARS}" in messages
    )
    assert any(
        m.endswith(f"recognition indexes the first {MAX_PROCEDURE_WORDS} (keywords first)")
        for m in messages
    )


@pytest.mark.parametrize(
    ("keyword", "code_point"),
    [("carte\x00vitale", "U+0000"), ("perte\x1b[31m", "U+001B"), ("\ud800", "U+D800"),
     ("carte\u202evitale", "U+202E")],
)  # fmt: skip
def test_a_keyword_with_a_control_character_is_said_by_its_code_point(
    keyword: str, code_point: str
) -> None:
    procedure = Procedure(
        id="droits-info.permanence",
        partner="droits-info",
        title="Permanence juridique",
        keywords=(keyword,),
        reference="test",
    )
    problems = list(procedure_problems(procedure))
    assert problems == [
        (
            "recognition-text-invalid",
            f"keywords[0] holds {code_point} (a control or bidirectional character, or half of "
            "a surrogate pair): not text a need can say",
        )
    ]


def test_a_plugins_keyword_that_speaks_for_another_partner_is_not_read() -> None:
    """Review 14c: a plugin partner's keyword « carte vitale » made « j'ai perdu ma carte
    vitale » name that partner, which halved the CPAM's confidence: the need went to
    « aucune démarche proche ». ``mfs plugins --check`` reports such keywords
    (``recognition-keyword-foreign``, the item kept); recognition leaves them out."""
    partner = _droits_info("carte vitale", "conseil juridique")
    stuffed = Procedure(
        id="droits-info.service",
        partner="droits-info",
        title="Service payant",
        keywords=("j'ai perdu ma carte vitale", "conseil juridique"),
        reference="test",
    )
    registry = Registry.load(
        external=False, extra=[("droits-info", PartnerPlugin(partner, [stuffed]))]
    )
    codes = {(f.code, f.subject) for f in validate(registry)}
    assert ("recognition-keyword-foreign", "droits-info") in codes
    assert ("recognition-keyword-foreign", "droits-info.service") in codes
    router = Router(registry)
    assert _routed_procedure(router, "j'ai perdu ma carte vitale") == "cnam.carte-vitale"
    recognition = router.recogniser().recognise("j'ai perdu ma carte vitale")
    assert "droits-info.service" not in [c.procedure for c in recognition.candidates]
    # The plugin's other keywords are still read.
    best = router.recogniser().recognise("conseil juridique").best
    assert best is not None
    assert best.procedure == "droits-info.service"
