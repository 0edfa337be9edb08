"""The floors of the house: ``docs/import-graph.md`` is the graph of the code as it is.

The contracts themselves are checked by ``lint-imports`` (``nox -s lint``); this test keeps
the committed page that draws them true, and says how to refresh it.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from mfs_test_support import load_script

ROOT = Path(__file__).parents[1]


@pytest.fixture(scope="module")
def graph() -> ModuleType:
    return load_script("import_graph", ROOT / "scripts" / "import_graph.py")


def test_the_import_graph_page_is_up_to_date(graph: ModuleType) -> None:
    committed = (ROOT / "docs" / "import-graph.md").read_text(encoding="utf-8")
    assert committed == graph.render(), "run: python scripts/import_graph.py"


def test_every_module_has_its_floor(graph: ModuleType) -> None:
    # The floors contract is exhaustive (lint-imports fails on a module left out); the page
    # must not hide one either.
    placed = {name for floor in graph.floors() for name in floor}
    assert set(graph.module_imports()) - {""} <= placed


def test_no_module_imports_a_floor_above_its_own(graph: ModuleType) -> None:
    floors = graph.floors()
    floor_of = {name: len(floors) - n for n, floor in enumerate(floors) for name in floor}
    upward = [
        (importer, imported)
        for importer, names in graph.module_imports().items()
        for imported in names
        if importer and imported and floor_of[imported] > floor_of[importer]
    ]
    assert upward == []
    # The upward imports issue 12 named stay out.
    imports = graph.module_imports()
    assert "registry" not in imports["report"]
    assert "registry" not in imports["journal"]
    assert "partners" not in imports["compliance"]
