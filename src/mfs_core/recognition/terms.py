"""The need read into weighted terms: the query side of recognition, before any score.

:meth:`NeedTerms.words` turns the meaningful words of a need into its information units
(:class:`Unit`): the lexicon phrases it says (expansions, partner hints, phrases of how a
request is asked; :mod:`~mfs_core.recognition.lexicon`), each other word matched to the
index (:meth:`~mfs_core.recognition.index.ProcedureIndex.match`: as written, by its lemma,
a derived form, a typing error, or a thesaurus synonym), and the pairs of adjacent words
the index holds; each unit carries its share of the need's information (its weight) and
what it adds to each procedure it reaches (:class:`Reach`). :func:`information` sums the
need's information.

Speed: a counter hears the same words all day, so what each word becomes is computed once
and remembered, in bounded caches (:func:`_remember`); reading a need is then looking its
words up.
"""

from __future__ import annotations

import itertools
import operator
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal

import attrs

from mfs_core.recognition.confidence import GENERIC_WORD, HINT_WORD, UNKNOWN_DECAY, UNKNOWN_WORD
from mfs_core.recognition.dates import date_days, numeric_days
from mfs_core.recognition.index import FIELD_WEIGHTS, SYNONYM, ProcedureIndex
from mfs_core.recognition.lexicon import (
    Asked,
    Elsewhere,
    Expansion,
    Lexicon,
    PartnerHint,
    said_in,
    written_stems,
)
from mfs_core.recognition.negation import (
    negated_positions,
    passive_positions,
    refused_positions,
)
from mfs_core.recognition.normalise import (
    MAX_CACHED_CHARS,
    VERB_NEGATION,
    WORD_CACHE_ENTRIES,
    Word,
    _clean,
    fold,
    function_words,
    kin_words,
    tokens,
)

__all__ = [
    "EXPLAINED_BY_FIELD",
    "NOWHERE",
    "NeedTerms",
    "Reach",
    "Single",
    "Term",
    "Unit",
    "idle_hints",
    "information",
    "most_explained",
    "once",
    "only_partners",
    "without_partners",
]


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
_LAST_FIELD = len(FIELD_WEIGHTS)


def _outside(
    hits: list[tuple[int, int, _LexiconEntry, int]],
    spans: list[tuple[int, int, _LexiconEntry, int]],
) -> list[tuple[int, int, _LexiconEntry, int]]:
    """The lexicon ``hits`` that lie inside none of ``spans`` (start, end, ...)."""
    return [h for h in hits if not any(s[0] <= h[0] and h[1] <= s[1] for s in spans)]


def _longest_first(hit: tuple[int, int, object, int]) -> tuple[int, int]:
    """The order lexicon hits are taken in: longest first, then leftmost."""
    return -(hit[1] - hit[0]), hit[0]


def _remember(cache: dict[Any, Any], key: object, value: object) -> None:
    """Store ``value`` in a per-recogniser cache, emptied when full: a flood of made-up
    words cannot grow it, and the words a counter hears come back within seconds."""
    if len(cache) >= WORD_CACHE_ENTRIES:
        cache.clear()
    cache[key] = value


#: An index term a word of the need matched, and the weight of that match.
Term = tuple[str, float]
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

#: ``UNKNOWN_DECAY ** n``, computed once, for the unknown words of a need (more are rare:
#: :func:`information` computes the powers then).
_DECAYS = tuple(UNKNOWN_DECAY**n for n in range(64))

#: What a word adds to one procedure's score: (its number, the score, its additions one by
#: one or ``None``); see :class:`Reach`.
_Entry = tuple[int, float, tuple[float, ...] | None]


