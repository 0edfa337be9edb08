"""Every output format, validated: JSON against its schema, JUnit parsed, SARIF 2.1.0."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from mfs_core.compliance.anct import check_anct_csv
from mfs_core.compliance.findings import CheckStatus, Finding, SiteResult
from mfs_core.compliance.formats import FORMATS, render
from mfs_core.compliance.formats._locate import line_of
from mfs_core.compliance.report import Report
from mfs_core.compliance.runner import Runner
from mfs_core.model import Severity
from mfs_core.registry import Registry
from mfs_test_support import require_service

from .conftest import ANCT_SAMPLE, EXAMPLES

SITES = [EXAMPLES / f"{n}.toml" for n in ("saint-jean-de-luz", "petite-mairie", "vallee-montagne")]


@pytest.fixture
def report(runner: Runner) -> Report:
    return Report(
        results=tuple(runner.check_files(SITES)), catalogue=runner.catalogue, as_of=runner.as_of
    )


@pytest.fixture
def national(runner: Runner) -> Report:
    results = check_anct_csv(ANCT_SAMPLE, runner)
    return Report(
        results=tuple(results), catalogue=runner.catalogue, as_of=runner.as_of, national=True
    )


def check_schema() -> dict[str, Any]:
    text = resources.files("mfs_core.schemas").joinpath("check.schema.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def validate_json(report: Report) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(render(report, "json"))
    jsonschema.Draft202012Validator.check_schema(check_schema())
    validator = jsonschema.Draft202012Validator(
        check_schema(), format_checker=jsonschema.FormatChecker()
    )
    assert list(validator.iter_errors(data)) == []
    return data


def test_json_contract(report: Report) -> None:
    data = validate_json(report)
    sites = {s["id"]: s for s in data["sites"]}
    assert list(sites) == ["saint-jean-de-luz", "petite-mairie", "vallee-montagne"]
    sjdl = sites["saint-jean-de-luz"]
    assert (sjdl["compliant"], sjdl["weekly_hours"], sjdl["opening_days"]) == (True, 35.0, 5)
    assert sites["petite-mairie"]["compliant"] is False
    finding = sites["petite-mairie"]["findings"][0]
    assert {"check", "severity", "message"} <= set(finding)
    waived = [f for f in sites["vallee-montagne"]["findings"] if f["suppressed"]]
    assert [f["check"] for f in waived] == ["label.staffing"]
    assert waived[0]["waiver"]["until"] == "2027-06-30"
    summary = data["summary"]
    assert (summary["sites"], summary["compliant"], summary["non_compliant"]) == (3, 1, 2)
    # The verdicts as the text prints them (a waived error is no error).
    verdicts = [r.verdict for r in report.results]
    assert summary["by_verdict"] == {
        "compliant": verdicts.count("conforme"),
        "non_compliant": verdicts.count("non conforme"),
        "undetermined": verdicts.count("indéterminé"),
    }
    assert summary["suppressed"] == 1
    assert summary["checks"]["label.weekly-hours"] == {
        "pass": 2,
        "fail": 1,
        "waived": 0,
        "unknown": 0,
    }


def test_json_of_the_anct_list(national: Report) -> None:
    data = validate_json(national)
    assert len(data["sites"]) == 18
    assert data["summary"]["by_format"]["Itinérante"] == {
        "sites": 1,
        "failing": {"label.opening-days": 1, "label.weekly-hours": 1},
    }
    assert all(s["compliant"] is False for s in data["sites"])  # unknown is not passed


def test_junit_is_parseable(report: Report) -> None:
    root = ET.fromstring(render(report, "junit"))
    assert root.tag == "testsuites"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {"saint-jean-de-luz", "petite-mairie", "vallee-montagne"}
    sjdl = suites["saint-jean-de-luz"]
    assert sjdl.get("failures") == "0"
    assert len(sjdl.findall("testcase")) == int(sjdl.get("tests", "-1")) == 10
    failed = {
        c.get("name")
        for c in suites["petite-mairie"].findall("testcase")
        if c.find("failure") is not None
    }
    assert failed == {
        "label.confidential-space",
        "label.initial-training",
        "label.national-partners",
        "label.opening-days",
        "label.staffing",
        "label.weekly-hours",
    }
    skipped = suites["vallee-montagne"].find("testcase[@name='label.staffing']/skipped")
    assert skipped is not None
    assert "Zone de montagne" in (skipped.get("message") or "")
    assert int(root.get("failures", "-1")) == sum(
        int(s.get("failures", "0")) for s in suites.values()
    )


def test_junit_marks_unknown_checks_skipped(national: Report) -> None:
    root = ET.fromstring(render(national, "junit"))
    suite = root.find("testsuite[@name='1']")
    assert suite is not None
    assert suite.get("skipped") == "7"


def sarif_validator() -> jsonschema.Draft4Validator:
    path = require_service("MFS_TEST_SARIF_SCHEMA", "the official SARIF 2.1.0 schema (npm)")
    schema = json.loads(Path(path).read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema)


@pytest.mark.parametrize("which", ["report", "national"])
def test_sarif_validates_against_the_official_schema(
    which: str, request: pytest.FixtureRequest
) -> None:
    data = json.loads(render(request.getfixturevalue(which), "sarif"))
    assert list(sarif_validator().iter_errors(data)) == []


def test_sarif_carries_waivers_as_suppressions(report: Report) -> None:
    data = json.loads(render(report, "sarif"))
    run = data["runs"][0]
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert "label.staffing" in rules
    assert "label.waiver-expired" in rules
    suppressed = [r for r in run["results"] if "suppressions" in r]
    assert len(suppressed) == 1
    [suppression] = suppressed[0]["suppressions"]
    assert suppression["kind"] == "inSource"
    assert suppression["justification"].startswith("Zone de montagne")
    for result in run["results"]:
        assert rules[result["ruleIndex"]] == result["ruleId"]
    # Results point at the key of the site file they are about.
    staffing = suppressed[0]["locations"][0]["physicalLocation"]
    assert staffing["artifactLocation"]["uri"].endswith("vallee-montagne.toml")
    line = staffing["region"]["startLine"]
    source = (EXAMPLES / "vallee-montagne.toml").read_text("utf-8").splitlines()
    assert source[line - 1] == "[[presence]]"


def test_github_annotations(report: Report) -> None:
    lines = render(report, "github").splitlines()
    assert lines
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    weekly = next(line for line in lines if "label.weekly-hours" in line)
    assert weekly.startswith("::error file=")
    assert "petite-mairie.toml,line=" in weekly
    assert weekly.endswith("::ouvert 20 h par semaine, au moins 24 h sont requises")
    # Waived findings are not annotated.
    assert not any("label.staffing (vallee-montagne)" in line for line in lines)


def test_markdown_summary(report: Report) -> None:
    text = render(report, "markdown")
    assert text.startswith("# Conformité au label France services")
    assert (
        "| France services du CCAS de Saint-Jean-de-Luz (`saint-jean-de-luz`) | conforme | 35 h |"
        in text
    )
    assert "(dérogation : Zone de montagne" in text


def test_weekly_hours_are_written_one_way_on_one_screen() -> None:
    """Found by the #12 review: the header said "19,4 h/semaine" (read as 19 h 40) above a
    finding saying "ouvert 19 h 24 par semaine"."""
    from mfs_core import french

    assert french.hours(19.4) == "19 h 24"
    assert french.hours(35) == "35 h"
    assert french.hours(23.25) == "23 h 15"
    assert french.hours(0.0166) == "0 h 01"


def test_text_output(report: Report, national: Report) -> None:
    text = render(report, "text")
    assert "saint-jean-de-luz — France services du CCAS de Saint-Jean-de-Luz" in text
    assert ": conforme — 35 h par semaine, 5 jours" in text
    assert "[dérogation jusqu'au 30/06/2027" in text
    national_text = render(national, "text")
    assert "Par département :" in national_text
    assert (
        "  2B Haute-Corse : 1 site ; en échec : label.hours-quality 1, label.opening-days 1"
        in national_text
    )


def test_every_format_is_rendered(report: Report) -> None:
    assert set(FORMATS) == {"text", "json", "jsonl", "junit", "sarif", "github", "markdown"}
    for fmt in FORMATS:
        assert render(report, fmt).endswith("\n")


def test_line_of_finds_the_nth_table_of_a_list(tmp_path: Path) -> None:
    site = tmp_path / "site.toml"
    site.write_text(
        'id = "x"\n[hours]\nosm = "Mo 09:00-12:00"\n[[agents]]\nid = "a"\n'
        '[[agents]]\nid = "b"\n[equipment]\nprinter = true\n',
        encoding="utf-8",
    )
    assert line_of(str(site), "id") == 1
    assert line_of(str(site), "hours") == 2
    assert line_of(str(site), "agents[1].initial_training.completed_on") == 6
    assert line_of(str(site), "equipment.confidential_space") == 8
    assert line_of(str(site), "waivers[0]") is None
    assert line_of("", "hours") is None


def test_github_escapes_commas_and_colons_in_properties() -> None:
    finding = Finding(message="50 % : a\nb", check="x.y", severity=Severity.ERROR)
    result = SiteResult(
        id="a,b:c",
        name="n",
        source="",
        weekly_hours=0,
        opening_days=0,
        findings=(finding,),
        statuses={"x.y": CheckStatus.FAIL},
    )
    report = Report(results=(result,), catalogue=(), as_of=dt.date(2026, 11, 27))
    assert render(report, "github") == "::error title=x.y (a%2Cb%3Ac)::50 %25 : a%0Ab\n"


def test_text_says_undecided_for_the_anct_list(national: Report) -> None:
    text = render(national, "text")
    assert "1 — France services de Valserhône" in text
    assert ": indéterminé — 28 h 30 par semaine, 5 jours" in text
    assert "non vérifiable avec ces données : label.confidential-space" in text


def test_markdown_verdicts(national: Report, report: Report) -> None:
    rows = render(national, "markdown")
    # Hours as the findings write them (28,5 would read like 28 h 50): #12 review.
    assert "| France services de Valserhône (`1`) | indéterminé | 28 h 30 |" in rows
    assert "| France services La Poste de Tende (`19`) | non conforme | 23 h 15 |" in rows
    assert "(`petite-mairie`) | non conforme | 20 h |" in render(report, "markdown")


def _sites_sharing_figures() -> list[SiteResult]:
    """Sites whose figures are equal but written differently (1 == 1.0 == True, 0.0 ==
    -0.0), sharing findings and statuses, with characters JSON output escapes and a lone
    surrogate: what the JSON writers' shared parts must not confuse."""
    finding = Finding(message="ouvert 0 h « test »", check="label.weekly-hours", field="hours")
    statuses = {"label.weekly-hours": CheckStatus.FAIL}
    sites = []
    for index, (weekly, days) in enumerate(
        [(1.0, 1), (1, 1), (True, True), (0.0, 0), (-0.0, 0), (None, None), (1.0, 1)]
    ):
        sites.append(
            SiteResult(
                id=f"s{index}\x1b",
                name=f"Lieu\u202e {index} é\x7f\udcff",
                source="liste.csv",
                weekly_hours=weekly,  # type: ignore[arg-type]  # what a plugin might give
                opening_days=days,  # type: ignore[arg-type]
                findings=(finding,),
                statuses=statuses,
                departement="2A",
                format="Fixe",
            )
        )
    return sites


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
@pytest.mark.parametrize("which", ["report", "national", "figures"])
@pytest.mark.parametrize("errors", ["strict", "surrogateescape", "backslashreplace"])
def test_json_writers_give_the_same_bytes_to_a_text_file(
    request: pytest.FixtureRequest, runner: Runner, fmt: str, which: str, errors: str
) -> None:
    """The JSON writers write a UTF-8 text file's bytes themselves (``byte_sink``): the
    same bytes as the text written to a string and encoded as that file would."""
    import io

    from mfs_core.compliance.formats import write
    from mfs_core.compliance.formats.json_format import byte_sink

    if which == "figures":
        chosen = Report(
            results=tuple(_sites_sharing_figures()),
            catalogue=runner.catalogue,
            as_of=runner.as_of,
            national=True,
        )
    else:
        chosen = request.getfixturevalue(which)
    text = render(chosen, fmt)
    file = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors=errors)
    file.write("avant\n")  # written before: must stay first
    if errors == "strict" and which == "figures":
        with pytest.raises(UnicodeEncodeError):  # as the text file itself raises
            write(chosen, fmt, file)
        return
    write(chosen, fmt, file)
    file.write("après\n")
    file.flush()
    written = file.buffer.getvalue()  # type: ignore[attr-defined]
    assert written == ("avant\n" + text + "après\n").encode("utf-8", errors)
    assert byte_sink(file) is not None
    assert byte_sink(io.StringIO()) is None
    assert byte_sink(io.TextIOWrapper(io.BytesIO(), encoding="latin-1")) is None
    terminal = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", line_buffering=True)
    assert byte_sink(terminal) is None  # flushed line by line by the wrapper itself


