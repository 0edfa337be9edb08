"""Test helpers for plugin authors: load, validate and exercise a plugin without installing it.

Plain functions, usable from any test runner; pytest is not needed to import this module
(the optional fixtures live in :mod:`mfs_core.pytest_plugin`)::

    from mfs_core.testing import assert_plugin_valid, load_plugin, route_once
    from my_plugin import plugin

    def test_valid():
        assert_plugin_valid(plugin, today=plugin.CHECKED_ON)

    def test_dispute_goes_to_the_permanence():
        decision = route_once(load_plugin(plugin), "my-partner.demarche", facts=["dispute"])
        assert decision.rule == "my-partner.litige"

A *plugin* is given as a module or any object holding hook implementations, as a
``(name, object)`` pair, or, for the plugins already installed, as its entry-point name.
The name of a module is the name of the entry point that declares it when the plugin is
installed (``local-droits`` for ``mfs_local_droits.plugin``), else the module's dotted name:
it is the ``plugin`` of every provenance and finding.

:func:`check_plugin` returns the :class:`~mfs_core.validation.ContributionFinding` objects
of :func:`mfs_core.validation.validate` that concern the plugin (load faults, items left out
and ``plugin-empty`` included), plus two findings on mistakes that validation cannot see
because it never holds the plugin object:

================== ====================================================================
code               what it means
================== ====================================================================
plugin-not-found   no installed entry point of group ``mfs_core.plugins`` (or no plugin of
                   the registry given) has this name
hook-not-marked    a function named like a hook lacks ``@hookimpl``: pluggy ignores it
================== ====================================================================

:func:`run_check` and :func:`route_once` run checks and predicates exactly as ``mfs check``
and ``mfs route`` do (:mod:`mfs_core.evaluation`, under the plugin guard): what passes here
passes there.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib.metadata
import types
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, TypeAlias

from mfs_core.evaluation import CheckFailure, FailureKind, evaluate_check, guarded_name
from mfs_core.hookspecs import HOOKS
from mfs_core.isolation import DEFAULT_BUDGET
from mfs_core.model import Check
from mfs_core.registry import ENTRY_POINT_GROUP, PluginInfo, Registry
from mfs_core.settings import PluginPolicy
from mfs_core.validation import ContributionCode, ContributionFinding, validate

if TYPE_CHECKING:
    from mfs_core.compliance import findings as compliance
    from mfs_core.compliance.site import Site
    from mfs_core.routing import Decision, Router, SiteContext

__all__ = [
    "PluginLike",
    "assert_entry_point_installed",
    "assert_plugin_valid",
    "check_plugin",
    "format_findings",
    "load_plugin",
    "route_once",
    "run_check",
    "site_from",
]

#: A plugin module or object, a ``(name, object)`` pair, or an installed entry-point name.
PluginLike: TypeAlias = object

#: The hooks of the contract (:data:`mfs_core.hookspecs.HOOKS`), by name.
HOOK_NAMES: tuple[str, ...] = tuple(hook.name for hook in HOOKS)
_IMPL_MARK = "mfs_core_impl"  # what pluggy's marker of project "mfs_core" sets


def _entry_points() -> importlib.metadata.EntryPoints:
    return importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)


def _name_of(plugin: object) -> str:
    """The entry-point name of an installed plugin module, else its dotted or class name."""
    if isinstance(plugin, types.ModuleType):
        declared = [ep.name for ep in _entry_points() if ep.value == plugin.__name__]
        return declared[0] if len(declared) == 1 else plugin.__name__
    name = getattr(plugin, "__name__", None)
    return name if isinstance(name, str) else type(plugin).__name__


def _named(plugin: object) -> tuple[str, object]:
    if isinstance(plugin, tuple) and len(plugin) == 2 and isinstance(plugin[0], str):
        return plugin[0], plugin[1]
    if isinstance(plugin, str):
        raise TypeError(
            f"{plugin!r}: give the plugin module or object (an entry-point name is accepted by "
            "check_plugin and assert_plugin_valid only)"
        )
    return _name_of(plugin), plugin


def load_plugin(*plugins: PluginLike, with_builtins: bool = True) -> Registry:
    """A registry with ``plugins`` registered in process, as if they were installed.

    Installed external plugins are not loaded, so the result does not depend on the machine;
    the built-in partners are, unless ``with_builtins=False`` (a plugin's rules may name
    built-in procedures). Faults are collected in ``registry.faults``, never raised.
    """
    return Registry.load(
        builtins=with_builtins,
        external=False,
        extra=[_named(plugin) for plugin in plugins],
        strict=False,
    )


def _load_installed(name: str, with_builtins: bool) -> Registry:
    return Registry.load(
        policy=PluginPolicy(enable=frozenset({name})),
        builtins=with_builtins,
        external=True,
        strict=False,
    )


def _info(registry: Registry, name: str) -> PluginInfo | None:
    return next((p for p in registry.plugins if p.name == name), None)


def _unmarked_hooks(name: str, plugin: object) -> list[ContributionFinding]:
    """Functions named ``mfs_*`` without the ``@hookimpl`` marker, which pluggy skips."""
    findings = []
    for attr in sorted(dir(plugin)):
        value = getattr(plugin, attr, None)
        if not attr.startswith("mfs_") or not callable(value) or hasattr(value, _IMPL_MARK):
            continue
        if isinstance(plugin, types.ModuleType) and getattr(value, "__module__", None) != (
            plugin.__name__
        ):
            continue  # imported from elsewhere, not this plugin's own function
        hint = (
            "" if attr in HOOK_NAMES else f"; and no hook has this name ({', '.join(HOOK_NAMES)})"
        )
        findings.append(
            ContributionFinding(
                code=ContributionCode.HOOK_NOT_MARKED,
                subject=name,
                message=f"{attr}() is not decorated with @mfs_core.hookimpl, so pluggy "
                f"ignores it{hint}",
                plugin=name,
            )
        )
    return findings


def _resolve(
    plugin: PluginLike, registry: Registry | None, with_builtins: bool
) -> tuple[str, object | None, Registry]:
    """The plugin's name, its object (when known) and a registry holding it."""
    if isinstance(plugin, str):
        name, obj = plugin, None
        if registry is None:
            registry = _load_installed(name, with_builtins)
        declared = [ep for ep in _entry_points() if ep.name == name]
        if len(declared) == 1:
            try:
                obj = declared[0].load()
            except Exception:  # reported by the registry as an import fault
                obj = None
        return name, obj, registry
    name, obj = _named(plugin)
    return (
        name,
        obj,
        registry if registry is not None else load_plugin((name, obj), with_builtins=with_builtins),
    )


