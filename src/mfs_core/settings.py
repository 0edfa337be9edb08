"""Settings: environment variables prefixed ``MFS_`` and an optional ``mfs.toml``.

Nothing here reads the environment at import time, and pydantic-settings is imported only
when settings are actually built (it costs a noticeable share of the CLI's cold start).
The host application may build its own :class:`MfsSettings` and pass it around.

Precedence, highest first: keyword arguments, environment variables, ``mfs.toml`` (the file
named by ``MFS_CONFIG``, else ``./mfs.toml``), defaults.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from mfs_core.errors import InputError
from mfs_core.isolation import DEFAULT_BUDGET, Budget

if TYPE_CHECKING:
    from mfs_core._settings_model import MfsSettings

__all__ = ["PluginPolicy", "config_file", "load_settings", "plugin_policy"]

ENV_PREFIX = "MFS_"
DEFAULT_CONFIG_FILE = "mfs.toml"


@attrs.frozen
class PluginPolicy:
    """Which external plugins to load, and whether plugin faults are fatal."""

    enable: frozenset[str] = frozenset()
    disable: frozenset[str] = frozenset()
    strict: bool = False
    #: Time budgets of plugin code (seconds): loading, and each predicate or check call.
    budget: Budget = DEFAULT_BUDGET

    def allows(self, name: str) -> bool:
        """Whether the external plugin ``name`` may be loaded."""
        if name in self.disable:
            return False
        return not self.enable or name in self.enable


def config_file() -> Path:
    """The configuration file that applies: ``$MFS_CONFIG`` or ``./mfs.toml``."""
    return Path(os.environ.get("MFS_CONFIG", DEFAULT_CONFIG_FILE))


def _configured() -> bool:
    return config_file().is_file() or any(key.startswith(ENV_PREFIX) for key in os.environ)


def load_settings(**overrides: Any) -> MfsSettings:
    """Build the settings from keyword arguments, the environment and ``mfs.toml``.

    Raises :class:`~mfs_core.errors.InputError` naming the variable or key at fault.
    """
    from pydantic import ValidationError

    from mfs_core._settings_model import MfsSettings

    path = config_file()
    if "MFS_CONFIG" in os.environ and not path.is_file():
        raise InputError(f"MFS_CONFIG: no such file {str(path)!r}")
    try:
        return MfsSettings.reading(path)(**overrides)
    except ValidationError as exc:
        problems = [
            f"{'.'.join(str(p) for p in err['loc']) or '(root)'}: {err['msg']}"
            for err in exc.errors()
        ]
        raise InputError(problems, source=f"settings ({path} or MFS_* environment)") from None
    except ValueError as exc:  # a malformed TOML file
        raise InputError(str(exc), source=str(path)) from None


def plugin_policy(settings: MfsSettings | None = None) -> PluginPolicy:
    """The plugin allow/deny list and strictness from ``settings``.

    Without settings given, they are built only if an ``MFS_*`` variable or a config file
    exists; otherwise the defaults apply without importing pydantic-settings.
    """
    if settings is None:
        if not _configured():
            return PluginPolicy()
        settings = load_settings()
    return PluginPolicy(
        enable=frozenset(settings.plugins_enable),
        disable=frozenset(settings.plugins_disable),
        strict=settings.plugins_strict,
        budget=Budget(load=settings.plugins_load_budget, call=settings.plugins_call_budget),
    )
