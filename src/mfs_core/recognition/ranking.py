"""From a need to ranked candidates: the query side of recognition.

:meth:`Recogniser.recognise` tokenises the need, applies the lexicon (expansions and
partner hints), matches each remaining word to the index (:meth:`ProcedureIndex.match`),
adds the pairs of adjacent words, sums the BM25F weights per procedure, adds the thesaurus
synonyms' (:data:`~mfs_core.recognition.index.SYNONYM`) to the procedures so reached
(query expansion: they re-rank, never retrieve, explain or name), measures each
candidate's confidence (:mod:`~mfs_core.recognition.confidence`), keeps the best BM25F
scores and sorts them by a documented order: score (BM25F times the square root of the
confidence, :data:`COVERAGE`), then confidence, then the strongest field that matched, then
national partners before local ones, then the partner's share of requests, then the title.
Never by id: an id's spelling says nothing about what the resident meant.

Speed (``benchmarks/bench_recognition.py``; ``docs/recognition.md``): a counter hears the
same words all day, so what each word of a need becomes (its information unit,
:class:`_Word`, and what that adds to each procedure, :class:`_Reach`) is computed once and
remembered, in bounded caches; recognising a need is then looking its words up, adding
their contributions per procedure in the original order (the first word's as copies of its
dictionaries, in C; the others from flat per-procedure entries) and ranking the few
procedures that can be shown. Every
result is the one the straightforward computation gives, to the last bit
(``tests/test_recognition_golden.py``).

The need's text is not kept: a :class:`Recognition` holds only catalogue words.
"""

from __future__ import annotations

import itertools
import operator
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Literal

import attrs

from mfs_core.model import Partner, PartnerKind, Procedure
from mfs_core.recognition.clauses import lists_requests, opens_with_verb, verb_clauses
from mfs_core.recognition.confidence import (
    ELSEWHERE,
    GENERIC_WORD,
    HINT_WORD,
    MAX_CANDIDATES,
    OTHER_PARTNER,
    PARTNER_SHARE,
    UNKNOWN_DECAY,
    UNKNOWN_WORD,
    Level,
    close_count,
    dominates,
    level_of,
)
from mfs_core.recognition.entitlement import entitlement_words
from mfs_core.recognition.head import head_position
from mfs_core.recognition.index import FIELD_WEIGHTS, SYNONYM, ProcedureIndex
from mfs_core.recognition.lexicon import (
    Asked,
    Expansion,
    Lexicon,
    PartnerHint,
    load_lexicon,
    said_in,
    written_stems,
)
from mfs_core.recognition.negation import negated_positions, refused_positions
from mfs_core.recognition.normalise import (
    MAX_TEXT_CHARS,
    SPELLED_NUMBER,
    VERB_NEGATION,
    Caseless,
    Word,
    generic_words,
    meaningful,
    reading,
    spelled_numbers,
    stem,
    tokens,
)
from mfs_core.recognition.rounding import round_6_3, round_to
from mfs_core.recognition.situation import (
    SITUATION_BOOST,
    named_situations,
    naming_keywords,
    situations,
    subjects,
    unsaid_subjects,
)
from mfs_core.recognition.specificity import (
    KEYWORD_FICHES,
    SPLIT,
    STRONG_FIELDS,
    TITLE_WORDS,
    NamePhrases,
    Naming,
    holders,
    name_phrases,
    names,
    naming_of,
    rivalled,
    split_share,
)

__all__ = [
    "COVERAGE",
    "DEFAULT_LIMIT",
    "EXPLAINED_BY_FIELD",
    "HINT_BOOST",
    "LONG_ACCOUNT",
    "THEMATIQUE_BOOST",
    "WHOLE",
    "Candidate",
    "Recogniser",
    "Recognition",
    "placed_in",
]

#: A partner hint multiplies the scores of that partner's candidates by this.
HINT_BOOST = 1.25
#: The request's data·inclusion thematique multiplies the scores of the procedures that
#: carry it by this (the agent's own classification of the need).
THEMATIQUE_BOOST = 1.1
#: Ranking in two stages, as in information retrieval: the procedures with the best BM25F
#: scores are retrieved (:meth:`Recogniser._pool`), then ordered by their BM25F score times
#: their confidence to this power, so that of two procedures scoring alike the one that
#: explains more of the need comes first (BM25F alone let one rare word of the need
#: outweigh the rest: « demandeur d'emploi » put a France Travail aid before the RSA the
#: need named). Tuned on the ``tune`` split only.
COVERAGE = 0.5
#: Candidates returned per need by default (the router shows at most a few).
DEFAULT_LIMIT = 5
_CACHE_SIZE = 50_000
#: Scores and confidences are rounded to this many decimals before they are compared (and
#: to 3 from there where a candidate shows them: :func:`round_6_3`).
_DIGITS = 6
# More than the largest gap between a score and its rounding (half of 1e-6), for scores far
# below 1e9 (BM25F sums of a need of at most MAX_TEXT_CHARS characters are).
_ROUNDING_STEP = 1e-6
_LAST_FIELD = len(FIELD_WEIGHTS)
#: How much a word found only in a field explains the need: fully in the procedure's own
#: words and titles, a quarter in the question titles and description of its fiche (a
#: dossier's question list also speaks of neighbouring matters: a need that only meets
#: those words is seldom about this procedure). Tuned on the ``tune`` split only.
EXPLAINED_BY_FIELD: dict[str, float] = {
    "keywords": 1.0,
    "title": 1.0,
    "fiche_title": 1.0,
    "questions": 0.25,
    "description": 0.25,
}
_EXPLAINS = tuple(EXPLAINED_BY_FIELD[field] for field in FIELD_WEIGHTS)


#: One ranked procedure: (minus its rounded score, minus its rounded confidence, the
#: strongest field rank it reached, its fixed order, its number, its rounded score, its
#: rounded confidence, the score and confidence shown: rounded again to 3 decimals, the
#: labels of the words and synonyms that reached it, in order). Sorting these tuples is the
#: documented order (best first); the fixed order ends with the id, so no two rows are
#: equal and the comparison stops there.
_Row = tuple[
    float, float, int, tuple[int, int, str, str], int, float, float, float, float, list[str]
]
#: The head of a noun phrase reorders only the candidates shown first (the top three).
_HEAD_REACH = 3
_SCORE = operator.itemgetter(5)
_CONFIDENCE = operator.itemgetter(6)


def _first(ranked: list[_Row], numbers: list[int]) -> list[_Row]:
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


def _longest_first(hit: tuple[int, int, object, int]) -> tuple[int, int]:
    """The order lexicon hits are taken in: longest first, then leftmost."""
    return -(hit[1] - hit[0]), hit[0]


def _remember(cache: dict[Any, Any], key: object, value: object) -> None:
    """Store ``value`` in a per-recogniser cache, emptied when full: a flood of made-up
    words cannot grow it, and the words a counter hears come back within seconds."""
    if len(cache) >= _CACHE_SIZE:
        cache.clear()
    cache[key] = value


# Candidate and Recognition keep a __dict__ (slots=False): attrs then builds a frozen
# instance about twice as fast, and each need makes up to six of them.
@attrs.frozen(kw_only=True, slots=False)
class Candidate:
    """A procedure the need may be about.

    ``score`` is the ranking's: BM25F's times the square root of the confidence
    (:data:`COVERAGE`; higher is closer, comparable within one need only);
    ``confidence`` (0-1) the share of the need it explains; ``matched`` the words that
    decided, as the agent reads them: « vitale », « assedic → allocation chômage »,
    « radié ≈ radiation », « agriculteur → MSA ».

    Candidates come best first, which is by score except where a rule placed one above
    a candidate of higher score; ``placed`` then says which (``None`` everywhere else, so
    that shown scores never rise without a reason): ``"subject"`` (the candidate of
    higher score it passes has a title subject the need does not say, and the need's
    words explain both alike), ``"head"`` (the head of the need's noun
    phrase reaches it), ``"twins"`` (the same fiche at another partner: twins are asked
    together, in partner order), ``"asked"`` (one of the candidates of the clarify
    question, listed before those it does not ask about), ``"requests"`` (one
    procedure per request of a need that joins several, in the order said),
    ``"described"`` (suggestions only, no claim or question: its fiche's official summary,
    its ``description``, holds more of the need's words, and the score it passes is
    within what they add).
    """

    procedure: str
    partner: str
    title: str
    score: float
    confidence: float
    matched: tuple[str, ...]
    placed: str | None = None


@attrs.frozen(kw_only=True, slots=False)
class Recognition:
    """The outcome for one need: a :class:`~mfs_core.recognition.confidence.Level` and the
    ranked candidates (best first; for ``confident`` the first is the procedure, for
    ``ambiguous`` the first ``chosen`` are the close ones to ask about)."""

    level: Level
    candidates: tuple[Candidate, ...]
    chosen: int = 0
    #: ``ambiguous`` because the need asks for several things (« renouveler mon passeport
    #: et déclarer mes impôts »): the ``chosen`` candidates are one per request, as said
    several: bool = False
    #: the partner code when the need names only a partner (« la CAF »): the candidates
    #: are that partner's most general procedures (``weak``), none matched the words
    partner_only: str | None = None
    #: for ``several``: how many requests the need was read as, each recognised alone; more
    #: than ``chosen`` when some request claims no procedure, or when there are more than
    #: a question lists (issue-14ai: said, never dropped silently); 0 otherwise
    requests: int = 0

    @property
    def best(self) -> Candidate | None:
        """The first candidate, if any."""
        return self.candidates[0] if self.candidates else None


_new = object.__new__

# The levels, read once: in Python 3.11 every ``Level.X`` goes through ``EnumType``'s
# ``__getattr__`` hook (not specialised: about ten times a module global's cost), and a
# need reads them about ten times.
_CONFIDENT, _AMBIGUOUS, _WEAK, _NONE = Level.CONFIDENT, Level.AMBIGUOUS, Level.WEAK, Level.NONE
#: The levels that claim a procedure.
_CLAIMS = (_CONFIDENT, _AMBIGUOUS)


def _repeated(expansions: list[_Word]) -> bool:
    """Two thesaurus synonyms of the need show the same label (then a candidate's labels
    are deduplicated; only then is it worth doing)."""
    return len(expansions) > 1 and len(set(map(_LABEL, expansions))) < len(expansions)


