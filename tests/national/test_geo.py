"""A site's commune code placed in its département and région (:mod:`mfs_core.geo`), and
the reason given when it cannot be."""

from __future__ import annotations

import pytest

from mfs_core import geo
from mfs_core.errors import InputError


def test_places() -> None:
    assert geo.place("64483") == geo.Place("64483", "64", "75")  # Saint-Jean-de-Luz
    assert geo.place("2A004") == geo.Place("2A004", "2A", "94")  # Ajaccio


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("99999", "(no such département: not a known commune code)"),
        ("00000", "(no such département: not a known commune code)"),
        ("20004", "(Corse's communes are coded 2A or 2B since 1976)"),
        ("97502", "(a collectivité d'outre-mer: it has no région)"),  # Saint-Pierre
        ("98818", "(a collectivité d'outre-mer: it has no région)"),  # Nouméa
    ],
)
def test_the_reason_a_code_has_no_region(code: str, reason: str) -> None:
    with pytest.raises(InputError) as caught:
        geo.place(code)
    assert str(caught.value).startswith(f"insee_code: {code}: département ")
    assert reason in str(caught.value)
