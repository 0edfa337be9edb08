"""The rules that place a candidate above one of higher score, and say why.

Candidates come best first, by score, except where a rule places one higher; each such
rule records why in ``placed`` (by procedure number), which becomes
:attr:`~mfs_core.recognition.result.Candidate.placed`: the candidate whose title subject
the need says (:meth:`Placing.subject_settled`, :data:`~mfs_core.recognition.result.
SUBJECT`), the one the head of the need's noun phrase reaches (:meth:`Placing.head_first`,
``HEAD``), a suggestion whose fiche summary holds more of the need's words
(:meth:`Placing.described_first`, ``DESCRIBED``), the procedure whose own question title the
need says whole (:meth:`Placing.question_first`, ``QUESTION``), the twins a need refutes listed last
(:func:`refuted_last`), a withdrawn procedure that only echoes the first candidate's words
left out of a clarify question (:func:`unasked`). :func:`first` and :func:`moved_up` serve
the level's rules too (:mod:`~mfs_core.recognition.decision`).
"""

from __future__ import annotations

import operator
from collections.abc import Mapping, Sequence

from mfs_core.recognition.confidence import CLAIM
from mfs_core.recognition.index import ProcedureIndex
from mfs_core.recognition.normalise import Word
from mfs_core.recognition.questions import Questions
from mfs_core.recognition.result import DESCRIBED
from mfs_core.recognition.scoring import Row
from mfs_core.recognition.situation import SITUATION_BOOST, unsaid_subjects
from mfs_core.recognition.terms import NeedTerms, Unit

__all__ = ["Placing", "first", "moved_up", "one_sided", "refuted_last", "unasked"]

#: The head of a noun phrase reorders only the candidates shown first (the top three).
_HEAD_REACH = 3
#: A question said whole places first only a candidate of those shown (the top five, the
#: default ``--limit`` of ``mfs recognise``).
_QUESTION_REACH = 5
_STEM = operator.itemgetter(2)


def first(ranked: list[Row], numbers: list[int]) -> list[Row]:
    """``ranked`` with the rows of ``numbers`` first, in that order."""
    # Loops: the generators made two of them and cells of both locals (issue-14ad).
    by_number = {}
    for row in ranked:
        by_number[row[4]] = row
    first = []
    for n in numbers:
        first.append(by_number[n])
    for row in ranked:
        if row[4] not in numbers:
            first.append(row)
    return first


def moved_up(before: list[Row], after: list[Row], why: str, placed: dict[int, str]) -> None:
    """Record ``why`` for each procedure that ``after`` lists earlier than ``before``."""
    if after is before:
        return
    was = {row[4]: n for n, row in enumerate(before)}
    for n, row in enumerate(after):
        if n < was[row[4]]:
            placed[row[4]] = why


