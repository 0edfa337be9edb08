"""Recognition gives the pinned outcomes: speed work may not change a result.

``scripts/recognition_golden.py`` recognises the 388 corpus phrasings over a frozen copy of
the built-in catalogue and compares level, candidates concerned and the first three
candidates (ids, scores, confidences, matched words) with the pinned file. The outcomes were
written by the first version of recognition (12ec27e), before it was made faster, and
re-frozen on the catalogue of 121 procedures (issue 13) before the tuning; an intended
change of results (tuning, lexicon) rewrites them with ``--write`` (see the script).
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from mfs_test_support import load_script

ROOT = Path(__file__).parents[1]


@pytest.fixture(scope="module")
def golden() -> ModuleType:
    return load_script("recognition_golden", ROOT / "scripts" / "recognition_golden.py")


def test_every_corpus_phrasing_gives_its_pinned_outcome(golden: ModuleType) -> None:
    catalogue, pinned = golden.read_pinned()
    assert len(pinned) >= 300
    found = golden.differences(catalogue, pinned)
    assert not found, (
        f"{len(found)} outcome(s) changed; if intended, run "
        "scripts/recognition_golden.py --write and say why in the commit:\n" + "\n".join(found[:5])
    )


def test_a_changed_result_is_caught(golden: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    # Not vacuous: one field weight 1 % higher moves some outcome.
    from mfs_core.recognition import index

    catalogue, pinned = golden.read_pinned()
    monkeypatch.setitem(index.FIELD_WEIGHTS, "title", index.FIELD_WEIGHTS["title"] * 1.01)
    assert golden.differences(catalogue, pinned)
