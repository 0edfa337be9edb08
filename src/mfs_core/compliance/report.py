"""A compliance report: the results of a run, the catalogue used, and its summary."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from typing import Any

import attrs

from mfs_core.compliance.findings import CheckStatus, SiteResult
from mfs_core.model import Check, Severity

__all__ = ["Report"]


@attrs.frozen(kw_only=True)
class Report:
    """What every output format renders. ``national`` adds the ANCT summary groupings."""

    results: tuple[SiteResult, ...]
    catalogue: tuple[Check, ...]
    as_of: dt.date
    national: bool = False

    @property
    def compliant(self) -> bool:
        """Every site is compliant."""
        return all(r.compliant for r in self.results)

    def has_active(self, severities: Sequence[Severity]) -> bool:
        """Whether any unsuppressed finding has one of these severities."""
        return any(f.level in severities for r in self.results for f in r.active)

    def summary(self) -> dict[str, Any]:
        """Counts for the whole run (the ``summary`` object of the JSON output)."""
        severities: Counter[str] = Counter()
        suppressed = 0
        for result in self.results:
            for finding in result.findings:
                if finding.suppressed:
                    suppressed += 1
                else:
                    severities[finding.level.value] += 1
        compliant = sum(1 for r in self.results if r.compliant)
        summary: dict[str, Any] = {
            "as_of": self.as_of.isoformat(),
            "sites": len(self.results),
            "compliant": compliant,
            "non_compliant": len(self.results) - compliant,
            "findings": {s.value: severities.get(s.value, 0) for s in Severity},
            "suppressed": suppressed,
            "checks": _per_check(self.results),
        }
        if self.national:
            summary["by_departement"] = _grouped(self.results, "departement")
            summary["by_format"] = _grouped(self.results, "format")
        return summary


def _per_check(results: Sequence[SiteResult]) -> dict[str, dict[str, int]]:
    """For each check: how many sites pass, fail, are waived, are unknown."""
    table: dict[str, Counter[str]] = {}
    for result in results:
        for check, status in result.statuses.items():
            table.setdefault(check, Counter())[status.value] += 1
    return {
        check: {s.value: counts.get(s.value, 0) for s in CheckStatus}
        for check, counts in sorted(table.items())
    }


def _grouped(results: Sequence[SiteResult], key: str) -> dict[str, dict[str, Any]]:
    groups: dict[str, list[SiteResult]] = {}
    for result in results:
        groups.setdefault(getattr(result, key) or "?", []).append(result)
    return {
        name: {
            "sites": len(members),
            "failing": {
                check: counts["fail"]
                for check, counts in _per_check(members).items()
                if counts["fail"]
            },
        }
        for name, members in sorted(groups.items())
    }
