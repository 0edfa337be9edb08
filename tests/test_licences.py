"""The package declares the licences of what it ships: each data file extracted from a
source under another licence than the code's names that licence in its header, the
package's licence expression includes it, and its text is in ``LICENSES/``."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "mfs_core" / "recognition" / "data"

#: Data file -> (the licence its header names, its SPDX identifier).
EXTRACTED = {
    "synonyms.tsv": ("LGPL-2.1+", "LGPL-2.1-or-later"),
    "common.txt": ("CC BY-SA 4.0", "CC-BY-SA-4.0"),
    "stopwords.txt": ("BSD licence", "BSD-3-Clause"),
    "function-words.txt": ("MIT licence", "MIT"),
    "accent-rivals.txt": ("CC BY-SA 4.0", "CC-BY-SA-4.0"),
    "accent-free-words.txt": ("CC BY-SA 4.0", "CC-BY-SA-4.0"),
}


def _expression() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return set(re.split(r"\s+AND\s+", project["license"]))


@pytest.mark.parametrize(("name", "licence"), sorted(EXTRACTED.items()))
def test_an_extracted_data_file_names_its_licence_and_the_package_declares_it(
    name: str, licence: tuple[str, str]
) -> None:
    said, spdx = licence
    header = "".join(
        line
        for line in (DATA / name).read_text(encoding="utf-8").splitlines(True)[:12]
        if line.startswith("#")
    )
    assert said in " ".join(header.replace("#", " ").split()), name
    assert spdx in _expression()
    assert (ROOT / "LICENSES" / f"{spdx}.txt").stat().st_size > 1000


def test_every_declared_licence_has_its_text_and_no_text_is_left_undeclared() -> None:
    texts = {path.stem for path in (ROOT / "LICENSES").glob("*.txt")}
    assert _expression() == texts | {"MIT"}
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
