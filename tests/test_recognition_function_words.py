"""A French function word the catalogue does not use reaches no procedure through the
thesaurus (issue-14an).

Residents' accounts are narration: « ça *va* être compliqué », « on m'a *dit* », « je
*vais* me renseigner ». LibreOffice's thesaurus reads « va » and « vais » as « emploi » and
« dit » as « déclarer », so these words were evidence for France Travail and the tax return.
The words come from stopwords-iso's French list, less those the catalogue holds
(``data/function-words.txt``, ``scripts/build_function_words.py``). Phrasings marked
*constructed* are written for the rule; the other is a corpus item
(``tests/data/recognition/needs.jsonl``, tune split, with its source).
"""

from __future__ import annotations

import pytest

from mfs_core.recognition import Recogniser
from mfs_core.recognition.index import SYNONYM
from mfs_core.recognition.normalise import (
    analysed_words,
    function_words,
    generic_words,
    stop_words,
)


@pytest.mark.parametrize(
    ("need", "word"),
    [
        ("Bientôt au chômage, ça va être compliqué", "va"),  # constructed
        ("Je vais me renseigner pour le chômage", "vais"),  # constructed
        ("On m'a dit de venir pour mon divorce", "dit"),  # constructed
    ],
)
def test_a_function_word_reaches_nothing_through_the_thesaurus(
    recogniser: Recogniser, need: str, word: str
) -> None:
    recognition = recogniser.recognise(need)
    assert recognition.candidates
    for candidate in recognition.candidates:
        assert not any(m.startswith(f"{word} ≈") for m in candidate.matched), candidate


def test_an_account_s_subject_is_no_longer_outranked_by_narration(
    recogniser: Recogniser,
) -> None:
    # « cher ≈ cherche », « va ≈ emploi » put France Travail's inscription first.
    need = (
        "Je suis en pleine procédure de divorce et ça me coûte cher. J'ai eu une aide de "
        "l'État mais, bientôt au chômage, ça va être compliqué..."
    )
    assert recogniser.recognise(need).candidates[0].procedure == "justice.divorce"


def test_the_words_are_neither_stop_words_nor_catalogue_words(recogniser: Recogniser) -> None:
    # The data file's criterion (scripts/build_function_words.py): a word the catalogue
    # holds stays evidence (« plein » of « taux plein »), so it must not be in the list.
    words = function_words()
    assert len(words) > 300
    assert not words & stop_words()
    for word in sorted(words):
        said = analysed_words(word)
        assert len(said) == 1, word
        match = recogniser.index.match(said[0])
        assert match is None or match.weight == SYNONYM, (word, match)
    assert {"va", "vais", "dit", "neanmoins"} <= words
    assert not {"plein", "premier", "suivre", "retour"} & words


def test_the_generic_words_hold_no_stop_word() -> None:
    # A stop word never reaches the generic list's readers (recognition drops it first, and
    # routing's local-service matching stems the list through the same tokens): listing one
    # there only hides what the list means (8 did, 2026-12-01: « avoir », « veux »...).
    assert not generic_words() & stop_words()
