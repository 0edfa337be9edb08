"""``--format json``: the stable contract CI pipelines read (schema ``check.schema.json``).

One object: ``schema_version``, ``sites`` (each with ``id``, ``name``, ``compliant``,
``weekly_hours``, ``opening_days``, ``findings`` [{``check``, ``severity``, ``message``...}],
``checks`` status per check) and ``summary``.
"""

from __future__ import annotations

import json
from typing import IO, Any

from mfs_core.compliance.findings import Finding, SiteResult
from mfs_core.compliance.report import Report, ReportStream

#: Version of the JSON document; bumped only on incompatible changes.
SCHEMA_VERSION = 1


def finding_data(finding: Finding) -> dict[str, Any]:
    waiver = finding.waiver
    return {
        "check": finding.check,
        "severity": finding.level,  # a StrEnum: written as its value
        "message": finding.message,
        "field": finding.field,
        "suppressed": finding.suppressed,
        "waiver": None
        if waiver is None
        else {"reason": waiver.reason, "until": waiver.until.isoformat()},
    }


def site_data(result: SiteResult, national: bool) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": result.id,
        "name": result.name,
        "source": result.source,
        "compliant": result.compliant,
        "weekly_hours": result.weekly_hours,
        "opening_days": result.opening_days,
        "findings": [finding_data(f) for f in result.findings],
        # StrEnum statuses are strings: the encoder writes their value, no copy needed.
        "checks": result.statuses,
    }
    if national:
        data["departement"] = result.departement
        data["format"] = result.format
    return data


def document(report: Report) -> dict[str, Any]:
    """The JSON document as plain data (what :func:`write` writes)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "sites": [site_data(r, report.national) for r in report.results],
        "summary": report.summary(),
    }


class _SiteLines:
    """Each site as one line of JSON, ``json.dumps(site_data(result))`` written faster: the
    part of a site that is its outcome (``compliant`` to ``checks``) is encoded once for
    every site with the same outcome (the rows of the national list with the same hours
    share their findings tuple), the rest string by string with the C encoder."""

    #: Outcomes remembered: bounded, so a run of any length stays in flat memory.
    SIZE = 1024

    def __init__(self, national: bool) -> None:
        self.national = national
        # (id(findings), weekly hours, opening days) -> (findings, statuses, weekly hours,
        # opening days, JSON text); the findings are held: their id is not reused meanwhile.
        self._outcomes: dict[tuple[int, Any, Any], tuple[Any, ...]] = {}

    def line(self, result: SiteResult) -> str:
        key = (id(result.findings), result.weekly_hours, result.opening_days)
        known = self._outcomes.get(key)
        if (
            known is None
            or known[0] is not result.findings
            or known[1] != result.statuses
            or not _same(known[2], result.weekly_hours)
            or not _same(known[3], result.opening_days)
        ):
            data = site_data(result, national=False)
            outcome = {key: data[key] for key in _OUTCOME_KEYS}
            known = (
                result.findings,
                dict(result.statuses),
                result.weekly_hours,
                result.opening_days,
                json.dumps(outcome, ensure_ascii=False)[1:-1],
            )
            if len(self._outcomes) >= self.SIZE:
                self._outcomes.clear()
            self._outcomes[key] = known
        text = (
            f'{{"id": {_string(result.id)}, "name": {_string(result.name)}, '
            f'"source": {_string(result.source)}, {known[4]}'
        )
        if self.national:
            text += (
                f', "departement": {_string(result.departement)}, '
                f'"format": {_string(result.format)}'
            )
        return text + "}"


#: The keys of :func:`site_data` that depend on the outcome only, in its order.
_OUTCOME_KEYS = ("compliant", "weekly_hours", "opening_days", "findings", "checks")
#: A string as JSON, non-ASCII kept (as ``json.dumps(text, ensure_ascii=False)``).
_string = json.encoder.encode_basestring


def _same(left: object, right: object) -> bool:
    """Equal and of one type (``1`` and ``1.0`` are written differently)."""
    return left.__class__ is right.__class__ and left == right


def write(report: Report | ReportStream, out: IO[str]) -> None:
    """The document, one site per line (the C encoder: ``indent`` would fall back to the
    pure-Python one, the cost of the national list), then the summary, indented."""
    out.write(f'{{\n  "schema_version": {SCHEMA_VERSION},\n  "sites": [')
    separator = "\n    "
    chunk: list[str] = []  # a few hundred sites a write: fewer calls to the escaping
    line = _SiteLines(report.national).line
    for result in report.results:
        chunk.append(separator + line(result))
        separator = ",\n    "
        if len(chunk) == 256:
            out.write("".join(chunk))
            chunk = []
    out.write("".join(chunk))
    summary = json.dumps(report.summary(), ensure_ascii=False, indent=2).replace("\n", "\n  ")
    out.write(("\n  ]" if separator == ",\n    " else "]") + f',\n  "summary": {summary}\n}}\n')
