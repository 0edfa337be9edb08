"""The floor of the ANCT check (issue 15): the least a correct ``mfs check --anct-csv
--format jsonl`` does per row, written plainly, timed against the ``DictReader`` pass.

Issue 15 asks the check of the national list to cost at most 3 times a bare
``csv.DictReader`` pass. On lists whose rows never repeat the check stays above it
(docs/national.md, « Where it stands »). This script answers whether the target is within
reach of CPython at all with this output: it writes the same site lines as
``mfs check --anct-csv FILE --format jsonl`` and the same summary line (``compare``
checks it byte for byte against the real writer on a list), with the plainest code that
does the work, the same standard library (:mod:`csv`, :mod:`re`, :mod:`json`) and no memo
beyond what a plain program has (none, or with ``--memo`` a dictionary of the day cells
already read).

What each row costs here, in order (``--upto`` stops after a stage, to see where the
time goes):

- ``read``: ``csv.reader`` (a list of cells, where ``DictReader`` also builds a dict);
- ``validate``: the row's width, ``id_fs``, ``lib_fs``, ``format_fs`` among the list's,
  ``insee_com`` a commune code of ``insee_dep``'s département, ``code_postal`` and the
  coordinates (finite numbers in range), and the id's first line (duplicates);
- ``hours``: each of the six day cells read as the real format is (``quick_anct_day``
  and ``parse_anct_day`` of :mod:`mfs_core.hours`): one regular expression for a clean
  cell of one or two slots in order, else slot by slot (placeholders ``00:00 - 00:00``,
  unreadable slots, a slot ending before it starts, long slots, duplicates and overlaps,
  empty slots), the union of the slots, the week's minutes and open days;
- ``verdict``: the two opening rules (24 h, 5 days; unknown where hours are unknown and
  the readable days do not already prove the rule), the findings (their French messages)
  and the ten statuses, and the summary's counts (verdicts, levels, statuses,
  département and format with the failing checks);
- ``json`` (the whole floor): the site's JSON line, built as a string (``json.dumps`` for
  the strings; ``--dumps``: ``json.dumps`` of the site's dict), with ``json_text``'s
  escape of active characters, written to ``/dev/null``; then the summary line.

The day cells' reading and the overlap analysis are :mod:`mfs_core.hours`'s written
again on purpose, plainly (``duplicates`` lists them): a floor that called the check's own
code would measure that code, memos included.

What it omits compared with the real check (none of it is exercised by the benchmark's
lists, or it costs per file, not per row): the first pass over the file's bytes
(``AnctTable``: size limit, UTF-8 named by its line, row length limit, NUL, unclosed
quote; here the decoder's own error), the separator's detection (``,`` only), the
unreadable rows' messages (counted only), the structure scope (``--hours-scope
structure``), plugins, the bounds on memory (the duplicate ids are a plain dictionary
of every id; the real check spills them to disk past a bound), and the other formats.
The région of a département is looked up once per département when the summary is
written (:func:`mfs_core.geo.region_key`), as a plain program would read a table.

- ``time LIST...``: for each list, the ``DictReader`` pass, the floor and (``--real``)
  the real check (``bench_national.anct_check``: JSON, as ``bench_anct_rows.py time``),
  alternated in one process, best and median CPU milliseconds of ``--runs`` each, and
  the ratios of the bests to the ``DictReader`` pass.
- ``compare LIST``: the floor's output and ``mfs check --anct-csv LIST --format jsonl``'s
  (in process, same date), byte for byte: the floor does the real work.
- ``once LIST``: the floor once, after a warm-up on the repository's sample, with the
  collector off, for ``valgrind --tool=cachegrind --cache-sim=no`` under
  ``PYTHONHASHSEED=0`` (as ``bench_anct_rows.py once``; its instructions are the run's
  minus the run with ``LIST`` named ``none``).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import functools
import gc
import io
import json
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_national  # beside this script (its directory put first on sys.path above)

from mfs_core.output import json_text

AS_OF = dt.date(2026, 11, 27)  # bench_national.anct_runner's date
DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi")
DAY_COLUMNS = ("h_lundi", "h_mardi", "h_mercredi", "h_jeudi", "h_vendredi", "h_samedi")
FORMATS = ("Fixe", "Fixe_antenne(s)", "Multisites", "Bus_équivalent", "Itinérante")
STAGES = ("read", "validate", "hours", "verdict", "json")

# The real format's patterns (mfs_core.hours, mfs_core.compliance.anct and .site).
TIME = re.compile(r"^\s*(\d{1,2})[:hH](\d{2})\s*$")
CLEAN = re.compile(
    r"\s*([0-9]{2}):([0-9]{2})\s*-\s*([0-9]{2}):([0-9]{2})\s*"
    r"(?:/\s*([0-9]{2}):([0-9]{2})\s*-\s*([0-9]{2}):([0-9]{2})\s*)?"
)
INSEE = re.compile(r"(?:[0-9]{5}|2[AB][0-9]{3})")
DEPARTEMENT = re.compile(r"[0-9]{2,3}|2[AB]")
POSTCODE = re.compile(r"[0-9]{5}")
LONGEST = 12 * 60
DAY = 24 * 60
UNKNOWN_KINDS = ("bad-time", "end-before-start")

# The checks of a row, sorted as the output writes them: the seven the list cannot decide
# are always unknown.
CHECKS = (
    "label.confidential-space",
    "label.equipment",
    "label.hours-exceptions",
    "label.hours-quality",
    "label.initial-training",
    "label.national-partners",
    "label.opening-days",
    "label.partner-plugins",
    "label.staffing",
    "label.weekly-hours",
)
QUALITY, DAYS_CHECK, HOURS_CHECK, DUPLICATE = (
    "label.hours-quality",
    "label.opening-days",
    "label.weekly-hours",
    "anct.duplicate-id",
)
NO_HOURS = "aucun horaire publié dans la liste (heures inconnues, pas « fermé »)"


def hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def slot_text(slot: tuple[int, int]) -> str:
    return f"{hhmm(slot[0])}-{hhmm(slot[1])}"


def shown(slot: str) -> str:
    return slot if len(slot) <= 80 else f"{slot[:79]}…"


def clock(text: str) -> int | None:
    match = TIME.match(text)
    if not match:
        return None
    hours, minutes = int(match[1]), int(match[2])
    if minutes > 59 or hours > 24 or (hours == 24 and minutes):
        return None
    return hours * 60 + minutes


def read_day(cell: str, day: str) -> tuple[int, list[tuple[str, str]]]:
    """``(open minutes, [(anomaly kind, message)])`` of one day cell, as
    :func:`mfs_core.hours.parse_anct_day` reads it."""
    match = CLEAN.fullmatch(cell)
    if match is not None:  # one or two slots of HH:MM: in order, nothing to report
        start = int(match[1]) * 60 + int(match[2])
        end = int(match[3]) * 60 + int(match[4])
        if match[5] is None:
            if start < end <= DAY and end - start <= LONGEST:
                return end - start, []
        else:
            start2 = int(match[5]) * 60 + int(match[6])
            end2 = int(match[7]) * 60 + int(match[8])
            if (
                start < end <= start2 < end2 <= DAY
                and end - start <= LONGEST
                and end2 - start2 <= LONGEST
            ):
                return end - start + end2 - start2, []
    if not cell.strip():
        return 0, []
    found: list[tuple[str, str]] = []
    slots: list[tuple[int, int]] = []
    for raw in cell.split("/"):  # slot by slot, every oddity reported
        slot = raw.strip()
        if not slot:
            found.append(("empty-slot", f"{day} : créneau vide"))
            continue
        start_text, sep, end_text = slot.partition("-")
        start, end = clock(start_text), clock(end_text)
        if not sep or start is None or end is None:
            found.append(
                (
                    "bad-time",
                    f"{day} : horaire illisible « {shown(slot)} » (heures du jour inconnues)",
                )
            )
        elif start == end == 0:
            found.append(("placeholder", f"{day} : créneau fictif « {shown(slot)} » (ignoré)"))
        elif end <= start:
            found.append(
                (
                    "end-before-start",
                    f"{day} : le créneau « {shown(slot)} » finit avant de commencer "
                    "(heures du jour inconnues)",
                )
            )
        else:
            slots.append((start, end))
            if end - start > LONGEST:
                found.append(
                    (
                        "long-slot",
                        f"{day} : créneau « {shown(slot)} » de plus de 12 h, plus long qu'une "
                        "journée de travail (compté tel quel, à vérifier)",
                    )
                )
    ordered = sorted(slots)
    crossing = any(slots[i][1] > slots[i + 1][0] for i in range(len(slots) - 1))
    if crossing or len(set(slots)) < len(slots):  # duplicates, overlaps, disorder
        seen = set()
        for slot in slots:
            if slot in seen:
                text = slot_text(slot)
                found.append(("duplicate", f"{day} : créneau {text} en double (compté une fois)"))
            seen.add(slot)
        widest = None
        for current in ordered:
            previous = widest
            if widest is None or current[1] > widest[1]:
                widest = current
            if previous is not None and previous != current and current[0] < previous[1]:
                found.append(
                    (
                        "overlap",
                        f"{day} : les créneaux {slot_text(previous)} et {slot_text(current)} "
                        "se chevauchent (union comptée)",
                    )
                )
    minutes, reach = 0, -1  # the union's minutes
    for start, end in ordered:
        if start > reach:
            minutes += end - start
            reach = end
        elif end > reach:
            minutes += end - reach
            reach = end
    return minutes, found


def short_week(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    text = f"{hours} h {rest:02d}" if rest else f"{hours} h"
    return f"ouvert {text} par semaine, au moins 24 h sont requises"


def few_days(names: list[str]) -> str:
    count = f"{len(names)} jour" if len(names) < 2 else f"{len(names)} jours"
    return f"ouvert {count} par semaine ({', '.join(names) or 'aucun'}), au moins 5 sont requis"


#: A string as JSON, non-ASCII kept: ``json.dumps(text, ensure_ascii=False)``'s own C
#: function (``json.dumps`` builds an encoder a call: a fifth of the floor's time).
string = json.encoder.encode_basestring


def figure(value: float | int | None) -> str:
    """A figure as ``json.dumps`` writes it (finite: the row's rounded hours, its days)."""
    return "null" if value is None else repr(value)


#: The ``checks`` object: the seven checks the list cannot decide are always unknown.
CHECKS_TEXT = (
    '"checks": {{{duplicate}"label.confidential-space": "unknown", "label.equipment": '
    '"unknown", "label.hours-exceptions": "unknown", "label.hours-quality": "{quality}", '
    '"label.initial-training": "unknown", "label.national-partners": "unknown", '
    '"label.opening-days": "{days}", "label.partner-plugins": "unknown", '
    '"label.staffing": "unknown", "label.weekly-hours": "{hours}"}}'
)


#: Active characters (controls, format characters, line and paragraph separators) as
#: ``\\uXXXX``: the real output's own escape (a line that is ASCII or printable is
#: returned as it is after one C scan).
escape = json_text


class Summary:
    """The summary's counts, one row at a time."""

    def __init__(self) -> None:
        self.sites = self.compliant = self.hours_unknown = self.skipped = 0
        self.verdicts = {"compliant": 0, "non_compliant": 0, "undetermined": 0}
        self.levels = {"error": 0, "warning": 0, "info": 0}
        self.checks = {c: {"pass": 0, "fail": 0, "waived": 0, "unknown": 0} for c in CHECKS}
        self.duplicates = {"pass": 0, "fail": 0, "waived": 0, "unknown": 0}
        self.groups: dict[str, dict[str, Any]] = {}  # "dep\x00format" -> counts

    def add(self, row: tuple[Any, ...]) -> None:
        departement, site_format, statuses, errors, warnings, unknown_hours, duplicate = row
        self.sites += 1
        self.hours_unknown += unknown_hours
        self.verdicts["non_compliant" if errors else "undetermined"] += 1
        self.levels["error"] += errors
        self.levels["warning"] += warnings
        checks = self.checks
        failing = []
        for check, status in zip((QUALITY, DAYS_CHECK, HOURS_CHECK), statuses, strict=True):
            checks[check][status] += 1
            if status == "fail":
                failing.append(check)
        if duplicate:
            self.duplicates["fail"] += 1
            failing.insert(0, DUPLICATE)
        key = f"{departement}\x00{site_format}"
        group = self.groups.get(key)
        if group is None:
            group = self.groups[key] = {"sites": 0, "failing": {}}
        group["sites"] += 1
        for check in failing:
            group["failing"][check] = group["failing"].get(check, 0) + 1

    def line(self) -> str:
        from mfs_core.geo import region_key

        checks = dict(self.checks)
        if self.duplicates["fail"]:
            checks[DUPLICATE] = self.duplicates
        for check in CHECKS:
            if check not in (QUALITY, DAYS_CHECK, HOURS_CHECK):
                checks[check]["unknown"] = self.sites
        by: list[dict[str, dict[str, Any]]] = [{}, {}, {}]
        for key, group in self.groups.items():
            departement, site_format = key.split("\x00")
            for table, name in zip(
                by, (departement, region_key(departement), site_format), strict=True
            ):
                total = table.setdefault(name or "?", {"sites": 0, "failing": {}})
                total["sites"] += group["sites"]
                for check, n in group["failing"].items():
                    total["failing"][check] = total["failing"].get(check, 0) + n
        summary = {
            "as_of": AS_OF.isoformat(),
            "sites": self.sites,
            "compliant": self.compliant,
            "non_compliant": self.sites - self.compliant,
            "by_verdict": self.verdicts,
            "findings": self.levels,
            "suppressed": 0,
            "hours_unknown": self.hours_unknown,
            "checks": dict(sorted(checks.items())),
            "skipped_rows": self.skipped,
        }
        for name, table in zip(("by_departement", "by_region", "by_format"), by, strict=True):
            summary[name] = {
                key: {"sites": g["sites"], "failing": dict(sorted(g["failing"].items()))}
                for key, g in sorted(table.items())
            }
        text = json.dumps({"schema_version": 1, "summary": summary}, ensure_ascii=False)
        return escape(text) + "\n"


def floor(
    path: Path, out: IO[str], upto: str = "json", memo: bool = False, dumps: bool = False
) -> Summary:
    """Check the list at ``path`` and write its JSON lines to ``out`` (see the docstring);
    ``upto`` one of :data:`STAGES`."""
    stage = STAGES.index(upto)
    source = string(str(path))
    summary = Summary()
    first_lines: dict[str, int] = {}
    cells_read: list[dict[str, tuple[int, list[tuple[str, str]]]]] = [{} for _ in DAYS]
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        at = {name: index for index, name in enumerate(header)}
        width = len(header)
        i_id, i_name, i_insee, i_dep = at["id_fs"], at["lib_fs"], at["insee_com"], at["insee_dep"]
        i_format, i_postcode = at["format_fs"], at.get("code_postal")
        i_lat, i_lon = at.get("latitude"), at.get("longitude")
        i_days = [at[column] for column in DAY_COLUMNS]
        end = reader.line_num
        for cells in reader:
            line, end = end + 1, reader.line_num
            if stage == 0 or not cells:
                continue
            # validate
            if len(cells) != width:
                summary.skipped += 1
                continue
            site_id, name = cells[i_id].strip(), cells[i_name].strip()
            insee, site_format = cells[i_insee].strip(), cells[i_format].strip()
            departement = cells[i_dep].strip()
            good = bool(site_id and name and site_format in FORMATS)
            good = good and INSEE.fullmatch(insee) is not None
            good = good and DEPARTEMENT.fullmatch(departement) is not None
            good = good and departement == insee[: 3 if insee[:2] in ("97", "98") else 2]
            if good and i_postcode is not None:
                postcode = cells[i_postcode].strip()
                good = not postcode or POSTCODE.fullmatch(postcode) is not None
            for index, low, high in ((i_lat, -90.0, 90.0), (i_lon, -180.0, 180.0)):
                if good and index is not None and cells[index].strip():
                    text = cells[index]
                    try:
                        good = text.isascii() and low <= float(text) <= high
                    except ValueError:
                        good = False
            if not good:
                summary.skipped += 1
                continue
            seen = first_lines.setdefault(site_id, line)
            if stage == 1:
                continue
            # hours
            minutes, open_names, anomalies = 0, [], []
            unknown = False
            for index, day, column in zip(i_days, DAYS, cells_read, strict=True):
                cell = cells[index]
                if memo:
                    read = column.get(cell)
                    if read is None:
                        read = column[cell] = read_day(cell, day)
                else:
                    read = read_day(cell, day)
                if read[0]:
                    minutes += read[0]
                    open_names.append(day)
                for kind, message in read[1]:
                    anomalies.append(message)
                    if kind in UNKNOWN_KINDS:
                        unknown = True
            if not anomalies and not open_names and not any(cells[i].strip() for i in i_days):
                anomalies, unknown = [NO_HOURS], True
            if stage == 2:
                continue
            # verdict
            hours_ok, days_ok = minutes >= 24 * 60, len(open_names) >= 5
            findings = [(QUALITY, "warning", message) for message in anomalies]
            # Sorted by check: hours-quality, opening-days, weekly-hours.
            hours_finding = None
            if unknown and not hours_ok:
                hours_status, weekly = "unknown", None
            else:
                hours_status, weekly = (
                    ("pass" if hours_ok else "fail"),
                    ((10 * minutes + 3) // 6) / 100,
                )
                if not hours_ok:
                    hours_finding = (HOURS_CHECK, "error", short_week(minutes))
            if unknown and not days_ok:
                days_status, days = "unknown", None
            else:
                days_status, days = ("pass" if days_ok else "fail"), len(open_names)
                if not days_ok:
                    findings.append((DAYS_CHECK, "error", few_days(open_names)))
            if hours_finding is not None:
                findings.append(hours_finding)
            quality = "fail" if anomalies else "pass"
            duplicate = seen != line
            if duplicate:
                findings.append(
                    (
                        DUPLICATE,
                        "warning",
                        f"id_fs « {site_id} » déjà présent ligne {seen} de la liste "
                        "(doublon : les deux lignes sont vérifiées)",
                    )
                )
            errors = (hours_status == "fail") + (days_status == "fail")
            summary.add(
                (
                    departement,
                    site_format,
                    (quality, days_status, hours_status),
                    errors,
                    len(findings) - errors,
                    weekly is None,
                    duplicate,
                )
            )
            if stage == 3:
                continue
            # json
            if dumps:
                statuses = dict.fromkeys(CHECKS, "unknown")
                statuses[QUALITY], statuses[DAYS_CHECK] = quality, days_status
                statuses[HOURS_CHECK] = hours_status
                if duplicate:
                    statuses = {DUPLICATE: "fail", **statuses}
                site = {
                    "id": site_id,
                    "name": name,
                    "source": str(path),
                    "compliant": False,
                    "weekly_hours": weekly,
                    "opening_days": days,
                    "findings": [
                        {
                            "check": check,
                            "severity": severity,
                            "message": message,
                            "field": "id_fs" if check == DUPLICATE else "hours",
                            "suppressed": False,
                            "waiver": None,
                        }
                        for check, severity, message in findings
                    ],
                    "checks": statuses,
                    "departement": departement,
                    "format": site_format,
                }
                text = json.dumps(site, ensure_ascii=False)
            else:
                listed = ", ".join(
                    f'{{"check": "{check}", "severity": "{severity}", "message": '
                    f'{string(message)}, "field": '
                    f'"{"id_fs" if check == DUPLICATE else "hours"}", "suppressed": false, '
                    '"waiver": null}'
                    for check, severity, message in findings
                )
                table = CHECKS_TEXT.format(
                    duplicate='"anct.duplicate-id": "fail", ' if duplicate else "",
                    quality=quality,
                    days=days_status,
                    hours=hours_status,
                )
                text = (
                    f'{{"id": {string(site_id)}, "name": {string(name)}, "source": {source}, '
                    f'"compliant": false, "weekly_hours": {figure(weekly)}, '
                    f'"opening_days": {figure(days)}, "findings": [{listed}], '
                    f'{table}, "departement": {string(departement)}, '
                    f'"format": {string(site_format)}}}'
                )
            out.write(escape(text) + "\n")
    if stage == 4:
        out.write(summary.line())
    return summary


def real(path: Path, out: IO[str]) -> None:
    """``mfs check --anct-csv PATH --format jsonl``, in process, to ``out``."""
    from mfs_core.compliance.anct import iter_anct_results
    from mfs_core.compliance.formats import write
    from mfs_core.compliance.report import ReportStream

    runner = bench_national.anct_runner()
    report = ReportStream(
        iter_anct_results(path, runner, on_skipped=lambda _problem: None),
        catalogue=runner.catalogue,
        as_of=runner.as_of,
        national=True,
    )
    write(report, "jsonl", out)


def compare(path: Path) -> int:
    mine, theirs = io.StringIO(), io.StringIO()
    floor(path, mine)
    real(path, theirs)
    a, b = mine.getvalue().splitlines(), theirs.getvalue().splitlines()
    differ = [i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y]
    print(f"{path.name}: {len(a)} lines against {len(b)}, {len(differ)} differ", flush=True)
    for i in differ[:3]:
        print(f"  line {i + 1}:\n  floor {a[i]}\n  real  {b[i]}")
    return 0 if not differ and len(a) == len(b) else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("time", "compare", "once"))
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--upto", choices=STAGES, default="json")
    parser.add_argument("--memo", action="store_true", help="remember the day cells read")
    parser.add_argument("--dumps", action="store_true", help="json.dumps of each site's dict")
    parser.add_argument("--real", action="store_true", help="time: the real check too")
    args = parser.parse_args()
    if args.mode == "compare":
        return max(compare(path) for path in args.paths)
    sink = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (closed at exit)
    run_floor = functools.partial(floor, out=sink, upto=args.upto, memo=args.memo, dumps=args.dumps)
    for path in args.paths if args.mode == "time" else [bench_national.SAMPLE]:
        run_floor(path)  # warm-up: imports, the regular expressions
    if args.mode == "once":
        (path,) = args.paths
        gc.collect()
        gc.disable()
        if path.name != "none":
            run_floor(path)
        return 0
    sides: list[tuple[str, Callable[[Path], object]]] = [
        ("DictReader", bench_national.dictreader_pass),
        ("floor", run_floor),
    ]
    if args.real:
        runner = bench_national.anct_runner()
        for name in ("replicated-1x.csv", "varied-1x.csv", "varied-codes-1x.csv"):
            warm = args.paths[0].parent / name
            if warm.exists():
                bench_national.anct_check(warm, runner)
        sides.append(("check+json", functools.partial(bench_national.anct_check, runner=runner)))
    for path in args.paths:
        bests = bench_national.alternated_cpu([run for _name, run in sides], path, args.runs)
        parts = [
            f"{name} {best[0] * 1e3:.1f} ms (median {best[len(best) // 2] * 1e3:.1f})"
            + ("" if index == 0 else f" {best[0] / bests[0][0]:.2f}x")
            for index, ((name, _run), best) in enumerate(zip(sides, bests, strict=True))
        ]
        print(f"{path.name} [{args.upto}]: " + ", ".join(parts), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
