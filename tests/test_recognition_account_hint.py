"""A partner hint said in another clause of a long account settles its request's twins
(issue-14be).

A long account is read clause by clause (``Recogniser._several``, ``alone``): « Je suis
agriculteur, comment demander l'aide au logement ? » splits at its comma, so « comment
demander l'aide au logement ? » was read without « agriculteur » and asked « la CAF ou
la MSA ? », though the same sentence read alone claims the MSA's aide au logement.

The account is constructed (the lead's task issue-14be, after review 16c): its first
sentence is context; its request is the sentence of the brief.
"""

from __future__ import annotations

from mfs_core.recognition import Level, Recogniser

#: « constructed »
_CONTEXT = (
    "Bonjour, nous venons d'emménager dans un nouvel appartement avec ma femme et nos "
    "deux enfants depuis le mois dernier. "
)
ACCOUNT = _CONTEXT + "Je suis agriculteur, comment demander l'aide au logement ?"


def test_the_hint_reaches_the_request_clause(recogniser: Recogniser) -> None:
    alone = recogniser.recognise("Je suis agriculteur, comment demander l'aide au logement ?")
    assert alone.level is Level.CONFIDENT
    assert alone.best is not None
    assert alone.best.procedure == "msa.aide-logement"
    recognition = recogniser.recognise(ACCOUNT)
    assert recognition.level is Level.CONFIDENT, recognition
    assert recognition.best is not None
    assert recognition.best.procedure == "msa.aide-logement"
    assert "agriculteur → Mutualité sociale agricole" in recognition.best.matched


def test_a_negated_hint_answers_the_other_way(recogniser: Recogniser) -> None:
    # issue-14bh: « pas agriculteur » leaves the CAF's twin (was: the question stayed)
    need = _CONTEXT + "Je ne suis pas agriculteur, comment demander l'aide au logement ?"
    recognition = recogniser.recognise(need)
    assert recognition.level is Level.CONFIDENT, recognition
    assert recognition.best is not None
    assert recognition.best.procedure == "caf.aide-logement"


def test_refuting_both_twins_settles_nothing(recogniser: Recogniser) -> None:
    # constructed: « pas agriculteur ni à la caf » refutes both: the question stays
    need = (
        _CONTEXT + "Je ne suis pas agriculteur ni à la caf, comment demander l'aide au logement ?"
    )
    recognition = recogniser.recognise(need)
    assert recognition.level is Level.AMBIGUOUS  # still the CAF-or-MSA question
    chosen = {c.procedure for c in recognition.candidates[: recognition.chosen]}
    assert chosen == {"caf.aide-logement", "msa.aide-logement"}
