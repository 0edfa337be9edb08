"""`mfs route`: decisions on stdout, bad input named on stderr, exit codes 0 and 2."""

from __future__ import annotations

import io
import json
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from mfs_core.cli import main

RECLAMATION = {
    "procedure": "dgfip.reclamation",
    "channel": "counter",
    "wants_autonomy": False,
    "facts": ["dispute"],
    "received_at": "2026-11-27T10:00:00+01:00",
}
SIMULATEUR = {"procedure": "dgfip.simulateur-impot", "channel": "phone", "wants_autonomy": True}
BUSY = {
    "agents_on_duty": 1,
    "waiting": 6,
    "now": "2026-11-27T10:00:00+01:00",
    "free_slots": ["2026-11-30T14:00:00+01:00"],
}


def decision_validator() -> jsonschema.Draft202012Validator:
    text = resources.files("mfs_core.schemas").joinpath("decision.schema.json").read_text("utf-8")
    return jsonschema.Draft202012Validator(json.loads(text))


def write(tmp_path: Path, name: str, content: Any) -> str:
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return str(path)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["route", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_single_request_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, "--request", write(tmp_path, "r.json", RECLAMATION), "--format", "json"
    )
    assert (code, err) == (0, "")
    decision = json.loads(out)
    decision_validator().validate(decision)
    assert (decision["kind"], decision["partner"], decision["rule"]) == (
        "referral",
        "dgfip",
        "dgfip.contestation",
    )
    assert "line" not in decision
    assert [e["rule"] for e in decision["trace"]] == ["dgfip.contestation"]


def test_context_file_and_explain_in_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        capsys,
        "--request",
        write(tmp_path, "r.json", SIMULATEUR),
        "--context",
        write(tmp_path, "c.json", BUSY),
        "--explain",
    )
    assert code == 0
    assert out.startswith("Décision : rendez-vous\n")
    assert "Créneau proposé : lundi 30 novembre 2026 à 14:00" in out
    assert "[non appliquée] core.needs-appointment" in out
    assert "[appliquée] core.busy-counter" in out


def test_jsonl_stream_keeps_good_lines_and_names_bad_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [
        json.dumps(RECLAMATION),
        json.dumps({**SIMULATEUR, "channel": "fax"}),
        "",
        json.dumps(SIMULATEUR),
        json.dumps({**SIMULATEUR, "facts": ["numero_fiscal"]}),
        json.dumps({**SIMULATEUR, "facts": ["Mme Martin née le 01/02/1960"]}),
    ]
    path = write(tmp_path, "in.jsonl", "\n".join(lines) + "\n")
    code, out, err = run(capsys, "--request", path, "--format", "jsonl")
    assert code == 2
    decisions = [json.loads(line) for line in out.splitlines()]
    assert [(d["line"], d["kind"]) for d in decisions] == [(1, "referral"), (4, "answer_now")]
    for decision in decisions:
        decision_validator().validate(decision)
    errors = err.splitlines()
    assert len(errors) == 3
    assert errors[0].startswith(f"mfs: error: {path}:2: channel: expected one of 'counter'")
    assert errors[1].startswith(f"mfs: error: {path}:5: facts: unknown fact(s) 'numero_fiscal'")
    # Free text where a fact name is expected may be about the resident: not quoted.
    assert errors[2].startswith(
        f"mfs: error: {path}:6: facts: unknown fact(s) a text that is no fact name (known: "
    )
    assert "Martin" not in err
    assert "1960" not in err
    assert "Traceback" not in err


