"""The local-partner template loads, validates, refers, and its check reads a site defensively."""

from __future__ import annotations

import importlib.metadata
import types
from typing import Any

import pytest
from mfs_core.model import PartnerKind, ReferralTarget
from mfs_core.officialsites import OfficialSites, SiteVerdict
from mfs_core.registry import Registry
from mfs_core.validation import validate

from mfs_local_droits import plugin


@pytest.fixture(scope="module")
def registry() -> Registry:
    # Built-ins too: the association's rule names a Justice procedure.
    return Registry.load(external=False, extra=[("local-droits", plugin)])


def test_entry_point_is_declared() -> None:
    names = {ep.name for ep in importlib.metadata.entry_points(group="mfs_core.plugins")}
    assert "local-droits" in names


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
    assert validate(registry, today=plugin.CHECKED_ON) == []


def test_rule_on_a_missing_procedure_is_found() -> None:
    # Without the built-ins the Justice procedure the rule names does not exist.
    alone = Registry.load(builtins=False, external=False, extra=[("local-droits", plugin)])
    findings = validate(alone, today=plugin.CHECKED_ON)
    assert [(f.code, f.subject) for f in findings] == [
        ("rule-unknown-procedure", "local-droits.litige")
    ]


def test_its_domain_is_official_for_mfs_url(registry: Registry) -> None:
    verdict = OfficialSites.from_registry(registry).classify("https://example.org/rendez-vous")
    assert (verdict.verdict, verdict.partner) == (SiteVerdict.PARTNER, "local-droits")


def _evaluate(site: Any) -> list[str]:
    check = Registry.load(builtins=False, external=False, extra=[("l", plugin)]).checks[
        "local-droits.permanence-ou-visio"
    ]
    assert check.evaluate is not None
    return list(check.evaluate(site))


@pytest.mark.parametrize(
    "partners",
    [
        {"local-droits": "permanence"},
        {"local-droits": ["video", "referent"]},
        [{"code": "local-droits", "modes": ["permanence"]}],
        [types.SimpleNamespace(code="local-droits", how="video")],
        ["dgfip", "caf"],  # the association is not offered: nothing to say
    ],
)
def test_check_passes(partners: Any) -> None:
    assert _evaluate(types.SimpleNamespace(partners=partners)) == []


@pytest.mark.parametrize(
    "partners",
    [
        {"local-droits": "referent"},
        ["local-droits"],
        [types.SimpleNamespace(partner="local-droits", modes=())],
    ],
)
def test_check_fails_without_permanence_or_video(partners: Any) -> None:
    messages = _evaluate(types.SimpleNamespace(partners_offered=partners))
    assert len(messages) == 1
    assert "permanence" in messages[0]


def test_check_is_silent_on_a_site_without_partner_list() -> None:
    assert _evaluate(object()) == []
