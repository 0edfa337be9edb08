"""The ANCT national list of France services sites (data.gouv.fr, Licence Ouverte 2.0).

:func:`check_anct_csv` reads the CSV ("liste des structures France services": ``id_fs``,
``insee_dep``, ``lib_fs``, ``insee_com``, ``h_lundi`` ... ``h_samedi``, ``type_fs``,
``format_fs``, ``labellisation_fs``...) and checks each row on what the list can support:
weekly hours, opening days and the quality of the published hours. Every other check of the
catalogue is reported as *unknown* for every row (never as passed), so no row of the list is
ever "compliant": the list cannot prove it.

The national file is messy, and a coordinator needs results for every readable row: with a
``skipped`` list, an unreadable row (empty ``id_fs``, unknown ``format_fs``, wrong number of
columns...) is named there, ``FILE: line N: column: expected ..., got ...``, and the other
rows are checked; without one, the rows' problems are raised together as an
:class:`~mfs_core.errors.InputError`. A second row with an ``id_fs`` already seen gets an
``anct.duplicate-id`` finding (both rows stay checked). A day cell with an unreadable slot
("fermé", "9h-12h") leaves that day's hours unknown: the 24 h and 5 days rules are then
*unknown* for the row, unless its readable days alone already satisfy them. A row with every
day cell empty publishes no hours: both rules are *unknown* (never "closed", never 0 h) and a
``label.hours-quality`` finding says "aucun horaire publié".

Codes and numbers are checked as such: ``insee_com`` and ``code_postal`` in ASCII digits,
``insee_dep`` a département code, ``latitude`` and ``longitude`` finite numbers in range
(each may be empty but ``insee_com``); a row failing one is unreadable.

Each row is checked on its own hours by default: the list does not say whether the rows
sharing a ``groupe_fs`` form one label unit. With ``hours_scope`` ``structure`` (``mfs check
--anct-csv FILE --hours-scope structure``) the rows of a group are judged together.
"""

from __future__ import annotations

import csv
import io
import operator
import re
from pathlib import Path
from typing import NamedTuple

import attrs

from mfs_core.compliance.catalogue import ANCT_DUPLICATE_ID
from mfs_core.compliance.context import CheckContext, Unit
from mfs_core.compliance.evaluators import MIN_OPENING_DAYS, MIN_WEEKLY_MINUTES
from mfs_core.compliance.findings import CheckStatus, Finding, SiteResult
from mfs_core.compliance.runner import Runner
from mfs_core.compliance.site import INSEE_CODE_PATTERN, HoursScope, Site, SiteFormat
from mfs_core.errors import InputError
from mfs_core.hours import (
    HOURS_UNKNOWN,
    NO_HOURS,
    HoursAnomaly,
    WeeklySchedule,
    from_anct_days,
)

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
_NO_HOURS = (
    HoursAnomaly(
        "", NO_HOURS, "", "aucun horaire publié dans la liste (heures inconnues, pas « fermé »)"
    ),
)
#: Optional coded columns, checked when the file has them and the cell is not empty:
#: column -> (pattern, what is expected). ASCII digits only (``\d`` would take any script's).
_CODES = {
    "insee_dep": (re.compile(r"[0-9]{2,3}|2[AB]"), "a département code (01, 2A, 974)"),
    "code_postal": (re.compile(r"[0-9]{5}"), "a postcode of 5 ASCII digits"),
}
#: Cells already found to be good codes (département and postcodes are shared by many rows;
#: both patterns accept disjoint sets of strings, so one set serves both).
_GOOD_CODES: set[str] = set()
#: Coordinates, checked the same way: column -> (lowest, highest) in degrees.
_COORDINATES = {"latitude": (-90.0, 90.0), "longitude": (-180.0, 180.0)}


def read_anct_rows(path: Path | str) -> list[dict[str, str]]:
    """The rows of the CSV as dicts; a missing column, an unreadable file or an unreadable
    row is an InputError."""
    header, rows, _, broken = _read_table(path)
    if broken:
        raise InputError(broken, source=str(path))
    return [dict(zip(header, row, strict=False)) for row in rows]


