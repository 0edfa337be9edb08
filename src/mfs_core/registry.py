"""The registry: a typed facade over pluggy that collects every plugin's contributions once.

Callers never touch pluggy: they build a :class:`Registry` with :meth:`Registry.load` and read
plain, sorted mappings of partners, procedures, referral rules and checks.

Loading, step by step:

1. the built-in plugins (:data:`mfs_core.builtin_plugins.BUILTIN_PLUGINS`): the national
   partners and the label's checks;
2. the external plugins of the entry-point group ``mfs_core.plugins``, filtered by the
   allow/deny list (:class:`~mfs_core.settings.PluginPolicy`);
3. ``check_pending()``: a hook implementation for a hook that does not exist is a fault;
4. each hook of each plugin is called on its own, so a plugin that raises or yields a wrong
   type is reported by name and skipped while the others keep working. Importing a plugin,
   registering it and each hook run as plugin code (:mod:`mfs_core.isolation`):
   ``SystemExit``, ``KeyboardInterrupt``, output on stdout and overrunning the load budget
   are faults too;
5. every contribution is stamped with its :class:`~mfs_core.model.Provenance`; a duplicate id
   is rejected with both plugins named (the first one in plugin order is kept);
6. in strict mode any fault raises :class:`~mfs_core.errors.PluginError`.

Plugin order, used for duplicates and never for output, is: built-ins, then external plugins
by name. Every mapping is sorted by id.
"""

from __future__ import annotations

import functools
import importlib
import importlib.metadata
from collections.abc import Callable, Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Any, Generic, TypeVar

import attrs
import pluggy

from mfs_core import __version__, hookspecs
from mfs_core.errors import PluginError
from mfs_core.isolation import (
    DEFAULT_BUDGET,
    Budget,
    PluginFailure,
    call_plugin,
    collect_plugin,
)
from mfs_core.model import Check, Partner, Procedure, Provenance, ReferralRule
from mfs_core.settings import PluginPolicy

__all__ = ["ENTRY_POINT_GROUP", "PluginFault", "PluginInfo", "Registry"]

#: The entry-point group through which external plugins are found.
ENTRY_POINT_GROUP = "mfs_core.plugins"
BUILTIN_DISTRIBUTION = "mfs-core"

T = TypeVar("T", Partner, Procedure, ReferralRule, Check)


@attrs.frozen(kw_only=True)
class PluginFault:
    """A problem with one plugin: at import, registration, or inside a hook."""

    plugin: str
    stage: str  # import | register | hook | type | duplicate
    message: str
    #: The plugin overran its time budget (it is then skipped for the rest of the process).
    timed_out: bool = False

    def __str__(self) -> str:
        return f"plugin {self.plugin!r} ({self.stage}): {self.message}"


@attrs.frozen(kw_only=True)
class PluginInfo:
    """What the registry knows of one plugin, for ``mfs plugins``."""

    name: str
    distribution: str
    version: str
    builtin: bool
    loaded: bool = True
    partners: int = 0
    procedures: int = 0
    referral_rules: int = 0
    checks: int = 0
    faults: tuple[PluginFault, ...] = ()


@attrs.frozen
class _Kind(Generic[T]):
    hook: str
    cls: type[T]
    label: str


_KINDS: tuple[_Kind[Any], ...] = (
    _Kind("mfs_partners", Partner, "partner"),
    _Kind("mfs_procedures", Procedure, "procedure"),
    _Kind("mfs_referral_rules", ReferralRule, "referral rule"),
    _Kind("mfs_checks", Check, "check"),
)


def _key(item: Partner | Procedure | ReferralRule | Check) -> str:
    return item.code if isinstance(item, Partner) else item.id


@attrs.frozen
class _Candidate:
    name: str
    distribution: str
    version: str
    builtin: bool
    load: Callable[[], object]


class Registry:
    """Every contribution of every loaded plugin, checked once, sorted by id.

    Build it with :meth:`load`; the attributes are read-only mappings.
    """

    def __init__(
        self,
        *,
        partners: Mapping[str, Partner],
        procedures: Mapping[str, Procedure],
        referral_rules: Mapping[str, ReferralRule],
        checks: Mapping[str, Check],
        plugins: Sequence[PluginInfo],
        faults: Sequence[PluginFault],
        budget: Budget = DEFAULT_BUDGET,
    ) -> None:
        self.partners: Mapping[str, Partner] = partners
        self.procedures: Mapping[str, Procedure] = procedures
        self.referral_rules: Mapping[str, ReferralRule] = referral_rules
        self.checks: Mapping[str, Check] = checks
        self.plugins: tuple[PluginInfo, ...] = tuple(plugins)
        self.faults: tuple[PluginFault, ...] = tuple(faults)
        #: Problems that are not a plugin's fault, e.g. an allow/deny list naming a plugin
        #: that is not installed (a typo would otherwise go unnoticed).
        self.warnings: tuple[str, ...] = ()
        #: Time budgets of plugin code; the router and the runner use ``budget.call``.
        self.budget = budget
        #: Whether plugin faults are failures (strict mode): also those of predicates and
        #: checks while routing and checking.
        self.strict = False

    def __repr__(self) -> str:
        return (
            f"<Registry plugins={len(self.plugins)} partners={len(self.partners)} "
            f"procedures={len(self.procedures)} rules={len(self.referral_rules)} "
            f"checks={len(self.checks)} faults={len(self.faults)}>"
        )

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
        ``budget`` its time budgets (:class:`~mfs_core.isolation.Budget`).
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
        registry = _Loader(candidates, budget or policy.budget).run()
        registry.warnings = tuple(warnings)
        registry.strict = strict
        if strict and registry.faults:
            raise PluginError(
                "plugin faults (strict mode):\n" + "\n".join(f"  {f}" for f in registry.faults)
            )
        return registry


