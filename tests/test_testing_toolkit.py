"""mfs_core.testing: each helper passes on a good plugin and catches a real problem.

The fixture plugins are class instances with ``@hookimpl`` methods, each bad one differing
from the good one by a single mistake (stale date, off-domain URL, unknown fact, raising
hook, raising predicate or check, unmarked hook).
"""

from __future__ import annotations

import datetime as dt
import importlib
import subprocess
import sys
import types
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs
import pytest

from mfs_core import (
    Check,
    Partner,
    PartnerKind,
    Procedure,
    ReferralRule,
    ReferralTarget,
    Severity,
    hookimpl,
)
from mfs_core.compliance.findings import Finding
from mfs_core.routing import DecisionKind, Permanence, SiteContext, Weekday
from mfs_core.testing import (
    assert_entry_point_installed,
    assert_plugin_valid,
    check_plugin,
    load_plugin,
    route_once,
    run_check,
)
from mfs_core.validation import validate
from mfs_test_support import install_test_distribution

pytest_plugins = ["pytester"]

CHECKED = dt.date(2026, 11, 27)
NAME = "toolkit"


def _offered(site: Any) -> Iterator[Finding]:
    modes = getattr(site, "partners", {}).get(NAME)
    if modes is not None and "permanence" not in modes:
        yield Finding(message="Le partenaire de test est annoncé sans permanence.")


PARTNER = Partner(
    code=NAME,
    name="Partenaire de test",
    kind=PartnerKind.LOCAL,
    domains=("example.net",),  # RFC 2606: reserved for documentation
    reference="test fixture",
)
PROCEDURE = Procedure(
    id="toolkit.demarche",
    partner=NAME,
    title="Démarche de test",
    online_url="https://www.example.net/demarche",
    reference="test fixture",
    last_verified=CHECKED,
)
RULE = ReferralRule(
    id="toolkit.litige",
    partner=NAME,
    target=ReferralTarget.PERMANENCE,
    procedures=("toolkit.demarche",),
    when_facts=("dispute",),
    reason="Le litige est traité à la permanence du partenaire de test.",
    priority=10,
    reference="test fixture",
    last_verified=CHECKED,
)
CHECK = Check(
    id="toolkit.permanence",
    title="Permanence du partenaire de test",
    severity=Severity.WARNING,
    reference="test fixture",
    remediation="Indiquer la permanence.",
    last_verified=CHECKED,
    evaluate=_offered,
)


@attrs.frozen(eq=False)  # identity: pluggy refuses a plugin equal to a registered one
class FixturePlugin:
    """A plugin object; each field replaces one hook's contributions."""

    procedures: Sequence[Procedure] = (PROCEDURE,)
    rules: Sequence[ReferralRule] = (RULE,)
    checks: Sequence[Check] = (CHECK,)

    @hookimpl
    def mfs_partners(self) -> Iterable[Partner]:
        return (PARTNER,)

    @hookimpl
    def mfs_procedures(self) -> Iterable[Procedure]:
        return self.procedures

    @hookimpl
    def mfs_referral_rules(self) -> Iterable[ReferralRule]:
        return self.rules

    @hookimpl
    def mfs_checks(self) -> Iterable[Check]:
        return self.checks


class RaisingPlugin(FixturePlugin):
    @hookimpl
    def mfs_procedures(self) -> Iterable[Procedure]:
        raise RuntimeError("procedures unreachable")


class UnmarkedPlugin(FixturePlugin):
    def mfs_checks(self) -> Iterable[Check]:  # forgot @hookimpl: pluggy never calls it
        return self.checks


class EmptyPlugin:
    def helper(self) -> None:
        """Not a hook."""


GOOD = (NAME, FixturePlugin())
STALE = (
    NAME,
    FixturePlugin(procedures=[attrs.evolve(PROCEDURE, last_verified=dt.date(2020, 1, 1))]),
)
OFF_DOMAIN = (
    NAME,
    FixturePlugin(procedures=[attrs.evolve(PROCEDURE, online_url="https://example.com/x")]),
)
UNKNOWN_FACT = (NAME, FixturePlugin(rules=[attrs.evolve(RULE, when_facts=("is_angry",))]))
RAISING = (NAME, RaisingPlugin())


