"""A hostile plugin installed as a real distribution never owns a command.

``tests/fixtures/plugins/mfs_hostile.py`` misbehaves where ``MFS_HOSTILE`` says (at import,
in a hook, in a referral rule's predicate, in a check): it exits, interrupts, loops, blocks
or prints. Each case runs ``mfs`` in its own process, as a user would, with small time
budgets: the command keeps its exit code (0, 1 or 2) and its output format, names the
plugin, and shows no traceback.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from mfs_test_support import install_test_distribution

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "examples" / "sites" / "saint-jean-de-luz.toml"
BUDGETS = {"MFS_PLUGINS_LOAD_BUDGET": "1", "MFS_PLUGINS_CALL_BUDGET": "0.5"}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return install_test_distribution(
        tmp_path_factory.mktemp("hostile"), {"hostile": "mfs_hostile"}, name="mfs-hostile"
    )


def mfs(
    site: Path, hostile: str, *args: str, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """``mfs ARGS`` in its own process, the hostile plugin installed and misbehaving as
    ``hostile`` says (an empty string: it behaves)."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith("MFS_")}
    environ.update(PYTHONPATH=str(site), MFS_HOSTILE=hostile, **BUDGETS)
    if hostile == "hook:endless":
        # The item cap is what this case tests: on a loaded machine 100,000 items can take
        # longer than the short call budget, which would cut the hook off for another reason.
        # The load budget (whole plugin loading) likewise, or it cuts the hook off first.
        environ["MFS_PLUGINS_CALL_BUDGET"] = "30"
        environ["MFS_PLUGINS_LOAD_BUDGET"] = "60"
    done = subprocess.run(
        [sys.executable, "-m", "mfs_core.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=environ,
        timeout=60,
        check=False,
    )
    assert "Traceback" not in done.stderr
    assert done.returncode in (0, 1, 2)
    return done


LOAD_FAILURES = {
    "import:exit": "(import): called sys.exit(3)",
    "import:interrupt": "(import): KeyboardInterrupt",
    "import:loop": "(import): overran its time budget of 1 s",
    "import:sleep": "(import): overran its time budget of 1 s",
    "import:print": "(import): wrote",
    "hook:exit": "(hook): mfs_partners() called sys.exit(3)",
    "hook:interrupt": "(hook): mfs_partners() raised KeyboardInterrupt",
    "hook:endless": "(hook): mfs_partners() yielded more than 100000",  # nothing raised
    "hook:print": "(hook): mfs_partners() wrote",
}


@pytest.mark.parametrize("hostile", LOAD_FAILURES)
def test_a_plugin_failing_to_load_is_named_and_skipped(hostile_site: Path, hostile: str) -> None:
    done = mfs(hostile_site, hostile, "plugins", "--format", "json")
    assert done.returncode == 1  # a plugin fault
    plugins = {p["name"]: p for p in json.loads(done.stdout)["plugins"]}
    assert any(LOAD_FAILURES[hostile] in error for error in plugins["hostile"]["errors"])
    assert plugins["dgfip"]["procedures"] > 0  # the others are loaded
    # Other commands keep their exit code and their output.
    done = mfs(hostile_site, hostile, "procedures", "--format", "json")
    assert done.returncode == 0
    ids = [p["id"] for p in json.loads(done.stdout)["procedures"]]
    assert "dgfip.declaration-revenus" in ids


def test_strict_mode_fails_on_a_load_failure(hostile_site: Path) -> None:
    done = mfs(hostile_site, "import:loop", "procedures", "--strict")
    assert done.returncode == 2
    assert "plugin 'hostile' (import): overran its time budget of 1 s" in done.stderr
    assert done.stdout == ""


def test_a_plugin_that_cannot_be_stopped_ends_the_command_naming_it(hostile_site: Path) -> None:
    done = mfs(hostile_site, "import:swallow", "plugins")
    assert done.returncode == 2
    assert "plugin 'hostile' (import) overran its time budget of 1 s and could not be stopped" in (
        done.stderr
    )
    assert "MFS_PLUGINS_DISABLE=hostile" in done.stderr


@pytest.mark.parametrize(
    ("hostile", "error", "note"),
    [
        ("predicate:loop", "overran its time budget of 0.5 s", "a dépassé son temps imparti"),
        ("predicate:exit", "called sys.exit(3)", "a tenté d'arrêter le programme (code 3)"),
        ("predicate:interrupt", "KeyboardInterrupt", "a été interrompu (Ctrl-C)"),
        ("predicate:print", "wrote", "a écrit"),
    ],
)
def test_a_failing_predicate_skips_its_rule(
    hostile_site: Path, hostile: str, error: str, note: str
) -> None:
    requests = '{"procedure": "hostile.demarche", "channel": "counter", "wants_autonomy": false}\n'
    stdin = requests * 2
    done = mfs(hostile_site, hostile, "route", "--request", "-", "--format", "json", stdin=stdin)
    assert done.returncode == 0
    decisions = json.loads(done.stdout)
    assert [d["kind"] for d in decisions] == ["answer_now", "answer_now"]  # the rule skipped
    errors = [e["error"] for d in decisions for e in d["trace"] if e.get("error")]
    assert error in errors[0]  # for developers, in English
    # What the agent reads (mfs route --explain) is French.
    notes = [e["note"] for d in decisions for e in d["trace"] if e.get("error")]
    assert notes[0].startswith(f"règle ignorée : sa condition {note}")
    assert not {"called", "raised", "wrote", "overran"} & set(notes[0].split())
    if hostile == "predicate:loop":  # overran once: the plugin is skipped from then on
        assert "skipped: this plugin overran its time budget earlier" in errors[1]


def test_strict_mode_fails_on_a_failing_predicate(hostile_site: Path) -> None:
    request = '{"procedure": "hostile.demarche", "channel": "counter", "wants_autonomy": false}'
    args = ("route", "--request", "-", "--format", "json", "--strict")
    done = mfs(hostile_site, "predicate:exit", *args, stdin=request)
    assert done.returncode == 2
    assert "plugin 'hostile' (hostile.relais): called sys.exit(3) (strict mode)" in done.stderr
    json.loads(done.stdout)  # the decision is still printed, whole


@pytest.mark.parametrize(
    ("hostile", "message"),
    [
        # What agents read is French, numbers included (#12 review: English leaked here).
        ("check:loop", "a dépassé son temps imparti de 0,5 s"),
        ("check:sleep", "a dépassé son temps imparti de 0,5 s"),
        ("check:exit", "a tenté d'arrêter le programme (code 3)"),
        ("check:interrupt", "a été interrompu (Ctrl-C)"),
        ("check:print", "a écrit 24 caractères sur la sortie standard (capturés, non affichés)"),
    ],
)
def test_a_failing_check_is_an_error_finding(
    hostile_site: Path, hostile: str, message: str
) -> None:
    done = mfs(hostile_site, hostile, "check", str(SITE), "--format", "json", "--as-of",
               "2026-11-27")  # fmt: skip
    assert done.returncode == 1  # the check's failure is an error finding
    site = json.loads(done.stdout)["sites"][0]
    findings = [f["message"] for f in site["findings"] if f["check"] == "hostile.controle"]
    assert len(findings) == 1
    assert "« hostile.controle » du plugin « hostile »" in findings[0]
    assert message in findings[0]
    assert not {"called", "raised", "wrote", "overran"} & set(findings[0].split())


def test_strict_mode_fails_on_a_check_overrun_and_junit_stays_valid(hostile_site: Path) -> None:
    done = mfs(hostile_site, "check:loop", "check", str(SITE), "--format", "junit", "--strict",
               "--as-of", "2026-11-27")  # fmt: skip
    assert done.returncode == 2
    assert "plugin 'hostile' (hostile.controle): overran its time budget of 0.5 s" in done.stderr
    suite = ET.fromstring(done.stdout).find("testsuite")
    assert suite is not None
    failure = suite.find("testcase[@name='hostile.controle']/failure")
    assert failure is not None
    assert "a dépassé son temps imparti" in failure.get("message", "")


def test_plugin_output_never_corrupts_the_html_report(hostile_site: Path, tmp_path: Path) -> None:
    journal = f"sqlite:///{tmp_path / 'j.sqlite3'}"
    example = (ROOT / "examples" / "journal" / "saint-jean-de-luz-2023-06.jsonl").read_text()
    added = mfs(hostile_site, "", "journal", "add", "--journal", journal, stdin=example)
    assert added.returncode == 0, added.stderr
    done = mfs(hostile_site, "import:print", "report", "--month", "2023-06", "--format", "html",
               "--journal", journal)  # fmt: skip
    assert done.returncode == 0
    assert done.stdout.startswith("<!DOCTYPE html>")
    assert "hostile plugin output" not in done.stdout
    # Written below sys.stdout, on descriptor 1: the CLI sent it to standard error.
    assert "<hostile plugin output on fd 1>" in done.stderr