def test_json_figures_equal_but_written_differently_stay_apart(runner: Runner) -> None:
    """1.0, 1 and True, 0.0 and -0.0 are equal dictionary keys; each site's figures are
    its own (the writer remembers them by value and checks them by identity)."""
    report = Report(
        results=tuple(_sites_sharing_figures()),
        catalogue=runner.catalogue,
        as_of=runner.as_of,
        national=True,
    )
    lines = render(report, "jsonl").splitlines()[:-1]
    figures = [(line.split('"weekly_hours": ')[1].split(",")[0]) for line in lines]
    days = [(line.split('"opening_days": ')[1].split(",")[0]) for line in lines]
    assert figures == ["1.0", "1", "true", "0.0", "-0.0", "null", "1.0"]
    assert days == ["1", "1", "true", "0", "0", "null", "1"]
    expected = [json.dumps(s.weekly_hours) for s in _sites_sharing_figures()]
    assert figures == expected


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_the_cli_writes_the_same_bytes_through_its_byte_path(fmt: str) -> None:
    """``mfs check`` run as a program writes the JSON formats as UTF-8 bytes to its own
    standard output (``_Output.byte_sink``): the same bytes as the text path (``render``),
    and a write failure (``/dev/full``) is still one line, exit 2."""
    import subprocess
    import sys

    args = [sys.executable, "-m", "mfs_core.cli", "check", "--anct-csv", str(ANCT_SAMPLE)]
    args += ["--format", fmt, "--as-of", "2026-11-27"]
    done = subprocess.run(args, capture_output=True, check=False)
    runner = Runner(Registry.load(), as_of=dt.date(2026, 11, 27))
    results = tuple(check_anct_csv(ANCT_SAMPLE, runner))
    expected = render(
        Report(results=results, catalogue=runner.catalogue, as_of=runner.as_of, national=True),
        fmt,
    )
    assert done.stdout == expected.encode("utf-8")
    with open("/dev/full", "wb") as full:
        failed = subprocess.run(args, stdout=full, stderr=subprocess.PIPE, check=False)
    assert failed.returncode == 2
    assert failed.stderr.decode().splitlines()[-1] == (
        "mfs: error: cannot write the output: No space left on device"
    )


