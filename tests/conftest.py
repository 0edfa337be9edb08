"""Shared fixtures: test plugins installed as a real distribution with entry points."""

from __future__ import annotations

import importlib
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

FIXTURE_PLUGINS = Path(__file__).parent / "fixtures" / "plugins"

#: entry-point name -> module of the test distribution ``mfs-fixture-plugins``.
FIXTURE_ENTRY_POINTS = {
    "fixture-good": "mfs_fixture_good",
    "fixture-import-error": "mfs_fixture_import_error",
    "fixture-raising": "mfs_fixture_raising",
    "fixture-duplicate": "mfs_fixture_duplicate",
    "fixture-typo": "mfs_fixture_typo",
    "fixture-wrong-type": "mfs_fixture_wrong_type",
}


def install_test_distribution(
    target: Path, entry_points: dict[str, str], name: str = "mfs-fixture-plugins"
) -> Path:
    """Lay out an installed distribution (``*.dist-info`` with entry points) in ``target``.

    This is what pip leaves in site-packages; putting ``target`` on ``sys.path`` (or
    PYTHONPATH) makes importlib.metadata find the entry points, as for a real install.
    """
    for module in set(entry_points.values()):
        shutil.copy(FIXTURE_PLUGINS / f"{module}.py", target / f"{module}.py")
    dist_info = target / f"{name.replace('-', '_')}-1.0.dist-info"
    dist_info.mkdir()
    (dist_info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n", encoding="utf-8"
    )
    lines = ["[mfs_core.plugins]"] + [f"{ep} = {module}" for ep, module in entry_points.items()]
    (dist_info / "entry_points.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No MFS_* variable and no mfs.toml from the developer's shell leak into a test."""
    for key in list(os.environ):
        if key.startswith("MFS_"):
            monkeypatch.delenv(key)
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def fixture_plugins(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch, clean_env: None
) -> Iterator[Path]:
    """Every fixture plugin installed as the distribution ``mfs-fixture-plugins``."""
    site = install_test_distribution(tmp_path_factory.mktemp("site"), FIXTURE_ENTRY_POINTS)
    monkeypatch.syspath_prepend(str(site))
    importlib.invalidate_caches()
    yield site
    for module in FIXTURE_ENTRY_POINTS.values():
        sys.modules.pop(module, None)
