"""The shortcuts that make recognition fast give what the plain computation gives.

- a need is read chunk by chunk (split on white space, each chunk's analysis remembered):
  the words are those of the whole text read at once (:func:`normalise.words`);
- the typo search looks at the index words of a close length only: same word as over the
  whole vocabulary;
- remembered words (per process and per recogniser) change nothing: a need recognised on a
  fresh recogniser with emptied caches, then again, gives the same outcome.

The outcomes themselves are pinned by ``tests/test_recognition_golden.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mfs_core.recognition import Recogniser, normalise
from mfs_core.registry import Registry
from mfs_test_support import load_script

# Every white-space character, and what cleaning changes or removes around words:
# apostrophes, quotes, zero-width and no-break characters, combining marks, ligatures.
SPACES = "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace())
TRICKY = "’‘ʼ`´'\"«»\u200b\u00ad\u2060\ufeff\u00a8\u0301\u0308\u0327\u0345İßœæﬁ½⑴-_/.,?"
LETTERS = "adeilnoprstuvéèàçêîôû0123"
texts = st.text(alphabet=SPACES + TRICKY + LETTERS, max_size=80) | st.lists(
    st.sampled_from(["d’", "l'", "à", "partir", "de", "droit", "au", "carte", "vitale", " "]),
    max_size=12,
).map("".join)


@settings(max_examples=1_500, deadline=None)
@given(texts)
def test_a_need_read_chunk_by_chunk_has_the_words_of_the_whole_text(text: str) -> None:
    normalise.clear_caches()
    assert [word for word, _, _ in normalise._analysed(text)] == normalise.words(text)
    assert normalise.meaningful(text) == [t[:3] for t in normalise.tokens(text)]


@pytest.fixture(scope="module")
def recogniser() -> Recogniser:
    registry = Registry.load(external=False)
    return Recogniser(registry.procedures.values(), registry.partners)


def mistyped(word: str, data: st.DataObject) -> str:
    """``word`` with one or two letters replaced, inserted or removed."""
    letters = list(word)
    for _ in range(data.draw(st.integers(1, 2))):
        where = data.draw(st.integers(0, len(letters) - 1))
        edit = data.draw(st.sampled_from(["replace", "insert", "delete"]))
        letter = data.draw(st.sampled_from("abcdeilmnorstu"))
        if edit == "replace":
            letters[where] = letter
        elif edit == "insert":
            letters.insert(where, letter)
        elif len(letters) > 1:
            del letters[where]
    return "".join(letters)


@settings(max_examples=1_000, deadline=None)
@given(st.data())
def test_the_typo_search_over_close_lengths_finds_the_same_word(
    recogniser: Recogniser, data: st.DataObject
) -> None:
    from rapidfuzz.distance import Levenshtein
    from rapidfuzz.process import extractOne

    index = recogniser.index
    typed = mistyped(data.draw(st.sampled_from(index._typo_words)), data)
    limit = 1 if len(typed) < 8 else 2
    everywhere = extractOne(
        typed, index._typo_words, scorer=Levenshtein.distance, score_cutoff=limit
    )
    close = extractOne(
        typed,
        index._typo_window(len(typed), limit),
        scorer=Levenshtein.distance,
        score_cutoff=limit,
    )
    assert (everywhere and everywhere[:2]) == (close and close[:2])


def test_remembered_words_change_no_outcome() -> None:
    golden = load_script(
        "recognition_golden", Path(__file__).parents[1] / "scripts" / "recognition_golden.py"
    )
    catalogue, _ = golden.read_pinned()
    needs = [o["text"] for o in golden.outcomes(catalogue)][:120]
    normalise.clear_caches()
    fresh = golden.recogniser(catalogue)
    first = [fresh.recognise(need) for need in needs]
    again = [fresh.recognise(need) for need in needs]
    normalise.clear_caches()
    assert first == again == [golden.recogniser(catalogue).recognise(need) for need in needs]