def _read_table(path: Path | str) -> tuple[list[str], list[list[str]], list[int], list[str]]:
    """The header, the rows as lists (cheaper than a dict per row on the national list),
    the line each row starts on (a quoted cell may hold line breaks), and one ``line N: ...``
    problem per row that could not be read at all (see :func:`_broken_rows`; those rows are
    not in the list).

    The delimiter is taken from the header line: a ``;`` or tab file whose header then holds
    the expected columns is read as such, any other is refused with what was found.
    """
    path = Path(path)
    text = _read_csv_text(path)
    stream = io.StringIO(text, newline="")
    delimiter = _delimiter(stream.readline())
    stream.seek(0)
    reader = csv.reader(stream, delimiter=delimiter)
    try:
        header = next(reader, [])
        missing = [c for c in REQUIRED_COLUMNS if c not in header]
        if missing and delimiter != ",":
            raise InputError(
                f"line 1: expected a comma-separated file, got {delimiter!r} as separator "
                f"and no column(s) {', '.join(missing)}",
                source=str(path),
            )
        if missing:
            raise InputError(
                f"line 1: missing column(s) {', '.join(missing)}; expected the ANCT "
                '"liste des structures France services" CSV',
                source=str(path),
            )
        _check_header(header, str(path))
        rows: list[list[str]] = []
        starts: list[int] = []
        end = reader.line_num
        for row in reader:
            rows.append(row)
            starts.append(end + 1)
            end = reader.line_num
        return header, rows, starts, _broken_rows(text, rows, starts, end)
    except csv.Error as exc:
        raise InputError(
            f"line {reader.line_num}: not a CSV file: {exc}", source=str(path)
        ) from None


# -- the file's structure (size, encoding, header, quoting): kept apart from the rows' content
def _read_csv_text(path: Path) -> str:
    """The file's text, through :mod:`mfs_core.inputs`: at most 64 MiB (some 40 times the
    national list), UTF-8 with or without a byte order mark."""
    from mfs_core.inputs import decode_utf8, read_bytes

    try:
        data = read_bytes(str(path))
    except InputError as exc:
        # "FILE: cannot read the file: ...", as for the other problems of the file.
        problems = [p.removeprefix(f"{path}: ") for p in exc.problems]
        raise InputError(problems, source=str(path)) from None
    return decode_utf8(data, str(path))


def _check_header(header: list[str], source: str) -> None:
    """A column named twice is refused: which of the two holds the data cannot be known."""
    seen: set[str] = set()
    twice = sorted({name for name in header if name in seen or seen.add(name)})  # type: ignore[func-returns-value]
    if twice:
        raise InputError(
            f"line 1: column(s) {', '.join(twice)} appear more than once; expected each "
            "column once",
            source=source,
        )


def _broken_rows(text: str, rows: list[list[str]], starts: list[int], end: int) -> list[str]:
    """Take out the rows that could not be read at all, and say why.

    - A quote opened and never closed: the reader then takes the rest of the file as one
      cell of the last row. A well-formed CSV has an even number of ``"`` (each quoted
      cell opens and closes, inner quotes are doubled), so an odd count means the last row
      swallowed the lines after its start.
    - A cell holding a NUL character: a binary or corrupted file, not text.
    """
    problems: list[str] = []
    if rows and text.count('"') % 2:
        start = starts[-1]
        problems.append(
            f"line {start}: a quoted cell opened in this row is never closed: the row and "
            f"the lines after it (to line {end}) could not be read"
        )
        del rows[-1], starts[-1]
    if "\x00" in text:
        for index in reversed(range(len(rows))):
            if any("\x00" in cell for cell in rows[index]):
                problems.append(f"line {starts[index]}: a cell holds a NUL character")
                del rows[index], starts[index]
    return sorted(problems, key=_line)


def _delimiter(header_line: str) -> str:
    """The header's separator: the most frequent of ``,``, ``;`` and tab (``,`` on a tie)."""
    return max((",", ";", "\t"), key=header_line.count)


