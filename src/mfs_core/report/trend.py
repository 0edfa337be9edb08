"""The mayor's view over time: a site's last twelve months as a trend.

:func:`monthly_trend` computes, for each of the twelve months ending with the one asked
for, the three figures a town follows: requests, first-contact resolution and autonomy,
each from the same code as the monthly report (:func:`~mfs_core.report.build_report`).
:func:`trend_text` and :func:`trend_html` render them in French.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import TYPE_CHECKING

import attrs

from mfs_core.french import MISSING, decimal, month_title, percent
from mfs_core.report.monthly import build_report

if TYPE_CHECKING:
    from mfs_core.journal.api import Journal

__all__ = ["MonthFigures", "monthly_trend", "trend_html", "trend_text"]

#: Months shown, the month asked for included.
TREND_MONTHS = 12


#: What the trend shows for a month with no data (before the journal's first request):
#: the sign of a rate with no denominator too.
NO_DATA = MISSING


@attrs.frozen
class MonthFigures:
    """One month of the trend: requests, and the two rates (``None``: no denominator).
    ``requests`` is ``None`` for a month before the journal's first request: no data, not
    zero requests (as the national report refuses to print a month of zeros)."""

    month: dt.date
    requests: int | None
    first_contact_rate: float | None
    autonomy_rate: float | None


def _months_back(month: dt.date, count: int) -> list[dt.date]:
    index = month.year * 12 + month.month - 1
    return [dt.date(i // 12, i % 12 + 1, 1) for i in range(index - count + 1, index + 1)]


def monthly_trend(
    journal: Journal, month: dt.date, months: int = TREND_MONTHS
) -> list[MonthFigures]:
    """The figures of the ``months`` months ending with ``month``, oldest first. A month
    before the journal's first request has no data (``requests`` None, no rate); a month
    without requests after it has zero."""
    reports = [build_report(journal, first) for first in _months_back(month.replace(day=1), months)]
    # The leading months without a request are before the journal began, unless it holds
    # an older request (then the site had none those months: zeros).
    leading = next((i for i, r in enumerate(reports) if r.total_requests), len(reports))
    if leading and _has_request_before(journal, reports[0].month):
        leading = 0
    return [
        MonthFigures(
            month=report.month,
            requests=None if i < leading else report.total_requests,
            first_contact_rate=report.first_contact_resolution_rate,
            autonomy_rate=report.autonomy_rate,
        )
        for i, report in enumerate(reports)
    ]


def _has_request_before(journal: Journal, day: dt.date) -> bool:
    """Whether the journal holds a request received before ``day`` (its first row read
    only: the index on the reception time)."""
    requests = journal.requests(until=day)
    try:
        return next(requests, None) is not None
    finally:
        close = getattr(requests, "close", None)
        if close is not None:
            close()


def _shown(row: MonthFigures) -> tuple[str, str, str]:
    """Requests and the two rates as printed; a month without data: « — » for each."""
    if row.requests is None:
        return NO_DATA, NO_DATA, NO_DATA
    return decimal(row.requests), percent(row.first_contact_rate), percent(row.autonomy_rate)


def trend_text(trend: list[MonthFigures]) -> str:
    """The trend as a French text table, one line a month."""
    width = max(len(month_title(row.month)) for row in trend)
    lines = [
        f"Sur {len(trend)} mois :",
        f"  {'':<{width}}  {'demandes':>8}  {'1er contact':>11}  {'autonomie':>9}",
    ]
    for row in trend:
        requests, first_contact, autonomy = _shown(row)
        lines.append(
            f"  {month_title(row.month):<{width}}  {requests:>8}  {first_contact:>11}  "
            f"{autonomy:>9}"
        )
    return "\n".join(lines) + "\n"


def trend_html(trend: list[MonthFigures]) -> str:
    """The trend as an HTML fragment: a table of the three figures per month."""
    rows = "\n".join(
        f'<tr><th scope="row">{html.escape(month_title(row.month))}</th>'
        + "".join(f"<td>{html.escape(cell)}</td>" for cell in _shown(row))
        + "</tr>"
        for row in trend
    )
    return (
        f'<h2>Sur {len(trend)} mois</h2>\n<table class="trend">\n'
        "<thead><tr><th>mois</th><th>demandes</th><th>résolues au premier contact</th>"
        "<th>autonomie</th></tr></thead>\n"
        f"<tbody>\n{rows}\n</tbody>\n</table>"
    )
