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
        ("99999", "(no such département; only the code's shape and its département are checked)"),
        ("00000", "(no such département; only the code's shape and its département are checked)"),
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


def test_only_the_shape_and_the_departement_are_checked() -> None:
    """The project holds no list of communes: a code of a real département is placed,
    and no message claims a commune list was looked up (review 15e: 64999 was accepted
    while the refusal of 99999 said « not a known commune code »)."""
    assert geo.place("64999") == geo.Place("64999", "64", "75")
    with pytest.raises(InputError) as caught:
        geo.place("99999")
    assert "known commune" not in str(caught.value)


def test_the_collectivites_have_three_character_codes() -> None:
    assert [geo.departement_of(c) for c in ("64483", "2A004", "97411", "98818", "98735")] == [
        "64", "2A", "974", "988", "987",
    ]  # fmt: skip
