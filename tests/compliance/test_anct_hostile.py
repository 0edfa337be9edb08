"""The ANCT list reader on hostile files (issue 15): a stray quote, an over-long cell, a file
without line breaks, a temporary copy that cannot be written, CR-only line ends. Each bad
row is named (line, what was expected) and costs only itself: the good rows beside it are
checked, and every output format stays a valid document."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from mfs_core.cli import main
from mfs_core.compliance.anct import check_anct_csv
from mfs_core.compliance.anct_reading import MAX_ROW_CHARS
from mfs_core.compliance.runner import Runner
from mfs_core.errors import InputError

from .test_anct_messy import sample_rows, write_list


def minimal_list(tmp_path: Path) -> tuple[Path, list[str]]:
    """The 18-row sample written with minimal quoting (most cells unquoted), and its lines:
    line 1 the header, line N+1 the Nth site."""
    _, rows = sample_rows()
    path = write_list(tmp_path / "list.csv", rows)
    return path, path.read_text(encoding="utf-8").splitlines()


def rewrite(path: Path, lines: list[str], end: str = "\n") -> Path:
    path.write_text(end.join(lines) + end, encoding="utf-8", newline="")
    return path


def with_lib_fs(line: str, lib_fs: str) -> str:
    """``line`` with its third cell (``lib_fs``, unquoted) replaced by ``lib_fs``, as is."""
    id_fs, dep, _, rest = line.split(",", 3)
    return ",".join((id_fs, dep, lib_fs, rest))


def opening_quote(line: str) -> str:
    """``line`` with a ``"`` opening its third cell, and not closing it."""
    return with_lib_fs(line, '"' + line.split(",", 3)[2])


def test_a_quote_inside_an_unquoted_cell_is_an_ordinary_character(
    tmp_path: Path, runner: Runner
) -> None:
    path, lines = minimal_list(tmp_path)
    assert lines[1].count(",France services de Valserhône,") == 1
    lines[1] = lines[1].replace("Valserhône,", 'Valserhône "centre,', 1)
    skipped: list[str] = []
    results = check_anct_csv(rewrite(path, lines), runner, skipped=skipped)
    assert skipped == []  # the last row is no longer dropped for an odd count of quotes
    assert len(results) == 18
    assert results[0].name == 'France services de Valserhône "centre'


def test_a_quote_closed_lines_later_costs_only_its_row(tmp_path: Path, runner: Runner) -> None:
    path, lines = minimal_list(tmp_path)
    assert '"' not in "".join(lines[:14])
    assert '"' in lines[14]  # a quoted cell on line 15
    lines[5] = opening_quote(lines[5])  # as the review's unclosed10k.csv
    skipped: list[str] = []
    results = check_anct_csv(rewrite(path, lines), runner, skipped=skipped)
    assert len(skipped) == 1
    assert skipped[0].startswith(
        f"{path}: line 6: a quoted cell opened in this row closes on line 15, leaving "
    )
    assert skipped[0].endswith(" cells, expected 24: the row could not be read")
    assert len(results) == 17  # lines 7 to 15 are read again as rows of their own
    ids = [row["id_fs"] for row in sample_rows()[1]]
    assert [r.id for r in results] == ids[:4] + ids[5:]


def test_a_quote_never_closed_costs_only_its_row(tmp_path: Path, runner: Runner) -> None:
    path, lines = minimal_list(tmp_path)
    assert '"' not in "".join(lines[15:])
    lines[15] = opening_quote(lines[15])
    skipped: list[str] = []
    results = check_anct_csv(rewrite(path, lines), runner, skipped=skipped)
    assert skipped == [
        f"{path}: line 16: a quoted cell opened in this row is never closed (the file ends "
        "at line 19): the row could not be read"
    ]
    assert len(results) == 17
    assert results[-1].name == sample_rows()[1][-1]["lib_fs"]  # the last row is kept