def test_stream_from_stdin_as_json_array(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stream = f"{json.dumps(RECLAMATION)}\n{json.dumps(SIMULATEUR)}\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(stream))
    code, out, _ = run(capsys, "--request", "-", "--format", "json")
    assert code == 0
    assert [d["line"] for d in json.loads(out)] == [1, 2]


def test_request_from_flags(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "--procedure",
        "dgfip.delai-de-paiement",
        "--fact",
        "needs_operator_decision",
        "--channel",
        "phone",
        "--format",
        "jsonl",
    )
    assert code == 0
    assert json.loads(out)["rule"] == "dgfip.difficultes-de-paiement"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([], "give --request FILE, or --procedure ID or --need TEXT"),
        (["--request", "-", "--autonomy"], "--request cannot be combined with --autonomy"),
        (
            ["--request", "/no/such/file.json"],
            "--request: /no/such/file.json: cannot read the file",
        ),
        (["--need", "x", "--fact", "nir"], "<flags>: facts: unknown fact(s) 'nir'"),
    ],
)
def test_usage_errors_exit_2(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert message in err


def test_bad_context_exits_2_naming_file_and_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ctx = write(tmp_path, "c.json", {**BUSY, "agents_on_duty": "deux"})
    code, out, err = run(capsys, "--procedure", "dgfip.simulateur-impot", "--context", ctx)
    assert (code, out) == (2, "")
    assert f"{ctx}: agents_on_duty: expected an integer, got 'deux'" in err


DOCS_EXAMPLES = Path(__file__).resolve().parent.parent / "docs" / "examples" / "routing"


@pytest.mark.parametrize(
    "kind", ["answer_now", "appointment", "referral", "orientation", "clarify", "unknown"]
)
def test_documented_examples_give_the_kind_they_are_named_after(
    kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    request, ctx = DOCS_EXAMPLES / f"{kind}.json", DOCS_EXAMPLES / "context.json"
    code, out, _ = run(capsys, "--request", str(request), "--context", str(ctx), "--format", "json")
    assert code == 0
    assert json.loads(out)["kind"] == kind


def test_text_names_the_partner_and_the_procedure(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["route", "--procedure", "dgfip.simulateur-impot"]) == 0
    out = capsys.readouterr().out
    assert "Partenaire : Direction générale des Finances publiques (DGFiP) (dgfip)\n" in out
    assert "Démarche : Calcul du montant de l'impôt (simulateur) (dgfip.simulateur-impot)\n" in out


def test_an_english_day_name_in_the_context_is_one_warning_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Old context files (English day names) still route the same, with one warning line
    # naming the French spelling, and the same exit code.
    permanence = {"partner": "dgfip", "weekday": "vendredi", "start": "09:00", "end": "12:00"}
    french = write(tmp_path, "fr.json", {**BUSY, "permanences": [permanence]})
    english = write(
        tmp_path, "en.json", {**BUSY, "permanences": [{**permanence, "weekday": "friday"}]}
    )
    request = write(tmp_path, "r.json", RECLAMATION)
    expected = run(capsys, "--request", request, "--context", french)
    assert expected[0] == 0
    assert expected[2] == ""
    code, out, err = run(capsys, "--request", request, "--context", english)
    assert (code, out) == (0, expected[1])
    # The file and the field named (#12 review: the warning named neither).
    assert err.splitlines() == [
        f"mfs: warning: {english}: permanences[0].weekday: 'friday' is the old spelling: "
        "write 'vendredi' (French day names, as in site files); the English names will be "
        "refused in a later release"
    ]


# -- what the catalogue's data adds to a decision (issue 13) ------------------------------


def test_a_procedure_paid_sites_imitate_warns_that_it_is_free(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MFS_PLUGINS_ENABLE", "no-external-plugin-at-all")
    assert main(["route", "--procedure", "interieur.carte-grise-occasion"]) == 0
    out = capsys.readouterr().out
    assert "des sites privés payants imitent cette démarche" in out
    assert "La démarche officielle est gratuite" in out
    assert "le site officiel immatriculation.ants.gouv.fr" in out


def test_a_withdrawn_procedure_points_to_what_replaced_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MFS_PLUGINS_ENABLE", "no-external-plugin-at-all")
    assert main(["route", "--procedure", "cnav.aide-habitat", "--format", "json"]) == 0
    decision = json.loads(capsys.readouterr().out)
    assert decision["rule"] == "core.withdrawn"
    assert "n'existe plus" in decision["reason"]
    assert any("F37501" in step for step in decision["steps"])
    assert not any("lassuranceretraite.fr/portail-info/files" in s for s in decision["steps"])


def test_a_change_of_rules_is_told_first(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MFS_PLUGINS_ENABLE", "no-external-plugin-at-all")
    assert main(["route", "--procedure", "caf.rsa", "--format", "json"]) == 0
    steps = json.loads(capsys.readouterr().out)["steps"]
    assert steps[0].startswith("À dire à l'usager : Depuis le 1er janvier 2025")


# -- a local service keyword against a partly recognised procedure (issue 14) ------------


def route_need(capsys: pytest.CaptureFixture[str], need: str, *argv: str) -> dict[str, Any]:
    code, out, err = run(capsys, "--need", need, *argv, "--format", "json")
    assert (code, err) == (0, "")
    decision: dict[str, Any] = json.loads(out)
    return decision


def test_aide_alimentaire_goes_to_the_ccas_of_the_documented_context(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # « alimentaire » alone made the ASF (« pension alimentaire ») a confident claim. Since
    # issue-14g a word of a keyword does not name the procedure: recognition only suggests
    # the ASF, and the site's CCAS, which lists « aide alimentaire », gets the need.
    ctx = str(DOCS_EXAMPLES / "context.json")
    decision = route_need(capsys, "aide alimentaire", "--context", ctx, "--explain")
    assert (decision["kind"], decision["service"]) == ("orientation", "ccas")
    assert decision["procedure"] is None
    fired = [e for e in decision["trace"] if e["fired"]]
    assert [e["rule"] for e in fired] == ["core.local-service"]


def test_a_keyword_covering_more_than_a_partial_recognition_orients(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The ASF is recognised from its keyword « pension alimentaire » (about half the need);
    # a local service lists the whole need as its keyword: the keyword covers more.
    context = json.loads((DOCS_EXAMPLES / "context.json").read_text("utf-8"))
    context["local_services"][0]["keywords"] = ["pension alimentaire impayée"]
    ctx = write(tmp_path, "c.json", context)
    decision = route_need(capsys, "pension alimentaire impayée", "--context", ctx, "--explain")
    assert (decision["kind"], decision["service"]) == ("orientation", "ccas")
    note = next(e["note"] for e in decision["trace"] if e["fired"])
    assert "mot-clé « pension alimentaire impayée »" in note
    assert "« Allocation de soutien familial (ASF) » (caf.allocation-soutien-familial)" in note
    assert "100\u00a0%" in note


def test_without_local_services_aide_alimentaire_is_only_suggested(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # No local service (no context, or a context without any): « aide alimentaire » is not
    # the ASF's name (issue-14g): the ASF is a suggestion, not a decision.
    bare = json.loads((DOCS_EXAMPLES / "context.json").read_text("utf-8"))
    bare["local_services"] = []
    for argv in ((), ("--context", write(tmp_path, "c.json", bare))):
        decision = route_need(capsys, "aide alimentaire", *argv)
        assert (decision["kind"], decision["procedure"]) == ("unknown", None)
        assert [a["procedure"] for a in decision["alternatives"]] == [
            "caf.allocation-soutien-familial"
        ]


@pytest.mark.parametrize(
    ("need", "procedure"),
    [
        # The procedure explains the whole need: the CCAS keyword « colis » covers half.
        ("suivre un colis", "la-poste.suivi-envoi"),
        ("pension alimentaire", "caf.allocation-soutien-familial"),
    ],
)
def test_a_need_the_procedure_explains_fully_still_claims_it(
    need: str, procedure: str, capsys: pytest.CaptureFixture[str]
) -> None:
    ctx = str(DOCS_EXAMPLES / "context.json")
    decision = route_need(capsys, need, "--context", ctx)
    assert (decision["kind"], decision["procedure"]) == ("answer_now", procedure)


def test_a_thematique_of_the_procedure_keeps_it_against_a_keyword(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The agent classed the need under a thematique the ASF carries: the agent's word wins
    # over the local keyword that covers more of the need (the case above).
    from mfs_core.registry import Registry

    asf = Registry.load().procedures["caf.allocation-soutien-familial"]
    assert asf.thematiques
    asked = {
        "need": "pension alimentaire impayée",
        "thematique": asf.thematiques[0],
        "channel": "counter",
        "wants_autonomy": False,
    }
    request = write(tmp_path, "r.json", asked)
    context = json.loads((DOCS_EXAMPLES / "context.json").read_text("utf-8"))
    context["local_services"][0]["keywords"] = ["pension alimentaire impayée"]
    ctx = write(tmp_path, "c.json", context)
    code, out, err = run(capsys, "--request", request, "--context", ctx, "--format", "json")
    assert (code, err) == (0, "")
    assert json.loads(out)["procedure"] == "caf.allocation-soutien-familial"


def test_error_lines_never_repeat_a_requests_values(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Issue 15: a request's fields may hold anything a user typed (a name, a date of birth,
    # an address) or megabytes of it; an error names the field and what was expected only.
    good = {"procedure": "dgfip.declaration-revenus", "channel": "counter", "wants_autonomy": False}
    birth = "Marie Curie née le 07/11/1867, 12 rue des Lilas 75005 Paris"
    lines = [
        {**good, "channel": birth},
        {**good, "channel": "z" * 500_000},
        {**good, "wants_autonomy": birth},
        {**good, "procedure": birth},
        {**good, "channel": 1_850_578_006_048},
        good,
    ]
    path = tmp_path / "requests.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    assert main(["route", "--request", str(path), "--format", "jsonl"]) == 2
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 1  # the good request is decided
    channel = "channel: expected one of 'counter', 'phone', 'video', 'mobile', got another value"
    assert err.splitlines() == [
        f"mfs: error: {path}:1: {channel}",
        f"mfs: error: {path}:2: {channel}",
        f"mfs: error: {path}:3: wants_autonomy: expected true or false, got a string",
        f"mfs: error: {path}:4: procedure: expected a procedure id (<partner>.<slug>, e.g. "
        "'dgfip.reclamation')",
        f"mfs: error: {path}:5: {channel}",
    ]


@pytest.mark.parametrize(
    ("code", "warned"), [("famille--garde-denfants", False), ("famile--garde-denfant", True)]
)
def test_route_warns_of_a_thematique_outside_data_inclusion_without_quoting_it(
    code: str, warned: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    # review 14d, finding 3: `mfs recognise --thematique` refuses a misspelt code; `mfs
    # route` keeps it (local services may carry older codes) but said nothing, so a typo
    # silently lost the thematique's favour.
    status, out, err = run(capsys, "--need", "passeport", "--thematique", code, "--format", "json")
    assert status == 0
    assert json.loads(out)["kind"]
    assert ("mfs: warning: --thematique: expected a data·inclusion v1" in err) is warned
    assert code not in err


# -- `--need -`: the need read from standard input (review 37, finding 12) ------------------


def test_a_need_from_standard_input_decides_as_the_same_need_given_as_a_flag(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """« - » was read as the need itself (« besoin non identifié », exit 0). Read from
    standard input, the need stays out of the shell's history and the process list."""
    code, given, _ = run(capsys, "--need", "j'ai perdu ma carte vitale", "--format", "json")
    assert code == 0
    raw = b"j'ai perdu ma carte vitale\n"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"))
    code, read, _ = run(capsys, "--need", "-", "--format", "json")
    assert code == 0
    assert json.loads(read) == json.loads(given)
    assert json.loads(read)["procedure"] == "cnam.carte-vitale"


@pytest.mark.parametrize(
    ("raw", "argv", "message"),
    [
        (b"", [], "--need: the need is empty"),
        (("a" * 9_000).encode(), [], "--need: the need is longer than 2000 characters"),
        ("déclaration".encode("latin-1"), [], "<stdin>: line 1: expected UTF-8 text"),
        (b"{}", ["--context", "-"], "--need - and --context -: standard input can be read"),
    ],
)
def test_a_need_from_standard_input_is_bounded_and_checked(
    raw: bytes,
    argv: list[str],
    message: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"))
    code, out, err = run(capsys, "--need", "-", *argv)
    assert code == 2
    assert message in err
    assert "Traceback" not in err
    assert "aaaa" not in err  # the need is never quoted
    assert out == ""
