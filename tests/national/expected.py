"""The figures the national report must give, computed without it: each site's own
``mfs report`` code path (:func:`build_report` on its journal), and plain sums of those."""

from __future__ import annotations

import collections
import datetime as dt
from collections.abc import Iterable, Mapping

from mfs_core.indicators import sorted_counts
from mfs_core.journal import open_journal
from mfs_core.national.indicators import Indicators, from_monthly_report
from mfs_core.report import build_report
from national.year import MONTHS, GeneratedSite


def per_site(sites: Iterable[GeneratedSite]) -> dict[tuple[str, dt.date], Indicators]:
    """(site id, month) -> the site's report of the month, as :class:`Indicators`."""
    found = {}
    for generated in sites:
        with open_journal(generated.url, read_only=True) as journal:
            for month in MONTHS:
                report = from_monthly_report(build_report(journal, month))
                if report.sites:
                    found[(generated.site.id, month)] = report
    return found


def _sum(maps: Iterable[Mapping[str, int] | None]) -> dict[str, int]:
    total: collections.Counter[str] = collections.Counter()
    for counts in maps:
        total.update(counts or {})
    return sorted_counts(total)


def combine(items: list[Indicators]) -> Indicators:
    """The indicators of a group of sites: every count summed."""
    return Indicators(
        sites=sum(item.sites for item in items),
        by_outcome=_sum(item.by_outcome for item in items),
        by_autonomy=_sum(item.by_autonomy for item in items),
        by_decision=_sum(item.by_decision for item in items),
        by_follow_up=_sum(item.by_follow_up for item in items),
        outcome_differs_by_decision=_sum(item.outcome_differs_by_decision for item in items),
        identified=sum(item.identified for item in items),
        repeat_visits=sum(item.repeat_visits for item in items),
        by_partner=_sum(item.by_partner for item in items),
        by_procedure=_sum(item.by_procedure for item in items),
        by_thematique=_sum(item.by_thematique for item in items),
        by_channel=_sum(item.by_channel for item in items),
    )
