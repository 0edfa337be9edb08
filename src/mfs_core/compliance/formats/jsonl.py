"""``--format jsonl``: JSON Lines, for programs that read a result as it comes (issue 15).

One line per site, each the object ``--format json`` puts in ``sites`` (same keys, same
values), written as the site is checked; then one last line,
``{"schema_version": 1, "summary": {...}}``, the summary of ``--format json``. A reader
tells the summary by its ``summary`` key (a site line has ``id``).
"""

from __future__ import annotations

import json
from typing import IO

from mfs_core.compliance.formats.json_format import SCHEMA_VERSION, _SiteLines
from mfs_core.compliance.report import Report, ReportStream
from mfs_core.output import json_text

#: The writer escapes its own output (see :func:`mfs_core.compliance.formats.write`).
ESCAPES_OUTPUT = True


def write(report: Report | ReportStream, out: IO[str]) -> None:
    """Each site's line as it is checked (a few hundred a write), then the summary's."""
    chunk: list[str] = []
    line = _SiteLines(report.national).line
    for result in report.results:
        chunk.append(line(result))
        chunk.append("\n")
        if len(chunk) == 512:
            out.write("".join(chunk))
            chunk = []
    out.write("".join(chunk))
    summary = json.dumps(report.summary(), ensure_ascii=False)
    out.write(f'{{"schema_version": {SCHEMA_VERSION}, "summary": {json_text(summary)}}}\n')
