"""The ANAH and chèque énergie plugins load, validate, and make their sites official."""

from __future__ import annotations

import datetime as dt
import importlib.metadata

import pytest
from mfs_core.officialsites import OfficialSites, SiteVerdict
from mfs_core.registry import Registry
from mfs_core.validation import validate

from mfs_anah import CHECKED_ON, cheque_energie, plugin


@pytest.fixture(scope="module")
def registry() -> Registry:
    # external=False: the plugins are registered explicitly, so this test does not depend on
    # whatever else is installed; discovery is tested below.
    return Registry.load(
        external=False, extra=[("anah", plugin), ("cheque-energie", cheque_energie)]
    )


def test_entry_points_are_declared() -> None:
    names = {ep.name for ep in importlib.metadata.entry_points(group="mfs_core.plugins")}
    assert {"anah", "cheque-energie"} <= names


def test_plugins_load_without_faults(registry: Registry) -> None:
    assert registry.faults == ()
    assert {"anah", "cheque-energie"} <= set(registry.partners)
    assert len(registry.procedures_of("anah")) == 5
    assert len(registry.procedures_of("cheque-energie")) == 2


def test_every_contribution_passes_validation(registry: Registry) -> None:
    assert validate(registry, today=CHECKED_ON) == []


def test_unverified_maprimeadapt_has_no_fiche_id(registry: Registry) -> None:
    adapt = registry.procedures["anah.maprimeadapt"]
    assert adapt.fiche_id is None
    assert adapt.verification.value == "no"


def test_data_goes_stale_after_the_maximum_age(registry: Registry) -> None:
    later = CHECKED_ON + dt.timedelta(days=31)
    codes = {f.code for f in validate(registry, max_age_days=30, today=later)}
    assert codes == {"last-verified-stale"}


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
