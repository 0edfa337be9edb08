"""``--format jsonl``: JSON Lines, for programs that read a result as it comes (issue 15).

One line per site, each the object ``--format json`` puts in ``sites`` (same keys, same
values), written as the site is checked; then one last line,
``{"schema_version": 1, "summary": {...}}``, the summary of ``--format json``. A reader
tells the summary by its ``summary`` key (a site line has ``id``).
"""

from __future__ import annotations

import json
from typing import IO, Any

from mfs_core.compliance.formats.json_format import SCHEMA_VERSION, _flush, _SiteLines, byte_sink
from mfs_core.compliance.report import Report, ReportStream
from mfs_core.output import json_text

#: The writer escapes its own output (see :func:`mfs_core.compliance.formats.write`).
ESCAPES_OUTPUT = True


def write(report: Report | ReportStream, out: IO[str]) -> None:
    """Each site's line as it is checked (a few hundred a write; bytes to ``out``'s own
    byte stream when :func:`~mfs_core.compliance.formats.json_format.byte_sink` allows
    it), then the summary's."""
    sink = byte_sink(out)
    lines = _SiteLines(report.national, None if sink is None else sink[1])
    line, end = lines.line, lines.as_written("\n")
    chunk: list[Any] = []
    for result in report.results:
        chunk.append(line(result))
        chunk.append(end)
        if len(chunk) == 512:
            _flush(chunk, out, sink)
    _flush(chunk, out, sink)
    summary = json.dumps(report.summary(), ensure_ascii=False)
    out.write(f'{{"schema_version": {SCHEMA_VERSION}, "summary": {json_text(summary)}}}\n')