def _shown_labels(repeated: bool) -> Callable[[list[str]], tuple[str, ...]]:
    """What makes a candidate's labels: each once when a label is ``repeated`` in the need
    (only then is it worth removing duplicates), else as they are (``tuple``, in C)."""
    return _each_once if repeated else tuple


def _each_once(labels: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(labels))


def _candidate(
    shown: tuple[str, str, str], score: float, confidence: float, matched: tuple[str, ...]
) -> Candidate:
    """``Candidate(procedure=..., ...)`` (``shown``: its procedure, partner and title),
    the same object, built in a third of the time: the fields are stored as the
    ``attrs``-made ``__init__`` stores them (in the instance ``__dict__``: the class has
    no validator, converter or post-init), without its keyword-argument call.
    ``tests/test_recognition_speed.py`` checks both agree."""
    new = _new(Candidate)
    fields = new.__dict__
    fields["procedure"], fields["partner"], fields["title"] = shown
    fields["score"] = score
    fields["confidence"] = confidence
    fields["matched"] = matched
    fields["placed"] = None
    return new


#: Why a rule placed a candidate above one of higher score (:attr:`Candidate.placed`).
SUBJECT, HEAD, TWINS, ASKED, REQUESTS = "subject", "head", "twins", "asked", "requests"
DESCRIBED = "described"


def placed_in(shown: Sequence[Candidate]) -> list[str | None]:
    """The :attr:`Candidate.placed` of each of ``shown`` (a list as shown, often the first
    few of a recognition's candidates) where one listed after it there scores more, else
    ``None``: a reason is only shown where the shown scores rise."""
    return [
        c.placed
        if c.placed is not None and any(d.score > c.score for d in shown[n + 1 :])
        else None
        for n, c in enumerate(shown)
    ]


def _moved_up(before: list[_Row], after: list[_Row], why: str, placed: dict[int, str]) -> None:
    """Record ``why`` for each procedure that ``after`` lists earlier than ``before``."""
    if after is before:
        return
    was = {row[4]: n for n, row in enumerate(before)}
    for n, row in enumerate(after):
        if n < was[row[4]]:
            placed[row[4]] = why


def _with_places(
    candidates: tuple[Candidate, ...], why: Callable[[Candidate], str | None]
) -> tuple[Candidate, ...]:
    """``candidates`` with :attr:`Candidate.placed` set, by ``why``, on each listed
    above a candidate of higher score, and ``None`` on the others."""
    out = list(candidates)
    highest_after = float("-inf")  # the highest score among the candidates after n
    for n in range(len(out) - 1, -1, -1):
        candidate = out[n]
        placed = why(candidate) if candidate.score < highest_after else None
        if placed != candidate.placed:
            out[n] = attrs.evolve(candidate, placed=placed)
        highest_after = max(highest_after, candidate.score)
    return tuple(out)


def _recognition(level: Level, candidates: tuple[Candidate, ...], chosen: int) -> Recognition:
    """``Recognition(level=..., candidates=..., chosen=...)``, built as :func:`_candidate`
    builds a candidate."""
    new = _new(Recognition)
    fields = new.__dict__
    fields["level"] = level
    fields["candidates"] = candidates
    fields["chosen"] = chosen
    fields["several"] = False
    fields["partner_only"] = None
    fields["requests"] = 0
    return new


#: An index term a word of the need matched, and the weight of that match.
_Term = tuple[str, float]
_FIRST = operator.itemgetter(0)
_SECOND = operator.itemgetter(1)
_THIRD = operator.itemgetter(2)
_STEM = operator.itemgetter(2)
_KNOWN = operator.attrgetter("known")
_LABEL = operator.attrgetter("label")
_VIEW = operator.attrgetter("view")
_WEIGHT = operator.attrgetter("weight")
#: Numbers of a need (after normalisation): 2024, 12, 03, 1500, 14h30, 9h.
_NUMBER = re.compile(r"[0-9]+(?:h[0-9]{0,2})?")
_PARTNER = operator.attrgetter("partner")
#: Where one sentence joins two requests (« renouveler mon passeport *et* déclarer mes
#: impôts »): each part is recognised alone (:meth:`Recogniser._several`).
#: A need whose best candidate explains this share of it or more is one request, however
#: it is joined (« Famille de 3 enfants *et* plus : complément familial »). Tuned on the
#: ``tune`` split only.
WHOLE = 0.9
#: Meaningful words from which a need the whole of which names nothing is read sentence by
#: sentence, as a resident's account (:meth:`Recogniser.recognise`).
LONG_ACCOUNT = 12
#: Where an account's sentences and clauses end.
_SENTENCES = re.compile(r"[.!?;:]|,\s|\s(?:et|puis|mais|donc|alors)\s", re.IGNORECASE)
#: ``UNKNOWN_DECAY ** n``, computed once, for the unknown words of a need (more are rare:
#: :meth:`Recogniser._information` computes the powers then).
_DECAYS = tuple(UNKNOWN_DECAY**n for n in range(64))
#: Meaningful words a part of a joined need must say to be a request of its own.
_PART_WORDS = 2
#: Determiners and possessives that start a noun phrase (« mon permis », « la carte »).
_DETERMINERS = (
    r"(?:mon|ma|mes|ton|ta|tes|son|sa|ses|notre|nos|votre|vos|leur|leurs"
    r"|le|la|les|l['’]|un|une|des|du)"
)
_DETERMINER = re.compile(rf"\s*{_DETERMINERS}(?:\s|(?<=['’]))", re.IGNORECASE)
_FIRST_DETERMINER = re.compile(rf"(?:^|\s){_DETERMINERS}(?:\s|(?<=['’]))", re.IGNORECASE)
#: « m'a envoyé », « nous ont écrit »: a verb whose subject did it to the resident; the
#: participle is left out of an account's sentence (:meth:`Recogniser._several`).
_DONE_TO_ME = re.compile(r"\b(m['’]|nous\s+)(?:a|ont|avait|avaient)\s+[^\W\d_]+", re.IGNORECASE)
_JOINS = re.compile(r"\s(?:et|puis|ainsi que|et aussi)\s|;", re.IGNORECASE)
#: Whether a need holds a join, asked of every claimed need (:class:`Caseless`: faster).
_JOINED = Caseless(_JOINS.pattern)
_STEMS = operator.attrgetter("stems")


#: What a word adds to one procedure's score: (its number, the score, its additions one by
#: one or ``None``); see :class:`_Reach`.
_Entry = tuple[int, float, tuple[float, ...] | None]


@attrs.frozen
class _Reach:
    """What a word adds to each procedure it reaches, by procedure number (read only).

    ``entries``, one per procedure reached, in the order its terms reach them: the number;
    the score, its additions summed from zero in term order; the additions one by one for
    a word of several terms (``None`` for one term: its only addition is its score), so
    that a procedure another word reached first gets them in the same order
    (floating-point sums depend on it). One flat tuple per procedure: merging a need's
    scores is then one loop over them. ``scores``: the same score by number (the need's
    first word starts the sums as a copy of it, in C). ``explains``: the information it
    explains, by number; it also says which procedures the word reaches, for its label
    and hints. ``points``: ``(explains, rank)`` by number, with the strongest field rank
    it reached there: the form the ranking reads for the few procedures it ranks
    (:meth:`Recogniser._ranked`), one look-up per word and ranked procedure.

    A slotted class, not a named tuple: CPython 3.11 reads a slot in one specialised step,
    a named tuple's field through a generic attribute look-up.
    """

    entries: tuple[_Entry, ...]
    scores: dict[int, float]
    explains: dict[int, float]
    points: dict[int, tuple[float, int]]
    #: the partners of the procedures it reaches
    partners: frozenset[str] = frozenset()


_NOWHERE = _Reach((), {}, {}, {})


@attrs.frozen
class _Word:
    """One information unit of the need: a word, a lexicon phrase, or a hint.

    ``reach`` is what it adds to each procedure (computed once per terms and weight by
    :meth:`Recogniser._reach`), and the word itself is remembered, so that recognising a
    need is mostly merging the dictionaries of its words, in C.
    """

    label: str
    terms: tuple[tuple[str, float], ...]  # (index term, match weight)
    weight: float  # its share of the need's information
    partner: str | None = None  # for a partner hint
    span: frozenset[int] = frozenset()  # positions of a lexicon phrase in the need
    reach: _Reach = _NOWHERE
    known: bool = False  # it matched the index, or it is a hint
    #: for a lexicon expansion, the label shown on the procedures only some words of its
    #: meaning reach, by procedure number (« RSA → solidarité », not « RSA → revenu de
    #: solidarité active RSA » on the ASS: :func:`_partly`); on the others it reaches, the
    #: whole label. Computed once per phrase, so that naming a candidate's words is a
    #: look-up.
    partly: Mapping[int, str] | None = None
    #: its single-word index terms (what it says, for :mod:`specificity`)
    stems: frozenset[str] = frozenset()
    #: what the ranking reads of it, once per word: its reach's points, its label, its
    #: partial labels (``None`` when it reaches nothing); see :meth:`Recogniser._ranked`
    view: tuple[dict[int, tuple[float, int]], str, Mapping[int, str] | None] | None = None
    #: a thesaurus synonym of catalogue words (query expansion): not ``known`` (it is
    #: no catalogue word: it weighs as an unknown word, or nothing when its word is
    #: known), it adds score to the procedures the need's known words reached, never
    #: reaches one alone, explains and names none; ``marks``: by procedure it reaches,
    #: the strongest field rank it reached there and what it shows there (« boulot ≈
    #: travail »), computed once per word
    synonym: bool = False
    marks: dict[int, tuple[int, str]] = attrs.field(factory=dict, eq=False)


#: One word of the need as :meth:`Recogniser._single` reads it: its unit, the index term it
#: matched (``None`` when none, or only through synonyms), and its thesaurus expansion.
_Single = tuple[_Word, _Term | None, _Word | None]
#: a lexicon entry found in a need
_LexiconEntry = Expansion | PartnerHint | Asked
#: a lexicon entry by its first stem: its stems said, the entry, its number
_Entered = tuple[tuple[str, ...], _LexiconEntry, int]


