"""The nine national partners, each a pluggy plugin module of its own (and the label's checks).

They are registered by the registry like any external plugin, under the names below, with
the distribution ``mfs-core``. Their data comes from public sources named on each item
(``reference``); fiche ids are set only where a source tied them to the procedure.
"""

from __future__ import annotations

__all__ = ["BUILTIN_PLUGINS"]

#: Plugin name -> module path of the built-in partner plugins.
BUILTIN_PLUGINS: dict[str, str] = {
    "dgfip": "mfs_core.partners.dgfip",
    # Not a partner: the label's built-in compliance checks, contributed through mfs_checks.
    "label": "mfs_core.compliance.builtin_checks",
}
