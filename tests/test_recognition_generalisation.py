"""Generalisation (issue 14, branch issue-14t): each general fault that the new tune phrasings
of issue-14t showed (``tests/data/recognition/items.py``, block ``issue-14t``), a case that
failed on 3a28a58 or on the commit before its fix (said by each commit); cases marked
*guard* pass on both and hold what the fix must not change.

Needs marked *constructed* are written for the rule, not taken from a public source; the
others are corpus items, each with its public source.
"""

from __future__ import annotations

import pytest

from mfs_core.recognition import Level, Recogniser
from mfs_core.recognition.lexicon import Lexicon, said_in
from mfs_core.recognition.normalise import tokens

MOVE = {"interieur.changement-adresse", "la-poste.reexpedition-courrier"}


@pytest.mark.parametrize(
    ("need", "expected"),
    [
        # lexicon: « perdu » of « j'ai perdu mon emploi » is no lost ID paper (constructed)
        ("J'ai perdu mon emploi", "france-travail.inscription"),
        ("perte d'emploi : que faire ?", "france-travail.inscription"),
        ("je viens d'être licencié, que faire ?", "france-travail.inscription"),
        ("j'ai perdu mon passeport", "interieur.passeport-perdu"),  # guard
        # lexicon: an error on the tax notice is a réclamation (constructed)
        ("il y a une erreur dans mon avis d'imposition", "dgfip.reclamation"),
        ("erreur sur l'avis d'impôt de cette année : que faire ?", "dgfip.reclamation"),
        ("où trouver mon avis d'impôt", "dgfip.revenu-fiscal-reference"),  # guard
        # a title's subject said (constructed guard), or a keyword that names the
        # procedure alone (« ANEF », the titre de séjour's online service: corpus phrasing)
        ("changer l'adresse sur ma carte grise", "interieur.carte-grise-adresse"),
        ("Déposer une demande en ligne via l’ANEF", "interieur.titre-sejour"),
    ],
)
def test_the_need_reads_as_its_procedure(recogniser: Recogniser, need: str, expected: str) -> None:
    best = recogniser.recognise(need).best
    assert best is not None
    assert best.procedure == expected, need


@pytest.mark.parametrize(
    ("need", "expected"),
    [
        # Snowball leaves « -ons » on verbs: read through the lemma's stem (constructed)
        ("nous nous séparons", {"justice.divorce", "caf.changement-situation"}),
        ("nous déménageons", MOVE),
        # a title's subject the need says nothing of (« Carte grise : changement
        # d'adresse ») does not put that procedure first (constructed)
        ("Changer d'adresse lors d'un déménagement", MOVE),
        ("nouvelle adresse après un déménagement : qui prévenir ?", MOVE),
    ],
)
def test_the_need_reads_as_one_of_its_procedures(
    recogniser: Recogniser, need: str, expected: set[str]
) -> None:
    best = recogniser.recognise(need).best
    assert best is not None, need
    assert best.procedure in expected, need


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


def test_one_word_said_with_stop_words_counts_only_as_written() -> None:
    # « est licencié » is « licencié » after « être »; alone its stem is « licenciement »'s
    lexicon = Lexicon.from_data(
        {"expand": [{"say": ["est licencié"], "means": "chômage", "source": "x"}]}
    )
    (entry,) = lexicon.expansions
    assert entry.written is not None
    assert said_in("on est licencié", entry.written)
    assert not said_in("licenciement pour inaptitude", entry.written)


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


def test_the_lemma_stem_is_read_only_when_the_word_reaches_nothing_else(
    recogniser: Recogniser,
) -> None:
    # constructed guard: « déclarons » keeps its lemma match (« déclarer », an index word)
    best = recogniser.recognise("nous déclarons nos revenus").best
    assert best is not None
    assert "déclarons ≈ déclarer" in best.matched
