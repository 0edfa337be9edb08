"""People's names in a note: after a civility, after words that introduce a name, or
starting with a first name of INSEE's "fichier des prénoms".

Three rules, each measured on the corpus (``tests/data/redaction/``):

1. **Civility**: ``M.``, ``Mme``, ``Madame``, ``Monsieur``, ``Mlle``, ``Me``, ``Dr``... then
   up to four name words: capitalised or in capitals (``Mme DURAND``), with particles
   (``M. Le Goff``, ``Mme de Villiers``, ``M. N'Diaye``). ``M. le Maire`` is a function,
   not a name (``titles`` in ``data/names.toml``). After ``mme``, ``madame``,
   ``monsieur``... a lower-case word is a name too (``mme leroy``), unless it is a word
   such as ``souhaite``.
2. **Introducers**: ``je m'appelle``, ``s'appelle``, ``née``, ``épouse``, ``veuve``,
   ``nom :``, ``prénom :`` (then lower-case names too), and family words (``son fils``,
   ``sa compagne``, ``famille``) followed by a capitalised word.
3. **First names**: a capitalised word that is a first name given more than 100 times in
   France from 1900 to 2018 (INSEE, see ``data/first_names.txt``), with the capitalised
   or upper-case words around it (``Jean Dupont``, ``DUPONT Jean``). A first name that is
   also a word written with a capital (``Rose``, ``Grâce``) counts only next to a surname;
   a lower-case first name only if it is no French word (``ludovic``, not ``pierre``);
   ``salle Jean Moulin`` and ``Saint-Jean-de-Luz`` are places.

What still passes is said in ``docs/journal.md`` ("What redaction cannot catch"): a surname
alone (``Dossier Lemaire``, ``Dupuis est passé``), a rare first name alone, a name written
in lower case without a civility.

Speed: the words of a note are first collected with ``str.split`` into a set and
intersected (in C) with precomputed sets of first names and trigger words, in every
spelling (case, accents); the word-by-word rules run only on notes where an intersection
says there is something to look at.
"""

from __future__ import annotations

import functools
import itertools
import re
import tomllib
from importlib import resources

from mfs_core.redaction._spans import DataKind, Span
from mfs_core.redaction._text import unaccent

__all__ = ["find_names", "holds_first_name", "plain_first_names"]

_CIVILITIES = ("mmes", "mme", "mlle", "melle", "mademoiselle", "madame", "monsieur",
               "messieurs", "mr", "dr", "docteur", "pr", "maitre", "me", "mm", "m")  # fmt: skip
#: Civilities after which a lower-case word is a name (``mme leroy``); after ``me`` or
#: ``m`` a capital is needed (``me`` is also a pronoun).
_LOWER_OK = frozenset(["mme", "mlle", "melle", "mademoiselle", "madame", "monsieur", "mr", "dr"])
_CAPITAL_ONLY = frozenset(["m", "me", "mm", "pr"])
#: Words introducing a name, lower-case names included (folded word sequences).
_STRONG = ("je m'appelle", "il s'appelle", "elle s'appelle", "s'appelle", "prenomme",
           "prenommee", "nomme", "nommee", "denomme", "denommee", "nee", "epouse", "ep",
           "veuve", "vve")  # fmt: skip
#: The same, only before a colon (``nom : dupont``; ``nom`` alone is a common word).
_STRONG_COLON = ("nom de naissance", "nom d'usage", "nom de jeune fille", "nom marital",
                 "nom", "prenom", "prenoms", "conjoint", "conjointe", "usager", "usagere",
                 "beneficiaire")  # fmt: skip
#: Family words: a name only when capitalised (``son fils Enzo``).
_FAMILY = ("famille", "fils", "fille", "frere", "soeur", "mari", "femme", "epoux",
           "compagnon", "compagne", "enfant", "enfants", "pere", "mere", "petit-fils",
           "petite-fille", "neveu", "niece", "tante", "oncle", "cousin", "cousine", "voisin",
           "voisine", "aidant", "aidante", "tuteur", "tutrice")  # fmt: skip
_PARTICLES = ("de", "du", "des", "d", "le", "la", "van", "von", "der", "den", "da", "dos", "di",
              "del", "della", "el", "al", "ben", "ibn", "ould", "bin", "mac", "mc", "ter", "ten",
              "y")  # fmt: skip
