"""French wording shared by the router's reasons and the text explanation."""

from __future__ import annotations

import datetime as dt

from mfs_core.routing.context import PARIS

__all__ = ["KIND_LABELS", "PERMANENCE_ELSEWHERE", "TARGET_LABELS", "when"]

_DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)

KIND_LABELS = {
    "answer_now": "réponse immédiate",
    "appointment": "rendez-vous",
    "referral": "relais vers un partenaire",
    "orientation": "orientation vers un service local",
    "unknown": "besoin non reconnu",
}

TARGET_LABELS = {
    "referent": "son référent France services",
    "permanence": "sa permanence sur place",
    "video": "un rendez-vous en visio",
    "office": "le service indiqué, hors de l'espace France services",
}


#: A permanence the rule names but the site context does not hold (e.g. a point-justice).
PERMANENCE_ELSEWHERE = "une permanence du partenaire (lieu à indiquer au résident)"


def when(moment: dt.datetime) -> str:
    """``vendredi 27 novembre 2026 à 14:00`` (Paris time)."""
    local = moment.astimezone(PARIS)
    return (
        f"{_DAYS[local.weekday()]} {local.day} {_MONTHS[local.month - 1]} {local.year} "
        f"à {local:%H:%M}"
    )
