"""Scoring and ordering the procedures a need's words reach: BM25F sums, boosts, the pool
and the documented order, then the candidates shown.

:func:`scores` sums the BM25F weights of the need's units (:mod:`~mfs_core.recognition.
terms`) per procedure, with what the thesaurus synonyms add to the procedures so reached
(query expansion: they re-rank, never retrieve, explain or name); :meth:`Scoring.boosted`
applies the partner hints and the thematique; :func:`pool` keeps the best BM25F scores;
:meth:`Scoring.ranked` measures each pooled candidate's confidence (the share of the need it
explains) and sorts them by a documented order: score (BM25F times the square root of the
confidence, :data:`COVERAGE`), then confidence, then the strongest field that matched, then
national partners before local ones, then the partner's share of requests, then the title.
Never by id: an id's spelling says nothing about what the resident meant.
:meth:`Scoring.candidates` makes the :class:`~mfs_core.recognition.result.Candidate` of each
row.

Every result is the one the straightforward computation gives, to the last bit
(``tests/test_recognition_golden.py``): sums are made in the words' order, and scores and
confidences rounded before they are compared.
"""

from __future__ import annotations

import itertools
import operator
from collections import defaultdict
from collections.abc import Callable

from mfs_core.recognition.confidence import OTHER_PARTNER
from mfs_core.recognition.index import FIELD_WEIGHTS, ProcedureIndex
from mfs_core.recognition.lexicon import Lexicon
from mfs_core.recognition.normalise import Word, tokens
from mfs_core.recognition.result import Candidate, new_candidate, with_places
from mfs_core.recognition.rounding import round_6_3, round_to
from mfs_core.recognition.situation import SITUATION_BOOST, Situations, named_situations
from mfs_core.recognition.terms import Unit

__all__ = [
    "COVERAGE",
    "HINT_BOOST",
    "THEMATIQUE_BOOST",
    "Row",
    "Scoring",
    "pool",
    "scores",
    "without_numbers",
]

#: A partner hint multiplies the scores of that partner's candidates by this.
HINT_BOOST = 1.25
#: The request's data·inclusion thematique multiplies the scores of the procedures that
#: carry it by this (the agent's own classification of the need).
THEMATIQUE_BOOST = 1.1
#: Ranking in two stages, as in information retrieval: the procedures with the best BM25F
#: scores are retrieved (:func:`pool`), then ordered by their BM25F score times
#: their confidence to this power, so that of two procedures scoring alike the one that
#: explains more of the need comes first (BM25F alone let one rare word of the need
#: outweigh the rest: « demandeur d'emploi » put a France Travail aid before the RSA the
#: need named). Tuned on the ``tune`` split only.
COVERAGE = 0.5

#: Scores and confidences are rounded to this many decimals before they are compared (and
#: to 3 from there where a candidate shows them: :func:`round_6_3`).
_DIGITS = 6
# More than the largest gap between a score and its rounding (half of 1e-6), for scores far
# below 1e9 (BM25F sums of a need of at most MAX_TEXT_CHARS characters are).
_ROUNDING_STEP = 1e-6
_LAST_FIELD = len(FIELD_WEIGHTS)

#: One ranked procedure: (minus its rounded score, minus its rounded confidence, the
#: strongest field rank it reached, its fixed order, its number, its rounded score, its
#: rounded confidence, the score and confidence shown: rounded again to 3 decimals, the
#: labels of the words and synonyms that reached it, in order). Sorting these tuples is the
#: documented order (best first); the fixed order ends with the id, so no two rows are
#: equal and the comparison stops there.
Row = tuple[
    float, float, int, tuple[int, int, str, str], int, float, float, float, float, list[str]
]
_FIRST = operator.itemgetter(0)
_STEM = operator.itemgetter(2)
_LABEL = operator.attrgetter("label")
_VIEW = operator.attrgetter("view")


def _repeated(expansions: list[Unit]) -> bool:
    """Two thesaurus synonyms of the need show the same label (then a candidate's labels
    are deduplicated; only then is it worth doing)."""
    return len(expansions) > 1 and len(set(map(_LABEL, expansions))) < len(expansions)


def _shown_labels(repeated: bool) -> Callable[[list[str]], tuple[str, ...]]:
    """What makes a candidate's labels: each once when a label is ``repeated`` in the need
    (only then is it worth removing duplicates), else as they are (``tuple``, in C)."""
    return _each_once if repeated else tuple


