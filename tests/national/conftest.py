"""Fixtures of the national tests: one generated multi-site year, exported once per session."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

# The journal tests' backends (SQLite, and PostgreSQL from MFS_TEST_POSTGRES_URL).
from journal.conftest import journal, journal_url  # noqa: F401
from mfs_core.journal import open_journal
from mfs_core.national.consolidate import consolidate
from mfs_core.national.dataset import export_site
from national.year import GeneratedSite, generate


@attrs.frozen
class NationalYear:
    sites: list[GeneratedSite]
    #: The sites' exports, side by side: site=<id>/month=<YYYY-MM>/part-0.parquet.
    exports: Path
    #: The same year consolidated: month=<YYYY-MM>/part-0.parquet.
    consolidated: Path


@pytest.fixture(scope="session")
def national_year(tmp_path_factory: pytest.TempPathFactory) -> NationalYear:
    base = tmp_path_factory.mktemp("national-year")
    sites = generate(base)
    exports = base / "exports"
    for generated in sites:
        with open_journal(generated.url, read_only=True) as journal_:
            export_site(journal_, exports, generated.site)
    consolidate([exports], base / "national")
    return NationalYear(sites=sites, exports=exports, consolidated=base / "national")
