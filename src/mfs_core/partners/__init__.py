"""The nine national partners, each a plugin made of one data file.

``data/<partner>.toml`` holds the partner, its procedures and its referral rules, each with
its sources (format: :mod:`mfs_core.datafile`, reference: ``docs/generated/data-format.md``). The
registry loads each file as a plugin of its own, under the partner's code, with the
distribution ``mfs-core``, exactly as it loads an external plugin's data file.
"""

from __future__ import annotations

__all__ = ["NATIONAL_PARTNERS", "PARTNER_PLUGINS"]

#: The nine national partners (Sénat r21-778), by partner code.
NATIONAL_PARTNERS: dict[str, str] = {
    "caf": "CAF (CNAF)",
    "cnam": "Assurance maladie (CNAM)",
    "cnav": "Assurance retraite (CNAV)",
    "dgfip": "Finances publiques (DGFiP)",
    "france-travail": "France Travail",
    "interieur": "ministère de l'Intérieur (France Titres)",
    "justice": "ministère de la Justice",
    "la-poste": "La Poste",
    "msa": "MSA",
}


#: Plugin name -> its data file, a resource of this package.
PARTNER_PLUGINS: dict[str, str] = {code: f"data/{code}.toml" for code in NATIONAL_PARTNERS}
