"""``mfs plugins new``: the generated package passes ``mfs plugins --check`` and its tests.

Here the package is "installed" as pip would leave it (a ``*.dist-info`` with its entry point,
its ``src`` on the path), so the test needs no network; the ``plugin_template`` nox session
installs it for real with pip.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from mfs_core.cli import main
from mfs_core.errors import InputError
from mfs_core.scaffold import new_plugin

TODAY = dt.date(2026, 11, 27)


def installed(package: Path, site: Path, entry_point: str, module: str) -> dict[str, str]:
    """The environment of a process that sees the generated package as installed."""
    metadata = tomllib.loads((package / "pyproject.toml").read_text(encoding="utf-8"))
    dist_info = site / f"{metadata['project']['name'].replace('-', '_')}-0.1.0.dist-info"
    dist_info.mkdir(parents=True)
    (dist_info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {metadata['project']['name']}\nVersion: 0.1.0\n",
        encoding="utf-8",
    )
    (dist_info / "entry_points.txt").write_text(
        f"[mfs_core.plugins]\n{entry_point} = {module}\n", encoding="utf-8"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("MFS_")}
    env["PYTHONPATH"] = os.pathsep.join([str(package / "src"), str(site)])
    env["MFS_PLUGINS_ENABLE"] = entry_point  # the other installed plugins do not matter here
    return env


def test_generated_plugin_passes_check_and_its_own_tests(tmp_path: Path) -> None:
    package = new_plugin("droits-info", tmp_path, today=TODAY)
    assert package == tmp_path / "mfs-droits-info"
    metadata = tomllib.loads((package / "pyproject.toml").read_text(encoding="utf-8"))
    entry_points = metadata["project"]["entry-points"]["mfs_core.plugins"]
    assert entry_points == {"droits-info": "mfs_droits_info.plugin"}
    assert (package / "src" / "mfs_droits_info" / "procedures.toml").is_file()
    env = installed(package, tmp_path / "site", "droits-info", "mfs_droits_info.plugin")
    check = subprocess.run(
        [sys.executable, "-m", "mfs_core.cli", "plugins", "--check"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.startswith("0 finding(s)")
    tests = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        cwd=package,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert tests.returncode == 0, tests.stdout + tests.stderr
    assert "7 passed" in tests.stdout


def test_the_template_data_is_dated_the_day_it_is_written(tmp_path: Path) -> None:
    package = new_plugin("droits-info", tmp_path, today=TODAY)
    data = tomllib.loads(
        (package / "src" / "mfs_droits_info" / "procedures.toml").read_text(encoding="utf-8")
    )
    assert {p["last_verified"] for p in data["procedures"]} == {TODAY}
    assert {r["last_verified"] for r in data["referral_rules"]} == {TODAY}
    plugin = (package / "src" / "mfs_droits_info" / "plugin.py").read_text(encoding="utf-8")
    assert "CHECKED_ON = dt.date(2026, 11, 27)" in plugin


@pytest.mark.parametrize("name", ["Droits", "droits info", "9droits", "", "d" * 41, "../x"])
def test_a_name_that_is_not_a_partner_code_is_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(InputError, match="NAME: expected a partner code"):
        new_plugin(name, tmp_path)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("caf", "is the name of a built-in plugin"),
        ("label", "is the name of a built-in plugin"),
        ("france-travail", "is the name of a built-in plugin"),
        ("core", "would replace mfs-core itself"),
        ("mfs-core", "would replace mfs-core itself"),
    ],
)
def test_a_builtin_or_core_name_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, reason: str
) -> None:
    """Found by the #12 review: `mfs plugins new core` wrote a distribution named mfs-core
    depending on mfs-core; `new caf` a plugin the registry then refuses as a duplicate."""
    assert main(["plugins", "new", name, "--directory", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert reason in err
    assert len(err.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


def test_every_table_of_the_generated_data_file_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found by the #12 review: the generated plugin.py bound only the partner and procedure
    hooks, so a [[referral_rules]] table added to its data file was silently ignored. The
    rule is data now, its predicate named "module:function"."""
    from mfs_core.testing import load_plugin

    package = new_plugin("droits-info", tmp_path, today=TODAY)
    data = package / "src" / "mfs_droits_info" / "procedures.toml"
    data.write_text(
        data.read_text(encoding="utf-8")
        + '\n[[referral_rules]]\nid = "droits-info.ajoutee"\ntarget = "office"\n'
        'reason = "Règle ajoutée."\nreference = "test"\nlast_verified = 2026-11-27\n',
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(package / "src"))
    import importlib

    module = importlib.import_module("mfs_droits_info.plugin")
    try:
        registry = load_plugin(("droits-info", module), with_builtins=False)
        assert registry.faults == ()
        assert set(registry.referral_rules) == {"droits-info.ajoutee", "droits-info.litige"}
        litige = registry.referral_rules["droits-info.litige"]
        assert litige.predicate is module.hosts_a_permanence
    finally:
        for name in ("mfs_droits_info.plugin", "mfs_droits_info"):
            sys.modules.pop(name, None)


def test_nothing_is_overwritten(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "mfs-droits-info").mkdir()
    assert main(["plugins", "new", "droits-info", "--directory", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "mfs-droits-info: already exists" in err
    assert "Traceback" not in err
    assert list((tmp_path / "mfs-droits-info").iterdir()) == []


def test_cli_writes_the_package(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plugins", "new", "droits-info", "--directory", str(tmp_path)]) == 0
    assert "pip install -e" in capsys.readouterr().out
    assert (tmp_path / "mfs-droits-info" / "tests" / "test_plugin.py").is_file()
