"""The decision as French text for the agent: what to do, why, and the rules considered."""

from __future__ import annotations

from collections.abc import Mapping

from mfs_core.model import ReferralTarget
from mfs_core.routing.decision import Decision
from mfs_core.routing.french import KIND_LABELS, PERMANENCE_ELSEWHERE, TARGET_LABELS, when

__all__ = ["render_text"]


def _named(code: str, names: Mapping[str, str]) -> str:
    name = names.get(code)
    return f"{name} ({code})" if name else code


def render_text(decision: Decision, names: Mapping[str, str] | None = None) -> str:
    """A few lines of French: the decision, its reason, what to offer, and the trace.

    ``names`` maps partner codes and procedure ids to what the agent reads (the partner's
    name, the procedure's title: :meth:`Router.names`); codes are shown without it.
    """
    names = names or {}
    lines = [f"Décision : {KIND_LABELS[decision.kind.value]}"]
    if decision.partner:
        lines.append(f"Partenaire : {_named(decision.partner, names)}")
    if decision.procedure:
        lines.append(f"Démarche : {_named(decision.procedure, names)}")
    if decision.target is ReferralTarget.PERMANENCE and decision.suggested_slot is None:
        lines.append(f"Vers : {PERMANENCE_ELSEWHERE}")  # the rule's, not held on site
    elif decision.target:
        lines.append(f"Vers : {TARGET_LABELS[decision.target.value]}")
    if decision.service:
        lines.append(f"Service local : {decision.service}")
    lines.append(f"Motif : {decision.reason}")
    if decision.suggested_slot:
        lines.append(f"Créneau proposé : {when(decision.suggested_slot)}")
    if decision.documents:
        lines.append("Pièces à apporter :")
        lines.extend(f"  - {document}" for document in decision.documents)
    if decision.steps:
        screen = " (le résident les fait lui-même)" if decision.autonomy else ""
        lines.append(f"Étapes{screen} :")
        lines.extend(f"  {n}. {step}" for n, step in enumerate(decision.steps, 1))
    if decision.recognition:
        found = decision.recognition
        words = ", ".join(f"« {w} »" for w in found.matched)
        lines.append(f"Reconnue d'après : {words} (score {found.score:.2f})")
    if decision.question:
        lines.append(f"Question à poser : {decision.question}")
    if decision.alternatives:
        lines.append("Démarches possibles :")
        for a in decision.alternatives:
            words = ", ".join(f"« {w} »" for w in a.matched)
            lines.append(f"  - {a.procedure} : {a.title} (d'après {words})")
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
