"""Partners' data files: the format, its generated schema, the loader and its errors."""

from __future__ import annotations

import datetime as dt
import json
import sys
import textwrap
import tomllib
from pathlib import Path
from typing import Any

import attrs
import pytest

from mfs_core import datafile
from mfs_core.datafile import (
    FIELD_DOCS,
    SCHEMA_PATH,
    DataPlugin,
    PartnerData,
    data_schema,
    load_data_file,
    read_data,
    render_schema,
)
from mfs_core.errors import InputError
from mfs_core.model import ReferralRule
from mfs_core.partners import PARTNER_PLUGINS
from mfs_core.registry import Registry
from mfs_core.validation import validate

DATA = Path(datafile.__file__).parent / "partners"
GOOD = """\
format_version = 1

[partner]
code = "droits-info"
name = "Droits info (exemple)"
kind = "local"
domains = ["example.org"]
reference = "example values"

[[procedures]]
id = "droits-info.permanence"
title = "Permanence juridique"
reference = "example values"
last_verified = 2026-11-01

[[procedures]]
id = "droits-info.visio"
title = "Rendez-vous en visio"
channels = ["video"]
reference = "example values"
last_verified = 2026-11-01

[[referral_rules]]
id = "droits-info.litige"
target = "permanence"
when_facts = ["dispute"]
reason = "Le litige relève de la permanence."
reference = "example values"
last_verified = 2026-11-01
"""


def _write(tmp_path: Path, text: str, name: str = "droits-info.toml") -> DataPlugin:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_data_file(path)


