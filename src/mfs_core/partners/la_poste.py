"""La Poste: mail redirection on moving house, L'Identité Numérique, registered letters.

No service-public.fr fiche is tied to a La Poste service in the sources read, so every fiche
id is empty. Online services come from the project's reference table (official La Poste
pages) or, where that table had no verified URL, from La Poste's own page named in the
``reference``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from mfs_core.hookspecs import hookimpl
from mfs_core.model import Partner, PartnerKind, Procedure, ReferralRule, ReferralTarget
from mfs_core.model import Verification as V
from mfs_core.partners._build import procedure, rule
from mfs_core.partners._sources import (
    DEMARCHES_ADMINISTRATIVES,
    LOGEMENT_CHANGER,
    NATIONAL_PARTNERS_SOURCE,
    NUMERIQUE_SERVICES_EN_LIGNE,
    general_rule,
)

PARTNER = "la-poste"
p = functools.partial(procedure, PARTNER)


@hookimpl
def mfs_partners() -> Iterator[Partner]:
    yield Partner(
        code=PARTNER,
        name="La Poste",
        kind=PartnerKind.NATIONAL,
        domains=("laposte.fr",),
        website="https://www.laposte.fr",
        reference=f"{NATIONAL_PARTNERS_SOURCE}; laposte.fr "
        "and its sub-domains (aide., lidentitenumerique.) seen in the reference table",
    )


@hookimpl
def mfs_procedures() -> Iterator[Procedure]:
    yield p(
        "reexpedition-courrier",
        "Réexpédition définitive du courrier (déménagement)",
        None,
        fiche_source="no fiche id seen (context: CommentFaireSi F14128 'Je déménage en "
        "France' in N23557)",
        url="https://aide.laposte.fr/contenu/comment-souscrire-un-contrat-de-reexpedition-"
        "definitive-en-ligne/",
        url_source="official La Poste help page",
        documents=(
            "Pièces d'identité des majeurs concernés (scan), sauf validation par un code "
            "envoyé à l'ancienne adresse ou par L'Identité Numérique",
        ),
        verification=V.PARTIAL,
        thematiques=(DEMARCHES_ADMINISTRATIVES, LOGEMENT_CHANGER),
        keywords=("déménagement", "réexpédition", "courrier", "changement d'adresse"),
        note="contract of 6 or 12 months (table)",
    )
    yield p(
        "identite-numerique",
        "Créer son Identité Numérique La Poste (FranceConnect)",
        None,
        fiche_source="no fiche id seen (F1420 FranceConnect definition lists 'L'identite "
        "numerique (La Poste)')",
        url="https://lidentitenumerique.laposte.fr/",
        url_source="lidentitenumerique.laposte.fr/faq (official); prerequisites from "
        "solidarite-numerique.fr tutorial",
        documents=(
            "Carte d'identité ou passeport français, ou titre de séjour en cours de validité",
            "Smartphone et numéro de téléphone mobile français",
            "Adresse e-mail",
        ),
        verification=V.PARTIAL,
        thematiques=(NUMERIQUE_SERVICES_EN_LIGNE, DEMARCHES_ADMINISTRATIVES),
        keywords=("identité numérique", "franceconnect", "connexion"),
        note="prerequisites also include being 18 or over and an address in France (table)",
    )
    yield p(
        "lettre-recommandee",
        "Envoyer une lettre recommandée",
        None,
        fiche_source="NOT VERIFIED",
        url="https://laposte.fr/envoyer/envoi-courrier-lettre-recommandee",
        url_source="La Poste page 'Comment envoyer une lettre recommandée ?' (pages corpus, "
        "read on the check date); the table's URL came from third-party text only",
        verification=V.NO,
        thematiques=(DEMARCHES_ADMINISTRATIVES,),
        keywords=("recommandé", "lettre recommandée", "accusé de réception"),
    )
    yield p(
        "suivi-envoi",
        "Suivre un envoi / colis",
        None,
        fiche_source="NOT VERIFIED",
        verification=V.NO,
        thematiques=(DEMARCHES_ADMINISTRATIVES,),
        keywords=("suivi", "colis", "envoi"),
        note="the table's URL came from third-party code only and was not verified, so "
        "online_url is left empty",
    )


@hookimpl
def mfs_referral_rules() -> Iterator[ReferralRule]:
    yield rule(
        PARTNER,
        "reclamation",
        target=ReferralTarget.OFFICE,
        when_facts=("dispute",),
        reason="Une réclamation sur un envoi ou un contrat La Poste (réexpédition, "
        "recommandé) est traitée par La Poste : le conseiller oriente vers le bureau de poste "
        "ou le service client.",
        reference=general_rule("La Poste"),
        priority=20,
    )
    yield rule(
        PARTNER,
        "identite-numerique-bloquee",
        target=ReferralTarget.OFFICE,
        procedures=("identite-numerique",),
        when_facts=("identity_issue",),
        reason="Une Identité Numérique La Poste impossible à créer ou à débloquer se règle avec "
        "La Poste : le conseiller oriente vers un bureau de poste.",
        reference=general_rule("La Poste"),
        priority=10,
    )