def _each_once(labels: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(labels))


class Scoring:
    """Scores and orders the procedures a need's words reach, over one index; one per
    :class:`~mfs_core.recognition.ranking.Recogniser`.

    ``partner_of``: each procedure's partner, by number; ``shown``: what a candidate shows
    of each (its id, partner and title); ``static_order``: the last criteria of the order,
    fixed per procedure (national partners first, then the partner's share of requests,
    then the title and the id); ``situations``: the situations fiche titles open with
    (:func:`~mfs_core.recognition.situation.situations`); ``lexicon``: its exclusions rule
    procedures out.
    """

    def __init__(
        self,
        index: ProcedureIndex,
        partner_of: list[str],
        shown: list[tuple[str, str, str]],
        static_order: list[tuple[int, int, str, str]],
        situations: Situations,
        lexicon: Lexicon,
    ) -> None:
        self.index = index
        self._partner_of = partner_of
        self._shown = shown
        self._static_order = static_order
        self._situations = situations
        #: first stem said -> (stems said, the procedures it rules out) of each exclusion
        #: (« mineur » rules out « Carte d'identité d'un majeur »): fixed, so found once
        titles = [frozenset(t.stem for t in tokens(d.title)) for d in index.documents]
        self.exclusive: dict[str, list[tuple[tuple[str, ...], frozenset[int]]]] = defaultdict(list)
        for exclusion in lexicon.exclusions:
            ruled = frozenset(n for n, title in enumerate(titles) if exclusion.title in title)
            if ruled:
                self.exclusive[exclusion.said[0]].append((exclusion.said, ruled))

    def placed_candidates(
        self, candidates: tuple[Candidate, ...], placed: dict[int, str]
    ) -> tuple[Candidate, ...]:
        """``candidates`` with why a rule moved each one up (``placed``, by number). Its
        own method: a closure in ``Recogniser._recognise`` made a cell on every need."""
        shown = self._shown
        by_id = {shown[n][0]: why for n, why in placed.items()}
        return with_places(candidates, lambda c: by_id.get(c.procedure))

    def situation_boosted(
        self, scores: dict[int, float], words: list[Unit], found: list[Word]
    ) -> dict[int, float]:
        """The scores of a need that asks which démarches (an ``[[asked]]`` phrase), with
        :data:`~mfs_core.recognition.situation.SITUATION_BOOST` applied to the procedures
        whose fiche title opens with a situation the need names (« Chômage : quelles
        démarches ? » → « Chômage : inscription à France Travail »): see
        :mod:`~mfs_core.recognition.situation`. A word inside a lexicon phrase does not
        name a situation (« toucher le chômage » is the allocation)."""
        expanded: set[int] = set()
        for word in words:
            if word.terms and word.partner is None:
                expanded |= word.span
        said = [w[2] for n, w in enumerate(found) if n not in expanded]
        named = named_situations(self._situations, said)
        if not named.intersection(scores):
            return scores
        return {n: v * SITUATION_BOOST if n in named else v for n, v in scores.items()}

    def ruled_out(self, found: list[Word]) -> frozenset[int]:
        """The procedures a word of the need rules out (lexicon ``[[exclusive]]``: the
        need says « mineur », the title says « majeur »)."""
        stems = list(map(_STEM, found))
        return frozenset(
            number
            for start, stem in enumerate(stems)
            for said, ruled in self.exclusive.get(stem, ())
            if tuple(stems[start : start + len(said)]) == said
            for number in ruled
        )

    def candidates(
        self, ranked: list[Row], known: list[Unit], hinted: set[str], expansions: list[Unit]
    ) -> tuple[Candidate, ...]:
        """The :class:`Candidate` of each ranked procedure, with the labels of the need's
        words that reached it (or, for a hint, that name its partner), in order, then
        those of the thesaurus synonyms that added to it: read by :meth:`ranked` (the
        row's last item) when the need holds no hint, the usual case."""
        shown = self._shown
        if hinted:
            return self._hinted_candidates(ranked, known, expansions)
        labels = list(filter(None, map(_LABEL, known)))  # not pairs of words (no label)
        # A word said twice is shown once.
        once = _shown_labels(len(set(labels)) < len(labels) or _repeated(expansions))
        # A loop: a comprehension made cells of ``shown`` and ``once`` and a function, every
        # need (a generator would also resume per candidate).
        candidates = []
        for row in ranked:
            candidates.append(new_candidate(shown[row[4]], row[7], row[8], once(row[9])))
        return tuple(candidates)

    def _hinted_candidates(
        self, ranked: list[Row], known: list[Unit], expansions: list[Unit]
    ) -> tuple[Candidate, ...]:
        """:meth:`candidates` for a need holding a partner hint: a hint shows on its
        partner's candidates, which its words need not reach."""
        # A phrase both in the lexicon and a partner hint (« pôle emploi »: the same
        # words of the need) is shown once, as the lexicon's expansion.
        expanded = {word.span for word in known if word.span and not word.partner}
        labelled = [
            (word.label, word.reach.explains, word.partner, word.partly)
            for word in known
            if word.label  # not a pair of words
            and not (word.partner and word.span in expanded)
        ]
        once = _shown_labels(
            len(set(map(_FIRST, labelled))) < len(labelled) or _repeated(expansions)
        )
        shown = self._shown
        candidates = []
        for row in ranked:
            number = row[4]
            partner = self._partner_of[number]
            matched = []  # a loop, not a comprehension: no function call per candidate
            for label, explains, named, partly in labelled:
                if number in explains:
                    if partly is None or number not in partly:
                        matched.append(label)
                    else:  # only some words of an expansion's meaning reached it
                        matched.append(partly[number])
                elif named == partner:
                    matched.append(label)
            for expansion in expansions:
                mark = expansion.marks.get(number)
                if mark is not None:
                    matched.append(mark[1])
            candidates.append(new_candidate(shown[number], row[7], row[8], once(matched)))
        return tuple(candidates)

    def _hinted_part(self, number: int, explained: float, known: list[Unit]) -> float:
        """``explained`` (what the need's words explain of procedure ``number``) with what
        the need's partner hints explain there: a hint explains the need for its
        partner's procedures. Added in the need's word order."""
        partner = self._partner_of[number]
        for word in known:
            if word.partner != partner:
                continue
            explained += word.weight
            # The same phrase may also be an expansion (« pôle emploi » → France Travail):
            # for the named partner's procedures, the hint explains it whole.
            for other in known:
                if other.partner is None and other.span & word.span:
                    part = other.reach.explains.get(number, 0)
                    explained += other.weight - min(other.weight, part)
        return explained

    def boosted(
        self,
        scores: dict[int, float],
        hinted: set[str],
        thematique: str | None,
    ) -> dict[int, float]:
        """The scores with partner hints and the thematique applied (``scores`` itself
        when there are none, the usual case)."""
        if not hinted and thematique is None:
            return scores
        documents = self.index.documents
        partner_of = self._partner_of
        boosted: dict[int, float] = {}
        for number, score in scores.items():
            named = partner_of[number] in hinted  # its partner looked up once
            if named:
                score *= HINT_BOOST
            if thematique is not None and thematique in documents[number].thematiques:
                score *= THEMATIQUE_BOOST
            if hinted and not named:
                # The need names another body (« le médiateur de la Caf »): this one's
                # procedure is at most a suggestion, and comes after that body's.
                score *= OTHER_PARTNER
            boosted[number] = score
        return boosted

    def ranked(
        self,
        pool: list[int],
        scores: dict[int, float],
        known: list[Unit],
        expansions: list[Unit],
        total: float,
        hinted: set[str],
    ) -> list[Row]:
        """The procedures of ``pool`` in the documented order, as rows (see :data:`Row`).

        The score is the BM25F score times the confidence to the power :data:`COVERAGE`;
        the confidence, the share of the need's information ``total`` its words (and
        hints) explain there. Score and confidence are rounded: a tie is a tie whatever
        the order floating-point sums were made in."""
        static_order = self._static_order
        partner_of = self._partner_of
        # Read once per need, not once per ranked procedure: each word's points (what it
        # explains and the field rank it reached, by number) and its label (a pair of
        # words has none: it adds score and field, shows nothing), then the synonyms'.
        views = list(filter(None, map(_VIEW, known)))
        synonyms = [word.marks for word in expansions]
        rows = []
        # The last confidence rounded and its roundings (a confidence is never negative:
        # -1.0 is none; never -0.0 either, whose rounding would keep its sign).
        last = -1.0
        rounded = (0.0, 0.0)
        for number in pool:
            # What the words explain there, added in word order (0.0 + the first part is
            # that part: the sums of the merge that once did it for every procedure), the
            # strongest field they, or a synonym adding to it, reached, and what they show
            # there: one look-up per word (the candidate's words are read here, not in a
            # second pass over the words for each candidate).
            explained = 0.0
            field = _LAST_FIELD
            matched = []
            for points, label, partly in views:
                point = points.get(number)
                if point is not None:
                    explained += point[0]
                    if point[1] < field:
                        field = point[1]
                    if label:
                        matched.append(label if partly is None else partly.get(number, label))
            for marks in synonyms:
                # Every ranked procedure was reached by a known word: a synonym reaching
                # it added to its score.
                mark = marks.get(number)
                if mark is not None:
                    if mark[0] < field:
                        field = mark[0]
                    matched.append(mark[1])
            if hinted:
                explained = self._hinted_part(number, explained, known)
            confidence = explained / total
            if confidence > 1.0:
                confidence = 1.0
            if hinted and partner_of[number] not in hinted:
                confidence *= OTHER_PARTNER  # see _boosted
            # Rounded for comparing (_DIGITS) and, in the same call, for showing (3).
            score, shown_score = round_6_3(scores[number] * confidence**COVERAGE)
            if confidence != last:  # pooled procedures the same words explain share it
                last = confidence
                rounded = round_6_3(confidence)
            confidence, shown = rounded
            rows.append(
                (
                    -score,
                    -confidence,
                    field,
                    static_order[number],
                    number,
                    score,
                    confidence,
                    shown_score,
                    shown,
                    matched,
                )
            )
        rows.sort()
        return rows