def _findings(
    plugin: PluginLike,
    *,
    registry: Registry | None,
    with_builtins: bool,
    max_age_days: int | None,
    today: dt.date | None,
) -> tuple[Registry, str, list[ContributionFinding]]:
    given = registry is not None
    name, obj, registry = _resolve(plugin, registry, with_builtins)
    if max_age_days is None:
        from mfs_core.settings import load_settings

        max_age_days = load_settings().max_verification_age_days
    findings = [
        f for f in validate(registry, max_age_days=max_age_days, today=today) if f.plugin == name
    ]
    if _info(registry, name) is None:
        findings.append(
            ContributionFinding(
                code=ContributionCode.PLUGIN_NOT_FOUND,
                subject=name,
                message=f"the given registry holds no plugin of this name (it has: "
                f"{', '.join(p.name for p in registry.plugins)})"
                if given
                else f"no installed entry point of group {ENTRY_POINT_GROUP!r} has this "
                "name: is the distribution installed (pip install -e .) and its "
                '[project.entry-points."mfs_core.plugins"] table right?',
                plugin=name,
            )
        )
    if obj is not None:
        findings.extend(_unmarked_hooks(name, obj))
    return registry, name, sorted(findings)


def check_plugin(
    plugin: PluginLike,
    *,
    registry: Registry | None = None,
    with_builtins: bool = True,
    max_age_days: int | None = None,
    today: dt.date | None = None,
) -> list[ContributionFinding]:
    """The findings that concern ``plugin``: its contributions' problems and its faults.

    The plugin is loaded with :func:`load_plugin` (or, given as a string, from its installed
    entry point), unless ``registry`` already holds it. ``max_age_days`` defaults to the
    ``max_verification_age_days`` setting, as for ``mfs plugins --check``; pin ``today`` to
    the plugin's check date so its tests do not fail once the data ages. Findings on other
    plugins are left out; an empty list means the plugin is valid.
    """
    return _findings(
        plugin,
        registry=registry,
        with_builtins=with_builtins,
        max_age_days=max_age_days,
        today=today,
    )[2]