def test_json_findings_are_written_as_the_encoder_writes_them() -> None:
    """Each finding of a site's line, written from its parts (no waiver) or through the
    encoder (a waiver, a field that is not text), is ``json.dumps`` of its data, escaped;
    two equal findings that are distinct objects are each written."""
    from mfs_core.compliance.formats.json_format import _SiteLines, site_data
    from mfs_core.compliance.site import Waiver
    from mfs_core.output import json_text

    class Label(str):
        pass

    findings = (
        Finding(message='lundi : « 9h\x1b » "x" \\ \u2028', check="label.hours-quality"),
        Finding(message="sans gravité", check="c", severity=Severity.INFO, field=None),
        Finding(message="ouvert 3 jours", check="c", severity=Severity.WARNING, field="hours"),
        Finding(
            message="dérogé",
            check="label.staffing",
            waiver=Waiver(
                check="label.staffing", reason="zone de montagne", until=dt.date(2027, 6, 30)
            ),
        ),
        Finding(message=Label("un texte à part"), check=Label("c"), field=Label("f")),
        Finding(message="sans gravité", check="c", severity=Severity.INFO, field=None),
    )
    lines = _SiteLines(national=True)
    for weekly, days in [(35.0, 5), (float("nan"), 5), (1, True)]:
        result = SiteResult(
            id="s\x7f",
            name="Lieu é",
            source="liste.csv",
            weekly_hours=weekly,
            opening_days=days,  # type: ignore[arg-type]  # what a plugin might give
            findings=findings,
            statuses={"c": CheckStatus.FAIL},
            departement="64",
            format="Fixe",
        )
        expected = json_text(json.dumps(site_data(result, True), ensure_ascii=False))
        assert lines.line(result) == expected
        assert lines.line(result) == expected  # remembered parts


