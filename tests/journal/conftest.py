"""Fixtures of the journal tests: every journal test runs on SQLite and on PostgreSQL.

PostgreSQL comes from ``MFS_TEST_POSTGRES_URL`` (``.ci/setup.d/20-postgres.sh`` starts a
server and sets it). Without it the PostgreSQL half is skipped locally, and fails in CI
(``CI`` set): a missing service must never turn CI green.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mfs_core.journal import Journal, open_journal
from mfs_test_support import fresh_postgres_url

SECRET = "test-secret-0123456789"


@pytest.fixture(params=["sqlite", "postgres"])
def journal_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty journal URL on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'journal.sqlite3'}"
        return
    with fresh_postgres_url() as url:
        yield url


@pytest.fixture
def journal(journal_url: str) -> Iterator[Journal]:
    with open_journal(journal_url, pseudonym_secret=SECRET) as opened:
        yield opened
