"""The generated documentation covers every check and every key of the site file."""

from __future__ import annotations

import sys

from mfs_core.compliance.catalogue import RUNNER_CHECKS
from mfs_core.compliance.schema import site_schema
from mfs_core.registry import Registry

from .conftest import ROOT


def generators() -> dict[str, object]:
    sys.path.insert(0, str(ROOT / "docs"))
    try:
        import _generate
    finally:
        sys.path.remove(str(ROOT / "docs"))
    return dict(_generate.GENERATORS)


def test_a_page_per_check() -> None:
    pages = generators()
    ids = [*Registry.load(external=False).checks, *(c.id for c in RUNNER_CHECKS)]
    for check_id in ids:
        page = pages[f"check-{check_id}.md"]
        text = page()  # type: ignore[operator]
        assert text.startswith(f"# `{check_id}`")
        assert "## Reference" in text
        assert "## Remediation" in text
        assert "last verified | 2026-11-27" in text
    index = pages["checks.md"]()  # type: ignore[operator]
    assert all(f"check-{check_id}.md" in index for check_id in ids)


def test_site_file_reference_lists_every_key() -> None:
    text = generators()["site-file.md"]()  # type: ignore[operator]
    schema = site_schema()
    for key in schema["properties"]:
        assert f"| `{key}` |" in text
    for name, definition in schema["$defs"].items():
        assert f"## {name}" in text
        for key in definition["properties"]:
            assert f"| `{key}` |" in text
