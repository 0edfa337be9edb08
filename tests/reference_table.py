"""The project's reference table (a copy of ``procedures-reference.tsv``) for the tests."""

from __future__ import annotations

import csv
from pathlib import Path

TABLE = Path(__file__).parent / "data" / "procedures-reference.tsv"
#: The table's partner labels of the nine built-in partners -> partner code.
PARTNER_OF_LABEL = {
    "DGFiP": "dgfip",
    "CAF": "caf",
    "Assurance maladie (CPAM/CNAM)": "cnam",
    "Assurance retraite (CNAV)": "cnav",
    "MSA": "msa",
    "France Travail": "france-travail",
    "Ministère de l'Intérieur (ANTS / France Titres)": "interieur",
    "Ministère de la Justice": "justice",
    "La Poste": "la-poste",
}


def builtin_rows() -> list[dict[str, str]]:
    """The rows of the nine built-in partners (ANAH and chèque énergie are plugins)."""
    with TABLE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [row for row in rows if row["partner"] in PARTNER_OF_LABEL]
