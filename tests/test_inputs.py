"""The one input-reading layer (mfs_core.inputs): limits, encoding, depth, line isolation."""

from __future__ import annotations

import io
import json
import tracemalloc
from pathlib import Path

import pytest

from mfs_core.errors import InputError
from mfs_core.inputs import (
    MAX_DEPTH,
    MAX_LINE_BYTES,
    JsonLines,
    parse_date,
    parse_json,
    read_bytes,
    read_text,
    read_toml,
)


def items(data: bytes, **options: object) -> tuple[list[tuple[str, object]], bool]:
    lines = JsonLines(io.BytesIO(data), "in", **options)  # type: ignore[arg-type]
    found = [(i.where, i.value if i.error is None else str(i.error)) for i in lines]
    return found, lines.single_document


def test_dev_zero_is_refused_without_reading_it_all() -> None:
    with pytest.raises(InputError, match=r"/dev/zero: larger than 64 MiB: not read"):
        read_bytes("/dev/zero")


def test_a_directory_or_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=rf"--context: {tmp_path}: cannot read the file: Is a"):
        read_bytes(str(tmp_path), option="--context")
    with pytest.raises(InputError, match="cannot read the file: No such file"):
        read_bytes(str(tmp_path / "absent.json"))


def test_utf8_with_a_byte_order_mark_and_the_line_of_a_bad_byte(tmp_path: Path) -> None:
    path = tmp_path / "f.toml"
    path.write_bytes(b"\xef\xbb\xbfa = 1\n")
    assert read_text(str(path)) == "a = 1\n"
    path.write_bytes(b"a = 1\nb = 'caf\xe9'\n")
    with pytest.raises(InputError) as caught:
        read_text(str(path))
    assert str(caught.value) == (
        f"{path}: line 2: expected UTF-8 text, got byte 0xe9 (re-save the file as UTF-8)"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[" * 100_000 + "]" * 100_000, f"nested deeper than {MAX_DEPTH} levels"),
        ("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1), f"nested deeper than {MAX_DEPTH} levels"),
        ('{"a": "\\ud800"}', "unpaired surrogate"),
        ('{"\\udfff": 1}', "unpaired surrogate"),
        ('{"a": NaN}', "NaN is not a JSON number"),
        ('{"a": -Infinity}', "-Infinity is not a JSON number"),
        ('{"a": 1e999}', "a number too large for a float"),
        ('{"a": ' + "9" * 5000 + "}", "Exceeds the limit (4300 digits)"),
        ('{"a": 1, "a": 2}', "key 'a' given twice in one object"),
        ("{oops", "invalid JSON: Expecting property name"),
    ],
)
def test_json_limits(text: str, message: str) -> None:
    with pytest.raises(InputError, match="invalid JSON") as caught:
        parse_json(text)
    assert message in str(caught.value)


def test_json_at_the_depth_limit_and_a_nul_character_are_read() -> None:
    deep = "[" * MAX_DEPTH + "]" * MAX_DEPTH
    assert parse_json(deep) is not None
    assert parse_json('{"note": "a\\u0000b"}') == {"note": "a\x00b"}  # text; the journal refuses it


def test_toml_too_deep_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "deep.toml"
    path.write_text("x = " + "[" * 5000 + "]" * 5000, encoding="utf-8")
    with pytest.raises(InputError, match="invalid TOML: nested deeper than 64 levels"):
        read_toml(str(path))


def test_each_line_is_read_on_its_own() -> None:
    data = (
        b'\xef\xbb\xbf{"a": 1}\n'  # a byte order mark before the first line
        b'{"b": "caf\xe9"}\n'  # Latin-1: this line only
        b"\n"
        b'{"c": "\\ud800"}\n' + b"[" * 10_000 + b"\n" + b'{"d": 4}\r\n'
    )
    found, single = items(data)
    assert not single
    assert found == [
        ("in:1", {"a": 1}),
        ("in:2", "expected UTF-8 text, got byte 0xe9 at column 11"),
        ("in:4", "invalid JSON: a string holds an unpaired surrogate (\\ud800-\\udfff): not text"),
        ("in:5", "invalid JSON: nested deeper than 64 levels"),
        ("in:6", {"d": 4}),
    ]


def test_a_line_separator_inside_a_string_does_not_split_the_line() -> None:
    # str.splitlines() would cut a note holding U+2028 in two broken lines.
    found, _ = items('{"note": "a\u2028b\x85c"}\n{"x": 1}\n'.encode())
    assert found == [("in:1", {"note": "a\u2028b\x85c"}), ("in:2", {"x": 1})]


def test_an_over_long_line_is_named_and_skipped() -> None:
    data = b'{"a": 1}\n' + b"x" * (MAX_LINE_BYTES + 10) + b'\n{"b": 2}\n'
    assert items(data)[0] == [
        ("in:1", {"a": 1}),
        ("in:2", "line longer than 1 MiB"),
        ("in:3", {"b": 2}),
    ]