def _codes(findings: Iterable[Any]) -> set[tuple[str, str]]:
    return {(f.code, f.subject) for f in findings}


# -- load_plugin -------------------------------------------------------------------------


def test_load_plugin_registers_in_process_with_the_builtins() -> None:
    registry = load_plugin(GOOD)
    assert registry.faults == ()
    assert registry.procedures["toolkit.demarche"].provenance is not None
    assert registry.procedures["toolkit.demarche"].provenance.plugin == NAME
    assert "dgfip" in registry.partners
    assert set(load_plugin(GOOD, with_builtins=False).partners) == {NAME}


def test_load_plugin_collects_faults_instead_of_raising() -> None:
    registry = load_plugin(RAISING)
    assert [(f.plugin, f.stage) for f in registry.faults] == [(NAME, "hook")]
    assert "procedures unreachable" in registry.faults[0].message


def test_load_plugin_rejects_an_entry_point_name() -> None:
    with pytest.raises(TypeError, match="module or object"):
        load_plugin("toolkit")


# -- check_plugin / assert_plugin_valid --------------------------------------------------


def test_good_plugin_has_no_finding() -> None:
    assert check_plugin(GOOD, today=CHECKED) == []
    registry = assert_plugin_valid(GOOD, today=CHECKED)
    assert "toolkit.permanence" in registry.checks


@pytest.mark.parametrize(
    ("plugin", "expected"),
    [
        (STALE, {("last-verified-stale", "toolkit.demarche")}),
        (OFF_DOMAIN, {("online-url-off-domain", "toolkit.demarche")}),
        (UNKNOWN_FACT, {("rule-unknown-fact", "toolkit.litige")}),
        # The hook raised: the fault, and the rule now names a procedure nobody contributes.
        (RAISING, {("plugin-fault", NAME), ("rule-unknown-procedure", "toolkit.litige")}),
    ],
    ids=["stale", "off-domain", "unknown-fact", "raising-hook"],
)
def test_bad_plugin_is_caught(plugin: tuple[str, object], expected: set[tuple[str, str]]) -> None:
    findings = check_plugin(plugin, today=CHECKED, max_age_days=730)
    assert _codes(findings) == expected
    assert all(f.plugin == NAME for f in findings)
    with pytest.raises(AssertionError) as failure:
        assert_plugin_valid(plugin, today=CHECKED, max_age_days=730)
    message = str(failure.value)
    assert message.startswith(f"plugin {NAME!r}: {len(expected)} finding(s)\n")
    lines = message.splitlines()[1:]
    assert len(lines) == len(expected)
    for finding, line in zip(findings, lines, strict=True):
        assert line.split()[:2] == [finding.code, f"{finding.subject}:"]
        assert line.endswith(finding.message)


class OtherPlugin:
    """Another plugin, with a DGFiP procedure whose URL is off the DGFiP domains."""

    @hookimpl
    def mfs_procedures(self) -> Iterable[Procedure]:
        yield attrs.evolve(
            PROCEDURE, id="dgfip.autre", partner="dgfip", online_url="https://example.com/"
        )


def test_findings_of_other_plugins_are_left_out() -> None:
    registry = load_plugin(GOOD, ("other", OtherPlugin()))
    assert _codes(validate(registry, today=CHECKED)) == {("online-url-off-domain", "dgfip.autre")}
    assert check_plugin(GOOD, registry=registry, today=CHECKED) == []
    assert _codes(check_plugin(("other", OtherPlugin()), registry=registry, today=CHECKED)) == {
        ("online-url-off-domain", "dgfip.autre")
    }


def test_plugin_absent_from_the_given_registry_is_a_finding() -> None:
    findings = check_plugin(GOOD, registry=load_plugin(("other", OtherPlugin())))
    assert _codes(findings) == {("plugin-not-found", NAME)}
    assert "the given registry holds no plugin of this name" in findings[0].message


