"""``--format json``: the stable contract CI pipelines read (schema ``check.schema.json``).

One object: ``schema_version``, ``sites`` (each with ``id``, ``name``, ``compliant``,
``weekly_hours``, ``opening_days``, ``findings`` [{``check``, ``severity``, ``message``...}],
``checks`` status per check) and ``summary``.
"""

from __future__ import annotations

import codecs
import io
import json
import math
import os
from collections.abc import Callable
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
    faster, as text or (``errors`` given) as UTF-8 bytes encoded with that error handler.

    A line is the site's id and name, a head (source and compliance), its figures (weekly
    hours and opening days), its outcome (findings and statuses) and a tail (département
    and format): each part is encoded, escaped (and turned to bytes) once for every site
    that shares it (the rows of the national list with the same verdict
    share their findings and statuses: the same objects; rows with the same hours, their
    figures: the same float and int objects), the site's own strings one by one with the C
    encoder, and only those searched for characters to escape. (Writing a figure with
    ``repr`` was half the cost of a line, and encoding the whole line to UTF-8 a third of
    the rest: both are now paid once per distinct part.)"""

    #: Heads, outcomes and tails remembered: bounded, so a run of any length stays
    #: in flat memory (some 1,024 x 3 short texts: well under 1 MiB).
    SIZE = 1024
    #: Figures remembered. An ANCT row's weekly hours are its week's minutes / 60,
    #: rounded: at most 8,641 values (six days of 1,440 minutes), each with a few
    #: opening days; bounded all the same (some 220 bytes an entry: 3.5 MiB at most).
    FIGURES = 16_384

    def __init__(self, national: bool, errors: str | None = None) -> None:
        self.national = national
        self._errors = errors
        # (source, compliant) -> text up to the weekly hours' value.
        self._heads: dict[tuple[str, bool], Any] = {}
        # (weekly hours, opening days) -> (the same two, their text up to the outcome);
        # checked by identity on a hit (1 == 1.0 == True and 0.0 == -0.0, but each is
        # written differently): rows with the same week share the same objects.
        self._figures: dict[tuple[object, object], tuple[object, object, Any]] = {}
        # id(findings) -> (findings, statuses, escaped text of both); the findings are
        # held: their id is not reused meanwhile.
        self._outcomes: dict[int, tuple[Any, Any, Any]] = {}
        # id(finding) -> (finding, its escaped JSON text as written): the national list's
        # rows share their findings (the same objects), found without attrs' Python-level
        # hash of a Finding (a tenth of the JSON's cost at 28,450 varied rows); held, so an
        # id is not reused meanwhile. Each table of statuses (as items) -> its escaped JSON
        # text as written. Kept as written (bytes when the lines are), so that an outcome
        # is joined from encoded parts: encoding each outcome whole encoded its table of
        # statuses and its findings again for every distinct outcome (most of a line's
        # bytes, non-ASCII: encoded character by character).
        self._findings: dict[int, tuple[Finding, Any]] = {}
        self._statuses: dict[tuple[tuple[str, str], ...], Any] = {}
        # id(statuses) -> (statuses, its text as written): a table shared by many outcomes
        # (held, so its id is not reused), found without making its items a key.
        self._tables: dict[int, tuple[Any, Any]] = {}
        # An outcome's fixed parts, as written.
        self._empty = self.as_written("")
        self._open = self.as_written('"findings": [')
        self._comma = self.as_written(", ")
        self._checks = self.as_written('], "checks": ')
        # (département, format) -> escaped text from after the statuses to the end.
        self._tails: dict[tuple[str, str], Any] = {}

    def as_written(self, text: str) -> Any:
        """``text`` as the lines are written (text, or bytes)."""
        return text if self._errors is None else text.encode("utf-8", self._errors)

    def _outcome(self, result: SiteResult) -> Any:
        """``"findings": [...], "checks": {...}``, escaped, as written: each finding and
        each table of statuses encoded once (outcomes that differ share most of them),
        the outcome joined from them."""
        texts = self._findings
        parts = []
        for finding in result.findings:
            known = texts.get(id(finding))
            if known is None or known[0] is not finding:
                text = self.as_written(json_text(_finding_text(finding)))
                known = _kept(texts, id(finding), (finding, text))
            parts.append(known[1])
        statuses = result.statuses
        table = self._tables.get(id(statuses))
        if table is not None and table[0] is statuses:
            checks = table[1]
        else:
            key = tuple(statuses.items())
            found = self._statuses.get(key)
            if found is None:
                text = json_text(json.dumps(statuses, ensure_ascii=False))
                found = _kept(self._statuses, key, self.as_written(text))
            checks = _kept(self._tables, id(statuses), (statuses, found))[1]
        # Joined as written: the same text, or bytes, as the outcome encoded whole (each
        # part ends between two characters of JSON's own syntax: no character is split).
        return self._empty.join((self._open, self._comma.join(parts), self._checks, checks))

    def _head(self, result: SiteResult) -> Any:
        return _kept(
            self._heads,
            (result.source, result.compliant),
            self.as_written(
                json_text(
                    f'"source": {_string(result.source)}, "compliant": '
                    f'{"true" if result.compliant else "false"}, "weekly_hours": '
                )
            ),
        )

    def _figures_of(self, weekly_hours: object, opening_days: object) -> tuple[object, object, Any]:
        if len(self._figures) >= self.FIGURES:
            self._figures.clear()
        if (
            weekly_hours.__class__ is float
            and opening_days.__class__ is int
            and weekly_hours - weekly_hours == 0.0  # not nan, inf
        ):  # _figure's common case, inlined: a row's rounded hours and its days
            text = f'{weekly_hours!r}, "opening_days": {opening_days!r}, '
        else:
            text = f'{_figure(weekly_hours)}, "opening_days": {_figure(opening_days)}, '
        figures = (weekly_hours, opening_days, self.as_written(text))
        self._figures[weekly_hours, opening_days] = figures
        return figures

    def line(self, result: SiteResult) -> Any:
        """The site's line (without its line end), text or bytes."""
        findings = result.findings
        outcome = self._outcomes.get(id(findings))
        if outcome is None or not (
            outcome[0] is findings
            and (outcome[1] is result.statuses or outcome[1] == result.statuses)
        ):
            outcome = _kept(
                self._outcomes,
                id(findings),
                (findings, result.statuses, self._outcome(result)),
            )
        tail = self._tails.get((result.departement, result.format))
        if tail is None:
            text = "}"
            if self.national:
                text = json_text(
                    f', "departement": {_string(result.departement)}, '
                    f'"format": {_string(result.format)}}}'
                )
            tail = _kept(self._tails, (result.departement, result.format), self.as_written(text))
        head = self._heads.get((result.source, result.compliant)) or self._head(result)
        weekly_hours, opening_days = result.weekly_hours, result.opening_days
        figures = self._figures.get((weekly_hours, opening_days))
        if figures is None or figures[0] is not weekly_hours or figures[1] is not opening_days:
            figures = self._figures_of(weekly_hours, opening_days)
        own = _own(result.id, result.name)
        if self._errors is None:
            return f"{own}{head}{figures[2]}{outcome[2]}{tail}"
        return b"".join((own.encode("utf-8", self._errors), head, figures[2], outcome[2], tail))


