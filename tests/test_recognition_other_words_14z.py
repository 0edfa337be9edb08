"""A need in other words than the procedure's, round 2 (issue 14, branch issue-14z): each
general fault left among the tune misses after issue-14w, a lexicon entry with its public
source (``recognition/data/lexicon.toml``, section issue-14z) and a test that failed on
3125c1b: here the needs it brings into the top three; those it brings first are in
``test_recognition_other_words.py`` (block issue-14z).

Needs marked *constructed* are written for the entry, not taken from a public source; the
others are corpus items, each with its public source.
"""

from __future__ import annotations

import pytest

from mfs_core.recognition import Recogniser


@pytest.mark.parametrize(
    ("need", "expected"),
    [
        # a « scrutin » is a vote (only the listes électorales were reached)
        (
            "Si vous ne pouvez pas vous rendre disponible le jour d’un scrutin électoral",
            "interieur.procuration",
        ),
        ("absent le jour du scrutin", "interieur.procuration"),  # constructed
        # young people neither in work nor in training are the CEJ's public (it read the RSA)
        (
            "Recevoir 500 euros par mois alors que l’on a moins de 25 ans, sans emploi ni "
            "formation, ce n’est pas une légende urbaine.",
            "france-travail.contrat-engagement-jeune",
        ),
        ("j'ai 19 ans, sans emploi ni formation", "france-travail.contrat-engagement-jeune"),  # c.
        # no longer able to work is the invalidité (the C2S and the sick pay were reached)
        ("Ma santé s’est dégradée et je ne peux plus travailler comme avant.", "cnam.invalidite"),
    ],
)
def test_the_need_in_other_words_reaches_the_top_three(
    recogniser: Recogniser, need: str, expected: str
) -> None:
    top = [c.procedure for c in recogniser.recognise(need).candidates[:3]]
    assert expected in top, (need, top)


def test_able_to_work_is_not_the_invalidite(recogniser: Recogniser) -> None:
    # « ne peux plus travailler » holds stop words only around « travailler »: said without
    # the negation (a retiree who may work) it must not read the invalidité
    top = [
        c.procedure for c in recogniser.recognise("a la retraite je peux travailler").candidates[:3]
    ]
    assert "cnam.invalidite" not in top, top