def test_a_plugin_loaded_second_gets_the_duplicate_fault() -> None:
    registry = load_plugin(("a-first", FixturePlugin()), GOOD)
    assert check_plugin(("a-first", FixturePlugin()), registry=registry, today=CHECKED) == []
    findings = check_plugin(GOOD, registry=registry, today=CHECKED)
    assert {(f.code, f.subject) for f in findings} == {("duplicate-id", NAME)}
    assert len(findings) == 4  # partner, procedure, rule and check ids


def test_duplicate_of_a_builtin_id_is_a_finding() -> None:
    taken = attrs.evolve(PROCEDURE, id="dgfip.declaration-revenus", partner="dgfip")
    findings = check_plugin((NAME, FixturePlugin(procedures=[taken])), today=CHECKED)
    assert ("duplicate-id", NAME) in _codes(findings)


def test_max_age_defaults_to_the_setting(clean_env: None, monkeypatch: pytest.MonkeyPatch) -> None:
    later = CHECKED + dt.timedelta(days=40)
    assert check_plugin(GOOD, today=later) == []  # default setting: 730 days
    monkeypatch.setenv("MFS_MAX_VERIFICATION_AGE_DAYS", "30")
    assert ("last-verified-stale", "toolkit.demarche") in _codes(check_plugin(GOOD, today=later))


def test_unmarked_hook_is_caught() -> None:
    findings = check_plugin((NAME, UnmarkedPlugin()), today=CHECKED)
    assert _codes(findings) == {("hook-not-marked", NAME)}
    assert "mfs_checks() is not decorated with @mfs_core.hookimpl" in findings[0].message


def test_plugin_contributing_nothing_is_caught() -> None:
    assert _codes(check_plugin(("empty", EmptyPlugin()))) == {("plugin-empty", "empty")}


# -- entry points ------------------------------------------------------------------------


@pytest.mark.usefixtures("fixture_plugins")
def test_installed_entry_point_is_checked_by_name() -> None:
    info = assert_entry_point_installed("fixture-good")
    assert (info.distribution, info.version, info.procedures) == ("mfs-fixture-plugins", "1.0", 1)
    # The good fixture loads cleanly but cites no source and no date: check_plugin says so.
    assert _codes(check_plugin("fixture-good")) == {
        ("reference-missing", "fixture-good.info"),
        ("last-verified-missing", "fixture-good.info"),
    }


@pytest.mark.usefixtures("fixture_plugins")
def test_module_gets_its_entry_point_name() -> None:
    import mfs_fixture_good  # type: ignore[import-not-found]

    registry = load_plugin(mfs_fixture_good)
    provenance = registry.procedures["fixture-good.info"].provenance
    assert provenance is not None
    assert provenance.plugin == "fixture-good"


@pytest.mark.usefixtures("fixture_plugins")
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("fixture-raising", "RuntimeError: database of procedures unreachable"),
        ("fixture-import-error", "(import): ModuleNotFoundError"),
        ("fixture-typo", "(register)"),
        ("no-such-plugin", "no entry point 'no-such-plugin' in group 'mfs_core.plugins'"),
    ],
)
def test_entry_point_that_does_not_load_cleanly_fails(name: str, expected: str) -> None:
    with pytest.raises(AssertionError) as failure:
        assert_entry_point_installed(name)
    assert expected in str(failure.value)


@pytest.mark.usefixtures("fixture_plugins")
def test_missing_entry_point_is_a_finding() -> None:
    assert _codes(check_plugin("no-such-plugin")) == {("plugin-not-found", "no-such-plugin")}


