"""Optional pytest fixtures for plugin authors, loaded by pytest through the ``pytest11``
entry point of mfs-core (disable with ``-p no:mfs_core``).

Opt-in: the fixtures do nothing until a test asks for them, and they need the fixture
``mfs_plugins``, which the plugin's ``conftest.py`` defines::

    import pytest
    from my_plugin import plugin

    @pytest.fixture
    def mfs_plugins():
        return [plugin]

    @pytest.fixture
    def mfs_today():  # optional: pin the validation date to the plugin's check date
        return plugin.CHECKED_ON

Then ``mfs_registry`` is :func:`mfs_core.testing.load_plugin` of those plugins (with the
built-ins) and ``mfs_plugin_findings`` lists their findings (:func:`mfs_core.testing.check_plugin`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from mfs_core import validation
    from mfs_core.registry import Registry

__all__ = ["mfs_plugin_findings", "mfs_plugins", "mfs_registry", "mfs_today"]


@pytest.fixture
def mfs_plugins() -> Sequence[object]:
    """The plugins under test: override this fixture in your ``conftest.py``."""
    pytest.fail(
        "define a fixture 'mfs_plugins' in conftest.py returning your plugin module(s), "
        "e.g. `return [my_plugin.plugin]`",
        pytrace=False,
    )


@pytest.fixture
def mfs_today() -> dt.date | None:
    """The validation date; ``None`` is today in Europe/Paris. Override to pin it."""
    return None


@pytest.fixture
def mfs_registry(mfs_plugins: Sequence[object]) -> Registry:
    """A registry with the built-ins and ``mfs_plugins`` registered in process."""
    from mfs_core.testing import load_plugin

    return load_plugin(*mfs_plugins)


@pytest.fixture
def mfs_plugin_findings(
    mfs_plugins: Sequence[object], mfs_registry: Registry, mfs_today: dt.date | None
) -> list[validation.ContributionFinding]:
    """Every finding concerning ``mfs_plugins`` (empty when they are valid)."""
    from mfs_core.testing import check_plugin

    return sorted(
        finding
        for plugin in mfs_plugins
        for finding in check_plugin(plugin, registry=mfs_registry, today=mfs_today)
    )
