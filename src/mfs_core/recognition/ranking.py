"""From a need to ranked candidates: the query side of recognition.

:meth:`Recogniser.recognise` tokenises the need, applies the lexicon (expansions and
partner hints), matches each remaining word to the index (:meth:`ProcedureIndex.match`),
adds the pairs of adjacent words, sums the BM25F weights per procedure, measures each
candidate's confidence (:mod:`~mfs_core.recognition.confidence`) and sorts them by a
documented order: score, then confidence, then the strongest field that matched, then
national partners before local ones, then the partner's share of requests, then the title.
Never by id: an id's spelling says nothing about what the resident meant.

The need's text is not kept: a :class:`Recognition` holds only catalogue words.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Mapping

import attrs

from mfs_core.model import Partner, PartnerKind, Procedure
from mfs_core.recognition.confidence import (
    GENERIC_WORD,
    HINT_WORD,
    MAX_CANDIDATES,
    OTHER_PARTNER,
    PARTNER_SHARE,
    UNKNOWN_DECAY,
    UNKNOWN_WORD,
    Level,
    level_of,
)
from mfs_core.recognition.index import FIELD_WEIGHTS, ProcedureIndex
from mfs_core.recognition.lexicon import Expansion, Lexicon, PartnerHint, load_lexicon
from mfs_core.recognition.normalise import Token, generic_words, tokens

__all__ = [
    "DEFAULT_LIMIT",
    "HINT_BOOST",
    "THEMATIQUE_BOOST",
    "Candidate",
    "Recogniser",
    "Recognition",
]

#: A partner hint multiplies the scores of that partner's candidates by this.
HINT_BOOST = 1.25
#: The request's data·inclusion thematique multiplies the scores of the procedures that
#: carry it by this (the agent's own classification of the need).
THEMATIQUE_BOOST = 1.1
#: Candidates returned per need by default (the router shows at most a few).
DEFAULT_LIMIT = 5
_SINGLES_CACHE = 50_000
_LAST_FIELD = len(FIELD_WEIGHTS)
#: How much a word found only in a field explains the need: fully in the procedure's own
#: words and titles, half in the question titles and description of its fiche (they also
#: speak of neighbouring matters).
_EXPLAINS = tuple(
    1.0 if field in ("keywords", "title", "fiche_title") else 0.5 for field in FIELD_WEIGHTS
)


@attrs.frozen(kw_only=True)
class Candidate:
    """A procedure the need may be about.

    ``score`` is BM25F's (higher is closer, comparable within one need only);
    ``confidence`` (0-1) the share of the need it explains; ``matched`` the words that
    decided, as the agent reads them: « vitale », « assedic → allocation chômage »,
    « radié ≈ radiation », « agriculteur → MSA ».
    """

    procedure: str
    partner: str
    title: str
    score: float
    confidence: float
    matched: tuple[str, ...]


@attrs.frozen(kw_only=True)
class Recognition:
    """The outcome for one need: a :class:`~mfs_core.recognition.confidence.Level` and the
    ranked candidates (best first; for ``confident`` the first is the procedure, for
    ``ambiguous`` the first ``chosen`` are the close ones to ask about)."""

    level: Level
    candidates: tuple[Candidate, ...]
    chosen: int = 0

    @property
    def best(self) -> Candidate | None:
        """The first candidate, if any."""
        return self.candidates[0] if self.candidates else None


@attrs.frozen
class _Word:
    """One information unit of the need: a word, a lexicon phrase, or a hint.

    ``plan`` is what scoring loops over, computed once by :meth:`Recogniser._word`: per
    term, its postings, its match weight and the share of the word's information it
    explains in a procedure that holds it (0 for a pair of words).
    """

    label: str
    terms: tuple[tuple[str, float], ...]  # (index term, match weight)
    weight: float  # its share of the need's information
    partner: str | None = None  # for a partner hint
    span: frozenset[int] = frozenset()  # positions of a lexicon phrase in the need
    plan: tuple[tuple[tuple[tuple[int, float, int], ...], float, float], ...] = ()


@attrs.define
class _Evidence:
    """What the need's words found, per procedure number."""

    scores: defaultdict[int, float] = attrs.field(factory=lambda: defaultdict(float))
    explained: defaultdict[int, float] = attrs.field(factory=lambda: defaultdict(float))
    fields: dict[int, int] = attrs.field(factory=dict)  # strongest field rank reached
    reached: list[dict[int, float]] = attrs.field(factory=list)  # per known word


