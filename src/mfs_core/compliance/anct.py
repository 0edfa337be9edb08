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
``insee_dep`` a département code and ``insee_com`` a commune of it (its code starts with
the département's: :func:`mfs_core.geo.departement_of`), ``latitude`` and ``longitude``
finite numbers in range (each may be empty but ``insee_com`` and ``insee_dep``); a row
failing one is unreadable.

Each row is checked on its own hours by default: the list does not say whether the rows
sharing a ``groupe_fs`` form one label unit. With ``hours_scope`` ``structure`` (``mfs check
--anct-csv FILE --hours-scope structure``) the rows of a group are judged together.
"""

from __future__ import annotations

import array
import bisect
import itertools
import operator
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import attrs

from mfs_core.compliance.anct_reading import AnctTable
from mfs_core.compliance.anct_verdicts import VerdictChecks
from mfs_core.compliance.catalogue import ANCT_DUPLICATE_ID
from mfs_core.compliance.context import CheckContext, Unit
from mfs_core.compliance.evaluators import MIN_OPENING_DAYS, MIN_WEEKLY_MINUTES, figure_problems
from mfs_core.compliance.findings import CheckStatus, Finding, SiteResult
from mfs_core.compliance.runner import Runner
from mfs_core.compliance.site import INSEE_CODE_PATTERN, HoursScope, Site, SiteFormat
from mfs_core.errors import InputError
from mfs_core.geo import departement_of
from mfs_core.hours import (
    DAYS,
    HOURS_UNKNOWN,
    NO_HOURS,
    HoursAnomaly,
    Interval,
    WeeklySchedule,
    from_anct_days,
    parse_anct_day,
    quick_anct_day,
    union,
)

if TYPE_CHECKING:
    import sqlite3

__all__ = [
    "ANCT_CHECKS",
    "DAY_COLUMNS",
    "REQUIRED_COLUMNS",
    "SkippedRow",
    "check_anct_csv",
    "iter_anct_results",
    "read_anct_rows",
]

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
#: Coordinates, checked the same way: column -> (lowest, highest) in degrees.
_COORDINATES = {"latitude": (-90.0, 90.0), "longitude": (-180.0, 180.0)}


def read_anct_rows(path: Path | str) -> list[dict[str, str]]:
    """The rows of the CSV as dicts; a missing column, an unreadable file or an unreadable
    row is an InputError."""
    rows, broken = [], []
    with AnctTable(path, REQUIRED_COLUMNS) as table:
        for _line_number, row, problem in table.rows():
            if row is None:
                broken.append(problem)
            else:
                rows.append(dict(zip(table.header, row, strict=False)))
    if broken:
        raise InputError(broken, source=str(path))
    return rows


def check_anct_csv(
    path: Path | str, runner: Runner, *, skipped: list[str] | None = None
) -> list[SiteResult]:
    """Check every row of the ANCT list, all at once (:func:`iter_anct_results` gives the
    results one at a time, in flat memory).

    An unreadable row is named in ``skipped`` (one line per row,
    ``FILE: line N: column: expected ..., got ...``, its problems joined by semicolons)
    and the other rows are checked;
    without ``skipped``, the rows' problems are raised together as an :class:`InputError`.
    A file that cannot be read at all (encoding, separator, missing columns) always raises.
    """
    problems: list[str] = []
    results = list(iter_anct_results(path, runner, on_skipped=problems.append))
    if skipped is not None:
        skipped.extend(problems)
    elif problems:
        prefix = f"{path}: "
        raise InputError([p.removeprefix(prefix) for p in problems], source=str(path))
    return results


def iter_anct_results(
    path: Path | str, runner: Runner, *, on_skipped: Callable[[str], object]
) -> Iterator[SiteResult]:
    """The result of each row of the ANCT list as it is read (``-``: standard input).

    Each unreadable row is given to ``on_skipped`` as one line,
    ``FILE: line N: column: expected ..., got ...`` (its problems joined by semicolons),
    a :class:`SkippedRow` (its :attr:`~SkippedRow.line`: ``N``), in file order, and the
    other rows
    are checked. A file that cannot be read at all (size, encoding, separator, missing
    columns) raises :class:`InputError` when this function is called, before any result;
    iterate the results to the end (or close them) to close the file.

    The hours rule is applied to each row on its own, unless the runner's ``hours_scope`` is
    ``structure``: then the rows of one group (same ``insee_dep`` and ``groupe_fs``) are
    judged on the union of their hours, as the structure they may form (a first pass over
    the cells finds the groups named twice, a second gathers their hours). A row
    repeating an earlier row's ``id_fs`` gets an ``anct.duplicate-id`` finding: the only
    state kept across rows is each id's first line.
    """
    table = AnctTable(path, REQUIRED_COLUMNS)  # the file's own problems: raised now
    return _results(table, runner, on_skipped)


def _results(
    table: AnctTable, runner: Runner, on_skipped: Callable[[str], object]
) -> Iterator[SiteResult]:
    source = table.source
    # One reading of the columns for both passes of the structure scope: the second finds
    # each day cell read and each row's hours (their week made for a group) in its memos.
    columns = _Columns(table.header)
    with table:
        groups: dict[tuple[str, str], _Group] = {}
        if runner.hours_scope is HoursScope.STRUCTURE:
            # Both passes read every row: its hours are kept from the first sighting on.
            columns.seen_once = None
            repeated = _repeated_groups(table)
            table.rewind()
            if repeated:
                groups = _group_hours(_parsed(table, lambda _problem: None, columns), repeated)
                table.rewind()
        #: Members of each group not checked yet: a group's union is let go after its last.
        unchecked = {key: group.size for key, group in groups.items()}
        #: (group, a member's anomalies) -> the first such member's result, bounded as
        #: ``outcomes`` is.
        group_outcomes: dict[tuple[object, ...], SiteResult] = {}
        first_lines = FirstLines()
        # Core checks only: a row's findings and statuses are a function of its verdict
        # (_Hours.verdict), shared by every row with the same one: rows whose hours differ
        # mostly meet both rules and have the same anomalies, or none.
        reuse = runner.core_only(ANCT_CHECKS) and all(
            runner.core_only(only) for only in _PARTLY_KNOWN.values()
        )
        outcomes: dict[tuple[object, ...], SiteResult] = {}
        # A new verdict's result without building a site, when the checks are the
        # built-in ones (a plugin's check runs through the runner, guarded).
        verdicts = VerdictChecks.for_runner(runner, ANCT_CHECKS, _PARTLY_KNOWN) if reuse else None
        first = first_lines.first
        skipped = _Skipped(on_skipped, f"{source}: ")
        problems = skipped.problems
        try:
            # The rows read and parsed a batch at a time (_read_batches), each batch
            # decided whole, then given: an unreadable row named to on_skipped when the
            # reader of the results reaches its place, as when rows went one at a time.
            decided: list[SiteResult | tuple[int, list[str] | None, str, list[str]]] = []
            add = decided.append
            for batch in _read_batches(table.rows(), columns):
                for number, cells, broken, row in batch:
                    if row.__class__ is not _Row:  # unreadable: row is its problems
                        add((number, cells, broken, row))  # type: ignore[arg-type]
                        continue
                    # Unpacked once: a named tuple's field read by name costs a descriptor call.
                    site_id, name, _insee, _format, departement, raw_format, at, hours, line = row
                    known = None
                    if groups and (group := groups.get(key := (departement, at))):
                        # A member of a group judged together: its findings and statuses are
                        # a function of its group (the union's problems, named by the group)
                        # and of its own anomalies, with the built-in checks alone; a member
                        # with an earlier member's anomalies shares that one's outcome. A
                        # union meeting both rules has no problem (nor name) to report: then
                        # the anomalies alone decide, whatever the group.
                        week = group.schedule
                        member = (
                            key
                            if week.weekly_minutes < MIN_WEEKLY_MINUTES
                            or week.opening_days < MIN_OPENING_DAYS
                            else None,
                            hours.anomalies,
                        )
                        if not reuse or (known := group_outcomes.get(member)) is None:
                            result = _check_row(row, runner, source, groups)
                            if reuse:
                                _remember(group_outcomes, member, result)
                        if unchecked[key] == 1:  # its last member: the union is not needed
                            del groups[key], unchecked[key]
                        else:
                            unchecked[key] -= 1
                    elif not reuse:
                        result = _check_row(row, runner, source, groups)
                    elif (known := hours.outcome) is not None or (
                        known := outcomes.get(hours.verdict)
                    ) is not None:
                        hours.outcome = known  # rows with the same cells: no verdict to hash
                    else:
                        result = (
                            None
                            if verdicts is None
                            else verdicts.result(
                                hours.verdict,
                                hours_unknown=hours.hours_unknown,
                                weekly_hours=hours.weekly_hours,
                                opening_days=hours.opening_days,
                                id=site_id,
                                name=name,
                                source=source,
                                departement=departement,
                                site_format=raw_format,
                            )
                        ) or _check_row(row, runner, source, groups)
                        _remember(outcomes, hours.verdict, result)
                    if known is not None:  # an earlier row's outcome, with this row's own figures
                        result = known.sharing_outcome(
                            site_id,
                            name,
                            departement,
                            raw_format,
                            hours.weekly_hours,
                            hours.opening_days,
                        )
                    seen = first(site_id, line)
                    add(result if seen == line else _duplicate(result, row, seen))
                for item in decided:
                    if item.__class__ is tuple:
                        number, cells, broken, found = item
                        problems.extend(found)
                        skipped.row(number, cells, broken)
                    else:
                        yield item  # type: ignore[misc]
                decided.clear()
        finally:
            first_lines.close()


#: Rows read, then parsed, then decided at a time (:func:`_read_batches`): at most 32
#: rows of at most :data:`~mfs_core.compliance.anct_reading.MAX_ROW_CHARS` characters
#: held at once. Measured (in process, alternated, load 11): 28,450 varied rows 1,126 ms
#: at 32 rows, 1,109 at 64, 1,164 at 512, 1,199 at 1; 2,845 replicated rows 40.2, 44.3,
#: 64.0 and 51.8 ms: a batch's rows must stay in the processor's caches between stages.
_BATCH = 32


def _read_batches(
    rows: Iterator[tuple[int, list[str] | None, str]], columns: _Columns
) -> Iterator[list[tuple[int, list[str] | None, str, _Row | list[str]]]]:
    """``rows`` (:meth:`AnctTable.rows`) by batches of :data:`_BATCH`, each row with
    :func:`_parse_row`'s reading of it: a :class:`_Row`, or the list of its problems
    (empty for a row the table could not read or a blank line).

    Why batches: a row went through the whole chain (csv, parsing, the decision, the
    summary, the JSON line) before the next; each stage run over many rows in turn keeps
    its code and its memos in the processor's caches (issue 15: the check executed 2.09
    times the instructions of a ``DictReader`` pass but took 4.5 to 6 times its CPU
    time)."""
    parse = _parse_row
    while batch := list(itertools.islice(rows, _BATCH)):
        parsed: list[tuple[int, list[str] | None, str, _Row | list[str]]] = []
        add = parsed.append
        problems: list[str] = []
        for number, cells, broken in batch:
            if not cells or (row := parse(columns, cells, number, problems)) is None:
                add((number, cells, broken, problems))
                problems = []
            else:
                add((number, cells, broken, row))
        yield parsed


def _remember(
    memo: dict[tuple[object, ...], SiteResult], key: tuple[object, ...], result: SiteResult
) -> None:
    """Keep ``result`` as ``key``'s outcome in ``memo``, at most :data:`_OUTCOMES_MEMO`
    entries (past it, started afresh: flat memory whatever the list; 0 keeps none)."""
    if len(memo) >= _OUTCOMES_MEMO:
        memo.clear()
    if _OUTCOMES_MEMO:
        memo[key] = result


class FirstLines:
    """The first line each ``id_fs`` was seen on, in bounded memory whatever the list's
    length.

    The ids of the current batch are a dictionary (up to :attr:`IN_MEMORY` ids: the
    national list and ten times it, about 130 bytes each). A full batch is
    packed: its ids sorted and joined in one string, with arrays of their ends and lines
    (8 bytes an id beside its text, searched by bisection); past :attr:`PACKED_BYTES` of
    packed batches, the next ones go to a temporary SQLite table, whose page cache is
    bounded. A bitmap of the ids' hashes (:attr:`BITS_PER_ID` bits for each id of a
    batch: 1 MiB; two bits an id, from the low and high halves of its hash) answers
    "never seen" for most new ids without a search: only an id whose two bits are
    already set (a duplicate, or another id with the same bits: some 0.2 % of rows at a
    hundred times the list, 1.7 % with one bit an id) is looked up in the packed batches
    and SQLite.
    (A batch of 30,000 ids rather than more: the dictionary is most of what this
    class holds at its peak, and of the growth of ``mfs check``'s memory with the
    list's length.)
    """

    #: Ids of one batch, kept in a dictionary until it is packed.
    IN_MEMORY = 30_000
    #: Bits of the hash bitmap for each id of a batch (rounded up to a power of two).
    BITS_PER_ID = 256
    #: Packed batches held in memory (text and arrays) before SQLite takes the next ones.
    PACKED_BYTES = 32 * 1024 * 1024

    def __init__(self) -> None:
        self._lines: dict[str, int] = {}
        self._packed: list[_PackedIds] = []
        self._packed_bytes = 0
        self._db: sqlite3.Connection | None = None
        self._bits = bytearray()
        self._mask = (1 << (self.IN_MEMORY * self.BITS_PER_ID - 1).bit_length()) - 1

    def first(self, key: str, line: int) -> int:
        """The line ``key`` was first seen on: ``line`` when it is new (then recorded)."""
        seen = self._lines.setdefault(key, line)
        if not self._bits:  # the first batch
            if len(self._lines) > self.IN_MEMORY:
                self._spill()
            return seen
        if seen != line:  # seen in the current batch
            return seen
        # Two bits of the hash, from its low and high halves: a new id whose two bits are
        # both set is rarer than one whose single bit is (0.2 % of the rows at a hundred
        # times the list, against 1.7 %), and each such id searches every earlier batch.
        code, mask, bits = hash(key), self._mask, self._bits
        bit, other = code & mask, (code >> 32) & mask
        byte, flag = bit >> 3, 1 << (bit & 7)
        byte2, flag2 = other >> 3, 1 << (other & 7)
        if bits[byte] & flag and bits[byte2] & flag2:  # perhaps seen in an earlier batch
            found = self._earlier(key)
            if found is not None:
                del self._lines[key]
                return found
        bits[byte] |= flag
        bits[byte2] |= flag2
        if len(self._lines) > self.IN_MEMORY:
            self._spill()
        return line

    def _earlier(self, key: str) -> int | None:
        for packed in self._packed:
            found = packed.line_of(key)
            if found is not None:
                return found
        if self._db is not None:
            row = self._db.execute("SELECT line FROM seen WHERE id = ?", (key,)).fetchone()
            return None if row is None else int(row[0])
        return None

    def _spill(self) -> None:
        """Pack the current batch (or write it to SQLite past :attr:`PACKED_BYTES`), and
        mark its ids' bits the first time (later ids are marked as they come)."""
        if not self._bits:
            self._bits = bytearray((self._mask + 1 + 7) // 8)
            mask, bits = self._mask, self._bits
            for key in self._lines:
                code = hash(key)
                for bit in (code & mask, (code >> 32) & mask):
                    bits[bit >> 3] |= 1 << (bit & 7)
        if self._packed_bytes < self.PACKED_BYTES:
            packed = _PackedIds(self._lines)
            self._packed.append(packed)
            self._packed_bytes += packed.size
        else:
            if self._db is None:
                import sqlite3

                self._db = sqlite3.connect("")  # a private database in a temporary file
                self._db.execute(
                    "CREATE TABLE seen (id TEXT PRIMARY KEY, line INTEGER) WITHOUT ROWID"
                )
            self._db.executemany("INSERT INTO seen VALUES (?, ?)", self._lines.items())
        self._lines = {}

    def close(self) -> None:
        if self._db is not None:
            self._db.close()


class _PackedIds:
    """A batch of ids and their first lines, packed: the ids sorted and joined in one
    string, the end of each and its line in arrays of 4-byte numbers (a list is at most
    1 GiB: :data:`~mfs_core.compliance.anct_reading.MAX_ANCT_BYTES`), 8 bytes an id beside
    its text, where a dictionary takes some 130."""

    __slots__ = ("ends", "lines", "size", "text")

    def __init__(self, lines: dict[str, int]) -> None:
        keys = sorted(lines)
        self.text = "".join(keys)
        self.ends = array.array("I", itertools.accumulate(map(len, keys)))
        self.lines = array.array("I", map(lines.__getitem__, keys))
        self.size = sys.getsizeof(self.text) + 8 * len(keys)

    def line_of(self, key: str) -> int | None:
        """The line of ``key``, or None when the batch does not hold it."""
        text, ends = self.text, self.ends

        def at(index: int) -> str:
            return text[ends[index - 1] if index else 0 : ends[index]]

        index = bisect.bisect_left(range(len(ends)), key, key=at)
        if index < len(ends) and at(index) == key:
            return self.lines[index]
        return None


def _parsed(
    table: AnctTable, on_skipped: Callable[[str], object], columns: _Columns
) -> Iterator[_Row]:
    """The readable rows of ``table`` (``columns``: its header read, see
    :class:`_Columns`), each unreadable one named to ``on_skipped``."""
    skipped = _Skipped(on_skipped)
    parse, problems = _parse_row, skipped.problems
    for number, cells, broken in table.rows():
        if not cells or (row := parse(columns, cells, number, problems)) is None:
            skipped.row(number, cells, broken)
            continue
        yield row


class SkippedRow(str):
    """What ``on_skipped`` is given for an unreadable row: its one-line problem
    (``FILE: line N: column: expected ..., got ...``, a :class:`str`) with the line the
    row starts on as :attr:`line` (an int, 1 for the header), so that a reader needs not
    parse it back out of the text (the text may change; the line is typed)."""

    line: int

    def __new__(cls, text: str, line: int) -> SkippedRow:
        problem = super().__new__(cls, text)
        problem.line = line
        return problem


class _Skipped:
    """Names each unreadable row of a table to ``on_skipped``, once, in one line
    (``prefix`` first: the file's name and ``": "``), as a :class:`SkippedRow`."""

    def __init__(self, on_skipped: Callable[[str], object], prefix: str = "") -> None:
        self.on_skipped = on_skipped
        self.prefix = prefix
        #: The problems :func:`_parse_row` found in the current row.
        self.problems: list[str] = []

    def row(self, number: int, cells: list[str] | None, broken: str) -> None:
        """A row the table could not read (``cells`` None: ``broken`` says why), a blank
        line (no cells: no data, nothing to say) or one :func:`_parse_row` refused."""
        if cells is None:
            self.on_skipped(SkippedRow(self.prefix + broken, number))
        elif cells:
            prefix = f"line {number}: "
            text = "; ".join(p.removeprefix(prefix) for p in self.problems)
            self.on_skipped(SkippedRow(f"{self.prefix}{prefix}{text}", number))
            self.problems.clear()


def _duplicate(result: SiteResult, row: _Row, seen: int) -> SiteResult:
    """``result`` with an ``anct.duplicate-id`` finding: its ``id_fs`` was first on ``seen``."""
    finding = Finding(
        message=f"id_fs « {row.id} » déjà présent ligne {seen} de la liste "
        "(doublon : les deux lignes sont vérifiées)",
        check=ANCT_DUPLICATE_ID.id,
        severity=ANCT_DUPLICATE_ID.severity,
        field="id_fs",
    )
    statuses = {**result.statuses, ANCT_DUPLICATE_ID.id: CheckStatus.FAIL}
    return attrs.evolve(
        result, findings=(*result.findings, finding), statuses=dict(sorted(statuses.items()))
    )


class _Row(NamedTuple):  # a tuple: built once per row of the national list (_new_row)
    id: str
    name: str
    insee_code: str
    format: SiteFormat
    departement: str
    raw_format: str
    group: str
    hours: _Hours
    line: int

    @property
    def schedule(self) -> WeeklySchedule:
        return self.hours.schedule


class _Hours:
    """A row's day cells read: its anomalies, its weekly hours as reported (rounded to the
    hundredth), its opening days, and its verdict: what the checks of a row with these
    hours alone are made of (the problems of the two opening rules, :func:`week_problems`,
    and the anomalies). Rows with the same verdict get the same findings and statuses
    (their hours may differ: 30 h on Monday to Friday meet the rules however the slots
    lie).

    Built from each day cell's code (:class:`_DayCodes`), summed in one C call; the week
    itself (:attr:`schedule`) is made only when asked for: a row whose verdict was met
    before, or whose week meets both rules, never needs it.
    """

    __slots__ = (
        "_schedule",
        "anomalies",
        "cells",
        "hours_unknown",
        "opening_days",
        "outcome",
        "verdict",
        "weekly_hours",
    )

    def __init__(self, cells: tuple[str, ...], days: _DayCodes) -> None:
        self.cells = cells
        # The week's minutes, open days, days with hours unknown and days with anomalies,
        # summed in one C call (see _DayCodes); a cell not met is read by the lookup.
        code = sum(map(dict.__getitem__, days.codes, cells))
        anomalies = days.anomalies_of(cells) if code & 7 else ()
        minutes = code >> _MINUTES_SHIFT
        open_days = (code >> 6) & 63  # one bit a day, Monday the lowest
        self.opening_days = opening_days = open_days.bit_count()
        #: Some day cell has an unreadable slot: the week may be longer than ``schedule``.
        self.hours_unknown = bool(code & 0o70)
        if not anomalies and not opening_days and not any(c.strip() for c in cells):
            anomalies, self.hours_unknown = _NO_HOURS, True
        self.anomalies = anomalies
        self._schedule: WeeklySchedule | None = None
        weekly_hours = _ROUNDED.get(minutes)
        if weekly_hours is None:
            weekly_hours = _rounded(minutes)
        self.weekly_hours = weekly_hours
        if minutes >= MIN_WEEKLY_MINUTES and opening_days >= MIN_OPENING_DAYS:
            problems: tuple[str | None, str | None] = (None, None)  # both rules met
        else:  # the problems are those of the week's minutes and open days
            key = (minutes, open_days)
            problems = _PROBLEMS.get(key) or _problems_of(key)
        self.verdict = (*problems, anomalies)
        #: The result of the first row with this verdict, once met (see _results).
        self.outcome: SiteResult | None = None

    @property
    def schedule(self) -> WeeklySchedule:
        """The week (what :func:`~mfs_core.hours.from_anct_days` makes of the cells)."""
        if self._schedule is None:
            self._schedule = from_anct_days(self.cells)[0]
        return self._schedule


#: (weekly minutes, the open days as bits) -> week_problems of such a week: what the
#: opening rules read of a week (tested), so that a row failing them needs no week.
_PROBLEMS: dict[tuple[int, int], tuple[str | None, str | None]] = {}


def _problems_of(key: tuple[int, int]) -> tuple[str | None, str | None]:
    """The problems of a week of ``key``'s minutes and open days (one bit a day, Monday
    the lowest), from these figures alone (:func:`figure_problems`): a row failing a rule
    with figures not met before needs no week (its cells read again)."""
    if len(_PROBLEMS) >= 4096:
        _PROBLEMS.clear()
    minutes, open_days = key
    problems = _PROBLEMS[key] = figure_problems(minutes, _OPEN_DAY_NAMES[open_days])
    return problems


#: The open days as bits (one a day, Monday the lowest) -> their names, Monday first.
_OPEN_DAY_NAMES = [
    tuple(name for day, name in enumerate(DAYS) if bits >> day & 1) for bits in range(64)
]


#: A week's minutes -> its weekly hours as Runner.run reports them (rounded to the
#: hundredth; bounded by the minutes of a week, some ten thousand values).
_ROUNDED: dict[int, float] = {}


def _rounded(minutes: int) -> float:
    """``round(minutes / 60, 2)`` for minutes >= 0 (tested over 0 to 200,000), in
    integers: the hundredths nearest ``minutes / 60`` are ``(10 * minutes + 3) // 6`` (its
    fraction is 0, 1/3 or 2/3: never a tie), and dividing them by 100 gives the double
    nearest the decimal, as ``round`` does (250 -> 40 ns: ``round`` with digits goes
    through a decimal string; 1,189 new weeks at 2,845 varied rows)."""
    hours = ((10 * minutes + 3) // 6) / 100
    if len(_ROUNDED) < 16_384:
        _ROUNDED[minutes] = hours
    return hours


#: Where a day code keeps its open minutes (see :class:`_DayCodes`).
_MINUTES_SHIFT = 12
#: Day cells remembered for each day of the week (see :class:`_DayCodes`), in units of
#: about 140 bytes: a cell without anomaly is one (its text kept alive, 79 bytes for a
#: two-slot cell, and its int in the dictionary, 58: tracemalloc), a cell with some is
#: four (its anomalies, some 440 bytes more for one overlap), each times one more for
#: every 128 characters of the cell (a long cell costs its length). Past the cap a day's
#: cells start afresh: at most 6 x 8,192 units, about 6.7 MB whatever the list's length,
#: as much as the memo of whole readings it replaces held at its 2,048 cells a day (about
#: 545 bytes a cell, 790 with an anomaly: 6.7 to 9.7 MB; long cells counted as one).
_DAY_MEMO = 8192
#: Units of a cell with anomalies (see :data:`_DAY_MEMO`).
_ANOMALOUS_UNITS = 4


class _DayCodes:
    """Each day cell met, read once per day of the week into one int, its *code*:
    ``minutes << 12 | open << (6 + day) | unknown << 3 | has anomalies`` (``day`` 0 for
    Monday; ``unknown``: some anomaly leaves the day's hours unknown). The codes of a
    row's six cells add up to the week's (minutes, one open bit a day, and two 3-bit
    counts that six days never carry over). A cell's anomalies are kept beside its code,
    for the cells that have some. Bounded: :data:`_DAY_MEMO` units a day.

    Each day's memo reads a cell it has not met when it is looked up
    (:class:`_DayMemo`), so a row's six codes are summed in one C call,
    ``sum(map(dict.__getitem__, codes, cells))``, whether its cells are new or not."""

    __slots__ = ("_anomalies", "codes")

    def __init__(self) -> None:
        #: For each day, Monday first: cell -> code.
        self.codes = [_DayMemo(day) for day in range(len(DAY_COLUMNS))]
        self._anomalies = [memo.anomalies for memo in self.codes]

    def anomalies_of(self, cells: tuple[str, ...]) -> tuple[HoursAnomaly, ...]:
        """The anomalies of cells whose codes are all known, Monday's first."""
        # Concatenated by sum(): twice as fast as itertools.chain for six short tuples.
        found: tuple[HoursAnomaly, ...] = sum(
            map(dict.get, self._anomalies, cells, _NONE_FOUND), ()
        )
        return found

    def read(self, cells: tuple[str, ...]) -> tuple[int, tuple[HoursAnomaly, ...]]:
        """The week's code and anomalies, reading the cells not met yet
        (:func:`~mfs_core.hours.quick_anct_day`, else
        :func:`~mfs_core.hours.parse_anct_day`)."""
        code: int = sum(map(dict.__getitem__, self.codes, cells))
        return code, self.anomalies_of(cells) if code & 7 else ()


class _DayMemo(dict[str, int]):
    """One day's cells met -> their codes (see :class:`_DayCodes`), with their anomalies
    and the memo's size in units (:data:`_DAY_MEMO`). A cell not met is read when looked
    up (``__missing__``): a row bringing a new cell (1,991 of the 2,845 varied rows)
    costs no ``KeyError`` and no second pass over its six cells, where those cost about
    a microsecond a row."""

    __slots__ = ("anomalies", "day", "name", "units")

    def __init__(self, day: int) -> None:
        super().__init__()
        self.day, self.name = day, DAYS[day]
        #: The cells with anomalies -> their anomalies.
        self.anomalies: dict[str, tuple[HoursAnomaly, ...]] = {}
        self.units = 0

    def __missing__(self, cell: str) -> int:
        """Read ``cell`` as this day's, remember its code and return it."""
        name = self.name
        quick = quick_anct_day(cell, name)
        if quick is None:
            intervals, anomalies = parse_anct_day(cell, name)
            minutes = 0
            for start, end in intervals:
                minutes += end - start
        else:
            minutes, anomalies = quick
        # A slot is never empty: open minutes iff intervals.
        code = minutes << _MINUTES_SHIFT | (64 << self.day if minutes else 0)
        # A long cell counts for its length (a hostile one may hold 65,536 characters,
        # its anomalies quoting as many).
        own = (_ANOMALOUS_UNITS if anomalies else 1) * (1 + len(cell) // 128)
        units = self.units + own
        if units > _DAY_MEMO:  # flat memory: this day starts afresh
            self.clear()
            self.anomalies.clear()
            units = own
        self.units = units
        if anomalies:
            code |= 9 if any(a.kind in HOURS_UNKNOWN for a in anomalies) else 1
            self.anomalies[cell] = anomalies
        self[cell] = code
        return code


#: Default of each day's anomalies lookup: none.
_NONE_FOUND = itertools.repeat(())


#: Distinct day-cell tuples remembered per file: bounded, so a list whose every row has
#: its own hours stays in flat memory (rows beyond it are read afresh).
_HOURS_MEMO = 4096
#: Hashes of day-cell tuples met once and not kept yet (see :attr:`_Columns.seen_once`):
#: past it, started afresh (some 60 bytes each: at most about 1 MB).
_SEEN_ONCE = 16_384
#: Longest row of day cells (characters, six cells together) the memo keeps: real rows
#: hold under 200; with this bound the memo stays under about 10 MB of text.
_HOURS_MEMO_CHARS = 1024
#: Distinct verdicts remembered per file (each with the first result that had it), for
#: the same reason; past it they are forgotten and checked afresh as they come.
_OUTCOMES_MEMO = 1024


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
        #: The INSEE code and the code cells of a row, as a tuple (one C call).
        self.code_cells: Callable[[list[str]], tuple[str, ...]] = operator.itemgetter(
            self.insee, *(index for _column, index in self.codes)
        )
        #: Whether those cells, joined by commas, are all good: the INSEE code (its
        #: pattern), ``insee_dep`` its département (:data:`_COMMUNE_DEPARTEMENT`) and each
        #: other code (empty, or its pattern), blanks around each allowed as the slow path
        #: strips them. No good cell holds a comma, so a cell holding one fails the match
        #: (and the slow path names the problem).
        self.good_codes = re.compile(
            ",".join(
                [
                    rf"\s*{_COMMUNE_DEPARTEMENT[0]}\s*",
                    *(
                        rf"\s*{_COMMUNE_DEPARTEMENT[1]}\s*"
                        if column == "insee_dep"
                        else rf"\s*(?:{_CODES[column][0].pattern})?\s*"
                        for column, _ in self.codes
                    ),
                ]
            )
        ).fullmatch
        #: Whether a row's coordinate cells read as numbers in range (:func:`_in_range`).
        self.in_range = _in_range(
            [(index, *_COORDINATES[column]) for column, index in self.coordinates]
        )
        #: The cells read as such, as a tuple: id, name, INSEE code, format, département.
        self.fields = operator.itemgetter(
            self.id, self.name, self.insee, self.format, self.departement
        )
        #: The day cells of a row, Monday first (itemgetter: one C call per row).
        self.days = operator.itemgetter(*(where[c] for c in DAY_COLUMNS))
        self.width = len(header)
        #: Day cells -> their hours (see :data:`_HOURS_MEMO`), from their second row on.
        self.hours: dict[tuple[str, ...], _Hours] = {}
        #: The hashes of the day-cell tuples met on one row so far: a tuple is kept in
        #: :attr:`hours` when a second row has it. A list whose rows never repeat keeps
        #: none, where keeping each row's cells and hours (never looked up again) cost
        #: a tenth of a check of 2,845 such rows in memory traffic (their strings and
        #: objects no longer freed and reused). None: kept from the first row on.
        self.seen_once: set[int] | None = set()
        #: Each day's cells read (see :class:`_DayCodes`).
        self.day_codes = _DayCodes()


def _in_range(bounds: list[tuple[int, float, float]]) -> Callable[[list[str]], bool]:
    """Whether the cells at ``bounds``' indexes of a row read as ASCII numbers within
    their (lowest, highest) (``float()`` would read other scripts' digits too; nan and inf
    fail): a function of the row, its two usual columns (latitude and longitude) tested
    in one expression (the loop over them was some 60 bytecodes a row, a sixth of the
    row's reading)."""
    if len(bounds) == 2:
        (first, low, high), (second, low2, high2) = bounds

        def both(row: list[str]) -> bool:
            text, text2 = row[first], row[second]
            try:
                return (
                    text.isascii()
                    and text2.isascii()
                    and low <= float(text) <= high
                    and low2 <= float(text2) <= high2
                )
            except ValueError:
                return False

        return both

    def each(row: list[str]) -> bool:
        for index, low, high in bounds:
            text = row[index]
            try:
                if not (text.isascii() and low <= float(text) <= high):
                    return False
            except ValueError:
                return False
        return True

    return each


def _parse_row(columns: _Columns, row: list[str], number: int, problems: list[str]) -> _Row | None:
    if len(row) != columns.width:
        problems.append(f"line {number}: columns: expected {columns.width}, got {len(row)}")
        return None
    site_id, name, insee, raw_format, departement = columns.fields(row)
    site_id, name, insee, raw_format = (
        site_id.strip(),
        name.strip(),
        insee.strip(),
        raw_format.strip(),
    )
    site_format = ANCT_FORMATS.get(raw_format)
    # The fast path of _bad_values and of the INSEE code's check, inlined (it runs for
    # every row): codes seen before, or never seen and read by one regular expression
    # (most rows of the national list name a commune and a postcode of their own), and
    # coordinates that read as numbers in range.
    codes = columns.code_cells(row)
    good = (codes in _GOOD_CODE_ROWS or _good_code_row(columns, codes)) and columns.in_range(row)
    bad_values = () if good else _bad_values(columns, row, number)
    if bad_values or not (
        site_id and name and site_format and (good or insee in _GOOD_INSEE or _good_insee(insee))
    ):
        problems.extend(_row_problems(number, site_id, name, insee, raw_format))
        problems.extend(bad_values)
        return None
    cells = columns.days(row)
    hours = columns.hours.get(cells)
    if hours is None:
        hours = _Hours(cells, columns.day_codes)
        # Bounded in count and in size: a hostile list's long cells are read afresh
        # rather than kept (review 15c: memory grew with the cells' length).
        seen = columns.seen_once
        if seen is not None and (key := hash(cells)) not in seen:
            # Met once (a hash met again may be another tuple's: then kept a row early).
            # Tested first: a list whose rows never repeat comes here on every row.
            if len(seen) >= _SEEN_ONCE:
                seen.clear()
            seen.add(key)
        elif len(columns.hours) < _HOURS_MEMO and sum(map(len, cells)) <= _HOURS_MEMO_CHARS:
            columns.hours[cells] = hours
    return _new_row(
        _Row,
        (
            site_id,
            name,
            insee,
            site_format,
            departement.strip(),
            raw_format,
            row[columns.group].strip() if columns.group is not None else "",
            hours,
            number,
        ),
    )


#: ``_Row(...)`` without the Python-level ``__new__`` of a named tuple.
_new_row = tuple.__new__
#: INSEE codes already found good (the list names each commune a few times at most, but
#: the regular expression costs more than the set): bounded, 100,000 at most.
_GOOD_INSEE: set[str] = set()


def _good_insee(code: str) -> bool:
    if not INSEE_CODE_PATTERN.match(code):
        return False
    if len(_GOOD_INSEE) < 100_000:
        _GOOD_INSEE.add(code)
    return True


#: The INSEE code's pattern (the codes of :data:`INSEE_CODE_PATTERN` exactly) capturing
#: its département, and ``insee_dep``'s: that département again. It is
#: :func:`~mfs_core.geo.departement_of` in the regular expression (the call cost a row
#: never seen some 1,700 instructions of 126,000, review 15e's own-codes list): three
#: characters from 97 and 98, else two (never 97 or 98: the engine would backtrack to
#: them). A reference to the group that did not match fails.
_COMMUNE_DEPARTEMENT = (
    r"(?:(?P<dep3>9[78][0-9])[0-9]{2}|(?P<dep2>(?!9[78])[0-9]{2}|2[AB])[0-9]{3})",
    r"(?:(?P=dep3)|(?P=dep2))",
)
#: Rows' code cells (INSEE code, département, postcode) found good together, the first
#: :data:`_GOOD_CODE_ROWS_KEPT`: a set lookup is a third of the regular expression's cost,
#: for rows that repeat their codes (the replicated list); a list naming a commune a row
#: pays the expression. Some 230 bytes each: at most about 1 MB.
_GOOD_CODE_ROWS: set[tuple[str, ...]] = set()
_GOOD_CODE_ROWS_KEPT = 4096


def _good_code_row(columns: _Columns, codes: tuple[str, ...]) -> bool:
    """Whether a row's code cells, not met together before, are all good (one regular
    expression, :attr:`_Columns.good_codes`); remembered when they are."""
    if columns.good_codes(",".join(codes)) is None:
        return False
    if len(_GOOD_CODE_ROWS) < _GOOD_CODE_ROWS_KEPT:
        _GOOD_CODE_ROWS.add(codes)
    return True


def _repeated_groups(table: AnctTable) -> set[int]:
    """The hashes of the groups (``insee_dep``, ``groupe_fs``) named on two rows or more,
    and of a few others, read from the cells alone (no row parsed): a list whose every
    row names its own group keeps no hours for them (each would hold its week's union,
    about 1.25 KB, to the end). Each group sets two bits of a 1 MiB bitmap of hashes; a
    group whose two bits are already set is kept (a group met before, or, for some
    0.4 % of 284,500 distinct groups, another with the same bits: :func:`_group_hours`
    counts the members again)."""
    where = {name: index for index, name in enumerate(table.header)}
    group_at, departement_at, width = where.get("groupe_fs"), where["insee_dep"], len(where)
    repeated: set[int] = set()
    if group_at is None:
        return repeated
    bits, mask = bytearray(_GROUP_BITS >> 3), _GROUP_BITS - 1
    for _number, cells, _broken in table.rows():
        if not cells or len(cells) != width or not (group := cells[group_at].strip()):
            continue
        code = hash((cells[departement_at].strip(), group))
        bit, other = code & mask, (code >> 32) & mask
        byte, flag, byte2, flag2 = bit >> 3, 1 << (bit & 7), other >> 3, 1 << (other & 7)
        if bits[byte] & flag and bits[byte2] & flag2:
            repeated.add(code)
        else:
            bits[byte] |= flag
            bits[byte2] |= flag2
    return repeated


#: Bits of :func:`_repeated_groups`' bitmap (1 MiB).
_GROUP_BITS = 1 << 23


def _group_hours(rows: Iterable[_Row], repeated: set[int]) -> dict[tuple[str, str], _Group]:
    """Union of the hours of each group of two rows or more, its size, and whether some
    member's hours are partly unknown (memory: one running union per group whose hash is
    in ``repeated``, see :func:`_repeated_groups`)."""
    # Each group's running union day by day (a list of 7), its size and whether some
    # member's hours are partly unknown; its week is made once, at the end, where a week
    # a row cost a tenth of the structure scope's time (WeeklySchedule.merged_with).
    found: dict[tuple[str, str], tuple[list[tuple[Interval, ...]], list[int]]] = {}
    # Equal days are one object for all groups: a list's groups open the same few ways
    # (14,225 groups of two varied rows: 8,178 distinct days of 99,575), and a day's
    # intervals were most of a group's 1.7 KB. Bounded (past it, days are not shared).
    shared: dict[tuple[Interval, ...], tuple[Interval, ...]] = {}
    for row in rows:
        if row.group and hash(key := (row.departement, row.group)) in repeated:
            days, unknown = row.schedule.days, row.hours.hours_unknown
            group = found.get(key)
            if group is None:
                found[key] = (list(days), [1, unknown])
                continue
            merged, counts = group
            for index, day in enumerate(days):
                # A day's intervals are already a union (sorted, disjoint, not touching):
                # an empty day or the same intervals leave the union as it is.
                if day and day != (held := merged[index]):
                    merged[index] = _shared_day(shared, union([*held, *day]))
            counts[0] += 1
            counts[1] |= unknown
    return {
        key: _Group(
            WeeklySchedule(tuple([_shared_day(shared, day) for day in merged])),
            size,
            bool(unknown),
        )
        for key, (merged, (size, unknown)) in found.items()
        if size > 1
    }


#: Distinct days :func:`_group_hours` shares among groups (a two-slot day some 200 bytes,
#: held by the table once no group's union holds it: at most about 3 MB).
_SHARED_DAYS = 16_384


def _shared_day(
    shared: dict[tuple[Interval, ...], tuple[Interval, ...]], day: tuple[Interval, ...]
) -> tuple[Interval, ...]:
    """The object ``shared`` holds for ``day``'s intervals: the first equal day met, kept
    while there is room (:data:`_SHARED_DAYS`)."""
    held = shared.get(day)
    if held is None:
        held = day
        if len(shared) < _SHARED_DAYS:
            shared[day] = day
    return held


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
    hours_unknown = row.hours.hours_unknown
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
        anomalies=row.hours.anomalies,
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


#: Longest cell quoted in a row's problem; a longer one is described by its length.
_QUOTED_CHARS = 80


def _quoted(text: str) -> str:
    """A refused cell for a message: its repr, personal data redacted (a cell may hold a
    name or a phone number where a coordinate is expected), or its length when longer
    than :data:`_QUOTED_CHARS` (docs/hostile-input.md)."""
    if len(text) > _QUOTED_CHARS:
        return f"a {len(text):,}-character value"
    from mfs_core.redaction import safe_repr  # the error path only

    return safe_repr(text)


def _bad_values(columns: _Columns, row: list[str], number: int) -> list[str]:
    """``line N: column: expected ...`` for each coded or numeric cell that is not one."""
    problems: list[str] = []
    for column, index in columns.codes:
        # No memo of good cells here: one set for both columns took a postcode « 64 »
        # for good once the département « 64 » was. Rows whose codes are good do not
        # come here (see _Columns.good_codes).
        text = row[index].strip()
        if (not text and column != "insee_dep") or _CODES[column][0].fullmatch(text):
            continue
        problems.append(
            f"line {number}: {column}: expected {_CODES[column][1]}, got {_quoted(text)}"
        )
    insee, departement = row[columns.insee].strip(), row[columns.departement].strip()
    if (
        INSEE_CODE_PATTERN.match(insee)
        and _CODES["insee_dep"][0].fullmatch(departement)
        and departement_of(insee) != departement
    ):
        problems.append(
            f"line {number}: insee_com: expected a commune of the row's insee_dep "
            f"{departement} (a code starting with {departement}), got {_quoted(insee)}"
        )
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
                f"{high:g}, got {_quoted(text.strip())}"
            )
    return problems


def _row_problems(number: int, site_id: str, name: str, insee: str, raw_format: str) -> list[str]:
    return [
        f"line {number}: {column}: expected {what}, got {_quoted(value)}"
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
