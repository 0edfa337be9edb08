"""The ANCT list's code cells read in one regular expression (``_Columns.good_codes``) say
"good" exactly when the cell-by-cell checks (``_bad_values``, the INSEE code's pattern)
find nothing: a row naming a commune and a postcode never met costs one match."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from mfs_core.compliance import anct
from mfs_core.compliance.anct import check_anct_csv
from mfs_core.compliance.runner import Runner
from mfs_core.compliance.site import INSEE_CODE_PATTERN

from .conftest import ANCT_SAMPLE

_HEADER = ["id_fs", "insee_dep", "lib_fs", "insee_com", "code_postal", "format_fs"]
_HEADER += list(anct.DAY_COLUMNS)
#: Pieces of code cells, the good ones and what a messy or hostile list holds.
_PIECES = st.sampled_from(
    [
        *("64483", "2A004", "2B", "2A", "64", "974", "64500", "0", "1", "2", "A", "C", "a"),
        *(" ", "\t", "\n", "\u00a0", ",", "٦", "\x00", ""),
    ]
)
_CELL = st.lists(_PIECES, max_size=4).map("".join)


def slow_verdict(columns: anct._Columns, row: list[str]) -> bool:
    """Whether the cell-by-cell path finds every code good (coordinates aside)."""
    problems = anct._bad_values(columns, row, 2)
    return not problems and bool(INSEE_CODE_PATTERN.match(row[columns.insee].strip()))


@pytest.mark.parametrize("with_postcode", [True, False])
@settings(max_examples=2000, deadline=None)
@given(insee=_CELL, departement=_CELL, postcode=_CELL)
@example(insee="64483", departement="64", postcode="64500")
@example(insee=" 2A004\n", departement="2A", postcode="")
@example(insee="64483", departement="64,", postcode="64500")
@example(insee="64483,64", departement="", postcode="")
@example(insee="64483", departement="", postcode="64500")
@example(insee="99999", departement="06", postcode="")
@example(insee="97411", departement="97", postcode="")
def test_one_match_says_what_the_cell_by_cell_checks_say(
    with_postcode: bool, insee: str, departement: str, postcode: str
) -> None:
    header = _HEADER if with_postcode else [c for c in _HEADER if c != "code_postal"]
    columns = anct._Columns(header)
    cells = {"insee_com": insee, "insee_dep": departement, "code_postal": postcode}
    row = [cells.get(column, "x") for column in header]
    fast = anct._good_code_row(columns, columns.code_cells(row))
    assert fast == slow_verdict(columns, row)


def test_the_usual_codes_are_good_and_a_comma_is_not() -> None:
    columns = anct._Columns(_HEADER)
    assert columns.good_codes("64483,64,64500")
    assert columns.good_codes(" 2A004 ,2A,")
    assert not columns.good_codes("64483,64,645,00")


def test_a_postcode_spelled_like_a_departement_code_is_refused(
    tmp_path: Path, runner: Runner
) -> None:
    """Codes found good were one set for both columns, so a postcode « 64 » passed once
    the département « 64 » had (on its own row, or any row before): the row was checked
    instead of named, and whether it was depended on the rows before it."""
    with ANCT_SAMPLE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    first = dict(rows[0], id_fs="1", insee_dep="64", insee_com="64483", code_postal="64500")
    second = dict(rows[0], id_fs="2", insee_dep="64", insee_com="64483", code_postal="64")
    path = tmp_path / "list.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows([first, second])
    skipped: list[str] = []
    results = check_anct_csv(path, runner, skipped=skipped)
    assert [result.id for result in results] == ["1"]
    assert skipped == [
        f"{path}: line 3: code_postal: expected a postcode of 5 ASCII digits, got '64'"
    ]


def test_a_commune_outside_its_departement_or_no_departement_is_refused(
    tmp_path: Path, runner: Runner
) -> None:
    """An empty ``insee_dep`` was accepted (the site summed under « ? »), and a commune
    code of another département (06 with 99999) passed (review 15e): both rows are named
    and skipped. The commune code starts with its département's: 2A/2B for Corse, three
    digits overseas and for the collectivités d'outre-mer."""
    with ANCT_SAMPLE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    codes = [
        *(("64", "64483"), ("2A", "2A004"), ("974", "97411"), ("988", "98818")),
        *(("", "07204"), ("06", "99999"), ("97", "97411"), ("20", "2A004"), ("2B", "2A004")),
    ]
    path = tmp_path / "list.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(
            dict(rows[0], id_fs=str(n), insee_dep=dep, insee_com=insee)
            for n, (dep, insee) in enumerate(codes, 1)
        )
    skipped: list[str] = []
    results = check_anct_csv(path, runner, skipped=skipped)
    assert [(r.id, r.departement) for r in results] == [
        ("1", "64"), ("2", "2A"), ("3", "974"), ("4", "988"),
    ]  # fmt: skip
    expected = "expected a commune of the row's insee_dep"
    assert skipped == [
        f"{path}: line 6: insee_dep: expected a département code (01, 2A, 974), got ''",
        f"{path}: line 7: insee_com: {expected} 06 (a code starting with 06), got '99999'",
        f"{path}: line 8: insee_com: {expected} 97 (a code starting with 97), got '97411'",
        f"{path}: line 9: insee_com: {expected} 20 (a code starting with 20), got '2A004'",
        f"{path}: line 10: insee_com: {expected} 2B (a code starting with 2B), got '2A004'",
    ]


