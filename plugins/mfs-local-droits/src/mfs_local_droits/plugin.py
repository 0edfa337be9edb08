"""The local association's contributions: partner, procedures and referral rules are data
(``local-droits.toml``), the compliance check is Python.

Example values only: the association's name, ``example.org`` and its URLs are placeholders
(RFC 2606 reserves ``example.org`` for documentation). What it does is modelled on the free
legal permanences of a Point-justice described by service-public.fr F20706.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from mfs_core import plugin as mfs
from mfs_core.plugin import Check, Severity, hookimpl, load_data

if TYPE_CHECKING:
    from mfs_core.plugin import Finding, Site

# The data file (local-droits.toml), read at the first hook call, entry by entry.
_data = load_data(__package__, "local-droits.toml")
mfs_partners, mfs_procedures, mfs_referral_rules = _data.hooks()

# The partner code, and the date the check below was checked against its source.
PARTNER = "local-droits"
CHECKED_ON = dt.date(2026, 11, 27)
EXAMPLE_NOTE = "example values: replace the association's name, domain and URLs with yours"


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
    # One extra label-compliance check, run by `mfs check` with the core's checks.
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
