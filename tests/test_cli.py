"""The `mfs` command end to end, in a subprocess as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from mfs_core.cli import main

SCHEMAS = Path(__file__).parent.parent / "src" / "mfs_core" / "schemas"


def run_mfs(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``mfs`` as a separate process with a clean MFS_* environment."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("MFS_")}
    return subprocess.run(
        [sys.executable, "-m", "mfs_core.cli", *args],
        capture_output=True,
        text=True,
        env={**base, **(env or {})},
        check=False,
    )


def test_procedures_json_follows_its_schema(clean_env: None) -> None:
    result = run_mfs("procedures", "--format", "json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    schema = json.loads((SCHEMAS / "procedures.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(document)
    ids = [p["id"] for p in document["procedures"]]
    assert ids == sorted(ids)
    assert "dgfip.declaration-revenus" in ids


def test_procedures_filtered_by_partner(
    capsys: pytest.CaptureFixture[str], clean_env: None
) -> None:
    assert main(["procedures", "--partner", "dgfip", "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert {p["partner"] for p in document["procedures"]} == {"dgfip"}


def test_unknown_partner_is_an_input_error(
    capsys: pytest.CaptureFixture[str], clean_env: None
) -> None:
    assert main(["procedures", "--partner", "nope"]) == 2
    err = capsys.readouterr().err
    assert "--partner: unknown partner 'nope'" in err
    assert "Traceback" not in err


def test_plugins_lists_builtins_and_exits_0(clean_env: None) -> None:
    result = run_mfs("plugins", "--format", "json")
    assert result.returncode == 0, result.stderr
    plugins = {p["name"]: p for p in json.loads(result.stdout)["plugins"]}
    assert plugins["dgfip"]["distribution"] == "mfs-core"
    assert plugins["dgfip"]["procedures"] > 0
    assert plugins["dgfip"]["errors"] == []


def test_plugins_reports_faults_with_exit_1(fixture_plugins: Path) -> None:
    result = run_mfs("plugins", env={"PYTHONPATH": str(fixture_plugins)})
    assert result.returncode == 1
    assert "error: plugin 'fixture-import-error' (import)" in result.stdout
    assert "fixture-good" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


EXAMPLE_SITE = Path(__file__).parent.parent / "examples" / "sites" / "petite-mairie.toml"
ROUTE_REQUEST = '{"procedure": "caf.prime-activite", "channel": "counter", "wants_autonomy": false}'


@pytest.mark.parametrize(
    "command",
    [
        ("check", str(EXAMPLE_SITE), "--as-of", "2026-11-27"),
        ("route", "--request", "-"),
    ],
)
def test_agent_commands_warn_of_a_plugin_that_failed(
    fixture_plugins: Path, command: tuple[str, ...]
) -> None:
    """Found by the #12 review: only `mfs plugins` said a plugin failed to import; `mfs
    check` and `mfs route` said nothing. One line per faulty plugin, names only."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("MFS_")}
    result = subprocess.run(
        [sys.executable, "-m", "mfs_core.cli", *command],
        capture_output=True,
        text=True,
        input=ROUTE_REQUEST,
        env={**base, "PYTHONPATH": str(fixture_plugins)},
        check=False,
    )
    warnings = [line for line in result.stderr.splitlines() if line.startswith("mfs: warning:")]
    assert warnings == [
        "mfs: warning: plugin 'fixture-import-error' could not be imported: its contributions "
        "are missing (see `mfs plugins`)",
        "mfs: warning: plugin 'fixture-raising' had a hook fail: its contributions are missing "
        "(see `mfs plugins`)",
        "mfs: warning: plugin 'fixture-typo' could not be registered: its contributions are "
        "missing (see `mfs plugins`)",
    ]
    assert "database of procedures unreachable" not in result.stderr  # names only
    assert "Traceback" not in result.stderr


def test_a_plugin_name_taken_twice_is_one_line_naming_it(tmp_path: Path) -> None:
    """Found by the #12 review: an entry point named like a built-in plugin gave pluggy's
    multi-line dump of every plugin, reported twice."""
    from mfs_test_support import install_test_distribution

    site = install_test_distribution(
        tmp_path,
        {"caf": "mfs_fixture_good", "fixture-good": "mfs_fixture_good"},
        name="mfs-caf",
    )
    result = run_mfs("plugins", env={"PYTHONPATH": str(site)})
    assert result.returncode == 1
    faults = [line for line in result.stdout.splitlines() if "(register)" in line]
    assert faults == [
        "error: plugin 'caf' (register): the plugin name 'caf' of distribution mfs-caf is "
        "already taken by a built-in plugin of mfs-core; this one is ignored: rename its "
        "entry point"
    ]


def test_strict_plugin_fault_is_fatal_without_traceback(fixture_plugins: Path) -> None:
    result = run_mfs("plugins", "--strict", env={"PYTHONPATH": str(fixture_plugins)})
    assert result.returncode == 2
    assert "plugin faults (strict mode)" in result.stderr
    assert "Traceback" not in result.stderr


def test_disable_list_from_environment(fixture_plugins: Path) -> None:
    env = {
        "PYTHONPATH": str(fixture_plugins),
        "MFS_PLUGINS_DISABLE": "fixture-import-error,fixture-raising,fixture-duplicate,"
        "fixture-typo,fixture-wrong-type",
    }
    result = run_mfs("plugins", "--format", "json", env=env)
    assert result.returncode == 0, result.stdout
    names = [p["name"] for p in json.loads(result.stdout)["plugins"]]
    assert [name for name in names if name.startswith("fixture-")] == ["fixture-good"]
    assert "dgfip" in names


def test_bad_settings_are_an_input_error(clean_env: None) -> None:
    result = run_mfs("plugins", env={"MFS_PLUGINS_STRICT": "maybe"})
    assert result.returncode == 2
    assert "plugins_strict" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_config_file_is_an_input_error(clean_env: None, tmp_path: Path) -> None:
    result = run_mfs("plugins", env={"MFS_CONFIG": str(tmp_path / "absent.toml")})
    assert result.returncode == 2
    assert "MFS_CONFIG: no such file" in result.stderr


def test_bad_option_is_a_usage_error(clean_env: None) -> None:
    result = run_mfs("procedures", "--format", "xml")
    assert result.returncode == 2
    assert "invalid choice: 'xml'" in result.stderr


def test_import_mfs_core_is_light() -> None:
    code = (
        "import sys, mfs_core; "
        "heavy = {'pydantic', 'pydantic_settings', 'cattrs', 'pluggy'} & set(sys.modules); "
        "print(sorted(heavy))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    # pluggy is imported for the hookimpl marker, which plugins need; the rest must not be.
    assert result.stdout.strip() == "['pluggy']"


def test_a_deny_list_naming_no_installed_plugin_is_a_warning(fixture_plugins: Path) -> None:
    env = {"PYTHONPATH": str(fixture_plugins), "MFS_PLUGINS_DISABLE": "fixture-raisng"}
    result = run_mfs("plugins", "--format", "json", env=env)
    warnings = json.loads(result.stdout)["warnings"]
    assert warnings == [
        "MFS_PLUGINS_DISABLE names 'fixture-raisng', which is not an installed plugin"
    ]
    text = run_mfs("plugins", env=env).stdout
    assert "warning: MFS_PLUGINS_DISABLE names 'fixture-raisng'" in text


@pytest.mark.parametrize("fmt", ["text", "json", "junit"])
def test_check_keeps_its_verdict_when_the_reader_closes_the_pipe(
    tmp_path: Path, clean_env: None, fmt: str
) -> None:
    """Review 15e (r6): `mfs check --anct-csv LIST | head -1` exited 0, « compliant », for a
    list with error findings: a closed pipe was taken for a reader that had all it wanted.
    The rest is checked unwritten and the exit code is the whole run's."""
    sample = Path(__file__).parent.parent / "examples" / "anct" / "anct-france-services-sample.csv"
    header, *rows = sample.read_text(encoding="utf-8").splitlines()
    big = tmp_path / "big.csv"  # 5,400 rows: far more output than a pipe holds
    big.write_text("\n".join([header, *rows * 300]) + "\n", encoding="utf-8")
    args = ["check", "--as-of", "2026-11-27", "--anct-csv", str(big), "--format", fmt]
    assert run_mfs(*args).returncode == 1  # Tende's hours: an error finding
    base = {k: v for k, v in os.environ.items() if not k.startswith("MFS_")}
    process = subprocess.Popen(
        [sys.executable, "-m", "mfs_core.cli", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=base,
    )
    assert process.stdout is not None
    assert process.stderr is not None
    process.stdout.read(10)
    process.stdout.close()  # the reader stops, as `| head -c 10` does
    with process.stderr:
        stderr = process.stderr.read().decode("utf-8")
    assert process.wait() == 1
    assert "Traceback" not in stderr
