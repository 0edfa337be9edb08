"""A relative the request is made for says whose request it is, not what it is about
(review 38, stop 38).

« passeport de mon fils » suggested nothing: « fils », a word the catalogue does not know,
weighed as an unknown topical word (1.2 times the rarest word's idf, twice « passeport »),
as if the need were about something else. Relatives the catalogue does not know now weigh
as a word of how a request is asked (``confidence.GENERIC_WORD``); the ones it knows
(« enfant », « conjoint », « mari ») keep their weight. The needs are review 38's,
constructed (short needs an agent hears at the counter); the corpus outcomes do not move
(``scripts/compare_recognition.py --coarse``: 0 of 32,880 differ in level, candidates or
order).
"""

from __future__ import annotations

import pytest

from mfs_core.recognition import Level, Recogniser
from mfs_core.recognition.confidence import GENERIC_WORD
from mfs_core.recognition.normalise import kin_words


def test_the_list_holds_the_relatives_of_ined_s_survey() -> None:
    kin = kin_words()
    assert {"fils", "fille", "mere", "pere", "conjoint", "frere", "soeur", "neveu"} <= kin
    assert "passeport" not in kin


def _weight(recogniser: Recogniser, need: str, word: str) -> float:
    """The weight of ``word`` in ``need``, read as recognition reads it (``read_need``)."""
    text, found, marks = recogniser.read_need(need)
    words, _ = recogniser._terms.words(found, text, marks)
    (unit,) = [w for w in words if w.label == word]
    return unit.weight


def test_an_unknown_relative_weighs_as_a_word_of_how_a_request_is_asked(
    recogniser: Recogniser,
) -> None:
    index = recogniser.index
    assert _weight(recogniser, "passeport de mon fils", "fils") == pytest.approx(
        index.max_idf * GENERIC_WORD
    )
    # a topical word the catalogue lacks still weighs as another subject
    assert _weight(recogniser, "passeport de mon chien", "chien") > 5 * index.max_idf * GENERIC_WORD


@pytest.mark.parametrize(
    ("need", "first"),
    [
        ("passeport de mon fils", "interieur.passeport-renouvellement"),
        ("renouveler le passeport de mon fils", "interieur.passeport-renouvellement"),
        ("renouveler le passeport de ma fille", "interieur.passeport-renouvellement"),
        ("refaire la carte d'identité de ma fille", "interieur.cni-renouvellement"),
    ],
)
def test_a_relative_s_request_is_asked_not_lost(
    recogniser: Recogniser, need: str, first: str
) -> None:
    """Before: ``none`` (or ``weak`` under the claim bar), nothing chosen or a suggestion."""
    recognition = recogniser.recognise(need)
    assert recognition.level in (Level.CONFIDENT, Level.AMBIGUOUS), recognition
    asked = [c.procedure for c in recognition.candidates[: recognition.chosen]]
    assert first in asked


def test_a_relative_s_housing_aid_is_shown(recogniser: Recogniser) -> None:
    recognition = recogniser.recognise("les APL pour ma fille étudiante")
    assert recognition.level is not Level.NONE
    asked = {c.procedure for c in recognition.candidates[: recognition.chosen]}
    assert asked & {"caf.aide-logement", "msa.aide-logement"}


def test_a_relative_the_catalogue_knows_keeps_its_weight(recogniser: Recogniser) -> None:
    # « mari » is a word of the catalogue (a survivor's pension's): read as before
    index = recogniser.index
    assert _weight(recogniser, "décès de mon mari", "mari") > index.max_idf * GENERIC_WORD


@pytest.mark.parametrize("need", ["carte d'identité pour mon bébé", "passeport de mon bébé"])
def test_a_baby_s_papers_are_not_the_adult_s(recogniser: Recogniser, need: str) -> None:
    """Review 38b: « bébé » read as a relative made these a question among the three adult
    procedures (« … d'un majeur »); a baby is a minor (lexicon ``[[exclusive]]``), and
    « bébé » is not in data/kin.txt."""
    recognition = recogniser.recognise(need)
    assert recognition.level is Level.NONE, recognition
    assert "bebe" not in kin_words()
