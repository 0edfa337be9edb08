"""The local association's contributions: partner, procedures, referral rules, one check.

Example values only: the association's name, ``example.org`` and its URLs are placeholders
(RFC 2606 reserves ``example.org`` for documentation). What it does is modelled on the free
legal permanences of a Point-justice described by service-public.fr F20706.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from mfs_core import plugin as mfs
from mfs_core.plugin import (
    Channel,
    Check,
    Partner,
    PartnerKind,
    Procedure,
    ReferralRule,
    ReferralTarget,
    Severity,
    Verification,
    hookimpl,
)

if TYPE_CHECKING:
    from mfs_core.plugin import Finding, Site

# Step 1: one code for the partner; every id starts with it.
PARTNER = "local-droits"
# Step 2: the date you checked your data against your sources.
CHECKED_ON = dt.date(2026, 11, 27)
EXAMPLE_NOTE = "example values: replace the association's name, domain and URLs with yours"
F20706 = (
    "service-public.fr F20706 'Comment consulter gratuitement un avocat ?' (permanences "
    "juridiques gratuites des points-justice)"
)
# data·inclusion v1 thematiques (gip-inclusion/data-inclusion-schema v1/thematiques.py).
ACCES_AUX_DROITS = (
    "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits"
)
PROBLEMATIQUE_JUDICIAIRE = (
    "difficultes-administratives-ou-juridiques--prendre-en-compte-une-problematique-judiciaire"
)


@hookimpl
def mfs_partners() -> Iterator[Partner]:
    # Step 3: the partner, LOCAL, with its own official domain (used by `mfs url`).
    yield Partner(
        code=PARTNER,
        name="Association d'information sur les droits (exemple)",
        kind=PartnerKind.LOCAL,
        domains=("example.org",),
        website="https://example.org",
        reference=f"{EXAMPLE_NOTE}; modelled on {F20706}",
    )


@hookimpl
def mfs_procedures() -> Iterator[Procedure]:
    # Step 4: what residents bring to the counter for this partner.
    yield Procedure(
        id=f"{PARTNER}.permanence-juridique",
        partner=PARTNER,
        title="Permanence d'information sur les droits (sur rendez-vous, dans l'espace "
        "France services)",
        thematiques=(ACCES_AUX_DROITS, PROBLEMATIQUE_JUDICIAIRE),
        channels=(Channel.COUNTER,),
        needs_appointment=True,
        keywords=("permanence", "juriste", "droits", "litige", "conseil juridique"),
        reference=f"{EXAMPLE_NOTE}; modelled on {F20706}",
        verification=Verification.PARTIAL,
        last_verified=CHECKED_ON,
    )
    yield Procedure(
        id=f"{PARTNER}.rendez-vous-video",
        partner=PARTNER,
        title="Rendez-vous en visioconférence avec un juriste de l'association",
        thematiques=(ACCES_AUX_DROITS,),
        online_url="https://example.org/rendez-vous",
        channels=(Channel.VIDEO,),
        needs_appointment=True,
        keywords=("visioconférence", "rendez-vous", "juriste", "droits"),
        reference=f"{EXAMPLE_NOTE}; video appointments at France services counters: "
        "domain.md (founding example, Saint-Jean-de-Luz)",
        verification=Verification.PARTIAL,
        last_verified=CHECKED_ON,
    )


@hookimpl
def mfs_referral_rules() -> Iterator[ReferralRule]:
    # Step 5: when the counter hands over to the association. A rule may name procedures of
    # other plugins (here the Justice built-in): `mfs plugins --check` verifies they exist.
    yield ReferralRule(
        id=f"{PARTNER}.litige",
        partner=PARTNER,
        target=ReferralTarget.PERMANENCE,
        procedures=("justice.consultation-avocat-gratuite", f"{PARTNER}.permanence-juridique"),
        when_facts=("dispute",),
        reason="Le litige demande un conseil juridique personnalisé : le conseiller propose la "
        "prochaine permanence de l'association dans l'espace France services, sur "
        "rendez-vous.",
        documents=("Courriers et pièces du litige",),
        priority=15,
        reference=f"{EXAMPLE_NOTE}; modelled on {F20706}",
        last_verified=CHECKED_ON,
    )
    yield ReferralRule(
        id=f"{PARTNER}.recherches",
        partner=PARTNER,
        target=ReferralTarget.VIDEO,
        procedures=(f"{PARTNER}.permanence-juridique", f"{PARTNER}.rendez-vous-video"),
        when_facts=("needs_research",),
        reason="La question exige des recherches : un rendez-vous en visioconférence avec un "
        "juriste de l'association évite d'attendre la prochaine permanence.",
        priority=30,
        reference=f"{EXAMPLE_NOTE}; video appointments: domain.md (founding example)",
        last_verified=CHECKED_ON,
    )


def check_permanence_or_video(site: Site) -> Iterator[Finding]:
    """A finding when the site offers the association without a permanence or a video
    appointment; nothing when the site does not offer the association at all."""
    # mfs.OfferMode and mfs.Finding are read as attributes, here: mfs_core.plugin imports
    # them on first use, so listing the plugins does not pay for the compliance model.
    wanted = {mfs.OfferMode.PERMANENCE, mfs.OfferMode.VIDEO}
    for index, offer in enumerate(site.partners):
        if offer.code == PARTNER and not wanted & set(offer.how):
            stated = ", ".join(mode.value for mode in offer.how) or "aucune modalité indiquée"
            yield mfs.Finding(
                message="L'association d'information sur les droits est annoncée sans "
                f"permanence ni rendez-vous en visioconférence ({stated}) : préciser au "
                "moins l'une des deux.",
                field=f"partners[{index}].how",
            )


@hookimpl
def mfs_checks() -> Iterator[Check]:
    # Step 6: one extra label-compliance check, run by `mfs check` with the core's checks.
    yield Check(
        id=f"{PARTNER}.permanence-ou-visio",
        title="L'association d'information sur les droits est accessible par permanence ou "
        "visioconférence",
        severity=Severity.WARNING,
        reference=f"{EXAMPLE_NOTE}: the association's agreement with the site (convention "
        "locale); founding example in domain.md (permanences or video appointments)",
        remediation="Indiquer dans la description du site la permanence (jour, fréquence) ou "
        "le rendez-vous en visioconférence proposé par l'association.",
        last_verified=CHECKED_ON,
        evaluate=check_permanence_or_video,
    )