def check_anct_csv(
    path: Path | str, runner: Runner, *, skipped: list[str] | None = None
) -> list[SiteResult]:
    """Check every row of the ANCT list.

    An unreadable row is named in ``skipped`` (one ``FILE: line N: column: expected ...,
    got ...`` line per row, its problems joined by ``; ``) and the other rows are checked;
    without ``skipped``, the rows' problems are raised together as an :class:`InputError`.
    A file that cannot be read at all (encoding, separator, missing columns) always raises.

    The hours rule is applied to each row on its own, unless the runner's ``hours_scope`` is
    ``structure``: then the rows of one group (same ``insee_dep`` and ``groupe_fs``) are
    judged on the union of their hours, as the structure they may form.
    """
    source = str(path)
    problems: list[str] = []
    unreadable: list[str] = []  # one line per row: "line N: column: ...; column: ..."
    parsed: list[_Row] = []
    header, rows, starts, broken = _read_table(path)
    if broken and skipped is None:
        raise InputError(broken, source=source)
    columns = _Columns(header)
    for number, row in zip(starts, rows, strict=True):
        if not row:  # a blank line holds no data
            continue
        item = _parse_row(columns, row, number, problems)
        if item is not None:
            parsed.append(item)
        elif skipped is not None:
            prefix = f"line {number}: "
            unreadable.append(prefix + "; ".join(p.removeprefix(prefix) for p in problems))
            problems.clear()
    if problems:
        raise InputError(problems, source=source)
    if skipped is not None:
        skipped.extend(f"{source}: {row}" for row in sorted([*broken, *unreadable], key=_line))
    groups = _group_hours(parsed) if runner.hours_scope is HoursScope.STRUCTURE else {}
    results = [_check_row(item, runner, source, groups) for item in parsed]
    return _flag_duplicates(parsed, results)


def _line(problem: str) -> int:
    """The line number of a ``line N: ...`` problem, to name rows in file order."""
    return int(problem.split()[1].rstrip(":"))


def _flag_duplicates(rows: list[_Row], results: list[SiteResult]) -> list[SiteResult]:
    """Each row repeating an earlier row's ``id_fs`` gets an ``anct.duplicate-id`` finding."""
    first_line: dict[str, int] = {}
    for index, row in enumerate(rows):
        seen = first_line.setdefault(row.id, row.line)
        if seen != row.line:
            result = results[index]
            finding = Finding(
                message=f"id_fs « {row.id} » déjà présent ligne {seen} de la liste "
                "(doublon : les deux lignes sont vérifiées)",
                check=ANCT_DUPLICATE_ID.id,
                severity=ANCT_DUPLICATE_ID.severity,
                field="id_fs",
            )
            statuses = {**result.statuses, ANCT_DUPLICATE_ID.id: CheckStatus.FAIL}
            results[index] = attrs.evolve(
                result,
                findings=(*result.findings, finding),
                statuses=dict(sorted(statuses.items())),
            )
    return results


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
    line: int
    #: Some day cell has an unreadable slot: the week may be longer than ``schedule``.
    hours_unknown: bool


class _Columns:
    """Where each column the checks read sits in a row (the header fixes it once)."""

    def __init__(self, header: list[str]) -> None:
        where = {name: index for index, name in enumerate(header)}
        self.id, self.name, self.insee = where["id_fs"], where["lib_fs"], where["insee_com"]
        self.departement, self.format = where["insee_dep"], where["format_fs"]
        self.group = where.get("groupe_fs")
        #: Optional checked columns present in this file: (name, index).
        self.codes = [(c, where[c]) for c in _CODES if c in where]
        self.coordinates = [(c, where[c]) for c in _COORDINATES if c in where]
        #: The day cells of a row, Monday first (itemgetter: one C call per row).
        self.days = operator.itemgetter(*(where[c] for c in DAY_COLUMNS))
        self.width = len(header)