class Placing:
    """The rules that place a candidate above one of higher score, over one index; one per
    :class:`~mfs_core.recognition.ranking.Recogniser`.

    ``terms``: how the need's words are read (for the units of single words);
    ``subjects``: by procedure number, the subject its title opens with;
    ``subject_naming``: the keywords' words that name it
    (:func:`~mfs_core.recognition.situation.naming_keywords`); ``questions``: the
    procedures' own question titles (:func:`~mfs_core.recognition.questions.own_questions`);
    ``asked``: by procedure number, what its question title asks about
    (:func:`~mfs_core.recognition.situation.asked_subjects`).
    """

    def __init__(
        self,
        index: ProcedureIndex,
        terms: NeedTerms,
        subjects: Mapping[int, frozenset[str]],
        subject_naming: tuple[frozenset[str], ...],
        questions: Questions,
        asked: Mapping[int, frozenset[str]] | None = None,
    ) -> None:
        self.index = index
        self._terms = terms
        self.subjects = subjects
        self._subject_naming = subject_naming
        self.questions = questions
        self.asked: Mapping[int, frozenset[str]] = asked or {}

    def question_first(self, ranked: list[Row], found: list[Word]) -> list[Row]:
        """``ranked`` with the best candidate of the first :data:`_QUESTION_REACH` whose
        own question title the need (its meaningful words ``found``) says whole put first
        (:mod:`~mfs_core.recognition.questions`): « Quelles sont les catégories de
        demandeurs d'emploi ? » is the inscription's question, though the aide au permis
        (whose fiche asks of « catégories » too) scores more. Only over candidates it
        explains at least as much as each of them (its confidence), and only the order
        changes: the level is read on it. (« Les allocations chômage peuvent-elles être
        supprimées ? », the radiation's question, is not moved: the two ARE explain more
        of it.)"""
        numbers = self.questions.get(tuple(map(_STEM, found)))
        if not numbers or ranked[0][4] in numbers:
            return ranked
        most = ranked[0][6]
        for at in range(1, min(len(ranked), _QUESTION_REACH)):
            row = ranked[at]
            # Only over candidates the need's words explain no more (its confidence): a
            # fiche lists questions another procedure answers better (« Quel justificatif
            # fournir pour s'inscrire à France Travail ? » is F1636's, the justificatifs'
            # procedure explains it whole: a tune item the unbounded rule lost).
            if row[4] in numbers and row[6] >= most:
                return [row, *ranked[:at], *ranked[at + 1 :]]
            most = max(most, row[6])  # every candidate it passes (review 36)
        return ranked

    def described_first(
        self, ranked: list[Row], known: list[Unit], placed: dict[int, str]
    ) -> list[Row]:
        """``ranked`` (suggestions: no claim, no question) re-ordered by their score plus
        what the need's words add in each one's fiche summary (its description,
        :attr:`~mfs_core.recognition.index.ProcedureIndex.described`); ``ranked`` itself
        when they add nothing. Each procedure it moves above one of higher score is
        recorded in ``placed`` (:data:`DESCRIBED`). Only procedures the searched fields
        reached are ranked: a summary re-orders them, it never reaches, explains or claims
        (issue-14aa: read as a field, F1420's « lieu de naissance » claimed « extrait de
        naissance » for the casier judiciaire)."""
        described = self.index.described
        added: dict[int, float] = {}
        # The few ranked numbers, looked up in each term's postings (an intersection went
        # through every procedure a summary word reaches); each number's sum is still made
        # in word and term order.
        pooled = [row[4] for row in ranked]
        for word in known:
            for term, match in word.terms:
                found = described.get(term)
                if found is None:
                    continue
                for number in pooled:
                    if number in found:
                        added[number] = added.get(number, 0.0) + match * found[number]
        if not added:
            return ranked
        # A procedure its description adds to passes those above it whose score, with what
        # their description adds, is lower; never one a rule placed (the subject, the head
        # of the need, twins: ``placed``), and the others keep their order.
        order = list(ranked)
        for n in range(1, len(order)):
            row = order[n]
            plus = added.get(row[4], 0.0)
            if not plus:
                continue
            at = n
            while at > 0:
                above = order[at - 1]
                if above[4] in placed or row[5] + plus <= above[5] + added.get(above[4], 0.0):
                    break
                at -= 1
            if at < n:
                order[at + 1 : n + 1] = order[at:n]
                order[at] = row
        # Each procedure now above one of higher score says why (one that passed it may
        # have been passed in turn: its place need not have changed).
        below = -1.0
        for row in reversed(order):
            if row[5] < below and row[4] not in placed:
                placed[row[4]] = DESCRIBED
            below = max(below, row[5])
        return order

    def subject_settled(self, ranked: list[Row], known: list[Unit]) -> list[Row]:
        """``ranked`` with its first two candidates swapped when the first's title
        subject is one the need says nothing of, and the second, whose subject the need
        says (or that has none), is reached alike: every known word explains both as
        much, and the second scores at least the first's score divided by
        :data:`~mfs_core.recognition.situation.SITUATION_BOOST` (« changer d'adresse lors
        d'un déménagement » is no « *Carte grise* : changement d'adresse »: see
        :func:`~mfs_core.recognition.situation.unsaid_subjects`).

        Only the first place moves, and only between candidates the same words explain
        alike: the rule cannot lift a candidate reached by other words (« nationalité ≈
        nationale ») over the first, change the confidence the level reads, nor push a
        candidate out of the top three."""
        if len(ranked) < 2:
            return ranked
        first, second = ranked[0], ranked[1]
        if second[5] * SITUATION_BOOST < first[5] or second[6] != first[6]:
            return ranked
        said = {term for word in known for term, _ in word.terms}
        unsaid = unsaid_subjects(self.subjects, self._subject_naming, said, (first[4], second[4]))
        if unsaid != {first[4]} or not _explained_alike(known, first[4], second[4]):
            return ranked
        return [second, first, *ranked[2:]]

    def asked_settled(
        self, ranked: list[Row], known: list[Unit], words: Sequence[Unit] = ()
    ) -> list[Row]:
        """``ranked`` with the first candidate whose title is a question about a subject the
        need says nothing of (:attr:`asked`: « Quel *justificatif* fournir pour s'inscrire à
        France Travail ? », neither the noun it asks about nor a keyword word that names
        the procedure said, as :func:`~mfs_core.recognition.situation.unsaid_subjects`
        reads a title's situation) passed by the best of the next candidates of the first
        three that every known word of the need reaching it reaches too, that asks no
        such unsaid question itself, and that explains enough of the need to be asked
        about (:data:`~mfs_core.recognition.confidence.CLAIM`). « S'inscrire à Pôle
        Emploi » asks how to register: the question title's other words (« inscrire »,
        « France Travail ») reach it in full, the registration's keyword « inscription »
        only as a derived form its fiche's questions hold, so the justificatif was
        claimed at 100 % (stop 39).

        Only the order changes: the level is read on it, so the candidate passed, which
        scores more, stays a rival and the question asks both; a need that says the
        justificatif, or an ``[[asked]]`` phrase naming it (« pièces à fournir »), keeps its
        claim."""
        if len(ranked) < 2:
            return ranked
        best = ranked[0][4]
        if best not in self.asked:
            return ranked
        said = {term for word in known for term, _ in word.terms}
        # ``words``: all the need's units; its [[asked]] phrases reach no procedure (not
        # ``known``) but may name the noun asked (« pièces à fournir »: the justificatif,
        # review 40). Read here, past the test above, which most needs stop at.
        said.update(noun for word in words for noun in word.asks)
        if not unsaid_subjects(self.asked, self._subject_naming, said, (best,)):
            return ranked
        reaching = [word.reach.explains for word in known if best in word.reach.explains]
        for row in ranked[1:_HEAD_REACH]:
            number = row[4]
            if row[6] < CLAIM or number in self.asked:
                continue
            if all(number in explains for explains in reaching):
                return first(ranked, [number])
        return ranked

    def head_first(self, ranked: list[Row], found: list[Word], head: tuple[int, str]) -> list[Row]:
        """``ranked`` with the best candidate the head of the need's noun phrase reaches
        put first, when a « pour » complement qualifies that head (``head``: its position
        in ``found`` and accent-free form, :func:`~mfs_core.recognition.head.head_position`)
        and the first candidate is one the head does not reach: « une *procuration* pour le
        retrait d'une lettre recommandée » asks about the procuration, the retrait is what
        it is for. The candidate moved must also be reached by a word of the complement
        (the complement qualifies *it*), so a head that reaches a procedure of another
        matter moves nothing, nor does the head said again in the complement. Only a
        candidate of the first three moves, and only the order changes: the level is read
        on it (a rival that explains more keeps the question open)."""
        position, plain = head
        if position >= len(found) or found[position][1] != plain:
            return ranked  # a stop-word locution before the head shifted the positions
        reached = self._terms.unit(found[position]).reach.explains
        if not reached or ranked[0][4] in reached:
            return ranked
        head_stem = found[position][2]
        after = [
            self._terms.unit(w).reach.explains for w in found[position + 1 :] if w[2] != head_stem
        ]
        for row in ranked[1:_HEAD_REACH]:
            if row[4] in reached and any(row[4] in explains for explains in after):
                return first(ranked, [row[4]])
        return ranked


