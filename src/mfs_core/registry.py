"""The registry: a typed facade over pluggy that collects every plugin's contributions once.

Callers never touch pluggy: they build a :class:`Registry` with :meth:`Registry.load` and read
plain, sorted mappings of partners, procedures, referral rules and checks.

Loading, step by step:

1. the built-in plugins (:data:`mfs_core.builtin_plugins.BUILTIN_PLUGINS`): the national
   partners and the label's checks;
2. the external plugins of the entry-point group ``mfs_core.plugins``, filtered by the
   allow/deny list (:class:`~mfs_core.settings.PluginPolicy`);
3. ``check_pending()``: a hook implementation for a hook that does not exist is a fault;
4. each hook of :data:`~mfs_core.hookspecs.HOOKS` is called on its own for each plugin, so
   a plugin that raises or yields a wrong type is reported by name and skipped while the
   others keep working. Importing a plugin, registering it and each hook run as plugin code
   (:mod:`mfs_core.isolation`): ``SystemExit``, ``KeyboardInterrupt``, output on stdout and
   overrunning the load budget are faults too;
5. each item is checked as its hook declares (:meth:`~mfs_core.hookspecs.Hook.malformed`):
   a malformed item is left out and recorded as a fault of stage ``value`` with its own
   code, the rest of the hook is kept;
6. every contribution is stamped with its :class:`~mfs_core.model.Provenance`; a duplicate id
   is rejected with both plugins named (the first one in plugin order is kept);
7. in strict mode any fault raises :class:`~mfs_core.errors.PluginError`.

Plugin order, used for duplicates and never for output, is: built-ins, then external plugins
by name. Every mapping is sorted by id and read-only; the registry itself is immutable.
"""

from __future__ import annotations

import enum
import functools
import importlib
import importlib.metadata
from collections.abc import Callable, Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Any

import attrs
import pluggy

from mfs_core import __version__, hookspecs
from mfs_core.contract import ContributionCode, Rejected, members
from mfs_core.errors import PluginError
from mfs_core.hookspecs import HOOKS, Hook
from mfs_core.isolation import (
    DEFAULT_BUDGET,
    Budget,
    PluginFailure,
    call_plugin,
    collect_plugin,
)
from mfs_core.model import CORE_DISTRIBUTION, Check, Partner, Procedure, Provenance, ReferralRule
from mfs_core.settings import PluginPolicy

__all__ = [
    "BUILTIN_DISTRIBUTION",
    "ENTRY_POINT_GROUP",
    "PluginFault",
    "PluginInfo",
    "PluginStage",
    "Registry",
]

#: The entry-point group through which external plugins are found.
ENTRY_POINT_GROUP = "mfs_core.plugins"
#: The distribution of the built-in plugins.
BUILTIN_DISTRIBUTION = CORE_DISTRIBUTION


class PluginStage(enum.StrEnum):
    """Where a plugin went wrong."""

    IMPORT = "import"  # importing its module failed
    REGISTER = "register"  # pluggy refused it (e.g. an implementation of an unknown hook)
    HOOK = "hook"  # a hook raised, exited, printed or overran: all its contributions lost
    TYPE = "type"  # a hook yielded objects of another type (those left out, one fault a type)
    VALUE = "value"  # an item has a malformed value (left out; ``code`` says which)
    DUPLICATE = "duplicate"  # an id another plugin contributed first (left out)


@attrs.frozen(kw_only=True)
class PluginFault:
    """A problem with one plugin: at import, registration, inside a hook, or with one item.

    For a malformed item (stage ``value``), ``subject`` is its id and ``code`` the
    :class:`~mfs_core.contract.ContributionCode` ``mfs plugins --check`` reports.
    """

    plugin: str
    stage: PluginStage
    message: str
    #: The plugin overran its time budget (it is then skipped for the rest of the process).
    timed_out: bool = False
    subject: str = ""
    code: ContributionCode | None = None

    def __str__(self) -> str:
        return f"plugin {self.plugin!r} ({self.stage}): {self.message}"


def _counts(value: Mapping[str, int]) -> Mapping[str, int]:
    return MappingProxyType(dict(value))