def _parse_row(columns: _Columns, row: list[str], number: int, problems: list[str]) -> _Row | None:
    if len(row) != columns.width:
        problems.append(f"line {number}: columns: expected {columns.width}, got {len(row)}")
        return None
    site_id, name = row[columns.id].strip(), row[columns.name].strip()
    insee, raw_format = row[columns.insee].strip(), row[columns.format].strip()
    site_format = ANCT_FORMATS.get(raw_format)
    bad_values = _bad_values(columns, row, number)
    if bad_values or not (site_id and name and site_format and INSEE_CODE_PATTERN.match(insee)):
        problems.extend(_row_problems(number, site_id, name, insee, raw_format))
        problems.extend(bad_values)
        return None
    cells = columns.days(row)
    schedule, anomalies = from_anct_days(cells)
    if not anomalies and not schedule.opening_days and not any(c.strip() for c in cells):
        anomalies = _NO_HOURS
    hours_unknown = bool(anomalies) and any(a.kind in HOURS_UNKNOWN for a in anomalies)
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
        number,
        hours_unknown,
    )


def _group_hours(rows: list[_Row]) -> dict[tuple[str, str], _Group]:
    """Union of the hours of each group of two rows or more, its size, and whether some
    member's hours are partly unknown."""
    members: dict[tuple[str, str], list[_Row]] = {}
    for row in rows:
        if row.group:
            members.setdefault((row.departement, row.group), []).append(row)
    groups = {}
    for key, group in members.items():
        if len(group) > 1:
            union = WeeklySchedule.closed()
            for member in group:
                union = union.merged_with(member.schedule)
            groups[key] = _Group(union, len(group), any(m.hours_unknown for m in group))
    return groups


class _Group(NamedTuple):
    schedule: WeeklySchedule
    size: int
    hours_unknown: bool


#: The checks to run on a row whose hours are partly unknown, by what its readable hours
#: already prove: (enough hours, enough days) -> checks. A rule not proven stays unknown.
_PARTLY_KNOWN = {
    (hours, days): ANCT_CHECKS
    - ({"label.weekly-hours"} if not hours else set())
    - ({"label.opening-days"} if not days else set())
    for hours in (False, True)
    for days in (False, True)
}


def _check_row(
    row: _Row,
    runner: Runner,
    source: str,
    groups: dict[tuple[str, str], _Group],
) -> SiteResult:
    structure, scope, structure_name = row.schedule, HoursScope.EACH_LOCATION, ""
    hours_unknown = row.hours_unknown
    group = groups.get((row.departement, row.group)) if groups else None
    if group is not None:
        structure, scope = group.schedule, HoursScope.STRUCTURE
        structure_name = f"groupe « {row.group} » ({group.size} lieux)"
        hours_unknown = group.hours_unknown
    only = ANCT_CHECKS
    if hours_unknown:
        only = _PARTLY_KNOWN[
            structure.weekly_minutes >= MIN_WEEKLY_MINUTES,
            structure.opening_days >= MIN_OPENING_DAYS,
        ]
    context = CheckContext(
        as_of=runner.as_of,
        installed_partners=runner.installed_partners,
        hours_scope=scope,
        units=(Unit(name=row.name, schedule=row.schedule),),
        structure_week=structure,
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
        only=only,
        departement=row.departement,
        site_format=row.raw_format,
    )


def _bad_values(columns: _Columns, row: list[str], number: int) -> list[str]:
    """``line N: column: expected ...`` for each coded or numeric cell that is not one."""
    problems: list[str] = []
    for column, index in columns.codes:
        text = row[index]
        if text in _GOOD_CODES:  # the list repeats a few hundred codes thousands of times
            continue
        text = text.strip()
        if not text or _CODES[column][0].fullmatch(text):
            if len(_GOOD_CODES) < 100_000:
                _GOOD_CODES.add(row[index])
            continue
        problems.append(f"line {number}: {column}: expected {_CODES[column][1]}, got {text!r}")
    for column, index in columns.coordinates:
        text = row[index]
        low, high = _COORDINATES[column]
        if text.isascii():  # float() would read other scripts' digits too
            try:
                if low <= float(text) <= high:  # false for nan, inf and out of range
                    continue
            except ValueError:
                pass
        if text.strip():
            problems.append(
                f"line {number}: {column}: expected a number of degrees from {low:g} to "
                f"{high:g}, got {text.strip()!r}"
            )
    return problems


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
