"""Plugins add checks through the hook; a faulty check is a finding naming its plugin."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from mfs_core.compliance.findings import Finding
from mfs_core.compliance.runner import Runner
from mfs_core.compliance.site import Site
from mfs_core.hookspecs import hookimpl
from mfs_core.model import Check, Severity

from .conftest import AS_OF, registry_with_partners
from .sites import make_site


def needs_video(site: Site) -> Iterator[Finding]:
    if not site.equipment.video:
        yield Finding(message="pas de visioconférence pour les permanences à distance")


def explodes(site: Site) -> Iterator[Finding]:
    raise KeyError("boom")
    yield  # pragma: no cover


def wrong_type(site: Site) -> Iterator[object]:
    yield "not a finding"


def speaks_for_another_check(site: Site) -> Iterator[Finding]:
    yield Finding(message="x", check="label.staffing", severity=Severity.INFO)


class LocalPlugin:
    @hookimpl
    def mfs_checks(self) -> Iterator[Check]:
        for slug, function in (
            ("video", needs_video),
            ("explodes", explodes),
            ("wrong-type", wrong_type),
            ("impostor", speaks_for_another_check),
        ):
            yield Check(
                id=f"droits-locaux.{slug}",
                title="Contrôle local",
                severity=Severity.WARNING,
                reference="Convention locale (test)",
                remediation="-",
                last_verified=dt.date(2026, 11, 1),
                evaluate=function,
            )


def run(site: Site) -> dict[str, list[Finding]]:
    registry = registry_with_partners(("droits-locaux", LocalPlugin()))
    result = Runner(registry, as_of=AS_OF).check_site(site)
    by_check: dict[str, list[Finding]] = {}
    for finding in result.findings:
        by_check.setdefault(finding.check, []).append(finding)
    return by_check


def test_builtin_checks_come_through_the_hook() -> None:
    registry = registry_with_partners()
    assert "label.staffing" in registry.checks
    provenance = registry.checks["label.staffing"].provenance
    assert provenance is not None
    assert provenance.plugin == "label"
    assert next(p for p in registry.plugins if p.name == "label").checks == 10


def test_plugin_check_runs_with_the_checks_severity() -> None:
    site = make_site(equipment="[equipment]\nconfidential_space = true\n")
    [finding] = run(site)["droits-locaux.video"]
    assert finding.severity is Severity.WARNING
    assert finding.message == "pas de visioconférence pour les permanences à distance"
    assert "droits-locaux.video" not in run(make_site())


def test_raising_check_is_a_finding_naming_the_plugin() -> None:
    [finding] = run(make_site())["droits-locaux.explodes"]
    assert finding.severity is Severity.ERROR
    assert finding.message == (
        "le contrôle « droits-locaux.explodes » du plugin « droits-locaux » a levé "
        "l'exception KeyError : 'boom' (résultat inconnu)"
    )


def test_check_yielding_a_wrong_type_is_a_finding() -> None:
    [finding] = run(make_site())["droits-locaux.wrong-type"]
    assert "a produit une valeur qui n'est pas un constat (Finding)" in finding.message


def test_a_check_speaks_only_for_itself() -> None:
    findings = run(make_site())
    [finding] = findings["droits-locaux.impostor"]
    assert finding.severity is Severity.INFO  # its own severity is kept
    assert "label.staffing" not in findings
