"""The plugins shipped with mfs-core, loaded by the registry before any external plugin.

They go through the same hooks as external plugins: the nine national partners
(:data:`mfs_core.partners.PARTNER_PLUGINS`) and ``label``, the label's own compliance checks.
"""

from __future__ import annotations

from mfs_core.partners import PARTNER_PLUGINS

__all__ = ["BUILTIN_PLUGINS"]

#: Plugin name -> module path of every built-in plugin.
BUILTIN_PLUGINS: dict[str, str] = {
    **PARTNER_PLUGINS,
    # Not a partner: the label's compliance checks, contributed through mfs_checks.
    "label": "mfs_core.compliance.builtin_checks",
}