#: Pieces of coordinate cells: numbers as the list writes them, and what float() reads
#: beyond them (exponents, underscores, nan, inf, other scripts' digits, blanks).
_COORDINATE_PIECES = st.sampled_from(
    [
        *("4", "5", "9", "0", "1", "18", "180", "90", ".", "-", "+", "e", "E", "_"),
        *("nan", "inf", "١", "４", " ", "\u00a0", "\t", ",", "x", ""),
    ]
)
_COORDINATE = st.lists(_COORDINATE_PIECES, max_size=6).map("".join)
#: Headers with both coordinate columns (in either order), one, or none.
_COORDINATE_HEADERS = [
    [*_HEADER, "latitude", "longitude"],
    [*_HEADER, "longitude", "latitude"],
    [*_HEADER, "latitude"],
    [*_HEADER, "longitude"],
    _HEADER,
]


@pytest.mark.parametrize("header", _COORDINATE_HEADERS, ids=lambda h: ",".join(h[-2:]))
@settings(max_examples=1500, deadline=None)
@given(latitude=_COORDINATE, longitude=_COORDINATE)
@example(latitude="43.38", longitude="-1.66")
@example(latitude="90", longitude="180.0000001")
@example(latitude="1e1", longitude="-1_0")
@example(latitude="nan", longitude="0")
@example(latitude="٤٥", longitude="1")
@example(latitude=" 45 ", longitude="1")
@example(latitude="", longitude="1")
def test_coordinates_in_range_say_what_the_cell_by_cell_checks_say(
    header: list[str], latitude: str, longitude: str
) -> None:
    """``_Columns.in_range`` (both coordinates in one expression) says "good" exactly
    when each coordinate cell is ASCII and a number within its bounds, as the loop it
    replaces did; and never for a row the cell-by-cell path (``_bad_values``) refuses."""
    columns = anct._Columns(header)
    cells = {"latitude": latitude, "longitude": longitude, "insee_com": "64483"}
    row = [cells.get(column, "x") for column in header]
    expected = True
    for column, (low, high) in anct._COORDINATES.items():
        if column in header:
            text = cells[column]
            try:
                expected = expected and text.isascii() and low <= float(text) <= high
            except ValueError:
                expected = False
    assert columns.in_range(row) is expected
    if expected:
        assert not [p for p in anct._bad_values(columns, row, 2) if "degrees" in p]
