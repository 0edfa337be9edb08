"""« refaire » a passport is its renewal or its replacement after a loss: asked, never
nothing (issue-14be).

« je dois refaire mon passeport » (constructed, the lead's brief) was ``none``: « refaire »
reached no procedure, so « passeport » alone explained 32 % of the need, under every bar,
and nothing was suggested. The lexicon reads « refaire mon passeport » as « passeport
renouvellement » (sources in ``lexicon.toml``): the renewal and the loss fiche (« Passeport
d'un majeur : renouvellement en cas de perte ») both explain it, and the two are asked.
"""

from __future__ import annotations

import pytest

from mfs_core.recognition import Level, Recogniser

_BOTH = {"interieur.passeport-renouvellement", "interieur.passeport-perdu"}


@pytest.mark.parametrize(
    "need",
    [
        "je dois refaire mon passeport",  # constructed (the brief)
        "refaire mon passeport",  # constructed
        "Je veux refaire un passeport",  # constructed
    ],
)
def test_refaire_a_passport_asks_renewal_or_loss(recogniser: Recogniser, need: str) -> None:
    recognition = recogniser.recognise(need)
    assert recognition.level is Level.AMBIGUOUS, recognition
    assert {c.procedure for c in recognition.candidates[: recognition.chosen]} == _BOTH


def test_a_lost_passport_said_is_still_claimed(recogniser: Recogniser) -> None:
    recognition = recogniser.recognise("j'ai perdu mon passeport, je dois le refaire")
    assert recognition.level is Level.CONFIDENT
    assert recognition.best is not None
    assert recognition.best.procedure == "interieur.passeport-perdu"


def test_a_stolen_identity_card_to_redo_keeps_the_identity_card_first(
    recogniser: Recogniser,
) -> None:
    """Review 34: a lexicon entry reading « refaire ma carte d'identité » as « carte
    d'identité périmée perdue » (issue-14bh, withdrawn) made « … qui a été volée » suggest the
    carte Vitale first (« carte … perdue volée ») and no identity card in the first four.
    Constructed need."""
    recognition = recogniser.recognise("je dois refaire ma carte d'identité qui a été volée")
    assert recognition.candidates, recognition
    assert recognition.candidates[0].procedure.startswith("interieur.cni-"), recognition
