"""Referral rules compiled once into plain lookups: procedure id -> ordered rules.

A :class:`~mfs_core.model.ReferralRule` applies to the procedures it names, or to every
procedure of its partner when it names none. For each procedure the applicable rules are
sorted by ``(priority, rule id)``: lower priority values first, the rule id breaking ties,
so the order never depends on which plugin was loaded first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from mfs_core.model import KNOWN_FACTS, Procedure, ReferralRule, ReferralTarget
from mfs_core.routing.decision import TraceEntry

__all__ = ["CompiledRule", "compile_rules"]


@attrs.frozen
class CompiledRule:
    """What the router needs of a rule, flattened, with its trace entry when it decides."""

    id: str
    plugin: str
    partner: str
    priority: int
    target: ReferralTarget
    reason: str
    documents: tuple[str, ...]
    facts: frozenset[str]
    predicate: Callable[..., Any] | None
    reference: str
    fired_entry: TraceEntry
    #: How failures of its predicate name it ("the predicate of rule caf.x").
    what: str = ""

    def entry(self, *, fired: bool, note: str = "", error: str | None = None) -> TraceEntry:
        """The trace entry of this rule with the outcome of one evaluation."""
        return attrs.evolve(self.fired_entry, fired=fired, note=note, error=error)


def _compile(rule: ReferralRule) -> CompiledRule:
    plugin = rule.provenance.plugin if rule.provenance else "(unregistered)"
    return CompiledRule(
        id=rule.id,
        plugin=plugin,
        partner=rule.partner,
        priority=rule.priority,
        target=rule.target,
        reason=rule.reason,
        documents=rule.documents,
        facts=frozenset(rule.when_facts),
        predicate=rule.predicate,
        reference=rule.reference,
        what=f"the predicate of rule {rule.id}",
        fired_entry=TraceEntry(
            rule=rule.id,
            plugin=plugin,
            fired=True,
            priority=rule.priority,
            reference=rule.reference,
        ),
    )


def compile_rules(
    rules: Iterable[ReferralRule], procedures: Mapping[str, Procedure]
) -> tuple[dict[str, tuple[CompiledRule, ...]], list[str]]:
    """Index the rules by procedure id; also return warnings about rules that can never
    fire (an unknown procedure or fact)."""
    warnings: list[str] = []
    by_procedure: dict[str, list[CompiledRule]] = {}
    by_partner: dict[str, list[CompiledRule]] = {}
    for rule in sorted(rules, key=lambda r: r.id):
        compiled = _compile(rule)
        unknown_facts = sorted(set(rule.when_facts) - KNOWN_FACTS.keys())
        if unknown_facts:
            warnings.append(
                f"rule {rule.id!r} (plugin {compiled.plugin!r}) tests unknown fact(s) "
                f"{', '.join(unknown_facts)}: it can never fire"
            )
        if not rule.procedures:
            by_partner.setdefault(rule.partner, []).append(compiled)
        for procedure_id in rule.procedures:
            if procedure_id not in procedures:
                warnings.append(
                    f"rule {rule.id!r} (plugin {compiled.plugin!r}) names unknown procedure "
                    f"{procedure_id!r}"
                )
                continue
            by_procedure.setdefault(procedure_id, []).append(compiled)
    index: dict[str, tuple[CompiledRule, ...]] = {}
    for procedure in procedures.values():
        applicable = by_procedure.get(procedure.id, []) + by_partner.get(procedure.partner, [])
        if applicable:
            unique = {rule.id: rule for rule in applicable}.values()  # a procedure named twice
            index[procedure.id] = tuple(sorted(unique, key=lambda r: (r.priority, r.id)))
    return index, warnings
