"""The decision as French text for the agent: what to do, why, and the rules considered;
the French sentences the router writes about need recognition."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from mfs_core.french import (
    DECISION_FR,
    PERMANENCE_ELSEWHERE,
    RESIDENT,
    TARGET_FR,
    WITHHELD_FR,
    count,
    decimal,
    percent,
    plural,
    quoted,
    request_found,
    unlisted,
    when,
)
from mfs_core.model import ReferralTarget
from mfs_core.output import terminal_lines
from mfs_core.routing.decision import Alternative, Decision

if TYPE_CHECKING:
    from mfs_core.recognition import RequestAnswer

__all__ = [
    "clarify_question",
    "keyword_note",
    "recognised_note",
    "render_text",
    "requests_said",
    "several_question",
]


def _score(value: float) -> str:
    """A recognition score the French way, two decimals at most: ``4,27``."""
    return decimal(round(value, 2))


def recognised_note(alternative: Alternative, plugin: str) -> str:
    """The trace note of a confident recognition: which words, what score, whose data."""
    return (
        f"démarche reconnue d'après {quoted(alternative.matched)} "
        f"(score {_score(alternative.score)}, le besoin expliqué à "
        f"{percent(alternative.confidence, decimals=0)}) ; démarche et mots du plugin {plugin}"
    )


def keyword_note(keyword: str, share: float, outweighed: Sequence[Alternative]) -> str:
    """Why a local service keyword beat the recognised procedures: the keyword, the share of
    the need it covers, and how little of the need the procedure(s) explain."""
    said = f"le besoin contient en entier le mot-clé « {keyword} » de ce service, soit " + (
        f"{percent(share, decimals=0)} de ses mots"
    )
    if len(outweighed) == 1:
        only = outweighed[0]
        return (
            f"{said} ; la démarche reconnue « {only.title} » ({only.procedure}) n'en "
            f"explique que {percent(only.confidence, decimals=0)}"
        )
    most = max(a.confidence for a in outweighed)
    listed = " ; ".join(f"« {a.title} » ({a.procedure})" for a in outweighed)
    return (
        f"{said} ; les démarches reconnues n'en expliquent au plus que "
        f"{percent(most, decimals=0)} : {listed}"
    )


def clarify_question(
    alternatives: Sequence[Alternative],
    partners: Mapping[str, str],
    *,
    twins: bool,
) -> str:
    """The question that tells the close candidates apart, for the agent to ask.

    ``twins``: the candidates are one service-public.fr fiche at different partners (the
    CAF or the MSA for one benefit): which body the usager depends on. Otherwise (a divorce
    at the Justice or the DGFiP is two procedures, not one body to choose): which of the
    procedures, by their titles. A need of several requests: :func:`several_question`.
    """
    codes = [a.partner for a in alternatives]
    if twins and len(set(codes)) == len(codes):
        names = " ou ".join(partners.get(code, code) for code in codes)
        titles = " / ".join(f"« {a.title} »" for a in alternatives)
        return f"De quel organisme relève l'{RESIDENT} : {names} ? ({titles})"
    titles = " ou ".join(f"« {a.title} »" for a in alternatives)
    return f"Laquelle de ces démarches correspond à la demande de l'{RESIDENT} : {titles} ?"


def several_question(alternatives: Sequence[Alternative], answers: Sequence[RequestAnswer]) -> str:
    """The question of a need read as several requests (issue-14aj): per request, in the
    order said, what it found (:func:`requests_said`); then which to take first. Requests
    are named by number, never by the usager's words."""
    listed = {a.request for a in alternatives if a.request is not None}
    ask = (
        "Par laquelle commencer ?"
        if len(listed) > 1
        else f"Commencer par la demande {min(listed)}, puis faire préciser les autres."
    )
    said = " ; ".join(requests_said(alternatives, answers))
    return f"L'{RESIDENT} demande plusieurs choses : {said}. {ask}"


