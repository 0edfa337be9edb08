"""The ANCT list's checks decided on a row's *verdict*, without building a site.

A row of the list has one week for all and no structure name (each row on its own, the
default ``--hours-scope``). On such a row the three built-in checks the list can decide
give findings made of its verdict alone (see :func:`~mfs_core.compliance.evaluators.week_problems`):

- ``label.weekly-hours`` and ``label.opening-days``: one finding each, the rule's problem
  (``field`` ``hours``), when the week does not meet the rule;
- ``label.hours-quality``: one finding per anomaly of the hours, its message.

:class:`VerdictChecks` gives the :class:`~mfs_core.compliance.findings.SiteResult` that
:meth:`Runner.run <mfs_core.compliance.runner.Runner.run>` gives such a row, from those
parts: no :class:`~mfs_core.compliance.site.Site`, no
:class:`~mfs_core.compliance.context.CheckContext`, no call per check (about a quarter of
the rows of a list whose rows do not repeat have a verdict of their own and were checked
in full). It is used only when every check of the selection is one of these built-in
evaluators (:meth:`VerdictChecks.for_runner` returns None otherwise): a plugin's check
still runs, guarded, through the runner. Tests compare both paths row by row.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import Any

from mfs_core.compliance import evaluators
from mfs_core.compliance.findings import CheckStatus, Finding, SiteResult
from mfs_core.compliance.runner import OPENING_DAYS, WEEKLY_HOURS, Runner
from mfs_core.hours import HoursAnomaly
from mfs_core.model import Severity

__all__ = ["VerdictChecks"]

#: What each built-in evaluator reads of a verdict: the weekly-hours problem (0), the
#: opening-days problem (1), or the anomalies (2).
_PARTS: dict[Callable[[Any], Iterable[object]], int] = {
    evaluators.weekly_hours: 0,
    evaluators.opening_days: 1,
    evaluators.hours_quality: 2,
}
#: A step of a selection: check id, its severity, which part of the verdict (None: a check
#: without evaluator, always passed).
_Step = tuple[str, Severity, int | None]
#: ``SiteResult.__new__`` without its arguments (attributes filled in its ``__dict__``).
_new_result = object.__new__
#: The statuses and severities :meth:`VerdictChecks.result` reads for each new verdict, bound
#: once: an enum member read as ``CheckStatus.PASS`` goes through ``EnumType.__getattr__``
#: (about 50 ns, where a module global takes 6).
_PASS, _FAIL = CheckStatus.PASS, CheckStatus.FAIL
_INFO, _ERROR = Severity.INFO, Severity.ERROR
#: Findings remembered by (check id, message), so that rows with the same problem share one
#: object (bounded: flat memory).
_FINDINGS_MEMO = 4096


class VerdictChecks:
    """The result of a row of the ANCT list from its verdict (see the module's docstring).

    ``selections``: the checks run on a row, by what its readable hours prove when some of
    its hours are unknown ((enough hours, enough days) -> checks); ``full`` those run on a
    row whose hours are all known.
    """

    def __init__(
        self,
        plans: dict[frozenset[str], tuple[tuple[_Step, ...], dict[str, CheckStatus]]],
        full: frozenset[str],
        selections: Mapping[tuple[bool, bool], Collection[str]],
    ) -> None:
        self._plans = plans
        # Each selection's steps, fresh status table and key in _statuses (its steps' id).
        self._full = (*plans[full], id(plans[full][0]))
        self._partly = {
            met: (*plans[frozenset(only)], id(plans[frozenset(only)][0]))
            for met, only in selections.items()
        }
        self._findings: dict[tuple[str, str], Finding] = {}
        # (selection's id, statuses as a tuple) -> one shared table (read, never changed)
        # and which of its rules are unknown (see _table).
        self._statuses: dict[
            tuple[int, tuple[CheckStatus, ...]],
            tuple[dict[str, CheckStatus], tuple[bool, bool, bool]],
        ] = {}

    @classmethod
    def for_runner(
        cls,
        runner: Runner,
        full: Collection[str],
        selections: Mapping[tuple[bool, bool], Collection[str]],
    ) -> VerdictChecks | None:
        """The verdict checks of ``runner``, or None when one of the selected checks is
        not a built-in evaluator known here (a plugin's, or a core check reading more than
        the verdict): the caller then runs the runner."""
        plans: dict[frozenset[str], tuple[tuple[_Step, ...], dict[str, CheckStatus]]] = {}
        for only in (full, *selections.values()):
            plan = runner.core_plan(only)
            if plan is None:
                return None
            steps: list[_Step] = []
            for check, evaluate in plan[0]:
                part = None if evaluate is None else _PARTS.get(evaluate)
                if evaluate is not None and part is None:
                    return None
                steps.append((check.id, check.severity, part))
            plans[frozenset(only)] = (tuple(steps), plan[1])
        return cls(plans, frozenset(full), selections)

    def result(
        self,
        verdict: tuple[str | None, str | None, tuple[HoursAnomaly, ...]],
        *,
        hours_unknown: bool,
        weekly_hours: float,
        opening_days: int,
        id: str,
        name: str,
        source: str,
        departement: str,
        site_format: str,
    ) -> SiteResult | None:
        """The row's result, as :meth:`Runner.run` gives it; None for a verdict whose
        findings the runner would reject (an empty message: it reports the check's
        failure instead)."""
        weekly, days, anomalies = verdict
        if hours_unknown:  # the rules the readable hours do not prove stay unknown
            steps, table, key = self._partly[weekly is None, days is None]
        else:
            steps, table, key = self._full
        findings: list[Finding] = []
        outcome: list[CheckStatus] = []
        memo = self._findings
        errors = False  # an error found: not compliant (SiteResult's own rule, no waiver)
        # Each verdict not met before passes here (828 of 2,845 varied rows): a check
        # without a finding appends its pass at once, a status table met before is found
        # without a call, the statuses are bound once (2.3 -> 1.6 ms for those 828).
        for check_id, severity, part in steps:
            if part == 2:
                messages: Sequence[str] = [anomaly.message for anomaly in anomalies]
            elif part is None or (problem := weekly if part == 0 else days) is None:
                messages = ()
            else:
                messages = (problem,)
            if not messages:
                outcome.append(_PASS)
                continue
            for message in messages:
                finding = memo.get((check_id, message))
                if finding is None:
                    if not isinstance(message, str) or not message.strip():
                        return None
                    if len(memo) >= _FINDINGS_MEMO:
                        memo.clear()
                    finding = memo[check_id, message] = Finding(
                        message=message, check=check_id, severity=severity, field="hours"
                    )
                findings.append(finding)
            # A finding's severity is its check's: the status and the errors follow it.
            outcome.append(_PASS if severity is _INFO else _FAIL)
            if (severity or _ERROR) is _ERROR:  # Finding.level
                errors = True
        statuses_key = (key, tuple(outcome))
        known = self._statuses.get(statuses_key)
        statuses, unknown = known or self._table(steps, table, statuses_key)
        # SiteResult(...) without attrs' __init__ and its compliance scan (a quarter of
        # this method): the same attributes, in the same order, compliance from the
        # table's known unknowns and the errors found above.
        result: SiteResult = _new_result(SiteResult)
        result.__dict__.update(
            id=id,
            name=name,
            source=source,
            weekly_hours=None if unknown[0] else weekly_hours,
            opening_days=None if unknown[1] else opening_days,
            findings=tuple(findings),
            statuses=statuses,
            departement=departement,
            format=site_format,
            compliant=not (unknown[2] or errors),
        )
        return result

    def _table(
        self,
        steps: tuple[_Step, ...],
        table: dict[str, CheckStatus],
        key: tuple[int, tuple[CheckStatus, ...]],
    ) -> tuple[dict[str, CheckStatus], tuple[bool, bool, bool]]:
        """The status table of a selection with these statuses of its checks (``key``:
        the selection's id and the statuses, not in :attr:`_statuses` yet), shared by
        every row that has them (a handful per list), and whether the weekly-hours rule,
        the opening-days rule and any check of it are unknown."""
        statuses = dict(table)
        for (check_id, _severity, _part), status in zip(steps, key[1], strict=True):
            statuses[check_id] = status
        unknown = CheckStatus.UNKNOWN
        found = (
            statuses,
            (
                statuses.get(WEEKLY_HOURS) is unknown,
                statuses.get(OPENING_DAYS) is unknown,
                unknown in statuses.values(),
            ),
        )
        if len(self._statuses) >= _FINDINGS_MEMO:
            self._statuses.clear()
        self._statuses[key] = found
        return found
