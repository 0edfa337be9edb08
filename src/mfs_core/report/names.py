"""What a mayor reads for a stored code: its French words, thematique labels, names."""

from __future__ import annotations

from collections.abc import Mapping

from mfs_core.french import (
    AUTONOMY_FR,
    CHANNEL_FR,
    DECISION_FR,
    NOT_GIVEN,
    OUTCOME_FR,
)
from mfs_core.indicators import NONE_KEY
from mfs_core.thematiques import THEMATIQUE_LABELS

__all__ = ["CODE_FR", "display_name"]

#: The French words of every code the report counts by. A decision and an outcome of the
#: same code (appointment, referral, orientation) share the outcome's shorter label.
CODE_FR: Mapping[str, str] = {
    **DECISION_FR,
    **OUTCOME_FR,
    **AUTONOMY_FR,
    **CHANNEL_FR,
    NONE_KEY: NOT_GIVEN,
}


def display_name(key: str, names: Mapping[str, str] | None = None) -> str:
    """What the report shows for a stored code: its French words
    (:mod:`mfs_core.french`), a data·inclusion thematique's official label, a partner's or
    procedure's name from ``names`` (code or id -> name, which the caller gets from the
    registry), else the code itself."""
    if key in CODE_FR:
        return CODE_FR[key]
    if key in THEMATIQUE_LABELS:
        return THEMATIQUE_LABELS[key]
    return names.get(key, key) if names else key