def _plain(value: Any) -> Any:
    """TOML values as JSON has them (dates as ISO strings), to validate against the schema."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


@pytest.fixture(autouse=True)
def _no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MFS_CACHE_DIR", "off")  # these tests are about reading the files


def test_committed_schema_is_current() -> None:
    assert SCHEMA_PATH.read_text(encoding="utf-8") == render_schema(), (
        "regenerate with: python -m mfs_core.datafile"
    )


def test_every_field_of_the_format_is_documented() -> None:
    """The generated reference page lists each field with its meaning: a field added to the
    model without one fails here."""
    for cls, docs in FIELD_DOCS.items():
        fields = {f.name for f in attrs.fields(cls)} - {"provenance"}
        assert set(docs) == fields, cls.__name__
    schema = data_schema()
    for name, definition in schema["$defs"].items():
        for key, prop in definition["properties"].items():
            assert prop.get("description"), f"{name}.{key}"


@pytest.mark.parametrize("name", sorted(PARTNER_PLUGINS))
def test_built_in_data_files_follow_the_schema(name: str) -> None:
    import jsonschema

    document = tomllib.loads((DATA / PARTNER_PLUGINS[name]).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(
        data_schema(), format_checker=jsonschema.FormatChecker()
    ).validate(_plain(document))


def test_schema_refuses_what_the_loader_refuses() -> None:
    import jsonschema

    validator = jsonschema.Draft202012Validator(data_schema())
    good = _plain(tomllib.loads(GOOD))
    assert not list(validator.iter_errors(good))
    bad = json.loads(json.dumps(good))
    bad["procedures"][0]["colour"] = "red"
    bad["procedures"][1]["channels"] = ["carrier pigeon"]
    assert len(list(validator.iter_errors(bad))) == 2


def test_a_data_file_is_a_plugin(tmp_path: Path) -> None:
    plugin = _write(tmp_path, GOOD)
    registry = Registry.load(builtins=False, external=False, extra=[("droits-info", plugin)])
    assert registry.faults == ()
    assert list(registry.procedures) == ["droits-info.permanence", "droits-info.visio"]
    assert registry.procedures["droits-info.visio"].channels == ("video",)
    rule = registry.referral_rules["droits-info.litige"]
    assert (rule.partner, rule.target.value) == ("droits-info", "permanence")
    data = read_data(plugin)
    assert isinstance(data, PartnerData)
    assert data.partner is not None
    assert data.partner.code == "droits-info"


def test_a_bad_entry_is_left_out_and_named_the_others_are_kept(tmp_path: Path) -> None:
    text = GOOD.replace('channels = ["video"]', 'channels = ["carrier pigeon"]').replace(
        'title = "Permanence juridique"', 'title = "Permanence juridique"\ncolour = "red"'
    )
    plugin = _write(tmp_path, text)
    registry = Registry.load(builtins=False, external=False, extra=[("droits-info", plugin)])
    assert set(registry.partners) == {"droits-info"}
    assert set(registry.referral_rules) == {"droits-info.litige"}
    assert registry.procedures == {}
    faults = {f.subject: f for f in registry.faults}
    assert set(faults) == {"droits-info.permanence", "droits-info.visio"}
    assert "procedures[0]: unknown key colour" in faults["droits-info.permanence"].message
    assert "procedures[1]: channels[0]: 'carrier pigeon' is not one of" in (
        faults["droits-info.visio"].message
    )
    findings = validate(registry, today=dt.date(2026, 11, 2))
    # The code a Python plugin gets for the same mistake; data-entry-invalid for what only
    # a file can get wrong (an unknown key).
    assert {(f.code, f.subject) for f in findings} == {
        ("data-entry-invalid", "droits-info.permanence"),
        ("value-not-allowed", "droits-info.visio"),
    }
    with pytest.raises(InputError) as error:
        read_data(plugin)
    assert len(error.value.problems) == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("format_version = 1\n[[procedures]\n", "invalid TOML"),
        ("format_version = 2\n", "format_version: expected 1, got 2"),
        ("procedures = []\n", "format_version: expected 1, got None"),
        ("format_version = 1\nprocedures = 3\n", "procedures: expected a list of tables"),
        ("format_version = 1\npartner = 'caf'\n", "partner: expected a table"),
        ("format_version = 1\nx = " + "[" * 200 + "]" * 200 + "\n", "nested deeper"),
        (b"format_version = 1\n# \xff\n", "expected UTF-8 text"),
    ],
)
def test_a_broken_file_is_a_fault_of_its_plugin_only(
    tmp_path: Path, text: str | bytes, expected: str
) -> None:
    path = tmp_path / "broken.toml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    extra = [("broken", load_data_file(path)), ("good", _write(tmp_path, GOOD))]
    registry = Registry.load(builtins=False, external=False, extra=extra)
    assert set(registry.procedures) == {"droits-info.permanence", "droits-info.visio"}
    assert registry.faults
    assert {f.plugin for f in registry.faults} == {"broken"}
    assert all(str(path) in f.message and expected in f.message for f in registry.faults)


@pytest.mark.parametrize(
    ("change", "code"),
    [
        (
            ('channels = ["video"]', 'channels = ["video"]\nfiche_id = "F 2086"'),
            "fiche-id-malformed",
        ),
        (('channels = ["video"]', 'channels = ["fax"]'), "value-not-allowed"),
        (('channels = ["video"]', 'channels = "video"'), "value-wrong-type"),
        (('title = "Rendez-vous en visio"', "title = 12"), "value-wrong-type"),
        (("last_verified = 2026-11-01", "last_verified = 2026-11-01T10:00:00"), "value-wrong-type"),
    ],
)
def test_a_data_file_mistake_has_the_code_of_the_same_python_mistake(
    tmp_path: Path, change: tuple[str, str], code: str
) -> None:
    """Found by the #12 review: a data file's malformed fiche id or enum value was
    data-entry-invalid where Python gets fiche-id-malformed / value-not-allowed, and a
    date-time was truncated to a date in silence where Python refuses it."""
    old, new = change
    visio = GOOD.index("[[procedures]]", GOOD.index("[[procedures]]") + 1)
    assert old in GOOD[visio:], old
    text = GOOD[:visio] + GOOD[visio:].replace(old, new, 1)
    registry = Registry.load(
        builtins=False, external=False, extra=[("droits-info", _write(tmp_path, text))]
    )
    assert list(registry.procedures) == ["droits-info.permanence"]  # the other one kept
    [fault] = registry.faults
    assert (fault.code, fault.subject) == (code, "droits-info.visio")


def test_an_unknown_top_level_key_is_a_finding_the_rest_is_kept(tmp_path: Path) -> None:
    """Found by the #12 review: [[rules]] for [[referral_rules]] lost the whole file."""
    text = GOOD + '\n[[rules]]\nid = "droits-info.x"\n'
    registry = Registry.load(
        builtins=False, external=False, extra=[("droits-info", _write(tmp_path, text))]
    )
    assert set(registry.procedures) == {"droits-info.permanence", "droits-info.visio"}
    assert set(registry.referral_rules) == {"droits-info.litige"}
    [fault] = registry.faults
    assert (fault.code, fault.subject) == ("data-entry-invalid", "rules")
    assert "unknown top-level key 'rules' (expected format_version, partner" in fault.message
    assert fault.message.startswith("what is under the key 'rules' left out: ")


