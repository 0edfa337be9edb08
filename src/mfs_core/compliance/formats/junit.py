"""``--format junit``: one test suite per site, one test case per check.

A check with an active error is a ``<failure>``; a waived or unknown check is ``<skipped>``
with the reason; warnings and notes of a passing check go to ``<system-out>``. A row of
the ANCT list that could not be read is a suite of its own (``FILE:LINE``) whose one test
case is an ``<error>``, counted in ``errors`` (its content never: the reason is on
standard error); so is a site file that could not be read (a suite named by the file, or
``FILE:LINE`` when its fault's line is known). Every text
from a site file or a plugin goes through :func:`mfs_core.output.xml_text`, so the document
stays well-formed XML whatever characters the data holds.
"""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from typing import IO

from mfs_core.compliance.findings import CheckStatus, SiteResult
from mfs_core.compliance.formats._locate import place_of
from mfs_core.compliance.formats.spool import Spool, spool
from mfs_core.compliance.report import (
    Report,
    ReportStream,
    Unreadable,
    UnreadableFile,
    UnreadableRow,
)
from mfs_core.model import Severity
from mfs_core.output import xml_text as _x


def _suite(result: SiteResult) -> tuple[ET.Element, int, int]:
    """One site's test suite, its failures and its skipped checks."""
    suite = ET.Element("testsuite", name=_x(result.id))
    suite_failures = suite_skipped = 0
    for check, status in result.statuses.items():
        case = ET.SubElement(suite, "testcase", classname=_x(result.id), name=_x(check))
        mine = [f for f in result.findings if f.check == check]
        active = [f for f in mine if not f.suppressed]
        errors = [f for f in active if f.level is Severity.ERROR]
        if errors:
            failure = ET.SubElement(
                case, "failure", message=_x(errors[0].message), type=Severity.ERROR.value
            )
            failure.text = _x("\n".join(f.message for f in errors))
            suite_failures += 1
        elif status is CheckStatus.UNKNOWN:
            ET.SubElement(case, "skipped", message="non vérifiable avec ces données")
            suite_skipped += 1
        elif status is CheckStatus.WAIVED:
            reasons = "; ".join(sorted({f.waiver.reason for f in mine if f.waiver}))
            ET.SubElement(case, "skipped", message=_x(f"dérogation : {reasons}"))
            suite_skipped += 1
        if active and not errors:
            out = ET.SubElement(case, "system-out")
            out.text = _x("\n".join(f"{f.level.value}: {f.message}" for f in active))
    suite.set("tests", str(len(result.statuses)))
    suite.set("failures", str(suite_failures))
    suite.set("skipped", str(suite_skipped))
    suite.set("errors", "0")
    return suite, suite_failures, suite_skipped


def _unreadable_suite(unread: Unreadable) -> ET.Element:
    """An unreadable row's or file's suite: one test case in error (a row's named by its
    line, a file's by the descriptor)."""
    line, _column = place_of(unread)
    where = f"{unread.source}:{line}" if line is not None else unread.source
    suite = ET.Element("testsuite", name=_x(where))
    for key, value in (("tests", "1"), ("failures", "0"), ("skipped", "0"), ("errors", "1")):
        suite.set(key, value)
    if isinstance(unread, UnreadableFile):
        name = unread.descriptor
    else:
        name = f"ligne {line}" if line is not None else "ligne inconnue"
    case = ET.SubElement(suite, "testcase", classname=_x(unread.source), name=name)
    ET.SubElement(case, "error", message=_x(unread.message), type=unread.descriptor)
    return suite


def _write_suite(suite: ET.Element, body: Spool) -> None:
    ET.indent(suite, level=1)
    body.write("  " + ET.tostring(suite, encoding="unicode").rstrip("\n") + "\n")


def write(report: Report | ReportStream, out: IO[str]) -> None:
    """The suites go to a temporary file as the sites are checked: the root element, which
    comes first, carries the totals."""
    total = failures = skipped = errors = 0
    with spool() as body:
        for result in report.entries():
            if isinstance(result, UnreadableRow | UnreadableFile):
                _write_suite(_unreadable_suite(result), body)
                total += 1
                errors += 1
                continue
            suite, suite_failures, suite_skipped = _suite(result)
            _write_suite(suite, body)
            total += len(result.statuses)
            failures += suite_failures
            skipped += suite_skipped
        root = ET.Element("testsuites", name="mfs check")
        root.set("tests", str(total))
        root.set("failures", str(failures))
        root.set("skipped", str(skipped))
        root.set("errors", str(errors))
        opening = ET.tostring(root, encoding="unicode")  # <testsuites ... />
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        if not body.tell():
            out.write(opening + "\n")
            return
        out.write(opening.removesuffix(" />") + ">\n")
        body.seek(0)
        shutil.copyfileobj(body, out)
        out.write("</testsuites>\n")