@pytest.fixture
def empty_plugin_installed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clean_env: None
) -> Iterator[None]:
    install_test_distribution(
        tmp_path, {"fixture-empty": "mfs_fixture_empty"}, name="mfs-fixture-empty"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    importlib.invalidate_caches()
    yield
    sys.modules.pop("mfs_fixture_empty", None)


@pytest.mark.usefixtures("empty_plugin_installed")
def test_entry_point_naming_a_module_without_hooks_fails() -> None:
    with pytest.raises(AssertionError, match=r"contributes nothing.*\(mfs_fixture_empty\)"):
        assert_entry_point_installed("fixture-empty")
    assert _codes(check_plugin("fixture-empty")) == {("plugin-empty", "fixture-empty")}


def test_importing_the_toolkit_does_not_need_pytest() -> None:
    code = (
        "import sys; sys.modules['pytest'] = None\n"  # makes `import pytest` fail
        "import mfs_core.testing\n"
        "print(sorted(m for m in sys.modules if m.startswith(('_pytest', 'pluggy._'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "_pytest" not in result.stdout


# -- route_once --------------------------------------------------------------------------


def test_route_once_shows_the_rule_firing_and_not() -> None:
    registry = load_plugin(GOOD)
    referral = route_once(registry, "toolkit.demarche", facts=["dispute"])
    assert (referral.kind, referral.rule, referral.target) == (
        DecisionKind.REFERRAL,
        "toolkit.litige",
        ReferralTarget.PERMANENCE,
    )
    plain = route_once(registry, "toolkit.demarche")
    assert plain.kind is DecisionKind.ANSWER_NOW
    assert (plain.trace[0].rule, plain.trace[0].fired) == ("toolkit.litige", False)


def test_route_once_passes_the_context() -> None:
    now = dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))  # Monday
    permanence = Permanence(
        partner=NAME, weekday=Weekday.MONDAY, start=dt.time(10), end=dt.time(12)
    )
    context = SiteContext(agents_on_duty=2, waiting=0, now=now, permanences=(permanence,))
    decision = route_once(load_plugin(GOOD), "toolkit.demarche", facts=["dispute"], context=context)
    assert decision.suggested_slot == now.replace(hour=10)


def test_route_once_catches_a_rule_that_never_fires() -> None:
    # validate() reports the unknown fact; routing shows the consequence: no referral.
    registry = load_plugin(UNKNOWN_FACT)
    assert route_once(registry, "toolkit.demarche", facts=["dispute"]).kind is (
        DecisionKind.ANSWER_NOW
    )


def test_route_once_fails_on_a_raising_predicate() -> None:
    def broken(_request: object, _context: object) -> bool:
        raise ZeroDivisionError("division by zero")

    plugin = (NAME, FixturePlugin(rules=[attrs.evolve(RULE, predicate=broken)]))
    registry = load_plugin(plugin)
    with pytest.raises(AssertionError, match=r"rule 'toolkit\.litige' .*ZeroDivisionError"):
        route_once(registry, "toolkit.demarche", facts=["dispute"])
    decision = route_once(registry, "toolkit.demarche", facts=["dispute"], allow_rule_errors=True)
    assert decision.kind is DecisionKind.ANSWER_NOW  # the router skipped the broken rule


def test_route_once_rejects_a_single_string_of_facts() -> None:
    with pytest.raises(TypeError, match="expected a list of fact names"):
        route_once(load_plugin(GOOD), "toolkit.demarche", facts="dispute")


def test_route_once_fails_on_an_unknown_procedure() -> None:
    with pytest.raises(AssertionError, match=r"'toolkit\.typo' is contributed by no loaded plugin"):
        route_once(load_plugin(GOOD), "toolkit.typo")


# -- run_check ---------------------------------------------------------------------------


def test_run_check_on_passing_and_failing_sites() -> None:
    check = load_plugin(GOOD).checks["toolkit.permanence"]
    assert run_check(check, types.SimpleNamespace(partners={NAME: ["permanence"]})) == []
    # Stamped as mfs check reports it: the check's id and (unset here) its severity.
    assert run_check(check, types.SimpleNamespace(partners={NAME: ["video"]})) == [
        Finding(
            message="Le partenaire de test est annoncé sans permanence.",
            check="toolkit.permanence",
            severity=check.severity,
        )
    ]
    assert run_check(check, object()) == []


