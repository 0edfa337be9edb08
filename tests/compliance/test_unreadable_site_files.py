"""Review 16c: ``mfs check good.toml bad.toml good.toml`` reports the good files.

It exited 2 with nothing on standard output, in every format: the two readable sites were
not reported, and a CI job's ``> mfs.sarif || true`` left an empty file for upload-sarif.
Now each unreadable file is named apart (its file, and line and column when known; never
its content) as the ANCT list's unreadable rows are, the others are checked and written,
and the exit code is 2. The bad files are copies of the bundled examples, each broken in
one place.
"""

from __future__ import annotations

import json
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from mfs_core.cli import main
from mfs_core.compliance.findings import SiteResult
from mfs_core.compliance.formats import render
from mfs_core.compliance.report import Report, UnreadableFile, UnreadableRow
from mfs_core.compliance.runner import Runner
from mfs_core.errors import InputError

from .conftest import EXAMPLES
from .test_formats import sarif_validator, validate_json

GOOD = [str(EXAMPLES / f"{n}.toml") for n in ("petite-mairie", "saint-jean-de-luz")]
FORMATS = ("text", "json", "jsonl", "junit", "sarif", "github", "markdown")
#: Only in the broken copy of bourg-pause-dejeuner (its porteur): never on standard output.
BAD_CONTENT = "Commune de Bourg"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", "--as-of", "2026-11-27", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def bad_syntax(tmp_path: Path) -> tuple[Path, int, int]:
    """bourg-pause-dejeuner with its porteur's closing quote lost; tomllib's line and
    column of the fault."""
    text = (EXAMPLES / "bourg-pause-dejeuner.toml").read_text(encoding="utf-8")
    broken = text.replace(f'porteur = "{BAD_CONTENT} (exemple)"', f'porteur = "{BAD_CONTENT}')
    assert broken != text
    path = tmp_path / "bad-syntax.toml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(tomllib.TOMLDecodeError) as info:
        tomllib.loads(broken)
    # Python 3.11's TOMLDecodeError has no lineno: its message ends "(at line N, column M)".
    at = str(info.value).rsplit("(at line ", 1)[1].rstrip(")").split(", column ")
    line = broken.splitlines().index(f'porteur = "{BAD_CONTENT}') + 1
    assert int(at[0]) == line
    return path, line, int(at[1])


@pytest.fixture
def bad_field(tmp_path: Path) -> tuple[Path, int]:
    """vallee-montagne with its INSEE code written as a number; the line of that key."""
    text = (EXAMPLES / "vallee-montagne.toml").read_text(encoding="utf-8")
    broken = text.replace('insee_code = "05023"', "insee_code = 5023")
    assert broken != text
    path = tmp_path / "bad-field.toml"
    path.write_text(broken, encoding="utf-8")
    return path, broken.splitlines().index("insee_code = 5023") + 1


@pytest.mark.parametrize("fmt", FORMATS)
def test_good_files_beside_a_bad_one_are_written_in_every_format(
    fmt: str, bad_syntax: tuple[Path, int, int], capsys: pytest.CaptureFixture[str]
) -> None:
    bad = str(bad_syntax[0])
    code, out, err = run(capsys, GOOD[0], bad, GOOD[1], "--format", fmt)
    assert code == 2
    assert "petite-mairie" in out
    assert "saint-jean-de-luz" in out
    assert BAD_CONTENT not in out
    assert f"mfs: error: {bad}: invalid TOML: " in err
    assert err.endswith("mfs: error: 1 unreadable site file(s) not checked, see above\n")
    assert "Traceback" not in err


