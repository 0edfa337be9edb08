"""Waivers suppress findings visibly; expired, unused and duplicate waivers are findings."""

from __future__ import annotations

import datetime as dt

from mfs_core.compliance.findings import CheckStatus
from mfs_core.compliance.runner import Runner
from mfs_core.registry import Registry

from .sites import make_site

NO_PRINTER = "[equipment]\npublic_computers = 1\ninternet_access = true\nscanner = true\n"
NO_PRINTER += "video = true\nconfidential_space = true\n"


def waiver(check: str, until: str, reason: str = "Imprimante commandée") -> str:
    return f'[[waivers]]\ncheck = "{check}"\nreason = "{reason}"\nuntil = {until}\n'


def test_valid_waiver_suppresses_and_keeps_the_finding_visible(registry: Registry) -> None:
    result = Runner(registry, as_of=dt.date(2026, 11, 27)).check_site(
        make_site(equipment=NO_PRINTER, extra=waiver("label.equipment", "2027-03-31"))
    )
    [finding] = result.findings
    assert finding.check == "label.equipment"
    assert finding.suppressed
    assert finding.waiver is not None
    assert finding.waiver.reason == "Imprimante commandée"
    assert result.active == ()
    assert result.statuses["label.equipment"] is CheckStatus.WAIVED
    assert result.compliant


def test_waiver_applies_up_to_its_last_day(registry: Registry) -> None:
    site = make_site(equipment=NO_PRINTER, extra=waiver("label.equipment", "2027-03-31"))
    on_last_day = Runner(registry, as_of=dt.date(2027, 3, 31)).check_site(site)
    assert [f.check for f in on_last_day.findings] == ["label.equipment"]
    assert on_last_day.findings[0].suppressed
    day_after = Runner(registry, as_of=dt.date(2027, 4, 1)).check_site(site)
    assert [(f.check, f.suppressed) for f in day_after.findings] == [
        ("label.equipment", False),
        ("label.waiver-expired", False),
    ]
    assert day_after.findings[1].message == (
        "la dérogation à « label.equipment » a pris fin le 31/03/2027"
    )
    assert not day_after.compliant


def test_unused_waiver_is_a_finding(registry: Registry) -> None:
    result = Runner(registry, as_of=dt.date(2026, 11, 27)).check_site(
        make_site(extra=waiver("label.staffing", "2027-01-01", "Zone de montagne"))
    )
    assert [(f.check, f.level.value) for f in result.findings] == [("label.waiver-unused", "error")]
    assert "inutile" in result.findings[0].message
    assert result.findings[0].field == "waivers[0]"


def test_waiver_of_an_unknown_check_is_a_finding(registry: Registry) -> None:
    result = Runner(registry, as_of=dt.date(2026, 11, 27)).check_site(
        make_site(extra=waiver("label.stafing", "2027-01-01"))
    )
    [finding] = result.findings
    assert finding.check == "label.waiver-unused"
    assert "aucun contrôle ne porte cet identifiant" in finding.message


def test_duplicate_waiver_is_a_finding(registry: Registry) -> None:
    extra = waiver("label.equipment", "2027-01-01") + waiver("label.equipment", "2027-06-01")
    result = Runner(registry, as_of=dt.date(2026, 11, 27)).check_site(
        make_site(equipment=NO_PRINTER, extra=extra)
    )
    assert [(f.check, f.suppressed) for f in result.findings] == [
        ("label.equipment", True),
        ("label.waiver-unused", False),
    ]
    assert result.findings[0].waiver is not None
    assert result.findings[0].waiver.until == dt.date(2027, 1, 1)


def test_mountain_waiver_of_the_presence_rule(registry: Registry) -> None:
    presence = (
        '[[presence]]\nagent = "a"\nhours.osm = "Mo-Fr 09:00-12:00,13:30-17:00"\n'
        '[[presence]]\nagent = "b"\nhours.osm = "Mo,Tu,Th,Fr 09:00-12:00,13:30-17:00"\n'
    )
    extra = presence + waiver("label.staffing", "2027-06-30", "Zone de montagne")
    result = Runner(registry, as_of=dt.date(2026, 11, 27)).check_site(make_site(extra=extra))
    [finding] = result.findings
    assert finding.check == "label.staffing"
    assert finding.suppressed
    assert result.compliant
