"""« refaire » a passport or an identity card is its renewal or its replacement after a
loss: asked, never nothing (issue-14be; the identity card, issue-14bh: « je dois refaire ma
carte d'identité » was ``none`` too, and service-public.fr says « refaire » of its renewal,
F21089, and of its loss fiche, F1344; the lexicon reads « carte d'identité périmée perdue »).

« je dois refaire mon passeport » (constructed, the lead's brief) was ``none``: « refaire »
reached no procedure, so « passeport » alone explained 32 % of the need, under every bar,
and nothing was suggested. The lexicon reads « refaire mon passeport » as « passeport
renouvellement » (sources in ``lexicon.toml``): the renewal and the loss fiche (« Passeport
d'un majeur : renouvellement en cas de perte ») both explain it, and the two are asked.
"""

from __future__ import annotations

import pytest

from mfs_core.recognition import Level, Recogniser

_PASSPORT = {"interieur.passeport-renouvellement", "interieur.passeport-perdu"}
_CARD = {"interieur.cni-renouvellement", "interieur.cni-perdue"}


@pytest.mark.parametrize(
    ("need", "asked"),
    [
        ("je dois refaire mon passeport", _PASSPORT),  # constructed (the brief)
        ("refaire mon passeport", _PASSPORT),  # constructed
        ("Je veux refaire un passeport", _PASSPORT),  # constructed
        # issue-14bh: the identity card, read « carte d'identité périmée perdue »
        ("je dois refaire ma carte d'identité", _CARD),  # constructed (the brief)
        ("Comment refaire une carte d'identité ?", _CARD),  # constructed
        ("refaire sa carte d'identité", _CARD),  # constructed
    ],
)
def test_refaire_a_title_asks_renewal_or_loss(
    recogniser: Recogniser, need: str, asked: set[str]
) -> None:
    recognition = recogniser.recognise(need)
    assert recognition.level is Level.AMBIGUOUS, recognition
    assert {c.procedure for c in recognition.candidates[: recognition.chosen]} == asked


@pytest.mark.parametrize(
    ("need", "procedure"),
    [
        ("j'ai perdu mon passeport, je dois le refaire", "interieur.passeport-perdu"),
        # constructed (issue-14bh): the case said, the case claimed
        ("je dois refaire ma carte d'identité, je l'ai perdue", "interieur.cni-perdue"),
        ("je dois refaire ma carte d'identité qui est périmée", "interieur.cni-renouvellement"),
    ],
)
def test_the_case_said_is_still_claimed(recogniser: Recogniser, need: str, procedure: str) -> None:
    recognition = recogniser.recognise(need)
    assert recognition.level is Level.CONFIDENT, recognition
    assert recognition.best is not None
    assert recognition.best.procedure == procedure
