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


def write(report: Report | ReportStream, out: IO[str]) -> None:
    """The document, one site per line (the C encoder: ``indent`` would fall back to the
    pure-Python one, the cost of the national list), then the summary, indented."""
    out.write(f'{{\n  "schema_version": {SCHEMA_VERSION},\n  "sites": [')
    separator = "\n    "
    chunk: list[str] = []  # a few hundred sites a write: fewer calls to the escaping
    for result in report.results:
        chunk.append(separator + json.dumps(site_data(result, report.national), ensure_ascii=False))
        separator = ",\n    "
        if len(chunk) == 256:
            out.write("".join(chunk))
            chunk = []
    out.write("".join(chunk))
    summary = json.dumps(report.summary(), ensure_ascii=False, indent=2).replace("\n", "\n  ")
    out.write(("\n  ]" if separator == ",\n    " else "]") + f',\n  "summary": {summary}\n}}\n')