@attrs.frozen
class Reach:
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
    (:meth:`~mfs_core.recognition.scoring.Scoring.ranked`), one look-up per word and
    ranked procedure.

    A slotted class, not a named tuple: CPython 3.11 reads a slot in one specialised step,
    a named tuple's field through a generic attribute look-up.
    """

    entries: tuple[_Entry, ...]
    scores: dict[int, float]
    explains: dict[int, float]
    points: dict[int, tuple[float, int]]
    #: the partners of the procedures it reaches
    partners: frozenset[str] = frozenset()


NOWHERE = Reach((), {}, {}, {})


@attrs.frozen
class Unit:
    """One information unit of the need: a word, a lexicon phrase, or a hint.

    ``reach`` is what it adds to each procedure (computed once per terms and weight by
    :meth:`NeedTerms._reach`), and the word itself is remembered, so that recognising a
    need is mostly merging the dictionaries of its words, in C.
    """

    label: str
    terms: tuple[tuple[str, float], ...]  # (index term, match weight)
    weight: float  # its share of the need's information
    partner: str | None = None  # for a partner hint
    span: frozenset[int] = frozenset()  # positions of a lexicon phrase in the need
    reach: Reach = NOWHERE
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
    #: partial labels (``None`` when it reaches nothing); see
    #: :meth:`~mfs_core.recognition.scoring.Scoring.ranked`
    view: tuple[dict[int, tuple[float, int]], str, Mapping[int, str] | None] | None = None
    #: a thesaurus synonym of catalogue words (query expansion): not ``known`` (it is
    #: no catalogue word: it weighs as an unknown word, or nothing when its word is
    #: known), it adds score to the procedures the need's known words reached, never
    #: reaches one alone, explains and names none; ``marks``: by procedure it reaches,
    #: the strongest field rank it reached there and what it shows there (« boulot ≈
    #: travail »), computed once per word
    synonym: bool = False
    marks: dict[int, tuple[int, str]] = attrs.field(factory=dict, eq=False)
    #: for a lexicon expansion, the stems of the phrase as the resident said it
    #: (:attr:`~mfs_core.recognition.lexicon.Expansion.said`, not its meaning): a keyword
    #: that holds them is said as written (« ALD », the keyword of the affection de longue
    #: durée; « assistante maternelle »: :mod:`~mfs_core.recognition.decision`)
    phrase: frozenset[str] = frozenset()
    #: for an ``[[asked]]`` phrase, the noun of a question title it names (« pièces à
    #: fournir »: « justificatif »; :attr:`~mfs_core.recognition.lexicon.Asked.subject`)
    asks: frozenset[str] = frozenset()


#: One word of the need as :meth:`NeedTerms.single` reads it: its unit, the index term it
#: matched (``None`` when none, or only through synonyms), and its thesaurus expansion.
Single = tuple[Unit, Term | None, Unit | None]
#: a lexicon entry found in a need
_LexiconEntry = Expansion | PartnerHint | Asked | Elsewhere
#: a lexicon entry by its first stem: its stems said, the entry, its number
_Entered = tuple[tuple[str, ...], _LexiconEntry, int]
#: The fewest letters a partner name's first word is cut to (« ass. maladie »): fewer say
#: no word (« a », « as »).
_MIN_CUT = 3


#: A first-person denial right before a partner's hint (accent-free, casefolded text).
_DENIAL = (
    r"(?:\b(?:je\s+(?:ne\s+)?(?:suis|depends|releve|cotise)|j'?\s*suis|chuis"
    r"|nous\s+(?:ne\s+)?(?:sommes|dependons|relevons|cotisons))"
    r"\s+(?:pas|plus|jamais))"
    r"\s+(?:(?:affiliee?|inscrite?)\s+)?"
    r"(?:(?:un|une|des|a\s+la|au|aux|de\s+la|du|a\s+l'|de\s+l')\s*)?"
)
#: An article before a hint (« sans être un exploitant »).
_ARTICLE = r"(?:(?:un|une)\s+)?"
#: The resident's « non » answering the hint asked as a question: « agriculteur ? non ».
_ANSWERED_NO = r"\s*[?:]\s*non\b"
#: Another person named in a sentence (a possessive, a third-person subject): « mon mari
#: agriculteur ? non », « mon mari, sans être agriculteur, … » deny nothing of the
#: resident (review 35).
_OTHER_PERSON = re.compile(r"\b(?:mon|ma|mes|son|sa|ses|notre|nos|leur|leurs|il|elle|ils|elles)\b")
_SENTENCE_END = re.compile(r"[.;!]")


def denied_by_resident(text: str, hints: Iterable[str]) -> bool:
    """Whether the resident denies, in the first person, one of ``hints`` (partner hints as
    said, from :meth:`NeedTerms.refuted_hints`) in the need ``text``: « je ne suis pas
    agriculteur », « je suis pas une exploitante », « sans être exploitant agricole » — the
    hint right after the negation, an article at most between — or answers « non » to it
    asked (« agriculteur ? non », « agriculteur : non »); the « sans être » and « non »
    forms name no person, so they are the resident's only when no other person (a
    possessive, a third-person subject) is named before them in their sentence (« mon mari
    agriculteur ? non », review 35). « mon mari n'est pas agriculteur (mais moi si) », « je
    ne suis pas *seulement* agriculteur », « ma mère n'est pas agricultrice » deny nothing
    of the resident: the twin question stays (review 34). Both sides are read as recognition
    reads a need (:func:`~.normalise._clean`: every apostrophe and space, case), accents
    removed."""
    folded = fold(_clean(text))
    for said in hints:
        hint = re.escape(fold(_clean(said)))
        if re.search(f"{_DENIAL}{hint}\\b", folded):
            return True
        # « agriculteur ? non », « sans être agriculteur »: no person said, so the resident
        # — unless another person is named before it in its sentence.
        for found in re.finditer(
            f"\\b{hint}{_ANSWERED_NO}|\\bsans\\s+etre\\s+{_ARTICLE}{hint}\\b", folded
        ):
            sentence = _SENTENCE_END.split(folded[: found.start()])[-1]
            if not _OTHER_PERSON.search(sentence):
                return True
    return False


#: The fields in which a procedure names its own matter: a phrase there is the procedure's.
_OWN_FIELDS = frozenset(("keywords", "title"))


def _names_own(index: ProcedureIndex, said: tuple[str, ...]) -> bool:
    """Whether a procedure of ``index`` holds the ``[[elsewhere]]`` phrase ``said`` (stems)
    in its keywords or title, every adjacent pair of it: a plugin's « opposition carte
    bancaire » names its own matter, and the phrase must still reach it (review 34)."""
    pairs = [f"{a}_{b}" for a, b in itertools.pairwise(said)]
    return any(
        all(index.best_field.get((number, pair)) in _OWN_FIELDS for pair in pairs)
        for number in index.postings.get(pairs[0], {})
    )


class NeedTerms:
    """Reads needs into information units over one index; one per :class:`Recogniser`
    (its caches are per index).

    ``lexicon``: the lexicon with the partners' keywords as hints; ``partner_names``: what
    a partner hint shows, by partner code; ``partner_of``: each procedure's partner, by
    number; ``generic``: the accent-free words of how a request is asked
    (:func:`~mfs_core.recognition.normalise.generic_words`).
    """

    def __init__(
        self,
        index: ProcedureIndex,
        lexicon: Lexicon,
        partner_names: Mapping[str, str],
        partner_of: list[str],
        generic: frozenset[str],
    ) -> None:
        self.index = index
        self._partner_names = partner_names
        self._partner_of = partner_of
        self._generic = generic
        #: relatives the request is made for (« mon fils »): unknown, they weigh as
        #: ``generic`` words do, not as another subject (review 38)
        self._kin = kin_words()
        self._function = function_words()
        self._singles: dict[Word, Single] = {}
        self._pairs: dict[tuple[Term | None, Term | None], Unit | Literal[False]] = {}
        self._reaches: dict[tuple[tuple[Term, ...], float], Reach] = {}
        # Keyed by the entry's number in the lexicon, not the entry: hashing an attrs
        # object runs its Python __hash__ over every field.
        self._phrases: dict[tuple[int, int], Unit] = {}
        #: first stem said -> (stems said, the entry, its number) of each lexicon entry
        self.entries: dict[str, list[_Entered]] = {}
        # A hint for a partner this registry lacks would only lower the others' confidence.
        present = set(partner_of)
        hints = [h for h in lexicon.hints if h.partner in present]
        entries: list[_LexiconEntry] = [
            *lexicon.expansions,
            *hints,
            *lexicon.asked,
            *(e for e in lexicon.elsewhere if not _names_own(index, e.said)),
        ]
        for number, entry in enumerate(entries):
            self.entries.setdefault(entry.said[0], []).append((entry.said, entry, number))
        #: second stem -> (the first word as written, accent-free; the stems of the name's
        #: other words, stop words too; the hint, its number) of each partner's name of
        #: two words or more, read with its first word cut short
        self.cut_names: dict[str, list[tuple[str, tuple[str, ...], PartnerHint, int]]] = {}
        for number, entry in enumerate(entries):
            if isinstance(entry, PartnerHint) and len(entry.said) > 1:
                first, _, rest = entry.label.partition(" ")
                first = fold(first.casefold())
                if len(first) > _MIN_CUT and rest:
                    self.cut_names.setdefault(entry.said[1], []).append(
                        (first, written_stems(rest), entry, number)
                    )

    def _lexicon_words(self, found: list[Word], text: str) -> tuple[list[Unit], set[int]] | None:
        """The lexicon phrases found in the need ``text`` (its meaningful words ``found``),
        and the positions they cover (``None`` when there is none).

        Expansions and ``[[asked]]`` phrases are taken longest first and never overlap
        (« allocation pôle emploi » wins over « pôle emploi »), expansions marked
        ``negated`` only where a negation bears on their first word (``affirmed`` only where
        none does; ``active`` ones said of oneself in the passive weigh as an unknown word
        there, reaching nothing); partner hints apply
        wherever they occur, except under a negation (« je ne suis pas agriculteur »:
        :mod:`~mfs_core.recognition.negation`), where they say nothing (their words are not
        read as other words either).
        """
        # A tuple: its slices are the tuples compared (a list's were copied again).
        stems = tuple(map(_STEM, found))
        entries = self.entries
        # A loop, not a comprehension: that made cells of ``stems`` and ``entries``.
        hits: list[tuple[int, int, _LexiconEntry, int]] = []
        for start, first in enumerate(stems):
            if first in entries:
                for phrase, entry, number in entries[first]:
                    if stems[start : start + len(phrase)] == phrase:
                        hits.append((start, start + len(phrase), entry, number))
        if self.cut_names and (cut := self._cut_names(found, stems, text)):
            # The cut word is the name's, not a phrase of its own (« ass » is no ASS there).
            hits = [*_outside(hits, cut), *cut]
        if not hits:
            return None
        if len(hits) > 1:  # most needs with a phrase: one (no key made for it)
            hits.sort(key=_longest_first)
        words: list[Unit] = []
        covered: set[int] = set()
        expanded: set[int] = set()
        negated: frozenset[int] | None = None
        every_stem: tuple[str, ...] | None = None
        written_said: dict[tuple[str, ...], bool] = {}
        named = False  # an expansion or a partner said: the need names a covered request
        foreign: list[tuple[Elsewhere, int, int]] = []
        for start, end, entry, number in hits:
            span = set(range(start, end))
            if isinstance(entry, PartnerHint):
                if negated is None:
                    negated = negated_positions(text)
                if not (negated and span & negated):
                    words.append(self._phrase(entry, number, start))
                    named = True  # « logement social caf »: the body asked (review 40)
                covered |= span
                continue
            if span & expanded:
                continue
            if isinstance(entry, Expansion) and (entry.negated or entry.affirmed):
                # « pas reçu », « jamais arrivé »: only where the negation bears on it;
                # « pas épuisé mes droits »: an affirmed phrase, only where it does not.
                if negated is None:
                    negated = negated_positions(text)
                if (start in negated) != entry.negated:
                    continue
            if isinstance(entry, Expansion) and entry.active and start in passive_positions(text):
                # « je n'ai pas été payé »: the resident is the one not paid (review 38), a
                # matter the catalogue lacks: the word weighs as one the index does not
                # know and reaches nothing (read as « payer » it asked the tax payment
                # procedures, review 38b).
                covered |= span
                words.append(self._foreign(entry.label, frozenset(span)))
                continue
            if isinstance(entry, Expansion) and entry.active and entry.means == entry.said:
                # « réclamer » means « réclamation », its own stem: the entry only says
                # where the resident is asked (stop 40); elsewhere the word reads as itself.
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
            if isinstance(entry, Elsewhere):
                foreign.append((entry, number, start))
                continue
            named = named or isinstance(entry, Expansion)
            words.append(self._phrase(entry, number, start))
        for other in foreign:  # a loop: a generator made cells of its locals
            words.append(self._elsewhere_word(*other, named=named))
        return words, covered

    def _elsewhere_word(self, entry: Elsewhere, number: int, start: int, *, named: bool) -> Unit:
        """The word an ``[[elsewhere]]`` phrase makes: a word of another matter
        (:meth:`_foreign`), or, when the need also names a covered request by a lexicon
        expansion (``named``), the context of that request: « APL pour mon *logement
        social* » is the aide for that dwelling, « changer de mutuelle pour la CSS » the
        C2S. The context reaches nothing and weighs as a word of how a request is asked,
        so the other matter neither lends its head word to the request (« logement ») nor
        hides it (stop 40)."""
        if not named:
            return self._phrase(entry, number, start)
        span = frozenset(range(start, start + len(entry.said)))
        return self._word(entry.label, (), self.index.max_idf * GENERIC_WORD, span=span)

    def _cut_names(
        self, found: list[Word], stems: tuple[str, ...], text: str
    ) -> list[tuple[int, int, _LexiconEntry, int]]:
        """The partner names said with their first word cut short (« ass. maladie », « ass
        retraite »: review 39, stop 40), as lexicon hits: a word of :data:`_MIN_CUT` letters
        or more that opens the name's first word (« ass » of « assurance ») and is not that
        word, followed by the name's other words, in a row in ``text``. The name then
        stands for the cut word (« ASS », the allocation de solidarité spécifique, the
        acronym it also is, claimed « ass maladie »)."""
        hits: list[tuple[int, int, _LexiconEntry, int]] = []
        every_stem: tuple[str, ...] | None = None  # read once a need, as _lexicon_words does
        acronym: dict[str, bool] = {}  # by cut word: written only in capitals (read once)
        for start in range(len(found) - 1):
            for first, rest, entry, number in self.cut_names.get(stems[start + 1], ()):
                plain = found[start][1]
                end = start + len(entry.said)
                if (
                    len(plain) >= _MIN_CUT
                    and plain != first
                    and first.startswith(plain)
                    and stems[start] != entry.said[0]  # « alloc »: the name itself, found
                    and stems[start + 1 : end] == entry.said[1:]
                    and not self._cut_as_acronym(acronym, plain, text)
                ):
                    if every_stem is None:
                        every_stem = written_stems(text)
                    # said in a row, as the name is (« ASS et retraite » is two things)
                    if said_in(text, (stems[start], *rest), every_stem):
                        hits.append((start, end, entry, number))
        return hits

    @staticmethod
    def _cut_as_acronym(known: dict[str, bool], plain: str, text: str) -> bool:
        """:func:`_as_acronym`, read once a cut word a need (``known``: what was read)."""
        found = known.get(plain)
        if found is None:
            found = known[plain] = _as_acronym(plain, text)
        return found

    def _phrase(self, entry: _LexiconEntry, number: int, start: int) -> Unit:
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
            if entry.subject is not None:
                found = attrs.evolve(found, asks=frozenset((entry.subject,)))
        elif isinstance(entry, Elsewhere):
            # « carte bancaire »: a thing of another matter.
            found = self._foreign(entry.label, span)
        else:
            found = self._expansion(entry, span)
        _remember(self._phrases, key, found)
        return found

    def _foreign(self, label: str, span: frozenset[int]) -> Unit:
        """The word a phrase of another matter makes (an ``[[elsewhere]]`` collocation, an
        ``active`` expansion said of oneself in the passive): it weighs as a word the index
        does not know (the need is about something the catalogue lacks) and reaches
        nothing."""
        return self._word(label, (), self.index.max_idf * UNKNOWN_WORD, span=span)

    def _expansion(self, entry: Expansion, span: frozenset[int]) -> Unit:
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
        return attrs.evolve(
            found,
            partly=partly,
            view=(found.reach.points, label, partly),
            phrase=frozenset(entry.said),
        )

    def words(self, found: list[Word], text: str, marks: int) -> tuple[list[Unit], list[Unit]]:
        """The need's information units: lexicon phrases, single words, adjacent pairs
        (``found``: the meaningful words of the need ``text``); and its thesaurus
        expansions, in the order of the words."""
        # Most words were heard before: their units are looked up in C (map), with no
        # scan for a miss after (a ``try`` costs nothing until it catches); a word not
        # heard before sends the need through :meth:`_heard`.
        try:
            singles = list(map(self._singles.__getitem__, found))
        except KeyError:
            singles = self._heard(found)
        lexicon = None
        if not self.entries.keys().isdisjoint(map(_STEM, found)):
            lexicon = self._lexicon_words(found, text)
        refused = self._refused(found, text, marks)
        if refused:
            # « je ne veux pas renouveler mon passeport »: the refused verb is not evidence,
            # alone or as the start of a lexicon phrase; read as covered, it is left out.
            lexicon = _refusing(lexicon, refused)
        days = date_days(found, self.index.postings)
        if "/" in text:  # a date in figures (« 1er/07 »): its day and month, too
            days |= numeric_days(found, text)
        if days:
            # « 1er juillet, me voilà chômeuse »: a date's day is no number of a title
            # (« avant le 1er avril 2025 »); read as covered, it is left out (dates).
            phrases, covered = lexicon or ([], set())
            lexicon = phrases, covered | days
        if lexicon is None:
            words: list[Unit] = list(map(_FIRST, singles))
            matched: list[Term | None] = list(map(_SECOND, singles))
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
        pairs: Sequence[Unit | Literal[False] | None]
        pairs = list(map(self._pairs.get, itertools.pairwise(matched)))
        if None in pairs:
            pairs = self._paired(pairs, matched)
        words += filter(None, pairs)  # type: ignore[arg-type]  # without the False ones
        return words, list(filter(None, map(_THIRD, singles)))

    def _heard(self, found: list[Word]) -> list[Single]:
        """Each word's unit, for a need with a word not heard before: a new word goes
        through :meth:`single`, the others are looked up."""
        return [self._singles.get(w) or self.single(w) for w in found]

    def _paired(
        self, pairs: Sequence[Unit | Literal[False] | None], matched: list[Term | None]
    ) -> list[Unit | Literal[False]]:
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

    def _pair(self, a: Term | None, b: Term | None) -> Unit | Literal[False]:
        """The unit two adjacent words of the need make, ``False`` when their pair is not
        in the index; remembered (bounded)."""
        found: Unit | Literal[False] = False
        if a is not None and b is not None:
            pair = f"{a[0]}_{b[0]}"
            if pair in self.index.postings:
                found = self._word("", ((pair, min(a[1], b[1])),), 0.0)
        _remember(self._pairs, (a, b), found)
        return found

    def single(self, w: Word) -> Single:
        """One word of the need, the term it matched, and the expansion of a word matched
        as written or by its lemma to the catalogue words it is a thesaurus synonym of
        (``None`` when it has none); remembered (bounded)."""
        word, plain, _ = w
        match = self.index.match(w)
        generic = plain in self._generic
        if generic and match is not None and plain not in self.index.forms.get(match.term, ()):
            # A word of how a request is asked that the catalogue holds only as another
            # word of its stem (« quelles aides *existent* »: the certificat d'*existence*;
            # « *retrouver* son numéro »): no subject either (issue-14bh).
            match = None
        if match is not None and match.weight == SYNONYM:
            if generic:
                match = None  # how a request is asked (« récupérer », « obtenir »): no subject
            elif plain in self._function:
                # Narration (« ça *va* être compliqué », « on m'a *dit* »): a function word
                # the catalogue does not use; the thesaurus read « va » as « emploi ». It
                # weighs as an unknown word, as its synonym did, and reaches nothing.
                match = None
        found: Single
        if match is None:
            # A year, a date, an amount or a time the catalogue does not know (« taxe
            # foncière 2024 », « perdue le 12/03 ») says when or how much, not what about:
            # it weighs as a word of how a request is asked, not as another subject.
            generic = generic or plain in self._kin or _NUMBER.fullmatch(plain) is not None
            share = GENERIC_WORD if generic else UNKNOWN_WORD
            found = (self._word(word, (), self.index.max_idf * share), None, None)
        elif match.weight == SYNONYM:
            # Not a catalogue word: it weighs as an unknown word (the need may be about
            # something else), and only re-ranks (see Unit.synonym).
            targets = (match.term, *match.also)
            # « fille ≈ enfant »: a relative says whose request it is, as unknown above.
            share = GENERIC_WORD if plain in self._kin else UNKNOWN_WORD
            synonym = self._synonym(word, targets, self.index.max_idf * share)
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
        if len(w[0]) <= MAX_CACHED_CHARS:  # a word, not 2,000 characters without a space
            _remember(self._singles, w, found)
        return found

    def _synonym(
        self, word: str, targets: tuple[str, ...], weight: float, own: str | None = None
    ) -> Unit:
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
            reach = Reach(
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
        return Unit(word, terms, weight, reach=reach, synonym=True, marks=marks)

    def _word(
        self,
        label: str,
        terms: tuple[tuple[str, float], ...],
        weight: float,
        partner: str | None = None,
        span: frozenset[int] = frozenset(),
    ) -> Unit:
        known = bool(terms) or partner is not None
        stems = frozenset(term for term, _ in terms if "_" not in term)
        reach = self._reach(terms, weight)
        view = (reach.points, label, None) if reach.points else None
        return Unit(label, terms, weight, partner, span, reach, known, None, stems, view)

    def _reach(self, terms: tuple[tuple[str, float], ...], weight: float) -> Reach:
        """What a word of these terms and weight adds to each procedure it reaches (see
        :class:`Unit`). Remembered per terms and weight, not per spelling: « carte »,
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
        reach = Reach(tuple(entries), scores, explains, points, partners)
        _remember(self._reaches, key, reach)
        return reach

    def _weight(self, terms: list[tuple[str, float]]) -> float:
        singles = [self.index.idf[t] for t, _ in terms if "_" not in t]
        return max(singles) if singles else self.index.max_idf * UNKNOWN_WORD

    def unit(self, w: Word) -> Unit:
        """The information unit a meaningful word ``w`` of the need makes alone."""
        return (self._singles.get(w) or self.single(w))[0]

    def refuted_hints(self, found: list[Word], text: str) -> dict[str, str]:
        """The partners whose hint the need ``text`` (its meaningful words ``found``) says
        under a negation (« je ne suis *pas agriculteur* »), each with the hint's words as
        said (« agriculteur »), the first said when the need refutes a partner twice."""
        stems = list(map(_STEM, found))
        negated = negated_positions(text)
        refuted: dict[str, str] = {}
        for start, stem in enumerate(stems):
            if start in negated and stem in self.entries:
                for said, entry, _ in self.entries[stem]:
                    end = start + len(said)
                    if isinstance(entry, PartnerHint) and tuple(stems[start:end]) == said:
                        words = " ".join(w[0] for w in found[start:end])
                        refuted.setdefault(entry.partner, words)
        return refuted


