"""A commune's compound name in a need says where, not what: it is read as blank.

« je déménage à *Ars-en-Ré* » suggested the allocation de rentrée scolaire on « ARS »
(review 39): a word of a place name read as an acronym, or as any word of the catalogue
(« Boulogne-sur-*Mer* », « Châlons-en-*Champagne* »). French official place names join
every word with hyphens, the articles and prepositions inside in lower case and the
nouns capitalised (IGN's « Charte de toponymie », as quoted by
https://mannevillais.blogspot.com/2012/06/saint-pierre-de-manneville-avec-ou-sans.html:
« les prépositions, conjonctions et adverbes prennent une majuscule en début de nom et
une minuscule à l'intérieur du nom » and « Les noms officiels composés comportent un
trait d'union entre tous les termes »; https://ecrivains-publics.fr/?p=817: « Issy-les-
Moulineaux, La Roche-sur-Yon, Saint-Nazaire, Aix-en-Provence »). So a hyphenated chain
that opens and ends with a capitalised word and holds such a lower-case word inside
(« Ars-en-Ré », « Villeneuve-d'Ascq ») is a place. A chain without one (« Saint-Nazaire »,
« Pôle-Emploi », « CMU-C ») is left: it may be a name the catalogue knows; so is a chain in
lower case (« mise-à-jour ») or in capitals (a need typed in capitals says nothing by its
case).

:func:`without_place_names` blanks them with spaces of the same length (offsets kept for
every later step), as :mod:`~mfs_core.recognition.personal` blanks a name.
"""

from __future__ import annotations

import re

__all__ = ["without_place_names"]

#: The lower-case words inside a compound place name (articles, prepositions, « et »).
_INSIDE = frozenset(
    ("en", "sur", "sous", "lès", "lez", "les", "le", "la", "de", "du", "des", "aux", "et")
)
#: A hyphenated chain of words (apostrophes inside: « Villeneuve-d'Ascq »).
_CHAIN = re.compile(r"\b\w+(?:[-‑](?:\w+['’])?\w+)+\b")
_PARTS = re.compile(r"[-‑]")


def _capitalised(word: str) -> bool:
    """Whether ``word`` opens with a capital and goes on in lower case (« Ré », « Ars »)."""
    if len(word) == 1:
        return word.isupper()
    return word[0].isupper() and not word[1:].isupper()


def _inside(part: str) -> bool:
    """Whether ``part`` is a lower-case word inside a place name: one of :data:`_INSIDE`,
    or « d' » / « l' » elided before a capitalised word (« d'Ascq »)."""
    if part in _INSIDE:
        return True
    return part[:2] in ("d'", "d’", "l'", "l’") and _capitalised(part[2:])


def _place(chain: str) -> bool:
    """Whether the hyphenated ``chain`` is a compound place name (see the module)."""
    parts = _PARTS.split(chain)
    return (
        _capitalised(parts[0])
        # the last word a noun (« Ré »), or one elided before it (« d'Ascq »)
        and (_capitalised(parts[-1]) or (parts[-1] not in _INSIDE and _inside(parts[-1])))
        and any(_inside(part) for part in parts[1:])
        and all(_capitalised(part) or _inside(part) for part in parts)
    )


def without_place_names(text: str) -> str:
    """``text`` with each compound place name (see the module) replaced by spaces of the
    same length; ``text`` itself when it holds none. Raises nothing.

    >>> without_place_names("je déménage à Ars-en-Ré")
    'je déménage à          '
    >>> without_place_names("mise-à-jour de ma carte vitale à Saint-Nazaire")
    'mise-à-jour de ma carte vitale à Saint-Nazaire'
    """
    if "-" not in text and "‑" not in text:
        return text
    found = [m.span() for m in _CHAIN.finditer(text) if _place(m.group())]
    if not found:
        return text
    chars = list(text)
    for start, end in found:
        chars[start:end] = " " * (end - start)
    return "".join(chars)
