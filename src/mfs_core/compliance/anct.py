"""The ANCT national list of France services sites (data.gouv.fr, Licence Ouverte 2.0).

:func:`check_anct_csv` reads the CSV ("liste des structures France services": ``id_fs``,
``insee_dep``, ``lib_fs``, ``insee_com``, ``h_lundi`` ... ``h_samedi``, ``type_fs``,
``format_fs``, ``labellisation_fs``...) and checks each row on what the list can support:
weekly hours, opening days and the quality of the published hours. Every other check of the
catalogue is reported as *unknown* for every row (never as passed), so no row of the list is
ever "compliant": the list cannot prove it.

Each row is checked on its own hours by default: the list does not say whether the rows
sharing a ``groupe_fs`` form one label unit. With ``hours_scope`` ``structure`` (``mfs check
--anct-csv FILE --hours-scope structure``) the rows of a group are judged together.
"""

from __future__ import annotations

import csv
import operator
from pathlib import Path
from typing import NamedTuple

from mfs_core.compliance.context import CheckContext, Unit
from mfs_core.compliance.findings import SiteResult
from mfs_core.compliance.runner import Runner
from mfs_core.compliance.site import INSEE_CODE_PATTERN, HoursScope, Site, SiteFormat
from mfs_core.errors import InputError
from mfs_core.hours import HoursAnomaly, WeeklySchedule, from_anct_days

__all__ = ["ANCT_CHECKS", "DAY_COLUMNS", "REQUIRED_COLUMNS", "check_anct_csv", "read_anct_rows"]

DAY_COLUMNS = ("h_lundi", "h_mardi", "h_mercredi", "h_jeudi", "h_vendredi", "h_samedi")
REQUIRED_COLUMNS = ("id_fs", "insee_dep", "lib_fs", "insee_com", *DAY_COLUMNS, "format_fs")
#: The checks the list's columns can decide.
ANCT_CHECKS = frozenset({"label.weekly-hours", "label.opening-days", "label.hours-quality"})

#: ``format_fs`` values of the list -> the site file's formats.
ANCT_FORMATS: dict[str, SiteFormat] = {
    "Fixe": SiteFormat.FIXED,
    "Fixe_antenne(s)": SiteFormat.ANTENNA,
    "Multisites": SiteFormat.MULTI_SITE,
    "Bus_équivalent": SiteFormat.MOBILE,
    "Itinérante": SiteFormat.MOBILE,
}
_PORTEUR_UNKNOWN = "(non renseigné dans la liste ANCT)"


def read_anct_rows(path: Path | str) -> list[dict[str, str]]:
    """The rows of the CSV as dicts; a missing column or an unreadable file is an InputError."""
    header, rows = _read_table(path)
    return [dict(zip(header, row, strict=False)) for row in rows]


