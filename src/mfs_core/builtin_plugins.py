"""The plugins shipped with mfs-core, loaded by the registry before any external plugin.

They go through the same hooks as external plugins: the nine national partners, each a data
file (:data:`mfs_core.partners.PARTNER_PLUGINS`), and ``label``, the label's own compliance
checks (a module).
"""

from __future__ import annotations

import importlib

from mfs_core.partners import PARTNER_PLUGINS

__all__ = ["BUILTIN_PLUGINS", "load_builtin"]

#: Plugin name -> where it is: ``package:resource`` for a data file, else a module path.
BUILTIN_PLUGINS: dict[str, str] = {
    **{name: f"mfs_core.partners:{file}" for name, file in PARTNER_PLUGINS.items()},
    # Not a partner: the label's compliance checks, contributed through mfs_checks.
    "label": "mfs_core.compliance.builtin_checks",
}


def load_builtin(name: str) -> object:
    """The plugin object of the built-in plugin ``name``: a data file's
    :class:`~mfs_core.datafile.DataPlugin` or a module. ``KeyError`` for an unknown name."""
    target = BUILTIN_PLUGINS[name]
    if ":" in target:
        from mfs_core.datafile import load_data

        package, _, resource = target.partition(":")
        return load_data(package, resource)
    return importlib.import_module(target)
