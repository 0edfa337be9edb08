"""A commune's compound name says where, not what (review 39, stop 40): « je déménage à
Ars-en-Ré » suggested the allocation de rentrée scolaire on « ARS ». Official place names
join their words with hyphens, articles and prepositions inside in lower case (IGN's
charte de toponymie, sources in :mod:`mfs_core.recognition.places`); the needs are
constructed from that rule.
"""

from __future__ import annotations

import pytest

from mfs_core.recognition import Recogniser
from mfs_core.recognition.places import without_place_names


@pytest.mark.parametrize(
    ("text", "blank"),
    [
        ("je déménage à Ars-en-Ré", "Ars-en-Ré"),
        ("la CAF de Villeneuve-d'Ascq", "Villeneuve-d'Ascq"),
        ("carte grise Issy-les-Moulineaux", "Issy-les-Moulineaux"),
    ],
)
def test_a_compound_place_name_is_blanked(text: str, blank: str) -> None:
    read = without_place_names(text)
    assert len(read) == len(text)
    assert read == text.replace(blank, " " * len(blank))


@pytest.mark.parametrize(
    "text",
    ["mise-à-jour de la carte vitale", "CMU-C", "Pôle-Emploi", "ARS-EN-RE", "Saint-Nazaire"],
)
def test_other_hyphenated_words_are_kept(text: str) -> None:
    assert without_place_names(text) == text


@pytest.mark.parametrize(
    ("need", "acronym"),
    [
        ("je déménage à Ars-en-Ré", "caf.allocation-rentree-scolaire"),  # suggested first on main
        ("j'habite Ars-sur-Moselle, je change d'adresse", "caf.allocation-rentree-scolaire"),
    ],
)
def test_a_place_name_is_no_acronym(recogniser: Recogniser, need: str, acronym: str) -> None:
    recognition = recogniser.recognise(need)
    assert acronym not in [c.procedure for c in recognition.candidates], recognition
