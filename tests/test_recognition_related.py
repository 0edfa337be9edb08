"""A fiche's question titles about another subject (issue-14ak, review 14g finding 3).

A procedure's ``questions`` were every « Questions ? Réponses ! » link of its
service-public.fr fiche, and a fiche links questions about neighbouring subjects: the AAH's
fiche (F12242) links « Handicap : peut-on cumuler la PCH avec d'autres allocations ? », so a
resident asking about the PCH had the AAH claimed. Those titles are now the procedure's
``related_questions``: kept with their source, searched as the procedure's own (their words
are the neighbouring vocabulary residents use), and a need that is, nearly, one of them,
whose words decide the claim, is shown, not claimed (issue-14al,
:mod:`mfs_core.recognition.related`).
"""

from __future__ import annotations

import datetime as dt

import pytest

from mfs_core.model import Partner, PartnerKind, Procedure
from mfs_core.recognition import Level, Recogniser
from mfs_core.recognition.checks import procedure_problems
from mfs_core.registry import Registry

# -- the built-in catalogue: real titles, each listed on the fiche named -----------------


@pytest.mark.parametrize(
    ("procedure", "question", "level"),
    [
        # F12242 (AAH): the PCH is the département's benefit, another one (claimed on main;
        # its words still reach the AAH: shown)
        ("caf.aah", "Handicap : peut-on cumuler la PCH avec d'autres allocations ?", Level.WEAK),
        # F1050 (carte grise d'un véhicule d'occasion): correcting a carte grise (claimed
        # on main; shown)
        (
            "interieur.carte-grise-occasion",
            "Que faire si le certificat d'immatriculation (ex-carte grise) comporte une erreur ?",
            Level.WEAK,
        ),
        # F265 (carte Vitale): Mon espace santé, the DMP (never claimed: level none, as on
        # main)
        (
            "cnam.carte-vitale",
            "Qu'est-ce que Mon espace santé (dossier médical partagé) ?",
            Level.NONE,
        ),
        ("cnam.carte-vitale", "En quoi consiste le dossier médical partagé (DMP) ?", Level.NONE),
    ],
)
def test_a_related_question_does_not_claim_its_procedure(
    builtins: Registry, recogniser: Recogniser, procedure: str, question: str, level: Level
) -> None:
    assert question in builtins.procedures[procedure].related_questions
    assert question not in builtins.procedures[procedure].questions
    recognition = recogniser.recognise(question)
    assert recognition.level is level
    assert recognition.best is not None
    assert recognition.best.procedure == procedure  # shown first, as on main


def test_an_own_question_still_claims(builtins: Registry, recogniser: Recogniser) -> None:
    # F12242 lists it for the AAH itself
    question = "Peut-on travailler et toucher l'allocation aux adultes handicapés (AAH) ?"
    assert question in builtins.procedures["caf.aah"].questions
    recognition = recogniser.recognise(question)
    assert recognition.level is Level.CONFIDENT
    assert recognition.best is not None
    assert recognition.best.procedure == "caf.aah"


def test_every_related_question_has_a_source(builtins: Registry) -> None:
    """Provenance unchanged: the source that listed a question now supports it as related."""
    missing = [
        p.id
        for p in builtins.procedures.values()
        if p.related_questions and not any("related_questions" in s.supports for s in p.sources)
    ]
    assert missing == []
    assert sum(len(p.related_questions) for p in builtins.procedures.values()) >= 100


def test_no_question_is_both_own_and_related(builtins: Registry) -> None:
    for procedure in builtins.procedures.values():
        assert not set(procedure.questions) & set(procedure.related_questions), procedure.id


# -- the mechanism, on constructed procedures --------------------------------------------

_TODAY = dt.date(2026, 11, 30)
_PARTNERS = {"p": Partner(code="p", name="Partenaire", kind=PartnerKind.NATIONAL)}


def _procedure(pid: str, title: str, **fields: object) -> Procedure:
    return Procedure(id=pid, partner="p", title=title, last_verified=_TODAY, **fields)  # type: ignore[arg-type]


_QUESTION = "Handicap : peut-on cumuler la prestation de compensation avec d'autres allocations ?"
_OTHERS = (
    _procedure("p.b", "Carte de stationnement", keywords=("stationnement",)),
    _procedure("p.c", "Pension d'invalidité", keywords=("invalidité",)),
)


def _aah(**fields: object) -> Procedure:
    return _procedure(
        "p.a", "Allocation aux adultes handicapés", keywords=("AAH", "handicap"), **fields
    )


def test_a_related_question_is_searched_as_an_own_question() -> None:
    # constructed: the same title as an own question or as a related one, the same index
    own = Recogniser([_aah(questions=(_QUESTION,)), *_OTHERS], _PARTNERS).index
    related = Recogniser([_aah(related_questions=(_QUESTION,)), *_OTHERS], _PARTNERS).index
    assert related.postings == own.postings
    assert related.idf == own.idf


def test_the_need_that_is_a_related_question_is_shown_not_claimed() -> None:
    # constructed: asked as written, the title claims the procedure that lists it as its
    # own question, and is only shown for the one that lists it as related
    own = Recogniser([_aah(questions=(_QUESTION,)), *_OTHERS], _PARTNERS).recognise(_QUESTION)
    related = Recogniser([_aah(related_questions=(_QUESTION,)), *_OTHERS], _PARTNERS).recognise(
        _QUESTION
    )
    assert own.level is Level.CONFIDENT
    assert related.level is Level.WEAK
    # the same candidates, scores and words: only the level differs
    assert related.candidates == own.candidates


def test_the_procedure_s_own_words_keep_the_claim() -> None:
    # constructed: the need's words are the related question's, but the procedure's own
    # fields hold the words that decide (its name): claimed, with « cumuler » (a word only
    # the related question holds) among the matched words
    recogniser = Recogniser([_aah(related_questions=(_QUESTION,)), *_OTHERS], _PARTNERS)
    recognition = recogniser.recognise("cumuler l'allocation aux adultes handicapés")
    assert recognition.level is Level.CONFIDENT
    assert recognition.best is not None
    assert recognition.best.procedure == "p.a"
    assert "cumuler" in recognition.best.matched


def test_a_related_question_is_checked_as_a_question() -> None:
    procedure = _procedure(
        "p.a",
        "Allocation",
        questions=("Qui peut en bénéficier ?",),
        related_questions=(" ", "de la", "x" * 301, "Qui peut en bénéficier ?"),
    )
    codes = [str(code) for code, _ in procedure_problems(procedure)]
    assert codes == [
        "recognition-text-blank",
        "recognition-no-words",
        "recognition-text-too-long",
        "related-question-also-own",
    ]


def test_own_and_related_questions_are_one_field_for_the_limits() -> None:
    # constructed: 150 own and 60 related questions, 210 titles read in one field: more
    # than MAX_PHRASES (200); each list alone is within it
    procedure = _procedure(
        "p.a",
        "Allocation",
        questions=tuple(f"Question numéro {n} ?" for n in range(150)),
        related_questions=tuple(f"Question voisine {n} ?" for n in range(60)),
    )
    messages = [message for _, message in procedure_problems(procedure)]
    assert any(m.startswith("more than 200 keywords or questions") for m in messages)
