"""A partner's name said with its first word cut short reads as the name (review 39, stop
40): « ass maladie », « ass. maladie » claimed the ASS (allocation de solidarité
spécifique) on the acronym its cut word also is. The needs are constructed from the
rule: the cut name answers as the whole name does.
"""

from __future__ import annotations

import pytest

from mfs_core.recognition import Level, Recogniser


def _outcome(recogniser: Recogniser, need: str) -> tuple[str, list[str]]:
    found = recogniser.recognise(need)
    return found.level.value, [c.procedure for c in found.candidates[:3]]


@pytest.mark.parametrize(
    ("cut", "whole"),
    [
        ("ass maladie", "assurance maladie"),  # claimed france-travail.ass on main
        ("ass. maladie", "assurance maladie"),
        ("carte ass maladie", "carte assurance maladie"),
        ("ass. maladie remboursement", "assurance maladie remboursement"),
        ("ass retraite", "assurance retraite"),
        ("sécu sociale", "sécurité sociale"),
    ],
)
def test_a_cut_name_answers_as_the_name(recogniser: Recogniser, cut: str, whole: str) -> None:
    assert _outcome(recogniser, cut) == _outcome(recogniser, whole)


@pytest.mark.parametrize("need", ["ass maladie", "ass. maladie"])
def test_a_cut_name_is_not_the_acronym(recogniser: Recogniser, need: str) -> None:
    recognition = recogniser.recognise(need)
    assert "france-travail.ass" not in [c.procedure for c in recognition.candidates], recognition


@pytest.mark.parametrize("need", ["ASS", "demande ASS", "ASS et retraite", "allocation ASS"])
def test_the_acronym_said_alone_or_apart_is_still_the_ass(
    recogniser: Recogniser, need: str
) -> None:
    # « ASS et retraite »: the name's words are not said in a row, two things are asked
    recognition = recogniser.recognise(need)
    assert recognition.level is Level.CONFIDENT, recognition
    assert recognition.candidates[0].procedure == "france-travail.ass"