def format_findings(findings: Sequence[ContributionFinding]) -> str:
    """One finding per line: ``code  id: message``, code and id aligned for reading."""
    width = max((len(f.code) for f in findings), default=0)
    return "\n".join(f"  {f.code:<{width}}  {f.subject}: {f.message}" for f in findings)


def assert_plugin_valid(
    plugin: PluginLike,
    *,
    registry: Registry | None = None,
    with_builtins: bool = True,
    max_age_days: int | None = None,
    today: dt.date | None = None,
) -> Registry:
    """Raise :class:`AssertionError` listing every finding of :func:`check_plugin`, one per
    line; return the registry holding the plugin when there is none."""
    registry, name, findings = _findings(
        plugin,
        registry=registry,
        with_builtins=with_builtins,
        max_age_days=max_age_days,
        today=today,
    )
    if findings:
        raise AssertionError(
            f"plugin {name!r}: {len(findings)} finding(s)\n{format_findings(findings)}"
        )
    return registry


def assert_entry_point_installed(name: str) -> PluginInfo:
    """Assert that an installed distribution declares the entry point ``name`` in group
    ``mfs_core.plugins`` and that the registry loads it without fault; return what the
    registry knows of it (distribution, version, counts). For the plugin's own CI, after
    ``pip install``. A plugin that loads but contributes nothing fails too: its entry point
    most likely names the package instead of the module holding the hooks.
    """
    declared = [ep for ep in _entry_points() if ep.name == name]
    if not declared:
        found = ", ".join(sorted({ep.name for ep in _entry_points()})) or "none"
        raise AssertionError(
            f"no entry point {name!r} in group {ENTRY_POINT_GROUP!r} (installed: {found}); "
            'declare it in pyproject.toml under [project.entry-points."mfs_core.plugins"] '
            "and reinstall the distribution"
        )
    if len(declared) > 1:
        values = ", ".join(sorted(ep.value for ep in declared))
        raise AssertionError(f"entry point {name!r} is declared {len(declared)} times ({values})")
    info = _info(_load_installed(name, with_builtins=True), name)
    if info is None:  # the entry point exists and the policy enables it: never expected
        raise AssertionError(f"plugin {name!r} was not considered by the registry")
    if info.faults or not info.loaded:
        faults = "\n".join(f"  {fault}" for fault in info.faults)
        raise AssertionError(f"plugin {name!r} does not load cleanly:\n{faults}")
    if not info.contributions:
        raise AssertionError(
            f"plugin {name!r} loads but contributes nothing: does its entry point "
            f"({declared[0].value}) name the module that holds the @hookimpl functions?"
        )
    return info


def route_once(
    registry: Registry | Router,
    procedure: str,
    *,
    facts: Iterable[str] = (),
    context: SiteContext | None = None,
    wants_autonomy: bool = False,
    urgent: bool = False,
    allow_rule_errors: bool = False,
) -> Decision:
    """Route one counter request for ``procedure`` with ``facts`` and return the explained
    :class:`~mfs_core.routing.Decision` (every rule considered is in ``decision.trace``).

    ``registry`` may be a :class:`~mfs_core.routing.Router` already built from it.
    ``context`` defaults to a quiet counter now (:func:`~mfs_core.routing.default_context`).
    Raise :class:`AssertionError` if no loaded plugin contributes ``procedure``, or if a
    rule's predicate raised (the router skips such a rule in production; a test should not),
    unless ``allow_rule_errors``.
    """
    from mfs_core.routing import Request, RequestChannel, Router, Urgency

    router = registry if isinstance(registry, Router) else Router(registry)
    request = Request(
        procedure=procedure,
        channel=RequestChannel.COUNTER,
        wants_autonomy=wants_autonomy,
        urgency=Urgency.URGENT if urgent else Urgency.NORMAL,
        facts=facts,
    )
    decision = router.decide(request, context, explain=True)
    if decision.rule == "core.unknown-procedure":
        raise AssertionError(f"procedure {procedure!r} is contributed by no loaded plugin")
    errors = [entry for entry in decision.trace if entry.error is not None]
    if errors and not allow_rule_errors:
        raise AssertionError(
            "\n".join(
                f"rule {e.rule!r} (plugin {e.plugin!r}): its predicate raised {e.error}"
                for e in errors
            )
        )
    return decision