def _explained_alike(known: list[Unit], one: int, other: int) -> bool:
    """Whether every known word of the need explains procedures ``one`` and ``other`` as
    much (nothing, or the same information)."""
    return all(w.reach.explains.get(one) == w.reach.explains.get(other) for w in known)


def refuted_last(ranked: list[Row], refuted: frozenset[int]) -> list[Row]:
    """``ranked`` with the rows of the ``refuted`` procedures last, each part in order."""
    return [r for r in ranked if r[4] not in refuted] + [r for r in ranked if r[4] in refuted]


def unasked(
    ranked: list[Row], chosen: int, known: list[Unit], withdrawn: frozenset[int]
) -> tuple[list[Row], list[Row]]:
    """``ranked`` without the candidates of a clarify question (its ``chosen`` leading
    ones) after the first that no word of the need's own reaches, and those left out
    (issue-14bo): the caller reads the level again without them, and lists them after what
    it asks (a claim only of a candidate that explains no less of the need than each of
    them: review 37). A candidate's own words are the known words of the need (``known``;
    not pairs of words) that explain it and not the first candidate. Left out: a
    ``withdrawn`` procedure (:class:`~mfs_core.model.ProcedureStatus`) with no own word,
    unless the first is withdrawn too. It stays so that the words residents still use for
    it resolve; asked beside the procedure the need's words reach first, on that one's
    words, it offers a choice that no longer exists. « Quelles aides existent pour les
    petites retraites ? »: « petite retraite » reads as « allocation de solidarité aux
    personnes âgées minimum vieillesse » (the Aspa), and « personnes âgées » is also a
    keyword of the withdrawn Cnav housing aid, whose own words (habitat, adaptation du
    logement) the need does not say.

    (A second rule, a candidate reached only by a qualifier of its keywords — « revenus
    *professionnels* » and the « maladie *professionnelle* » — was withdrawn after review
    37: a keyword's later word is often its subject, « cumul emploi retraite », « affection
    longue durée ».)"""
    best = ranked[0][4]
    if best in withdrawn:
        return ranked, []
    dropped = [
        row
        for row in ranked[1:chosen]
        if row[4] in withdrawn and not one_sided(known, row[4], best)[0]
    ]
    if not dropped:
        return ranked, dropped
    return [row for row in ranked if row not in dropped], dropped


def one_sided(known: list[Unit], a: int, b: int) -> tuple[bool, bool]:
    """Whether a word of the need (``known``; not a pair of words, which has no label)
    explains procedure ``a`` and not ``b``, and whether one explains ``b`` and not ``a``:
    what tells two candidates' words apart (:class:`~mfs_core.recognition.decision.LevelRules`'s
    ``_apart`` and ``_same_words``; :func:`unasked`)."""
    first_only = second_only = False
    for word in known:
        if word.label:
            explains = word.reach.explains
            if a in explains:
                if b not in explains:
                    first_only = True
            elif b in explains:
                second_only = True
    return first_only, second_only
