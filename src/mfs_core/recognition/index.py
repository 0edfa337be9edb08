"""The procedure index: BM25F over each procedure's fields, built once per registry.

Each procedure is a document with weighted fields (:data:`FIELD_WEIGHTS`): its keywords,
title, official fiche title, question titles and description. Terms are the stems of
:func:`~mfs_core.recognition.normalise.tokens` plus each pair of adjacent stems of one
phrase (``cart_vital``, ``cart_gris``), so « carte vitale » outweighs « carte » + « vitale »
found in two different places. A term's weight in a document is BM25F's (Robertson and
Zaragoza, *The Probabilistic Relevance Framework: BM25 and Beyond*, 2009, section 3.6):
the field-weighted, length-normalised term frequency saturated by ``k1`` and multiplied by
the term's inverse document frequency. These weights do not depend on the query, so they
are computed here once; scoring a need is then a few dictionary look-ups per word.

A need's word reaches the index in the first of these ways that works (the weight of the
match in brackets): its stem is an index term (1, or :data:`STEMMED` when every spelling
the index holds of that stem differs from the word by more than an inflection:
« nationalité » / « nationale »); its accent-free spelling is one the
index has seen, e.g. « identite » for « identité » (1); the stem of its lemma is the stem
of an index word's lemma, e.g. « perds » / « perdu », both « perdre »
(:data:`LEMMA`, simplemma, :func:`~mfs_core.recognition.normalise.lemma`); its stem of four
letters or more begins an index stem longer by at most three letters (two for a four-letter
stem), e.g. « radié » / « radiation » (:data:`DERIVED`); the stem of its lemma is an
index stem, where Snowball left the word another, e.g. « séparons » (« separon »;
« séparer » → « separ », the stem of « séparée » and « séparation »: :data:`STEMMED`); it
is a thesaurus synonym of index words, e.g. « boulot » / « travail » (:data:`SYNONYM`,
:mod:`~mfs_core.recognition.synonyms`;
the ranking lets such a word only re-rank); it is one or two typing errors away from an
index word of five letters or more, e.g. « déméngament » (:data:`TYPO`, rapidfuzz
Levenshtein distance). :meth:`ProcedureIndex.expansions_of` gives the synonyms of a word
the index holds (read by stem, without lemmas).
"""

from __future__ import annotations

import itertools
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

import attrs

from mfs_core.model import Procedure, ProcedureStatus, SourceKind
from mfs_core.recognition.normalise import (
    MAX_CACHED_CHARS,
    WORD_CACHE_ENTRIES,
    Token,
    Word,
    accented,
    fold,
    lemma,
    lemma_stem,
    stem,
    tokens,
)
from mfs_core.recognition.normalise import stem as stem_of  # _match's ``stem`` is a str
from mfs_core.recognition.synonyms import synonyms

__all__ = [
    "DERIVED",
    "FIELD_WEIGHTS",
    "LEMMA",
    "MAX_FIELD_CHARS",
    "MAX_LOOKUP_WORDS",
    "MAX_PHRASES",
    "MAX_PROCEDURE_WORDS",
    "STEMMED",
    "SYNONYM",
    "TYPO",
    "Document",
    "ProcedureIndex",
    "WordMatch",
    "field_texts",
    "read_title",
]

