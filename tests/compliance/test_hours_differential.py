"""Differential test: mfs-core's typical weeks against opening_hours.js on real strings.

opening_hours.js (npm package ``opening_hours``, pinned by ``.ci/setup.d/50-opening-hours-js.sh``)
is the reference parser of the OpenStreetMap ecosystem. Each real string of the corpus
(``tests/data/opening-hours/``: La Poste, data·inclusion; and the ANCT sample's day cells
written as OSM) is evaluated by both over two weeks that hold no French public holiday and
no school holiday in any zone (30 November 2026, ISO week 49; 5 January 2026, week 2: both
parities of ``week 01-53/2``). Per day, the open minutes must be equal, or the difference
explained by one of the documented rules (``docs/compliance.md``, "How the hours are read"):

- ``dated``: the days that differ are days that dated rules change (``2026 Jan 06 off``):
  they are kept out of the typical week;
- ``refused``: mfs-core refuses the string with a documented reason (not valid for
  opening-hours-py, open end, fallback rules, ``unknown``).

The rules of :mod:`mfs_core.osm_hours` were written looking at the La Poste strings: a
fifth of them (by a stable hash) is held out and its figures reported apart.
"""

from __future__ import annotations

import collections
import concurrent.futures
import csv
import datetime as dt
import gzip
import json
import os
import subprocess
import tempfile
import zlib
from pathlib import Path

import pytest

from mfs_core.hours import DAYS, from_anct_days, parse_anct_day
from mfs_core.osm_hours import OsmHours, read_osm
from mfs_test_support import require_service

from .conftest import ANCT_SAMPLE, DATA

CORPUS = DATA / "opening-hours"
SCRIPT = Path(__file__).with_name("opening_hours_js.js")
WEEKS = (dt.date(2026, 11, 30), dt.date(2026, 1, 5))
#: The documented reasons for refusing a string (the start of the ValueError's detail).
REFUSALS = ("invalid opening_hours expression", "open end", "fallback rules", "'unknown' hours")
_OSM_DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")


