"""Fixtures of the journal tests: every journal test runs on SQLite and on PostgreSQL.

PostgreSQL comes from ``MFS_TEST_POSTGRES_URL`` (``.ci/setup.d/20-postgres.sh`` starts a
server and sets it). Without it the PostgreSQL half is skipped locally, and fails in CI
(``CI`` set): a missing service must never turn CI green.
"""

from __future__ import annotations

import urllib.parse
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from mfs_core.journal import Journal, open_journal
from mfs_test_support import require_service

SECRET = "test-secret-0123456789"


@pytest.fixture(params=["sqlite", "postgres"])
def journal_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty journal URL on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'journal.sqlite3'}"
        return
    base = require_service("MFS_TEST_POSTGRES_URL", "no PostgreSQL server to test against")
    import psycopg

    schema = f"test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    # Each test gets its own schema: libpq's ``options`` sets the search path.
    options = urllib.parse.quote(f"-csearch_path={schema}")
    separator = "&" if "?" in base else "?"
    try:
        yield f"{base}{separator}options={options}"
    finally:
        with psycopg.connect(base, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def journal(journal_url: str) -> Iterator[Journal]:
    with open_journal(journal_url, pseudonym_secret=SECRET) as opened:
        yield opened
