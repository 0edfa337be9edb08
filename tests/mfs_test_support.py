"""Helpers shared by the test packages (imported by name: ``from mfs_test_support import``).

Kept out of ``conftest.py`` so that no test module imports a conftest by name: with several
conftest files, ``from conftest import ...`` would pick whichever was imported first.
"""

from __future__ import annotations

import contextlib
import csv
import importlib.util
import os
import shutil
import sys
import urllib.parse
import uuid
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest


def require_service(variable: str, what: str, default: str | None = None) -> str:
    """The value of ``variable`` (else ``default`` if it exists on this machine).

    Without it the test is skipped locally (a developer may lack PostgreSQL, Chromium or
    npm), but fails in CI (``CI`` set): ``.ci/setup.d/`` provides every service there, and a
    missing one must never turn CI green.
    """
    value = os.environ.get(variable) or (default if default and Path(default).exists() else None)
    if value:
        return value
    message = f"{variable} is not set: {what} (run the scripts of .ci/setup.d/ as root)"
    if os.environ.get("CI"):
        pytest.fail(f"{message}; CI must run every test")
    pytest.skip(message)


FIXTURE_PLUGINS = Path(__file__).parent / "fixtures" / "plugins"

#: entry-point name -> module of the test distribution ``mfs-fixture-plugins``.
FIXTURE_ENTRY_POINTS = {
    "fixture-good": "mfs_fixture_good",
    "fixture-import-error": "mfs_fixture_import_error",
    "fixture-raising": "mfs_fixture_raising",
    "fixture-duplicate": "mfs_fixture_duplicate",
    "fixture-typo": "mfs_fixture_typo",
    "fixture-wrong-type": "mfs_fixture_wrong_type",
}


def install_test_distribution(
    target: Path, entry_points: dict[str, str], name: str = "mfs-fixture-plugins"
) -> Path:
    """Lay out an installed distribution (``*.dist-info`` with entry points) in ``target``.

    This is what pip leaves in site-packages; putting ``target`` on ``sys.path`` (or
    PYTHONPATH) makes importlib.metadata find the entry points, as for a real install.
    """
    for module in set(entry_points.values()):
        shutil.copy(FIXTURE_PLUGINS / f"{module}.py", target / f"{module}.py")
    dist_info = target / f"{name.replace('-', '_')}-1.0.dist-info"
    dist_info.mkdir()
    (dist_info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n", encoding="utf-8"
    )
    lines = ["[mfs_core.plugins]"] + [f"{ep} = {module}" for ep, module in entry_points.items()]
    (dist_info / "entry_points.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def load_script(name: str, path: Path) -> ModuleType:
    """Import the script at ``path`` (``scripts/`` is not a package) as module ``name``."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@contextlib.contextmanager
def fresh_postgres_url() -> Iterator[str]:
    """The URL of a new, empty schema on the test PostgreSQL server (dropped afterwards);
    skipped locally, failed in CI, without ``MFS_TEST_POSTGRES_URL``."""
    base = require_service("MFS_TEST_POSTGRES_URL", "no PostgreSQL server to test against")
    import psycopg

    schema = f"test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    # Each user gets its own schema: libpq's ``options`` sets the search path.
    options = urllib.parse.quote(f"-csearch_path={schema}")
    separator = "&" if "?" in base else "?"
    try:
        yield f"{base}{separator}options={options}"
    finally:
        with psycopg.connect(base, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


ANCT_SAMPLE = Path(__file__).parent / "data" / "anct-france-services-sample.csv"


def replicate_anct_sample(path: Path, sites: int) -> Path:
    """The 18 real rows of the sample repeated to ``sites`` rows, each with its own id."""
    with ANCT_SAMPLE.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields, rows = reader.fieldnames or [], list(reader)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        for index in range(sites):
            writer.writerow(dict(rows[index % len(rows)], id_fs=str(100000 + index)))
    return path
