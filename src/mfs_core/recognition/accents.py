"""A need written without accents read with them: « INDEMNISEE » as « INDEMNISÉE ».

Residents and agents often write without accents: all capitals in a form field, a phone
keyboard, a copied SMS. Snowball's French stemmer gives another stem without them
(« indemnisée » → indemnis, « indemnisee » → indemnise; « payé » → pai, « paye » → pay), so
the same need was read differently (issue-14aq: 19 of the corpus's 540 phrasings changed
their level or first three candidates once folded to capitals).

:class:`Accents` holds the accented words recognition knows (the catalogue's words as the
index holds them, the lexicon's phrases, the thesaurus's words) by their accent-free form,
with their feminine and plural forms (« salarié »: « salaries » → « salariés ») and the
feminine past participles of the verbs in « -er » (« indemniser »: « indemnisee » →
« indemnisée »). :meth:`Accents.restored` writes each word of a need that has no accent and
is the accent-free form of exactly one of them as that word, in the need's own case
(« SALARIE » → « SALARIÉ »), before anything else reads the need (the ``Recogniser``, first
thing): every later step (stems, lemmas, lexicon phrases, negation) then sees what the
accented need gives. A form is left as written when it is:

- a word the vocabulary holds without accents, or a stop word (« a » / « à », « ou » /
  « où », « du » / « dû », « sur » / « sûr »; the thesaurus's « paye », the noun, and
  « payé »: :func:`~mfs_core.recognition.normalise.stem` gives them one stem instead);
- a French word of its own, as frequent as the accented one in written French
  (:func:`~mfs_core.recognition.normalise.accent_rivals`: « marie », the first name and
  the present tense, beside « marié »; « licencie », « communique », « publie »);
- the form of several accented words (« eleve »: « élève », « élevé »): ambiguous,
  counted in :attr:`Accents.ambiguous`;
- a form whose stem is the accented word's (« refuse » / « refusé »: refus): nothing to
  gain, and a present tense is no participle; but right after an auxiliary, a past
  participle's form is one (« mon mari est decede » reads « mon mari est décédé »,
  issue-14be).

Only letters a to z are read (a word holding any other letter was typed with its accents,
or is not French); no word changes length, so the need's limits count the same. The table
is built with the recogniser (about 35 ms on the built-in catalogue, on the first need;
``Recogniser.prepare`` at a server's start).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from mfs_core.recognition.normalise import (
    MAX_TEXT_CHARS,
    WORD_CACHE_ENTRIES,
    accent_rivals,
    fold,
    stem,
    stop_words,
    word_before,
    words,
)
from mfs_core.recognition.synonyms import synonyms

if TYPE_CHECKING:
    from mfs_core.recognition.index import ProcedureIndex
    from mfs_core.recognition.lexicon import Lexicon

__all__ = ["Accents", "known_accents"]

# A run of ASCII letters that no other letter touches (« pay » in « payé » is no word).
_PLAIN_WORD = re.compile(r"(?<![^\W\d_])[A-Za-z]{2,}(?![^\W\d_])")
# Only word-sized chunks are remembered (« d'intergouvernementalité, » is 29): a need of
# 2,000 characters without a space, or thousands of them, cannot fill the memory (65,536
# chunks of 2,000 emoji held about 535 MB; then at most 65,536 of 40 characters, 17.6 MB
# of emoji measured; WORD_CACHE_ENTRIES of them since issue-15w); a longer chunk is read
# again each time (one regex pass over it).
_MAX_CHUNK_CHARS = 40
#: The endings of French inflection (feminine, plural) added to a restored word: « salarié »
#: stands for « salaries » too (« salariés »).
_INFLECTIONS = ("e", "s", "es")
_FEMININE = ("e", "es")
#: The endings of a past participle of the first group (« décédé », « refusées »).
_PARTICIPLE_ENDINGS = ("é", "ée", "és", "ées")
# The forms of « être » and « avoir » a past participle follows (« on est licencié »).
_AUXILIARIES = frozenset(
    "suis es est sommes etes sont etais etait etions etiez etaient ete etre "  # noqa: SIM905
    "ai as avons avez ont avais avait avions aviez avaient avoir".split()
)
_AUXILIARY_CHARS = max(map(len, _AUXILIARIES)) + 4
# An infinitive of the first group, long enough not to be « cher » or « hier ».
_VERB = re.compile(r"[^\W\d_]{3,}er")


class Accents:
    """The accented words of a vocabulary by their accent-free form (see the module
    docstring). ``vocabulary``: words or phrases, any case (read by
    :func:`~mfs_core.recognition.normalise.words`). Raises nothing."""

    __slots__ = ("_after_auxiliary", "_plain_chunks", "_table", "ambiguous")

    def __init__(self, vocabulary: Iterable[str]) -> None:
        every = {word for phrase in set(vocabulary) for word in words(phrase)}
        plain_words = set(stop_words())
        accented: dict[str, set[str]] = {}
        for word in every:
            plain = fold(word)
            if plain == word:
                plain_words.add(word)
            elif plain.isascii() and plain.isalpha() and len(plain) == len(word):
                accented.setdefault(plain, set()).add(word)
        #: the forms of several accented words (« eleve »: « élève », « élevé »), left
        self.ambiguous: frozenset[str] = frozenset(
            plain
            for plain, found in accented.items()
            if len(found) > 1 and plain not in plain_words
        )
        exact = {
            plain: next(iter(found))
            for plain, found in accented.items()
            if len(found) == 1 and plain not in plain_words
        }
        # The inflections of a restored word, and the feminine past participles of a verb
        # in « -er » (« indemniser »: « indemnisee » can only be « indemnisée »; the
        # masculine « indemnise » is also the present tense), that are no form of the
        # vocabulary's own.
        inflected: dict[str, set[str]] = {}
        for plain, word in exact.items():
            for ending in _INFLECTIONS:
                inflected.setdefault(plain + ending, set()).add(word + ending)
        for verb in filter(_VERB.fullmatch, every):
            participle = verb[:-2] + "é"
            for ending in _FEMININE:
                inflected.setdefault(fold(participle) + ending, set()).add(participle + ending)
        for form in [*accented, *plain_words]:
            inflected.pop(form, None)
        table = {
            **{form: next(iter(found)) for form, found in inflected.items() if len(found) == 1},
            **exact,
        }
        #: accent-free form -> the one accented word it stands for, where their stems
        #: differ (« salarie » → salar, « salarié » → salari; « refuse » and « refusé »
        #: share refus: read as written, a present tense is no participle)
        differing = {plain: word for plain, word in table.items() if stem(plain) != stem(word)}
        # A form that is a French word of its own (« marie », the first name and the
        # present tense, beside « marié »; « licencie », « communique ») is read as
        # written, but right after an auxiliary (« on est licencie »), a participle.
        rivals = accent_rivals()
        self._table: dict[str, str] = {
            plain: word for plain, word in differing.items() if plain not in rivals
        }
        #: the forms restored only right after an auxiliary (:data:`_AUXILIARIES`): a
        #: rival French word, and a past participle whose stem is its accent-free form's
        #: (« est decede » → « est décédé »: after « est », no present tense; issue-14be)
        self._after_auxiliary: dict[str, str] = {
            plain: word
            for plain, word in table.items()
            if (plain in rivals and plain in differing)
            or (plain not in differing and word.endswith(_PARTICIPLE_ENDINGS))
        }
        #: chunks of text between white space that hold no word to restore
        self._plain_chunks: set[str] = set()

    def __len__(self) -> int:
        return len(self._table)

    def restored(self, text: str) -> str:
        """``text`` with each word restored (module docstring) in its first
        :data:`~mfs_core.recognition.normalise.MAX_TEXT_CHARS` characters (the rest is not
        read); ``text`` itself when none is (most needs written with their accents)."""
        head = text[:MAX_TEXT_CHARS]
        # No word crosses white space: the chunks known to hold no word to restore are
        # remembered (a counter hears the same all day), the text rewritten only when one
        # of its chunks holds one.
        chunks = head.split()
        if self._plain_chunks.issuperset(chunks):  # one pass in C, the usual case
            return text
        if not any(map(self._holds, chunks)):
            return text
        return _PLAIN_WORD.sub(self._replace, head) + text[MAX_TEXT_CHARS:]

    def _holds(self, chunk: str) -> bool:
        """Whether ``chunk`` holds a word to restore; one that does not is remembered
        when it is at most :data:`_MAX_CHUNK_CHARS` characters (bounded: forgotten when
        full)."""
        if chunk in self._plain_chunks:
            return False
        table, rivals = self._table, self._after_auxiliary
        if any(
            (plain := m.group().lower()) in table or plain in rivals
            for m in _PLAIN_WORD.finditer(chunk)
        ):
            return True
        if len(chunk) > _MAX_CHUNK_CHARS:
            return False
        if len(self._plain_chunks) >= WORD_CACHE_ENTRIES:
            self._plain_chunks.clear()
        self._plain_chunks.add(chunk)
        return False

    def _replace(self, match: re.Match[str]) -> str:
        word = match.group()
        accented = self._table.get(word.lower())
        if accented is None:
            accented = self._after_auxiliary.get(word.lower())
            if accented is None:
                return word
            # Only the few characters before it are searched (« avaient » and spaces).
            before = word_before(match.string, match.start(), _AUXILIARY_CHARS)
            if before is None or fold(before.lower()) not in _AUXILIARIES:
                return word
        # The need's case, letter by letter (« SALARIE » → « SALARIÉ »).
        return "".join(
            new.upper() if old.isupper() else new for old, new in zip(word, accented, strict=True)
        )


def known_accents(index: ProcedureIndex, lexicon: Lexicon) -> Accents:
    """The :class:`Accents` of what recognition knows: every word ``index`` holds, the
    phrases of ``lexicon`` (what residents say and the catalogue's words they mean) and
    the thesaurus's headwords and synonyms."""
    phrases = itertools.chain(
        (e.label for e in lexicon.expansions),
        (e.means_label for e in lexicon.expansions),
        (h.label for h in lexicon.hints),
        (x.label for x in lexicon.exclusions),
        (a.label for a in lexicon.asked),
    )
    thesaurus = itertools.chain.from_iterable(
        (head, *listed) for head, listed in synonyms().items()
    )
    return Accents(itertools.chain(index.seen_words, phrases, thesaurus))
