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

from mfs_core.french import decimal, month_title, percent
from mfs_core.report.monthly import build_report

if TYPE_CHECKING:
    from mfs_core.journal.api import Journal

__all__ = ["MonthFigures", "monthly_trend", "trend_html", "trend_text"]

#: Months shown, the month asked for included.
TREND_MONTHS = 12


@attrs.frozen
class MonthFigures:
    """One month of the trend: requests, and the two rates (``None``: no denominator)."""

    month: dt.date
    requests: int
    first_contact_rate: float | None
    autonomy_rate: float | None


def _months_back(month: dt.date, count: int) -> list[dt.date]:
    index = month.year * 12 + month.month - 1
    return [dt.date(i // 12, i % 12 + 1, 1) for i in range(index - count + 1, index + 1)]


def monthly_trend(
    journal: Journal, month: dt.date, months: int = TREND_MONTHS
) -> list[MonthFigures]:
    """The figures of the ``months`` months ending with ``month``, oldest first (a month
    before the journal's first request shows zero requests and no rate)."""
    figures = []
    for first in _months_back(month.replace(day=1), months):
        report = build_report(journal, first)
        figures.append(
            MonthFigures(
                month=first,
                requests=report.total_requests,
                first_contact_rate=report.first_contact_resolution_rate,
                autonomy_rate=report.autonomy_rate,
            )
        )
    return figures


def trend_text(trend: list[MonthFigures]) -> str:
    """The trend as a French text table, one line a month."""
    width = max(len(month_title(row.month)) for row in trend)
    lines = [
        f"Sur {len(trend)} mois :",
        f"  {'':<{width}}  {'demandes':>8}  {'1er contact':>11}  {'autonomie':>9}",
    ]
    lines += [
        f"  {month_title(row.month):<{width}}  {decimal(row.requests):>8}  "
        f"{percent(row.first_contact_rate):>11}  {percent(row.autonomy_rate):>9}"
        for row in trend
    ]
    return "\n".join(lines) + "\n"


def trend_html(trend: list[MonthFigures]) -> str:
    """The trend as an HTML fragment: a table of the three figures per month."""
    rows = "\n".join(
        f'<tr><th scope="row">{html.escape(month_title(row.month))}</th>'
        f"<td>{decimal(row.requests)}</td><td>{html.escape(percent(row.first_contact_rate))}</td>"
        f"<td>{html.escape(percent(row.autonomy_rate))}</td></tr>"
        for row in trend
    )
    return (
        f'<h2>Sur {len(trend)} mois</h2>\n<table class="trend">\n'
        "<thead><tr><th>mois</th><th>demandes</th><th>résolues au premier contact</th>"
        "<th>autonomie</th></tr></thead>\n"
        f"<tbody>\n{rows}\n</tbody>\n</table>"
    )
