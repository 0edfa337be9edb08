"""``--format sarif``: SARIF 2.1.0, one run; waived findings carry a suppression.

Each check of the catalogue is a rule (title, reference, remediation as help). A result
points at the site file and, when found, the line of the key it is about.
"""

from __future__ import annotations

import json
from typing import IO, Any

from mfs_core import __version__
from mfs_core.compliance.findings import Finding
from mfs_core.compliance.formats._locate import line_of
from mfs_core.compliance.report import Report, ReportStream
from mfs_core.model import Check, Severity

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _rule(check: Check) -> dict[str, Any]:
    return {
        "id": check.id,
        "name": check.id.split(".", 1)[-1],
        "shortDescription": {"text": check.title},
        "fullDescription": {"text": check.reference},
        "help": {"text": check.remediation},
        "defaultConfiguration": {"level": _LEVELS[check.severity]},
        "properties": {
            "last_verified": check.last_verified.isoformat() if check.last_verified else None,
            "plugin": check.provenance.plugin if check.provenance else "mfs-core",
        },
    }


def _result(finding: Finding, site_id: str, source: str, index: dict[str, int]) -> dict[str, Any]:
    location: dict[str, Any] = {
        "physicalLocation": {"artifactLocation": {"uri": source or site_id}},
        "logicalLocations": [{"name": site_id, "kind": "module"}],
    }
    line = line_of(source, finding.field)
    if line is not None:
        location["physicalLocation"]["region"] = {"startLine": line}
    result: dict[str, Any] = {
        "ruleId": finding.check,
        "level": _LEVELS[finding.level],
        "message": {"text": finding.message},
        "locations": [location],
    }
    if finding.check in index:
        result["ruleIndex"] = index[finding.check]
    if finding.waiver is not None:
        result["suppressions"] = [
            {
                "kind": "inSource",
                "status": "accepted",
                "justification": f"{finding.waiver.reason} (jusqu'au "
                f"{finding.waiver.until.isoformat()})",
            }
        ]
    return result


_RESULTS = "@@results@@"  # where write() puts the results, streamed


def _document(report: Report | ReportStream, results: Any) -> dict[str, Any]:
    rules = [_rule(c) for c in report.catalogue]
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "mfs-core",
                        "version": __version__,
                        "informationUri": "https://pypi.org/project/mfs-core/",
                        "rules": rules,
                    }
                },
                "results": results,
            }
        ],
    }


def _index(report: Report | ReportStream) -> dict[str, int]:
    return {check.id: i for i, check in enumerate(report.catalogue)}


def document(report: Report) -> dict[str, Any]:
    """The SARIF log as plain data (what :func:`write` writes)."""
    index = _index(report)
    results = [_result(f, r.id, r.source, index) for r in report.results for f in r.findings]
    return _document(report, results)


def write(report: Report | ReportStream, out: IO[str]) -> None:
    """The log, its results written one per line as the sites are checked."""
    text = json.dumps(_document(report, _RESULTS), ensure_ascii=False, indent=2)
    head, tail = text.split(json.dumps(_RESULTS))
    index = _index(report)
    out.write(head + "[")
    separator = "\n"
    for result in report.results:
        for finding in result.findings:
            data = _result(finding, result.id, result.source, index)
            out.write(separator + json.dumps(data, ensure_ascii=False))
            separator = ",\n"
    out.write(("\n]" if separator == ",\n" else "]") + tail + "\n")
