"""Things of another matter, round 2 (stop 40): lexicon ``[[elsewhere]]`` entries for social
housing and the private mutuelle, and the context reading of such a phrase in a need that
names a covered request by a lexicon phrase.

« logement social » is the HLM demand (code de la construction et de l'habitation
R441-2-2: the demand is registered by a service d'enregistrement; demande-logement-social.
gouv.fr), not the CAF's or MSA's aide au logement; a « carte de mutuelle » is the private
complementary insurer's card, and changing or ending a mutuelle is a contract with that
insurer, not the C2S. Sources in ``lexicon.toml``; the needs are constructed from the
class's logic (none is a corpus text). The needs whose head word still names a covered
procedure (« C2S mutuelle gratuite », « changer de mutuelle pour la CSS ») are in
``test_recognition_elsewhere.py``.
"""

from __future__ import annotations

import pytest

from mfs_core.recognition import Level, Recogniser

_HOUSING = {"caf.aide-logement", "msa.aide-logement"}


@pytest.mark.parametrize(
    "need",
    [
        "je voudrais déposer une demande de logement social",  # was weak: the aide au logement
        "j'ai perdu ma carte de mutuelle",  # was weak: the identity card, the carte Vitale
        "je veux changer de mutuelle",  # was weak: the C2S, the carte grise's address
    ],
)
def test_a_thing_of_another_matter_reaches_nothing(recogniser: Recogniser, need: str) -> None:
    recognition = recogniser.recognise(need)
    assert recognition.level is Level.NONE, recognition


@pytest.mark.parametrize(
    "need",
    [
        "APL pour mon logement social",
        # the lexicon's « aide au logement » and the other matter's « logement social »
        # side by side: the context of the request, not another matter (the rule)
        "aide au logement pour un logement social",
        # the ALS spelled out holds « logement social »: read whole, it is the aide
        "allocation de logement sociale",
        "demande de logement social et demande d'APL",
    ],
)
def test_the_housing_allowance_is_still_asked(recogniser: Recogniser, need: str) -> None:
    recognition = recogniser.recognise(need)
    assert recognition.level is Level.AMBIGUOUS, recognition
    asked = {c.procedure for c in recognition.candidates[: recognition.chosen]}
    assert asked == _HOUSING, recognition


def test_the_context_phrase_weighs_as_a_word_of_how_a_request_is_asked(
    recogniser: Recogniser,
) -> None:
    """With the APL named, « logement social » neither lends « logement » to the aide nor
    weighs as a word of another matter: the aide explains nearly all the need."""
    recognition = recogniser.recognise("APL pour mon logement social")
    assert recognition.best is not None
    assert recognition.best.confidence >= 0.85, recognition
    assert "logement social" not in recognition.best.matched
