"""Generalisation (issue 14, branch issue-14t): each general fault that the new tune phrasings
of issue-14t showed (``tests/data/recognition/items.py``, block ``issue-14t``), a test that
failed on 3a28a58.

Needs marked *constructed* are written for the rule, not taken from a public source; the
others are corpus items, each with its public source.
"""

from __future__ import annotations

import pytest

from mfs_core.recognition import Level, Recogniser
from mfs_core.recognition.lexicon import Lexicon, said_in
from mfs_core.recognition.normalise import tokens

# -- « lors » only ever begins a locution (« lors de », « dès lors »): a stop word -----------


def test_lors_is_a_stop_word() -> None:
    assert [t.word for t in tokens("changement d'adresse lors d'un déménagement")] == [
        "changement",
        "adresse",
        "déménagement",
    ]


@pytest.mark.parametrize(
    "need",
    [
        # constructed: « lors » reached the carte grise through a question title of its
        # fiche (« … obligatoires lors d'un contrôle routier ? »), which said nothing else
        "Qui prévenir lors d'un changement d'adresse ?",
        "Changer d'adresse lors d'un déménagement",
    ],
)
def test_lors_does_not_claim_the_carte_grise_for_a_move(recogniser: Recogniser, need: str) -> None:
    recognition = recogniser.recognise(need)
    best = recognition.best
    assert best is not None
    assert not (
        recognition.level is Level.CONFIDENT and best.procedure == "interieur.carte-grise-adresse"
    ), need
    assert "lors" not in " ".join(m for c in recognition.candidates for m in c.matched)


# -- lexicon phrases: « perdu » of « j'ai perdu mon emploi » is no lost ID paper; an error --
# -- on the tax notice is a réclamation, not the notice's own procedure ----------------------


@pytest.mark.parametrize(
    ("need", "expected"),
    [
        ("J'ai perdu mon emploi", "france-travail.inscription"),  # constructed
        ("perte d'emploi : que faire ?", "france-travail.inscription"),  # constructed
        ("je viens d'être licencié, que faire ?", "france-travail.inscription"),  # constructed
        ("il y a une erreur dans mon avis d'imposition", "dgfip.reclamation"),  # constructed
        ("erreur sur l'avis d'impôt de cette année : que faire ?", "dgfip.reclamation"),  # idem
    ],
)
def test_the_situation_reads_as_its_procedure(
    recogniser: Recogniser, need: str, expected: str
) -> None:
    best = recogniser.recognise(need).best
    assert best is not None
    assert best.procedure == expected, need


def test_one_word_said_with_stop_words_counts_only_as_written() -> None:
    # « est licencié » is « licencié » after « être »; alone its stem is « licenciement »'s
    lexicon = Lexicon.from_data(
        {"expand": [{"say": ["est licencié"], "means": "chômage", "source": "x"}]}
    )
    (entry,) = lexicon.expansions
    assert entry.written is not None
    assert said_in("on est licencié", entry.written)
    assert not said_in("licenciement pour inaptitude", entry.written)


def test_a_lost_paper_still_reads_as_the_lost_paper(recogniser: Recogniser) -> None:
    # constructed: « perdu » alone keeps its meaning
    best = recogniser.recognise("j'ai perdu mon passeport").best
    assert best is not None
    assert best.procedure == "interieur.passeport-perdu"


# -- « décédé » is the catalogue's « décès » (a situation in the resident's words) -----------


@pytest.mark.parametrize(
    "need",
    [
        "mon époux est décédé le mois dernier",  # constructed
        "mon conjoint est décédé, que dois-je faire ?",  # constructed
    ],
)
def test_a_spouse_who_died_reads_as_the_survivor_pension(recogniser: Recogniser, need: str) -> None:
    recognition = recogniser.recognise(need)
    assert [c.procedure for c in recognition.candidates[:2]] == [
        "cnav.pension-reversion",
        "dgfip.changement-situation",
    ], need
    assert any("décès" in m for m in recognition.candidates[0].matched)


# -- Snowball leaves « -ons » on verbs: « séparons » is read through its lemma's stem -------


@pytest.mark.parametrize(
    ("need", "expected"),
    [
        # constructed: the first person plural of a situation told in the resident's words
        ("nous nous séparons", {"justice.divorce", "caf.changement-situation"}),
        ("nous déménageons", {"la-poste.reexpedition-courrier", "interieur.changement-adresse"}),
    ],
)
def test_a_verb_in_the_first_person_plural_reaches_its_procedures(
    recogniser: Recogniser, need: str, expected: set[str]
) -> None:
    best = recogniser.recognise(need).best
    assert best is not None, need
    assert best.procedure in expected, need


def test_the_lemma_stem_is_read_only_when_the_word_reaches_nothing_else(
    recogniser: Recogniser,
) -> None:
    # constructed: « déclarons » keeps its lemma match (« déclarer », an index word), in full
    best = recogniser.recognise("nous déclarons nos revenus").best
    assert best is not None
    assert "déclarons ≈ déclarer" in best.matched


def test_the_tax_notice_alone_keeps_its_procedure(recogniser: Recogniser) -> None:
    # constructed guard: without the error, the notice is the revenu fiscal de référence's
    best = recogniser.recognise("où trouver mon avis d'impôt").best
    assert best is not None
    assert best.procedure == "dgfip.revenu-fiscal-reference"