def test_predicates_come_from_the_plugins_own_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "mfs_fixture_datapkg"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "rules.py").write_text(
        "def evening(request, context):\n    return False\n", encoding="utf-8"
    )
    rules = textwrap.dedent(
        """
        [[referral_rules]]
        id = "droits-info.soir"
        target = "video"
        reason = "Le soir, un rendez-vous en visio."
        reference = "example values"
        last_verified = 2026-11-01
        predicate = "{}"
        """
    )
    text = GOOD + "".join(
        rules.format(p).replace("droits-info.soir", f"droits-info.soir-{i}")
        for i, p in enumerate(
            [
                "mfs_fixture_datapkg.rules:evening",
                "os:system",
                "mfs_fixture_datapkg.rules:missing",
                "not a reference",
            ]
        )
    )
    (package / "droits-info.toml").write_text(text, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        plugin = datafile.load_data("mfs_fixture_datapkg", "droits-info.toml")
        registry = Registry.load(builtins=False, external=False, extra=[("droits-info", plugin)])
    finally:
        for name in [m for m in sys.modules if m.startswith("mfs_fixture_datapkg")]:
            del sys.modules[name]
    rule: ReferralRule = registry.referral_rules["droits-info.soir-0"]
    assert rule.predicate is not None
    assert rule.predicate.__name__ == "evening"
    messages = {f.subject: f.message for f in registry.faults}
    assert set(messages) == {"droits-info.soir-1", "droits-info.soir-2", "droits-info.soir-3"}
    assert "not a function of the plugin's own package" in messages["droits-info.soir-1"]
    assert "cannot be imported" in messages["droits-info.soir-2"]
    assert 'expected "module:function"' in messages["droits-info.soir-3"]


def test_a_file_read_by_path_has_no_predicates(tmp_path: Path) -> None:
    text = GOOD.replace(
        'reason = "Le litige', 'predicate = "mfs_core.model:as_offset"\nreason = "Le litige'
    )
    registry = Registry.load(
        builtins=False, external=False, extra=[("droits-info", _write(tmp_path, text))]
    )
    assert [f.subject for f in registry.faults] == ["droits-info.litige"]
    assert "a data file read from a path has none" in registry.faults[0].message


def test_the_cache_gives_the_same_objects_and_follows_edits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MFS_CACHE_DIR", str(tmp_path / "cache"))
    first = read_data(_write(tmp_path, GOOD))
    assert len(list((tmp_path / "cache").iterdir())) == 1
    again = read_data(_write(tmp_path, GOOD))
    assert again == first
    edited = read_data(_write(tmp_path, GOOD.replace("Permanence juridique", "Permanence")))
    assert edited.procedures[0].title == "Permanence"
    assert len(list((tmp_path / "cache").iterdir())) == 2


def test_a_damaged_or_foreign_cache_file_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("MFS_CACHE_DIR", str(cache))
    expected = read_data(_write(tmp_path, GOOD))
    (entry,) = cache.iterdir()
    entry.write_bytes(b"not a pickle")
    assert read_data(_write(tmp_path, GOOD)) == expected
    entry.chmod(0o666)  # writable by others: never unpickled
    entry.write_bytes(b"not a pickle either")
    assert read_data(_write(tmp_path, GOOD)) == expected