def requests_said(
    alternatives: Sequence[Alternative], answers: Sequence[RequestAnswer], *, ids: bool = False
) -> list[str]:
    """Per request of a need read as several, in the order said: « demande 1 : « A » »
    for a claim, « « A » ou « B » » for a question among its candidates, « suggestions :
    « A » ou « B » » for suggestions only, and what it found when none of its candidates
    is among ``alternatives`` (« rien de reconnu »). ``ids``: each title followed by its
    procedure id (the trace)."""
    said = []
    for answer in answers:
        mine = [a for a in alternatives if a.request == answer.number]
        if mine:
            titles = " ou ".join(
                f"« {a.title} » ({a.procedure})" if ids else f"« {a.title} »" for a in mine
            )
            if answer.level.value == "weak":
                # Why, when its best explains enough of it (issue-14be), as for one need.
                why = f"{WITHHELD_FR[answer.withheld]}, " if answer.withheld else ""
                titles = f"{why}suggestions seulement : {titles}"
            if len(mine) < answer.chosen:  # cut by the alternatives a decision lists
                left = answer.chosen - len(mine)
                titles += f" (et {count(left, 'autre')} non {plural(left, 'listée')})"
        else:
            titles = request_found(answer.level.value, answer.chosen, answer.withheld)
            if answer.chosen:
                # In number with what it counts: « plusieurs démarches possibles, à faire
                # choisir (non listée) » read as one démarche (review of issue-14ap).
                titles += f" ({unlisted(answer.chosen)})"
        said.append(f"demande {answer.number} : {titles}")
    return said


def _named(code: str, names: Mapping[str, str]) -> str:
    name = names.get(code)
    return f"{name} ({code})" if name else code


def render_text(decision: Decision, names: Mapping[str, str] | None = None) -> str:
    """A few lines of French: the decision, its reason, what to offer, and the trace.

    ``names`` maps partner codes, procedure ids and local service ids to what the agent
    reads (the partner's name, the procedure's title: :meth:`Router.names`; a local
    service's name: :meth:`SiteContext.service_names`); codes are shown without it.
    Each line is one line whatever its values hold (:func:`mfs_core.output.terminal_lines`).
    """
    names = names or {}
    lines = [f"Décision : {DECISION_FR[decision.kind.value]}"]
    if decision.partner:
        lines.append(f"Partenaire : {_named(decision.partner, names)}")
    if decision.procedure:
        lines.append(f"Démarche : {_named(decision.procedure, names)}")
    if decision.target is ReferralTarget.PERMANENCE and decision.suggested_slot is None:
        lines.append(f"Vers : {PERMANENCE_ELSEWHERE}")  # the rule's, not held on site
    elif decision.target:
        lines.append(f"Vers : {TARGET_FR[decision.target.value]}")
    if decision.service:
        lines.append(f"Service local : {_named(decision.service, names)}")
    lines.append(f"Motif : {decision.reason}")
    if decision.suggested_slot:
        lines.append(f"Créneau proposé : {when(decision.suggested_slot)}")
    if decision.documents:
        lines.append("Pièces à apporter :")
        lines.extend(f"  - {document}" for document in decision.documents)
    if decision.steps:
        screen = " (l'usager les fait lui-même)" if decision.autonomy else ""
        lines.append(f"Étapes{screen} :")
        lines.extend(f"  {n}. {step}" for n, step in enumerate(decision.steps, 1))
    if decision.recognition:
        found = decision.recognition
        lines.append(f"Reconnue d'après : {quoted(found.matched)} (score {_score(found.score)})")
    if decision.question:
        lines.append(f"Question à poser : {decision.question}")
    if decision.alternatives:
        lines.append("Démarches possibles :")
        for a in decision.alternatives:
            which = f"demande {a.request} : " if a.request is not None else ""
            lines.append(f"  - {which}{a.procedure} : {a.title} (d'après {quoted(a.matched)})")
    if decision.trace:
        lines.append("Règles examinées :")
        for n, entry in enumerate(decision.trace, 1):
            state = "appliquée" if entry.fired else "non appliquée"
            priority = f", priorité {entry.priority}" if entry.priority is not None else ""
            line = f"  {n}. [{state}] {entry.rule} (plugin {entry.plugin}{priority})"
            if entry.note:
                line += f" — {entry.note}"
            lines.append(line)
            if entry.reference:
                lines.append(f"     réf. : {entry.reference}")
    # One line each: a plugin's text or a local service's name cannot start a line.
    return terminal_lines(lines)