@attrs.frozen(kw_only=True)
class PluginInfo:
    """What the registry knows of one plugin, for ``mfs plugins``.

    ``counts`` holds the number of contributions kept per hook, by the hook's ``plural``
    (``partners``, ``procedures``...); ``hook_implementations`` how many hooks the plugin
    implements (0: its entry point most likely names a module without hooks).
    """

    name: str
    distribution: str
    version: str
    builtin: bool
    loaded: bool = True
    counts: Mapping[str, int] = attrs.field(factory=dict, converter=_counts)
    hook_implementations: int = 0
    faults: tuple[PluginFault, ...] = ()

    def count(self, plural: str) -> int:
        """Contributions kept for the hook whose ``plural`` is given (0 if none)."""
        return self.counts.get(plural, 0)

    @property
    def partners(self) -> int:
        """Partners kept."""
        return self.count("partners")

    @property
    def procedures(self) -> int:
        """Procedures kept."""
        return self.count("procedures")

    @property
    def referral_rules(self) -> int:
        """Referral rules kept."""
        return self.count("referral_rules")

    @property
    def checks(self) -> int:
        """Checks kept."""
        return self.count("checks")

    @property
    def contributions(self) -> int:
        """Every contribution kept, all hooks together."""
        return sum(self.counts.values())


@attrs.frozen
class _Candidate:
    name: str
    distribution: str
    version: str
    builtin: bool
    load: Callable[[], object]


def _plugins(value: Iterable[PluginInfo]) -> tuple[PluginInfo, ...]:
    return tuple(value)


def _faults(value: Iterable[PluginFault]) -> tuple[PluginFault, ...]:
    return tuple(value)


