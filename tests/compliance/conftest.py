"""Shared fixtures: a registry with every national partner, a runner at a fixed date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from mfs_core.compliance.runner import Runner
from mfs_core.hookspecs import hookimpl
from mfs_core.model import Partner
from mfs_core.partners import NATIONAL_PARTNERS
from mfs_core.registry import Registry

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "sites"
DATA = ROOT / "tests" / "data"
ANCT_SAMPLE = DATA / "anct-france-services-sample.csv"
AS_OF = dt.date(2026, 11, 27)


class PartnerStub:
    """A test plugin contributing one partner (stands in for a real partner plugin)."""

    def __init__(self, code: str) -> None:
        self.code = code

    @hookimpl
    def mfs_partners(self) -> Iterator[Partner]:
        yield Partner(code=self.code, name=f"test partner {self.code}")


def registry_with_partners(*extra: tuple[str, object]) -> Registry:
    """Built-ins plus a stub for each national partner no built-in plugin provides yet."""
    builtins = Registry.load(external=False, strict=False)
    stubs = [
        (f"test-{code}", PartnerStub(code))
        for code in NATIONAL_PARTNERS
        if code not in builtins.partners
    ]
    return Registry.load(external=False, extra=[*stubs, *extra], strict=False)


@pytest.fixture(scope="session")
def registry() -> Registry:
    return registry_with_partners()


@pytest.fixture
def runner(registry: Registry) -> Runner:
    return Runner(registry, as_of=AS_OF)
