"""Sphinx configuration of the mfs-core documentation (built with ``nox -s docs``)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import mfs_core  # noqa: E402

project = "mfs-core"
author = "mfs-core engineers"
copyright = "2026, mfs-core engineers"
release = mfs_core.__version__
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
    "sphinxcontrib.mermaid",
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
# A ```mermaid fence (docs/import-graph.md) is a diagram both on GitHub and in Sphinx.
myst_fence_as_directive = ["mermaid"]
exclude_patterns = ["_build", "_generated_src"]
html_theme = "furo"
html_title = f"mfs-core {release}"
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": False}
# No intersphinx: the build must pass offline (CI reaches package registries only).
nitpicky = False
language = "en"


def setup(app: object) -> None:
    """Generate the pages built from code (partners, checks...) before reading sources."""
    import _generate

    _generate.write_all(Path(__file__).resolve().parent)