def test_a_stream_with_no_line_break_stops_with_an_error() -> None:
    with open("/dev/zero", "rb") as zero:
        found = [(i.where, str(i.error)) for i in JsonLines(zero, "/dev/zero")]
    assert found == [
        (
            "/dev/zero:1",
            "no line break in more than 64 MiB: not JSON lines, not read from this line on",
        )
    ]


def test_a_total_limit_names_where_reading_stopped() -> None:
    data = b'{"a": 1}\n' + b'{"b": 2}\n' * 10
    found, _ = items(data, max_total=20)
    assert found == [
        ("in:1", {"a": 1}),
        ("in:2", {"b": 2}),
        ("in:3", "larger than 20 bytes: not read from this line on"),
    ]


def test_one_document_over_several_lines_and_arrays() -> None:
    assert items(b'{\n "a": 1\n}\n') == ([("in:1", {"a": 1})], True)
    assert items(b'[\n {"a": 1},\n {"b": 2}\n]') == (
        [("in[0]", {"a": 1}), ("in[1]", {"b": 2})],
        True,
    )
    assert items(b'{"a": 1}') == ([("in:1", {"a": 1})], True)
    assert items(b"") == ([], False)
    # A broken first line that is no whole document: every line is still read.
    found, single = items(b'{broken\n{"a": 1}\n')
    assert not single
    assert found[1] == ("in:2", {"a": 1})


def test_the_search_for_a_whole_document_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    # A first line that does not parse alone starts a search for a whole document, within
    # the file limit: past it, the lines are read one by one, none lost.
    monkeypatch.setattr("mfs_core.inputs.MAX_FILE_BYTES", 40)
    data = b"{\n" + b'{"a": 1}\n' * 10
    found, single = items(data)
    assert not single
    assert found[0][0] == "in:1"
    assert "invalid JSON" in str(found[0][1])
    assert found[1:] == [(f"in:{n}", {"a": 1}) for n in range(2, 12)]


class CountingStream(io.BytesIO):
    """A stream that counts the bytes read from it."""

    taken = 0

    def read(self, size: int | None = -1, /) -> bytes:
        chunk = super().read(size)
        self.taken += len(chunk)
        return chunk


def test_a_bad_first_line_does_not_hold_the_lines_after_it() -> None:
    # Issue 15: a broken first line, then good JSON lines. Two lines in a row that parse
    # alone as objects cannot belong to one JSON document: the search for one stops there,
    # so the first records come after a few lines read, not after 64 MiB of them.
    good = b'{"procedure": "dgfip.declaration-revenus", "channel": "counter"}\n'
    stream = CountingStream(b'{"procedure": "dgfip.declaration-revenus",\n' + good * 100_000)
    lines = iter(JsonLines(stream, "in"))  # type: ignore[arg-type]
    first, second, third = next(lines), next(lines), next(lines)
    assert "invalid JSON" in str(first.error)
    assert (second.where, third.where) == ("in:2", "in:3")
    assert second.value == third.value == json.loads(good)
    assert stream.taken <= 2 * 64 * 1024  # a chunk or two of the 6.5 MB
    assert sum(1 for _ in lines) == 100_000 - 2  # none lost


def test_a_pretty_printed_array_with_one_object_a_line_is_one_document() -> None:
    # One object alone on a line (the last of the array, with no comma) never stops the
    # search: only two in a row do, which no JSON document holds.
    data = b'[\n{"a": 1},\n{"b": 2}\n,\n{"c": 3}\n]\n'
    assert items(data) == ([("in[0]", {"a": 1}), ("in[1]", {"b": 2}), ("in[2]", {"c": 3})], True)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("0001-01-01", "expected a date between 1900-01-01 and 9998-12-31, got 0001-01-01"),
        ("9999-12-31", "expected a date between 1900-01-01 and 9998-12-31, got 9999-12-31"),
        ("2023-02-30", "expected a date YYYY-MM-DD, got '2023-02-30'"),
        ("20230101", "expected a date YYYY-MM-DD"),
        ("１２３４-05-06", "expected a date YYYY-MM-DD"),
    ],
)
def test_dates_outside_the_accepted_range(text: str, message: str) -> None:
    with pytest.raises(InputError, match="--since") as caught:
        parse_date(text, "--since")
    assert message in str(caught.value)


def test_the_search_for_a_whole_document_holds_about_its_bytes() -> None:
    """A first line ``[`` then short lines that are not objects: the search holds the lines
    as one byte string (about a byte a byte; a list of numbered lines held a hundred,
    439 MB for 4 MiB in the review), and hands every line back, numbered, when no document
    comes of it."""
    data = b"[\n" + b"x\n" * 200_000
    tracemalloc.start()
    try:
        lines = JsonLines(io.BytesIO(data), "in")
        first = next(iter(lines))
        held = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "invalid JSON" in str(first.error)
    assert held < 5 * len(data)  # about 3 times (the text, a copy to parse); 93 before
    found, single = items(data)
    assert not single
    assert [where for where, _ in found] == [f"in:{n}" for n in range(1, 200_002)]
