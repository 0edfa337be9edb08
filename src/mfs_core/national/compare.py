"""A site beside its département and the nation for the same month (the mayor's view).

:func:`compare_site` takes the national report of a month (:mod:`.engine_duckdb`) and a
site id, and gives the three figures a town follows for the site, its département and the
nation; :func:`comparison_text` and :func:`comparison_html` render them in French.
"""

from __future__ import annotations

import html

import attrs

from mfs_core import geo
from mfs_core.errors import InputError
from mfs_core.french import count, month_title, percent
from mfs_core.french import decimal as n
from mfs_core.national.indicators import Indicators, NationalReport
from mfs_core.output import terminal_lines

__all__ = ["Comparison", "compare_site", "comparison_html", "comparison_text"]


@attrs.frozen
class Comparison:
    """Rows (label, figures) for the site, its département and the nation, for ``title``;
    ``warning``: a French sentence when the journal's month and the dataset's figure for
    the site differ, else None."""

    title: str
    rows: tuple[tuple[str, Indicators], ...]
    warning: str | None = None


def compare_site(
    report: NationalReport, site: str, journal_requests: int | None = None
) -> Comparison:
    """The site ``site`` of ``report`` beside its département and the nation.

    ``journal_requests``: the month's total in the site's own journal (the head of the
    report the comparison is printed in). When the dataset counts another number for the
    site, the comparison says so (an old export, or another site's id given as ``--site``,
    review 15e r7) rather than put two sites' figures side by side in silence.

    Raises :class:`InputError` when the dataset has no request of the site that month.
    """
    if site not in report.by_site:
        raise InputError(
            f"--site: {site}: no request of this site in the national dataset for "
            f"{report.month:%Y-%m} (expected the id given to mfs journal export --site)"
        )
    departement = report.places[site][0]
    dataset_requests = report.by_site[site].total_requests
    warning = None
    if journal_requests is not None and journal_requests != dataset_requests:
        warning = (
            f"Attention : le jeu national indique {count(dataset_requests, 'demande')} pour "
            f"ce site ce mois-ci, le journal {n(journal_requests)} (export ancien ou autre "
            "site ?)"
        )
    found = geo.departements().get(departement)
    name = f"{departement} {found.name}" if found else departement
    return Comparison(
        title=f"Comparaison — {month_title(report.month)}",
        rows=(
            (f"ce site ({site})", report.by_site[site]),
            (f"département {name} ({count(report.by_departement[departement].sites, 'site')})",
             report.by_departement[departement]),
            (f"France ({count(report.national.sites, 'site')})", report.national),
        ),
        warning=warning,
    )  # fmt: skip


def comparison_text(comparison: Comparison) -> str:
    """The comparison as a French text table."""
    width = max(len(label) for label, _ in comparison.rows)
    lines = [
        f"{comparison.title} :",
        f"  {'':<{width}}  {'demandes':>8}  {'1er contact':>11}  {'autonomie':>9}",
    ]
    lines += [
        f"  {label:<{width}}  {n(figures.total_requests):>8}  "
        f"{percent(figures.first_contact_resolution_rate):>11}  "
        f"{percent(figures.autonomy_rate):>9}"
        for label, figures in comparison.rows
    ]
    if comparison.warning:
        lines.append(comparison.warning)
    return terminal_lines(lines) + "\n"  # a site id from a dataset stays on its line


def comparison_html(comparison: Comparison) -> str:
    """The comparison as an HTML fragment (a table)."""
    rows = "\n".join(
        f'<tr><th scope="row">{html.escape(label)}</th><td>{n(figures.total_requests)}</td>'
        f"<td>{html.escape(percent(figures.first_contact_resolution_rate))}</td>"
        f"<td>{html.escape(percent(figures.autonomy_rate))}</td></tr>"
        for label, figures in comparison.rows
    )
    warning = (
        f'\n<p class="warning">{html.escape(comparison.warning)}</p>' if comparison.warning else ""
    )
    return (
        f'<h2>{html.escape(comparison.title)}</h2>\n<table class="comparison">\n'
        "<thead><tr><th></th><th>demandes</th><th>résolues au premier contact</th>"
        "<th>autonomie</th></tr></thead>\n"
        f"<tbody>\n{rows}\n</tbody>\n</table>{warning}"
    )
