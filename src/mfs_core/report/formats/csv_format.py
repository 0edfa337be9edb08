"""``--format csv``: one row per indicator, ``month,indicator,key,value`` (codes, not
labels), every cell guarded against spreadsheet formulas."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from typing import Any

from mfs_core.output import csv_text
from mfs_core.report.formats.json_format import to_json
from mfs_core.report.monthly import MonthlyReport

__all__ = ["render", "to_csv"]


def _is_breakdown(name: str) -> bool:
    """A ``by_*`` count, ``*_by_*`` count or ``*_reasons`` count: one CSV row per key."""
    last = name.rsplit(".", 1)[-1]
    return last.startswith("by_") or "_by_" in last or last.endswith("_reasons")


def _flatten(prefix: str, value: Any) -> list[tuple[str, str, Any]]:
    if isinstance(value, dict) and _is_breakdown(prefix):
        return [(prefix, str(key), count) for key, count in value.items()]
    if isinstance(value, dict):
        rows: list[tuple[str, str, Any]] = []
        for key, sub in value.items():
            rows += _flatten(f"{prefix}.{key}", sub)
        return rows
    return [(prefix, "", value)]


def to_csv(report: MonthlyReport) -> str:
    """One row per indicator: ``month,indicator,key,value`` (``key`` names the partner,
    channel... of the ``by_*`` indicators; a rate with no denominator is empty). A key
    starting like a spreadsheet formula gets a leading apostrophe
    (:func:`mfs_core.output.csv_text`)."""
    data = to_json(report)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(("month", "indicator", "key", "value"))
    for name, value in data.items():
        if name in ("schema_version", "month"):
            continue
        for indicator, key, item in _flatten(name, value):
            # A key is outside text (a refusal reason...): never a formula in a spreadsheet.
            writer.writerow((data["month"], indicator, csv_text(key), "" if item is None else item))
    return buffer.getvalue()


def render(
    report: MonthlyReport,
    names: Mapping[str, str] | None = None,
    *,
    site_name: str | None = None,
    extra: str = "",
) -> str:
    """:func:`to_csv`; ``names``, ``site_name`` and ``extra`` are not used: CSV keeps the
    codes, one row per indicator."""
    return to_csv(report)
