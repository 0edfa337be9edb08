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
  string, anything that is not iterable, an item that is not a
  :class:`~mfs_core.compliance.findings.Finding`, or a finding with a field of the wrong type
  (a ``message`` that is not text, a ``severity`` that is not a ``Severity`` or one of its
  string values, a ``field`` that is not text) is a :class:`CheckFailure`: ``mfs check``
  reports an error finding naming the plugin (the check's result is unknown), ``run_check``
  raises ``AssertionError``. Each good finding is stamped alike on both paths (the check's
  id, its severity as a ``Severity``); a waiver a check sets on its own finding is dropped:
  only site files grant waivers.

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
from typing import Any, TypeVar

import attrs

from mfs_core import french
from mfs_core.isolation import MAX_HOOK_ITEMS, PluginFailure, call_plugin
from mfs_core.model import Check, CheckEvaluate, RulePredicate

__all__ = [
    "CheckFailure",
    "FailureKind",
    "FindingRejected",
    "evaluate_check",
    "evaluate_predicate",
    "guarded_name",
    "short_repr",
]

T = TypeVar("T")


class FailureKind(enum.StrEnum):
    """How a check failed to give a verdict."""

    GUARD = "guard"  # raised, exited, printed, overran its budget, or skipped after an overrun
    SINGLE_STRING = "single-string"  # returned one string instead of findings
    NOT_ITERABLE = "not-iterable"  # returned something that is not iterable
    TOO_MANY = "too-many"  # yielded more than MAX_HOOK_ITEMS items
    NOT_A_FINDING = "not-a-finding"  # yielded an item that is not a Finding
    MALFORMED_FINDING = "malformed-finding"  # a Finding with a field of the wrong type


@attrs.frozen
class CheckFailure:
    """Why a check gave no verdict. ``text`` says it in English (``raised KeyError: 'x'``,
    ``returned a single string``...) for developers; ``french`` in French, to follow
    "le contrôle « x » du plugin « p »" in the finding agents read."""

    kind: FailureKind
    text: str
    french: str
    timed_out: bool = False


class FindingRejected(Exception):
    """Raised by a ``stamp`` function (see :func:`evaluate_check`) for an item a check may
    not give: not a finding, or a finding with a field of the wrong type or value."""

    def __init__(self, kind: FailureKind, text: str, french: str) -> None:
        super().__init__(text)
        self.failure = CheckFailure(kind, text, french)


def guarded_name(check: Check) -> str | None:
    """How failures name a check run under the guard (``check <id>``), or ``None`` for the
    core's own checks, run under a plain ``try``."""
    provenance = check.provenance
    return None if provenance is not None and provenance.core else f"check {check.id}"


def evaluate_check(
    evaluate: CheckEvaluate | Callable[[Any], Any],
    site: object,
    stamp: Callable[[object], T],
    *,
    plugin: str,
    what: str | None,
    budget: float,
) -> list[T] | CheckFailure:
    """Run one check on one site: the findings it gives, each passed through ``stamp``, or
    a :class:`CheckFailure`.

    ``stamp`` is :func:`mfs_core.compliance.findings.stamped` bound to the check (passed
    in: this module sits below the compliance package): it validates each item (a
    ``Finding``, its fields of the right types, enum values converted from their string
    values), fills in the check's id and severity, drops any waiver the plugin set (only
    site files grant waivers), and raises :class:`FindingRejected` for an item it cannot
    take, which fails the whole check (its result is unknown). ``plugin`` and ``what`` name
    the call for the guard (``what`` ``None``: the core's own check, no guard), ``budget``
    is in seconds.
    """
    if what is None:
        try:
            produced = _produced(evaluate, site)
        except Exception as exc:  # the core's own check: a bug, reported as for a plugin's
            name = type(exc).__name__
            return CheckFailure(
                FailureKind.GUARD,
                f"raised {name}: {exc}",
                f"a levé l'exception {name} : {exc}",
            )
    else:
        try:
            produced = call_plugin(plugin, what, budget, _produced, evaluate, site)
        except PluginFailure as exc:  # third-party code: never let it crash the run
            return CheckFailure(FailureKind.GUARD, str(exc), exc.french, timed_out=exc.timed_out)
    if isinstance(produced, CheckFailure):
        return produced
    try:
        # Outside the guard: stamp reads attrs fields only, never plugin code.
        return [stamp(item) for item in produced]
    except FindingRejected as exc:
        return exc.failure


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
        return CheckFailure(
            FailureKind.SINGLE_STRING,
            "returned a single string",
            "a renvoyé un texte seul au lieu d'une liste de constats",
        )
    else:
        try:
            iterator = iter(result)
        except TypeError:
            return CheckFailure(
                FailureKind.NOT_ITERABLE,
                f"returned {short_repr(result)}",
                "a renvoyé un seul objet au lieu d'une liste de constats",
            )
        items = list(itertools.islice(iterator, MAX_HOOK_ITEMS + 1))
    if len(items) > MAX_HOOK_ITEMS:
        return CheckFailure(
            FailureKind.TOO_MANY,
            f"yielded more than {MAX_HOOK_ITEMS} items (an endless generator?)",
            f"a produit plus de {french.decimal(MAX_HOOK_ITEMS)} constats "
            "(un générateur sans fin ?)",
        )
    return items


_PLAIN = (str, bytes, int, float, bool, type(None))


def short_repr(value: object) -> str:
    """A plugin's value for a message: plain values by their ``repr`` cut short, any other
    by its type only (its ``__repr__`` would be plugin code, run outside the guard)."""
    if type(value) not in _PLAIN:
        return f"<{type(value).__name__} object>"
    text = repr(value)
    return text if len(text) <= 100 else text[:100] + "…"
