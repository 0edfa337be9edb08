"""The bundled examples produce exactly the findings their ``*.expected.json`` list."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from mfs_core.compliance.runner import Runner
from mfs_core.compliance.schema import SCHEMA_PATH, render, site_schema
from mfs_core.registry import Registry

from .conftest import EXAMPLES

SITE_FILES = sorted(EXAMPLES.glob("*.toml"))


def test_there_are_a_compliant_and_several_non_compliant_examples() -> None:
    names = {p.stem for p in SITE_FILES}
    assert "saint-jean-de-luz" in names
    assert len(names) >= 4
    for path in SITE_FILES:
        assert (EXAMPLES / f"{path.stem}.expected.json").exists(), path


@pytest.mark.parametrize("path", SITE_FILES, ids=lambda p: p.stem)
def test_example_findings(path: Path, registry: Registry) -> None:
    expected = json.loads((EXAMPLES / f"{path.stem}.expected.json").read_text(encoding="utf-8"))
    runner = Runner(registry, as_of=dt.date.fromisoformat(expected["as_of"]))
    [result] = runner.check_files([path])
    assert result.id == expected["id"]
    assert result.compliant is expected["compliant"]
    assert result.weekly_hours == expected["weekly_hours"]
    assert result.opening_days == expected["opening_days"]
    # The label's own checks and the runner's: partner plugins may add checks of their own.
    label = {c.id for c in runner.catalogue if c.id.startswith("label.")}
    found = [
        {
            "check": f.check,
            "severity": f.level.value,
            "message": f.message,
            "suppressed": f.suppressed,
        }
        for f in result.findings
        if f.check in label
    ]
    assert found == expected["findings"]


def test_saint_jean_de_luz_is_compliant(registry: Registry) -> None:
    [result] = Runner(registry).check_files([EXAMPLES / "saint-jean-de-luz.toml"])
    assert result.compliant
    assert result.weekly_hours == 35
    assert result.opening_days == 5


def _jsonable(value: Any) -> Any:
    """TOML dates become ISO strings, as the schema describes them."""
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


@pytest.mark.parametrize("path", SITE_FILES, ids=lambda p: p.stem)
def test_examples_validate_against_the_generated_schema(path: Path) -> None:
    data = _jsonable(tomllib.loads(path.read_text(encoding="utf-8")))
    validator = jsonschema.Draft202012Validator(
        site_schema(), format_checker=jsonschema.FormatChecker()
    )
    assert list(validator.iter_errors(data)) == []


def test_schema_rejects_what_the_loader_rejects() -> None:
    validator = jsonschema.Draft202012Validator(site_schema())
    base = _jsonable(tomllib.loads((EXAMPLES / "saint-jean-de-luz.toml").read_text("utf-8")))
    assert validator.is_valid(base)
    for broken in (
        {**base, "horaires": "lundi"},
        {**base, "insee_code": "6448"},
        {**base, "format": "bus"},
        {**base, "hours": {"osm": "Mo 09:00-12:00", "table": {"lundi": ["09:00-12:00"]}}},
        {k: v for k, v in base.items() if k != "porteur"},
        {**base, "waivers": [{"check": "label.staffing", "reason": "x"}]},
    ):
        assert not validator.is_valid(broken), broken


def test_schema_file_is_up_to_date() -> None:
    assert SCHEMA_PATH.read_text(encoding="utf-8") == render(), (
        "regenerate with: python -m mfs_core.compliance.schema"
    )