def corpus_lines(path: Path) -> list[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return [line for line in handle.read().splitlines() if line and not line.startswith("#")]


def held_out(expression: str) -> bool:
    return zlib.crc32(expression.encode("utf-8")) % 5 == 0


def anct_as_osm() -> list[tuple[str, tuple[int, ...]]]:
    """Each sample row's cells as an OSM expression, with mfs-core's minutes per day.

    The ANCT reader ignores a placeholder ``00:00 - 00:00`` (reported, not counted): it is
    left out of the expression, the one documented difference.
    """
    rows = []
    with ANCT_SAMPLE.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            cells = [row[f"h_{day}"] for day in DAYS[:6]]
            rules = []
            for name, cell in zip(_OSM_DAYS, cells, strict=False):
                slots = [s.replace(" ", "") for s in cell.split("/") if s.strip()]
                slots = [s for s in slots if s != "00:00-00:00"]
                if slots:
                    rules.append(f"{name} {','.join(slots)}")
            week, _ = from_anct_days(cells)
            minutes = tuple(sum(e - s for s, e in day) for day in week.days)
            rows.append(("; ".join(rules) or "closed", minutes))
    return rows


def reference_package() -> str:
    """Where opening_hours.js is installed (skip locally, fail in CI, when it is not)."""
    return require_service(
        "MFS_TEST_OPENING_HOURS_JS", "opening_hours.js, the reference parser (npm)"
    )


def reference_minutes(package: str, requests: list[dict[str, str]]) -> list[dict[str, object]]:
    """opening_hours.js's answers, one Node process for all requests."""
    with tempfile.TemporaryFile("w+", encoding="utf-8") as stdin:
        stdin.write("".join(json.dumps(r) + "\n" for r in requests))
        stdin.seek(0)
        done = subprocess.run(
            ["node", str(SCRIPT), package],
            stdin=stdin,
            capture_output=True,
            text=True,
            env={**os.environ, "TZ": "UTC"},
            timeout=900,
            check=True,
        )
    return [json.loads(line) for line in done.stdout.splitlines()]


def ours(expression: str, monday: dt.date) -> OsmHours | str:
    """mfs-core's reading, or its refusal's message."""
    try:
        return read_osm(expression, monday)
    except ValueError as exc:
        return str(exc)


def classify(ours: OsmHours | str, monday: dt.date, reference: dict[str, object]) -> str:
    """``equal``, ``dated``, ``refused: ...`` or ``DIFFERENT: ...`` for one string and week."""
    if isinstance(ours, str):
        reason = next((r for r in REFUSALS if r in ours), None)
        return f"refused: {reason}" if reason else f"DIFFERENT: unexplained refusal {ours}"
    assert ours.start == monday
    if "error" in reference:
        return f"DIFFERENT: accepted here, refused by opening_hours.js: {reference['error']}"
    mine = [sum(e - s for s, e in day) for day in ours.weeks[0].days]
    theirs = reference["minutes"]
    if any(reference["unknown_minutes"]):  # type: ignore[arg-type]
        return f"DIFFERENT: unknown hours accepted here {theirs}"
    if mine == theirs:
        return "equal"
    differing = {monday + dt.timedelta(days=i) for i in range(7) if mine[i] != theirs[i]}  # type: ignore[index]
    if differing <= ours.dated_days:
        return "dated"
    return f"DIFFERENT: {mine} here, {theirs} for opening_hours.js"


@pytest.fixture(scope="module")
def verdicts() -> dict[str, collections.Counter[str]]:
    """Counts of each verdict by corpus part (La Poste tuned and held out, data·inclusion)."""
    package = reference_package()
    strings = {
        "laposte": corpus_lines(CORPUS / "laposte-opening-hours.txt.gz"),
        "data-inclusion": corpus_lines(CORPUS / "data-inclusion-opening-hours.txt"),
    }
    requests = [
        {"expression": s, "monday": week.isoformat()}
        for week in WEEKS
        for part in strings.values()
        for s in part
    ]
    # Node works in its own process while this one reads the same strings.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        future = pool.submit(reference_minutes, package, requests)
        readings = [ours(r["expression"], dt.date.fromisoformat(r["monday"])) for r in requests]
        answers = future.result()
    assert len(answers) == len(requests)
    data_inclusion = set(strings["data-inclusion"])
    counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for request, reading, answer in zip(requests, readings, answers, strict=True):
        expression = request["expression"]
        part = "data-inclusion" if expression in data_inclusion else "laposte"
        if part == "laposte":
            part += "-held-out" if held_out(expression) else "-tuned"
        verdict = classify(reading, dt.date.fromisoformat(request["monday"]), answer)
        counts[part][verdict if not verdict.startswith("DIFFERENT") else verdict[:300]] += 1
    return counts


def test_corpus_has_the_real_strings() -> None:
    assert len(corpus_lines(CORPUS / "laposte-opening-hours.txt.gz")) == 10_786
    assert len(corpus_lines(CORPUS / "data-inclusion-opening-hours.txt")) == 16


@pytest.mark.parametrize("part", ["laposte-tuned", "laposte-held-out", "data-inclusion"])
def test_every_difference_is_explained(
    verdicts: dict[str, collections.Counter[str]], part: str
) -> None:
    counts = verdicts[part]
    print(f"{part}: {dict(counts)}")  # the figures of the closing note (pytest -s)
    unexplained = {v: n for v, n in counts.items() if v.startswith("DIFFERENT")}
    assert unexplained == {}
    assert counts["equal"] > 0.9 * sum(counts.values())


def test_dated_rules_are_met_in_the_corpus(verdicts: dict[str, collections.Counter[str]]) -> None:
    # The January 2026 week holds real dated closures (2026 Jan 05-10 off...): the rule
    # that explains them is exercised, not only declared.
    assert verdicts["laposte-tuned"]["dated"] + verdicts["laposte-held-out"]["dated"] > 50


def test_anct_cells_agree_with_the_reference() -> None:
    rows = anct_as_osm()
    requests = [{"expression": e, "monday": WEEKS[0].isoformat()} for e, _ in rows]
    answers = reference_minutes(reference_package(), requests)
    for (expression, minutes), answer in zip(rows, answers, strict=True):
        assert "error" not in answer, (expression, answer)
        assert tuple(answer["minutes"]) == minutes, expression  # type: ignore[arg-type]
    # The sample holds the placeholder the rule above is about.
    assert "00:00 - 00:00" in ANCT_SAMPLE.read_text(encoding="utf-8")
    assert parse_anct_day("00:00 - 00:00", "lundi")[0] == ()
