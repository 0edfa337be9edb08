"""French text to the words recognition compares: one job, done with care for French.

:func:`tokens` turns a resident's need (or a procedure's title, keywords, questions) into a
tuple of :class:`Token`, each with the word as written (lower-cased, accents kept), its
accent-free form and its stem. Steps, in order:

1. Unicode NFKC, then every apostrophe-like character (’ ‘ ʼ ` ´ ′ ‛ ʹ) becomes ``'``, every
   space-like one (no-break U+00A0, narrow no-break U+202F, thin and figure spaces...) a
   plain space, zero-width characters vanish, quotes and guillemets become spaces;
   the ligatures œ and æ are spelt out (Snowball and accent folding keep them otherwise);
2. lower case (:meth:`str.casefold`), words are runs of letters and digits; hyphens, slashes
   and punctuation separate words (``non-gage`` → ``non``, ``gage``);
3. elisions are cut (``l'``, ``d'``, ``qu'``, ``j'``, ``n'``, ``s'``, ``m'``, ``t'``, ``c'``,
   ``jusqu'``, ``lorsqu'``, ``puisqu'``): ``d’identité`` → ``identité``, never ``didentite``;
4. stop words (:file:`data/stopwords.txt`: French function words and negation particles)
   are dropped, as are one-letter words and lone single digits;
5. the stem is the French Snowball stemmer's (PyStemmer) on the accented word, then folded
   to ASCII, so ``impôts``, ``impot`` and ``impôt`` share ``impot`` and ``passeports``
   and ``passeport`` share ``passeport`` (a final plural ``s`` is removed first, and
   « paye » has the stem of « payé », see :func:`stem`).

A need written without accents is first read with them where the vocabulary says which
word it is (« INDEMNISEE » → « INDEMNISÉE »: :mod:`~mfs_core.recognition.accents`):
Snowball gives some words another stem without their accents.

Stop-word locutions (« à partir de ») are then dropped as a whole.

PyStemmer is imported on first use only (``import mfs_core`` stays light). No step crosses
white space, so the text is split on it first and each chunk (``d’identité``, ``vitale ?``)
analysed through steps 1-5 once, then remembered per process (bounded: made-up words cannot
grow it); a counter hears the same words all day, so reading a need is mostly looking its
chunks up. :func:`meaningful` gives the words without building :class:`Token` objects.
"""

from __future__ import annotations

import functools
import itertools
import operator
import re
import sys
import unicodedata
from importlib import resources
from typing import NamedTuple, cast

__all__ = [
    "CASE_ODD",
    "MAX_TEXT_CHARS",
    "SPELLED_NUMBER",
    "VERB_NEGATION",
    "WORD_CACHE_ENTRIES",
    "Caseless",
    "Token",
    "Word",
    "accent_rivals",
    "accented",
    "analysed_words",
    "clear_caches",
    "common_words",
    "dictionary_accents",
    "fold",
    "function_words",
    "generic_words",
    "kin_words",
    "lemma",
    "lemma_stem",
    "meaningful",
    "reading",
    "spelled_numbers",
    "stem",
    "stop_words",
    "tokens",
]

#: Entries in each of recognition's word-sized caches (the stems, lemmas and chunk
#: analyses here; the chunks of :mod:`~mfs_core.recognition.negation` and
#: :mod:`~mfs_core.recognition.accents`; the word matches of an index and the terms of a
#: recogniser). The corpus's 574 needs hold 1,554 distinct words in 2,057 chunks, so the
#: words that come back stay remembered; a stream of free-text needs whose words keep being
#: new (file numbers, names, slips) fills them all at once, and each is emptied when full
#: (the lru_caches forget their oldest). 16,384 (50,000 or 65,536 before issue-15w: on such
#: a stream ``mfs route``'s peak memory grew 1.77x from 1,000 to 100,000 needs; see
#: docs/national.md, « Free-text needs »).
WORD_CACHE_ENTRIES = 16_384