def _own(site_id: str, name: str) -> str:
    """``json_text`` of ``{"id": ..., "name": ..., `` (a site's own part of its line).

    An id and a name that ``str.isprintable()`` accepts, without ``"`` or ``\\``, are
    written between quotes as they are: ``encode_basestring`` escapes only those two and
    the characters below U+0020 (which ``isprintable`` refuses), and ``json_text`` leaves
    a printable document unchanged. Why: most names of the list hold accents, and the
    encoder's scan of the name, then ``json_text``'s of the line, were a tenth of the JSON
    output's instructions; ``isprintable`` and two ``in`` tests scan it once."""
    if (
        name.isprintable()
        and site_id.isprintable()
        and '"' not in name
        and "\\" not in name
        and '"' not in site_id
        and "\\" not in site_id
    ):
        return f'{{"id": "{site_id}", "name": "{name}", '
    own = f'{{"id": {_string(site_id)}, "name": {_string(name)}, '
    if not own.isascii() or "\x7f" in own:  # json_text's own test, without a call
        own = json_text(own)
    return own


def byte_sink(out: IO[str]) -> tuple[Callable[[bytes], object], str] | None:
    r"""Where a JSON writer may write UTF-8 bytes instead of text to ``out``, and with
    which error handler: ``out``'s own byte stream (flushed first) when ``out`` is a text
    file (:class:`io.TextIOWrapper`, standard output among them) encoding to UTF-8 on a
    platform whose line end is ``\n``, not line-buffered (a terminal); None otherwise
    (write text). A wrapper of a text file with a ``byte_sink()`` method (the CLI's
    standard output, which turns write failures into its own errors) answers for itself.

    The same bytes as writing the text (tested): encoding a national list's output to
    UTF-8 took a fifth as long as reading the list, and most of it is parts shared by
    many sites, encoded once this way. A text file opened with ``newline="\r\n"`` gets
    ``\n`` line ends (the JSON is the same; the wrapper does not say how it was opened).
    """
    own = getattr(out.__class__, "byte_sink", None)
    if own is not None:  # a wrapper of a text file (the CLI's standard output) says itself
        return own(out)  # type: ignore[no-any-return]
    if out.__class__ is not io.TextIOWrapper or os.linesep != "\n" or out.line_buffering:
        return None  # a terminal's output is flushed line by line: left to the wrapper
    try:
        if codecs.lookup(out.encoding).name != "utf-8":
            return None
    except LookupError:
        return None
    out.flush()
    return out.buffer.write, out.errors or "strict"


