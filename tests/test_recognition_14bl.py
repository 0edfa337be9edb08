"""Short needs the recogniser got wrong, each a class (issue-14bl); each test failed on main
at 8808843.

Phrasings marked *tune* are items of the corpus's tune split (or the catalogue's own
question titles); those marked *constructed* are the lead's short checks of the rule, not
corpus items.
"""

from __future__ import annotations

import pytest

from mfs_core.model import Procedure, ProcedureStatus
from mfs_core.recognition import Level, Recogniser

# -- 1. a withdrawn procedure's status remark is not its words -----------------------------


def test_a_withdrawn_title_is_read_without_its_status_remark() -> None:
    from mfs_core.recognition.index import read_title  # new in issue-14bl

    title = "Aide pour le logement (supprimée : remplacée par MaPrimeAdapt')"  # constructed
    withdrawn = Procedure(id="p.a", partner="p", title=title, status=ProcedureStatus.WITHDRAWN)
    assert read_title(withdrawn) == "Aide pour le logement"
    # An active procedure's brackets are its own words (« (ARE) », « (majeur) »).
    active = Procedure(id="p.b", partner="p", title="Allocation chômage (ARE)")
    assert read_title(active) == "Allocation chômage (ARE)"
    # Review 36 (M5): a withdrawn procedure's bracket that is no status remark is still
    # its words: residents' old words find it (constructed).
    for title, read in (
        ("Prime zorglub (PZB)", "Prime zorglub (PZB)"),
        ("Guichet (fermé depuis 2024)", "Guichet"),
        ("Aide (Remplacée par une autre)", "Aide"),
    ):
        procedure = Procedure(id="p.c", partner="p", title=title, status=ProcedureStatus.WITHDRAWN)
        assert read_title(procedure) == read, title


@pytest.mark.parametrize(
    "need",
    [
        "Les allocations chômage peuvent-elles être supprimées ?",  # tune; F1638's question
        "une aide supprimée",  # constructed
        "remplacer mon passeport",  # constructed
    ],
)
def test_a_status_word_does_not_reach_the_withdrawn_aid(recogniser: Recogniser, need: str) -> None:
    recognition = recogniser.recognise(need)
    assert "cnav.aide-habitat" not in {c.procedure for c in recognition.candidates}, recognition


# -- 4. « refaire » says how a document is asked, not which case ---------------------------

_CNI = {
    "interieur.cni-premiere-demande",
    "interieur.cni-renouvellement",
    "interieur.cni-perdue",
}


@pytest.mark.parametrize(
    "need",
    [
        "refaire ma carte d'identité",  # constructed (the brief)
        "je dois refaire ma carte d'identité",  # constructed
    ],
)
def test_refaire_an_identity_card_asks_among_its_procedures(
    recogniser: Recogniser, need: str
) -> None:
    recognition = recogniser.recognise(need)
    assert recognition.level is Level.AMBIGUOUS, recognition
    assert {c.procedure for c in recognition.candidates[: recognition.chosen]} == _CNI


# -- 3. the MSA's déclaration des revenus professionnels (DRP) ------------------------------


def test_the_drp_is_the_exploitants_declaration(recogniser: Recogniser) -> None:
    """The MSA's acronym (keyword « DRP », MSA Ain-Rhône's page; constructed need)."""
    recognition = recogniser.recognise("DRP")
    assert recognition.candidates, recognition
    assert recognition.candidates[0].procedure == "msa.declarations-exploitants", recognition


@pytest.mark.parametrize(
    "need",
    [
        "déclaration de revenus",  # constructed
        # review 36 (H1, M1): a lexicon phrase « déclaration de revenus professionnels »
        # → « DRP exploitant agricole » claimed these for the MSA (« réponse immédiate »);
        # the self-employed who are not farmers say the same (constructed; withdrawn)
        "comment faire ma déclaration de revenus professionnels ?",
        "déclarer mes revenus professionnels",
        "je suis salarié, comment déclarer mes revenus professionnels aux impôts ?",
    ],
)
def test_a_declaration_of_income_is_not_asked_of_the_msa(recogniser: Recogniser, need: str) -> None:
    recognition = recogniser.recognise(need)
    asked = [c.procedure for c in recognition.candidates[: recognition.chosen]]
    assert asked, recognition
    assert asked[0].startswith("dgfip."), recognition
    assert "msa.declarations-exploitants" not in asked, recognition
    if need == "déclaration de revenus":
        assert all(p.startswith("dgfip.") for p in asked), recognition


# -- 5. « existe » is not a word of asking (withdrawn after review 36) -----------------------


@pytest.mark.parametrize(
    "need",
    [
        # review 36 (H2): with « existe » read as a word of asking, the words left made a
        # claim of the relevé de carrière (constructed)
        "ma caisse de retraite me demande de prouver que j'existe",
        # review 36 (M4): caf.aah's own fiche question; with « existe » asked, three other
        # CAF procedures were suggested
        "le complément de ressources existe-t-il toujours ?",
    ],
)
def test_existe_claims_nothing(recogniser: Recogniser, need: str) -> None:
    recognition = recogniser.recognise(need)
    assert recognition.level is not Level.CONFIDENT, recognition
    assert recognition.level is not Level.WEAK or recognition.candidates[0].procedure != (
        "caf.complement-familial"
    ), recognition


# -- 2. a need that is a procedure's own question title, said whole -------------------------


def test_a_question_said_whole_places_its_procedure_first(recogniser: Recogniser) -> None:
    """The inscription's « Chômage : quelles sont les catégories de demandeurs d'emploi ? »
    without its situation (tune); the aide au permis lists a like question and says
    « demandeur d'emploi » in its title, and scored more."""
    recognition = recogniser.recognise("Quelles sont les catégories de demandeurs d'emploi ?")
    best = recognition.candidates[0]
    assert best.procedure == "france-travail.inscription", recognition
    assert best.placed == "question"


def test_a_question_does_not_pass_a_procedure_that_explains_more(
    recogniser: Recogniser,
) -> None:
    """F1636's question « Quel justificatif fournir pour s'inscrire à France Travail … ? »
    is listed by the inscription, but the justificatifs' procedure explains it whole (tune):
    it stays first, claimed."""
    recognition = recogniser.recognise(
        "Quel justificatif fournir pour s'inscrire à France Travail (anciennement Pôle emploi) ?"
    )
    assert recognition.level is Level.CONFIDENT, recognition
    assert recognition.candidates[0].procedure == "france-travail.justificatifs-inscription"


def test_own_questions_are_read_with_and_without_their_situation() -> None:
    from mfs_core.recognition.questions import own_questions  # new in issue-14bl

    questions = [
        ["Chômage : quelles sont les catégories de demandeurs d'emploi ?"],  # F1636's
        ["Médiateur : comment y recourir ?"],  # too short to be one procedure's (constructed)
    ]
    assert own_questions(questions) == {
        ("chomag", "categor", "demandeur", "emploi"): frozenset({0}),
        ("categor", "demandeur", "emploi"): frozenset({0}),
    }
