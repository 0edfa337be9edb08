"""The ANCT list reader's two ways of reading rows give the same rows (issue 15).

A plain file (no line as long as ``MAX_ROW_CHARS``) is read by :mod:`csv` straight from
the file, a row handed to the bounded line reader (``_Lines``) only when it is not one
whole line before the last; any other file is read line by line through ``_Lines``. The
bounded reader is the reference: on random files made of what breaks CSV readers (stray
and open quotes, quoted line breaks, every line end, NUL characters, blank lines, long
lines, a missing last line end), both give the same rows, line numbers and problems.
``MAX_ROW_CHARS`` and the first pass's chunk are made small, so that short files cross
every bound: chunks, lines and rows longer than the limit.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mfs_core.compliance import anct_reading
from mfs_core.compliance.anct_reading import AnctTable
from mfs_core.errors import InputError

Rows = list[tuple[int, list[str] | None, str]]

#: What a cell, a separator or a line end may be made of.
PIECES = st.sampled_from(
    ["a", "é", "x y", ",", ",", '"', '""', '"q,r"', '"s\nt"', 'u"v', "\x00", "\n", "\r\n", "\r"]
)


def read(path: Path, bounded: bool) -> tuple[bool, Rows, Rows]:
    """(whether the file was plain, its rows, its rows after ``rewind``)."""
    with AnctTable(path, ()) as table:
        plain = table._plain
        if bounded:
            table._plain = False  # the reference: every line through _Lines
        rows = list(table.rows())
        table.rewind()
        return plain, rows, list(table.rows())


@pytest.fixture
def small_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(anct_reading, "MAX_ROW_CHARS", 24)
    monkeypatch.setattr(anct_reading, "_CHUNK", 16)


@pytest.mark.usefixtures("small_limits")
@settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    pieces=st.lists(PIECES | st.text("abc,", min_size=10, max_size=40), max_size=60),
    end=st.sampled_from(["", "\n", "\r\n", "\r"]),
)
def test_both_readers_give_the_same_rows(tmp_path: Path, pieces: list[str], end: str) -> None:
    path = tmp_path / "list.csv"
    path.write_text("id,nom,jours\n" + "".join(pieces) + end, encoding="utf-8", newline="")
    _, rows, again = read(path, bounded=False)
    _, expected, expected_again = read(path, bounded=True)
    assert rows == expected
    assert again == expected_again == expected


def test_a_plain_file_is_read_by_csv_itself(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text('id,nom\n1,"a\nb"\n2,c', encoding="utf-8", newline="")
    plain, rows, _ = read(path, bounded=False)
    assert plain
    assert rows == [(2, ["1", "a\nb"], ""), (4, ["2", "c"], "")]


@pytest.mark.usefixtures("small_limits")
@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("id\n" + "a" * 22 + "\n", True),  # 22 characters and a line end: within 24
        ("id\n" + "a" * 23 + "\n", False),  # the bound counts the line end's 2
        ("id\n" + "a" * 14 + "\n" + "b" * 14 + "\n", True),  # a chunk boundary inside
        ("id\n" + "é" * 12 + "\n", False),  # counted in bytes: 24 for 12 characters
    ],
)
def test_a_file_is_plain_when_no_line_comes_near_the_row_limit(
    tmp_path: Path, text: str, plain: bool
) -> None:
    path = tmp_path / "list.csv"
    path.write_text(text, encoding="utf-8", newline="")
    assert read(path, bounded=False)[0] is plain
    assert read(path, bounded=False)[1] == read(path, bounded=True)[1]


@pytest.mark.usefixtures("small_limits")
@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    lines=st.lists(st.text("ab,é", max_size=30), min_size=1, max_size=20),
    ends=st.lists(st.sampled_from(["\n", "\r\n", "\r"]), min_size=20, max_size=20),
    where=st.integers(min_value=0),
    stdin=st.booleans(),
)
def test_a_bad_byte_is_named_by_the_line_it_is_on(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    lines: list[str],
    ends: list[str],
    where: int,
    stdin: bool,
) -> None:
    """The first pass counts no line: the line of a bad byte is counted when one is found,
    reading the file (or the copy of standard input) again, in chunks, up to it."""
    text = "id\n" + "".join(line + end for line, end in zip(lines, ends, strict=False))
    cut = where % (len(text) + 1)
    before = text[:cut]
    path = tmp_path / "list.csv"
    path.write_bytes(before.encode() + b"\xff" + text[cut:].encode())
    # The reader's line ends: \r\n, \r or \n (a \r then \n split by the bad byte: two).
    line = before.count("\n") + before.count("\r") - before.count("\r\n") + 1
    if stdin:
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(path.read_bytes())))
    with pytest.raises(InputError) as info:
        AnctTable("-" if stdin else path, ())
    assert info.value.problems[0].endswith(
        f"line {line}: expected UTF-8 text, got byte 0xff (re-save the file as UTF-8)"
    )


@pytest.mark.usefixtures("small_limits")
@pytest.mark.parametrize("length", [23, 24, 25, 31, 32, 33, 48, 49])
def test_a_crlf_line_cut_by_a_bound_numbers_the_lines_after_it_as_lf_does(
    tmp_path: Path, length: int
) -> None:
    """A ``\\r\\n`` line the bound cuts between its ``\\r`` and ``\\n`` (its length a multiple
    of the limit) made the ``\\n`` a line of its own: every later line number was one too
    high (review finding 1). A row of exactly ``MAX_ROW_CHARS`` (24 here) is read: its line
    end is not part of it (review finding 12)."""
    lines = ["id,nom", "1,a", "2," + "b" * (length - 2), "3,c", '4,"never closed', "5,d"]
    found = {}
    for end in ("\n", "\r\n"):
        path = tmp_path / f"list{len(end)}.csv"
        path.write_text(end.join(lines) + end, encoding="utf-8", newline="")
        _, rows, _ = read(path, bounded=True)
        found[end] = [(number, cells, problem) for number, cells, problem in rows]
    assert found["\r\n"] == found["\n"]
    assert [number for number, _, _ in found["\n"]] == [2, 3, 4, 5, 6]
    [(_, third, _)] = [row for row in found["\n"] if row[0] == 3]
    assert (third is not None) == (length <= 24)


@pytest.mark.parametrize("bounded", [False, True])
def test_quotes_opened_on_every_line_are_read_again_in_linear_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bounded: bool
) -> None:
    """``999,"a`` then ``b","c`` lines: each line opens a quote that the next closes and
    reopens, so every row read again from the next line takes in the lines after it up to
    ``MAX_ROW_CHARS``: each line was read about ``MAX_ROW_CHARS / 6`` times (a 49 KB file,
    17 CPU-seconds; review finding 5). What is read again is now bounded by twice the
    file's size: the lines read stay within a few times the file's lines."""
    monkeypatch.setattr(anct_reading, "MAX_ROW_CHARS", 2048)
    monkeypatch.setattr(anct_reading, "_REREAD_CHARS", 0)
    count = 3000
    path = tmp_path / "list.csv"
    path.write_text('id,nom\n999,"a\n' + 'b","c\n' * count, encoding="utf-8", newline="")
    given = 0
    next_line = anct_reading._Lines.__next__

    def counted(self: object) -> str:
        nonlocal given
        given += 1
        return next_line(self)  # type: ignore[arg-type]

    monkeypatch.setattr(anct_reading._Lines, "__next__", counted)
    _, rows, _ = read(path, bounded=bounded)
    assert given < 8 * (count + 2)  # read twice (rows, rewind); about 340 times before
    assert rows[0][0] == 2
    assert rows[-1][1] is None
    assert "not read again: a quote opens on line after line" in rows[-1][2]
