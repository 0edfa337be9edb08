"""``--format sarif``: SARIF 2.1.0, one run; waived findings carry a suppression.

Each check of the catalogue is a rule (title, reference, remediation as help). A result
points at the site file and, when found, the line of the key it is about.

The run's one invocation says whether every row was read: a row of the ANCT list that
could not be read (so was not checked) is a ``toolExecutionNotifications`` entry of level
``error`` at its file and line (its content never: the reason is on standard error), and
``executionSuccessful`` is then false (the command exits 2). SARIF 2.1.0, appendix I: such
a notification tells a consumer that the results may be incomplete. A site file that could
not be read is one too (descriptor ``site.unreadable-file``, at its line and column when
known).
"""

from __future__ import annotations

import json
import shutil
from typing import IO, Any

from mfs_core import __version__
from mfs_core.compliance.findings import Finding
from mfs_core.compliance.formats._locate import line_of, place_of
from mfs_core.compliance.formats.spool import spool
from mfs_core.compliance.report import (
    Report,
    ReportStream,
    Unreadable,
    UnreadableFile,
    UnreadableRow,
)
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


def _notification(unread: Unreadable) -> dict[str, Any]:
    """An unreadable row or file as a tool execution notification (SARIF 2.1.0 §3.58)."""
    location: dict[str, Any] = {"artifactLocation": {"uri": unread.source}}
    line, column = place_of(unread)
    if line is not None:
        location["region"] = {"startLine": line}
        if column is not None:
            location["region"]["startColumn"] = column
    return {
        "level": "error",
        "message": {"text": unread.message},
        "locations": [{"physicalLocation": location}],
        "descriptor": {"id": unread.descriptor},
    }


def _invocation(notifications: Any, successful: Any) -> dict[str, Any]:
    return {"executionSuccessful": successful, "toolExecutionNotifications": notifications}


_RESULTS = "@@results@@"  # where write() puts the results, streamed
_INVOCATION = "@@invocation@@"  # and the invocation, once the rows are all read


def _document(
    report: Report | ReportStream, results: Any, invocation: Any = _INVOCATION
) -> dict[str, Any]:
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
                "invocations": [invocation],
            }
        ],
    }


def _index(report: Report | ReportStream) -> dict[str, int]:
    return {check.id: i for i, check in enumerate(report.catalogue)}


def document(report: Report) -> dict[str, Any]:
    """The SARIF log as plain data (what :func:`write` writes)."""
    index = _index(report)
    results = [_result(f, r.id, r.source, index) for r in report.results for f in r.findings]
    notes = [_notification(row) for row in report.unreadable]
    return _document(report, results, _invocation(notes, not notes and not report.skipped_rows))


def write(report: Report | ReportStream, out: IO[str]) -> None:
    """The log, its results written one per line as the sites are checked; the
    notifications of unreadable rows and files kept in a temporary file until the results
    end."""
    text = json.dumps(_document(report, _RESULTS), ensure_ascii=False, indent=2)
    head, tail = text.split(json.dumps(_RESULTS))
    between, tail = tail.split(json.dumps(_INVOCATION))
    index = _index(report)
    out.write(head + "[")
    separator = "\n"
    unread = 0
    with spool() as notes:
        for result in report.entries():
            if isinstance(result, UnreadableRow | UnreadableFile):
                note = json.dumps(_notification(result), ensure_ascii=False)
                notes.write((",\n" if unread else "\n") + note)
                unread += 1
                continue
            for finding in result.findings:
                data = _result(finding, result.id, result.source, index)
                out.write(separator + json.dumps(data, ensure_ascii=False))
                separator = ",\n"
        out.write(("\n]" if separator == ",\n" else "]") + between)
        # The invocation's notifications as written, then whether every row was read.
        # A report may count skipped rows without naming them (Report(skipped_rows=N)).
        invocation = json.dumps(_invocation(_RESULTS, not unread and not report.skipped_rows))
        opening, closing = invocation.split(json.dumps(_RESULTS))
        out.write(opening + "[")
        notes.seek(0)
        shutil.copyfileobj(notes, out)
        out.write(("\n]" if unread else "]") + closing + tail + "\n")