def _without_foreign_keywords(
    procedures: list[Procedure], partners: Mapping[str, Partner], lexicon: Lexicon
) -> tuple[list[Procedure], Mapping[str, Partner]]:
    """The procedures and partners without the keywords that speak for another partner
    (``recognition-keyword-foreign``, :func:`~mfs_core.recognition.checks.foreign_keywords`):
    ``mfs plugins --check`` reports them and the registry keeps the item, but recognition
    does not read them. Review 14c: a plugin partner's keyword « carte vitale » made « j'ai
    perdu ma carte vitale » name that partner, which halved the CPAM's confidence (no
    procedure was suggested). The core's own data has none (a test says so): it is only
    searched when a plugin contributed."""
    items: list[Procedure | Partner] = [*procedures, *partners.values()]
    if all(item.provenance is not None and item.provenance.core for item in items):
        return procedures, partners
    from mfs_core.recognition.checks import field_phrases, foreign_keyword_positions

    hints = [(hint.said, hint.partner) for hint in lexicon.hints]
    flagged: dict[str, set[int]] = defaultdict(set)
    for subject, position, _ in foreign_keyword_positions(procedures, partners, hints):
        flagged[subject].add(position)
    if not flagged:
        return procedures, partners

    def kept(subject: str, keywords: Sequence[object]) -> tuple[str, ...]:
        left_out = flagged[subject]
        return tuple(k for n, k in enumerate(field_phrases(keywords)) if n not in left_out)

    procedures = [
        attrs.evolve(p, keywords=kept(p.id, p.keywords)) if p.id in flagged else p
        for p in procedures
    ]
    partners = {
        code: attrs.evolve(p, keywords=kept(code, p.keywords)) if code in flagged else p
        for code, p in partners.items()
    }
    return procedures, partners


