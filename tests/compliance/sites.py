"""Build site descriptions in tests from small TOML snippets over a compliant base."""

from __future__ import annotations

import tomllib
from typing import Any

from mfs_core.compliance.site import Site
from mfs_core.converter import structure
from mfs_core.partners import NATIONAL_PARTNERS

NINE = "".join(f'[[partners]]\ncode = "{code}"\n' for code in NATIONAL_PARTNERS)

IDENTITY = """
id = "test"
name = "France services de test"
porteur = "Commune de test"
insee_code = "64483"
labelled_on = 2022-07-01
"""
HOURS = """
[hours]
osm = "Mo-Fr 09:00-12:00,13:30-17:00"
"""
AGENTS = """
[[agents]]
id = "a"
initial_training = { completed_on = 2022-05-20, provider = "CNFPT" }
[[agents]]
id = "b"
initial_training = { completed_on = 2022-05-20, provider = "CNFPT" }
"""
EQUIPMENT = """
[equipment]
public_computers = 1
printer = true
scanner = true
internet_access = true
video = true
confidential_space = true
"""


def site_data(
    *,
    identity: str = IDENTITY,
    hours: str = HOURS,
    agents: str = AGENTS,
    partners: str = NINE,
    equipment: str = EQUIPMENT,
    extra: str = "",
) -> dict[str, Any]:
    """Plain data of a compliant site, with any part replaced by other TOML."""
    return tomllib.loads("\n".join((identity, hours, agents, partners, equipment, extra)))


def make_site(**parts: str) -> Site:
    return structure(site_data(**parts), Site, source="test.toml")
