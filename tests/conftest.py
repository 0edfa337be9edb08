"""Shared fixtures: test plugins installed as a real distribution with entry points."""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from mfs_core.recognition import Recogniser, recogniser_for
from mfs_core.registry import Registry
from mfs_test_support import FIXTURE_ENTRY_POINTS, install_test_distribution


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


# -- recognition (module-scoped: the index is built once per test module) ----------------


@pytest.fixture(scope="module")
def builtins() -> Registry:
    """The built-in partners only (no external plugin)."""
    return Registry.load(external=False)


@pytest.fixture(scope="module")
def recogniser(builtins: Registry) -> Recogniser:
    """The recogniser of :func:`builtins`."""
    return recogniser_for(builtins)
