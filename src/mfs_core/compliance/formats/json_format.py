"""``--format json``: the stable contract CI pipelines read (schema ``check.schema.json``).

One object: ``schema_version``, ``sites`` (each with ``id``, ``name``, ``compliant``,
``weekly_hours``, ``opening_days``, ``findings`` [{``check``, ``severity``, ``message``...}],
``checks`` status per check) and ``summary``.
"""

from __future__ import annotations

import json
import math
from typing import IO, Any, TypeVar

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
    faster. A line is the site's id and name, a head (source and compliance), its weekly
    hours and opening days, its outcome (findings and statuses) and a tail (département and
    format): heads, outcomes and tails are encoded and escaped once for every site that
    shares them (the rows of the national list with the same verdict share their findings
    and statuses: the same objects), figures once per value, the site's own strings one by
    one with the C encoder, and only those searched for characters to escape."""

    #: Heads, outcomes and tails remembered: bounded, so a run of any length stays
    #: in flat memory.
    SIZE = 1024

    def __init__(self, national: bool) -> None:
        self.national = national
        # (source, compliant) -> escaped text up to the weekly hours' value.
        self._heads: dict[tuple[str, bool], str] = {}
        # id(findings) -> (findings, statuses, escaped text of both); the findings are
        # held: their id is not reused meanwhile.
        self._outcomes: dict[int, tuple[Any, Any, str]] = {}
        # Each finding, and each table of statuses (as items) -> its escaped JSON text.
        self._findings: dict[Finding, str] = {}
        self._statuses: dict[tuple[tuple[str, str], ...], str] = {}
        # (département, format) -> escaped text from after the statuses to the end.
        self._tails: dict[tuple[str, str], str] = {}

    def _outcome(self, result: SiteResult) -> str:
        """``"findings": [...], "checks": {...}``, escaped: each finding and each table
        of statuses encoded once (outcomes that differ share most of them)."""
        texts = self._findings
        parts = []
        for finding in result.findings:
            text = texts.get(finding)
            if text is None:
                text = _kept(
                    texts, finding, json_text(json.dumps(finding_data(finding), ensure_ascii=False))
                )
            parts.append(text)
        statuses = result.statuses
        key = tuple(statuses.items())
        checks = self._statuses.get(key)
        if checks is None:
            checks = _kept(self._statuses, key, json_text(json.dumps(statuses, ensure_ascii=False)))
        return f'"findings": [{", ".join(parts)}], "checks": {checks}'

    def line(self, result: SiteResult) -> str:
        findings = result.findings
        outcome = self._outcomes.get(id(findings))
        if outcome is None or not (
            outcome[0] is findings
            and (outcome[1] is result.statuses or outcome[1] == result.statuses)
        ):
            outcome = _kept(
                self._outcomes, id(findings), (findings, result.statuses, self._outcome(result))
            )
        tail = self._tails.get((result.departement, result.format))
        if tail is None:
            tail = "}"
            if self.national:
                tail = json_text(
                    f', "departement": {_string(result.departement)}, '
                    f'"format": {_string(result.format)}}}'
                )
            _kept(self._tails, (result.departement, result.format), tail)
        head = self._heads.get((result.source, result.compliant))
        if head is None:
            head = _kept(
                self._heads,
                (result.source, result.compliant),
                json_text(
                    f'"source": {_string(result.source)}, "compliant": '
                    f'{"true" if result.compliant else "false"}, "weekly_hours": '
                ),
            )
        own = json_text(f'{{"id": {_string(result.id)}, "name": {_string(result.name)}, ')
        return (
            f"{own}{head}{_figure(result.weekly_hours)}, "
            f'"opening_days": {_figure(result.opening_days)}, {outcome[2]}{tail}'
        )


_V = TypeVar("_V")


def _kept(memo: dict[Any, _V], key: object, value: _V) -> _V:
    """Store ``value`` under ``key`` in one of :class:`_SiteLines`' memos, emptied first when
    it holds ``_SiteLines.SIZE`` entries (flat memory over a list of any length); returns
    ``value``."""
    if len(memo) >= _SiteLines.SIZE:
        memo.clear()
    memo[key] = value
    return value


def _figure(value: object) -> str:
    """A figure as the C encoder writes it (``json.dumps(value)``): floats and ints by
    their ``repr`` (1 and 1.0 differ), the rest through the encoder."""
    kind = value.__class__
    if kind is float and value == value and abs(value) != math.inf:  # type: ignore[arg-type]
        return float.__repr__(value)
    if kind is int:
        return int.__repr__(value)
    return "null" if value is None else json.dumps(value)


#: A string as JSON, non-ASCII kept (as ``json.dumps(text, ensure_ascii=False)``).
_string = json.encoder.encode_basestring


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