def _text(failure: PluginFailure) -> str:
    """A failure at import or registration, as the message of a fault: the exception's
    own words after "raised" (``ImportError: No module named x``), else what happened."""
    text = str(failure)
    return text.removeprefix("raised ")


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
    from mfs_core.builtin_plugins import BUILTIN_PLUGINS

    return [
        _Candidate(
            name,
            BUILTIN_DISTRIBUTION,
            __version__,
            True,
            functools.partial(importlib.import_module, module),
        )
        for name, module in BUILTIN_PLUGINS.items()
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

    def fault(self, plugin: str, stage: str, message: str, *, timed_out: bool = False) -> None:
        self.faults.setdefault(plugin, []).append(
            PluginFault(plugin=plugin, stage=stage, message=message, timed_out=timed_out)
        )

    def run(self) -> Registry:
        loaded: list[_Candidate] = []
        for candidate in self.candidates:
            if self._register(candidate):
                loaded.append(candidate)
        self._check_pending()
        collected = [self._collect(kind, loaded) for kind in _KINDS]
        plugins = [self._info(c) for c in self.candidates]
        all_faults = [f for c in self.candidates for f in self.faults.get(c.name, [])]
        return Registry(
            partners=collected[0],
            procedures=collected[1],
            referral_rules=collected[2],
            checks=collected[3],
            plugins=plugins,
            faults=all_faults,
            budget=self.budget,
        )

    def _register(self, candidate: _Candidate) -> bool:
        name, seconds = candidate.name, self.budget.load
        try:
            plugin = call_plugin(name, "import", seconds, candidate.load)
        except PluginFailure as exc:  # any import-time failure of third-party code
            self.fault(name, "import", _text(exc), timed_out=exc.timed_out)
            return False
        try:
            # pluggy reads the plugin's attributes: plugin code may run there too.
            call_plugin(name, "registration", seconds, self.pm.register, plugin, name)
        except PluginFailure as exc:  # pluggy validation or a duplicate plugin name
            self.fault(name, "register", _text(exc), timed_out=exc.timed_out)
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
                self.fault(name, "register", str(exc))
                self.pm.unregister(exc.plugin)

    def _collect(self, kind: _Kind[T], loaded: Sequence[_Candidate]) -> dict[str, T]:
        by_name = {c.name: c for c in loaded}
        impls = {
            impl.plugin_name: impl for impl in getattr(self.pm.hook, kind.hook).get_hookimpls()
        }
        chosen: dict[str, T] = {}
        for candidate in loaded:
            impl = impls.get(candidate.name)
            if impl is None or self.pm.get_plugin(candidate.name) is None:
                continue
            provenance = Provenance(
                plugin=candidate.name,
                distribution=by_name[candidate.name].distribution,
                version=by_name[candidate.name].version,
            )
            for item in self._call(candidate.name, kind, impl.function):
                key = _key(item)
                if key in chosen:
                    first = chosen[key].provenance
                    self.fault(
                        candidate.name,
                        "duplicate",
                        f"{kind.label} id {key!r} is also contributed by plugin "
                        f"{first.plugin if first else '?'!r}; this one is ignored",
                    )
                    continue
                chosen[key] = attrs.evolve(item, provenance=provenance)
                per_plugin = self.counts.setdefault(candidate.name, {})
                per_plugin[kind.hook] = per_plugin.get(kind.hook, 0) + 1
        return dict(sorted(chosen.items()))

    def _call(self, plugin: str, kind: _Kind[T], function: Callable[[], Any]) -> list[T]:
        try:
            items = collect_plugin(plugin, f"{kind.hook}()", self.budget.load, function)
        except PluginFailure as exc:  # a plugin's bug must not take the others down
            self.fault(plugin, "hook", f"{kind.hook}() {exc}", timed_out=exc.timed_out)
            return []
        good = []
        for item in items:
            if isinstance(item, kind.cls):
                good.append(item)
            else:
                self.fault(
                    plugin,
                    "type",
                    f"{kind.hook}() yielded {type(item).__name__}, expected {kind.cls.__name__}",
                )
        return good

    def _info(self, candidate: _Candidate) -> PluginInfo:
        counts = self.counts.get(candidate.name, {})
        return PluginInfo(
            name=candidate.name,
            distribution=candidate.distribution,
            version=candidate.version,
            builtin=candidate.builtin,
            loaded=self.pm.get_plugin(candidate.name) is not None,
            partners=counts.get("mfs_partners", 0),
            procedures=counts.get("mfs_procedures", 0),
            referral_rules=counts.get("mfs_referral_rules", 0),
            checks=counts.get("mfs_checks", 0),
            faults=tuple(self.faults.get(candidate.name, ())),
        )