@pytest.mark.parametrize("errors", ["strict", "surrogateescape", "backslashreplace"])
def test_json_outcomes_joined_from_encoded_parts_are_the_line_encoded(errors: str) -> None:
    """Written as bytes, an outcome is joined from its findings and its table of statuses
    each encoded once: every line is the text line encoded whole, for outcomes that share
    findings and tables in any mix, with non-ASCII, escaped and (with an error handler
    that takes them) undecodable characters."""
    from mfs_core.compliance.formats.json_format import _SiteLines, site_data
    from mfs_core.output import json_text

    messages = ["lundi : « 9h » fermé’", "trop\u2028court", "ok", "mardi\udcff"]
    findings = [
        Finding(message=m, check="label.hours-quality", severity=Severity.WARNING) for m in messages
    ]
    tables = [
        {"label.hours-quality": CheckStatus.FAIL, "label.staffing": CheckStatus.UNKNOWN},
        {"label.hours-quality": CheckStatus.PASS},
    ]
    outcomes = [(), (findings[0],), (findings[0], findings[1]), (findings[2], findings[0])]
    outcomes.append((findings[3],))
    results = [
        SiteResult(
            id=f"s{index}",
            name="Lieu é",
            source="liste.csv",
            weekly_hours=24.5,
            opening_days=5,
            findings=outcomes[index % len(outcomes)],
            statuses=tables[index % len(tables)],
            departement="64",
            format="Fixe",
        )
        for index in range(20)
    ]
    text, written = _SiteLines(national=True), _SiteLines(national=True, errors=errors)
    for result in results:
        expected = text.line(result)
        assert expected == json_text(json.dumps(site_data(result, True), ensure_ascii=False))
        if errors == "strict" and "\udcff" in expected:
            with pytest.raises(UnicodeEncodeError):
                written.line(result)
            continue
        assert written.line(result) == expected.encode("utf-8", errors)


def test_an_anct_list_gives_no_line_even_where_a_cell_reads_like_a_site_key(
    tmp_path: Path,
) -> None:
    # review 15c, finding 1: the ANCT list (CSV) was searched as a site file, once per
    # finding (time growing as rows x findings), and a cell holding « hours = x » gave
    # another site's finding that line.
    anct = tmp_path / "anct.csv"
    anct.write_text('"id_fs","adresse","h_lundi"\n"1","5 rue\nhours = x",""\n', encoding="utf-8")
    assert line_of(str(anct), "hours") is None
    site = tmp_path / "site.toml"
    site.write_text('id = "x"\n[hours]\nosm = "Mo 09:00-12:00"\n', encoding="utf-8")
    assert line_of(str(site), "hours") == 2
