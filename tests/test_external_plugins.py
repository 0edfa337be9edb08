"""The external plugins of plugins/ are found through their entry points after ``pip install``
and absent before.

Which case applies is set by the nox session: ``tests`` (core only) leaves
``MFS_TEST_EXPECT_PLUGINS`` unset, ``tests_plugins`` installs the plugins and sets it to 1. Both
cases are asserted; neither is skipped.
"""

from __future__ import annotations

import importlib.metadata
import os

from mfs_core.registry import ENTRY_POINT_GROUP, Registry
from mfs_core.validation import validate

EXTERNAL = {
    "anah": "mfs-anah",
    "cheque-energie": "mfs-anah",
    "local-droits": "mfs-local-droits",
}
EXPECTED = os.environ.get("MFS_TEST_EXPECT_PLUGINS") == "1"


def _installed(distribution: str) -> bool:
    try:
        importlib.metadata.distribution(distribution)
    except importlib.metadata.PackageNotFoundError:
        return False
    return True


def test_distributions_installed_as_expected() -> None:
    for distribution in set(EXTERNAL.values()):
        assert _installed(distribution) is EXPECTED, distribution


def test_entry_points_discovered_as_expected() -> None:
    names = {ep.name for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)}
    if EXPECTED:
        assert set(EXTERNAL) <= names
    else:
        assert not set(EXTERNAL) & names


def test_registry_with_or_without_the_plugins() -> None:
    registry = Registry.load()
    loaded = {p.name: p for p in registry.plugins if not p.builtin}
    if EXPECTED:
        for name, distribution in EXTERNAL.items():
            assert loaded[name].distribution == distribution
            assert loaded[name].loaded
            assert not loaded[name].faults
        assert {"anah", "cheque-energie", "local-droits"} <= set(registry.partners)
        assert "local-droits.permanence-ou-visio" in registry.checks
        # The plugins validate together with the built-ins.
        assert [f for f in validate(registry) if f.code != "last-verified-stale"] == []
    else:
        assert not set(EXTERNAL) & set(loaded)
        assert not {"anah", "cheque-energie", "local-droits"} & set(registry.partners)