def _texts(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _read_only(value: Mapping[str, Any]) -> Mapping[str, Any]:
    return value if isinstance(value, MappingProxyType) else MappingProxyType(dict(value))


@attrs.frozen(kw_only=True, eq=False)  # identity, as a loaded registry is one load
class Registry:
    """Every contribution of every loaded plugin, checked once, sorted by id.

    Build it with :meth:`load`. It is immutable: the mappings are read-only views sorted by
    id, one per hook of :data:`~mfs_core.hookspecs.HOOKS` (named after its ``plural``).
    """

    partners: Mapping[str, Partner] = attrs.field(converter=_read_only)
    procedures: Mapping[str, Procedure] = attrs.field(converter=_read_only)
    referral_rules: Mapping[str, ReferralRule] = attrs.field(converter=_read_only)
    checks: Mapping[str, Check] = attrs.field(converter=_read_only)
    plugins: tuple[PluginInfo, ...] = attrs.field(converter=_plugins)
    faults: tuple[PluginFault, ...] = attrs.field(converter=_faults)
    #: Problems that are not a plugin's fault, e.g. an allow/deny list naming a plugin
    #: that is not installed (a typo would otherwise go unnoticed).
    warnings: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    #: Time budgets of plugin code; the router and the runner use ``budget.call``.
    budget: Budget = DEFAULT_BUDGET
    #: Whether plugin faults are failures (strict mode): also those of predicates and
    #: checks while routing and checking.
    strict: bool = False

    def __repr__(self) -> str:
        return (
            f"<Registry plugins={len(self.plugins)} partners={len(self.partners)} "
            f"procedures={len(self.procedures)} rules={len(self.referral_rules)} "
            f"checks={len(self.checks)} faults={len(self.faults)}>"
        )

    def contributions(self, hook: Hook[Any]) -> Mapping[str, Any]:
        """The mapping of one hook's contributions (``registry.contributions(hook)`` is
        ``registry.<hook.plural>``)."""
        mapping: Mapping[str, Any] = getattr(self, hook.plural)
        return mapping

    def procedures_of(self, partner: str) -> list[Procedure]:
        """The procedures of one partner, sorted by id."""
        return [p for p in self.procedures.values() if p.partner == partner]

    @property
    def display_names(self) -> Mapping[str, str]:
        """Partner code or procedure id -> the name an agent reads (the partner's ``name``,
        the procedure's ``title``): what reports need, as a plain read-only mapping."""
        names = {code: partner.name for code, partner in self.partners.items()}
        names.update({pid: procedure.title for pid, procedure in self.procedures.items()})
        return MappingProxyType(names)

    @classmethod
    def load(
        cls,
        *,
        policy: PluginPolicy | None = None,
        builtins: bool = True,
        external: bool = True,
        extra: Iterable[tuple[str, object]] = (),
        strict: bool | None = None,
        budget: Budget | None = None,
    ) -> Registry:
        """Load the plugins and collect their contributions.

        ``policy`` is the allow/deny list (default: from settings, see
        :func:`mfs_core.settings.plugin_policy`); ``extra`` registers more plugin objects by
        name (host applications, tests); ``strict`` overrides the policy's strictness and
        ``budget`` its time budgets (:class:`~mfs_core.isolation.Budget`). Raises
        :class:`~mfs_core.errors.PluginError` in strict mode when a plugin had a fault.
        """
        if policy is None:
            from mfs_core.settings import plugin_policy

            policy = plugin_policy()
        strict = policy.strict if strict is None else strict
        others: list[_Candidate] = [
            _Candidate(name, "(registered in process)", "", False, _returning(obj))
            for name, obj in extra
        ]
        warnings: list[str] = []
        if external:
            installed = _entry_point_candidates()
            others.extend(c for c in installed if policy.allows(c.name))
            warnings = _unknown_policy_names(policy, {c.name for c in installed})
        # Built-ins first, then the others by name: this order decides which of two
        # duplicates is kept, so it must not depend on discovery or registration order.
        candidates = (_builtin_candidates() if builtins else []) + sorted(
            others, key=lambda c: c.name
        )
        registry = _Loader(candidates, budget or policy.budget).run(warnings, strict)
        if strict and registry.faults:
            raise PluginError(
                "plugin faults (strict mode):\n" + "\n".join(f"  {f}" for f in registry.faults)
            )
        return registry


def _text(failure: PluginFailure) -> str:
    """A failure at import or registration, as the message of a fault: the exception's
    own words after "raised" (``ImportError: No module named x``), else what happened."""
    text = str(failure).removeprefix("raised ")
    # pluggy adds a dump of every registered plugin: one line says it.
    if text.startswith("ValueError: Plugin already registered under a different name"):
        return (
            "its module is already registered under another plugin name (two entry points "
            "name the same module)"
        )
    if text.startswith("ValueError: Plugin name already registered"):
        return "its plugin name is already registered"
    return text


def _unknown_policy_names(policy: PluginPolicy, installed: set[str]) -> list[str]:
    return [
        f"{variable} names {name!r}, which is not an installed plugin"
        for variable, names in (
            ("MFS_PLUGINS_ENABLE", policy.enable),
            ("MFS_PLUGINS_DISABLE", policy.disable),
        )
        for name in sorted(names - installed)
    ]


def _returning(obj: object) -> Callable[[], object]:
    return lambda: obj


def _builtin_candidates() -> list[_Candidate]:
    from mfs_core.builtin_plugins import BUILTIN_PLUGINS, load_builtin

    return [
        _Candidate(
            name, BUILTIN_DISTRIBUTION, __version__, True, functools.partial(load_builtin, name)
        )
        for name in BUILTIN_PLUGINS
    ]


def _entry_point_candidates() -> list[_Candidate]:
    candidates = []
    for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
        dist = ep.dist
        candidates.append(
            _Candidate(
                ep.name,
                dist.name if dist else "(unknown distribution)",
                dist.version if dist else "",
                False,
                ep.load,
            )
        )
    return candidates


class _Loader:
    """One load: registers candidates, then calls each plugin's hooks in isolation."""

    def __init__(self, candidates: Sequence[_Candidate], budget: Budget) -> None:
        self.candidates = candidates
        self.budget = budget
        self.pm = pluggy.PluginManager(hookspecs.PROJECT_NAME)
        self.pm.add_hookspecs(hookspecs)
        self.faults: dict[str, list[PluginFault]] = {}
        self.counts: dict[str, dict[str, int]] = {}
        #: id(candidate) -> its fault, for a candidate whose name an earlier one took.
        self.name_taken: dict[int, PluginFault] = {}

    def fault(self, plugin: str, stage: PluginStage, message: str, **details: Any) -> None:
        """Record a fault; ``details`` are the optional fields of :class:`PluginFault`."""
        self.faults.setdefault(plugin, []).append(
            PluginFault(plugin=plugin, stage=stage, message=message, **details)
        )

    def run(self, warnings: Sequence[str], strict: bool) -> Registry:
        loaded: list[_Candidate] = []
        seen: dict[str, _Candidate] = {}
        for candidate in self.candidates:
            first = seen.setdefault(candidate.name, candidate)
            if first is not candidate:  # pluggy would refuse it with a dump of every plugin
                # Its own fault, not the first plugin's: both have the same name.
                self.name_taken[id(candidate)] = PluginFault(
                    plugin=candidate.name,
                    stage=PluginStage.REGISTER,
                    message=f"the plugin name {candidate.name!r} of distribution "
                    f"{candidate.distribution} is already taken by "
                    + ("a built-in plugin of mfs-core" if first.builtin else first.distribution)
                    + "; this one is ignored: rename its entry point",
                )
                continue
            if self._register(candidate):
                loaded.append(candidate)
        self._check_pending()
        collected = {hook.plural: self._collect(hook, loaded) for hook in HOOKS}
        plugins = [self._info(c) for c in self.candidates]
        all_faults = [f for c in self.candidates for f in self._faults_of(c)]
        return Registry(
            **collected,
            plugins=plugins,
            faults=all_faults,
            warnings=warnings,
            budget=self.budget,
            strict=strict,
        )

    def _register(self, candidate: _Candidate) -> bool:
        name, seconds = candidate.name, self.budget.load
        try:
            plugin = call_plugin(name, "import", seconds, candidate.load)
        except PluginFailure as exc:  # any import-time failure of third-party code
            self.fault(name, PluginStage.IMPORT, _text(exc), timed_out=exc.timed_out)
            return False
        try:
            # pluggy reads the plugin's attributes: plugin code may run there too.
            call_plugin(name, "registration", seconds, self.pm.register, plugin, name)
        except PluginFailure as exc:  # pluggy validation or a duplicate plugin name
            self.fault(name, PluginStage.REGISTER, _text(exc), timed_out=exc.timed_out)
            return False
        return True

    def _check_pending(self) -> None:
        # A hook implementation for an unknown hook is usually a typo: drop that plugin.
        while True:
            try:
                self.pm.check_pending()
                return
            except pluggy.PluginValidationError as exc:
                name = self.pm.get_name(exc.plugin) or repr(exc.plugin)
                self.fault(name, PluginStage.REGISTER, str(exc))
                self.pm.unregister(exc.plugin)

    def _collect(self, hook: Hook[Any], loaded: Sequence[_Candidate]) -> dict[str, Any]:
        impls = {
            impl.plugin_name: impl for impl in getattr(self.pm.hook, hook.name).get_hookimpls()
        }
        chosen: dict[str, Any] = {}
        for candidate in loaded:
            impl = impls.get(candidate.name)
            if impl is None or self.pm.get_plugin(candidate.name) is None:
                continue
            provenance = Provenance(
                plugin=candidate.name,
                distribution=candidate.distribution,
                version=candidate.version,
            )
            for item in self._call(candidate.name, hook, impl.function):
                key = hook.key_of(item)
                if key in chosen:
                    first = chosen[key].provenance
                    self.fault(
                        candidate.name,
                        PluginStage.DUPLICATE,
                        f"{hook.label} id {key!r} is also contributed by plugin "
                        f"{first.plugin if first else '?'!r}; this one is ignored",
                        subject=key,
                    )
                    continue
                chosen[key] = attrs.evolve(item, provenance=provenance, **members(item))
                per_plugin = self.counts.setdefault(candidate.name, {})
                per_plugin[hook.plural] = per_plugin.get(hook.plural, 0) + 1
        return dict(sorted(chosen.items()))

    def _call(self, plugin: str, hook: Hook[Any], function: Callable[[], Any]) -> list[Any]:
        try:
            items = collect_plugin(plugin, f"{hook.name}()", self.budget.load, function)
        except PluginFailure as exc:  # a plugin's bug must not take the others down
            self.fault(plugin, PluginStage.HOOK, f"{hook.name}() {exc}", timed_out=exc.timed_out)
            return []
        good = []
        wrong: dict[str, int] = {}  # type name -> items of that type: one fault each type
        for item in items:
            if isinstance(item, Rejected):  # a data-file entry the loader could not read
                self.fault(
                    plugin,
                    PluginStage.VALUE,
                    f"{item.left_out or f'{hook.label} {item.subject!r}'} left out: {item.message}",
                    subject=item.subject,
                    code=item.code,
                )
                continue
            if not isinstance(item, hook.type):
                name = type(item).__name__
                wrong[name] = wrong.get(name, 0) + 1
                continue
            problems = hook.malformed(item)
            if not problems:
                good.append(item)
                continue
            subject = hook.key_of(item)
            for problem in problems:
                self.fault(
                    plugin,
                    PluginStage.VALUE,
                    f"{hook.label} {subject!r} left out: {problem.message}",
                    subject=subject,
                    code=problem.code,
                )
        for name, count in wrong.items():
            self.fault(
                plugin,
                PluginStage.TYPE,
                f"{hook.name}() yielded {name}, expected {hook.type.__name__}"
                + (f" ({count} items, each left out)" if count > 1 else " (left out)"),
            )
        return good

    def _faults_of(self, candidate: _Candidate) -> tuple[PluginFault, ...]:
        taken = self.name_taken.get(id(candidate))
        return (taken,) if taken is not None else tuple(self.faults.get(candidate.name, ()))

    def _info(self, candidate: _Candidate) -> PluginInfo:
        if id(candidate) in self.name_taken:
            return PluginInfo(
                name=candidate.name,
                distribution=candidate.distribution,
                version=candidate.version,
                builtin=candidate.builtin,
                loaded=False,
                counts={},
                hook_implementations=0,
                faults=self._faults_of(candidate),
            )
        plugin = self.pm.get_plugin(candidate.name)
        return PluginInfo(
            name=candidate.name,
            distribution=candidate.distribution,
            version=candidate.version,
            builtin=candidate.builtin,
            loaded=plugin is not None,
            counts=self.counts.get(candidate.name, {}),
            hook_implementations=len(self.pm.get_hookcallers(plugin) or ())
            if plugin is not None
            else 0,
            faults=self._faults_of(candidate),
        )
