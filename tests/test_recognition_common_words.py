"""A one-word keyword that is a common French word names no procedure alone (issue-14m).

« décès » is one of the five life events the tax return's change of situation lists as
keywords; « DECLARATION DÉCÈS » (a corpus negative: the death declared at the town hall)
was claimed for it at confidence 1.0. « internet » claimed the online-scams dossier from
« problème internet ». A keyword rare in French (« réversion », « PPAE ») is still a name,
and a common one still names its procedure with a second keyword or its partner.
Phrasings marked *constructed* are written for the rule; the others are corpus items
(``tests/data/recognition/needs.jsonl``, each with its source).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from mfs_core.model import Procedure
from mfs_core.recognition import Level, Recogniser
from mfs_core.recognition.normalise import common_words

ROOT = Path(__file__).parents[1]


@pytest.mark.parametrize(
    "need",
    [
        "DECLARATION DÉCÈS",  # corpus negative (tune)
        "décès",  # constructed
        "problème internet",  # constructed (the reviewer's, stop 21)
        "internet",  # constructed: one title word
        "mariage",  # constructed: « mariage à la mairie » is not the tax return
    ],
)
def test_a_common_word_keyword_alone_is_not_claimed(recogniser: Recogniser, need: str) -> None:
    recognition = recogniser.recognise(need)
    assert recognition.level is not Level.CONFIDENT, (need, recognition.best)


# A rare keyword, or a common one with a second keyword or its partner, still names:
# the cases are in test_recognition_claims.test_a_need_naming_its_procedure_is_still_claimed.


def test_the_rule_reads_the_keyword_not_the_procedure() -> None:
    """Constructed: the same catalogue, once with a common keyword and once with a rare
    one of the same shape; only the rare one claims when said alone."""
    assert "retard" in common_words()
    assert "pharos" not in common_words()
    for word, claimed in (("retard", False), ("pharos", True)):
        recogniser = Recogniser(
            [
                Procedure(id="x.a", partner="x", title="Signaler un envoi", keywords=(word,)),
                Procedure(id="x.b", partner="x", title="Payer une amende"),
            ]
        )
        recognition = recogniser.recognise(word)
        assert (recognition.level is Level.CONFIDENT) is claimed, word


# The accent-free forms of two French words: issue-14at, recognition/accents.py.
@pytest.mark.parametrize(
    "name", ["build_common_words.py", "build_accent_rivals.py", "build_accent_free_words.py"]
)
def test_the_common_words_file_is_what_its_script_writes(name: str) -> None:
    try:
        import wordfreq  # noqa: F401
    except ImportError:  # the test extra has it; CI installs it
        if os.environ.get("CI"):
            pytest.fail("wordfreq is not installed (pip install -e '.[test]'); CI runs every test")
        pytest.skip("wordfreq is not installed (pip install -e '.[test]')")
    script = ROOT / "scripts" / name
    result = subprocess.run(
        [sys.executable, str(script), "--check"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    assert result.returncode == 0, result.stderr