def information(words: list[Unit], known: list[Unit]) -> float:
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


def most_explained(known: list[Unit]) -> float:
    """The most of the need's information the known words ``known`` explain at any one
    procedure (0.0 when they reach none): each procedure's sum of its words' parts, added
    in word order as :meth:`~mfs_core.recognition.scoring.Scoring.ranked` adds them, without
    partner hints (which only their partner's procedures explain)."""
    explained: dict[int, float] = {}
    for word in known:
        for number, part in word.reach.explains.items():
            explained[number] = explained.get(number, 0.0) + part
    return max(explained.values(), default=0.0)


def idle_hints(known: list[Unit], hinted: set[str]) -> set[str]:
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


# The helpers below hold comprehensions the hot methods run only on some needs: a
# comprehension reading a method's local makes that local a cell, built on every call
# of the method, run or not (issue-14ad).


def without_partners(words: list[Unit], partners: set[str]) -> list[Unit]:
    """``words`` less those hinting one of ``partners``."""
    return [w for w in words if w.partner not in partners]


def _refusing(
    lexicon: tuple[list[Unit], set[int]] | None, refused: frozenset[int]
) -> tuple[list[Unit], set[int]]:
    """The lexicon phrases and covered positions (``None``: none) of a need whose
    ``refused`` positions are read as covered, less the phrases that hold one."""
    phrases, covered = lexicon or ([], set())
    return [w for w in phrases if not w.span & refused], covered | refused


def once(words: list[Unit]) -> list[Unit]:
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


def only_partners(known: list[Unit]) -> bool:
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


def _as_acronym(plain: str, text: str) -> bool:
    """Whether the need ``text`` writes the word ``plain`` (accent-free, lower case) only in
    capitals (« ASS retraite »: the allocation de solidarité spécifique, as written; review
    40), in a need not typed all in capitals, which says nothing by its case."""
    if text.upper() == text:
        return False
    # the accent-free form may not be found as written (« sécu »): then not an acronym
    written = [m.group() for m in re.finditer(rf"(?<!\w){re.escape(plain)}(?!\w)", text, re.I)]
    return bool(written) and all(word.isupper() for word in written)
