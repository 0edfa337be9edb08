"""The decision as French text for the agent: what to do, why, and the rules considered;
the French sentences the router writes about need recognition."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from mfs_core.french import (
    DECISION_FR,
    PERMANENCE_ELSEWHERE,
    RESIDENT,
    TARGET_FR,
    decimal,
    percent,
    quoted,
    when,
)
from mfs_core.model import ReferralTarget
from mfs_core.routing.decision import Alternative, Decision

__all__ = ["clarify_question", "keyword_note", "recognised_note", "render_text"]


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
    several: bool = False,
) -> str:
    """The question that tells the close candidates apart, for the agent to ask.

    ``twins``: the candidates are one service-public.fr fiche at different partners (the
    CAF or the MSA for one benefit): which body the usager depends on. Otherwise (a divorce
    at the Justice or the DGFiP is two procedures, not one body to choose): which of the
    procedures, by their titles. ``several``: the need asks for several things (one
    candidate per request, in the order said): which to take first.
    """
    if several:
        titles = " et ".join(f"« {a.title} »" for a in alternatives)
        return f"L'{RESIDENT} demande plusieurs choses : {titles}. Par laquelle commencer ?"
    codes = [a.partner for a in alternatives]
    if twins and len(set(codes)) == len(codes):
        names = " ou ".join(partners.get(code, code) for code in codes)
        titles = " / ".join(f"« {a.title} »" for a in alternatives)
        return f"De quel organisme relève l'{RESIDENT} : {names} ? ({titles})"
    titles = " ou ".join(f"« {a.title} »" for a in alternatives)
    return f"Laquelle de ces démarches correspond à la demande de l'{RESIDENT} : {titles} ?"


def _named(code: str, names: Mapping[str, str]) -> str:
    name = names.get(code)
    return f"{name} ({code})" if name else code


def render_text(decision: Decision, names: Mapping[str, str] | None = None) -> str:
    """A few lines of French: the decision, its reason, what to offer, and the trace.

    ``names`` maps partner codes, procedure ids and local service ids to what the agent
    reads (the partner's name, the procedure's title: :meth:`Router.names`; a local
    service's name: :meth:`SiteContext.service_names`); codes are shown without it.
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
            lines.append(f"  - {a.procedure} : {a.title} (d'après {quoted(a.matched)})")
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
    return "\n".join(lines)
