"""The runner: every check of the catalogue on each site, waivers applied, faults contained.

Hot path: the registry is loaded once per :class:`Runner`; checking a site calls plain
Python functions, never pluggy.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from mfs_core.compliance.catalogue import RUNNER_CHECKS, resolve_evaluator
from mfs_core.compliance.context import CheckContext
from mfs_core.compliance.findings import CheckStatus, Finding, SiteResult, stamped
from mfs_core.compliance.schedules import build_context
from mfs_core.compliance.site import HoursScope, Site, load_site
from mfs_core.compliance.waivers import apply_waivers
from mfs_core.errors import InputError
from mfs_core.evaluation import CheckFailure, evaluate_check, guarded_name
from mfs_core.model import Check, Severity
from mfs_core.osm_hours import as_of_problem
from mfs_core.timezone import today_in_paris

if TYPE_CHECKING:
    from mfs_core.registry import Registry

__all__ = ["HOURS_CHECKS", "Runner", "today_in_paris"]


class Runner:
    """Checks sites against the catalogue of a registry (built-in and plugin checks).

    ``as_of`` is the evaluation date (default: today in Europe/Paris); ``hours_scope``
    overrides each site file's choice for the 24 h / 5 days rule.
    """

    def __init__(
        self,
        registry: Registry | None = None,
        *,
        as_of: dt.date | None = None,
        hours_scope: HoursScope | None = None,
    ) -> None:
        if registry is None:
            from mfs_core.registry import Registry

            registry = Registry.load()
        self.checks: tuple[Check, ...] = tuple(registry.checks.values())
        self.catalogue: tuple[Check, ...] = tuple(
            sorted((*self.checks, *RUNNER_CHECKS), key=lambda c: c.id)
        )
        self.installed_partners = frozenset(registry.partners)
        self.as_of = as_of or today_in_paris()
        if problem := as_of_problem(self.as_of):
            raise InputError(f"as_of: {problem}")
        self.hours_scope = hours_scope
        #: Seconds one check may run on one site (see :mod:`mfs_core.isolation`).
        self.budget = registry.budget.call
        #: (plugin, check id) -> how the check last failed (raised, exited, printed,
        #: overran): one entry per check however many sites, for strict mode.
        self.plugin_failures: dict[tuple[str, str], str] = {}
        self._known = frozenset(c.id for c in self.catalogue)
        self._ids = tuple(c.id for c in self.checks)
        self._plans: dict[frozenset[str] | None, tuple[tuple[_Step, ...], dict[str, CheckStatus]]]
        self._plans = {}

    def _plan(
        self, only: Collection[str] | None
    ) -> tuple[tuple[_Step, ...], dict[str, CheckStatus]]:
        """The checks to run and a fresh status table, every check *unknown* until run.

        Statuses are keyed in check-id order (the registry sorts checks), so they come out
        sorted; the selection, and the function behind each deferred built-in evaluator,
        are worked out once per ``only`` set.
        """
        key = None if only is None else frozenset(only)
        plan = self._plans.get(key)
        if plan is None:
            to_run = tuple(
                (
                    c,
                    None if c.evaluate is None else resolve_evaluator(c.evaluate),  # type: ignore[arg-type]
                    c.provenance.plugin if c.provenance else "?",
                    # The core's own checks run unguarded (see mfs_core.evaluation).
                    guarded_name(c),
                    # Validates and stamps each finding: bound once, not per site.
                    functools.partial(stamped, check=c),
                )
                for c in self.checks
                if key is None or c.id in key
            )
            plan = self._plans[key] = (to_run, dict.fromkeys(self._ids, CheckStatus.UNKNOWN))
        return plan[0], dict(plan[1])

    def core_only(self, only: Collection[str] | None) -> bool:
        """Whether every check of the selection is one of the core's own: pure functions of
        the site and its context, so two identical sites get identical results (the ANCT
        list reuses the outcome of a row's hours for every row with the same hours)."""
        return all(step[3] is None for step in self._plan(only)[0])

    def core_plan(
        self, only: Collection[str] | None
    ) -> (
        tuple[
            tuple[tuple[Check, Callable[[Site], Iterable[object]] | None], ...],
            dict[str, CheckStatus],
        ]
        | None
    ):
        """The checks of the selection in the order :meth:`run` runs them, each with its
        evaluator (deferred built-ins resolved; None for a check without one), and a fresh
        status table (every check *unknown*); None when some check of the selection is
        not one of the core's own (a plugin's: it must run, guarded, through :meth:`run`).

        Lets a caller that knows what the built-in evaluators make of its data (the ANCT
        list, :mod:`mfs_core.compliance.anct_verdicts`) give the same result without
        building a site."""
        steps, statuses = self._plan(only)
        if any(step[3] is not None for step in steps):
            return None
        return tuple((step[0], step[1]) for step in steps), statuses

    def check_files(self, paths: Sequence[Path | str]) -> list[SiteResult]:
        """Load and check site files; every file's input errors are raised together, and
        then no result is given (:meth:`iter_files` gives the others')."""
        problems: list[str] = []
        results = list(self.iter_files(paths, lambda _path, exc: problems.extend(exc.problems)))
        if problems:
            raise InputError(problems)
        return results

    def iter_files(
        self,
        paths: Iterable[Path | str],
        on_unreadable: Callable[[str, InputError], object],
    ) -> Iterator[SiteResult]:
        """Load and check site files one at a time, in order: a file that cannot be read
        (:func:`~mfs_core.compliance.site.load_site` raises :class:`InputError`) is given
        to ``on_unreadable`` with its error (every problem of the file, each naming it),
        before the next file's result, and the other files are checked all the same
        (``mfs check`` reports them, and names the unreadable ones apart)."""
        for path in paths:
            try:
                site = load_site(path)
            except InputError as exc:
                on_unreadable(str(path), exc)
                continue
            yield self.check_site(site, source=str(path))

    def check_site(self, site: Site, *, source: str = "") -> SiteResult:
        """Run every check on one site described by a file.

        A site that publishes no hours leaves the rules on hours (:data:`HOURS_CHECKS`)
        unknown.
        """
        context = build_context(
            site,
            as_of=self.as_of,
            installed_partners=self.installed_partners,
            hours_scope=self.hours_scope,
        )
        only = None if context.hours_known else [i for i in self._ids if i not in HOURS_CHECKS]
        return self.run(site, context, source=source, only=only)

    def run(
        self,
        site: Site,
        context: CheckContext,
        *,
        source: str = "",
        only: Collection[str] | None = None,
        departement: str = "",
        site_format: str = "",
    ) -> SiteResult:
        """Run the checks (those in ``only`` if given; the others are *unknown*)."""
        if site.context is not context:
            site = attrs.evolve(site, context=context)
        findings: list[Finding] = []
        to_run, statuses = self._plan(only)
        for check, evaluate, plugin, what, stamp in to_run:
            found = _evaluate(
                check, evaluate, plugin, what, stamp, site, self.budget, self.plugin_failures
            )
            if found:
                findings.extend(found)
                statuses[check.id] = _status_of(found)
            else:
                statuses[check.id] = CheckStatus.PASS
        if site.waivers:
            findings = apply_waivers(
                findings, site.waivers, as_of=context.as_of, known_checks=self._known
            )
            for check_id in {f.check for f in findings}:
                mine = [f for f in findings if f.check == check_id]
                if _status_of(mine) is CheckStatus.PASS:
                    continue  # notes only
                waived = all(f.suppressed for f in mine if f.level is not Severity.INFO)
                statuses[check_id] = CheckStatus.WAIVED if waived else CheckStatus.FAIL
            statuses = dict(sorted(statuses.items()))
        # A site's own hours: those of its one place, or of its whole structure, in the
        # weakest judged week of the horizon; unknown (None) when the rule could not be
        # decided, never zero.
        own = context.units[0].horizon if len(context.units) == 1 else context.structure_horizon
        if own is None:  # one week for all (the ANCT list): the hot path
            week = context.units[0].schedule if len(context.units) == 1 else context.structure_week
            minutes, days = week.weekly_minutes, week.opening_days
        else:
            judged = [own.week(i) for i in own.judged()]
            minutes = min(w.weekly_minutes for w in judged)
            days = min(w.opening_days for w in judged)
        return SiteResult(
            id=site.id,
            name=site.name,
            source=source,
            weekly_hours=None
            if statuses.get(WEEKLY_HOURS) is CheckStatus.UNKNOWN
            else round(minutes / 60, 2),
            opening_days=None if statuses.get(OPENING_DAYS) is CheckStatus.UNKNOWN else days,
            findings=tuple(findings),
            statuses=statuses,
            departement=departement,
            format=site_format or site.format.value,
        )


def _status_of(findings: list[Finding]) -> CheckStatus:
    """A check with findings fails, unless they are all notes (info): notes do not fail."""
    for finding in findings:  # a plain loop: this runs for every failing check of the list
        if finding.severity is not Severity.INFO:
            return CheckStatus.FAIL
    return CheckStatus.PASS


#: The rules read on the opening hours: unknown for a site that publishes none.
WEEKLY_HOURS, OPENING_DAYS = "label.weekly-hours", "label.opening-days"
HOURS_CHECKS = frozenset({WEEKLY_HOURS, OPENING_DAYS, "label.staffing"})

#: A check to run, its evaluate function (deferred built-ins already resolved), its plugin,
#: how a failure names it (None for a built-in check, run without the guard) and the
#: function validating and stamping its findings.
_Step = tuple[
    Check,
    Callable[[Site], Iterable[object]] | None,
    str,
    str | None,
    Callable[[object], Finding],
]


def _evaluate(
    check: Check,
    evaluate: Callable[[Site], Iterable[object]] | None,
    plugin: str,
    what: str | None,
    stamp: Callable[[object], Finding],
    site: Site,
    budget: float,
    failures: dict[tuple[str, str], str],
) -> list[Finding]:
    """Run a check (:func:`mfs_core.evaluation.evaluate_check`, as ``run_check`` does): a
    check that fails to give a verdict becomes an error finding naming its plugin."""
    if evaluate is None:
        return []
    found = evaluate_check(
        evaluate,
        site,
        stamp,
        plugin=plugin,
        what=what,
        budget=budget,
    )
    if isinstance(found, CheckFailure):
        if what is not None:  # third-party code, for strict mode
            failures[plugin, check.id] = found.text
        return [_fault(check, found.french)]
    return found


def _fault(check: Check, what: str) -> Finding:
    plugin = check.provenance.plugin if check.provenance else "?"
    return Finding(
        check=check.id,
        severity=Severity.ERROR,
        message=f"le contrôle « {check.id} » du plugin « {plugin} » {what} (résultat inconnu)",
    )