def site_from(
    data: Mapping[str, object],
    *,
    as_of: dt.date | None = None,
    installed_partners: Iterable[str] = (),
) -> Site:
    """A site as ``mfs check`` hands it to a check: ``data`` holds the keys of a site file
    (as ``tomllib`` reads them; see the site file reference), and ``site.context`` is built
    for the evaluation date ``as_of`` (default: today in Europe/Paris) with
    ``installed_partners`` (partner codes). Raises
    :class:`~mfs_core.errors.InputError` naming the bad fields, as ``mfs check`` would::

        site = site_from({"id": "test", "name": "Site de test", "porteur": "CCAS",
                          "insee_code": "64483", "format": "fixed",
                          "partners": [{"code": "my-partner", "how": ["referent"]}]})
    """
    import attrs

    from mfs_core.compliance.schedules import build_context
    from mfs_core.compliance.site import Site
    from mfs_core.converter import structure
    from mfs_core.timezone import today_in_paris

    site = structure(dict(data), Site, source="site_from()")
    context = build_context(
        site,
        as_of=as_of or today_in_paris(),
        installed_partners=frozenset(installed_partners),
    )
    return attrs.evolve(site, context=context)


def run_check(
    check: Check, site: object, *, budget: float | None = None
) -> list[compliance.Finding]:
    """Run ``check`` on ``site`` as ``mfs check`` does and return the findings it gives, as
    a list (empty when the site passes, ``None`` returned included), stamped as ``mfs
    check`` reports them.

    Stamped: ``check`` set to the check's id, ``severity`` to the finding's own
    (``"error"`` read as ``Severity.ERROR``) or else the check's, no waiver (only site
    files grant them).

    ``site`` is normally a :class:`mfs_core.compliance.site.Site` (any object is passed
    through, for checks that read only a few attributes). The check runs under the plugin
    guard with ``budget`` seconds (default: 1 s, the default of ``plugins_call_budget``),
    through :func:`mfs_core.evaluation.evaluate_check`, the runner's own path. Raise
    :class:`AssertionError` naming the check if it has no ``evaluate``, or if it raises,
    exits, prints, overruns its budget, returns a single string or a non-iterable, or yields
    anything but :class:`~mfs_core.compliance.findings.Finding` objects, or a finding with
    a field of the wrong type (see :func:`mfs_core.compliance.findings.stamped`) — each of
    which ``mfs check`` turns into an error finding against the plugin.
    """
    from mfs_core.compliance.findings import stamped

    if check.evaluate is None:
        raise AssertionError(f"check {check.id!r} has no evaluate function")
    found = evaluate_check(
        check.evaluate,
        site,
        functools.partial(stamped, check=check),
        plugin=check.provenance.plugin if check.provenance else "(unregistered)",
        what=guarded_name(check),
        budget=DEFAULT_BUDGET.call if budget is None else budget,
    )
    if isinstance(found, CheckFailure):
        raise AssertionError(f"check {check.id!r} {_failure_text(found, site)}")
    return found


def _failure_text(failure: CheckFailure, site: object) -> str:
    if failure.kind is FailureKind.GUARD:
        return f"{failure.text} (site: {site!r})"
    if failure.kind is FailureKind.NOT_A_FINDING:
        return f"{failure.text}: expected mfs_core.plugin.Finding"
    if failure.kind in (FailureKind.MALFORMED_FINDING, FailureKind.TOO_MANY):
        return failure.text
    return f"{failure.text}: yield each finding instead"
