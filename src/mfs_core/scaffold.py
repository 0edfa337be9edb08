"""``mfs plugins new NAME``: a new partner plugin package, ready to install and test.

The template lives in ``mfs_core/plugin_template/`` (files ending in ``.tmpl``, filled with
:class:`string.Template`; ``PACKAGE`` in a path is the package name). The package it writes
holds a ``pyproject.toml`` with the entry point, the partner and its procedures (kept in a
TOML data file), one referral rule with a predicate, one check, and tests written with
:mod:`mfs_core.testing`. As generated, it installs, passes ``mfs plugins --check`` and its
own tests (CI generates one and runs them: the ``plugin_template`` nox session).
"""

from __future__ import annotations

import datetime as dt
import string
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from mfs_core import __version__
from mfs_core.builtin_plugins import BUILTIN_PLUGINS
from mfs_core.errors import InputError
from mfs_core.model import CORE_DISTRIBUTION, PARTNER_CODE_PATTERN

__all__ = ["MAX_NAME_LENGTH", "new_plugin"]

#: Longest plugin name accepted (it becomes a partner code, a package and a directory name).
MAX_NAME_LENGTH = 40
_TEMPLATE = "plugin_template"
_SUFFIX = ".tmpl"


def new_plugin(name: str, directory: Path | str = ".", *, today: dt.date | None = None) -> Path:
    """Write the package of a new plugin named ``name`` under ``directory`` and return its
    path (``<directory>/mfs-<name>``).

    ``name`` is the partner code and the entry-point name (lower-case ASCII letters, digits,
    ``-`` and ``_``, starting with a letter, e.g. ``droits-info``); the package is
    ``mfs_<name>`` (``-`` as ``_``). ``today`` (default: today in Europe/Paris) dates the
    example data. Raises :class:`~mfs_core.errors.InputError` for a bad name, the name of
    a built-in plugin (``caf``, ``label``...: the registry would refuse the plugin as a
    duplicate), one whose distribution would be ``mfs-core`` itself (``core``: installing it
    would replace the core), or when the target already exists (nothing is overwritten).
    """
    if len(name) > MAX_NAME_LENGTH or not PARTNER_CODE_PATTERN.match(name):
        raise InputError(
            f"NAME: expected a partner code (lower-case ASCII letters, digits, '-' or '_', "
            f"starting with a letter, at most {MAX_NAME_LENGTH} characters), e.g. droits-info"
        )
    distribution = name if name.startswith("mfs-") else f"mfs-{name}"
    if name in BUILTIN_PLUGINS:
        raise InputError(
            f"NAME: {name!r} is the name of a built-in plugin of mfs-core; a plugin of that "
            "name would be refused as a duplicate: choose another name"
        )
    if distribution == CORE_DISTRIBUTION:
        raise InputError(
            f"NAME: {name!r} would make a distribution named {CORE_DISTRIBUTION}, which would "
            "replace mfs-core itself once installed: choose another name"
        )
    if today is None:
        from mfs_core.timezone import today_in_paris

        today = today_in_paris()
    package = distribution.replace("-", "_")
    target = Path(directory) / distribution
    if target.exists():
        raise InputError(f"{target}: already exists; choose another directory or name")
    values = {
        "partner": name,
        "package": package,
        "distribution": distribution,
        "core_version": __version__,
        "checked_on": today.isoformat(),
        "year": str(today.year),
        "month": str(today.month),
        "day": str(today.day),
    }
    rendered: dict[Path, str] = {}  # every file first: a template error writes nothing
    for parts, source in _template_files(resources.files("mfs_core").joinpath(_TEMPLATE), ()):
        relative = Path(*(package if part == "PACKAGE" else part for part in parts))
        text = string.Template(source.read_text(encoding="utf-8")).substitute(values)
        rendered[relative.with_name(relative.name.removesuffix(_SUFFIX))] = text
    for relative, text in rendered.items():
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return target


def _template_files(
    folder: Traversable, parts: tuple[str, ...]
) -> list[tuple[tuple[str, ...], Traversable]]:
    """Every template file under ``folder``, with its path as parts, sorted."""
    found: list[tuple[tuple[str, ...], Traversable]] = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.is_dir():
            found.extend(_template_files(entry, (*parts, entry.name)))
        elif entry.name.endswith(_SUFFIX):
            found.append(((*parts, entry.name), entry))
    return found
