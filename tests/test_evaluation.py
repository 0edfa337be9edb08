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
from mfs_core.compliance.site import Waiver
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


def _plugin_waiver(site: Any) -> Iterator[Finding]:
    # Only a site file grants a waiver: a check cannot waive its own finding.
    yield Finding(
        message="Un problème.",
        severity=Severity.ERROR,
        waiver=Waiver(check="parite.plugin-waiver", reason="auto", until=dt.date(2099, 1, 1)),
    )


def _raises(site: Any) -> list[Finding]:
    raise KeyError("boom")


def _prints(site: Any) -> list[Finding]:
    print("bavard")
    return []


#: name -> (evaluate, what run_check gives: "pass", "fail" (the check's severity, warning),
#: "fail-error" (an error), or an AssertionError's words)
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
    # A finding's enum fields take their string values, as every enum field of the contract.
    "string-severity": (
        lambda site: [Finding(message="Un problème.", severity="error")],  # type: ignore[arg-type]
        "fail-error",
    ),
    "plugin-waiver": (_plugin_waiver, "fail-error"),
    # Malformed findings: no verdict, never a traceback in a report.
    "bad-severity": (
        lambda site: [Finding(message="m", severity="fatal")],  # type: ignore[arg-type]
        "severity is 'fatal', expected one of error, warning, info",
    ),
    "message-not-text": (
        lambda site: [Finding(message=123)],  # type: ignore[arg-type]
        "message is 123, expected a non-empty string",
    ),
    "empty-message": (lambda site: [Finding(message=" ")], "message is ' '"),
    "field-not-text": (
        lambda site: [Finding(message="m", field=["x"])],  # type: ignore[arg-type]
        "field is <list object>, expected a string or None",
    ),
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
    elif expected in ("fail", "fail-error"):
        severity = Severity.WARNING if expected == "fail" else Severity.ERROR
        given = run_check(check, site)
        # Stamped as mfs check reports them: the check's id, a Severity, no waiver.
        assert given == findings
        assert [(f.message, f.check, f.severity, f.waiver) for f in given] == [
            ("Un problème.", f"{NAME}.{slug}", severity, None)
        ]
        assert status is CheckStatus.FAIL
    else:  # no verdict: the plugin's test fails, production reports an error finding
        with pytest.raises(AssertionError, match=re.escape(expected)):
            run_check(check, site)
        assert status is CheckStatus.FAIL
        [finding] = findings
        assert finding.severity is Severity.ERROR
        assert finding.message.startswith(f"le contrôle « {NAME}.{slug} » du plugin « {NAME} » ")
        assert finding.message.endswith("(résultat inconnu)")


@pytest.mark.parametrize("slug", ["string-severity", "plugin-waiver", "bad-severity"])
def test_a_plugin_finding_cannot_make_a_site_compliant(slug: str) -> None:
    """An error given as a string, a waiver set by the plugin, a malformed finding: the site
    is not compliant, and every report format renders it (no traceback)."""
    from mfs_core.compliance.formats import FORMATS, render
    from mfs_core.compliance.report import Report

    registry = load_plugin((NAME, CheckPlugin()))
    runner = Runner(registry, as_of=CHECKED)
    site = site_from(SITE, as_of=CHECKED)
    result = runner.run(site, site.context, only=[f"{NAME}.{slug}"])
    assert not result.compliant
    assert result.verdict == "non conforme"
    report = Report(results=(result,), catalogue=runner.catalogue, as_of=CHECKED)
    for fmt in FORMATS:
        assert f"{NAME}.{slug}" in render(report, fmt), fmt


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


def test_a_malformed_finding_is_said_in_french_without_python_names(
    production: dict[str, tuple[CheckStatus, list[Finding]]],
) -> None:
    [bad] = production["bad-severity"][1]
    assert bad.message == (
        "le contrôle « parite.bad-severity » du plugin « parite » a produit un constat dont "
        "le champ « severity » est invalide (attendu : error, warning ou info) (résultat "
        "inconnu)"
    )
    [wrong] = production["wrong-item"][1]
    assert "a produit une valeur qui n'est pas un constat (Finding)" in wrong.message
    [single] = production["false"][1]
    assert "a renvoyé un seul objet au lieu d'une liste de constats" in single.message
    for _status, findings in production.values():
        for finding in findings:
            assert not re.search(r"\b(raised|returned|yielded|NoneType|bool)\b", finding.message)
