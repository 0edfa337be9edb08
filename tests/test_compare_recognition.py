"""``scripts/compare_recognition.py`` never prints a holdout need (stop 39).

The script lists every need whose outcome moved; the holdout split is for measuring only,
so its needs are counted and named as such, their words and outcomes left out.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

from mfs_test_support import load_script

ROOT = Path(__file__).parents[1]


@pytest.fixture(scope="module")
def compare() -> ModuleType:
    return load_script("compare_recognition", ROOT / "scripts" / "compare_recognition.py")


def test_a_holdout_need_is_counted_not_shown(
    compare: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    hidden = {"une demande du holdout"}
    compare._print_one("moved (3 variants)", "une demande du holdout", "", "NOW", "WAS", hidden)
    out = capsys.readouterr().out
    assert "moved (3 variants)" in out
    assert "holdout split (not shown)" in out
    for said in ("une demande", "NOW", "WAS"):
        assert said not in out
    compare._print_one("moved (1 variants)", "une demande du tune", "", "NOW", "WAS", hidden)
    out = capsys.readouterr().out
    for said in ("une demande du tune", "NOW", "WAS"):
        assert said in out


def test_the_hidden_texts_are_the_corpus_holdout(compare: ModuleType) -> None:
    corpus = ROOT / "tests" / "data" / "recognition" / "needs.jsonl"
    items = [json.loads(line) for line in corpus.read_text("utf-8").splitlines()]
    holdout = {i["text"] for i in items if i["split"] == "holdout"}
    assert compare._holdout_texts() == holdout
    assert len(holdout) > 200