class Recogniser:
    """Recognition over one registry's procedures; build it once (it builds the index)."""

    def __init__(
        self,
        procedures: Iterable[Procedure],
        partners: Mapping[str, Partner] | None = None,
        lexicon: Lexicon | None = None,
    ) -> None:
        partners = partners or {}
        self.index = ProcedureIndex(procedures)
        base = load_lexicon() if lexicon is None else lexicon
        self.lexicon = base.with_partner_keywords(
            {code: p.keywords for code, p in partners.items() if p.keywords},
            "Partner.keywords of",
        )
        self._generic = generic_words()
        self._singles: dict[tuple[str, str], tuple[_Word, tuple[str, float] | None]] = {}
        #: the last criteria of the order, fixed per procedure: national partners first,
        #: then the partner's share of requests, then the title (the id only for two
        #: procedures with the same title)
        self._static_order = [
            (
                0 if self._national_of(d.partner, partners) else 1,
                -PARTNER_SHARE.get(d.partner, 0),
                d.title.casefold(),
                d.id,
            )
            for d in self.index.documents
        ]
        self._entries: dict[str, list[Expansion | PartnerHint]] = defaultdict(list)
        # A hint for a partner this registry lacks would only lower the others' confidence.
        present = {d.partner for d in self.index.documents}
        hints = [h for h in self.lexicon.hints if h.partner in present]
        entries: list[Expansion | PartnerHint] = [*self.lexicon.expansions, *hints]
        for entry in entries:
            self._entries[entry.said[0]].append(entry)

    # -- the need's words ---------------------------------------------------------------

    def _lexicon_words(self, found: tuple[Token, ...]) -> tuple[list[_Word], set[int]]:
        """The lexicon phrases found in the need, and the positions they cover.

        Expansions are taken longest first and never overlap (« allocation pôle emploi »
        wins over « pôle emploi »); partner hints apply wherever they occur.
        """
        stems = [t.stem for t in found]
        hits: list[tuple[int, int, Expansion | PartnerHint]] = [
            (start, start + len(entry.said), entry)
            for start, token in enumerate(found)
            for entry in self._entries.get(token.stem, ())
            if tuple(stems[start : start + len(entry.said)]) == entry.said
        ]
        hits.sort(key=lambda hit: (-(hit[1] - hit[0]), hit[0]))
        words: list[_Word] = []
        covered: set[int] = set()
        expanded: set[int] = set()
        for start, end, entry in hits:
            span = set(range(start, end))
            if isinstance(entry, PartnerHint):
                label = f"{entry.label} → {entry.partner.upper()}"
                weight = self.index.max_idf * HINT_WORD
                words.append(self._word(label, (), weight, entry.partner, frozenset(span)))
                covered |= span
                continue
            if span & expanded:
                continue
            expanded |= span
            covered |= span
            words.append(self._expansion(entry, frozenset(span)))
        return words, covered

    def _expansion(self, entry: Expansion, span: frozenset[int]) -> _Word:
        postings = self.index.postings
        # The phrase's own words count too (« AVPF » may be a keyword).
        own = [s for s in dict.fromkeys((*entry.said, *entry.means)) if s in postings]
        # One phrase of the need, however many words it stands for: its terms share the
        # weight of one word, so « pôle emploi → France Travail » does not count four times.
        share = 1.0 / len(own) if own else 1.0
        terms = [(s, share) for s in own]
        terms += [
            (f"{a}_{b}", share)
            for a, b in itertools.pairwise(entry.means)
            if f"{a}_{b}" in postings
        ]
        label = f"{entry.label} → {entry.means_label}"
        return self._word(label, tuple(terms), self._weight(terms), span=span)

    def _words(self, found: tuple[Token, ...]) -> list[_Word]:
        words, covered = self._lexicon_words(found)
        matched: list[tuple[str, float] | None] = []
        for position, token in enumerate(found):
            if position in covered:
                matched.append(None)
                continue
            word, term = self._single(token)
            words.append(word)
            matched.append(term)
        # Adjacent pairs: they add score (a phrase found as written), not information.
        for a, b in itertools.pairwise(matched):
            if a is not None and b is not None:
                pair = f"{a[0]}_{b[0]}"
                if pair in self.index.postings:
                    words.append(self._word("", ((pair, min(a[1], b[1])),), 0.0))
        return words

    def _single(self, token: Token) -> tuple[_Word, tuple[str, float] | None]:
        """One word of the need (not part of a lexicon phrase), and the term it matched;
        remembered, a counter hears the same words all day (bounded)."""
        key = (token.word, token.stem)
        known = self._singles.get(key)
        if known is not None:
            return known
        match = self.index.match(token)
        if match is None:
            share = GENERIC_WORD if token.plain in self._generic else UNKNOWN_WORD
            found: tuple[_Word, tuple[str, float] | None] = (
                self._word(token.word, (), self.index.max_idf * share),
                None,
            )
        else:
            label = token.word
            if match.seen_as not in (None, token.word):
                label = f"{token.word} ≈ {match.seen_as}"
            term = (match.term, match.weight)
            found = (self._word(label, (term,), self.index.idf[match.term]), term)
        if len(self._singles) >= _SINGLES_CACHE:
            self._singles.clear()
        self._singles[key] = found
        return found

    def _word(
        self,
        label: str,
        terms: tuple[tuple[str, float], ...],
        weight: float,
        partner: str | None = None,
        span: frozenset[int] = frozenset(),
    ) -> _Word:
        # A word explains a procedure by the share of its terms' information found there:
        # all of « vitale », or part of « APL → aide personnalisée au logement » when only
        # « aide » is. A typo or derived match explains its word in part (its match
        # weight); the terms of a lexicon phrase share one word's weight.
        idf, hits = self.index.idf, self.index.hits
        singles = [(t, w) for t, w in terms if "_" not in t]
        mass = sum(idf[t] for t, _ in singles) or 1.0
        strength = min(1.0, sum(w for _, w in singles))
        plan = tuple(
            (hits.get(t, ()), w, idf[t] * strength / mass if "_" not in t else 0.0)
            for t, w in terms
        )
        return _Word(label, terms, weight, partner, span, plan)

    def _weight(self, terms: list[tuple[str, float]]) -> float:
        singles = [self.index.idf[t] for t, _ in terms if "_" not in t]
        return max(singles) if singles else self.index.max_idf * UNKNOWN_WORD

    # -- ranking ------------------------------------------------------------------------

    def recognise(
        self, text: str, *, thematique: str | None = None, limit: int = DEFAULT_LIMIT
    ) -> Recognition:
        """Rank the procedures for the free-text need ``text`` (any length; see
        :data:`~mfs_core.recognition.normalise.MAX_TEXT_CHARS`): at most ``limit``
        candidates (never fewer than a clarify question may list), best first.

        ``thematique`` (a data·inclusion code the agent chose) favours the procedures that
        carry it. Raises nothing: a text with no meaningful word gives level ``none``.
        """
        kept = max(limit, MAX_CANDIDATES)
        words = self._words(tokens(text))
        # Each further unknown word weighs less than the one before: long questions carry
        # words no catalogue has; a short need with one such word is about something else.
        known = [w for w in words if w.terms or w.partner is not None]
        unknown = sorted(w.weight for w in words if not w.terms and w.partner is None)[::-1]
        total = sum(w.weight for w in known) + sum(
            weight * UNKNOWN_DECAY**n for n, weight in enumerate(unknown)
        )
        if not total:
            return Recognition(level=Level.NONE, candidates=())
        evidence = self._evidence(known)
        hinted = {w.partner for w in known if w.partner}
        values = self._values(evidence, total, hinted, thematique)
        order = self._order(values, evidence.fields, kept)
        level, chosen, order = self._level(order, values, hinted, kept)
        documents = self.index.documents
        candidates = tuple(
            Candidate(
                procedure=documents[n].id,
                partner=documents[n].partner,
                title=documents[n].title,
                score=round(values[n][0], 3),
                confidence=round(values[n][1], 3),
                matched=self._matched(n, known, evidence.reached),
            )
            for n in order[:kept]
        )
        return Recognition(level=level, candidates=candidates, chosen=chosen)

    def _evidence(self, known: list[_Word]) -> _Evidence:
        """Scores, information explained and strongest field, per procedure reached."""
        evidence = _Evidence()
        scores, explained, fields = evidence.scores, evidence.explained, evidence.fields
        for word in known:
            seen: dict[int, float] = {}
            for hits, weight, share in word.plan:
                for number, value, rank in hits:
                    scores[number] += weight * value
                    seen[number] = seen.get(number, 0.0) + share * _EXPLAINS[rank]
                    if rank < fields.get(number, _LAST_FIELD):
                        fields[number] = rank
            part = {n: word.weight * (v if v < 1.0 else 1.0) for n, v in seen.items()}
            for number, value in part.items():
                explained[number] += value
            evidence.reached.append(part)
        documents = self.index.documents
        for word in known:
            if word.partner is None:
                continue
            # The same phrase may also be an expansion (« pôle emploi » → France Travail):
            # for the named partner's procedures, the hint explains it whole.
            same = [
                (w, r)
                for w, r in zip(known, evidence.reached, strict=True)
                if w.partner is None and w.span & word.span
            ]
            for number in scores:
                if documents[number].partner == word.partner:
                    explained[number] += word.weight
                    for other, part in same:
                        explained[number] += other.weight - min(other.weight, part.get(number, 0))
        return evidence

    def _values(
        self, evidence: _Evidence, total: float, hinted: set[str], thematique: str | None
    ) -> dict[int, tuple[float, float]]:
        """(score, confidence) per procedure reached, with hints and thematique applied."""
        documents = self.index.documents
        values: dict[int, tuple[float, float]] = {}
        for number, score in evidence.scores.items():
            document = documents[number]
            if document.partner in hinted:
                score *= HINT_BOOST
            if thematique is not None and thematique in document.thematiques:
                score *= THEMATIQUE_BOOST
            confidence = min(evidence.explained[number] / total, 1.0)
            if hinted and document.partner not in hinted:
                # The need names another body (« le médiateur de la Caf »): this one's
                # procedure is at most a suggestion, and comes after that body's.
                confidence *= OTHER_PARTNER
                score *= OTHER_PARTNER
            # Rounded: a tie is a tie whatever the order floating-point sums were made in.
            values[number] = (round(score, 6), round(confidence, 6))
        return values

    def _order(
        self, values: dict[int, tuple[float, float]], fields: dict[int, int], kept: int
    ) -> list[int]:
        """The procedures that can be kept, in the documented order."""
        # Only those are sorted in full (ties at the cut-off included: the order is exact).
        if len(values) > kept:
            cut = sorted((v[0] for v in values.values()), reverse=True)[kept - 1]
            pool = [n for n, v in values.items() if v[0] >= cut]
        else:
            pool = list(values)
        return sorted(
            pool,
            key=lambda n: (
                -values[n][0],
                -values[n][1],
                fields.get(n, _LAST_FIELD),
                self._static_order[n],
            ),
        )

    def _level(
        self, order: list[int], values: dict[int, tuple[float, float]], hinted: set[str], kept: int
    ) -> tuple[Level, int, list[int]]:
        """The level, how many leading candidates it concerns, and the final order (twins
        of one fiche brought together)."""
        documents = self.index.documents
        group = self._twins(order)
        hinted_twin = [n for n in group if documents[n].partner in hinted]
        if hinted_twin:
            # « agriculteur » settles the CAF or the MSA: the hinted twin comes first.
            order = [hinted_twin[0], *(n for n in order if n != hinted_twin[0])]
        level, chosen = level_of(
            [values[n][1] for n in order[:kept]], [values[n][0] for n in order[:kept]]
        )
        claimed = level in (Level.CONFIDENT, Level.AMBIGUOUS)
        if claimed and len(group) > 1 and not hinted_twin:
            # Same official fiche at two partners: only the resident's regime tells them
            # apart, and the words did not say it. Their scores differ only by how each
            # partner worded the same service: the documented order lists them.
            group = sorted(group, key=self._partner_order)
            order = [*group, *(n for n in order if n not in group)]
            chosen = min(max(chosen, len(group)), MAX_CANDIDATES)
            level = Level.AMBIGUOUS
        return level, chosen, order

    def _matched(
        self, number: int, known: list[_Word], reached: list[dict[int, float]]
    ) -> tuple[str, ...]:
        """The labels of the need's words that reached procedure ``number``, in order."""
        partner = self.index.documents[number].partner
        labels: dict[str, None] = {}
        for word, part in zip(known, reached, strict=True):
            if word.label and (number in part or word.partner == partner):
                labels[word.label] = None
        return tuple(labels)

    def _partner_order(self, number: int) -> tuple[int, int, str, str]:
        return self._static_order[number]

    @staticmethod
    def _national_of(code: str, partners: Mapping[str, Partner]) -> bool:
        partner = partners.get(code)
        return partner is None or partner.kind is PartnerKind.NATIONAL

    def _twins(self, order: list[int]) -> list[int]:
        """The best candidate and the other partners' candidates with its fiche (the CAF
        and the MSA serve the same service-public.fr fiche): one item when it has none."""
        if not order:
            return []
        documents = self.index.documents
        best = documents[order[0]]
        if best.fiche_id is None:
            return order[:1]
        return [order[0]] + [
            n
            for n in order[1:]
            if documents[n].fiche_id == best.fiche_id and documents[n].partner != best.partner
        ]