def test_a_quote_open_past_the_row_limit_costs_only_its_row(tmp_path: Path, runner: Runner) -> None:
    path, lines = minimal_list(tmp_path)
    filler = [line for line in lines[2:] if '"' not in line]
    lines = [*lines[:2], *(filler * (2 * MAX_ROW_CHARS // len("".join(filler)) + 1))]
    lines[1] = opening_quote(lines[1])
    skipped: list[str] = []
    results = check_anct_csv(rewrite(path, lines), runner, skipped=skipped)
    assert len(skipped) == 1
    assert skipped[0].startswith(
        f"{path}: line 2: a quoted cell opened in this row is still open after "
        f"{MAX_ROW_CHARS:,} characters (line "
    )
    assert len(results) == len(lines) - 2  # every other row, duplicates of the sample


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit", "jsonl"])
def test_an_overlong_cell_costs_only_its_row_in_every_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    path, lines = minimal_list(tmp_path)
    name = "France services de Valserhône"  # line 2, reported before the bad row
    lines[3] = with_lib_fs(lines[3], "x" * 200_000)  # over csv's own limit, 131,072
    rewrite(path, lines)
    code = main(["check", "--as-of", "2026-11-27", "--anct-csv", str(path), "--format", fmt])
    out, err = capsys.readouterr()
    assert code == 2
    assert err.splitlines()[0] == (
        f"mfs: error: {path}: line 4: longer than {MAX_ROW_CHARS:,} characters: a cell this "
        "long is not a list entry: the row could not be read"
    )
    assert "xxxx" not in err
    if fmt == "junit":
        assert out.count("<testsuite ") == 17 + 1  # and the unreadable row's, in error
        assert f'<testsuite name="{path}:4" tests="1" failures="0" skipped="0" errors="1">' in out
    elif fmt == "jsonl":
        assert len([json.loads(line) for line in out.splitlines()]) == 17 + 1  # and summary
    elif fmt == "json":
        data = json.loads(out)  # a whole document, not an array cut short
        assert data["summary"] == {**data["summary"], "sites": 17, "skipped_rows": 1}
        assert name in [site["name"] for site in data["sites"]]
    else:
        assert json.loads(out)["runs"][0]["results"]  # a whole document, with the findings


def test_a_header_without_line_break_is_refused_after_a_bounded_read(
    tmp_path: Path, runner: Runner
) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(b"a" * (4 * MAX_ROW_CHARS))
    with pytest.raises(InputError) as info:
        check_anct_csv(path, runner)
    assert info.value.problems == [
        f"{path}: line 1: expected a header line of column names, got more than "
        f"{MAX_ROW_CHARS:,} characters without a line break"
    ]


def test_an_unwritable_copy_of_standard_input_is_exit_2(tmp_path: Path) -> None:
    def small_files() -> None:  # as `ulimit -f`: the temporary copy cannot grow past 1 MiB
        resource.setrlimit(resource.RLIMIT_FSIZE, (1 << 20, 1 << 20))

    done = subprocess.run(
        [sys.executable, "-m", "mfs_core.cli", "check", "--anct-csv", "-", "--format", "json"],
        input=b"\0" * (4 << 20),
        capture_output=True,
        preexec_fn=small_files,
        env={**os.environ, "MFS_CACHE_DIR": str(tmp_path)},
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.decode() == (
        "mfs: error: -: the temporary copy of the input could not be written (File too "
        "large): not read; give the list as a file path\n"
    )


@pytest.mark.parametrize("end", ["\r", "\r\n", "\n"])
def test_a_bad_byte_is_named_by_its_line_whatever_the_line_ends(
    tmp_path: Path, runner: Runner, end: str
) -> None:
    path, lines = minimal_list(tmp_path)
    encoded = [line.encode() for line in lines]
    encoded[6] = b"\xe9" + encoded[6]  # a Latin-1 "é" opening line 7
    path.write_bytes(end.encode().join(encoded) + end.encode())
    with pytest.raises(InputError) as info:
        check_anct_csv(path, runner)
    assert info.value.problems == [
        f"{path}: line 7: expected UTF-8 text, got byte 0xe9 (re-save the file as UTF-8)"
    ]


def test_a_nul_character_costs_only_its_row(tmp_path: Path, runner: Runner) -> None:
    path, lines = minimal_list(tmp_path)
    lines[2] = lines[2].replace("France services", "France\x00services", 1)
    skipped: list[str] = []
    results = check_anct_csv(rewrite(path, lines), runner, skipped=skipped)
    assert skipped == [f"{path}: line 3: a cell holds a NUL character"]
    assert len(results) == 17
