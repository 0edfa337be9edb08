"""Evidence against a claim: a need that is, nearly, one of the claimed procedure's
related questions.

A fiche lists question titles about neighbouring subjects, and the catalogue keeps them
apart (:attr:`~mfs_core.model.Procedure.related_questions`, docs/catalogue.md): the AAH's
fiche (F12242) links « Handicap : peut-on cumuler la PCH avec d'autres allocations ? »,
a question about the département's PCH. They are searched with the procedure's own
questions (same field, same weight: their words are the neighbouring vocabulary
residents use, « cumuler » for the AAH), so a resident who asks that very question
reaches the AAH, and the AAH's title words (« handicap », « allocations ») make it a
claim. The catalogue's decision says otherwise: that question is about another subject.

The test, run only on a would-be claim of a procedure that has related questions: for one
of its related questions R,

- R's words hold more than :data:`NEARLY` of the need's information (the need is,
  nearly, that question: its words weighted by their idf, unknown words counted, as the
  confidence counts them), and
- the need's words of R that reach the procedure through none of its own fields (its
  keywords, titles, own questions, a plugin's description) carry more of the need's
  information than the words its own fields hold (with a hint naming its partner): the
  claim rests on R's words, not on the procedure's.

Then the need is shown, not claimed (``weak``). A need that is one of the procedure's own
questions never meets the second condition (its words are all the procedure's own).
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from mfs_core.model import Procedure
from mfs_core.recognition.index import field_texts, read_title, summarised
from mfs_core.recognition.normalise import tokens
from mfs_core.recognition.terms import Unit

__all__ = ["NEARLY", "Related", "RelatedQuestions", "related_of"]

#: Share of the need's information a related question's words must hold for the need to
#: be, nearly, that question: most of it. Not tuned: the rule fires on no need of the
#: tune split at any share from 0 to 0.9 (docs/recognition.md).
NEARLY = 0.5


@attrs.frozen
class Related:
    """What the test reads of one procedure: ``own``, the stems of its searched fields but
    its related questions; ``questions``, the stems of each related question; ``only``,
    the stems only its related questions hold (a need that says none of them is never
    withdrawn: the test's first step, one set operation)."""

    own: frozenset[str]
    questions: tuple[frozenset[str], ...]
    only: frozenset[str]


def related_of(procedure: Procedure) -> Related | None:
    """The :class:`Related` of ``procedure``, or ``None`` when it has no related question
    (the fields are read within the index's limits, :func:`~mfs_core.recognition.index.
    field_texts`: a plugin's object is not validated on its way in)."""
    questions = tuple(
        frozenset(token.stem for token in tokens(text))
        for text in field_texts(procedure.related_questions)
    )
    if not any(questions):
        return None
    own: set[str] = set()
    description = () if summarised(procedure) else procedure.description
    for value in (
        procedure.keywords,
        read_title(procedure),
        procedure.fiche_title,
        procedure.questions,
        description,
    ):
        for text in field_texts(value):
            own.update(token.stem for token in tokens(text))
    return Related(frozenset(own), questions, frozenset().union(*questions) - own)


class RelatedQuestions:
    """The test over one registry's procedures (``procedures``, in the index's order);
    each procedure's :class:`Related` is read on the first claim of it."""

    def __init__(self, procedures: Sequence[Procedure], partner_of: Sequence[str]) -> None:
        self._procedures = procedures
        self._partner_of = partner_of
        self._read: dict[int, Related | None] = {}

    def asked(self, number: int, known: list[Unit], total: float, said: frozenset[str]) -> bool:
        """Whether the need (``known``: its known units; ``total``: its information;
        ``said``: their stems) is, nearly, a related question of procedure ``number`` whose
        words decide the claim (see the module docstring)."""
        if number in self._read:
            related = self._read[number]
        else:
            related = self._read[number] = related_of(self._procedures[number])
        if related is None or related.only.isdisjoint(said):
            return False
        partner = self._partner_of[number]
        own = related.own
        held = 0.0  # what the procedure's own fields (and a hint of its partner) hold
        elsewhere: list[Unit] = []  # the words reaching it through related questions only
        for word in known:
            if word.partner is not None:
                if word.partner == partner:
                    held += word.weight
            elif number in word.reach.explains:
                # a unit's stems are its single-word index terms; own holds no pair
                if own.isdisjoint(word.stems):
                    elsewhere.append(word)
                else:
                    held += word.weight
        if not elsewhere:
            return False
        for question in related.questions:
            nearly = sum(w.weight for w in known if not question.isdisjoint(w.stems))
            if nearly > NEARLY * total:
                decided = sum(w.weight for w in elsewhere if not question.isdisjoint(w.stems))
                if decided > held:
                    return True
        return False
