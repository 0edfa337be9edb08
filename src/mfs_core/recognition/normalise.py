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
   and ``passeport`` share ``passeport`` (a final plural ``s`` is removed first, see
   :func:`stem`).

PyStemmer is imported on first use only (``import mfs_core`` stays light). Steps 1-2 run on
the whole text in C (:func:`unicodedata.normalize`, :meth:`str.translate`, one regular
expression); what follows is per word, and a counter hears the same words all day, so each
word's analysis (elisions cut, accent-free form, stop word or not, stem) is computed once and
remembered per process (:func:`functools.lru_cache`, bounded: made-up words cannot grow it).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from importlib import resources
from typing import NamedTuple

__all__ = ["MAX_TEXT_CHARS", "Token", "fold", "generic_words", "stem", "stop_words", "tokens"]

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
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_QUOTES = dict.fromkeys(map(ord, '"«»“”„‟‹›'), " ")
_LIGATURES = {ord("œ"): "oe", ord("æ"): "ae"}
_TABLE = {**_APOSTROPHES, **_SPACES, **_INVISIBLE, **_QUOTES, **_LIGATURES}
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
)
_STOP_PHRASES_BY_START: dict[str, tuple[tuple[str, ...], ...]] = {
    start: tuple(p for p in _STOP_PHRASES if p[0] == start) for start, *_ in _STOP_PHRASES
}


class Token(NamedTuple):
    """One meaningful word: ``word`` as written (lower case, accents kept), ``plain`` its
    accent-free form, ``stem`` its folded Snowball stem, ``position`` its rank among the
    text's meaningful words (0-based). A named tuple: cheap to build, immutable."""

    word: str
    plain: str
    stem: str
    position: int


_new_tuple = tuple.__new__


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


@functools.cache
def stop_words() -> frozenset[str]:
    """The accent-free stop words (:file:`data/stopwords.txt`)."""
    return _word_list("stopwords.txt")


@functools.cache
def generic_words() -> frozenset[str]:
    """Accent-free words of how a request is asked (:file:`data/generic.txt`)."""
    return _word_list("generic.txt")


@functools.cache
def _stemmer() -> object:
    import Stemmer  # type: ignore[import-not-found]  # PyStemmer ships no type hints

    return Stemmer.Stemmer("french")


@functools.lru_cache(maxsize=65_536)
def stem(word: str) -> str:
    """The folded French Snowball stem of a lower-case ``word`` (accents kept on input).

    A final plural ``s`` is removed first: Snowball's French stemmer keeps it after a vowel
    by design (``revenus`` → ``revenus`` but ``revenu`` → ``revenu``; ``emplois`` /
    ``emploi``), so « impôt sur le revenu » would miss « déclaration de revenus ». The same
    function serves the index and the need, so a word wrongly cut (``colis`` → ``coli``)
    still matches itself.
    """
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return fold(_stemmer().stemWord(word))  # type: ignore[attr-defined]


def _clean(text: str) -> str:
    """Steps 1-2 on the whole text, before the word split."""
    text = unicodedata.normalize("NFKC", text[:MAX_TEXT_CHARS])
    return _REPLACED.sub(_replace, text).casefold()


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
    for match in _WORD.findall(_clean(text)):
        if "'" in match:
            found.extend(_cut(match))
        else:
            found.append(match)
    return found


@functools.lru_cache(maxsize=65_536)
def _analysis(match: str) -> tuple[tuple[str, str, str | None], ...]:
    """Steps 3-5 for one regular-expression match (``d'identité``): each of its words,
    its accent-free form, and its stem when it is a meaningful word (else ``None``)."""
    found = _cut(match) if "'" in match else [match]
    stops = stop_words()
    analysed = []
    for word in found:
        plain = fold(word)
        meaningful = len(plain) >= 2 and plain not in stops
        analysed.append((word, plain, stem(word) if meaningful else None))
    return tuple(analysed)


def _stop_phrase_positions(plains: list[str]) -> set[int]:
    """Positions of the words of :data:`_STOP_PHRASES` found in ``plains``."""
    skip: set[int] = set()
    if _STOP_PHRASES_BY_START.keys().isdisjoint(plains):
        return skip  # most needs: one set operation in C
    for start, plain in enumerate(plains):
        for phrase in _STOP_PHRASES_BY_START.get(plain, ()):
            if tuple(plains[start : start + len(phrase)]) == phrase:
                skip.update(range(start, start + len(phrase)))
    return skip


def tokens(text: str) -> tuple[Token, ...]:
    """The meaningful words of ``text``, in order (see the module docstring)."""
    analysed = [word for match in _WORD.findall(_clean(text)) for word in _analysis(match)]
    skip = _stop_phrase_positions([plain for _, plain, _ in analysed])
    result: list[Token] = []
    for number, (word, plain, stemmed) in enumerate(analysed):
        if stemmed is not None and number not in skip:
            # Token(...) without the Python-level __new__ of named tuples: a third the cost.
            result.append(_new_tuple(Token, (word, plain, stemmed, len(result))))
    return tuple(result)
