"""A need that is one of a procedure's own question titles, said whole (issue-14bl).

A service-public.fr fiche lists the question titles it answers; the catalogue keeps them as
the procedure's ``questions`` (its fiche's question titles about another subject are
``related_questions``, not read here). A need whose meaningful words are those of such a
question, in order, asks that question, whatever another procedure's keywords weigh. The
question's situation, the words before « : », may be left out (« Quelles sont les
catégories de demandeurs d'emploi ? » is the inscription's « Chômage : quelles sont les
catégories de demandeurs d'emploi ? », while the aide au permis scored more). A procedure
is placed first only over candidates it explains as much as (« Les allocations chômage
peuvent-elles être supprimées ? », F1638's, the radiation's, stays under the two ARE,
which explain more of it: left, docs/recognition.md).

Only questions of :data:`MIN_WORDS` meaningful words or more count: a shorter one
(« Comment y recourir ? ») is no question of one procedure. :meth:`~mfs_core.recognition.
placing.Placing.question_first` places the procedure first; it never reaches a procedure
the need's words did not.
"""

from __future__ import annotations

from collections.abc import Iterable

from mfs_core.recognition.index import field_texts
from mfs_core.recognition.normalise import tokens

__all__ = ["MIN_WORDS", "Questions", "own_questions"]

#: A question title of fewer meaningful words is not one procedure's.
MIN_WORDS = 3
#: The stems of a question title said whole -> the procedures (by number) that list it.
Questions = dict[tuple[str, ...], frozenset[int]]


def own_questions(questions: Iterable[object]) -> Questions:
    """The question titles of each procedure, given by number as its ``questions`` field
    (read within the index's limits, :func:`~mfs_core.recognition.index.field_texts`),
    by their stems in order; each also without its situation (the words before « : »).

    >>> found = own_questions([["Chômage : quelles sont les catégories de demandeurs d'emploi ?"]])
    >>> sorted(found)
    [('categor', 'demandeur', 'emploi'), ('chomag', 'categor', 'demandeur', 'emploi')]
    """
    found: dict[tuple[str, ...], set[int]] = {}
    for number, field in enumerate(questions):
        for text in field_texts(field):
            said = [text]
            if " : " in text:
                said.append(text.split(" : ", 1)[1])
            for part in said:
                stems = tuple(t.stem for t in tokens(part))
                if len(stems) >= MIN_WORDS:
                    found.setdefault(stems, set()).add(number)
    return {stems: frozenset(numbers) for stems, numbers in found.items()}
