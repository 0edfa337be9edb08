"""A fiche's question titles about another subject (issue-14ak, review 14g finding 3).

A procedure's ``questions`` were every « Questions ? Réponses ! » link of its
service-public.fr fiche, and a fiche links questions about neighbouring subjects: the AAH's
fiche (F12242) links « Handicap : peut-on cumuler la PCH avec d'autres allocations ? », so a
resident asking about the PCH had the AAH claimed. Those titles are now the procedure's
``related_questions``: kept with their source, not searched. Each test failed before.
"""

from __future__ import annotations

import datetime as dt

import pytest

from mfs_core.model import Partner, PartnerKind, Procedure
from mfs_core.recognition import Level, Recogniser
from mfs_core.recognition.checks import procedure_problems
from mfs_core.recognition.normalise import tokens
from mfs_core.registry import Registry

# -- the built-in catalogue: real titles, each listed on the fiche named -----------------


@pytest.mark.parametrize(
    ("procedure", "question"),
    [
        # F12242 (AAH): the PCH is the département's benefit, another one
        ("caf.aah", "Handicap : peut-on cumuler la PCH avec d'autres allocations ?"),
        # F1050 (carte grise d'un véhicule d'occasion): correcting a carte grise
        (
            "interieur.carte-grise-occasion",
            "Que faire si le certificat d'immatriculation (ex-carte grise) comporte une erreur ?",
        ),
        # F265 (carte Vitale): Mon espace santé, the DMP
        ("cnam.carte-vitale", "Qu'est-ce que Mon espace santé (dossier médical partagé) ?"),
        ("cnam.carte-vitale", "En quoi consiste le dossier médical partagé (DMP) ?"),
    ],
)
def test_a_related_question_does_not_claim_its_procedure(
    builtins: Registry, recogniser: Recogniser, procedure: str, question: str
) -> None:
    assert question in builtins.procedures[procedure].related_questions
    assert question not in builtins.procedures[procedure].questions
    recognition = recogniser.recognise(question)
    claimed = recognition.level is Level.CONFIDENT and recognition.best is not None
    assert not (claimed and recognition.best.procedure == procedure)  # type: ignore[union-attr]
    # the carte Vitale is not even the first shown (the AAH is still shown, weak, on
    # « handicap », its keyword; the carte grise, level none, on « carte grise »)
    if procedure == "cnam.carte-vitale":
        assert procedure not in [c.procedure for c in recognition.candidates[:1]]


def test_the_dmp_reaches_nothing(recogniser: Recogniser) -> None:
    # « DMP » is only in related questions (the carte Vitale's and the affiliation's), and
    # « consiste » too: the need reached both procedures before
    assert recogniser.recognise("En quoi consiste le DMP ?").candidates == ()


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


def test_a_related_question_reaches_nothing() -> None:
    # constructed: the same title as a question of the procedure reaches it; as a related
    # question, it does not
    question = "Peut-on cumuler la prestation de compensation avec une pension ?"
    own = _procedure("p.a", "Allocation aux adultes handicapés", questions=(question,))
    related = _procedure("p.a", "Allocation aux adultes handicapés", related_questions=(question,))
    other = _procedure("p.b", "Carte de stationnement")
    reached = Recogniser([own, other], _PARTNERS).recognise("cumuler la prestation de compensation")
    assert [c.procedure for c in reached.candidates] == ["p.a"]
    unreached = Recogniser([related, other], _PARTNERS).recognise(
        "cumuler la prestation de compensation"
    )
    assert unreached.candidates == ()


def test_related_questions_count_in_how_common_a_word_is() -> None:
    # constructed: « pension » is in one title and in another procedure's question; moved
    # to the related questions, the word is as common across the fiches as before
    title = _procedure("p.a", "Pension d'invalidité")
    asked = _procedure("p.b", "Carte de stationnement", questions=("Et ma pension ?",))
    related = _procedure("p.b", "Carte de stationnement", related_questions=("Et ma pension ?",))
    (pension,) = tokens("pension")
    before = Recogniser([title, asked], _PARTNERS).index
    after = Recogniser([title, related], _PARTNERS).index
    assert after.idf[pension.stem] == before.idf[pension.stem]
    assert set(after.postings[pension.stem]) == {0}  # p.a only
    assert set(before.postings[pension.stem]) == {0, 1}


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