def _raising(site: Any) -> Iterator[Finding]:
    yield from site.partners  # AttributeError on a site without partners


@pytest.mark.parametrize(
    ("evaluate", "expected"),
    [
        (None, "check 'toolkit.permanence' has no evaluate function"),
        (_raising, "check 'toolkit.permanence' raised AttributeError"),
        (lambda site: "Pas de permanence", "returned a single string"),
        (lambda site: ["Pas de permanence"], "yielded str 'Pas de permanence': expected"),
        (lambda site: False, "returned False: yield each finding instead"),
    ],
    ids=["no-evaluate", "raising", "string", "not-a-finding", "not-iterable"],
)
def test_run_check_catches_a_broken_check(evaluate: Any, expected: str) -> None:
    check = attrs.evolve(CHECK, evaluate=evaluate)
    with pytest.raises(AssertionError) as failure:
        run_check(check, object())
    assert expected in str(failure.value)


# -- pytest fixtures ---------------------------------------------------------------------

CONFTEST = """
import datetime as dt
import pytest
import {module}

@pytest.fixture
def mfs_plugins():
    return [{module}]

@pytest.fixture
def mfs_today():
    return dt.date(2026, 11, 27)
"""

PLUGIN = """
import datetime as dt
from mfs_core import Partner, PartnerKind, Procedure, hookimpl

@hookimpl
def mfs_partners():
    yield Partner(code="fixture", name="Test", kind=PartnerKind.LOCAL)

@hookimpl
def mfs_procedures():
    yield Procedure(id="fixture.demarche", partner="fixture", title="Test",
                    reference="test fixture", last_verified=dt.date({year}, 11, 27))
"""

TESTS = """
def test_registry(mfs_registry):
    assert "fixture.demarche" in mfs_registry.procedures

def test_findings(mfs_plugin_findings):
    assert mfs_plugin_findings == []
"""


def test_pytest_fixtures(pytester: pytest.Pytester) -> None:
    """One inline session (they are slow): a good plugin, a stale one, and a test suite
    that forgot to define ``mfs_plugins``."""
    for directory, year in (("good", 2026), ("stale", 2020)):
        module = f"fixture_{directory}"
        (pytester.path / f"{module}.py").write_text(PLUGIN.format(year=year), encoding="utf-8")
        (pytester.path / directory).mkdir()
        conftest = CONFTEST.format(module=module)
        (pytester.path / directory / "conftest.py").write_text(conftest, encoding="utf-8")
        (pytester.path / directory / f"test_{directory}.py").write_text(TESTS, encoding="utf-8")
    (pytester.path / "bare").mkdir()
    (pytester.path / "bare" / "test_bare.py").write_text(
        "def test_bare(mfs_registry):\n    pass\n", encoding="utf-8"
    )
    pytester.syspathinsert()
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider", "-rA")
    result.assert_outcomes(passed=3, failed=1, errors=1)
    result.stdout.fnmatch_lines_random(
        [
            "PASSED good/test_good.py::test_registry",
            "PASSED good/test_good.py::test_findings",
            "PASSED stale/test_stale.py::test_registry",
            "FAILED stale/test_stale.py::test_findings*",
            "ERROR bare/test_bare.py::test_bare*",
            "*last-verified-stale*fixture.demarche*",
            "*define a fixture 'mfs_plugins'*",
        ]
    )


def test_pytest_plugin_is_declared_and_defines_fixtures_only() -> None:
    import importlib.metadata

    import mfs_core.pytest_plugin

    declared = [
        ep for ep in importlib.metadata.entry_points(group="pytest11") if ep.name == "mfs_core"
    ]
    assert [ep.value for ep in declared] == ["mfs_core.pytest_plugin"]
    # Opt-in: no pytest hook that would act on every test session of every user.
    assert [name for name in dir(mfs_core.pytest_plugin) if name.startswith("pytest_")] == []
