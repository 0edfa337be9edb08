"""General faults of the tune misses (issue 14, branch issue-14r): each a test that failed
on main at 901be42.

Phrasings with a source are corpus items (``tests/data/recognition/needs.jsonl``, tune
split, each with its public source); those marked *constructed* are robustness cases
written for the rule, not taken from a public source.
"""

from __future__ import annotations

import pytest

from mfs_core.recognition import Recogniser
from mfs_core.recognition.lexicon import Lexicon, load_lexicon, said_in
from mfs_core.recognition.situation import named_situations, situations
from recognition_support import UNEMPLOYED_DEMARCHES

ARE = ("france-travail.are-avant-avril-2025", "france-travail.are-depuis-avril-2025")


def _first(recogniser: Recogniser, need: str) -> str:
    best = recogniser.recognise(need).best
    assert best is not None, need
    return best.procedure


# -- a lexicon phrase a stop-word locution leaves one word of ------------------------------


def test_a_phrase_left_one_word_keeps_its_locution() -> None:
    """« droits au chômage » reads « chômage » once « droits au » (a stop-word locution)
    is dropped: read by its stems only, it stood for every « chômage »."""
    found = Lexicon.from_data(
        {"expand": [{"say": ["droits au chômage", "fin de droits au chômage"],
                     "means": "allocation chômage", "source": "test"}]}
    )  # fmt: skip
    by_label = {e.label: e for e in found.expansions}
    assert by_label["droits au chômage"].said == ("chomag",)
    assert by_label["droits au chômage"].written == ("droit", "au", "chomag")
    # Two words left still say them in a row: no written form needed.
    assert by_label["fin de droits au chômage"].written is None


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("ai-je droit au chômage ?", True),
        ("comment savoir si j'ai le droit au chômage", True),
        ("Chômage : les premières démarches", False),
        ("au chômage depuis un mois", False),
    ],
)
def test_said_in_reads_the_locution(text: str, said: bool) -> None:
    (entry,) = [e for e in load_lexicon().expansions if e.label == "droits au chômage"]
    assert entry.written is not None
    assert said_in(text, entry.written) is said


def test_chomage_alone_is_not_droits_au_chomage(recogniser: Recogniser) -> None:
    """Before: « chômage » alone showed « droits au chômage → allocation chômage ARE »;
    « ai-je droit au chômage » keeps it (constructed)."""
    alone = recogniser.recognise("chômage").candidates
    assert not any("droits au chômage" in m for c in alone for m in c.matched)
    asked = recogniser.recognise("ai-je droit au chômage").candidates
    assert asked[0].procedure in ARE
    assert any("droits au chômage" in m for m in asked[0].matched)


# -- a need that asks the démarches of the situation a fiche title opens with --------------


def test_situations_are_read_from_fiche_titles() -> None:
    found = situations(
        [
            ("Inscription à France Travail", "Chômage : inscription à France Travail"),
            ("Allocation chômage (ARE)", "Allocation chômage d'aide au retour à l'emploi"),
            ("Arrêt maladie", None),  # no « : », no situation
            ("Radiation", "Chômage : radiation par France Travail"),
            ("Aide", "Aide pour le logement (supprimée : remplacée par MaPrimeAdapt')"),
        ]
    )
    assert "aid" not in found  # a remark in brackets is no situation
    assert [(sorted(s), sorted(n)) for s, n in found["chomag"]] == [(["chomag"], [0, 3])]
    assert named_situations(found, ["chomag", "premi"]) == {0, 3}
    assert named_situations(found, ["alloc"]) == frozenset()


@pytest.mark.parametrize(
    "need",
    [*UNEMPLOYED_DEMARCHES, "je me retrouve au chômage, quelles démarches ?"],  # + constructed
)
def test_the_demarches_of_unemployment_are_the_registration(
    recogniser: Recogniser, need: str
) -> None:
    """Before: the ARE pair first (« chômage » read as « droits au chômage »); F1636 is
    titled « Chômage : inscription à France Travail », and service-public.fr's dossier N549
    « Chômage : démarches auprès de France Travail » opens with it."""
    assert _first(recogniser, need) == "france-travail.inscription"


@pytest.mark.parametrize(
    "need",
    [
        # corpus item (tune): « toucher le chômage » is the allocation
        "désirez savoir quelles démarches accomplir ensuite pour toucher le chômage",
        # constructed: no phrase of how a request is asked, the allocation as before
        "chômage",
    ],
)
def test_the_allocation_stays_the_allocation(recogniser: Recogniser, need: str) -> None:
    assert _first(recogniser, need) in ARE


# -- La Poste: collecting is not sending, the price of a parcel is sending it --------------


@pytest.mark.parametrize(
    "need",
    [
        # corpus items (tune)
        "Comment effectuer la récupération de la lettre recommandée ?",
        "Quel délai pour recuperer un recommandé?",
        # constructed
        "je dois récupérer une lettre recommandée",
        "récupérer un colis à la poste",
    ],
)
def test_collecting_a_recommande_is_the_retrait(recogniser: Recogniser, need: str) -> None:
    """Before: « Envoyer une lettre recommandée » first (« récupérer » is a word of how a
    request is asked); the lexicon now reads « récupérer un recommandé / un colis »."""
    assert _first(recogniser, need) == "la-poste.retrait-avis-passage"


def test_a_phrase_shown_without_its_meaning_is_shown_whole(recogniser: Recogniser) -> None:
    """A procedure reached by the phrase's own words only shows the phrase, not
    « récupérer une lettre recommandée → » with nothing after the arrow (constructed)."""
    for candidate in recogniser.recognise("je dois récupérer une lettre recommandée").candidates:
        assert not any(m.endswith("→ ") or m.endswith("→") for m in candidate.matched)


@pytest.mark.parametrize(
    "need",
    [
        # corpus items (tune)
        "Quels sont les tarifs de Colissimo ?",
        "Envoyer un colis de + de 30 kg",
        # constructed
        "tarif pour envoyer un colis",
    ],
)
def test_sending_a_parcel_is_not_tracking_it(recogniser: Recogniser, need: str) -> None:
    """Before: « Suivre un envoi / colis » first: « envoyer » and « envoi » share a stem,
    and the tracking's keywords held both « colis » and « envoi »."""
    assert _first(recogniser, need) == "la-poste.envoyer-colis"