def _read_table(path: Path | str) -> tuple[list[str], list[list[str]]]:
    """The header and the rows as lists (cheaper than a dict per row on the national list)."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            header = next(reader, [])
            missing = [c for c in REQUIRED_COLUMNS if c not in header]
            if missing:
                raise InputError(
                    f"line 1: missing column(s) {', '.join(missing)}; expected the ANCT "
                    '"liste des structures France services" CSV',
                    source=str(path),
                )
            return header, list(reader)
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", source=str(path)) from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"not a UTF-8 CSV file: {exc}", source=str(path)) from None


def check_anct_csv(path: Path | str, runner: Runner) -> list[SiteResult]:
    """Check every row of the ANCT list; rows with unusable identity fields raise together.

    The hours rule is applied to each row on its own, unless the runner's ``hours_scope`` is
    ``structure``: then the rows of one group (same ``insee_dep`` and ``groupe_fs``) are
    judged on the union of their hours, as the structure they may form.
    """
    source = str(path)
    problems: list[str] = []
    parsed: list[_Row] = []
    header, rows = _read_table(path)
    columns = _Columns(header)
    for number, row in enumerate(rows, start=2):  # line 1 is the header
        item = _parse_row(columns, row, number, problems)
        if item is not None:
            parsed.append(item)
    if problems:
        raise InputError(problems, source=source)
    groups = _group_hours(parsed) if runner.hours_scope is HoursScope.STRUCTURE else {}
    return [_check_row(item, runner, source, groups) for item in parsed]


class _Row(NamedTuple):  # a tuple: built once per row of the national list
    id: str
    name: str
    insee_code: str
    format: SiteFormat
    departement: str
    raw_format: str
    group: str
    schedule: WeeklySchedule
    anomalies: tuple[HoursAnomaly, ...]


class _Columns:
    """Where each column the checks read sits in a row (the header fixes it once)."""

    def __init__(self, header: list[str]) -> None:
        where = {name: index for index, name in enumerate(header)}
        self.id, self.name, self.insee = where["id_fs"], where["lib_fs"], where["insee_com"]
        self.departement, self.format = where["insee_dep"], where["format_fs"]
        self.group = where.get("groupe_fs")
        #: The day cells of a row, Monday first (itemgetter: one C call per row).
        self.days = operator.itemgetter(*(where[c] for c in DAY_COLUMNS))
        self.width = len(header)


def _parse_row(columns: _Columns, row: list[str], number: int, problems: list[str]) -> _Row | None:
    if len(row) != columns.width:
        problems.append(f"line {number}: expected {columns.width} columns, got {len(row)}")
        return None
    site_id, name = row[columns.id].strip(), row[columns.name].strip()
    insee, raw_format = row[columns.insee].strip(), row[columns.format].strip()
    site_format = ANCT_FORMATS.get(raw_format)
    if not (site_id and name and site_format and INSEE_CODE_PATTERN.match(insee)):
        problems.extend(_row_problems(number, site_id, name, insee, raw_format))
        return None
    schedule, anomalies = from_anct_days(columns.days(row))
    return _Row(
        site_id,
        name,
        insee,
        site_format,
        row[columns.departement].strip(),
        raw_format,
        row[columns.group].strip() if columns.group is not None else "",
        schedule,
        anomalies,
    )


def _group_hours(rows: list[_Row]) -> dict[tuple[str, str], tuple[WeeklySchedule, int]]:
    """Union of the hours of each group of two rows or more, and the group's size."""
    members: dict[tuple[str, str], list[WeeklySchedule]] = {}
    for row in rows:
        if row.group:
            members.setdefault((row.departement, row.group), []).append(row.schedule)
    groups = {}
    for key, schedules in members.items():
        if len(schedules) > 1:
            union = WeeklySchedule.closed()
            for schedule in schedules:
                union = union.merged_with(schedule)
            groups[key] = (union, len(schedules))
    return groups


def _check_row(
    row: _Row,
    runner: Runner,
    source: str,
    groups: dict[tuple[str, str], tuple[WeeklySchedule, int]],
) -> SiteResult:
    structure, scope, structure_name = row.schedule, HoursScope.EACH_LOCATION, ""
    group = groups.get((row.departement, row.group)) if groups else None
    if group is not None:
        structure, scope = group[0], HoursScope.STRUCTURE
        structure_name = f"groupe « {row.group} » ({group[1]} lieux)"
    context = CheckContext(
        as_of=runner.as_of,
        installed_partners=runner.installed_partners,
        hours_scope=scope,
        units=(Unit(name=row.name, schedule=row.schedule),),
        structure=structure,
        structure_name=structure_name,
        anomalies=row.anomalies,
    )
    # Built with its context: attrs.evolve per row would cost a tenth of the run.
    site = Site(
        id=row.id,
        name=row.name,
        porteur=_PORTEUR_UNKNOWN,
        insee_code=row.insee_code,
        format=row.format,
        context=context,
    )
    return runner.run(
        site,
        context,
        source=source,
        only=ANCT_CHECKS,
        departement=row.departement,
        site_format=row.raw_format,
    )


def _row_problems(number: int, site_id: str, name: str, insee: str, raw_format: str) -> list[str]:
    return [
        f"line {number}: {column}: expected {what}, got {value!r}"
        for column, value, ok, what in (
            ("id_fs", site_id, bool(site_id), "a site id"),
            ("lib_fs", name, bool(name), "a site name"),
            ("insee_com", insee, bool(INSEE_CODE_PATTERN.match(insee)), "an INSEE code"),
            (
                "format_fs",
                raw_format,
                raw_format in ANCT_FORMATS,
                "one of " + ", ".join(ANCT_FORMATS),
            ),
        )
        if not ok
    ]