def without_numbers(scores: dict[int, float], numbers: frozenset[int]) -> dict[int, float]:
    """``scores`` less the procedures ``numbers``."""
    return {n: v for n, v in scores.items() if n not in numbers}


def scores(known: list[Unit], expansions: list[Unit]) -> dict[int, float]:
    """The BM25F score of each procedure the need's known words reach, with what the
    thesaurus synonyms add there.

    Each word's contributions added one procedure at a time, in word order (and, for a
    word of several terms, in term order: floating-point sums depend on it), from the
    flat entries of its :class:`_Reach`: one loop over about twenty entries per need.
    Only the scores: what the words explain and the fields they reached are read for
    the few procedures ranked (:meth:`Scoring.ranked`), not for the twenty or so reached."""
    if not known:
        return {}
    # The first word reaches no procedure another did: its sums are a copy, in C.
    scores = known[0].reach.scores.copy()
    for word in itertools.islice(known, 1, None):
        for number, score, adds in word.reach.entries:
            if number in scores:
                if adds is None:
                    scores[number] += score
                else:
                    total = scores[number]
                    for add in adds:
                        total += add
                    scores[number] = total
            else:
                scores[number] = score
    for word in expansions:
        # Only where the other words led: a synonym re-ranks, it does not retrieve. The
        # procedures both reach are found in C (a synonym reaches many, few of them
        # reached); each procedure's sum is its own, so their order does not matter.
        added = word.reach.scores
        for number in added.keys() & scores.keys():
            scores[number] += added[number]
    return scores


def pool(scores: dict[int, float], kept: int) -> list[int]:
    """The procedures that can be among the ``kept`` first: those whose score, rounded
    as :meth:`Scoring.ranked` rounds it, reaches the ``kept``-th best (ties at the cut-off
    included, so the order is exact). Only those are rounded and sorted in full: a
    common word reaches many procedures, and rounding is the costly part."""
    if len(scores) <= kept:
        return list(scores)
    # In C, the numbers by their scores (no (number, score) pair made per procedure).
    best = sorted(scores, key=scores.__getitem__, reverse=True)
    kth = scores[best[kept - 1]]
    pool = best[:kept]
    # Rounding never decreases as its argument grows, so whatever scores at least
    # ``kth`` is in; below it, only a score within a rounding step of ``kth``'s rounding
    # may tie with it: more than two steps below ``kth`` cannot, and most needs stop
    # there without rounding anything.
    low = kth - 2 * _ROUNDING_STEP
    cut = None
    for number in itertools.islice(best, kept, None):
        score = scores[number]
        if score < low:
            break
        if cut is None:
            cut = round_to(kth, _DIGITS)
        if score >= kth or round_to(score, _DIGITS) >= cut:
            pool.append(number)
    return pool
