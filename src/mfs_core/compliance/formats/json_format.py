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
from mfs_core.output import json_text

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
    """Each site as one line of JSON, ``json_text(json.dumps(site_data(result)))`` written
    faster: the part of a site that is its outcome (``compliant`` to ``checks``) is encoded
    and escaped once for every site with the same outcome (the rows of the national list
    with the same hours share their findings and statuses), the site's own strings one by
    one with the C encoder, and only those searched for characters to escape."""

    #: Outcomes remembered, and ends of lines (outcome, source, département and format):
    #: bounded, so a run of any length stays in flat memory.
    SIZE = 1024

    def __init__(self, national: bool) -> None:
        self.national = national
        # (id(findings), weekly hours, opening days) -> (findings, statuses, weekly hours,
        # opening days, JSON text); the findings are held: their id is not reused meanwhile.
        self._outcomes: dict[tuple[int, Any, Any], tuple[Any, ...]] = {}
        # The same key and the site's source, département and format -> the same tuple,
        # its text the site's line after its name (source, outcome, département, format).
        self._rests: dict[tuple[int, Any, Any, str, str, str], tuple[Any, ...]] = {}

    def line(self, result: SiteResult) -> str:
        findings = result.findings
        hours, days = result.weekly_hours, result.opening_days
        key = (id(findings), hours, days, result.source, result.departement, result.format)
        known = self._rests.get(key)
        if known is None or (
            not (  # the usual case: the same objects
                known[0] is findings
                and known[1] is result.statuses
                and known[2] is hours
                and known[3] is days
            )
            and not _same_outcome(known, result)
        ):
            outcome = self._outcome(result)
            known = (*outcome[:4], self._rest(result, outcome[4]))
            if len(self._rests) >= self.SIZE:
                self._rests.clear()
            self._rests[key] = known
        own = json_text(f'{{"id": {_string(result.id)}, "name": {_string(result.name)}, ')
        rest: str = known[4]
        return own + rest

    def _outcome(self, result: SiteResult) -> tuple[Any, ...]:
        """(findings, statuses, weekly hours, opening days, JSON text of the outcome)."""
        key = (id(result.findings), result.weekly_hours, result.opening_days)
        known = self._outcomes.get(key)
        if known is None or not _same_outcome(known, result):
            data = site_data(result, national=False)
            text = json.dumps({key: data[key] for key in _OUTCOME_KEYS}, ensure_ascii=False)
            known = (
                result.findings,
                result.statuses,
                result.weekly_hours,
                result.opening_days,
                json_text(text[1:-1]),
            )
            if len(self._outcomes) >= self.SIZE:
                self._outcomes.clear()
            self._outcomes[key] = known
        return known

    def _rest(self, result: SiteResult, outcome: str) -> str:
        """The end of the site's line: ``outcome`` is escaped already, the rest is here."""
        tail = "}"
        if self.national:
            tail = (
                f', "departement": {_string(result.departement)}, '
                f'"format": {_string(result.format)}}}'
            )
        source = json_text(f'"source": {_string(result.source)}, ')
        return f"{source}{outcome}{json_text(tail)}"


def _same_outcome(known: tuple[Any, ...], result: SiteResult) -> bool:
    """Whether ``known`` (findings, statuses, weekly hours, opening days...) is the outcome
    of ``result``: the same objects for the rows of the list that share one (no scan)."""
    statuses, hours, days = result.statuses, result.weekly_hours, result.opening_days
    return (
        known[0] is result.findings
        and (known[1] is statuses or known[1] == statuses)
        and (known[2] is hours or _same(known[2], hours))
        and (known[3] is days or _same(known[3], days))
    )


#: The keys of :func:`site_data` that depend on the outcome only, in its order.
_OUTCOME_KEYS = ("compliant", "weekly_hours", "opening_days", "findings", "checks")
#: A string as JSON, non-ASCII kept (as ``json.dumps(text, ensure_ascii=False)``).
_string = json.encoder.encode_basestring


def _same(left: object, right: object) -> bool:
    """Equal and of one type (``1`` and ``1.0`` are written differently)."""
    return left.__class__ is right.__class__ and left == right


#: Whether :func:`write` escapes its own output (``json_text``): the format writer then
#: gives it the output as is (see :func:`mfs_core.compliance.formats.write`).
ESCAPES_OUTPUT = True


def write(report: Report | ReportStream, out: IO[str]) -> None:
    """The document, one site per line (the C encoder: ``indent`` would fall back to the
    pure-Python one, the cost of the national list), then the summary, indented. Every
    string is escaped with :func:`~mfs_core.output.json_text`, part by part."""
    out.write(f'{{\n  "schema_version": {SCHEMA_VERSION},\n  "sites": [')
    separator = "\n    "
    chunk: list[str] = []  # a few hundred sites a write: fewer calls
    line = _SiteLines(report.national).line
    for result in report.results:
        chunk.append(separator)
        chunk.append(line(result))
        separator = ",\n    "
        if len(chunk) == 512:
            out.write("".join(chunk))
            chunk = []
    out.write("".join(chunk))
    summary = json.dumps(report.summary(), ensure_ascii=False, indent=2).replace("\n", "\n  ")
    out.write(
        ("\n  ]" if separator == ",\n    " else "]") + f',\n  "summary": {json_text(summary)}\n}}\n'
    )