_MAX_WORDS = 4
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_PUNCTUATION = '.,;:!?()[]{}«»"/*+=<>…'


#: The accents French puts on each letter: a trigger word is matched with or without them.
_ACCENTS = {"e": "eéèê", "a": "aà", "i": "iî", "o": "oô", "u": "uù", "c": "cç"}


def _spellings(word: str) -> set[str]:
    """``word`` (folded) in lower case, Capitalised and UPPER case, with or without its
    accents, ``'`` or ``’``: ``nee`` gives ``née``, ``Née``, ``NÉE``..."""
    accented = {"".join(chars) for chars in itertools.product(*(_ACCENTS.get(c, c) for c in word))}
    out: set[str] = set()
    for spelling in accented | {w.replace("'", "’") for w in accented}:
        out |= {spelling, spelling[:1].upper() + spelling[1:], spelling.upper()}
    return out


class _Lexicon:
    """The first names and the hand-kept word lists, loaded once (about 0.1 s)."""

    def __init__(self) -> None:
        data = resources.files("mfs_core.redaction").joinpath("data")
        words = tomllib.loads(data.joinpath("names.toml").read_text(encoding="utf-8"))
        self.not_first = frozenset(words["not_first_names"])
        self.also_words = frozenset(words["also_words"])
        self.places = frozenset(words["place_words"])
        self.titles = frozenset(words["titles"])
        self.not_in_capitals = frozenset(words["not_names_in_capitals"])
        self.not_after_civility = frozenset(words["not_after_civility"])
        self.particles = frozenset(_PARTICLES)
        self.civilities = frozenset(_CIVILITIES)
        first: set[str] = set()
        written: set[str] = set()  # as INSEE writes them: "Kévin", "Jean-Pierre"
        dictionary: set[str] = set()
        text = data.joinpath("first_names.txt").read_text(encoding="utf-8")
        # One translation of the whole file rather than one per name: a tenth of the time.
        for line, folded_line in zip(text.splitlines(), unaccent(text).splitlines(), strict=True):
            if not line or line.startswith("#"):
                continue
            name = line.partition("\t")[0]
            key, _, flag = folded_line.partition("\t")
            if key in self.not_first:
                continue
            first.add(key)
            written.add(name.lower())
            if flag == "w":
                dictionary.add(key)
        #: Folded first names (``kevin``, ``jean-pierre``).
        self.first = frozenset(first)
        #: Lower-case first names as INSEE writes them (``kévin``).
        self.written = frozenset(written)
        #: First names that are also French words: never matched in lower case.
        self.dictionary = frozenset(dictionary)
        excluded = dictionary | self.also_words | self.not_in_capitals
        #: Lower-case first names that are no French word (``ludovic``), as written.
        self.lower = frozenset(
            w for w in written | first if len(w) > 2 and unaccent(w) not in excluded
        )
        starts = {p.split()[0] for p in (*_CIVILITIES, *_STRONG, *_STRONG_COLON, *_FAMILY)}
        #: The first words of a civility or an introducer, in every spelling and case.
        self.triggers = frozenset(spelling for start in starts for spelling in _spellings(start))
        #: Folded introducers by first word: [(following words, rule)], longest first;
        #: rule "strong", "colon" (needs a colon) or "family" (needs a capital).
        introducers: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for rule, phrases in (("strong", _STRONG), ("colon", _STRONG_COLON), ("family", _FAMILY)):
            for phrase in phrases:
                first_word, *rest = _WORD.findall(phrase)
                introducers.setdefault(first_word, []).append((tuple(rest), rule))
        for options in introducers.values():
            options.sort(key=lambda option: -len(option[0]))
        self.introducers = introducers

    def first_name(self, key: str) -> bool:
        """Whether ``key`` (folded) is a first name, compound ones included."""
        if key in self.first:
            return True
        parts = key.split("-")
        return len(parts) > 1 and "saint" not in parts and all(p in self.first for p in parts)


@functools.cache
def _lexicon() -> _Lexicon:
    return _Lexicon()