#: Field weights of BM25F: the words chosen to find a procedure count most, then its
#: titles, then the question titles listed on its fiche and its description (they also
#: speak of neighbouring matters). Chosen on the ``tune`` split (docs/recognition.md).
FIELD_WEIGHTS: dict[str, float] = {
    "keywords": 3.0,
    "title": 2.0,
    "fiche_title": 2.0,
    "questions": 0.5,
    "description": 0.5,
}
#: What a word of a fiche's official summary (:func:`summarised`) adds to a suggestion's
#: score, times its BM25 weight there: re-ordering evidence only, within a small margin
#: (placing). Chosen on the ``tune`` split: 0.01 to 0.05 gave the same figures (0.03, their
#: middle, kept); from 0.07 the summaries' incidental words cost more than they gave.
DESCRIBED = 0.03
#: BM25 saturation and length normalisation (the usual values for short documents).
K1 = 1.2
B = 0.5
#: Weight of a word matched through a derived form (radié / radiation).
DERIVED = 0.8
#: Weight of a word matched through its lemma: another inflection of an index word
#: (« perds » / « perdu »), the same word.
LEMMA = 1.0
#: Weight of a word matched through a thesaurus synonym (query expansion, below the
#: word's own weight as is usual in IR). Chosen on the ``tune`` split (0.2, 0.35, 0.5
#: gave the same figures there); the ranking lets it only re-rank (``terms.Unit.synonym``,
#: ``scoring.scores``).
SYNONYM = 0.2
#: Weight of a word matched despite a typing error.
TYPO = 0.7
#: Weight of a word whose stem is an index term but whose spelling differs from every
#: spelling the index holds of that stem by more than an inflection (Snowball also strips
#: derivational endings: « nationalité » and « nationale » share the stem « national »,
#: « déclaration » and « déclarer » the stem « déclar »): a derived form, not the word.
STEMMED = DERIVED
# An inflection changes at most this many final letters of a word (plural, feminine,
# conjugation: « professionnels » / « professionnelle », « déclarez » / « déclarer »).
_INFLECTION = 2
#: A pair of adjacent words counts this much relative to one word.
PAIR = 0.5
_MIN_DERIVED_STEM = 4
_MAX_DERIVED_ENDING = 3
# A four-letter stem accepts a two-letter ending only: « radi(é) » / « radiat(ion) », not
# « part(ir) » / « partiel ».
_SHORT_STEM_ENDING = 2
_UNSEEN = object()
#: At most this many keywords (or questions) of one procedure are indexed; each text is read
#: up to :data:`~mfs_core.recognition.normalise.MAX_TEXT_CHARS`.
MAX_PHRASES = 200
#: At most this many characters of one field of a procedure are read (its phrases in order,
#: the one that crosses the limit and those after it left out); a built-in procedure has at
#: most 1,576 characters in all its fields. Bounds the work of a plugin's texts: 200
#: questions of 300 characters are within the contract's limits.
MAX_FIELD_CHARS = 4_000
#: At most this many distinct words of one procedure are indexed, its fields read in the
#: order of :data:`FIELD_WEIGHTS` (keywords first); a built-in procedure has at most 66.
#: A plugin's texts within the field limits once held 300,000 words, and every need with
#: a word the index did not know paid for them (review 14c: 20 s to build, 5 s to a need).
MAX_PROCEDURE_WORDS = 300
#: The lemma and typo tables hold at most this many words (23 times the built-in
#: catalogue's 856), taken in turn from each procedure (its first word, then each one's
#: second...), so that one plugin's many procedures cannot crowd out the others' words.
MAX_LOOKUP_WORDS = 20_000
_MIN_TYPO_WORD = 5


@attrs.frozen
class Document:
    """What the ranking shows of one indexed procedure."""

    id: str
    partner: str
    title: str
    fiche_id: str | None
    thematiques: frozenset[str]


@attrs.frozen
class WordMatch:
    """How one word of the need reached the index: the ``term`` it matched, the
    ``weight`` of that match (1 exact or by :data:`LEMMA`, :data:`DERIVED`, :data:`SYNONYM`,
    :data:`TYPO`) and the index's own spelling of the word when it differs (« radiation »
    for « radié »)."""

    term: str
    weight: float
    seen_as: str | None = None
    #: further index terms the word stands for (a synonym of several catalogue words)
    also: tuple[str, ...] = ()


def field_texts(value: object) -> list[str]:
    """The strings of a field, at most :data:`MAX_PHRASES` of them and
    :data:`MAX_FIELD_CHARS` characters in all: a procedure's phrases
    as recognition reads them (the index, and :mod:`~mfs_core.recognition.specificity`). A
    plugin's object is not validated on its way in: a non-string is skipped here (``mfs
    plugins --check`` names it), so that one plugin's data never breaks recognition for
    all."""
    if isinstance(value, str):
        return [value[:MAX_FIELD_CHARS]]
    if not isinstance(value, tuple | list):
        return []
    texts = []
    left = MAX_FIELD_CHARS
    for text in value[:MAX_PHRASES]:
        if isinstance(text, str):
            left -= len(text)
            if left < 0:
                break
            texts.append(text)
    return texts


