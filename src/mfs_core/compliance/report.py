"""A compliance report: the results of a run, the catalogue used, and its summary."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from typing import Any

import attrs

from mfs_core.compliance.findings import CheckStatus, SiteResult
from mfs_core.model import Check, Severity

__all__ = ["Report"]


@attrs.frozen(kw_only=True)
class Report:
    """What every output format renders. ``national`` adds the ANCT summary groupings;
    ``skipped_rows`` counts the list's rows that could not be read (named on standard error).
    """

    results: tuple[SiteResult, ...]
    catalogue: tuple[Check, ...]
    as_of: dt.date
    national: bool = False
    skipped_rows: int = 0

    @property
    def compliant(self) -> bool:
        """Every site is compliant."""
        return all(r.compliant for r in self.results)

    def has_active(self, severities: Sequence[Severity]) -> bool:
        """Whether any unsuppressed finding has one of these severities."""
        return any(f.level in severities for r in self.results for f in r.active)

    def summary(self) -> dict[str, Any]:
        """Counts for the whole run (the ``summary`` object of the JSON output).

        ``hours_unknown`` counts the sites whose weekly hours are unknown (no hours
        published, unreadable hours): counted apart, never as closed.

        Written for the national list's thousands of sites: enum members hash through a
        Python-level ``__hash__``, so statuses are counted with ``list.count`` (identity
        first) rather than used as dictionary keys.
        """
        levels = tuple(Severity)
        by_level = [0] * len(levels)
        suppressed = compliant = hours_unknown = 0
        by_departement: dict[str, dict[str, Any]] = {}
        by_format: dict[str, dict[str, Any]] = {}
        fail = CheckStatus.FAIL
        statuses = [r.statuses for r in self.results]
        check_ids = sorted(set().union(*statuses))  # set.union walks each dict's keys in C
        for result in self.results:
            compliant += result.compliant
            hours_unknown += result.weekly_hours is None
            for finding in result.findings:
                if finding.waiver is not None:
                    suppressed += 1
                else:
                    # Finding.level, inlined: this runs for every finding of the national list.
                    by_level[levels.index(finding.severity or Severity.ERROR)] += 1
            if self.national:
                # A check fails only with a finding: skip the status scan for clean sites.
                failing = (
                    [c for c, status in result.statuses.items() if status is fail]
                    if result.findings
                    else []
                )
                _count_group(by_departement, result.departement, failing)
                _count_group(by_format, result.format, failing)
        checks: dict[str, dict[str, int]] = {}
        for check in check_ids:
            column = list(map(dict.get, statuses, itertools.repeat(check)))  # a loop in C
            checks[check] = {status.value: column.count(status) for status in CheckStatus}
        severities = {level.value: n for level, n in zip(levels, by_level, strict=True)}
        summary: dict[str, Any] = {
            "as_of": self.as_of.isoformat(),
            "sites": len(self.results),
            "compliant": compliant,
            "non_compliant": len(self.results) - compliant,
            "findings": severities,
            "suppressed": suppressed,
            "hours_unknown": hours_unknown,
            "checks": checks,
        }
        if self.national:
            summary["skipped_rows"] = self.skipped_rows
            summary["by_departement"] = _sorted_groups(by_departement)
            summary["by_format"] = _sorted_groups(by_format)
        return summary


def _count_group(groups: dict[str, dict[str, Any]], name: str, failing: list[str]) -> None:
    group = groups.get(name or "?")
    if group is None:
        group = groups[name or "?"] = {"sites": 0, "failing": {}}
    group["sites"] += 1
    counts: dict[str, int] = group["failing"]
    for check in failing:
        counts[check] = counts.get(check, 0) + 1


def _sorted_groups(groups: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {
        name: {"sites": group["sites"], "failing": dict(sorted(group["failing"].items()))}
        for name, group in sorted(groups.items())
    }