class _Note:
    """The words of a note with their offsets, and the rules that read them."""

    def __init__(self, text: str) -> None:
        self.text = text
        # findall and str.find: faster than building a tuple from each Match object.
        words, at = [], 0
        for word in _WORD.findall(text):
            at = text.find(word, at)
            words.append((at, at + len(word), word))
            at += len(word)
        self.words = words
        self.lexicon = _lexicon()

    def joined(self, index: int, separators: str = " ") -> bool:
        """Whether word ``index`` follows word ``index - 1`` with only ``separators``."""
        if index == 0 or index >= len(self.words):
            return False
        return not self.text[self.words[index - 1][1] : self.words[index][0]].strip(separators)

    def is_capitalised(self, word: str) -> bool:
        if word[1:2] in ("'", "’") and word[:1] in "dDlLnNoO":  # d'Artagnan, N'Diaye
            return word[:1].isupper() or word[2:3].isupper()
        return word[:1].isupper()

    def take_name(self, index: int, *, lower_ok: bool) -> tuple[int, int] | None:
        """Offsets of the name words from word ``index`` on, or ``None``; ``lower_ok``
        admits a lower-case first word (after ``mme``, ``nom :``...)."""
        lexicon, words = self.lexicon, self.words
        start = end = particle = -1
        count = 0
        # A particle in capitals is taken as a name word (« Mme LE GOFF »), but alone it is
        # none: « NÉE LE 07/11/1967 » is a date after « née le ».
        only_particles = True
        while index < len(words) and count < _MAX_WORDS:
            if (count or particle != -1) and not self.joined(index):
                break  # a comma or a bracket ends a name
            word_start, word_end, word = words[index]
            low = unaccent(word)
            if low in lexicon.particles and not word.isupper():
                # A particle belongs to the name only before a capitalised word.
                particle = word_start if particle == -1 else particle
                index += 1
                continue
            if low in lexicon.titles or (word.isupper() and low in lexicon.not_in_capitals):
                break
            if low in lexicon.civilities and self.text[word_end : word_end + 1] in (".", " "):
                break  # "veuve de M. Mercier": the civility starts another name
            if not self.is_capitalised(word) and (
                not lower_ok
                or particle != -1
                or low in lexicon.not_after_civility
                or (count and not self.lower_surname(index, start))
            ):
                break
            if count == 0:
                start = particle if particle != -1 else word_start
            particle = -1
            end = word_end
            count += 1
            only_particles = only_particles and low in lexicon.particles
            index += 1
        return None if end == -1 or only_particles else (start, end)

    def lower_surname(self, index: int, start: int) -> bool:
        """Whether lower-case word ``index`` is the surname after a lower-case first name
        (``monsieur jean dupont``): the name so far is one first name, and the word is no
        word of the lists that end a name (``monsieur jean est venu`` keeps ``est``)."""
        previous_start, _, previous = self.words[index - 1]
        return (
            previous_start == start
            and not previous[:1].isupper()
            and self.lexicon.first_name(unaccent(previous))
            and unaccent(self.words[index][2]) not in self.lexicon.not_after_civility
        )

    def introduced(self, index: int) -> list[Span]:
        """A name after a civility or an introducer starting at word ``index``."""
        lexicon, words, text = self.lexicon, self.words, self.text
        _, word_end, word = words[index]
        low = unaccent(word)
        if low in lexicon.civilities:
            if low in _CAPITAL_ONLY and not word[:1].isupper():
                return []  # "me", "m" in lower case: a pronoun, a letter
            if text[word_end : word_end + 1] not in (".", " "):
                return []
            following = index + 1
            # "M. et Mme Martin": one name for both.
            if (
                following + 1 < len(words)
                and words[following][2].lower() == "et"
                and unaccent(words[following + 1][2]) in lexicon.civilities
            ):
                following += 2
            if not self.joined(following, " ."):
                return []
            found = self.take_name(following, lower_ok=low in _LOWER_OK)
            return [Span(*found, DataKind.NAME)] if found else []
        for rest, rule in lexicon.introducers.get(low, ()):
            following = index + 1 + len(rest)
            if rest and tuple(unaccent(w[2]) for w in words[index + 1 : following]) != rest:
                continue
            if not self.joined(following, " :" if rule == "colon" else " "):
                return []
            if rule == "colon" and ":" not in text[words[following - 1][1] : words[following][0]]:
                return []  # "nom : Garcia", not "le nom Garcia"
            found = self.take_name(following, lower_ok=rule != "family")
            return [Span(*found, DataKind.NAME)] if found else []
        return []

    def previous_is(self, index: int, words: frozenset[str]) -> bool:
        return self.joined(index) and unaccent(self.words[index - 1][2]) in words

    def surname_before(self, index: int) -> int | None:
        """Offset of ``DUPONT`` in ``DUPONT Jean``, if word ``index - 1`` is a surname in
        capitals."""
        if not self.joined(index):
            return None
        start, _, word = self.words[index - 1]
        key = unaccent(word)
        if (
            word.isupper()
            and len(word) > 1
            and key not in self.lexicon.not_in_capitals
            and not self.lexicon.first_name(key)
        ):
            return start
        return None

    def first_name_at(self, index: int) -> list[Span]:
        """A name starting with the capitalised first name at word ``index``."""
        lexicon = self.lexicon
        if self.previous_is(index, lexicon.places):
            return []  # salle Jean Moulin, rue Victor Hugo
        word_start, word_end, word = self.words[index]
        start, end = self.take_name(index, lower_ok=False) or (word_start, word_end)
        before = self.surname_before(index)
        if before is not None:
            start = before
        if unaccent(word) in lexicon.also_words and (start, end) == (word_start, word_end):
            return []  # "Grâce à", "Rose" alone: a word, unless a surname is next to it
        return [Span(start, end, DataKind.NAME)]