#: The bracketed status remark that ends a title: « … logement (supprimée : remplacée par
#: MaPrimeAdapt') ». Only a remark that opens with a word of status: a withdrawn
#: procedure's other brackets (« Prime zorglub (PZB) ») are words residents still say
#: (review 36).
_TRAILING_REMARK = re.compile(
    r"\s*\((?:supprim|remplac|abrog|ferm|termin|disparu|n['’]existe plus)[^()]*\)\s*$",
    re.IGNORECASE,
)


def read_title(procedure: Procedure) -> str:
    """``procedure``'s title as recognition reads it: a withdrawn procedure's title without
    the bracketed status remark that ends it (« (supprimée … », « (remplacée … »,
    « (fermé … »…: ``_TRAILING_REMARK``; docs/catalogue.md: the agent reads « …
    (supprimée : remplacée par MaPrimeAdapt') »). The status is data already (``status``,
    ``replaced_by``); read as words, « supprimée » made the withdrawn aid an answer to « les
    allocations chômage peuvent-elles être supprimées ? » (issue-14bl).

    >>> from mfs_core.model import Procedure, ProcedureStatus
    >>> read_title(Procedure(id="p.a", partner="p", title="Aide (supprimée : remplacée par B)",
    ...                      status=ProcedureStatus.WITHDRAWN))
    'Aide'
    >>> read_title(Procedure(id="p.b", partner="p", title="Prime (PZB)",
    ...                      status=ProcedureStatus.WITHDRAWN))
    'Prime (PZB)'
    """
    title = procedure.title
    if procedure.status is not ProcedureStatus.WITHDRAWN or not isinstance(title, str):
        return title
    return _TRAILING_REMARK.sub("", title) or title


def summarised(procedure: Procedure) -> bool:
    """Whether ``procedure``'s description is its service-public.fr fiche's official
    summary (its ``dc:description``: a source of kind ``fiche`` supports the description),
    as every built-in one is since issue-14ae. Such prose speaks of neighbouring matters
    (the casier judiciaire's « … dépend de votre lieu de naissance »): it only re-orders
    suggestions (:attr:`ProcedureIndex.described`), out of the BM25F fields. A plugin's own
    description, written to make its procedures found, stays a field."""
    return any(
        getattr(source, "kind", None) is SourceKind.FICHE
        and "description" in getattr(source, "supports", ())
        for source in procedure.sources
    )


def _phrases(procedure: Procedure) -> dict[str, list[str]]:
    return {
        "keywords": field_texts(procedure.keywords),
        "title": field_texts(read_title(procedure)),
        "fiche_title": field_texts(procedure.fiche_title),
        # Its fiche's related question titles (about another subject) are searched as its
        # own: they carry the neighbouring vocabulary residents use (« cumuler » for the
        # AAH); a claim they alone decide is withdrawn (:attr:`ProcedureIndex.related`).
        "questions": field_texts(
            [*field_texts(procedure.questions), *field_texts(procedure.related_questions)]
        ),
        "description": [] if summarised(procedure) else field_texts(procedure.description),
    }


def _terms(found: Sequence[Token]) -> list[str]:
    terms = [t.stem for t in found]
    terms.extend(f"{a.stem}_{b.stem}" for a, b in itertools.pairwise(found))
    return terms


def _inflected(a: str, b: str) -> bool:
    """Whether two spellings of one stem differ only by an inflection: once their common
    beginning is removed, at most :data:`_INFLECTION` letters remain of each."""
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    return len(a) - common <= _INFLECTION and len(b) - common <= _INFLECTION


def _within(found: tuple[Token, ...], own: dict[str, str]) -> tuple[Token, ...]:
    """The tokens of one phrase that a procedure may still index: words it already has,
    and new ones while it has fewer than :data:`MAX_PROCEDURE_WORDS` (``own``, its words so
    far, is updated)."""
    if len(own) + len(found) <= MAX_PROCEDURE_WORDS:  # the usual case: no choice to make
        for token in found:
            own.setdefault(token.word, token.plain)
        return found
    kept = []
    for token in found:
        if token.word not in own:
            if len(own) >= MAX_PROCEDURE_WORDS:
                continue
            own[token.word] = token.plain
        kept.append(token)
    return tuple(kept)


