"""A word of how a request is asked that the catalogue holds only as another word of its
stem names no subject (issue-14bh item 4).

« Quelles aides existent pour les petites retraites ? » (tune corpus) was ``none``: the
verb « existent » shares its stem with « certificat d'*existence* » (the certificat de vie),
which came first. « existe », « existent », « exister » are words of how a request is asked
(``data/generic.txt``), and such a word, when the catalogue has only another word of its
stem (« existence »; « retrouver » beside « retrouvé »…), reaches nothing: it weighs as a
word of how a request is asked. The noun itself still reaches its procedure. Needs
constructed.
"""

from __future__ import annotations

import pytest

from mfs_core.recognition import Level, Recogniser


@pytest.mark.parametrize(
    "need",
    [
        "Quelles aides existent pour payer son loyer ?",
        "quelles aides existent pour garder mon enfant",
    ],
)
def test_the_verb_exister_is_not_the_certificat_d_existence(
    recogniser: Recogniser, need: str
) -> None:
    recognition = recogniser.recognise(need)
    assert recognition.level is not Level.NONE, recognition
    assert "cnav.certificat-de-vie" not in {c.procedure for c in recognition.candidates}


def test_the_noun_still_reaches_its_procedure(recogniser: Recogniser) -> None:
    recognition = recogniser.recognise("je dois envoyer mon certificat d'existence à ma caisse")
    assert recognition.best is not None
    assert recognition.best.procedure == "cnav.certificat-de-vie"


def test_a_word_of_asking_weighs_little(recogniser: Recogniser) -> None:
    # « retrouver » was a subject word through « retrouvé »: 58 % of the need explained
    recognition = recogniser.recognise("comment retrouver mon numéro fiscal ?")
    assert recognition.best is not None
    assert recognition.best.procedure == "dgfip.espace-particulier"
    assert recognition.best.confidence >= 0.9


def test_the_keyword_said_whole_is_now_claimed(recogniser: Recogniser) -> None:
    # tune corpus (service-public.fr question): was shown only (a keyword phrase said
    # whole, under the suggestion bar with « retrouver » weighing as a subject word)
    recognition = recogniser.recognise("Comment retrouver son numéro d’accès fiscal ?")
    assert recognition.level is Level.CONFIDENT, recognition
    assert recognition.best is not None
    assert recognition.best.procedure == "dgfip.espace-particulier"