def test_json_counts_the_unreadable_files(
    bad_syntax: tuple[Path, int, int],
    bad_field: tuple[Path, int],
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(
        capsys, GOOD[0], str(bad_syntax[0]), GOOD[1], str(bad_field[0]), "--format", "json"
    )
    assert code == 2
    data = json.loads(out)
    assert [site["id"] for site in data["sites"]] == ["petite-mairie", "saint-jean-de-luz"]
    assert data["summary"]["sites"] == 2
    assert data["summary"]["unreadable_files"] == 2
    assert f"{bad_field[0]}: insee_code: expected a string, got number 5023" in err
    assert "2 unreadable site file(s) not checked" in err
    # All files read: counted as none.
    code, out, _ = run(capsys, *GOOD, "--format", "json")
    assert code == 1
    assert json.loads(out)["summary"]["unreadable_files"] == 0
    code, out, _ = run(capsys, *GOOD, "--format", "jsonl")
    assert json.loads(out.splitlines()[-1])["summary"]["unreadable_files"] == 0


def test_sarif_github_and_junit_name_each_file_where_it_breaks(
    bad_syntax: tuple[Path, int, int],
    bad_field: tuple[Path, int],
    capsys: pytest.CaptureFixture[str],
) -> None:
    (syntax, line, column), (field, field_line) = bad_syntax, bad_field
    files = (GOOD[0], str(syntax), GOOD[1], str(field))
    code, out, _ = run(capsys, *files, "--format", "sarif")
    assert code == 2
    sarif = json.loads(out)
    assert list(sarif_validator().iter_errors(sarif)) == []
    [run_] = sarif["runs"]
    assert {r["locations"][0]["logicalLocations"][0]["name"] for r in run_["results"]} == {
        "petite-mairie",
        "saint-jean-de-luz",
    }
    [invocation] = run_["invocations"]
    assert invocation["executionSuccessful"] is False
    notes = invocation["toolExecutionNotifications"]
    assert [n["descriptor"]["id"] for n in notes] == ["site.unreadable-file"] * 2
    assert [n["locations"][0]["physicalLocation"] for n in notes] == [
        {
            "artifactLocation": {"uri": str(syntax)},
            "region": {"startLine": line, "startColumn": column},
        },
        {"artifactLocation": {"uri": str(field)}, "region": {"startLine": field_line}},
    ]
    assert all(n["message"]["text"].startswith("fichier de site illisible : non") for n in notes)

    code, out, _ = run(capsys, *files, "--format", "github")
    assert code == 2
    unread = [a for a in out.splitlines() if "title=site.unreadable-file" in a]
    assert unread == [
        f"::error file={syntax},line={line},col={column},title=site.unreadable-file::fichier "
        "de site illisible : non contrôlé (détail sur la sortie d'erreur)",
        f"::error file={field},line={field_line},title=site.unreadable-file::fichier de site "
        "illisible : non contrôlé (détail sur la sortie d'erreur)",
    ]
    # In the order of the files: each between the results of its neighbours.
    sources = [a.split("file=", 1)[1].split(",", 1)[0] for a in out.splitlines()]
    assert [s for i, s in enumerate(sources) if i == 0 or s != sources[i - 1]] == list(files)

    code, out, _ = run(capsys, *files, "--format", "junit")
    assert code == 2
    root = ET.fromstring(out)
    assert root.get("errors") == "2"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [
        "petite-mairie",
        f"{syntax}:{line}",
        "saint-jean-de-luz",
        f"{field}:{field_line}",
    ]
    errors = [e.get("type") for e in root.iter("error")]
    assert errors == ["site.unreadable-file"] * 2
    for fmt in ("sarif", "github", "junit", "json", "text", "markdown"):
        # Never the reason (on standard error), which may quote a value of the file.
        assert "expected a string" not in run(capsys, *files, "--format", fmt)[1]


def test_text_and_markdown_say_it_in_french(
    bad_syntax: tuple[Path, int, int], capsys: pytest.CaptureFixture[str]
) -> None:
    bad = str(bad_syntax[0])
    code, out, _ = run(capsys, GOOD[0], bad, GOOD[1])
    assert code == 2
    assert out.endswith(
        "\n1 fichier de site illisible, non contrôlé (détail sur la sortie d'erreur)\n"
    )
    assert "ligne" not in out.splitlines()[-1]  # not an ANCT row
    _code, out, _ = run(capsys, GOOD[0], bad, GOOD[1], "--format", "markdown")
    assert (
        "2 sites contrôlés le 27/11/2026 : 1 conforme, 1 non conforme, 0 indéterminé. 1 "
        "fichier de site illisible, non contrôlé (détail sur la sortie d'erreur)."
    ) in out
    # Nothing readable: said so, the file named; still a whole document.
    code, out, _ = run(capsys, bad, bad)
    assert code == 2
    assert out.startswith("Aucun site vérifié : aucun fichier lisible.\n")
    assert "2 fichiers de site illisibles, non contrôlés (détail" in out


def test_the_library_keeps_check_files_raising_and_gives_iter_files(
    bad_syntax: tuple[Path, int, int], runner: Runner
) -> None:
    bad = str(bad_syntax[0])
    with pytest.raises(InputError) as info:
        runner.check_files([GOOD[0], bad, GOOD[1]])
    assert [p.split(": ", 1)[0] for p in info.value.problems] == [bad]
    unread: list[tuple[str, list[str]]] = []
    results = runner.iter_files(
        [GOOD[0], bad, GOOD[1]], lambda path, exc: unread.append((path, exc.problems))
    )
    assert [r.id for r in results] == ["petite-mairie", "saint-jean-de-luz"]
    assert unread == [(bad, info.value.problems)]


@pytest.mark.parametrize(
    ("problem", "expected"),
    [
        (
            "invalid TOML: Unterminated string (at line 6, column 38)",
            UnreadableFile("f.toml", 6, 38),
        ),
        (
            "line 4: expected UTF-8 text, got byte 0xe9 (re-save the file as UTF-8)",
            UnreadableFile("f.toml", 4),
        ),
        (
            "agents[1].initial_training.completed_on: expected an ISO date (YYYY-MM-DD), got 3",
            UnreadableFile("f.toml", field="agents[1].initial_training.completed_on"),
        ),
        ("cannot read the file: No such file or directory", UnreadableFile("f.toml")),
        ("invalid TOML: Invalid value (at end of document)", UnreadableFile("f.toml")),
        ("unknown key horaires", UnreadableFile("f.toml")),
    ],
)
def test_an_unreadable_file_is_placed_from_its_problem(
    problem: str, expected: UnreadableFile
) -> None:
    assert UnreadableFile.of("f.toml", [f"f.toml: {problem}"]) == expected


def test_a_report_with_an_unreadable_file_renders_whole(runner: Runner) -> None:
    results: tuple[SiteResult, ...] = tuple(runner.check_files(GOOD))
    unread = UnreadableFile("sites/mairie.toml", 3, 9)
    report = Report(
        results=results, catalogue=runner.catalogue, as_of=runner.as_of, unreadable=(unread,)
    )
    assert report.unreadable_files == 1
    assert validate_json(report)["summary"]["unreadable_files"] == 1
    [invocation] = json.loads(render(report, "sarif"))["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    # Its own words, not those of an ANCT row.
    assert "ligne" not in unread.message
    assert UnreadableRow("liste.csv", 3).message.startswith("ligne 3 de la liste")
    assert UnreadableFile.descriptor != UnreadableRow.descriptor
