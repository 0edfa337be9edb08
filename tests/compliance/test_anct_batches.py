"""The ANCT check by batches (issue 15y): the rows are read and parsed a batch at a time,
decided a batch at a time, then given one by one with each unreadable row named in its
place; the JSON writer counts, then writes, a batch of results at a time.

The reference is a batch of one row, which is the row-by-row chain of before (each row
read, parsed, decided, named or given before the next is read): every other batch size
must give the same results, the same problems with the same lines, named between the
same results, and the same bytes of every output. Lists are the real sample's rows (with
their own ids), with unreadable or odd rows drawn at any place, so at every place of a
batch (first, last, alone, a list that is a multiple of the batch), CRLF or LF line ends,
a byte order mark or none, quoted line breaks inside a cell.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mfs_core.compliance import anct
from mfs_core.compliance.anct import iter_anct_results
from mfs_core.compliance.formats import write
from mfs_core.compliance.report import ReportStream
from mfs_core.compliance.runner import Runner
from mfs_core.compliance.site import HoursScope
from mfs_core.registry import Registry

from .conftest import AS_OF
from .test_anct_messy import sample_rows

#: How a drawn row differs from the sample's (the sample's rows are all readable).
KINDS = (
    "good",
    "good",
    "good",
    "no-id",  # refused by the parse: id_fs empty
    "short",  # three cells
    "postcode",  # code_postal « 64 »: refused
    "no-latitude",  # latitude empty: readable, taken by the slow path
    "line-break",  # lib_fs quoted over two lines: readable
    "nul",  # a NUL character in lib_fs: unreadable (the table names it)
    "duplicate",  # the id of the first row: a duplicate-id finding
    "blank",  # an empty line: nothing to say
)


def make_list(path: Path, kinds: list[str], *, crlf: bool, bom: bool, open_end: bool) -> Path:
    """A list of the sample's header and one row per kind, in order (``open_end``: a last
    row whose quoted cell is never closed)."""
    fields, rows = sample_rows()
    end = "\r\n" if crlf else "\n"
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=end)
    writer.writerow(fields)
    for index, kind in enumerate(kinds):
        if kind == "blank":
            out.write(end)
            continue
        row = dict(rows[index % len(rows)], id_fs=str(500000 + index))
        if kind == "no-id":
            row["id_fs"] = ""
        elif kind == "postcode":
            row["code_postal"] = "64"
        elif kind == "no-latitude":
            row["latitude"] = ""
        elif kind == "line-break":
            row["lib_fs"] += "\n(annexe)"
        elif kind == "nul":
            row["lib_fs"] += "\x00"
        elif kind == "duplicate":
            row["id_fs"] = "500000"
        if kind == "short":
            writer.writerow([row["id_fs"], row["insee_dep"], row["lib_fs"]])
        else:
            writer.writerow([row[name] for name in fields])
    if open_end:
        out.write('"999999","64","France services ' + "x," * 5 + end)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + out.getvalue().encode("utf-8"))
    return path


def events(path: Path, runner: Runner) -> list[tuple[object, ...]]:
    """What a reader of the results sees, in order: each result (id, line-free figures,
    its findings' messages, statuses) and each problem named (its text and line),
    interleaved as they come."""
    seen: list[tuple[object, ...]] = []

    def skipped(problem: str) -> None:
        seen.append(("skipped", str(problem), getattr(problem, "line", None)))

    for result in iter_anct_results(path, runner, on_skipped=skipped):
        seen.append(
            (
                "result",
                result.id,
                result.name,
                result.weekly_hours,
                result.opening_days,
                tuple(f.message for f in result.findings),
                tuple(result.statuses.items()),
                result.departement,
                result.format,
            )
        )
    return seen


def outputs(path: Path, runner: Runner) -> dict[str, bytes]:
    """Every format's output of the list, as ``mfs check`` writes them (standard output a
    UTF-8 text file: the JSON writers write bytes)."""
    written = {}
    for fmt in ("json", "jsonl", "text", "junit", "github"):
        buffer = io.BytesIO()
        out = io.TextIOWrapper(buffer, encoding="utf-8", newline="")
        holder: list[ReportStream] = []

        def skipped(problem: str, holder: list[ReportStream] = holder) -> None:
            # As mfs check names it: its file and line, when the problem comes.
            holder[0].unreadable(str(path), problem.line)  # type: ignore[attr-defined]

        results = iter_anct_results(path, runner, on_skipped=skipped)
        report = ReportStream(
            results, catalogue=runner.catalogue, as_of=runner.as_of, national=True
        )
        holder.append(report)
        write(report, fmt, out)
        out.flush()
        written[fmt] = buffer.getvalue()
    return written


@pytest.fixture
def structure_runner(registry: Registry) -> Runner:
    return Runner(registry, as_of=AS_OF, hours_scope=HoursScope.STRUCTURE)


def with_batches(monkeypatch: pytest.MonkeyPatch, rows: int, written: int) -> None:
    monkeypatch.setattr(anct, "_BATCH", rows)
    monkeypatch.setattr(ReportStream, "BATCH", written)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    kinds=st.lists(st.sampled_from(KINDS), min_size=0, max_size=14),
    size=st.integers(min_value=2, max_value=5),
    crlf=st.booleans(),
    bom=st.booleans(),
    open_end=st.booleans(),
    structure=st.booleans(),
)
def test_any_batch_size_gives_what_one_row_at_a_time_gives(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    runner: Runner,
    structure_runner: Runner,
    kinds: list[str],
    size: int,
    crlf: bool,
    bom: bool,
    open_end: bool,
    structure: bool,
) -> None:
    path = make_list(tmp_path / "list.csv", kinds, crlf=crlf, bom=bom, open_end=open_end)
    chosen = structure_runner if structure else runner
    with monkeypatch.context() as patch:
        with_batches(patch, 1, 1)
        expected = events(path, chosen)
    with monkeypatch.context() as patch:
        with_batches(patch, size, size)
        assert events(path, chosen) == expected


@pytest.mark.parametrize(
    "kinds",
    [
        # A bad row first and last in a batch of 4, a batch of one row, a list that is
        # a multiple of the batch, rows never parsed (the table's) beside parsed ones.
        ["no-id", "good", "good", "short", "good"],
        ["good", "good", "good", "nul", "postcode", "good", "good", "no-id"],
        ["good", "no-latitude", "line-break", "duplicate"] * 3,
        ["blank", "no-id", "blank", "short", "postcode", "nul", "duplicate", "good", "good"],
    ],
)
@pytest.mark.parametrize("crlf", [False, True])
def test_every_output_is_the_same_with_batches(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    runner: Runner,
    kinds: list[str],
    crlf: bool,
) -> None:
    path = make_list(tmp_path / "list.csv", kinds, crlf=crlf, bom=True, open_end=True)
    with monkeypatch.context() as patch:
        with_batches(patch, 1, 1)
        expected = outputs(path, runner), events(path, runner)
    # Problems named in their place, lines carried: the reference itself is right.
    named = [event for event in expected[1] if event[0] == "skipped"]
    assert all(f": line {event[2]}: " in str(event[1]) for event in named)
    for size in (2, 3, 4, 512):
        with monkeypatch.context() as patch:
            with_batches(patch, size, size)
            assert (outputs(path, runner), events(path, runner)) == expected, size
