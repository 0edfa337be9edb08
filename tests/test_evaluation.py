"""One evaluation path: a plugin's tests (mfs_core.testing) and production (mfs check,
mfs route) give the same verdict for the same check or predicate, ``None`` included."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from mfs_core.compliance.findings import CheckStatus, Finding
from mfs_core.compliance.runner import Runner
from mfs_core.model import Check, Partner, PartnerKind, Procedure, ReferralRule, Severity
from mfs_core.plugin import ReferralTarget, hookimpl
from mfs_core.routing import DecisionKind, Request, RequestChannel, Router
from mfs_core.testing import load_plugin, route_once, run_check, site_from

NAME = "parite"
CHECKED = dt.date(2026, 11, 27)
SITE = {
    "id": "test",
    "name": "Site de test",
    "porteur": "CCAS",
    "insee_code": "64483",
    "format": "fixed",
}


def _finds(site: Any) -> Iterator[Finding]:
    yield Finding(message="Un problème.")


def _none(site: Any) -> None:
    return None


def _raises(site: Any) -> list[Finding]:
    raise KeyError("boom")


def _prints(site: Any) -> list[Finding]:
    print("bavard")
    return []


#: name -> (evaluate, what run_check gives: "pass", "fail" or an AssertionError's words)
CHECKS: dict[str, tuple[Callable[[Any], Any], str]] = {
    "empty-generator": (lambda site: iter(()), "pass"),
    "empty-list": (lambda site: [], "pass"),
    "none": (_none, "pass"),
    "finds": (_finds, "fail"),
    "finds-list": (lambda site: [Finding(message="Un problème.")], "fail"),
    "string": (lambda site: "Un problème.", "returned a single string"),
    "false": (lambda site: False, "returned False"),
    "wrong-item": (lambda site: ["Un problème."], "yielded str 'Un problème.'"),
    "raises": (_raises, "raised KeyError: 'boom'"),
    "prints": (_prints, "wrote 7 character(s) to standard output"),
}


class CheckPlugin:
    @hookimpl
    def mfs_checks(self) -> Iterator[Check]:
        for slug, (evaluate, _) in CHECKS.items():
            yield Check(
                id=f"{NAME}.{slug}",
                title="Contrôle de test",
                severity=Severity.WARNING,
                reference="test fixture",
                remediation="-",
                last_verified=CHECKED,
                evaluate=evaluate,
            )


@pytest.fixture(scope="module")
def production() -> dict[str, tuple[CheckStatus, list[Finding]]]:
    """What ``mfs check`` gives for each check on the test site."""
    registry = load_plugin((NAME, CheckPlugin()))
    result = Runner(registry, as_of=CHECKED).check_site(site_from(SITE, as_of=CHECKED))
    return {
        check_id.removeprefix(f"{NAME}."): (
            status,
            [f for f in result.findings if f.check == check_id],
        )
        for check_id, status in result.statuses.items()
        if check_id.startswith(f"{NAME}.")
    }


@pytest.mark.parametrize("slug", CHECKS)
def test_run_check_and_mfs_check_agree(
    slug: str, production: dict[str, tuple[CheckStatus, list[Finding]]]
) -> None:
    check = load_plugin((NAME, CheckPlugin())).checks[f"{NAME}.{slug}"]
    expected = CHECKS[slug][1]
    status, findings = production[slug]
    site = site_from(SITE, as_of=CHECKED)
    if expected == "pass":
        assert run_check(check, site) == []
        assert (status, findings) == (CheckStatus.PASS, [])
    elif expected == "fail":
        given = run_check(check, site)
        assert [f.message for f in given] == ["Un problème."]
        assert status is CheckStatus.FAIL
        assert [(f.message, f.severity) for f in findings] == [("Un problème.", Severity.WARNING)]
    else:  # no verdict: the plugin's test fails, production reports an error finding
        with pytest.raises(AssertionError, match=re.escape(expected)):
            run_check(check, site)
        assert status is CheckStatus.FAIL
        [finding] = findings
        assert finding.severity is Severity.ERROR
        assert finding.message.startswith(f"le contrôle « {NAME}.{slug} » du plugin « {NAME} » ")
        assert finding.message.endswith("(résultat inconnu)")


# -- predicates ----------------------------------------------------------------------------

#: name -> (predicate, whether the rule fires)
PREDICATES: dict[str, tuple[Callable[[Any, Any], Any], bool]] = {
    "true": (lambda request, context: True, True),
    "none": (lambda request, context: None, False),
    "empty-list": (lambda request, context: [], False),
    "facts": (lambda request, context: "dispute" in request.facts, True),
}


def _rule_plugin(slug: str) -> tuple[str, object]:
    predicate = PREDICATES[slug][0]

    class RulePlugin:
        @hookimpl
        def mfs_partners(self) -> Iterator[Partner]:
            yield Partner(code=NAME, name="Partenaire de test", kind=PartnerKind.LOCAL)

        @hookimpl
        def mfs_procedures(self) -> Iterator[Procedure]:
            yield Procedure(id=f"{NAME}.demarche", partner=NAME, title="Démarche de test")

        @hookimpl
        def mfs_referral_rules(self) -> Iterator[ReferralRule]:
            yield ReferralRule(
                id=f"{NAME}.regle",
                partner=NAME,
                target=ReferralTarget.REFERENT,
                reason="Règle de test.",
                when_facts=("dispute",),
                predicate=predicate,
            )

    return NAME, RulePlugin()


@pytest.mark.parametrize("slug", PREDICATES)
def test_route_once_and_the_router_agree(slug: str) -> None:
    registry = load_plugin(_rule_plugin(slug), with_builtins=False)
    tested = route_once(registry, f"{NAME}.demarche", facts=["dispute"])
    request = Request(
        procedure=f"{NAME}.demarche",
        channel=RequestChannel.COUNTER,
        wants_autonomy=False,
        facts=("dispute",),
    )
    produced = Router(registry).decide(request)
    fires = PREDICATES[slug][1]
    assert (tested.rule == f"{NAME}.regle") is fires
    assert (produced.rule, produced.kind) == (tested.rule, tested.kind)
    if fires:
        assert produced.kind is DecisionKind.REFERRAL
