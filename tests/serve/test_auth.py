"""Tokens (site, role, secret or its digest) and the parsing of problem lines."""

from __future__ import annotations

import hashlib

import pytest

from mfs_core.errors import InputError
from mfs_core.serve.auth import Role, TokenTable
from mfs_core.serve.problems import problem_errors

SECRET = "s" * 40


def test_tokens_match_with_site_and_role() -> None:
    digest = hashlib.sha256(b"d" * 40).hexdigest()
    table = TokenTable.parse([f"64483-ccas:agent:{SECRET}", f"64483-ccas:manager:sha256:{digest}"])
    agent = table.match(SECRET)
    manager = table.match("d" * 40)
    assert agent is not None
    assert (agent.site, agent.role) == ("64483-ccas", Role.AGENT)
    assert manager is not None
    assert manager.role is Role.MANAGER
    assert table.match(SECRET[:-1]) is None
    assert table.match("") is None
    assert SECRET not in repr(table)
    assert SECRET not in repr(agent)


def test_roles_cover_what_they_should() -> None:
    assert Role.MANAGER.may(Role.AGENT)
    assert Role.MANAGER.may(Role.MANAGER)
    assert Role.AGENT.may(Role.AGENT)
    assert not Role.AGENT.may(Role.MANAGER)


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("just-a-token", "api_tokens[0]: expected SITE:ROLE:TOKEN"),
        (f"64483:admin:{SECRET}", "ROLE: expected 'agent' or 'manager'"),
        (f"bad site:agent:{SECRET}", "SITE: expected"),
        ("64483:agent:tooshort", "TOKEN: expected at least 32 characters"),
        ("64483:agent:sha256:abc", "TOKEN: expected at least 32 characters"),
        (f"64483:agent:{SECRET}é", "TOKEN: expected visible ASCII characters only"),
        (f"64483:agent:{SECRET[:16]} {SECRET[16:]}", "TOKEN: expected visible ASCII"),
    ],
)
def test_bad_entries_are_named_never_shown(entry: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        TokenTable.parse([entry])
    assert message in str(caught.value)
    assert entry.rsplit(":", 1)[-1] not in str(caught.value)


def test_a_token_given_twice_is_refused() -> None:
    with pytest.raises(InputError, match="same token"):
        TokenTable.parse([f"a:agent:{SECRET}", f"b:manager:{SECRET}"])


def test_problem_lines_become_errors_with_line_and_field() -> None:
    errors = problem_errors(
        [
            "body:3: channel: 'fax' is not one of 'counter'",
            "body[2]: outcome: required field missing",
            "body: agents[1].trainings[0].completed_on: invalid date",
            "body: invalid JSON: Expecting value (column 1)",
        ]
    )
    assert errors[0] == {
        "line": 3,
        "field": "channel",
        "detail": "channel: 'fax' is not one of 'counter'",
    }
    assert errors[1]["index"] == 2
    assert errors[2]["field"] == "agents[1].trainings[0].completed_on"
    assert "field" not in errors[3]