@functools.lru_cache(maxsize=16384)
def _is_first_name(word: str) -> bool:
    """Whether a capitalised ``word`` is a first name (compounds too, not places)."""
    lexicon = _lexicon()
    key = unaccent(word)
    if word.isupper() and (
        len(word) < 3 or key in lexicon.dictionary or key in lexicon.not_in_capitals
    ):
        return False  # "LÉA", "MARINE", "IBAN" in capitals: too often a word
    return lexicon.first_name(key)


def holds_first_name(word: str) -> bool:
    """Whether ``word`` (letters only) is a first name as written: capitalised, or in lower
    case and no French word (``Jean``, ``ludovic``; not ``marie``, which is also a verb)."""
    if word[:1].isupper():
        return _is_first_name(word)
    return word in _lexicon().lower


@functools.cache
def plain_first_names() -> frozenset[str]:
    """The first names that are no French word, capitalised as a note writes them at its
    start, with and without accents (``Paul``, ``Kévin``, ``Kevin``, ``Jean-Pierre``; not
    ``Pierre``, ``Rose``, ``France``, which are also words): read alone, without a surname
    beside them, by recognition's rule for a need that opens with one
    (``mfs_core.recognition.personal``). Loads the first names once (about 0.1 s)."""
    lexicon = _lexicon()
    excluded = lexicon.dictionary | lexicon.also_words
    names = {
        "-".join(part.capitalize() for part in name.split("-"))
        for name in (*lexicon.written, *lexicon.first)
    }
    return frozenset(name for name in names if unaccent(name.lower()) not in excluded)


def find_names(text: str, lower_text: str) -> list[Span]:
    """Spans of people's names in a normalised note (``lower_text``: its lower-case view)."""
    del lower_text  # the rules read words; kept for the detectors' common signature
    lexicon = _lexicon()
    # str.split and strip: several times faster than a regex over the whole note.
    words = {word.strip(_PUNCTUATION) for word in text.split()}
    starts = words & lexicon.triggers
    hits = {word for word in words if word[:1].isupper() and _is_first_name(word)}
    lower_hits = words & lexicon.lower
    if not (starts or hits or lower_hits):
        return []
    note = _Note(text)
    candidates = starts | hits | lower_hits
    spans: list[Span] = []
    for index in [i for i, word in enumerate(note.words) if word[2] in candidates]:
        start, end, word = note.words[index]
        if word in starts:
            spans += note.introduced(index)
        if word in hits:
            spans += note.first_name_at(index)
        elif word in lower_hits:
            spans.append(Span(start, end, DataKind.NAME))
    return spans
