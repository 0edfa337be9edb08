"""Which words of a need are said under a French negation: « je ne suis *pas agriculteur* ».

Recognition reads a need as a bag of words; negation particles are stop words. That is
harmless for the subject (« je n'ai plus de mutuelle » still asks about the complémentaire
santé solidaire) but not for a partner hint: « je ne suis pas agriculteur, je veux le RSA »
named the MSA. So a partner hint said under a negation is not evidence for its partner
(:meth:`~mfs_core.recognition.Recogniser.recognise`); the need's other words count as
before.

Kept simple, on purpose (``docs/recognition.md``, Limits): a word is negated when it is the
first meaningful word after « pas », « plus » (only after « ne »/« n' » in the same clause:
« plus de 60 ans » is not a negation), « jamais », « aucun », « aucune », « rien », « ni »,
« sans », « hors » or « sauf », in the same clause (up to a punctuation mark , ; : . ! ? or
a bracket, or a word that starts another clause: « mais », « et », « car », « donc »,
« puis », « alors », « parce », « si », « sinon », « quand », « lorsque »). Only that word:
« je ne suis pas *agriculteur* », « pas à la *CAF* », « prime d'activité hors *MSA* » — but
in « je n'ai pas *reçu* mon RSA de la MSA » or « je n'arrive pas à *joindre* la MSA » the
verb is negated and the MSA is still the partner the resident names (a scope to the end of
the clause sent those needs to the CAF). Words before the particle are not negated (« ne »
alone negates nothing; « été », « être », « étant » pass it on: « jamais été *exploitant
agricole* »). No double negation, no negation after the word (« agriculteur ? non »).
"""

from __future__ import annotations

import re

from mfs_core.recognition.normalise import (
    _WORD,
    _analysis,
    _clean,
    _cut,
    _stop_phrase_positions,
)

__all__ = ["negated_positions"]

#: Particles that negate what follows them in the clause.
_NEGATORS = frozenset(("pas", "jamais", "aucun", "aucune", "rien", "ni", "sans", "hors", "sauf"))
#: Particles that negate only after « ne » / « n' » in the same clause.
_AFTER_NE = frozenset(("plus", "guere", "point"))
#: Words that start another clause: the negation stops there.
_CLAUSE = frozenset(
    ("mais", "et", "car", "donc", "puis", "alors", "parce", "si", "sinon", "quand", "lorsque")
)
#: Forms of « être » between a particle and what it negates (« je n'ai jamais été
#: exploitant agricole »): they do not take the negation.
_COPULA = frozenset(("ete", "etre", "etant"))
_PUNCTUATION = re.compile(r"[,;:.!?()\[\]]")


_Read = tuple[str, "str | None", bool, bool]
#: What :func:`_chunk` gave for each chunk seen (bounded: emptied when full), as
#: :mod:`~mfs_core.recognition.normalise` remembers its analysis: a counter hears the same
#: words all day.
_CHUNKS: dict[str, tuple[_Read, ...]] = {}
_MAX_CHUNKS = 65_536


def _chunk(chunk: str) -> tuple[_Read, ...]:
    """Each word of one chunk of text between white space, as
    :func:`~mfs_core.recognition.normalise.meaningful` reads it: (accent-free word, stem
    or ``None``, preceded by « n' », punctuation after it); remembered."""
    known = _CHUNKS.get(chunk)
    if known is not None:
        return known
    found: list[_Read] = []
    analysed = iter(_analysis(chunk))
    cleaned = _clean(chunk)
    matches = list(_WORD.finditer(cleaned))
    for n, match in enumerate(matches):
        end = matches[n + 1].start() if n + 1 < len(matches) else len(cleaned)
        stop = _PUNCTUATION.search(cleaned, match.end(), end) is not None
        token = match.group()
        parts = _cut(token) if "'" in token else [token]
        elided_ne = token.startswith("n'")
        for k in range(len(parts)):
            _, plain, stem = next(analysed)
            found.append((plain, stem, elided_ne and k == 0, stop and k == len(parts) - 1))
    if len(_CHUNKS) >= _MAX_CHUNKS:
        _CHUNKS.clear()
    _CHUNKS[chunk] = result = tuple(found)
    return result


def _words(text: str) -> list[_Read]:
    """Every word of ``text`` (see :func:`_chunk`)."""
    return [read for chunk in text.split() for read in _chunk(chunk)]


def negated_positions(text: str) -> frozenset[int]:
    """Positions, among the meaningful words of ``text`` (as
    :func:`~mfs_core.recognition.normalise.meaningful` numbers them), of those said under
    a negation (see the module docstring). ``text`` is read up to the same limit."""
    from mfs_core.recognition.normalise import MAX_TEXT_CHARS

    found = _words(text[:MAX_TEXT_CHARS])
    skip = _stop_phrase_positions([plain for plain, _, _, _ in found])
    negated: set[int] = set()
    position = 0
    ne = under = False
    for n, (plain, stem, elided_ne, stop) in enumerate(found):
        if plain in _CLAUSE:
            ne = under = False
        if elided_ne or plain == "ne":
            ne = True
        if stem is not None and n not in skip:
            if under and plain not in _COPULA:
                negated.add(position)
                under = False  # the first meaningful word only: what is negated
            position += 1
        if plain in _NEGATORS or (ne and plain in _AFTER_NE):
            under = True
        if stop:
            ne = under = False
    return frozenset(negated)
