"""Fixtures of the HTTP service's tests: real servers, shared per module where the tests
only read, one per test where they write the journal."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from mfs_test_support import fresh_postgres_url

from .live import LiveServer, live_server


@pytest.fixture(scope="session")
def closed_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """A server where reading needs a token, and CORS allows one origin."""
    with live_server(
        tmp_path_factory.mktemp("closed"),
        None,
        MFS_API_OPEN_READ="false",
        MFS_API_CORS_ORIGINS="https://app.example",
    ) as running:
        yield running


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """One server for the read-only tests: SQLite journal, reading open (loopback)."""
    with live_server(tmp_path_factory.mktemp("serve")) as running:
        yield running


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def journal_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveServer]:
    """A server with its own journal, on each backend, shared by a module's tests (each
    writes records of its own ids)."""
    tmp_path = tmp_path_factory.mktemp(f"journal-{request.param}")
    if request.param == "sqlite":
        with live_server(tmp_path) as running:
            yield running
        return
    with fresh_postgres_url() as url, live_server(tmp_path, url) as running:
        yield running