#: Longest text read: a need is a sentence or two; beyond this the rest is ignored, so a
#: pasted document cannot make recognition slow (the caller's input layer limits sizes too).
MAX_TEXT_CHARS = 2_000

_APOSTROPHES = dict.fromkeys(map(ord, "’‘ʼ`´′‛ʹ＇"), "'")
_SPACES = dict.fromkeys(
    map(
        ord,
        "\u00a0\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
        "\u205f\u3000\t\n\r\v\f",
    ),
    " ",
)
#: The format characters (Unicode category Cf) of the Basic Multilingual Plane: zero-width
#: spaces and joiners, soft hyphen, bidirectional marks, embeddings and isolates (a right-
#: to-left mark pasted inside « passe\u200fport » must not split the word), invisible
#: operators, BOM. Listed, not computed at import: ``unicodedata`` over the plane is slow.
_INVISIBLE = dict.fromkeys(
    [0xAD, *range(0x600, 0x606), 0x61C, 0x6DD, 0x70F, 0x890, 0x891, 0x8E2, 0x180E,
     *range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2060, 0x2065),
     *range(0x2066, 0x2070), 0xFEFF, 0xFFF9, 0xFFFA, 0xFFFB],
    None,
)  # fmt: skip
_QUOTES = dict.fromkeys(map(ord, '"«»“”„‟‹›'), " ")
_LIGATURES = {ord("œ"): "oe", ord("æ"): "ae"}
#: The Turkish capital dotted I: its case folding « i̇ » (i and a combining dot) split the
#: word it is in (« VİTALE » read « v », « i̇tale »).
_DOTTED_I = {ord("İ"): "I"}
_TABLE = {**_APOSTROPHES, **_SPACES, **_INVISIBLE, **_QUOTES, **_LIGATURES, **_DOTTED_I}
# The same table applied by one regular expression: most needs hold none of these
# characters or a few, and :meth:`str.translate` with a dict costs a look-up per character.
_REPLACED = re.compile("[" + re.escape("".join(map(chr, _TABLE))) + "]")
_REPLACEMENT = {chr(code): value or "" for code, value in _TABLE.items()}

# A word: letters and digits, with inner apostrophes kept so that elisions can be cut.
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_ELISIONS = frozenset(("l", "d", "qu", "j", "n", "s", "m", "t", "c", "jusqu", "lorsqu", "puisqu"))
# Locutions whose words are not stop words alone: « à partir de 3 enfants » says nothing
# of « partir à la retraite »; « avoir droit au RSA » is how residents ask about any benefit,
# while « l'accès aux droits » or « la fin de droits » name something.
_STOP_PHRASES = (
    ("a", "partir", "de"),
    ("au", "bout", "de"),
    ("a", "cote", "de"),
    ("en", "meme", "temps"),
    ("droit", "au"),
    ("droit", "aux"),
    ("droit", "a"),
    ("droits", "au"),
    ("droits", "aux"),
    ("droits", "a"),
    ("le", "droit", "de"),
    # « toute ma vie » is how long, not the certificat de vie (review 14f: « toute ma vie
    # maçon, je veux demander ma retraite » claimed it)
    ("toute", "ma", "vie"),
    ("toute", "sa", "vie"),
    ("toute", "ta", "vie"),
    ("toute", "notre", "vie"),
    ("toute", "votre", "vie"),
    ("toute", "leur", "vie"),
    ("toute", "une", "vie"),
)
_STOP_PHRASES_BY_START: dict[str, tuple[tuple[str, ...], ...]] = {
    start: tuple(p for p in _STOP_PHRASES if p[0] == start) for start, *_ in _STOP_PHRASES
}
# Every word of those locutions (only a meaningful one among them matters, see meaningful()).
_STOP_PHRASE_WORDS = frozenset(itertools.chain.from_iterable(_STOP_PHRASES))


