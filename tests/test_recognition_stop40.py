"""Review 39's leftovers (stop 40): wrong confident claims on short needs, by class.

- A verb whose object is the resident, said by another (« la DGFiP *me réclame* »): the
  resident is the one asked, not the one filing; the lexicon's ``active`` « réclamer »
  reads it as a matter the catalogue lacks (:func:`~mfs_core.recognition.negation.
  passive_positions`), as « je n'ai pas été payé » already was.
- A piece every démarche asks (« justificatif », « pièces justificatives ») names no
  procedure: France Travail's « Quel justificatif fournir pour s'inscrire ? » (F24465)
  keeps them in its title, no longer as naming keywords.

The needs are constructed from the class's logic (sources in ``lexicon.toml`` and
``france-travail.toml``).
"""

from __future__ import annotations

import pytest

from mfs_core.recognition import Level, Recogniser
from mfs_core.recognition.negation import passive_positions

_CLAIMS = (Level.CONFIDENT, Level.AMBIGUOUS)


@pytest.mark.parametrize(
    "need",
    [
        "la DGFiP me réclame de l'argent",  # claimed dgfip.reclamation on main
        "le trésor public me réclame",  # likewise
        "les impôts m'ont réclamé 300 euros",
    ],
)
def test_what_is_asked_of_the_resident_is_no_reclamation(recogniser: Recogniser, need: str) -> None:
    recognition = recogniser.recognise(need)
    assert not (
        recognition.level in _CLAIMS and recognition.candidates[0].procedure == "dgfip.reclamation"
    ), recognition


@pytest.mark.parametrize(
    "need",
    [
        "je veux faire une réclamation pour mes impôts",
        "réclamer contre un impôt trop élevé",
        "je réclame, mon impôt est faux",
    ],
)
def test_the_resident_filing_is_still_the_reclamation(recogniser: Recogniser, need: str) -> None:
    recognition = recogniser.recognise(need)
    assert recognition.candidates, recognition
    assert recognition.candidates[0].procedure == "dgfip.reclamation", recognition


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("la DGFiP me réclame de l'argent", 1),  # dgfip, réclame
        ("le trésor public m'a réclamé", 2),  # trésor, public, réclamé
        ("mon employeur ne m'a pas payé", 1),  # employeur, payé
    ],
)
def test_a_verb_whose_object_is_the_resident_is_read_as_done_to_them(text: str, word: int) -> None:
    assert word in passive_positions(text)


@pytest.mark.parametrize(
    "text",
    ["je me suis fait réclamer", "je ne me suis pas fait payer", "je réclame", "il me faut payer"],
)
def test_the_residents_own_doing_is_not(text: str) -> None:
    assert not passive_positions(text)


@pytest.mark.parametrize(
    "need",
    [
        "justificatif de domicile",  # claimed France Travail's justificatifs on main
        "pièces justificatives",  # likewise
        "pièce justificative",
    ],
)
def test_a_piece_every_demarche_asks_names_no_procedure(recogniser: Recogniser, need: str) -> None:
    recognition = recogniser.recognise(need)
    assert recognition.level not in _CLAIMS, recognition


@pytest.mark.parametrize(
    "need",
    [
        "justificatif inscription france travail",
        "quel justificatif pour s'inscrire à Pôle emploi",
    ],
)
def test_the_registrations_justificatif_is_still_claimed(recogniser: Recogniser, need: str) -> None:
    recognition = recogniser.recognise(need)
    assert recognition.level is Level.CONFIDENT, recognition
    assert recognition.candidates[0].procedure == "france-travail.justificatifs-inscription"
