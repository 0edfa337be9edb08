"""The one way a rule's predicate or a check's ``evaluate`` is run: in production and in tests.

The router (:mod:`mfs_core.routing`), the runner (:mod:`mfs_core.compliance.runner`) and the
plugin author's helpers (:func:`mfs_core.testing.route_once`,
:func:`mfs_core.testing.run_check`) all call these functions, so a plugin's own tests and
``mfs route`` / ``mfs check`` give the same verdict for the same plugin.

What a result means:

- **predicate** (:class:`~mfs_core.model.RulePredicate`): its result is read with ``bool()``
  inside the guard (a plugin's ``__bool__`` is plugin code too): ``None``, like ``False``,
  means the rule does not fire;
- **check** (:class:`~mfs_core.model.CheckEvaluate`): it returns or yields findings. ``None``
  means *no finding*, as an empty list does: the site passes. (A function that only
  ``return``-s findings when it finds some is common Python; one that forgets its
  ``return`` passes too, which is why a check's tests must include a failing site.) A single
  string, anything that is not iterable, or an item that is not a
  :class:`~mfs_core.compliance.findings.Finding` is a :class:`CheckFailure`: ``mfs check``
  reports an error finding naming the plugin (the check's result is unknown), ``run_check``
  raises ``AssertionError``.

Third-party code runs under the plugin guard (:func:`mfs_core.isolation.call_plugin`:
exceptions, exits, output and time budget contained); the core's own checks run under a
plain ``try`` (``what`` ``None``), with the same rules on results: on the national list the
guard would cost a fifth of the run, for code that is the core's.
"""

from __future__ import annotations

import enum
import itertools
from collections.abc import Callable
from types import GeneratorType
from typing import Any

import attrs

from mfs_core.isolation import MAX_HOOK_ITEMS, PluginFailure, call_plugin
from mfs_core.model import Check, CheckEvaluate, RulePredicate

__all__ = [
    "CheckFailure",
    "FailureKind",
    "evaluate_check",
    "evaluate_predicate",
    "guarded_name",
]


class FailureKind(enum.StrEnum):
    """How a check failed to give a verdict."""

    GUARD = "guard"  # raised, exited, printed, overran its budget, or skipped after an overrun
    SINGLE_STRING = "single-string"  # returned one string instead of findings
    NOT_ITERABLE = "not-iterable"  # returned something that is not iterable
    NOT_A_FINDING = "not-a-finding"  # yielded an item that is not a Finding


@attrs.frozen
class CheckFailure:
    """Why a check gave no verdict. ``text`` says it in English (``raised KeyError: 'x'``,
    ``returned a single string``...), :meth:`french` in French for the finding."""

    kind: FailureKind
    text: str
    timed_out: bool = False
    #: For NOT_A_FINDING: the type name of the first wrong item.
    item_type: str = ""

    def french(self) -> str:
        """What the check did, in French, to follow "le contrôle « x » du plugin « p »"."""
        text = self.text
        if self.kind is FailureKind.NOT_A_FINDING:
            return f"a produit un {self.item_type} au lieu d'un Finding"
        if self.kind is FailureKind.SINGLE_STRING:
            return "a renvoyé un texte seul au lieu de ses Finding"
        if self.kind is FailureKind.NOT_ITERABLE:
            return f"a renvoyé {self.item_type} au lieu de ses Finding"
        if text.startswith("skipped"):
            return "n'a pas été lancé : son plugin a déjà dépassé son temps imparti"
        if self.timed_out:
            return text.replace("overran its time budget of", "a dépassé son temps imparti de")
        if text.startswith("raised "):
            return "a levé " + text.removeprefix("raised ").replace(": ", " : ", 1)
        return f"a échoué ({text})"


def guarded_name(check: Check) -> str | None:
    """How failures name a check run under the guard (``check <id>``), or ``None`` for the
    core's own checks, run under a plain ``try``."""
    provenance = check.provenance
    return None if provenance is not None and provenance.core else f"check {check.id}"


def evaluate_check(
    evaluate: CheckEvaluate | Callable[[Any], Any],
    site: object,
    finding_type: type[Any],
    *,
    plugin: str,
    what: str | None,
    budget: float,
) -> list[Any] | CheckFailure:
    """Run one check on one site: the findings it gives (each a ``finding_type``, unstamped),
    or a :class:`CheckFailure`.

    ``finding_type`` is :class:`mfs_core.compliance.findings.Finding` (passed in: this
    module sits below the compliance package); ``plugin`` and ``what`` name the call for the
    guard (``what`` ``None``: the core's own check, no guard), ``budget`` is in seconds.
    """
    if what is None:
        try:
            produced = _produced(evaluate, site)
        except Exception as exc:  # the core's own check: a bug, reported as for a plugin's
            return CheckFailure(FailureKind.GUARD, f"raised {type(exc).__name__}: {exc}")
    else:
        try:
            produced = call_plugin(plugin, what, budget, _produced, evaluate, site)
        except PluginFailure as exc:  # third-party code: never let it crash the run
            return CheckFailure(FailureKind.GUARD, str(exc), timed_out=exc.timed_out)
    if isinstance(produced, CheckFailure):
        return produced
    for item in produced:
        if not isinstance(item, finding_type):
            return CheckFailure(
                FailureKind.NOT_A_FINDING,
                f"yielded {type(item).__name__} {_short_repr(item)}",
                item_type=type(item).__name__,
            )
    return produced


def evaluate_predicate(
    predicate: RulePredicate,
    request: object,
    context: object,
    *,
    plugin: str,
    what: str,
    budget: float,
) -> bool:
    """Whether a rule's predicate holds: ``bool(predicate(request, context))`` under the
    guard. Raises :class:`~mfs_core.isolation.PluginFailure` for whatever it did wrong."""
    return call_plugin(plugin, what, budget, _holds, predicate, request, context)


def _holds(predicate: Any, request: object, context: object) -> bool:
    # bool() inside the guarded call: a plugin's __bool__ is plugin code too.
    return bool(predicate(request, context))


def _produced(evaluate: Callable[[Any], Any], site: object) -> list[Any] | CheckFailure:
    """The items ``evaluate(site)`` gives, as a list (iterating is running the check: a
    generator runs here), or what is wrong with its result."""
    result = evaluate(site)
    kind = result.__class__
    if kind is GeneratorType or kind is list or kind is tuple:  # the usual, cheap cases
        items = list(itertools.islice(result, MAX_HOOK_ITEMS + 1))
    elif result is None:
        return []
    elif isinstance(result, str | bytes):
        return CheckFailure(FailureKind.SINGLE_STRING, "returned a single string")
    else:
        try:
            iterator = iter(result)
        except TypeError:
            return CheckFailure(
                FailureKind.NOT_ITERABLE,
                f"returned {_short_repr(result)}",
                item_type=type(result).__name__,
            )
        items = list(itertools.islice(iterator, MAX_HOOK_ITEMS + 1))
    if len(items) > MAX_HOOK_ITEMS:
        raise OverflowError(f"yielded more than {MAX_HOOK_ITEMS} items (an endless generator?)")
    return items


_PLAIN = (str, bytes, int, float, bool, type(None))


def _short_repr(value: object) -> str:
    """A plugin's value for a message: plain values by their ``repr`` cut short, any other
    by its type only (its ``__repr__`` would be plugin code, run outside the guard)."""
    if type(value) not in _PLAIN:
        return f"<{type(value).__name__} object>"
    text = repr(value)
    return text if len(text) <= 100 else text[:100] + "…"
