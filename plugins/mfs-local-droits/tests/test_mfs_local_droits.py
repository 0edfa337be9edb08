"""The local-partner template loads, validates, refers, and its check reads a site defensively.

Written with :mod:`mfs_core.testing`, the toolkit for plugin authors: copy these tests with the
template.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest
from mfs_core.officialsites import OfficialSites, WebsiteKind
from mfs_core.plugin import Check, PartnerKind, ReferralTarget, Severity
from mfs_core.registry import Registry
from mfs_core.routing import DecisionKind, Permanence, SiteContext, Weekday, default_context
from mfs_core.testing import (
    assert_entry_point_installed,
    assert_plugin_valid,
    check_plugin,
    load_plugin,
    route_once,
    run_check,
    site_from,
)
from mfs_core.validation import validate

from mfs_local_droits import plugin

if TYPE_CHECKING:
    from mfs_core.plugin import Site


@pytest.fixture(scope="module")
def registry() -> Registry:
    # Built-ins too: the association's rule names a Justice procedure.
    return load_plugin(plugin)


def test_entry_point_is_installed_and_loads_cleanly() -> None:
    info = assert_entry_point_installed("local-droits")
    assert info.distribution == "mfs-local-droits"
    assert (info.partners, info.procedures, info.referral_rules, info.checks) == (1, 2, 2, 1)


def test_contributions(registry: Registry) -> None:
    assert registry.faults == ()
    partner = registry.partners["local-droits"]
    assert partner.kind is PartnerKind.LOCAL
    assert partner.domains == ("example.org",)
    assert len(registry.procedures_of("local-droits")) == 2
    rules = [r for r in registry.referral_rules.values() if r.partner == "local-droits"]
    assert {r.target for r in rules} == {ReferralTarget.PERMANENCE, ReferralTarget.VIDEO}
    assert "local-droits.permanence-ou-visio" in registry.checks


def test_validation_passes_with_the_builtins(registry: Registry) -> None:
    assert_plugin_valid(plugin, registry=registry, today=plugin.CHECKED_ON)
    assert validate(registry, today=plugin.CHECKED_ON) == []


def test_rule_on_a_missing_procedure_is_found() -> None:
    # Without the built-ins the Justice procedure the rule names does not exist.
    findings = check_plugin(plugin, with_builtins=False, today=plugin.CHECKED_ON)
    assert [(f.code, f.subject, f.plugin) for f in findings] == [
        ("rule-unknown-procedure", "local-droits.litige", "local-droits")
    ]
    with pytest.raises(AssertionError, match=r"rule-unknown-procedure  local-droits\.litige: "):
        assert_plugin_valid(plugin, with_builtins=False, today=plugin.CHECKED_ON)


def test_a_dispute_on_free_legal_advice_goes_to_the_permanence(registry: Registry) -> None:
    decision = route_once(registry, "justice.consultation-avocat-gratuite", facts=["dispute"])
    assert (decision.kind, decision.rule, decision.target) == (
        DecisionKind.REFERRAL,
        "local-droits.litige",
        ReferralTarget.PERMANENCE,
    )
    # The association's rule (priority 15) passes before the Justice built-in's.
    assert [e.rule for e in decision.trace if e.fired][1:] == ["justice.litige-point-justice"]


def test_research_goes_to_a_video_appointment(registry: Registry) -> None:
    decision = route_once(registry, "local-droits.permanence-juridique", facts=["needs_research"])
    assert (decision.rule, decision.target) == ("local-droits.recherches", ReferralTarget.VIDEO)


def test_a_permanence_held_today_is_offered(registry: Registry) -> None:
    monday = dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    held = Permanence(
        partner="local-droits", weekday=Weekday.MONDAY, start=dt.time(14), end=dt.time(17)
    )
    context = SiteContext(agents_on_duty=2, waiting=0, now=monday, permanences=(held,))
    decision = route_once(
        registry, "local-droits.permanence-juridique", facts=["needs_research"], context=context
    )
    assert (decision.target, decision.suggested_slot) == (
        ReferralTarget.PERMANENCE,
        monday.replace(hour=14),
    )


def test_no_referral_without_its_facts(registry: Registry) -> None:
    quiet = default_context(dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.UTC))
    decision = route_once(registry, "local-droits.rendez-vous-video", context=quiet)
    assert (decision.kind, decision.rule) == (
        DecisionKind.APPOINTMENT,
        "core.needs-appointment",
    )


def test_its_domain_is_official_for_mfs_url(registry: Registry) -> None:
    verdict = OfficialSites.from_registry(registry).classify("https://example.org/rendez-vous")
    assert (verdict.verdict, verdict.partner) == (WebsiteKind.PARTNER, "local-droits")


@pytest.fixture(scope="module")
def check() -> Check:
    return load_plugin(plugin, with_builtins=False).checks["local-droits.permanence-ou-visio"]


def site_offering(**offers: list[str]) -> Site:
    """A minimal site (as read from a site file) offering these partners, e.g.
    ``site_offering(dgfip=["referent"])``."""
    data = {
        "id": "test",
        "name": "Site de test",
        "porteur": "CCAS",
        "insee_code": "64483",
        "format": "fixed",
        "partners": [{"code": code, "how": how} for code, how in offers.items()],
    }
    return site_from(data, as_of=plugin.CHECKED_ON)


@pytest.mark.parametrize(
    "offers",
    [
        {"local-droits": ["permanence"]},
        {"local-droits": ["video", "referent"]},
        {"dgfip": ["referent"], "caf": ["referent"]},  # not offered: nothing to say
    ],
)
def test_check_passes(check: Check, offers: dict[str, list[str]]) -> None:
    assert run_check(check, site_offering(**offers)) == []


def test_check_fails_without_permanence_or_video(check: Check) -> None:
    [finding] = run_check(
        check, site_offering(dgfip=["referent"], **{"local-droits": ["referent"]})
    )
    assert "sans permanence ni rendez-vous en visioconférence (referent)" in finding.message
    assert finding.field == "partners[1].how"


def test_mfs_check_reports_it_as_a_warning() -> None:
    """Run by the core's runner beside the label's checks: a warning, never a fault."""
    from mfs_core.compliance.runner import Runner

    site = site_offering(**{"local-droits": ["referent"]})
    result = Runner(load_plugin(plugin), as_of=plugin.CHECKED_ON).check_site(site)
    [finding] = [f for f in result.findings if f.check == "local-droits.permanence-ou-visio"]
    assert finding.level is Severity.WARNING
    assert "a produit" not in finding.message  # not the runner's "wrong type" fault