class Recogniser:
    """Recognition over one registry's procedures; build it once (it builds the index)."""

    def __init__(
        self,
        procedures: Iterable[Procedure],
        partners: Mapping[str, Partner] | None = None,
        lexicon: Lexicon | None = None,
    ) -> None:
        partners = partners or {}
        base = load_lexicon() if lexicon is None else lexicon
        procedures, partners = _without_foreign_keywords(list(procedures), partners, base)
        self.index = ProcedureIndex(procedures)
        # In the index's order (by id, stable); each procedure's naming stems are read on
        # the first claim that needs them.
        self._procedures = sorted(procedures, key=lambda p: p.id)
        self._naming: dict[int, Naming] = {}
        self._shared: dict[frozenset[str], list[str]] | None = None
        self._name_phrases: NamePhrases = {}
        self.lexicon = base.with_partner_keywords(
            {code: p.keywords for code, p in partners.items() if p.keywords},
            "Partner.keywords of",
        )
        self._generic = generic_words()
        #: their stems: they never name a procedure through its title alone (specificity)
        self._generic_stems = frozenset(map(stem, self._generic))
        #: per partner, its most general procedures (numbers), read on the first need that
        #: names that partner alone (:meth:`_partner_only`)
        self._general: dict[str, list[int]] = {}
        #: what a partner hint shows: the partner's name without its bracketed acronyms
        #: (« agriculteur → Mutualité sociale agricole », not a code)
        self._partner_names = {code: p.name.split(" (")[0] for code, p in partners.items()}
        self._singles: dict[Word, _Single] = {}
        self._pairs: dict[tuple[_Term | None, _Term | None], _Word | Literal[False]] = {}
        self._reaches: dict[tuple[tuple[_Term, ...], float], _Reach] = {}
        # Keyed by the entry's number in the lexicon, not the entry: hashing an attrs
        # object runs its Python __hash__ over every field.
        self._phrases: dict[tuple[int, int], _Word] = {}
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
        #: what a candidate shows of each procedure, by number
        self._shown = [(d.id, d.partner, d.title) for d in self.index.documents]
        self._partner_of = [d.partner for d in self.index.documents]
        self._number_of = {d.id: n for n, d in enumerate(self.index.documents)}
        self._fiche_of = [d.fiche_id for d in self.index.documents]
        #: by number, the other partners' procedures with the same official fiche (the CAF
        #: and the MSA serve the same service-public.fr fiche): fixed, so found once
        self._twins_of = self._twins_by_number()
        #: the procedures that have twins
        self._twinned = frozenset(n for n, twins in enumerate(self._twins_of) if twins)
        #: first stem said -> (stems said, the entry, its number) of each lexicon entry
        self._entries: dict[str, list[_Entered]] = defaultdict(list)
        # A hint for a partner this registry lacks would only lower the others' confidence.
        present = {d.partner for d in self.index.documents}
        hints = [h for h in self.lexicon.hints if h.partner in present]
        entries: list[_LexiconEntry] = [*self.lexicon.expansions, *hints, *self.lexicon.asked]
        for number, entry in enumerate(entries):
            self._entries[entry.said[0]].append((entry.said, entry, number))
        #: the situations fiche titles open with (« Chômage : inscription… »), and the
        #: labels of the phrases of how a request is asked that call them (situation)
        self._situations = situations((p.title, p.fiche_title) for p in self._procedures)
        #: by procedure, the subject its title opens with, and its keywords' words that
        #: name it (a need that says neither is not about that subject: situation)
        self._subjects = subjects(self._situations)
        self._subject_naming = naming_keywords(
            [t.stem for k in p.keywords for t in tokens(k)] for p in self._procedures
        )
        self._asked_labels = frozenset(a.label for a in self.lexicon.asked)
        #: first stem said -> (stems said, the procedures it rules out) of each exclusion
        #: (« mineur » rules out « Carte d'identité d'un majeur »): fixed, so found once
        titles = [frozenset(t.stem for t in tokens(d.title)) for d in self.index.documents]
        self._exclusive: dict[str, list[tuple[tuple[str, ...], frozenset[int]]]] = defaultdict(list)
        for exclusion in self.lexicon.exclusions:
            ruled = frozenset(n for n, title in enumerate(titles) if exclusion.title in title)
            if ruled:
                self._exclusive[exclusion.said[0]].append((exclusion.said, ruled))

    # -- the need's words ---------------------------------------------------------------

    def _lexicon_words(self, found: list[Word], text: str) -> tuple[list[_Word], set[int]] | None:
        """The lexicon phrases found in the need ``text`` (its meaningful words ``found``),
        and the positions they cover (``None`` when there is none).

        Expansions and ``[[asked]]`` phrases are taken longest first and never overlap
        (« allocation pôle emploi » wins over « pôle emploi »), expansions marked
        ``negated`` only where a negation bears on their first word; partner hints apply
        wherever they occur, except under a negation (« je ne suis pas agriculteur »:
        :mod:`~mfs_core.recognition.negation`), where they say nothing (their words are not
        read as other words either).
        """
        # A tuple: its slices are the tuples compared (a list's were copied again).
        stems = tuple(map(_STEM, found))
        entries = self._entries
        # A loop, not a comprehension: that made cells of ``stems`` and ``entries``.
        hits: list[tuple[int, int, _LexiconEntry, int]] = []
        for start, first in enumerate(stems):
            if first in entries:
                for phrase, entry, number in entries[first]:
                    if stems[start : start + len(phrase)] == phrase:
                        hits.append((start, start + len(phrase), entry, number))
        if not hits:
            return None
        if len(hits) > 1:  # most needs with a phrase: one (no key made for it)
            hits.sort(key=_longest_first)
        words: list[_Word] = []
        covered: set[int] = set()
        expanded: set[int] = set()
        negated: frozenset[int] | None = None
        every_stem: tuple[str, ...] | None = None
        written_said: dict[tuple[str, ...], bool] = {}
        for start, end, entry, number in hits:
            span = set(range(start, end))
            if isinstance(entry, PartnerHint):
                if negated is None:
                    negated = negated_positions(text)
                if not (negated and span & negated):
                    words.append(self._phrase(entry, number, start))
                covered |= span
                continue
            if span & expanded:
                continue
            if isinstance(entry, Expansion) and entry.negated:
                # « pas reçu », « jamais arrivé »: only where the negation bears on it.
                if negated is None:
                    negated = negated_positions(text)
                if start not in negated:
                    continue
            if isinstance(entry, Expansion) and entry.written:
                # « droits au chômage » is not every « chômage ». Read once a need and
                # once a phrase, not once a hit: « chômage » said 250 times was 40 ms.
                if every_stem is None:
                    every_stem = written_stems(text)
                said = written_said.get(entry.written)
                if said is None:
                    said = written_said[entry.written] = said_in(text, entry.written, every_stem)
                if not said:
                    continue
            expanded |= span
            covered |= span
            words.append(self._phrase(entry, number, start))
        return words, covered

    def _phrase(self, entry: _LexiconEntry, number: int, start: int) -> _Word:
        """The word lexicon entry ``number`` (``entry``) found at ``start`` makes;
        remembered (bounded)."""
        key = (number, start)
        known = self._phrases.get(key)
        if known is not None:
            return known
        span = frozenset(range(start, start + len(entry.said)))
        if isinstance(entry, PartnerHint):
            label = f"{entry.label} → {self._partner_names.get(entry.partner, entry.partner)}"
            weight = self.index.max_idf * HINT_WORD
            found = self._word(label, (), weight, entry.partner, span)
        elif isinstance(entry, Asked):
            # « démarches administratives »: how the request is asked, no subject; it
            # weighs as an unknown word of how a request is asked.
            found = self._word(entry.label, (), self.index.max_idf * GENERIC_WORD, span=span)
        else:
            found = self._expansion(entry, span)
        _remember(self._phrases, key, found)
        return found

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
        found = self._word(label, tuple(terms), self._weight(terms), span=span)
        # Which procedures the whole label is shown on: those its own words reach (the
        # phrase said, or every word of its meaning); on the others, the meaning's words
        # that reached them (computed once per phrase: remembered with it).
        said = [postings[s].keys() for s in entry.said if s in postings]
        shown = set(said[0]).intersection(*said[1:]) if len(said) == len(entry.said) else set()
        parts = tuple(
            (t.word, frozenset(postings[t.stem]))
            for t in tokens(entry.means_label)
            if t.stem in postings
        )
        if parts and len(parts) == len({t.stem for t in tokens(entry.means_label)}):
            shown |= frozenset.intersection(*map(_SECOND, parts))
        partly = {
            number: _partly(label, parts, number)
            for number in found.reach.explains
            if number not in shown
        }
        return attrs.evolve(found, partly=partly, view=(found.reach.points, label, partly))

    def _words(self, found: list[Word], text: str, marks: int) -> tuple[list[_Word], list[_Word]]:
        """The need's information units: lexicon phrases, single words, adjacent pairs
        (``found``: the meaningful words of the need ``text``); and its thesaurus
        expansions, in the order of the words."""
        # Most words were heard before: their units are looked up in C (map), and only a
        # new word goes through :meth:`_single`.
        singles: list[_Single] = list(map(self._singles.get, found))  # type: ignore[arg-type]
        if None in singles:
            singles = self._heard(singles, found)
        lexicon = None
        if not self._entries.keys().isdisjoint(map(_STEM, found)):
            lexicon = self._lexicon_words(found, text)
        refused = self._refused(found, text, marks)
        if refused:
            # « je ne veux pas renouveler mon passeport »: the refused verb is not evidence,
            # alone or as the start of a lexicon phrase; read as covered, it is left out.
            lexicon = _refusing(lexicon, refused)
        if lexicon is None:
            words: list[_Word] = list(map(_FIRST, singles))
            matched: list[_Term | None] = list(map(_SECOND, singles))
        else:
            words, covered = lexicon
            # One pass over the single words (three comprehensions made a cell of
            # ``covered`` and three functions a need): the uncovered ones are units and
            # match, the covered ones break the adjacent pairs.
            matched = []
            uncovered = []
            for n, single in enumerate(singles):
                if n in covered:
                    matched.append(None)
                else:
                    words.append(single[0])
                    matched.append(single[1])
                    uncovered.append(single)
            singles = uncovered
        # Adjacent pairs: they add score (a phrase found as written), not information.
        pairs: Sequence[_Word | Literal[False] | None]
        pairs = list(map(self._pairs.get, itertools.pairwise(matched)))
        if None in pairs:
            pairs = self._paired(pairs, matched)
        words += filter(None, pairs)  # type: ignore[arg-type]  # without the False ones
        return words, list(filter(None, map(_THIRD, singles)))

    def _heard(self, singles: Sequence[_Single | None], found: list[Word]) -> list[_Single]:
        """``singles`` (each word's unit, ``None`` for a word not heard before) completed:
        a new word goes through :meth:`_single`."""
        return [k or self._single(w) for k, w in zip(singles, found, strict=True)]

    def _paired(
        self, pairs: Sequence[_Word | Literal[False] | None], matched: list[_Term | None]
    ) -> list[_Word | Literal[False]]:
        """``pairs`` (each adjacent pair's unit, ``None`` for a pair not met before)
        completed from the terms ``matched``: a new pair goes through :meth:`_pair`."""
        return [
            known if known is not None else self._pair(a, b)
            for known, (a, b) in zip(pairs, itertools.pairwise(matched), strict=True)
        ]

    def _refused(self, found: list[Word], text: str, marks: int) -> frozenset[int]:
        """The positions of ``found`` a verb's negation refuses, words of how a request is
        asked excepted (:func:`~mfs_core.recognition.negation.refused_positions`)."""
        if not marks & VERB_NEGATION:  # most needs: no particle (normalise.reading)
            return frozenset()
        return self._refused_positions(found, text)

    def _refused_positions(self, found: list[Word], text: str) -> frozenset[int]:
        """:meth:`_refused` for a need with a negation particle."""
        return frozenset(
            n
            for n in refused_positions(text)
            if n < len(found) and found[n][1] not in self._generic
        )

    def _pair(self, a: _Term | None, b: _Term | None) -> _Word | Literal[False]:
        """The unit two adjacent words of the need make, ``False`` when their pair is not
        in the index; remembered (bounded)."""
        found: _Word | Literal[False] = False
        if a is not None and b is not None:
            pair = f"{a[0]}_{b[0]}"
            if pair in self.index.postings:
                found = self._word("", ((pair, min(a[1], b[1])),), 0.0)
        _remember(self._pairs, (a, b), found)
        return found

    def _single(self, w: Word) -> _Single:
        """One word of the need, the term it matched, and the expansion of a word matched
        as written or by its lemma to the catalogue words it is a thesaurus synonym of
        (``None`` when it has none); remembered (bounded)."""
        word, plain, _ = w
        match = self.index.match(w)
        generic = plain in self._generic
        if match is not None and match.weight == SYNONYM and generic:
            match = None  # how a request is asked (« récupérer », « obtenir »): no subject
        found: _Single
        if match is None:
            # A year, a date, an amount or a time the catalogue does not know (« taxe
            # foncière 2024 », « perdue le 12/03 ») says when or how much, not what about:
            # it weighs as a word of how a request is asked, not as another subject.
            generic = generic or _NUMBER.fullmatch(plain) is not None
            share = GENERIC_WORD if generic else UNKNOWN_WORD
            found = (self._word(word, (), self.index.max_idf * share), None, None)
        elif match.weight == SYNONYM:
            # Not a catalogue word: it weighs as an unknown word (the need may be about
            # something else), and only re-ranks (see _Word.synonym).
            targets = (match.term, *match.also)
            synonym = self._synonym(word, targets, self.index.max_idf * UNKNOWN_WORD)
            found = (synonym, None, synonym)
        else:
            label = word
            if match.seen_as not in (None, word):
                label = f"{word} ≈ {match.seen_as}"
            term = (match.term, match.weight)
            expansion = None
            if match.weight >= 1.0 and not generic:
                # The word itself is in the catalogue; its synonyms there add a little
                # score (« travailler » to « emploi »), no information: weight 0.
                targets = self.index.expansions_of(match.term)
                if targets:
                    expansion = self._synonym(word, targets, 0.0, match.term)
            found = (self._word(label, (term,), self.index.idf[match.term]), term, expansion)
        _remember(self._singles, w, found)
        return found

    def _synonym(
        self, word: str, targets: tuple[str, ...], weight: float, own: str | None = None
    ) -> _Word:
        """The unit of a need's ``word`` standing for the index ``targets`` it is a
        thesaurus synonym of: each at :data:`~mfs_core.recognition.index.SYNONYM`; shown
        on a candidate as « word ≈ » the catalogue words that reached it. For a word the
        index holds (its term ``own``), only where that term is absent: as with a search
        engine's synonym query, a procedure gets one word's evidence once (« retraite »
        must not count again as « habitat » in the Cnav's housing aid)."""
        postings, spelled = self.index.postings, self.index.words
        reach = self._word(word, tuple((t, SYNONYM) for t in targets), weight).reach
        if own is not None:
            reached = postings[own]
            reach = _Reach(
                tuple(entry for entry in reach.entries if entry[0] not in reached),
                {n: v for n, v in reach.scores.items() if n not in reached},
                {n: v for n, v in reach.explains.items() if n not in reached},
                {n: v for n, v in reach.points.items() if n not in reached},
                frozenset(self._partner_of[n] for n in reach.explains if n not in reached),
            )
        marks = {}
        for number, (_, rank) in reach.points.items():
            seen = dict.fromkeys(spelled.get(t, t) for t in targets if number in postings[t])
            marks[number] = (rank, f"{word} ≈ {' '.join(seen)}")
        terms = tuple((t, SYNONYM) for t in targets)
        return _Word(word, terms, weight, reach=reach, synonym=True, marks=marks)

    def _word(
        self,
        label: str,
        terms: tuple[tuple[str, float], ...],
        weight: float,
        partner: str | None = None,
        span: frozenset[int] = frozenset(),
    ) -> _Word:
        known = bool(terms) or partner is not None
        stems = frozenset(term for term, _ in terms if "_" not in term)
        reach = self._reach(terms, weight)
        view = (reach.points, label, None) if reach.points else None
        return _Word(label, terms, weight, partner, span, reach, known, None, stems, view)

    def _reach(self, terms: tuple[tuple[str, float], ...], weight: float) -> _Reach:
        """What a word of these terms and weight adds to each procedure it reaches (see
        :class:`_Word`). Remembered per terms and weight, not per spelling: « carte »,
        « Cartes », « cartes » share one copy, so the memory stays within a few times the
        index's whatever words a counter hears."""
        key = (terms, weight)
        known = self._reaches.get(key)
        if known is not None:
            return known
        # A word explains a procedure by the share of its terms' information found there:
        # all of « vitale », or part of « APL → aide personnalisée au logement » when only
        # « aide » is. A typo or derived match explains its word in part (its match
        # weight); the terms of a lexicon phrase share one word's weight.
        idf, hits = self.index.idf, self.index.hits
        singles = [(t, w) for t, w in terms if "_" not in t]
        mass = sum(idf[t] for t, _ in singles) or 1.0
        strength = min(1.0, sum(w for _, w in singles))
        # Per procedure, in the order scoring used to add them term by term (floating-point
        # sums depend on the order; keeping it keeps every score to the last bit).
        adds: dict[int, list[float]] = {}
        seen: dict[int, float] = {}
        ranks: dict[int, int] = {}
        for term, match in terms:
            share = idf[term] * strength / mass if "_" not in term else 0.0
            for number, value, rank in hits.get(term, ()):
                adds.setdefault(number, []).append(match * value)
                seen[number] = seen.get(number, 0.0) + share * _EXPLAINS[rank]
                ranks[number] = min(rank, ranks.get(number, _LAST_FIELD))
        several = len(terms) > 1
        entries = []
        scores = {}
        explains = {}
        points = {}
        for number, added in adds.items():
            score = 0.0
            for add in added:
                score += add
            explained = seen[number]
            explained = weight * (explained if explained < 1.0 else 1.0)
            scores[number] = score
            explains[number] = explained
            points[number] = (explained, ranks[number])
            entries.append((number, score, tuple(added) if several else None))
        partners = frozenset(map(self._partner_of.__getitem__, explains))
        reach = _Reach(tuple(entries), scores, explains, points, partners)
        _remember(self._reaches, key, reach)
        return reach

    def _weight(self, terms: list[tuple[str, float]]) -> float:
        singles = [self.index.idf[t] for t, _ in terms if "_" not in t]
        return max(singles) if singles else self.index.max_idf * UNKNOWN_WORD

    # -- ranking ------------------------------------------------------------------------

    #: Needs :meth:`prepare` recognises: known words; a word no index holds (the lemma,
    #: thesaurus and typo tables, and simplemma's data, are built on the first such word,
    #: about 0.6 s); a number in words (text2num is imported on the first one).
    _WARM_UP = ("j'ai perdu ma carte vitale", "formulaire xqzwytbidule", "soixante-deux ans")

    def prepare(self) -> None:
        """Build now what the first needs would otherwise build on their way: a server
        calls it at start, so that its first resident's need is not the one that waits
        (about 0.7 s on the built-in catalogue). Recognises a few fixed needs; their
        words stay in the per-word caches, as any need's do."""
        for text in self._WARM_UP:
            self.recognise(text)

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
        if not unicodedata.is_normalized("NFC", text):
            # Read as the length limit counts it (routing.request.need_length): an accent
            # typed as a combining mark is one character with its letter.
            text = unicodedata.normalize("NFC", text)
        found, marks = reading(text)  # read once: the account test below counts them too
        if marks & SPELLED_NUMBER or len(text) > MAX_TEXT_CHARS:
            # « soixante-deux ans » is read as « 62 ans »; a text that long is asked whole.
            text = spelled_numbers(text)
            found, marks = reading(text)
        recognition = self._recognise(text, thematique, kept, found, marks)
        best = recognition.best
        claimed = recognition.level in _CLAIMS
        if (
            claimed
            and best is not None
            and best.confidence < WHOLE
            and (_JOINED.search(text, MAX_TEXT_CHARS) or lists_requests(text[:MAX_TEXT_CHARS]))
        ):
            several = self._several(text[:MAX_TEXT_CHARS], thematique, kept, recognition)
            if several is not None:
                return several
        if not claimed and lists_requests(text[:MAX_TEXT_CHARS]):
            # « renouveler mon passeport, déclarer mes impôts, faire une procuration et
            # suivre mon colis »: four requests dilute the whole under every bar; each
            # verb clause is read alone (mfs_core.recognition.clauses).
            several = self._several(text[:MAX_TEXT_CHARS], thematique, kept, recognition)
            if several is not None:
                return several
        # An account has at least LONG_ACCOUNT meaningful words and words between spaces.
        if (
            not claimed
            and len(found) >= LONG_ACCOUNT
            and len(text.split(None, LONG_ACCOUNT)) >= LONG_ACCOUNT
        ):
            # A resident's account: its sentences, each recognised alone, may name the
            # request the whole dilutes (« … je voudrais savoir si j'ai droit à la pension
            # de réversion »).
            several = self._several(
                text[:MAX_TEXT_CHARS], thematique, kept, recognition, _SENTENCES, alone=True
            )
            if several is not None:
                return several
        return recognition

    def _several(
        self,
        text: str,
        thematique: str | None,
        kept: int,
        whole: Recognition,
        parts: re.Pattern[str] = _JOINS,
        *,
        alone: bool = False,
    ) -> Recognition | None:
        """A clarify question listing each request of a need that joins several (each part
        between ``parts`` recognised alone claims a procedure of a different fiche), the
        first said first; ``None`` when the need asks for one thing. ``alone``: when one
        part only claims, its recognition (the main request of a long account)."""
        requests: list[tuple[str, list[Word], int]] = []
        verb = ""
        split = parts.split(text)
        if not alone:  # a comma or « ou » before a verb clause joins requests too
            split = [clause for part in split for clause in verb_clauses(part)]
        for part in split:
            if verb and not alone and _DETERMINER.match(part):
                # « j'ai perdu ma carte vitale et mon permis »: the noun phrase joined to
                # the one before shares its verb (an ellipsis); read with it. Not across an
                # account's sentences, where « la propriétaire … » is a new subject.
                part = f"{verb.rstrip()} {part.lstrip()}"
            verb = _verb_of(part)
            if alone:
                # An account's « la propriétaire m'a envoyé une lettre » tells what another
                # did to the resident: context, not a request of theirs (review finding 4).
                part = _DONE_TO_ME.sub(r"\1", part)
            said, marks = reading(part)
            # « et où l'envoyer ? » goes with what came before; « faire une procuration »
            # (one meaningful word) is a request of its own.
            if len(said) >= _PART_WORDS or (said and not alone and opens_with_verb(part)):
                requests.append((part, said, marks))
        if len(requests) < (1 if alone else 2):
            # Fewer parts than it takes to answer anything but None: none is recognised.
            return None
        found: list[Candidate] = []
        fiches: set[object] = set()
        claims: list[Recognition] = []
        unanswered = 0  # requests that claim nothing: counted, never dropped silently
        for n, (part, said, marks) in enumerate(requests):
            if not alone and len(found) + len(requests) - n < 2:
                return None  # the parts left cannot make the two claims a join needs
            recognition = self._recognise(part, thematique, kept, said, marks)
            best = recognition.best
            if best is None or recognition.level not in _CLAIMS:
                unanswered += 1
                continue
            number = self._number_of[best.procedure]
            fiche = self._fiche_of[number] or best.procedure
            if fiche not in fiches:
                fiches.add(fiche)
                found.append(best)
                claims.append(recognition)
        if alone and len(found) == 1:
            return claims[0]
        if len(found) < 2:
            return None
        chosen = found[:MAX_CANDIDATES]
        ids = {c.procedure for c in chosen}
        rest = [c for c in whole.candidates if c.procedure not in ids]
        candidates = _with_places(
            tuple([*chosen, *rest][: max(kept, len(chosen))]),
            lambda c: REQUESTS if c.procedure in ids else c.placed,
        )
        # An account's sentences are not all requests: only those that claim count there. A
        # request said twice is one (« X ? X ? »).
        count = len(found) if alone else len(found) + unanswered
        return attrs.evolve(
            _recognition(_AMBIGUOUS, candidates, len(chosen)), several=True, requests=count
        )

    def _recognise(
        self, text: str, thematique: str | None, kept: int, found: list[Word], marks: int
    ) -> Recognition:
        """:meth:`recognise` for one request (``kept`` candidates at most; ``found`` and
        ``marks``: its meaningful words and marks, ``reading(text)``, read once by the
        caller)."""
        words, expansions = self._words(found, text, marks)
        if len(set(map(_STEM, found))) < len(found):
            # A word said twice is one piece of evidence: « pacs pacs … chasse » must not
            # outweigh « chasse » by repetition (issue-14m), nor « zorglub zorglub… » fade.
            words, expansions = _once(words), _once(expansions)
        known = list(filter(_KNOWN, words))
        hinted = set(map(_PARTNER, known))
        hinted.discard(None)
        if hinted:
            idle = self._idle(known, hinted)
            if idle:  # hints that settle nothing: set aside, as unsaid
                words, known = _without_partners(words, idle), _without_partners(known, idle)
                hinted -= idle
        total = self._information(words, known)
        if not total:
            return Recognition(level=_NONE, candidates=())
        if hinted and _only_partners(known):
            return self._partner_only(known, words, kept)
        scores = self._boosted(self._scores(known, expansions), hinted, thematique)
        if self._asked_labels.intersection(map(_LABEL, words)):
            scores = self._situation_boosted(scores, words, found)
        if self._exclusive and not self._exclusive.keys().isdisjoint(map(_STEM, found)):
            scores = _without_numbers(scores, self._ruled_out(found))
        pool = self._with_twins(self._pool(scores, kept), scores)
        ranked = self._ranked(pool, scores, known, expansions, total, hinted)
        # Why a rule below moved a procedure up, by number (Candidate.placed).
        placed: dict[int, str] = {}
        refuted: frozenset[int] = frozenset()
        if len(self._twins(ranked)) > 1:
            # « je ne suis pas agriculteur » says which twin is not the resident's.
            refuted = self._refuted(ranked, found, text)
            if refuted:
                before = ranked
                ranked = _refuted_last(ranked, refuted)
                _moved_up(before, ranked, TWINS, placed)
        if self._subjects and not refuted:
            before = ranked
            ranked = self._subject_settled(ranked, known)
            _moved_up(before, ranked, SUBJECT, placed)
        head = head_position(text)
        if head is not None and len(ranked) > 1:
            before = ranked
            ranked = self._head_first(ranked, found, head)
            _moved_up(before, ranked, HEAD, placed)
        entitled = None
        spoken = entitlement_words(text)
        if spoken:
            entitled = self._entitled(found, known, spoken)
        level, chosen, ranked = self._level(
            ranked, hinted, kept, known, total, refuted, expansions, placed, entitled
        )
        if level not in _CLAIMS and len(ranked) > 1 and self.index.described:
            ranked = self._described_first(ranked, known, placed)
        candidates = self._candidates(ranked[:kept], known, hinted, expansions)
        if placed:
            candidates = self._placed_candidates(candidates, placed)
        return _recognition(level, candidates, chosen)

    def _described_first(
        self, ranked: list[_Row], known: list[_Word], placed: dict[int, str]
    ) -> list[_Row]:
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
        pooled = {row[4] for row in ranked}
        for word in known:
            for term, match in word.terms:
                found = described.get(term)
                if found is None:
                    continue
                for number in pooled.intersection(found):
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

    def _placed_candidates(
        self, candidates: tuple[Candidate, ...], placed: dict[int, str]
    ) -> tuple[Candidate, ...]:
        """``candidates`` with why a rule moved each one up (``placed``, by number). Its
        own method: a closure in :meth:`_recognise` made a cell on every need."""
        shown = self._shown
        by_id = {shown[n][0]: why for n, why in placed.items()}
        return _with_places(candidates, lambda c: by_id.get(c.procedure))

    def _situation_boosted(
        self, scores: dict[int, float], words: list[_Word], found: list[Word]
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

    def _subject_settled(self, ranked: list[_Row], known: list[_Word]) -> list[_Row]:
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
        unsaid = unsaid_subjects(self._subjects, self._subject_naming, said, (first[4], second[4]))
        if unsaid != {first[4]} or not _explained_alike(known, first[4], second[4]):
            return ranked
        return [second, first, *ranked[2:]]

    def _head_first(
        self, ranked: list[_Row], found: list[Word], head: tuple[int, str]
    ) -> list[_Row]:
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
        reached = self._unit(found[position]).reach.explains
        if not reached or ranked[0][4] in reached:
            return ranked
        head_stem = found[position][2]
        after = [self._unit(w).reach.explains for w in found[position + 1 :] if w[2] != head_stem]
        for row in ranked[1:_HEAD_REACH]:
            if row[4] in reached and any(row[4] in explains for explains in after):
                return _first(ranked, [row[4]])
        return ranked

    def _unit(self, w: Word) -> _Word:
        """The information unit a meaningful word ``w`` of the need makes alone."""
        return (self._singles.get(w) or self._single(w))[0]

    def _ruled_out(self, found: list[Word]) -> frozenset[int]:
        """The procedures a word of the need rules out (lexicon ``[[exclusive]]``: the
        need says « mineur », the title says « majeur »)."""
        stems = list(map(_STEM, found))
        return frozenset(
            number
            for start, stem in enumerate(stems)
            for said, ruled in self._exclusive.get(stem, ())
            if tuple(stems[start : start + len(said)]) == said
            for number in ruled
        )

    def _refuted(self, ranked: list[_Row], found: list[Word], text: str) -> frozenset[int]:
        """The best candidate's twins (the same fiche at another partner) at a partner
        whose hint the need says under a negation (« je ne suis *pas agriculteur* »): the
        twin question, CAF or MSA, is answered the other way. Empty when the need refutes
        no partner, or every twin's."""
        stems = list(map(_STEM, found))
        negated = negated_positions(text)
        partners = {
            entry.partner
            for start, stem in enumerate(stems)
            if start in negated and stem in self._entries
            for said, entry, _ in self._entries[stem]
            if isinstance(entry, PartnerHint) and tuple(stems[start : start + len(said)]) == said
        }
        group = self._twins(ranked)
        out = frozenset(n for n in group if self._partner_of[n] in partners)
        return out if len(out) < len(group) else frozenset()

    @staticmethod
    def _information(words: list[_Word], known: list[_Word]) -> float:
        """The need's information: its known words' weights, then its unknown words',
        each further one weighing less than the one before (long questions carry words no
        catalogue has; a short need with one such word is about something else)."""
        total: float = sum(map(_WEIGHT, known))
        if len(known) < len(words):
            unknown = sorted(map(_WEIGHT, itertools.filterfalse(_KNOWN, words)), reverse=True)
            if len(unknown) <= len(_DECAYS):  # the same products, without a generator
                total += sum(map(operator.mul, unknown, _DECAYS))
            else:
                total += sum(weight * UNKNOWN_DECAY**n for n, weight in enumerate(unknown))
        return total

    def _candidates(
        self, ranked: list[_Row], known: list[_Word], hinted: set[str], expansions: list[_Word]
    ) -> tuple[Candidate, ...]:
        """The :class:`Candidate` of each ranked procedure, with the labels of the need's
        words that reached it (or, for a hint, that name its partner), in order, then
        those of the thesaurus synonyms that added to it: read by :meth:`_ranked` (the
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
            candidates.append(_candidate(shown[row[4]], row[7], row[8], once(row[9])))
        return tuple(candidates)

    def _hinted_candidates(
        self, ranked: list[_Row], known: list[_Word], expansions: list[_Word]
    ) -> tuple[Candidate, ...]:
        """:meth:`_candidates` for a need holding a partner hint: a hint shows on its
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
            candidates.append(_candidate(shown[number], row[7], row[8], once(matched)))
        return tuple(candidates)

    @staticmethod
    def _scores(known: list[_Word], expansions: list[_Word]) -> dict[int, float]:
        """The BM25F score of each procedure the need's known words reach, with what the
        thesaurus synonyms add there.

        Each word's contributions added one procedure at a time, in word order (and, for a
        word of several terms, in term order: floating-point sums depend on it), from the
        flat entries of its :class:`_Reach`: one loop over about twenty entries per need.
        Only the scores: what the words explain and the fields they reached are read for
        the few procedures ranked (:meth:`_ranked`), not for the twenty or so reached."""
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

    def _hinted_part(self, number: int, explained: float, known: list[_Word]) -> float:
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

    def _idle(self, known: list[_Word], hinted: set[str]) -> set[str]:
        """The named partners whose hint says nothing the subject words do not: some word
        of the need reaches their procedures, and none reaches both theirs and another
        partner's (« un *courrier* de radiation par *la Poste* »: « courrier » already says
        La Poste; the hint is only the letter's channel). Such a hint is set aside: it must
        not outweigh the subject words. A hint settles something when a word reaches its
        partner's procedures and another's (« RSA »: the CAF's or the MSA's), and it is the
        only sign of its partner when no word reaches them (« mot de passe CAF »: the hint
        kept, other partners' procedures are not claimed for it)."""
        settling: set[str] = set()
        reached_any: set[str] = set()
        for word in known:
            if word.partner is not None:
                continue
            reached = word.reach.partners
            reached_any |= reached
            if len(reached) > 1:
                settling |= reached & hinted
        return (hinted & reached_any) - settling

    def _boosted(
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
        boosted: dict[int, float] = {}
        for number, score in scores.items():
            document = documents[number]
            if document.partner in hinted:
                score *= HINT_BOOST
            if thematique is not None and thematique in document.thematiques:
                score *= THEMATIQUE_BOOST
            if hinted and document.partner not in hinted:
                # The need names another body (« le médiateur de la Caf »): this one's
                # procedure is at most a suggestion, and comes after that body's.
                score *= OTHER_PARTNER
            boosted[number] = score
        return boosted

    @staticmethod
    def _pool(scores: dict[int, float], kept: int) -> list[int]:
        """The procedures that can be among the ``kept`` first: those whose score, rounded
        as :meth:`_ranked` rounds it, reaches the ``kept``-th best (ties at the cut-off
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

    def _ranked(
        self,
        pool: list[int],
        scores: dict[int, float],
        known: list[_Word],
        expansions: list[_Word],
        total: float,
        hinted: set[str],
    ) -> list[_Row]:
        """The procedures of ``pool`` in the documented order, as rows (see :data:`_Row`).

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

    def _partner_only(self, known: list[_Word], words: list[_Word], kept: int) -> Recognition:
        """The need names partners and nothing the catalogue knows besides (« la CAF »,
        « impots.gouv »): suggestions, never a claim, of each named partner's most general
        procedures (see :meth:`_general_of`), taken in turn; ``none`` when the need also
        says words the catalogue does not know, other than words of how a request is asked
        (« la CAF de Lyon ferme quand ? » is not a request of the CAF's catalogue;
        « problème avec la CAF » is the CAF's)."""
        # An unknown word of how requests are asked (« problème », « savoir ») or a number
        # says nothing else; any other unknown word does.
        topical = self.index.max_idf * GENERIC_WORD
        if any(not word.known and word.weight > topical for word in words):
            return Recognition(level=_NONE, candidates=())
        partners = list(dict.fromkeys(w.partner for w in known if w.partner is not None))
        lists = [self._general_of(code) for code in partners]
        numbers = [n for turn in itertools.zip_longest(*lists) for n in turn if n is not None]
        numbers = numbers[:kept]
        if not numbers:
            return Recognition(level=_NONE, candidates=())
        labels = {w.partner: w.label for w in known}
        candidates = tuple(
            _candidate(self._shown[n], 0.0, 0.0, (labels[self._partner_of[n]],)) for n in numbers
        )
        recognition = _recognition(_WEAK, candidates, min(len(numbers), MAX_CANDIDATES))
        return attrs.evolve(recognition, partner_only=partners[0])

    def _general_of(self, partner: str) -> list[int]:
        """The partner's procedures, most general first: those whose fiche lists the most
        question titles (a fiche that answers many questions covers a broad service: the
        RSA, the aides au logement; one of two questions is a narrow case), then the
        documented order."""
        known = self._general.get(partner)
        if known is None:
            documents = self.index.documents
            known = sorted(
                (n for n, d in enumerate(documents) if d.partner == partner),
                key=lambda n: (-len(self._procedures[n].questions), self._static_order[n]),
            )
            self._general[partner] = known
        return known

    def _level(
        self,
        ranked: list[_Row],
        hinted: set[str],
        kept: int,
        known: list[_Word],
        total: float,
        refuted: frozenset[int] = frozenset(),
        expansions: Sequence[_Word] = (),
        placed: dict[int, str] | None = None,
        entitled: frozenset[int] | None = None,
    ) -> tuple[Level, int, list[_Row]]:
        """The level, how many leading candidates it concerns, and the final order (twins
        of one fiche brought together; ``refuted`` twins, the need said not its partner's,
        left out of the twin question; ``expansions``: the need's thesaurus synonyms;
        ``entitled``: when the need asks « droit à X », the procedures X reaches).
        Each procedure a rule moves up is recorded in ``placed`` with why
        (:attr:`Candidate.placed`)."""
        placed = {} if placed is None else placed
        group = self._twins(ranked)
        if refuted:
            group = _without_refuted(group, refuted)
        hinted_twin = self._hinted_of(group, hinted) if hinted else []
        if hinted_twin:
            # « agriculteur » settles the CAF or the MSA: the hinted twin comes first.
            before = ranked
            ranked = _first(ranked, hinted_twin[:1])
            _moved_up(before, ranked, TWINS, placed)
        top = ranked[:kept]
        scores = list(map(_SCORE, top))
        level, chosen = level_of(list(map(_CONFIDENCE, top)), scores)
        if level is _NONE and top and self._keyword_said(ranked[0][4], known):
            # « vous réalisez que votre carte Vitale est introuvable »: words the catalogue
            # lacks weigh the confidence under the bar, but the resident said one of the
            # best candidate's own keyword phrases whole: shown, never decided on.
            level, chosen = _WEAK, close_count(scores)
        elif (
            level is _NONE
            and top
            and dominates(scores)
            and self._decisive(ranked[0][4], known, total)
        ):
            # « Que faire immédiatement après une tentative d'escroquerie ? »: one keyword
            # of the best candidate's own, few fiches hold, and nothing else comes near:
            # the other words tell the resident's story, they do not make it another need.
            level, chosen = _WEAK, close_count(scores)
        claimed = level in _CLAIMS
        if claimed and not _firmly_reached(ranked[0][4], known):
            # Only typing-error or derived-form matches (« banque ≈ manqué », « vigne ≈
            # vignette »): a real French word read as another must not decide; it is shown.
            level, chosen = _WEAK, close_count(scores)
            claimed = False
        # One word of a title names nothing alone (« calcul »), but one word several close
        # procedures share makes a question (« retraite »: which of them?).
        # The partner the need names is the other word (« retraite » + « agriculteur »).
        partner_named = claimed and self._partner_of[ranked[0][4]] in hinted
        words = 1 if level is _AMBIGUOUS or partner_named else TITLE_WORDS
        # The stems the need's words say, read once for every naming check below.
        said = frozenset().union(*map(_STEMS, known)) if claimed else frozenset()
        if claimed and not self._named(ranked[0][4], said, ranked[0][6], words, partner_named):
            # A word the procedure uses, not its name (« je veux partir », « mariage à la
            # mairie »): shown, not decided on (mfs_core.recognition.specificity).
            level, chosen = _WEAK, close_count(scores)
            claimed = False
            if not dominates(scores) and self._apart(ranked, known):
                # « Le vote des Français à l'étranger »: nothing names the best, and the
                # next, as close, rests on other words of the need (« vote » there,
                # « français, étranger » here): the words scatter over procedures none of
                # which is the need; nothing is suggested (issue-14af).
                level, chosen = _NONE, 0
        if level is _CONFIDENT and self._rivalled(ranked[0][4], said, partner_named):
            # Every specific word said of its name is held as well by another fiche's
            # phrase said whole (« carte grise » + « changement »): which one is not
            # said; asked, never claimed (specificity.rivals_of). Only the rivals are
            # read: the check above found the need names it (a confident level is one
            # that check kept).
            before = ranked
            level, chosen, ranked = self._rivals_asked(ranked, said, scores)
            _moved_up(before, ranked, ASKED, placed)
            claimed = level is _AMBIGUOUS
        if claimed and entitled is not None and ranked[0][4] not in entitled:
            # « a-t-il droit à une indemnité de départ ? » asks for an indemnité: a
            # procedure the rest of the need reaches and that word does not is shown, not
            # claimed (mfs_core.recognition.entitlement).
            level, chosen = _WEAK, close_count(scores)
            claimed = False
        if claimed and self._split(ranked[0][4], known) >= SPLIT * total:
            # One word for this procedure, and other words name other procedures
            # (« extrait de naissance »): the need is not about this one alone; shown.
            level, chosen = _WEAK, close_count(scores)
            claimed = False
        if level is _CONFIDENT and len(ranked) > 1 and self._same_words(ranked, known, said, words):
            # The next candidate explains the same words of the need as much, and they name
            # it too (« recherche d'emploi »: the job-search obligation's keyword, a title
            # phrase of the job offers): only the field they were found in ranks them.
            level, chosen = _AMBIGUOUS, 2
        if level is _CONFIDENT and expansions:
            rival = self._echoed_rival(ranked, known, expansions)
            if rival is not None:
                # « Comment contester sa taxe foncière ? »: « contester » names the
                # réclamation; the taxe foncière only echoes it in a question title
                # (« délai de réclamation »). Which one the resident wants is asked.
                before = ranked
                ranked = _first(ranked, [ranked[0][4], rival])
                _moved_up(before, ranked, ASKED, placed)
                level, chosen = _AMBIGUOUS, 2
        if claimed and len(group) > 1 and not hinted_twin:
            # Same official fiche at two partners: only the resident's regime tells them
            # apart, and the words did not say it. Their scores differ only by how each
            # partner worded the same service: the documented order lists them.
            group = sorted(group, key=self._partner_order)
            before = ranked
            ranked = _first(ranked, group)
            _moved_up(before, ranked, TWINS, placed)
            chosen = min(max(chosen, len(group)), MAX_CANDIDATES)
            level = _AMBIGUOUS
        return level, chosen, ranked

    def _hinted_of(self, numbers: list[int], hinted: set[str]) -> list[int]:
        """The procedures of ``numbers`` whose partner the need names (``hinted``)."""
        documents = self.index.documents
        return [n for n in numbers if documents[n].partner in hinted]

    def _rivals_asked(
        self, ranked: list[_Row], said: frozenset[str], scores: list[float]
    ) -> tuple[Level, int, list[_Row]]:
        """A clarify question among the best candidate and the next ones the need's words
        name as well (one shared word is enough to ask, :func:`specificity.names`), or
        ``weak`` when none does."""
        asked = [
            row[4]
            for row in ranked[1:MAX_CANDIDATES]
            if self._named(row[4], said, row[6], 1, False)
        ]
        if not asked:
            return _WEAK, close_count(scores), ranked
        return _AMBIGUOUS, 1 + len(asked), _first(ranked, [ranked[0][4], *asked])

    def _echoed_rival(
        self, ranked: list[_Row], known: list[_Word], expansions: Sequence[_Word]
    ) -> int | None:
        """The first of the next candidates (up to :data:`~mfs_core.recognition.
        confidence.MAX_CANDIDATES`) of the best one's partner that the need names by one
        of its keywords said whole (as written), with a word the best one does not
        explain and only echoes through a thesaurus synonym of that word in its question
        titles or description (not in its keywords or titles); ``None`` when there is
        none. The best one's data then speaks of the rival's matter in other words (the
        taxe foncière's question « Quel est le délai de *réclamation* en matière
        d'impôts ? », reached by « contester »): the need may ask for that neighbour
        (« Comment *contester* sa taxe foncière ? » is a réclamation)."""
        best = ranked[0][4]
        # Echoed in its question titles or description only: a word its name echoes
        # (« envoi ≈ colis » in « Retrait … d'un colis … ») is its own matter.
        echoed = {
            word.label
            for word in expansions
            if best in word.marks and word.marks[best][0] >= STRONG_FIELDS
        }
        if not echoed:
            return None
        unexplained = [
            word
            for word in known
            if word.label in echoed and word.partner is None and best not in word.reach.explains
        ]
        if not unexplained:
            return None
        said = frozenset().union(*(word.stems for word in known if not word.span))
        partner = self._partner_of[best]
        for row in ranked[1:MAX_CANDIDATES]:
            number = row[4]
            if self._partner_of[number] != partner:
                continue
            keywords = self._naming_of(number).keywords
            for word in unexplained:
                if number in word.reach.explains and any(
                    keyword <= said and not keyword.isdisjoint(word.stems) for keyword in keywords
                ):
                    return number
        return None

    def _entitled(
        self, found: list[Word], known: list[_Word], spoken: tuple[str, ...]
    ) -> frozenset[int] | None:
        """The procedures the words a need asks to be entitled to reach, alone or in a
        lexicon phrase (``spoken``: their accent-free forms,
        :func:`~mfs_core.recognition.entitlement.entitlement_words`); ``None``
        when no such word can say what is asked: each is one of how a request is asked, is
        not among ``found``, or is vague — it reaches procedures of more than
        :data:`~mfs_core.recognition.specificity.KEYWORD_FICHES` fiches (« ai-je droit
        à une *aide* ? », « à un *délai* ? » name no matter; review 15d, finding 3)."""
        reached: set[int] = set()
        asked = False
        for plain in spoken:
            if plain in self._generic:
                continue
            # Every place the word is said: a lexicon phrase is read once a need, so the
            # word said again (« droit au assedic, droit au assedic ») is in no phrase.
            positions = {n for n, w in enumerate(found) if w[1] == plain}
            if not positions:
                continue
            reach = set(self._unit(found[min(positions)]).reach.explains)
            for word in known:
                if not positions.isdisjoint(word.span):
                    reach.update(word.reach.explains)
            if len({self._fiche_of[n] or n for n in reach}) > KEYWORD_FICHES:
                continue  # a word many fiches hold says no one matter
            reached |= reach
            asked = True
        return frozenset(reached) if asked else None

    def _keyword_said(self, number: int, known: list[_Word]) -> bool:
        """Whether the need says whole a keyword of two words or more of procedure
        ``number`` that at most :data:`~mfs_core.recognition.specificity.KEYWORD_FICHES`
        fiches hold (« carte vitale », not « arrêt maladie »)."""
        naming = self._naming_of(number)
        held = self._shared or {}
        # The words as said: a lexicon phrase's meaning is the catalogue's wording, not the
        # resident's (« mutuelle santé » is not the keyword « complémentaire santé » said).
        # Loops: the generators made two of them and cells of ``said`` and ``held``.
        said: set[str] = set()
        for word in known:
            if not word.span:
                said.update(word.stems)
        for keyword in naming.keywords:
            if (
                len(keyword) > 1
                and keyword <= said
                and len(held.get(keyword, ())) <= KEYWORD_FICHES
            ):
                return True
        return False

    def _decisive(self, number: int, known: list[_Word], total: float) -> bool:
        """Whether the need names procedure ``number`` by a rare keyword of its own: said as
        written or by its lemma (not through a typing error, a derived form or a lexicon
        phrase), held by at most :data:`~mfs_core.recognition.specificity.KEYWORD_FICHES`
        fiches, with a word that at most as many procedures hold in any field (« vignette »,
        « escroquerie »; not « calcul », « contester »), not a word of how a request is
        asked; a common French word (``Naming.common``: « école », « suivi ») only with a
        second such keyword. Not when words carrying :data:`~mfs_core.recognition.
        confidence.ELSEWHERE` of the need (``total``: its information) name other
        procedures and not this one. And, when the procedure's title opens with a subject
        (« *Déclaration de revenus* : changement de situation (mariage, Pacs…) »), the need
        says a word of it: « Qui peut conclure un Pacs ? » names a life event that title
        lists, not the tax return; « un projet d'extension » is no « *Permis de conduire* :
        extension de catégorie »."""
        naming = self._naming_of(number)
        held = self._shared or {}
        # each index stem said, with how many procedures it reaches (in any field)
        said = {
            term: len(word.reach.explains)
            for word in known
            if not word.span
            for term, weight in word.terms
            if weight >= 1.0 and "_" not in term
        }
        decisive = [
            keyword
            for keyword in naming.keywords
            if keyword <= said.keys()
            and min(map(said.__getitem__, keyword)) <= KEYWORD_FICHES
            and len(held.get(keyword, ())) <= KEYWORD_FICHES
            and keyword not in naming.shared
            and not keyword <= self._generic_stems
        ]
        if not decisive or (len(decisive) == 1 and decisive[0] in naming.common):
            return False
        if self._elsewhere(number, known) >= ELSEWHERE * total:
            # « extrait de naissance »: half the need names other procedures (the prime
            # de naissance); its one rare word does not make it the casier judiciaire's.
            return False
        subject = self._subjects.get(number)
        if subject is None:
            return True
        # The subject may be said by a lexicon phrase's meaning.
        return any(term in subject for word in known for term, _ in word.terms)

    @staticmethod
    def _elsewhere(number: int, known: list[_Word]) -> float:
        """The information of the need's words that do not reach procedure ``number`` and
        reach another by a keyword or a title (not a partner hint)."""
        return sum(
            word.weight
            for word in known
            if word.label
            and word.partner is None
            and number not in word.reach.explains
            and any(point[1] < STRONG_FIELDS for point in word.reach.points.values())
        )

    def _naming_of(self, number: int) -> Naming:
        """The :class:`~mfs_core.recognition.specificity.Naming` of procedure ``number``,
        read on the first need that asks (with what it needs, once per registry)."""
        naming = self._naming.get(number)
        if naming is None:
            if self._shared is None:
                self._shared = holders(self._procedures)
                self._name_phrases = name_phrases(self._procedures)
            naming = naming_of(self._procedures[number], self.index.idf, self._shared)
            self._naming[number] = naming
        return naming

    def _named(
        self,
        number: int,
        said: frozenset[str],
        confidence: float,
        words: int,
        partner_named: bool,
    ) -> bool:
        """Whether the need's words (``said``: their stems) name procedure ``number``
        (:func:`specificity.names`)."""
        return names(
            self._naming_of(number),
            said,
            confidence,
            self._generic_stems,
            words,
            partner_named=partner_named,
        )

    def _rivalled(self, number: int, said: frozenset[str], partner_named: bool) -> bool:
        """Whether another fiche's name-phrases the need says hold every specific word it
        says of procedure ``number``'s name (:func:`specificity.rivalled`): what
        ``names(..., separate=True)`` adds to :meth:`_named`, read alone where that check
        has already answered yes."""
        naming = self._naming_of(number)  # also reads the name phrases, once per registry
        phrases = self._name_phrases
        return bool(phrases) and rivalled(naming, said, self._generic_stems, partner_named, phrases)

    @staticmethod
    def _apart(ranked: list[_Row], known: list[_Word]) -> bool:
        """Whether the first two candidates of ``ranked`` (two at least) each explain a
        word of the need (``known``) the other does not: each explains a part of it, none
        the whole. A second explaining only some of the first's words is no rival (« retirer
        une lettre recommandée à la place de mon mari »: the retrait explains all the
        lettre recommandée does; review 14f). Twins of one fiche never are."""
        if len(ranked) < 2:
            return False
        a, b = ranked[0][4], ranked[1][4]
        first_only = second_only = False
        for word in known:
            if word.label:
                explains = word.reach.explains
                first_only = first_only or (a in explains and b not in explains)
                second_only = second_only or (b in explains and a not in explains)
        return first_only and second_only

    def _same_words(
        self, ranked: list[_Row], known: list[_Word], said: frozenset[str], words: int
    ) -> bool:
        """Whether the second candidate explains the need as much as the first, by the
        same words, and the need (``said``: its stems) names it too (:meth:`_named`)."""
        first, second = ranked[0], ranked[1]
        if first[6] != second[6]:
            return False
        a, b = first[4], second[4]
        units = [word for word in known if word.label]
        if any((a in w.reach.explains) != (b in w.reach.explains) for w in units):
            return False
        return self._named(b, said, second[6], words, False)

    @staticmethod
    def _split(number: int, known: list[_Word]) -> float:
        """The information of the need's words that name other procedures than ``number``
        when one word only reaches it (:func:`specificity.split_share`)."""
        units = [word for word in known if word.label]  # not pairs of words
        reached = [number in word.reach.explains for word in units]
        if sum(reached) > 1:
            return 0.0  # most claims: said in more than one word (no look at other fields)
        return split_share(
            reached,
            [
                not hit
                and word.partner is None
                and any(p[1] < STRONG_FIELDS for p in word.reach.points.values())
                for hit, word in zip(reached, units, strict=True)
            ],
            [word.weight for word in units],
        )

    def _partner_order(self, number: int) -> tuple[int, int, str, str]:
        return self._static_order[number]

    @staticmethod
    def _national_of(code: str, partners: Mapping[str, Partner]) -> bool:
        partner = partners.get(code)
        return partner is None or partner.kind is PartnerKind.NATIONAL

    def _twins_by_number(self) -> list[frozenset[int]]:
        """Per procedure number, the other partners' procedures with its fiche: one set
        per fiche and partner, shared by that partner's procedures of the fiche."""
        by_fiche: dict[str, dict[str, list[int]]] = defaultdict(dict)
        for number, fiche in enumerate(self._fiche_of):
            if fiche is not None:
                by_fiche[fiche].setdefault(self._partner_of[number], []).append(number)
        shared: dict[tuple[str, str], frozenset[int]] = {}
        twins: list[frozenset[int]] = []
        for number, fiche in enumerate(self._fiche_of):
            if fiche is None:
                twins.append(frozenset())
                continue
            key = (fiche, self._partner_of[number])
            found = shared.get(key)
            if found is None:
                others = by_fiche[fiche]
                found = frozenset(n for p, ns in others.items() if p != key[1] for n in ns)
                shared[key] = found
            twins.append(found)
        return twins

    def _with_twins(self, pool: list[int], scores: dict[int, float]) -> list[int]:
        """``pool`` and the twins (same fiche, another partner) of its procedures that the
        need's words reached: whether the best candidate's twin makes a question (CAF or
        MSA?) must not depend on how many candidates the caller asked for (``limit``)."""
        if self._twinned.isdisjoint(pool):
            return pool  # most needs: no pooled procedure has a twin (one look-up each, in C)
        return self._twins_added(pool, scores)

    def _twins_added(self, pool: list[int], scores: dict[int, float]) -> list[int]:
        """:meth:`_with_twins` when a pooled procedure has a twin (its own method: the
        generator below made cells on every need)."""
        twins_of = self._twins_of
        extra: list[int] = []
        for number in pool:
            others = twins_of[number]
            if others:  # most procedures have none
                extra += (t for t in others if t in scores and t not in pool and t not in extra)
        return pool + sorted(extra) if extra else pool

    def _twins(self, ranked: list[_Row]) -> list[int]:
        """The best candidate and the other partners' candidates with its fiche (the CAF
        and the MSA serve the same service-public.fr fiche): one item when it has none."""
        if not ranked:
            return []
        first = ranked[0][4]
        twins = [first]
        others = self._twins_of[first]
        if others:  # most procedures have none
            for row in itertools.islice(ranked, 1, None):
                if row[4] in others:
                    twins.append(row[4])
        return twins


def _verb_of(part: str) -> str:
    """What ``part`` says before its first determiner (« j'ai perdu » of « j'ai perdu ma
    carte vitale »): the verb a noun phrase joined after it shares; "" when the part
    starts with its noun phrase or has none."""
    found = _FIRST_DETERMINER.search(part)
    if found is None or not meaningful(part[: found.start()]):
        return ""
    return part[: found.start()]


def _explained_alike(known: list[_Word], one: int, other: int) -> bool:
    """Whether every known word of the need explains procedures ``one`` and ``other`` as
    much (nothing, or the same information)."""
    return all(w.reach.explains.get(one) == w.reach.explains.get(other) for w in known)


# The helpers below hold comprehensions the hot methods run only on some needs: a
# comprehension reading a method's local makes that local a cell, built on every call
# of the method, run or not (issue-14ad).


def _without_partners(words: list[_Word], partners: set[str]) -> list[_Word]:
    """``words`` less those hinting one of ``partners``."""
    return [w for w in words if w.partner not in partners]


def _refusing(
    lexicon: tuple[list[_Word], set[int]] | None, refused: frozenset[int]
) -> tuple[list[_Word], set[int]]:
    """The lexicon phrases and covered positions (``None``: none) of a need whose
    ``refused`` positions are read as covered, less the phrases that hold one."""
    phrases, covered = lexicon or ([], set())
    return [w for w in phrases if not w.span & refused], covered | refused


def _without_refuted(numbers: list[int], refuted: frozenset[int]) -> list[int]:
    """``numbers`` less the ``refuted`` ones, in order."""
    return [n for n in numbers if n not in refuted]


def _without_numbers(scores: dict[int, float], numbers: frozenset[int]) -> dict[int, float]:
    """``scores`` less the procedures ``numbers``."""
    return {n: v for n, v in scores.items() if n not in numbers}


def _refuted_last(ranked: list[_Row], refuted: frozenset[int]) -> list[_Row]:
    """``ranked`` with the rows of the ``refuted`` procedures last, each part in order."""
    return [r for r in ranked if r[4] not in refuted] + [r for r in ranked if r[4] in refuted]


def _once(words: list[_Word]) -> list[_Word]:
    """``words`` without a unit said again: the same index terms (or, for a word the index
    does not know, the same word whatever its case), the same partner hint."""
    seen: set[object] = set()
    kept = []
    for word in words:
        key = (
            (word.terms, word.partner, word.synonym)
            if word.terms or word.partner
            else word.label.casefold()
        )
        if key not in seen:
            seen.add(key)
            kept.append(word)
    return kept


def _only_partners(known: list[_Word]) -> bool:
    """Whether every known word is a partner hint, or a lexicon expansion of exactly a
    hint's words: « pôle emploi » both names France Travail and expands to its new name
    (for the titles that say it), and alone names only the partner, as « France Travail »
    does."""
    hints = {word.span for word in known if word.partner is not None}
    return all(word.partner is not None or (word.span and word.span in hints) for word in known)


def _partly(label: str, parts: tuple[tuple[str, frozenset[int]], ...], number: int) -> str:
    """The label of an expansion (``label``; each word of its meaning as written with the
    procedures it reaches: ``parts``) that reached procedure ``number`` through some words
    of its meaning only: the phrase said, and those words (« RSA → solidarité »)."""
    said = label.split(" → ")[0]
    reached = dict.fromkeys(w for w, numbers in parts if number in numbers)
    # Reached by the phrase's own words only: the phrase, never « récupérer un colis → ».
    return f"{said} → {' '.join(reached)}" if reached else said


def _firmly_reached(number: int, known: list[_Word]) -> bool:
    """Whether a word of the need reaches procedure ``number`` in full: by its spelling or
    its stem (match weight 1), or as a lexicon phrase (``span``); not only through a typing
    error (:data:`~mfs_core.recognition.index.TYPO`) or a derived form (``DERIVED``,
    ``STEMMED``: « radié » alone is shown, not claimed)."""
    for word in known:
        if number in word.reach.explains:
            if word.span:
                return True
            for _, weight in word.terms:  # a loop, not any(): no generator per word
                if weight >= 1.0:
                    return True
    return False
