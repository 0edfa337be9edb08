"""`mfs plugins --check`: built-ins pass; a deliberately bad plugin gives the right findings."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import attrs
import pytest

from mfs_core.cli import main
from mfs_core.errors import InputError
from mfs_core.model import Procedure
from mfs_core.registry import Registry
from mfs_core.validation import today_in_paris, validate

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = dt.date(2026, 11, 27)
#: A day on which the built-in data is fresh (the day its sources were last checked).
CHECKED_ON = dt.date(2026, 11, 29)

EXPECTED_BAD = {
    ("duplicate-id", "bad-fixture"),
    ("plugin-fault", "bad-fixture"),
    ("partner-domain-malformed", "bad"),
    ("online-url-not-https", "bad.http-url"),
    ("online-url-off-domain", "bad.off-domain"),
    ("online-url-malformed", "bad.broken-url"),
    ("unknown-partner", "nobody.orphan"),
    ("id-partner-mismatch", "caf.mismatch"),
    ("last-verified-stale", "bad.stale"),
    ("last-verified-missing", "bad.undated"),
    ("reference-missing", "bad.undated"),
    ("last-verified-future", "bad.future"),
    ("thematique-unknown", "bad.thematique"),
    ("rule-unknown-procedure", "bad.rule"),
    ("rule-unknown-fact", "bad.rule"),
    ("reason-missing", "bad.rule"),
}


@pytest.fixture
def bad_plugin_installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Install the bad fixture as a distribution found through its entry point only."""
    dist = tmp_path / "mfs_bad_fixture-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: mfs-bad-fixture\nVersion: 0.1\n", encoding="utf-8"
    )
    (dist / "entry_points.txt").write_text(
        "[mfs_core.plugins]\nbad-fixture = bad_plugin_fixture\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.syspath_prepend(str(FIXTURES))
    # Only this external plugin: the result must not depend on what else is installed.
    monkeypatch.setenv("MFS_PLUGINS_ENABLE", "bad-fixture")


def test_builtins_pass_validation() -> None:
    registry = Registry.load(external=False)
    assert validate(registry, today=CHECKED_ON) == []


def test_builtins_go_stale_after_the_maximum_age() -> None:
    """Every dated item goes stale; the procedures that claim no verification have no date
    to age (they are listed apart by --check)."""
    registry = Registry.load(external=False)
    items = [*registry.procedures.values(), *registry.referral_rules.values()]
    items += registry.checks.values()
    later = max(i.last_verified for i in items if i.last_verified) + dt.timedelta(days=731)
    findings = validate(registry, today=later)
    stale = {f.subject for f in findings if f.code == "last-verified-stale"}
    assert {f.code for f in findings} == {"last-verified-stale"}
    assert stale == {i.id for i in items if i.last_verified}


@pytest.mark.usefixtures("bad_plugin_installed")
def test_bad_plugin_findings() -> None:
    findings = validate(Registry.load(), today=TODAY)
    assert {(f.code, f.subject) for f in findings} == EXPECTED_BAD
    assert all(f.plugin == "bad-fixture" for f in findings)


def _age_limit() -> int:
    """A maximum age that keeps the built-ins (and the fixture's recent dates) fresh whatever
    the day the tests run, while 2020-01-01 stays stale."""
    registry = Registry.load(external=False)
    items = [*registry.procedures.values(), *registry.referral_rules.values()]
    oldest = min(i.last_verified for i in [*items, *registry.checks.values()] if i.last_verified)
    return (today_in_paris() - oldest).days + 365


@pytest.mark.usefixtures("bad_plugin_installed")
def test_cli_check_exits_1_with_named_findings(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["plugins", "--check", "--format", "json", "--max-age-days", str(_age_limit())])
    assert code == 1
    document = json.loads(capsys.readouterr().out)
    assert {(f["code"], f["subject"]) for f in document["findings"]} == EXPECTED_BAD
    assert document["max_age_days"] == _age_limit()


@pytest.mark.usefixtures("bad_plugin_installed")
def test_cli_max_age_comes_from_settings_unless_overridden(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MFS_MAX_VERIFICATION_AGE_DAYS", "100000")
    main(["plugins", "--check", "--format", "json"])
    document = json.loads(capsys.readouterr().out)
    assert document["max_age_days"] == 100000
    assert ("last-verified-stale", "bad.stale") not in {
        (f["code"], f["subject"]) for f in document["findings"]
    }
    assert main(["plugins", "--check", "--max-age-days", str(_age_limit())]) == 1
    assert "last-verified-stale: bad.stale:" in capsys.readouterr().out


def test_cli_check_clean_exit_0(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MFS_PLUGINS_ENABLE", "no-external-plugin-at-all")
    assert main(["plugins", "--check", "--max-age-days", str(_age_limit())]) == 0
    assert capsys.readouterr().out.startswith("0 finding(s)")


@pytest.mark.parametrize("value", ["0", "-3", "two", "365001", "99999999999999999999"])
def test_cli_bad_max_age_is_a_usage_error(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["plugins", "--check", "--max-age-days", value])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "--max-age-days" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("value", ["0", "365001", "99999999999"])
def test_bad_max_age_setting_is_one_error_line(
    value: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found by the #12 review: a huge setting overflowed the date arithmetic (traceback)."""
    monkeypatch.setenv("MFS_MAX_VERIFICATION_AGE_DAYS", value)
    assert main(["plugins", "--check"]) == 2
    err = capsys.readouterr().err
    assert "max_verification_age_days" in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_validate_refuses_an_age_beyond_its_bound() -> None:
    from mfs_core.validation import MAX_AGE_DAYS_LIMIT

    registry = Registry.load(external=False)
    with pytest.raises(InputError, match="from 1 to"):
        validate(registry, max_age_days=MAX_AGE_DAYS_LIMIT + 1)
    validate(registry, max_age_days=MAX_AGE_DAYS_LIMIT)  # the bound itself is fine


def test_malformed_fiche_id_is_found_even_if_a_plugin_bypasses_the_model() -> None:
    registry = Registry.load(external=False)
    procedure = registry.procedures["dgfip.declaration-revenus"]
    broken = attrs.evolve(procedure)
    object.__setattr__(broken, "fiche_id", "X358")  # what attrs validators normally prevent
    procedures: dict[str, Procedure] = {**registry.procedures, broken.id: broken}
    tampered = Registry(
        partners=registry.partners,
        procedures=procedures,
        referral_rules=registry.referral_rules,
        checks=registry.checks,
        plugins=registry.plugins,
        faults=registry.faults,
    )
    findings = validate(tampered, today=CHECKED_ON)
    assert [(f.code, f.subject) for f in findings] == [
        ("fiche-id-malformed", "dgfip.declaration-revenus")
    ]