def _in_turn(lists: Sequence[dict[str, str]], limit: int) -> dict[str, str]:
    """At most ``limit`` distinct keys of ``lists``' dictionaries (with their values), taken
    in turn: each one's first, then each one's second..."""
    total = sum(map(len, lists))
    if total <= limit:
        return {k: v for words in lists for k, v in words.items()}
    taken: dict[str, str] = {}
    for row in itertools.zip_longest(*(list(words.items()) for words in lists)):
        for item in row:
            if item is not None and item[0] not in taken:
                taken[item[0]] = item[1]
                if len(taken) == limit:
                    return taken
    return taken


class ProcedureIndex:
    """BM25F weights of every (term, procedure) pair, and the index's vocabulary."""

    def __init__(self, procedures: Iterable[Procedure]) -> None:
        # Sorted by id: the index, and so every score, is the same whatever the plugin order.
        ordered = sorted(procedures, key=lambda p: p.id)
        self.documents: tuple[Document, ...] = tuple(
            Document(p.id, p.partner, p.title, p.fiche_id, frozenset(p.thematiques))
            for p in ordered
        )
        counts: list[dict[str, dict[str, int]]] = []  # doc -> field -> term -> count
        lengths: dict[str, list[int]] = {f: [] for f in FIELD_WEIGHTS}
        #: accent-free word -> stem, for words typed without their accents
        self.spellings: dict[str, str] = {}
        #: stem -> the first word seen with it (to show « radiation » for « radié »)
        self.words: dict[str, str] = {}
        #: stem -> every accent-free spelling the index holds of it
        self.forms: dict[str, set[str]] = defaultdict(set)
        # Each procedure's distinct words as written (accents kept) -> their accent-free
        # form, in the order read: the lemma and typo tables are made of them.
        own_words: list[dict[str, str]] = []
        for procedure in ordered:
            fields: dict[str, dict[str, int]] = {}
            own: dict[str, str] = {}
            for field, phrases in _phrases(procedure).items():
                tf: dict[str, int] = defaultdict(int)
                length = 0
                for phrase in phrases:
                    found = _within(tokens(phrase), own)
                    length += len(found)
                    for token in found:
                        self.spellings.setdefault(token.plain, token.stem)
                        self.words.setdefault(token.stem, token.word)
                        self.forms[token.stem].add(token.plain)
                    for term in _terms(found):
                        tf[term] += 1
                fields[field] = dict(tf)
                lengths[field].append(length)
            counts.append(fields)
            own_words.append(own)
        n = len(ordered)
        average = {f: (sum(v) / n if n and sum(v) else 1.0) for f, v in lengths.items()}
        frequency: dict[str, int] = defaultdict(int)
        for fields in counts:
            for term in {t for tf in fields.values() for t in tf}:
                frequency[term] += 1
        #: term -> inverse document frequency (BM25's, never negative)
        self.idf: dict[str, float] = {
            t: math.log(1 + (n - df + 0.5) / (df + 0.5)) for t, df in frequency.items()
        }
        self.max_idf = math.log(1 + (n + 0.5) / 0.5) if n else 1.0
        #: term -> {document number: BM25F weight}
        self.postings: dict[str, dict[int, float]] = defaultdict(dict)
        #: (document number, term) -> the strongest field the term appears in
        self.best_field: dict[tuple[int, str], str] = {}
        for number, fields in enumerate(counts):
            pseudo: dict[str, float] = defaultdict(float)
            for field, tf in fields.items():
                norm = 1 - B + B * lengths[field][number] / average[field]
                for term, count in tf.items():
                    pseudo[term] += FIELD_WEIGHTS[field] * count / norm
                    known = self.best_field.get((number, term))
                    if known is None or FIELD_WEIGHTS[field] > FIELD_WEIGHTS[known]:
                        self.best_field[(number, term)] = field
            for term, weight in pseudo.items():
                scale = PAIR if "_" in term else 1.0
                saturated = weight * (K1 + 1) / (weight + K1)
                self.postings[term][number] = scale * self.idf[term] * saturated
        self.postings = dict(self.postings)
        #: term -> ((document number, BM25F weight, rank of its strongest field), ...): the
        #: form the ranking loops over
        ranks = {field: rank for rank, field in enumerate(FIELD_WEIGHTS)}
        self.hits: dict[str, tuple[tuple[int, float, int], ...]] = {
            term: tuple(
                (number, weight, ranks[self.best_field[(number, term)]])
                for number, weight in found.items()
            )
            for term, found in self.postings.items()
        }
        #: stem -> {document number: weight} of the words of the fiches' official summaries
        #: (:func:`summarised`) that a searched field of some procedure holds (a word only
        #: summaries hold is not in the index, so it never hides a name's derived form:
        #: « radié » still reaches « radiation »): BM25 of the summary alone, times
        #: :data:`DESCRIBED`; read only to re-order suggestions (placing), never to reach,
        #: explain or claim
        self.described: dict[str, dict[int, float]] = defaultdict(dict)
        for number, procedure in enumerate(ordered):
            if not summarised(procedure):
                continue
            said: dict[str, int] = defaultdict(int)
            for phrase in field_texts(procedure.description):
                for token in tokens(phrase):
                    said[token.stem] += 1
            for term, count in said.items():
                if term in self.idf:
                    saturated = count * (K1 + 1) / (count + K1)
                    self.described[term][number] = DESCRIBED * self.idf[term] * saturated
        self.described = dict(self.described)
        # Derived forms: every index stem under each of its prefixes that may stand for it
        # (at least four letters, an ending of at most three; two for a four-letter one).
        self._longer: dict[str, str] = {}
        for other in sorted(s for s in self.postings if "_" not in s):
            for cut in range(1, _MAX_DERIVED_ENDING + 1):
                prefix = other[:-cut]
                short = len(prefix) == _MIN_DERIVED_STEM and cut > _SHORT_STEM_ENDING
                if len(prefix) < _MIN_DERIVED_STEM or short:
                    continue
                known = self._longer.get(prefix)
                # The nearest (shortest ending) wins, then the alphabetical first.
                if known is None or (len(other), other) < (len(known), known):
                    self._longer[prefix] = other
        # Lemmas: the stem of each index word's lemma -> that word's stem, built on the first
        # word that needs it (simplemma's data loads then, not with the index).
        #: every word the index holds, as written (lower case, accents kept), in order
        lookup = _in_turn(own_words, MAX_LOOKUP_WORDS)
        self.seen_words: tuple[str, ...] = tuple(sorted(lookup))
        self._lemmas: dict[str, str] | None = None
        self._synonyms: dict[str, tuple[str, ...]] | None = None
        self._expansions: dict[str, tuple[str, ...]] | None = None
        self._typo_words = sorted({p for p in lookup.values() if len(p) >= _MIN_TYPO_WORD})
        #: (length, errors allowed) -> the typo words close enough in length, in order
        self._typo_windows: dict[tuple[int, int], list[str]] = {}
        # A counter sees the same words all day: how each reached the index, remembered.
        self._matches: dict[tuple[str, str], WordMatch | None] = {}

    def match(self, word: Token | Word) -> WordMatch | None:
        """How a word of a need (a :class:`Token`, or a (word, plain, stem) tuple of
        :func:`~mfs_core.recognition.normalise.meaningful`) reaches the index, or ``None``
        (see the module docstring)."""
        key = (word[2], word[0])
        # One look-up, not « in » then [] : another thread may clear the cache in between.
        known = self._matches.get(key, _UNSEEN)
        if known is not _UNSEEN:
            return known  # type: ignore[return-value]
        found = self._match(*key)
        if len(key[1]) > MAX_CACHED_CHARS:  # a word, not 2,000 characters without a space
            return found
        if len(self._matches) >= WORD_CACHE_ENTRIES:
            self._matches.clear()  # bounded: a flood of made-up words cannot grow it
        self._matches[key] = found
        return found

    def _match(self, stem: str, word: str) -> WordMatch | None:
        plain = fold(word)
        if stem in self.postings:
            if any(_inflected(plain, form) for form in self.forms[stem]):
                return WordMatch(stem, 1.0)
            return WordMatch(stem, STEMMED, self.words.get(stem))
        known = self.spellings.get(plain)
        if known is not None:
            return WordMatch(known, 1.0)
        by_lemma = self._lemma_of(word)
        if by_lemma is not None:
            return WordMatch(by_lemma, LEMMA, self.words.get(by_lemma))
        # A word written without its accents that the index reaches neither by its stem,
        # its spelling nor its lemma is read as its one accented form (« radie »: the
        # stem rad reaches nothing, « radié » reaches « radiation »; « mediatrice »:
        # « médiatrice » has the lemma « médiateur »), before the looser matches below.
        spelled = accented(word)
        if spelled is not None:
            found = self._match(stem_of(spelled), spelled)
            if found is not None:
                return found
        # Only a longer index stem: « radi(é) » reaches « radiat(ion) », but « étudi(ant) »
        # does not fall back to « étud(es) ».
        derived = self._longer.get(stem)
        if derived is not None:
            return WordMatch(derived, DERIVED, self.words.get(derived))
        # Snowball leaves « -ons » on verbs (« séparons » → « separon »): their lemma's
        # stem (« séparer » → « separ ») is the stem the other inflections have
        # (« séparée » → « separ », which meets « séparation » as a derived form).
        by_lemma_stem = lemma_stem(word)
        if by_lemma_stem != stem and by_lemma_stem in self.postings:
            return WordMatch(by_lemma_stem, STEMMED, self.words.get(by_lemma_stem))
        similar = self.synonyms_of(word)
        if similar:
            return WordMatch(similar[0], SYNONYM, self.words.get(similar[0]), similar[1:])
        if len(plain) >= _MIN_TYPO_WORD:
            return self._typo(plain)
        return None

    def _lemma_of(self, word: str) -> str | None:
        """The index stem of a word with the same lemma as ``word`` (« perds » reaches
        « perdu »: both « perdre »), or ``None``. The lemmas themselves are compared, not
        their stems: Snowball also strips derivational endings, and « appliquons »
        (« appliquer ») is not « application »."""
        if self._lemmas is None:
            lemmas: dict[str, str] = {}
            for seen in self.seen_words:
                key = lemma(seen)
                # The lemma's own spelling wins, then the alphabetical first.
                if key == seen or key not in lemmas:
                    lemmas[key] = self.spellings[fold(seen)]
            self._lemmas = lemmas
        return self._lemmas.get(lemma(word))

    def synonyms_of(self, word: str) -> tuple[str, ...]:
        """The index stems of the catalogue words ``word`` is a thesaurus synonym of
        (:mod:`~mfs_core.recognition.synonyms`), in the index's order of words."""
        if self._synonyms is None:
            targets: dict[str, list[str]] = defaultdict(list)
            for head, listed in sorted(synonyms().items()):
                term = self._lemma_of(head) or (stem(head) if stem(head) in self.postings else None)
                if term is None:
                    continue
                for synonym in listed:
                    found = targets[lemma_stem(synonym)]
                    if term not in found:
                        found.append(term)
            self._synonyms = {k: tuple(v) for k, v in targets.items()}
        return self._synonyms.get(lemma_stem(word), ())

    def expansions_of(self, term: str) -> tuple[str, ...]:
        """The other index stems that thesaurus synonyms of index stem ``term`` stand for
        (« travaill » → « emploi »...): the entries whose headword and synonym are both
        index words by their stem. Read without lemmas (simplemma's data is loaded only
        for a word the index cannot read otherwise)."""
        if self._expansions is None:
            postings = self.postings
            found: dict[str, list[str]] = defaultdict(list)
            for head, listed in sorted(synonyms().items()):
                head_term = stem(head)
                if head_term not in postings:
                    continue
                for synonym in listed:
                    other = stem(synonym)
                    if other in postings and head_term not in (other, *found[other]):
                        found[other].append(head_term)
            self._expansions = {k: tuple(v) for k, v in found.items()}
        return self._expansions.get(term, ())

    def _typo(self, plain: str) -> WordMatch | None:
        from rapidfuzz.distance import Levenshtein
        from rapidfuzz.process import extractOne

        limit = 1 if len(plain) < 8 else 2
        found = extractOne(
            plain,
            self._typo_window(len(plain), limit),
            scorer=Levenshtein.distance,
            score_cutoff=limit,
        )
        if found is None:
            return None
        word = found[0]
        return WordMatch(self.spellings[word], TYPO, self.words.get(self.spellings[word], word))

    def _typo_window(self, length: int, limit: int) -> list[str]:
        """The typo words whose length is within ``limit`` of ``length``, in the same order:
        any other is more than ``limit`` edits away, so the search finds the same word in a
        third of the list. Remembered per length (a few dozen lists)."""
        key = (length, limit)
        window = self._typo_windows.get(key)
        if window is None:
            window = [w for w in self._typo_words if abs(len(w) - length) <= limit]
            self._typo_windows[key] = window
        return window
