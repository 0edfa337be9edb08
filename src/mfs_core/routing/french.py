"""French wording shared by the router's reasons and the text explanation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from mfs_core.routing.context import PARIS

if TYPE_CHECKING:
    from mfs_core.routing.decision import Alternative

__all__ = [
    "KIND_LABELS",
    "PERMANENCE_ELSEWHERE",
    "TARGET_LABELS",
    "clarify_question",
    "recognised_note",
    "when",
]

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
    "clarify": "précision à demander au résident",
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


def _quoted(words: Sequence[str]) -> str:
    return ", ".join(f"« {w} »" for w in words)


def recognised_note(alternative: Alternative, plugin: str) -> str:
    """The trace note of a confident recognition: which words, what score, whose data."""
    return (
        f"démarche reconnue d'après {_quoted(alternative.matched)} "
        f"(score {alternative.score:.2f}, le besoin expliqué à "
        f"{round(100 * alternative.confidence)} %) ; démarche et mots du plugin {plugin}"
    )


def clarify_question(alternatives: Sequence[Alternative], partners: Mapping[str, str]) -> str:
    """The question that tells the close candidates apart, for the agent to ask.

    Candidates of different partners only (the CAF or the MSA for one benefit): which body
    the resident depends on. Otherwise: which of the procedures, by their titles.
    """
    codes = [a.partner for a in alternatives]
    if len(set(codes)) == len(codes):
        names = " ou ".join(partners.get(code, code) for code in codes)
        titles = " / ".join(f"« {a.title} »" for a in alternatives)
        return f"De quel organisme relève le résident : {names} ? ({titles})"
    titles = " ou ".join(f"« {a.title} »" for a in alternatives)
    return f"Laquelle de ces démarches correspond à la demande du résident : {titles} ?"