class Token(NamedTuple):
    """One meaningful word: ``word`` as written (lower case, accents kept), ``plain`` its
    accent-free form, ``stem`` its folded Snowball stem, ``position`` its rank among the
    text's meaningful words (0-based). A named tuple: cheap to build, immutable."""

    word: str
    plain: str
    stem: str
    position: int


def fold(text: str) -> str:
    """``text`` without accents or other combining marks (``é`` → ``e``, ``ç`` → ``c``)."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _word_list(name: str) -> frozenset[str]:
    text = resources.files(__package__).joinpath(f"data/{name}").read_text("utf-8")
    return frozenset(
        fold(line.strip().casefold())
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )


#: The characters a case-insensitive regular expression matches to a letter their
#: :meth:`str.lower` is not (« İ » lowers to two characters, « ı » and « ſ » match « i »
#: and « s »): :class:`Caseless` leaves a text holding one to :data:`re.IGNORECASE`.
CASE_ODD = ("\u0130", "\u0131", "\u017f")
_ODD_I, _ODD_DOTLESS_I, _ODD_S = CASE_ODD


class Caseless:
    """A case-insensitive search for lower-case words (:meth:`search`: whether ``pattern``
    occurs in a text, as ``re.compile(pattern, re.IGNORECASE).search`` says), about three
    times as fast: the lower-case pattern is searched in ``text.lower()``.

    Why it is the same answer: without the :data:`CASE_ODD` characters, ``str.lower`` maps
    each character to one character that is a word character (``\\w``) exactly when the
    original is, and a character matches a letter of the pattern case-insensitively
    exactly when its lower case is that letter (``tests/test_recognition_speed.py`` checks
    both for every code point). CPython's case-insensitive search compares each character
    through case tables and cannot skip ahead on the pattern's first letters; a plain
    pattern can. A text holding a :data:`CASE_ODD` character is searched the slow way.
    ``pattern`` must hold lower-case letters only (no character class of capitals)."""

    __slots__ = ("_any_case", "_plain")

    def __init__(self, pattern: str) -> None:
        self._plain = re.compile(pattern)
        self._any_case = re.compile(pattern, re.IGNORECASE)

    def search(self, text: str, end: int = sys.maxsize) -> bool:
        """Whether the pattern occurs in ``text[:end]``, case ignored."""
        # Three substring tests in C (a generator over CASE_ODD costs more than they do).
        if not text.isascii() and (_ODD_I in text or _ODD_DOTLESS_I in text or _ODD_S in text):
            return self._any_case.search(text, 0, end) is not None
        return self._plain.search(text.lower(), 0, end) is not None


#: A number word of ten or more (« soixante-deux », « dix-huit »): the only ones
#: :func:`spelled_numbers` writes in digits.
_SPELLED = Caseless(
    r"\b(?:dix|onze|douze|treize|quatorze|quinze|seize|vingts?|trente|quarante|cinquante"
    r"|soixante|cents?|mille)\b"
)


def spelled_numbers(text: str) -> str:
    """``text`` with its numbers of ten or more written in words put in digits
    (« partir à la retraite à soixante-deux ans » → « … à 62 ans »), by text2num's
    ``alpha2digit`` (French, threshold 10: « trois enfants » and « un véhicule neuf » stay
    as written, the catalogue says « trois enfants »). A number in digits is read as a
    date or an amount, not as an unknown word that dilutes the need (issue-14n, review
    finding 10). ``text`` is returned unchanged (and text2num not imported) when it holds
    no such word."""
    if not _SPELLED.search(text):
        return text
    from text_to_num import alpha2digit  # type: ignore[import-untyped]  # no type hints

    converted: str = alpha2digit(text, "fr", threshold=10)
    return converted


@functools.cache
def stop_words() -> frozenset[str]:
    """The accent-free stop words (:file:`data/stopwords.txt`)."""
    return _word_list("stopwords.txt")


@functools.cache
def generic_words() -> frozenset[str]:
    """Accent-free words of how a request is asked (:file:`data/generic.txt`)."""
    return _word_list("generic.txt")


@functools.cache
def kin_words() -> frozenset[str]:
    """Accent-free words naming a relative the request is made for (« fils », « mère »;
    :file:`data/kin.txt`, the relations of INED's Famille et logements survey)."""
    return _word_list("kin.txt")


@functools.cache
def function_words() -> frozenset[str]:
    """Accent-free French function words the built-in catalogue does not use
    (:file:`data/function-words.txt`, from stopwords-iso's French list;
    ``scripts/build_function_words.py``): they reach no procedure through the thesaurus."""
    return _word_list("function-words.txt")


@functools.cache
def accent_rivals() -> frozenset[str]:
    """The accent-free forms that are two French words, a word of their own beside the
    accented one (« marie », « publie », « licencie »; :file:`data/accent-rivals.txt`, from
    wordfreq 3.1.1; ``scripts/build_accent_rivals.py``)."""
    return _word_list("accent-rivals.txt")


@functools.cache
def common_words() -> frozenset[str]:
    """The accent-free common words of written French (:file:`data/common.txt`: Zipf
    frequency 4.5 or more in wordfreq 3.1.1; ``scripts/build_common_words.py``)."""
    return _word_list("common.txt")


@functools.cache
def _stemmer() -> object:
    import Stemmer  # type: ignore[import-not-found]  # PyStemmer ships no type hints

    # No cache of its own (10,000 words by default, long ones too): stem() remembers.
    return Stemmer.Stemmer("french", 0)


def stem(word: str) -> str:
    """The folded French Snowball stem of a lower-case ``word`` (accents kept on input).

    A final plural ``s`` is removed first: Snowball's French stemmer keeps it after a vowel
    by design (``revenus`` → ``revenus`` but ``revenu`` → ``revenu``; ``emplois`` /
    ``emploi``), so « impôt sur le revenu » would miss « déclaration de revenus ». The same
    function serves the index and the need, so a word wrongly cut (``colis`` → ``coli``)
    still matches itself. Remembered up to :data:`MAX_CACHED_CHARS` characters.
    """
    return _stem(word) if len(word) > MAX_CACHED_CHARS else _cached_stem(word)


def _stem(word: str) -> str:
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    found: str = _stemmer().stemWord(word)  # type: ignore[attr-defined]
    if found.endswith("y") and word.endswith("ye"):
        # Snowball writes a final « y » as « i » only after removing a suffix of its steps
        # 1-2 (« payer », « payé » → pai), not after the « e » of step 4: « paye » (« payé »
        # without its accent, or the noun, as « paie ») read « pay », the stem of « pays ».
        found = found[:-1] + "i"
    return fold(found)


# A word of 2,000 characters is no word to remember (its stem is as long): 1,000 distinct
# ones held 4.2 MB in this cache, 2.0 MB in lemma's (review 14l's finding for the accents).
_cached_stem = functools.lru_cache(maxsize=WORD_CACHE_ENTRIES)(_stem)


@functools.cache
def _lemmatizer() -> object:
    # simplemma loads its French data (about half a second) on the first word: only when
    # a need's word reaches the index neither by its stem nor by its spelling.
    import simplemma

    # No cache of its own (65,536 words by default, 2,000-character ones too): lemma()
    # remembers the word-sized ones. The same dictionary as simplemma.lemmatize's.
    return simplemma.Lemmatizer(cache_max_size=0)


def lemma(word: str) -> str:
    """The lemma of a lower-case ``word`` (accents kept) by simplemma's French data
    (Barbaresi, simplemma 2.0: a dictionary of inflected forms, no rules): « perds » and
    « perdu » → « perdre », « vendu » → « vendre », « déménage » → « déménager »,
    « allocations » → « allocation ». A word the data does not hold is its own lemma.
    Remembered up to :data:`MAX_CACHED_CHARS` characters."""
    return _lemma(word) if len(word) > MAX_CACHED_CHARS else _cached_lemma(word)


def _lemma(word: str) -> str:
    return str(_lemmatizer().lemmatize(word, lang="fr"))  # type: ignore[attr-defined]


_cached_lemma = functools.lru_cache(maxsize=WORD_CACHE_ENTRIES)(_lemma)


def lemma_stem(word: str) -> str:
    """The folded stem of ``word``'s lemma (:func:`lemma`, then :func:`stem`): two
    inflections Snowball keeps apart (« perds » / « perdu ») share it."""
    return stem(lemma(word))


def dictionary_accents() -> dict[str, str]:
    """The lower-case accented forms of simplemma's French dictionary (MIT; its keys are
    inflected forms) by their accent-free form, where exactly one has it (« radie »:
    « radié »; « eleve », of « élève » and « élevé », is left out): 91,822 of its
    249,548 keys, in about 0.3 s. Not remembered (:func:`accented` keeps what it uses)."""
    # The dictionary :func:`lemma`'s lemmatizer reads (simplemma's one shared factory), not
    # a second copy of it.
    from simplemma.strategies.dictionaries.dictionary_factory import (
        DEFAULT_DICTIONARY_FACTORY,
    )

    found: dict[str, str | None] = {}
    for form in DEFAULT_DICTIONARY_FACTORY.get_dictionary("fr"):
        plain = fold(form)
        if (
            plain != form
            and len(plain) == len(form)
            and plain.isascii()
            and plain.isalpha()
            and plain.islower()
        ):
            # A second accented form makes it ambiguous.
            found[plain] = None if plain in found else form
    return {plain: form for plain, form in found.items() if form is not None}


@functools.cache
def _accented_forms() -> dict[str, str]:
    # Without the forms that are French words as written (two frequent words, or a
    # frequent one beside a rare accented one: « vit », « vît »): 87,929 forms, built
    # once, on the first word the index reaches neither by its stem, spelling nor lemma.
    kept = accent_rivals() | _word_list("accent-free-words.txt")
    return {plain: form for plain, form in dictionary_accents().items() if plain not in kept}


def accented(word: str) -> str | None:
    """The one accented French word a lower-case, accent-free ``word`` stands for, by
    simplemma's French dictionary of inflected forms (:func:`dictionary_accents`):
    « radiee » → « radiée », « mediatrice » → « médiatrice »; ``None`` for a word with an
    accent or another letter, the form of several words (« eleve ») or of none, or a
    French word as written (:func:`accent_rivals`: « marie »;
    :file:`data/accent-free-words.txt`, ``scripts/build_accent_free_words.py``: « vit »).
    Raises nothing."""
    if not word.isascii():
        return None
    return _accented_forms().get(word)


#: An acronym written with dots (« R.S.A. », « A.P.L »): read without them, as « RSA ».
_DOTTED_ACRONYM = re.compile(r"\b(?:[A-Za-z]\.){2,}(?:[A-Za-z]\b)?")


def _clean(text: str) -> str:
    """Steps 1-2, before the word split."""
    text = _REPLACED.sub(_replace, unicodedata.normalize("NFKC", text))
    if "." in text:
        text = _DOTTED_ACRONYM.sub(_undotted, text)
    return text.casefold()


def _undotted(match: re.Match[str]) -> str:
    return match.group().replace(".", "")


def _replace(match: re.Match[str]) -> str:
    return _REPLACEMENT[match.group()]


def _cut(match: str) -> list[str]:
    """The words of one regular-expression match (``d'identité``, ``aujourd'hui``)."""
    parts = match.split("'")
    # Cut the elided article or pronoun; keep what follows. Inner apostrophes of other
    # words (aujourd'hui) separate words too.
    return [p for n, p in enumerate(parts) if not (n < len(parts) - 1 and p in _ELISIONS)]


def words(text: str) -> list[str]:
    """The lower-case words of ``text`` after steps 1-3 (stop words kept)."""
    found: list[str] = []
    for match in _WORD.findall(_clean(text[:MAX_TEXT_CHARS])):
        if "'" in match:
            found.extend(_cut(match))
        else:
            found.append(match)
    return found


#: A particle that may negate a verb said right after it (negation.refused_positions): most
#: needs have none, and skip the negation reading.
_VERB_NEGATION = Caseless(r"\b(?:pas|plus|jamais|gu[eè]re|point)\b")
#: The marks of a chunk of text (bits; :func:`reading`): it holds a number word of ten or
#: more (:func:`spelled_numbers` rewrites it), a particle that may negate a verb.
SPELLED_NUMBER = 1
VERB_NEGATION = 2
_MARKERS = ((SPELLED_NUMBER, _SPELLED), (VERB_NEGATION, _VERB_NEGATION))
_READ_MARKS = SPELLED_NUMBER | VERB_NEGATION
#: A mark of :func:`reading`'s own: a meaningful word of the chunk belongs to a stop-word
#: locution (most needs have none, and skip the search for locutions).
_LOCUTION = 4

_Analysed = tuple[str, str, str | None]
_Analysis = tuple[tuple[_Analysed, ...], tuple[tuple[str, str, str], ...], int]
#: The analysis of each chunk of text seen (every word; the meaningful ones, the same
#: tuples; its marks), in one value (a thread that reads a chunk finds all or none);
#: bounded: emptied when full.
_CHUNKS: dict[str, _Analysis] = {}
#: The longest chunk (or word) remembered: a word with its punctuation (« d'intergouverne-
#: mentalité, » is 29). Longer ones are analysed again each time: 1,000 distinct needs of
#: 2,000 characters without a space held 38 MB here (review 14l's finding for the accents).
MAX_CACHED_CHARS = 40
_ANALYSED = operator.itemgetter(0)
_MEANINGFUL = operator.itemgetter(1)
_MARKS = operator.itemgetter(2)


def _analysis(chunk: str) -> _Analysis:
    """Steps 1-5 for one chunk of the text between white space (``d’identité``,
    ``vitale ?``): each of its words, its accent-free form, and its stem when it is a
    meaningful word (else ``None``); and its marks. No step crosses white space (NFKC
    composes no character with a space, cleaning keeps every space a space, no word holds
    one), so the words of the chunks are the words of the text; a chunk's are remembered,
    as a counter hears the same all day. Likewise no marked word holds white space, and a
    word boundary at a chunk's edge is one in the text (white space is no word character):
    the text holds a marked word exactly when one of its chunks does."""
    analysed = []
    stops = stop_words()
    for match in _WORD.findall(_clean(chunk)):
        for word in _cut(match) if "'" in match else (match,):
            plain = fold(word)
            meaningful = len(plain) >= 2 and plain not in stops
            analysed.append((word, plain, stem(word) if meaningful else None))
    # The meaningful words, the same tuples (their stem is a str).
    kept = cast(tuple[tuple[str, str, str], ...], tuple(a for a in analysed if a[2] is not None))
    marks = 0
    for mark, words in _MARKERS:
        if words.search(chunk):
            marks |= mark
    if not _STOP_PHRASE_WORDS.isdisjoint(a[1] for a in kept):
        marks |= _LOCUTION
    found: _Analysis = (tuple(analysed), kept, marks)
    if len(chunk) > MAX_CACHED_CHARS:
        return found
    if len(_CHUNKS) >= WORD_CACHE_ENTRIES:
        _CHUNKS.clear()
    _CHUNKS[chunk] = found
    return found


def _chunks_of(text: str) -> list[_Analysis]:
    """The analysis of each chunk of ``text`` (:func:`_analysis`), in order."""
    chunks = text[:MAX_TEXT_CHARS].split()
    # Most chunks were seen before: looked up in C, only the new ones analysed.
    known = list(map(_CHUNKS.get, chunks))
    if None in known:
        known = [k if k is not None else _analysis(c) for k, c in zip(known, chunks, strict=True)]
    return known  # type: ignore[return-value]


def analysed_words(text: str) -> list[tuple[str, str, str | None]]:
    """Every word of ``text`` (stop words too), in order, as ``(word, plain, stem)``: the
    word as normalised, its accent-free form, and its stem — ``None`` for a stop word —
    from the per-chunk analysis recognition already made (no second reading)."""
    return list(itertools.chain.from_iterable(map(_ANALYSED, _chunks_of(text))))


def clear_caches() -> None:
    """Forget every remembered word analysis and stem (the benchmark measures what a word
    costs the first time it is heard with it)."""
    _CHUNKS.clear()
    _cached_stem.cache_clear()
    _cached_lemma.cache_clear()


def _stop_phrase_positions(plains: list[str]) -> set[int]:
    """Positions of the words of :data:`_STOP_PHRASES` found in ``plains``."""
    skip: set[int] = set()
    for start, plain in enumerate(plains):
        for phrase in _STOP_PHRASES_BY_START.get(plain, ()):
            if tuple(plains[start : start + len(phrase)]) == phrase:
                skip.update(range(start, start + len(phrase)))
    return skip


#: A meaningful word as :func:`meaningful` gives it: (word, plain, stem).
Word = tuple[str, str, str]


def meaningful(text: str) -> list[Word]:
    """The meaningful words of ``text``, in order, each as (word, plain, stem): what
    :func:`tokens` gives, without building :class:`Token` objects (the per-word work is
    one cached look-up, looped over in C)."""
    return reading(text)[0]


def reading(text: str) -> tuple[list[Word], int]:
    """:func:`meaningful` ``(text)``, and the marks of ``text[:MAX_TEXT_CHARS]``: the bits
    :data:`SPELLED_NUMBER` (a number word :func:`spelled_numbers` rewrites: it may change
    the text; beyond ``MAX_TEXT_CHARS`` ask it) and :data:`VERB_NEGATION` (a particle that
    may negate a verb), each set exactly when its case-insensitive search finds it there.
    Recognition reads a need through this: the marks come with the chunks' look-ups, where
    searching the text costs as much as reading it."""
    known = _chunks_of(text)
    marks: int = functools.reduce(operator.or_, map(_MARKS, known), 0)
    if not marks & _LOCUTION:
        # No meaningful word can be part of a stop-word locution (most needs): the chunks'
        # meaningful words, in C (dropping a locution would only drop words already out).
        return list(itertools.chain.from_iterable(map(_MEANINGFUL, known))), marks
    return _without_locutions(known), marks & _READ_MARKS


def _without_locutions(known: list[_Analysis]) -> list[Word]:
    """The meaningful words of the chunks ``known``, less those of stop-word locutions
    (its own function: its comprehension made a cell in :func:`reading`, every need)."""
    found = list(itertools.chain.from_iterable(map(_ANALYSED, known)))
    skip = _stop_phrase_positions([a[1] for a in found])
    return [a for n, a in enumerate(found) if a[2] is not None and n not in skip]


def tokens(text: str) -> tuple[Token, ...]:
    """The meaningful words of ``text``, in order (see the module docstring)."""
    return tuple(
        Token(word, plain, stemmed, n) for n, (word, plain, stemmed) in enumerate(meaningful(text))
    )


#: The last word before a position, whole (the window searched may cut one), with only white
#: space (or an elision's apostrophe: « l' ») between it and the position.
_LAST_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_]+(?=['’]?\s*$)")


def word_before(text: str, position: int, window: int) -> str | None:
    """The word of ``text`` that ends just before ``position`` (character offset), only white
    space or an apostrophe between them, as written; searched in the ``window`` characters
    before ``position`` only (callers know the longest word they look for), ``None`` when
    there is no such word. Raises nothing."""
    found = _LAST_WORD.search(text, max(0, position - window), position)
    return None if found is None else found.group()
