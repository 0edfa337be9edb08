"""Bad input is rejected with the path of every bad field, never silently coerced."""

from __future__ import annotations

import pytest

from mfs_core.converter import structure
from mfs_core.errors import InputError
from mfs_core.model import Procedure

GOOD = {"id": "dgfip.x", "partner": "dgfip", "title": "Titre"}


def problems(data: dict[str, object]) -> list[str]:
    with pytest.raises(InputError) as error:
        structure(data, Procedure, source="site.toml")
    return error.value.problems


def test_unknown_key_is_named() -> None:
    assert problems({**GOOD, "titel": "x"}) == ["site.toml: unknown key titel"]


def test_every_bad_field_is_reported_with_its_path() -> None:
    found = problems(
        {**GOOD, "title": 3, "needs_appointment": "yes", "channels": ["counter", "fax"]}
    )
    assert found == [
        "site.toml: title: expected a string, got number 3",
        "site.toml: channels[1]: 'fax' is not one of 'counter', 'phone', 'video', 'mobile', "
        "'online', 'mail'",
        "site.toml: needs_appointment: expected true or false, got 'yes'",
    ]


def test_missing_field_and_bad_date() -> None:
    found = problems({"id": "dgfip.x", "partner": "dgfip", "last_verified": "27/11/2026"})
    assert "site.toml: title: required field missing" in found
    assert "site.toml: last_verified: expected an ISO date (YYYY-MM-DD), got '27/11/2026'" in found


def test_a_string_is_not_a_list() -> None:
    assert problems({**GOOD, "documents": "avis d'impôt"}) == [
        'site.toml: documents: expected a list, got string "avis d\'impôt"'
    ]


def test_invariants_are_checked() -> None:
    assert problems({**GOOD, "fiche_id": "X12"}) == [
        "site.toml: fiche_id: 'X12' is not a service-public.fr fiche id"
    ]
    assert problems({**GOOD, "id": "Not An Id"}) == [
        "site.toml: id: 'Not An Id' is not a procedure id"
    ]


def test_a_long_value_is_described_not_repeated() -> None:
    # Issue 15: a 500,000-character value made a 500 KB error line.
    from mfs_core.routing.request import Request

    data = {"procedure": "dgfip.reclamation", "channel": "z" * 500_000, "wants_autonomy": False}
    with pytest.raises(InputError) as info:
        structure(data, Request, source="req.json")
    assert str(info.value) == (
        "req.json: channel: a 500,000-character string is not one of 'counter', 'phone', "
        "'video', 'mobile'"
    )