_V = TypeVar("_V")


def _kept(memo: dict[Any, _V], key: object, value: _V) -> _V:
    """Store ``value`` under ``key`` in one of :class:`_SiteLines`' memos, emptied first when
    it holds ``_SiteLines.SIZE`` entries (flat memory over a list of any length); returns
    ``value``."""
    if len(memo) >= _SiteLines.SIZE:
        memo.clear()
    memo[key] = value
    return value


def _finding_text(finding: Finding) -> str:
    """``json.dumps(finding_data(finding), ensure_ascii=False)``, in one f-string when no
    waiver suppresses the finding and its fields are plain strings (a finding of the
    national list); through the encoder otherwise."""
    check, severity, message, field = (
        finding.check,
        finding.level,
        finding.message,
        finding.field,
    )
    if (
        finding.waiver is not None
        or check.__class__ is not str
        or message.__class__ is not str
        or not isinstance(severity, str)  # a StrEnum: written as its value
        or (field is not None and field.__class__ is not str)
    ):
        return json.dumps(finding_data(finding), ensure_ascii=False)
    return (
        f'{{"check": {_string(check)}, "severity": {_string(severity)}, '
        f'"message": {_string(message)}, '
        f'"field": {"null" if field is None else _string(field)}, '
        '"suppressed": false, "waiver": null}'
    )


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
    string is escaped with :func:`~mfs_core.output.json_text`, part by part. The sites'
    lines go to ``out``'s bytes when :func:`byte_sink` allows it."""
    out.write(f'{{\n  "schema_version": {SCHEMA_VERSION},\n  "sites": [')
    sink = byte_sink(out)
    lines = _SiteLines(report.national, None if sink is None else sink[1])
    line = lines.line
    separator, next_separator = lines.as_written("\n    "), lines.as_written(",\n    ")
    # A batch of sites a write (ReportStream.BATCH, counted first): each stage's code
    # kept hot over the batch, its sites still in the processor's caches.
    for batch in report.batches():
        _flush([separator, next_separator.join(map(line, batch))], out, sink)
        separator = next_separator
    summary = json.dumps(report.summary(), ensure_ascii=False, indent=2).replace("\n", "\n  ")
    out.write(
        ("\n  ]" if separator is next_separator else "]")
        + f',\n  "summary": {json_text(summary)}\n}}\n'
    )


def _flush(
    chunk: list[Any], out: IO[str], sink: tuple[Callable[[bytes], object], str] | None
) -> None:
    """Write the lines of ``chunk`` (bytes to ``sink`` when given, else text) and empty it."""
    if sink is None:
        out.write("".join(chunk))
    else:
        sink[0](b"".join(chunk))
    chunk.clear()
