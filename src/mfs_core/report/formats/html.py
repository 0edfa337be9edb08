"""``--format html``: the monthly report as one self-contained page a mayor can read.

No external resource: styles are inline, charts are inline SVG drawn here (bar lengths are
computed in Python), and a Content-Security-Policy forbids the page to load anything. A
short inline script (allowed by its hash) measures the bars the browser actually drew and
writes the result into ``#render-check`` (used by the test that opens the page in headless
Chromium).
"""

from __future__ import annotations

import base64
import hashlib
import html
from collections.abc import Mapping

from mfs_core.french import decimal, month_title, percent, plural
from mfs_core.output import terminal_text
from mfs_core.redaction.statement import statement_fr
from mfs_core.report.monthly import MonthlyReport
from mfs_core.report.names import display_name

__all__ = ["CSP", "render", "to_html"]

_BAR_AREA = 360  # px for the longest bar
_LABEL_WIDTH = 230  # px at least for the labels' column
_CHAR_WIDTH = 8  # px, a generous average at 13px: long labels widen the column, not clip
_ROW = 26
_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 46rem;
       color: #1e1e1e; padding: 0 1rem; }
h1 { color: #000091; font-size: 1.6rem; }
h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid #ddd; }
.figures { display: flex; flex-wrap: wrap; gap: 1rem; }
.figure { flex: 1 1 10rem; border: 1px solid #ddd; border-radius: 6px; padding: .8rem; }
.figure strong { display: block; font-size: 1.8rem; color: #000091; }
svg.chart { max-width: 100%; height: auto; }  /* wide label columns scale down */
svg.chart text { font-size: 13px; fill: #1e1e1e; }
svg.chart rect.bar { fill: #000091; }
table { border-collapse: collapse; }
th, td { padding: .2rem .6rem; text-align: right; }
th[scope="row"] { text-align: left; }
footer { margin-top: 2rem; font-size: .85rem; color: #555; }
@media print { body { margin: 0; } }
"""
# Measures what the browser drew: bars with a value must have a size, proportional to it.
_CHECK_SCRIPT = """
(function () {
  var bars = document.querySelectorAll("svg.chart rect.bar");
  var expected = 0, drawn = 0, proportional = true;
  document.querySelectorAll("svg.chart").forEach(function (chart) {
    var unit = null;
    chart.querySelectorAll("rect.bar").forEach(function (bar) {
      var value = Number(bar.getAttribute("data-value"));
      var box = bar.getBoundingClientRect();
      if (value > 0) {
        expected += 1;
        if (box.width > 0 && box.height > 0) { drawn += 1; }
        var perUnit = box.width / value;
        if (unit === null) { unit = perUnit; }
        else if (Math.abs(perUnit - unit) * value > 1.5) { proportional = false; }
      }
    });
  });
  var check = document.getElementById("render-check");
  check.setAttribute("data-bars", String(bars.length));
  check.setAttribute("data-expected", String(expected));
  check.setAttribute("data-drawn", String(drawn));
  check.setAttribute("data-proportional", String(proportional));
})();
"""
#: The page's Content-Security-Policy: nothing loaded, and no script but the one above
#: (allowed by its SHA-256 hash, not by 'unsafe-inline').
_SCRIPT_HASH = base64.b64encode(hashlib.sha256(_CHECK_SCRIPT.encode()).digest()).decode()
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; "
    f"script-src 'sha256-{_SCRIPT_HASH}'; "
    "img-src 'none'; connect-src 'none'; form-action 'none'; base-uri 'none'"
)


def _chart(title: str, counts: dict[str, int], names: Mapping[str, str] | None = None) -> str:
    """A horizontal bar chart (inline SVG) of ``counts``, largest first."""
    if not counts:
        return f"<h2>{html.escape(title)}</h2>\n<p>Aucune donnée.</p>"
    biggest = max(counts.values()) or 1
    labels = [display_name(key, names) for key in counts]
    label_width = max(_LABEL_WIDTH, _CHAR_WIDTH * max(map(len, labels)) + 16)
    height = _ROW * len(counts) + 4
    width = label_width + _BAR_AREA + 60
    rows = []
    for index, (text, value) in enumerate(zip(labels, counts.values(), strict=True)):
        y = index * _ROW + 2
        length = round(_BAR_AREA * value / biggest, 2)
        name = html.escape(text)
        rows.append(
            f'<text x="{label_width - 8}" y="{y + 15}" text-anchor="end">{name}</text>'
            f'<rect class="bar" data-value="{value}" x="{label_width}" y="{y}" '
            f'width="{length}" height="{_ROW - 8}"><title>{name} : {value}</title></rect>'
            f'<text x="{label_width + length + 6}" y="{y + 15}">{value}</text>'
        )
    body = "\n".join(rows)
    return (
        f"<h2>{html.escape(title)}</h2>\n"
        f'<svg class="chart" role="img" aria-label="{html.escape(title)}" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}">'
        f"\n{body}\n</svg>"
    )


def _figure(value: str, caption: str) -> str:
    return f'<div class="figure"><strong>{html.escape(value)}</strong>{html.escape(caption)}</div>'


def to_html(
    report: MonthlyReport,
    names: Mapping[str, str] | None = None,
    *,
    site_name: str | None = None,
    extra: str = "",
) -> str:
    """The report as a self-contained HTML page (French), charts included; ``names`` gives
    the partners' names (code -> name, from the registry); thematiques are shown by their
    data·inclusion label. ``site_name`` names the site in the title; ``extra`` is HTML
    placed after the charts (the trend, the comparison with the département and the nation:
    :mod:`mfs_core.report.trend`, :mod:`mfs_core.national`). Every text is escaped
    (:func:`html.escape`); the site name's control characters, line separators and
    bidirectional overrides are shown as escapes (``\\x1b``, ``\\u202e``) as in the text
    format, so a name cannot reverse or hide the title around it."""
    where = f" — {terminal_text(site_name, one_line=True)}" if site_name else ""
    title = f"Activité France services{where} — {month_title(report.month)}"
    referrals = report.referrals
    figures = "\n".join(
        (
            _figure(
                decimal(report.total_requests),
                plural(report.total_requests, "demande reçue", "demandes reçues"),
            ),
            _figure(percent(report.first_contact_resolution_rate), "résolues au premier contact"),
            _figure(
                f"{decimal(report.appointments.held)} / {decimal(report.appointments.booked)}",
                f"rendez-vous {plural(report.appointments.held, 'honoré')} / pris",
            ),
            _figure(percent(report.autonomy_rate), "faites par l'usager, seul ou accompagné"),
            _figure(
                percent(report.decisions.outcome_differs_rate),
                "suite différente de la décision du routage",
            ),
        )
    )
    charts = "\n".join(
        (
            _chart("Demandes par partenaire", report.by_partner, names),
            _chart("Demandes par thématique", report.by_thematique),
            _chart("Suite donnée aux demandes", report.by_outcome),
            _chart("Canal d'accueil", report.by_channel),
            _chart(
                "Devenir des relais vers un partenaire",
                {
                    key: value
                    for key, value in (
                        ("acceptés", referrals.accepted),
                        ("refusés", referrals.refused),
                        ("expirés", referrals.expired),
                        ("sans suite connue", referrals.pending),
                    )
                    if value
                },
            ),
            _chart("Autonomie des usagers", report.by_autonomy),
            _chart("Décision du routage", report.by_decision),
        )
    )
    return f"""<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title>
<style>{_STYLE}</style>
</head>
<body>
<h1>{html.escape(title)}</h1>
<section class="figures">
{figures}
</section>
{charts}
{extra}
<footer>
<p>Usagers identifiés (pseudonymes) : {decimal(report.residents)} ; revenus dans le mois :
{decimal(report.repeat_visits)} fois.</p>
<p id="privacy">{html.escape(statement_fr())}</p>
<p id="render-check" hidden></p>
</footer>
<script>{_CHECK_SCRIPT}</script>
</body>
</html>
"""


def render(
    report: MonthlyReport,
    names: Mapping[str, str] | None = None,
    *,
    site_name: str | None = None,
    extra: str = "",
) -> str:
    """:func:`to_html` (``extra``: an HTML fragment)."""
    return to_html(report, names, site_name=site_name, extra=extra)
