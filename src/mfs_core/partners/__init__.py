"""The nine national partners, each a pluggy plugin module of its own.

They are registered by the registry like any external plugin, under the names below, with
the distribution ``mfs-core``. Their data comes from public sources named on each item
(``reference``); fiche ids are set only where a source tied them to the procedure.
"""

from __future__ import annotations

from mfs_core.model import NATIONAL_PARTNERS

__all__ = ["NATIONAL_PARTNERS", "PARTNER_PLUGINS"]

#: Plugin name -> module path of the built-in partner plugins.
PARTNER_PLUGINS: dict[str, str] = {
    "caf": "mfs_core.partners.caf",
    "cnam": "mfs_core.partners.cnam",
    "cnav": "mfs_core.partners.cnav",
    "dgfip": "mfs_core.partners.dgfip",
    "france-travail": "mfs_core.partners.france_travail",
    "interieur": "mfs_core.partners.interieur",
    "justice": "mfs_core.partners.justice",
    "la-poste": "mfs_core.partners.la_poste",
    "msa": "mfs_core.partners.msa",
}
