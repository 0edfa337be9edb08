"""What a mayor reads for a stored code: French labels, thematique labels, names."""

from __future__ import annotations

from collections.abc import Mapping

from mfs_core.french import (
    AUTONOMY_LABELS,
    CHANNEL_LABELS,
    DECISION_LABELS,
    NOT_GIVEN,
    OUTCOME_LABELS,
)
from mfs_core.report.monthly import NONE_KEY
from mfs_core.thematiques import THEMATIQUE_LABELS

__all__ = ["CODE_LABELS", "display_name"]

#: The French label of every code the report counts by. A decision and an outcome of the
#: same code (appointment, referral, orientation) share the outcome's shorter label.
CODE_LABELS: Mapping[str, str] = {
    **DECISION_LABELS,
    **OUTCOME_LABELS,
    **AUTONOMY_LABELS,
    **CHANNEL_LABELS,
    NONE_KEY: NOT_GIVEN,
}


def display_name(key: str, names: Mapping[str, str] | None = None) -> str:
    """What the report shows for a stored code: its French label
    (:mod:`mfs_core.french`), a data·inclusion thematique's official label, a partner's or
    procedure's name from ``names`` (code or id -> name, which the caller gets from the
    registry), else the code itself."""
    if key in CODE_LABELS:
        return CODE_LABELS[key]
    if key in THEMATIQUE_LABELS:
        return THEMATIQUE_LABELS[key]
    return names.get(key, key) if names else key
