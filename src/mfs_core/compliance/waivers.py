"""Waivers: apply them to findings, and report the expired and the unused ones."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence

import attrs

from mfs_core.compliance.catalogue import WAIVER_EXPIRED, WAIVER_UNUSED
from mfs_core.compliance.findings import Finding
from mfs_core.compliance.site import Waiver

__all__ = ["apply_waivers"]


def apply_waivers(
    findings: Sequence[Finding],
    waivers: Sequence[Waiver],
    *,
    as_of: dt.date,
    known_checks: Collection[str],
) -> list[Finding]:
    """Mark the findings a valid waiver covers; add a finding per expired or unused waiver.

    A waiver is valid up to and including its ``until`` date. An expired waiver suppresses
    nothing; a valid waiver that matches no finding is unused (its check passes, or no check
    has that id).
    """
    valid: dict[str, Waiver] = {}
    extra: list[Finding] = []
    for index, waiver in enumerate(waivers):
        field = f"waivers[{index}]"
        if waiver.until < as_of:
            extra.append(
                Finding(
                    check=WAIVER_EXPIRED.id,
                    severity=WAIVER_EXPIRED.severity,
                    message=f"la dérogation à « {waiver.check} » a pris fin le "
                    f"{waiver.until:%d/%m/%Y}",
                    field=field,
                )
            )
        elif waiver.check not in known_checks:
            extra.append(
                Finding(
                    check=WAIVER_UNUSED.id,
                    severity=WAIVER_UNUSED.severity,
                    message=f"dérogation à « {waiver.check} » : aucun contrôle ne porte cet "
                    "identifiant",
                    field=field,
                )
            )
        elif waiver.check in valid:
            extra.append(
                Finding(
                    check=WAIVER_UNUSED.id,
                    severity=WAIVER_UNUSED.severity,
                    message=f"dérogation à « {waiver.check} » en double (une seule s'applique)",
                    field=field,
                )
            )
        else:
            valid[waiver.check] = waiver
    used: set[str] = set()
    marked = []
    for finding in findings:
        covering = valid.get(finding.check)
        if covering is not None:
            used.add(finding.check)
            finding = attrs.evolve(finding, waiver=covering)
        marked.append(finding)
    for index, waiver in enumerate(waivers):
        if valid.get(waiver.check) is waiver and waiver.check not in used:
            extra.append(
                Finding(
                    check=WAIVER_UNUSED.id,
                    severity=WAIVER_UNUSED.severity,
                    message=f"dérogation à « {waiver.check} » inutile : le contrôle ne "
                    "relève aucun manquement",
                    field=f"waivers[{index}]",
                )
            )
    return marked + extra
