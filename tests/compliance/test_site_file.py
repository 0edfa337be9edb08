"""Site files: bad TOML and wrong types are input errors naming file and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from mfs_core.compliance.site import Site, load_site
from mfs_core.errors import InputError

from .sites import AGENTS, EQUIPMENT, HOURS, IDENTITY, NINE


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "site.toml"
    path.write_text(text, encoding="utf-8")
    return path


def problems(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(InputError) as info:
        load_site(write(tmp_path, text))
    return info.value.problems


def test_valid_file(tmp_path: Path) -> None:
    site = load_site(write(tmp_path, IDENTITY + HOURS + AGENTS + NINE + EQUIPMENT))
    assert isinstance(site, Site)
    assert site.insee_code == "64483"
    assert [a.id for a in site.agents] == ["a", "b"]


def test_bad_toml_names_file_and_line(tmp_path: Path) -> None:
    [line] = problems(tmp_path, 'id = "x"\nname = \n')
    assert line.startswith(f"{tmp_path / 'site.toml'}: invalid TOML")
    assert "line 2" in line


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        load_site(tmp_path / "absent.toml")


def test_wrong_date_type(tmp_path: Path) -> None:
    text = IDENTITY.replace("labelled_on = 2022-07-01", 'labelled_on = "juillet 2022"') + HOURS
    [line] = problems(tmp_path, text)
    assert "site.toml: labelled_on: expected an ISO date" in line


def test_wrong_nested_type(tmp_path: Path) -> None:
    text = (
        IDENTITY
        + HOURS
        + AGENTS.replace(
            'completed_on = 2022-05-20, provider = "CNFPT"',
            "completed_on = 2022-05-20, provider = 12",
            1,
        )
    )
    [line] = problems(tmp_path, text)
    assert "agents[0].initial_training.provider: expected a string" in line


def test_unknown_key(tmp_path: Path) -> None:
    [line] = problems(tmp_path, IDENTITY + 'horaires = "lundi"\n' + HOURS)
    assert "unknown key horaires" in line


def test_missing_required_fields(tmp_path: Path) -> None:
    lines = problems(tmp_path, 'id = "x"\nname = "y"\n')
    assert [line.split(": ", 1)[1] for line in lines] == [
        "porteur: required field missing",
        "insee_code: required field missing",
    ]


def test_invalid_insee_code(tmp_path: Path) -> None:
    [line] = problems(tmp_path, IDENTITY.replace('"64483"', '"6448"') + HOURS)
    assert "insee_code" in line or "INSEE" in line


def test_invalid_osm_expression(tmp_path: Path) -> None:
    [line] = problems(tmp_path, IDENTITY + '[hours]\nosm = "Mo-Zz 09:00"\n')
    assert "hours" in line
    assert "invalid opening_hours expression" in line


def test_hours_need_exactly_one_form(tmp_path: Path) -> None:
    text = IDENTITY + '[hours]\nosm = "Mo 09:00-12:00"\n[hours.table]\nlundi = ["09:00-12:00"]\n'
    [line] = problems(tmp_path, text)
    assert "hours: expected exactly one of osm" in line


def test_overlapping_table_slots_are_an_input_error(tmp_path: Path) -> None:
    text = IDENTITY + '[hours.table]\nlundi = ["09:00-12:00", "11:00-13:00"]\n'
    [line] = problems(tmp_path, text)
    assert "hours.table" in line
    assert "chevauchent" in line


def test_presence_of_unknown_agent(tmp_path: Path) -> None:
    text = IDENTITY + HOURS + AGENTS + '[[presence]]\nagent = "z"\nhours.osm = "Mo 09:00-12:00"\n'
    [line] = problems(tmp_path, text)
    assert "presence[0].agent: unknown agent 'z'" in line


def test_waiver_needs_a_reason(tmp_path: Path) -> None:
    text = IDENTITY + HOURS + '[[waivers]]\ncheck = "label.staffing"\nreason = " "\n'
    text += "until = 2027-01-01\n"
    [line] = problems(tmp_path, text)
    assert "reason: expected a non-empty string" in line


def test_waiver_needs_an_end_date(tmp_path: Path) -> None:
    text = IDENTITY + HOURS + '[[waivers]]\ncheck = "label.staffing"\nreason = "montagne"\n'
    lines = problems(tmp_path, text)
    assert any("waivers[0]" in line and "until" in line for line in lines)


def test_bad_enum(tmp_path: Path) -> None:
    [line] = problems(tmp_path, IDENTITY + 'format = "bus"\n' + HOURS)
    assert "format: 'bus' is not one of 'fixed', 'mobile', 'antenna', 'multi-site'" in line


def test_bad_insee_code_names_its_field(tmp_path: Path) -> None:
    text = IDENTITY.replace('insee_code = "64483"', 'insee_code = "6448"') + HOURS
    [line] = problems(tmp_path, text)
    assert line.startswith(f"{tmp_path / 'site.toml'}: insee_code: expected an INSEE commune")


def test_bad_opening_hours_expression_names_the_osm_field(tmp_path: Path) -> None:
    text = IDENTITY + HOURS.replace(HOURS.split('"')[1], "Mo-Fr 25:00-26:00")
    [line] = problems(tmp_path, text)
    assert line.startswith(f"{tmp_path / 'site.toml'}: hours: osm: invalid opening_hours")


def test_an_integer_too_long_for_python_is_an_input_error(tmp_path: Path) -> None:
    # tomllib lets int()'s ValueError through past 4,300 digits (found by the CLI fuzz
    # test): a traceback before.
    path = tmp_path / "site.toml"
    path.write_text(
        IDENTITY + "[equipment]\npublic_computers = " + "9" * 5000 + "\n", encoding="utf-8"
    )
    with pytest.raises(InputError, match="an integer of more than 4,300 digits") as raised:
        load_site(path)
    assert "9999" not in str(raised.value)


def _alternating_slots(expression_chars: int, shift: int) -> str:
    """A valid opening_hours expression of about ``expression_chars`` characters: minute
    slots on alternating weeks (the costliest shape to evaluate over a year)."""
    slots, minute = [], 0
    while 40 + 12 * len(slots) < expression_chars:
        slots.append(
            f"{minute // 60:02d}:{minute % 60:02d}-{minute // 60:02d}:{minute % 60 + 1:02d}"
        )
        minute += 2
    return f"week 1-53/2 Mo-Fr {','.join(slots)}; Sa 09:00-12:{shift:02d}"


def test_a_site_whose_hours_are_too_costly_is_refused_before_evaluation(tmp_path: Path) -> None:
    # Review 16c: 60 locations of 1,900-character expressions cost 7 s of CPU (a 117 KB
    # body to POST /check). Refused from their total length, naming no expression.
    expressions = [_alternating_slots(1900, n) for n in range(60)]
    locations = "".join(
        f'[[locations]]\nname = "lieu {n}"\n[locations.hours]\nosm = "{e}"\n'
        for n, e in enumerate(expressions)
    )
    path = tmp_path / "site.toml"
    path.write_text(IDENTITY + locations, encoding="utf-8")
    with pytest.raises(InputError, match="expected at most 16,000") as raised:
        load_site(path)
    assert expressions[0][:40] not in str(raised.value)
    # One location with the same expression repeated counts once (distinct expressions).
    path.write_text(
        IDENTITY
        + "".join(
            f'[[locations]]\nname = "lieu {n}"\n[locations.hours]\nosm = "{expressions[0]}"\n'
            for n in range(60)
        ),
        encoding="utf-8",
    )
    assert len(load_site(path).locations) == 60


def test_a_long_expression_is_described_not_quoted(tmp_path: Path) -> None:
    expression = _alternating_slots(1900, 0) + "; Su unknown"
    path = tmp_path / "site.toml"
    path.write_text(IDENTITY + f'[hours]\nosm = "{expression}"\n', encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_site(path)
    message = str(raised.value)
    assert f"of {len(expression):,} characters" in message
    assert expression[:60] not in message
