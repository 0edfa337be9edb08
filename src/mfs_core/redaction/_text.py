"""Normalised views of a note, for matching: same length as the note, one character each.

Detection runs on these views and redaction on the original text, at the same offsets, so
that the rest of a note is kept exactly as written. Every mapping is therefore one
character to one character:

- :func:`normalised`: every Unicode space (category ``Zs``: U+00A0 no-break space, U+202F
  narrow no-break space, U+2009 thin space...), tabs and invisible format characters become
  a plain space; dashes (``Pd``, U+2212 minus) become ``-``; slash and dot look-alikes
  become ``/`` and ``.``; full-width forms (U+FF01-FF5E, ``＠`` included) and the decimal
  digits of every script become their ASCII form.
- :func:`lowered`: the normalised view in lower case (accents kept: the word patterns of
  :func:`words_pattern` accept a word with or without its accents).

The tables are built on first use (a few milliseconds), not at import; a note holding none
of the characters to map (most notes) is returned as it is.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from typing import TypeAlias

__all__ = ["lowered", "normalised", "unaccent", "words_pattern"]

#: Code point ranges scanned for mappings: Latin and punctuation blocks, full-width forms,
#: and the decimal digits of other scripts (Arabic-Indic, Devanagari... , mathematical).
_RANGES = ((0x00A0, 0x00A1), (0x00AD, 0x00AE), (0x00B7, 0x00B8), (0x0660, 0x0DF0),
           (0x1680, 0x1681), (0x180E, 0x180F), (0x2000, 0x2070), (0x2212, 0x2216),
           (0x3000, 0x3001), (0xFE00, 0xFE70), (0xFEFF, 0xFF00), (0xFF01, 0xFF5F),
           (0x1D7CE, 0x1D800))  # fmt: skip
_SLASHES = {0x2044, 0x2215, 0xFF0F}
_DOTS = {0x2024, 0xFF0E, 0x00B7}
#: Invisible characters someone may paste between digit groups (zero-width space, word
#: joiner, soft hyphen, byte order mark): a separator for matching.
_INVISIBLE = {0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x180E}
#: Any character :func:`normalised` maps: a fast test before the (slower) translation.
_TO_MAP = re.compile(
    "[\t\u000b\u000c\u00a0\u00ad\u00b7\u0660-\u0def\u1680\u180e\u2000-\u2015\u2024"
    "\u2028-\u202f\u2044\u205f-\u2064\u2212-\u2215"
    "\u3000\ufe00-\ufe6f\ufeff\uff01-\uff5e\U0001d7ce-\U0001d7ff]"
)


@functools.cache
def _normalise_table() -> dict[int, str]:
    table: dict[int, str] = {ord("\t"): " ", ord("\u000b"): " ", ord("\u000c"): " "}
    for low, high in _RANGES:
        for code in range(low, high):
            char = chr(code)
            category = unicodedata.category(char)
            if category == "Zs" or code in _INVISIBLE:
                table[code] = " "
            elif category == "Pd" or code == 0x2212:
                table[code] = "-"
            elif code in _SLASHES:
                table[code] = "/"
            elif code in _DOTS:
                table[code] = "."
            elif category == "Nd":
                table[code] = str(unicodedata.decimal(char))
            elif 0xFF01 <= code <= 0xFF5E:
                table[code] = chr(code - 0xFEE0)
    return table


def normalised(text: str) -> str:
    """``text`` with spaces, dashes, full-width forms and digits in their ASCII form."""
    if not _TO_MAP.search(text):
        return text
    return text.translate(_normalise_table())


def lowered(view: str) -> str:
    """``view`` in lower case, character for character (``İ`` would lower to two)."""
    low = view.lower()
    if len(low) == len(view):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in view)


@functools.cache
def _unaccent_table() -> dict[int, str]:
    table: dict[int, str] = {ord("’"): "'", ord("ʼ"): "'", ord("‘"): "'"}
    for code in range(0x00C0, 0x0250):
        base = unicodedata.normalize("NFD", chr(code))[0]
        if base != chr(code) and base.isascii():
            table[code] = base
    return table


@functools.lru_cache(maxsize=16384)  # the words of notes repeat: most lookups are hits
def unaccent(word: str) -> str:
    """``word`` without accents, lower-cased: the key of word lists (``"Préfet"`` →
    ``"prefet"``)."""
    return lowered(word).translate(_unaccent_table())


#: A letter and its accented forms, for patterns that accept both.
_ACCENTS = {
    "a": "aàâä", "c": "cç", "e": "eéèêë", "i": "iîï", "o": "oôö", "u": "uùûü", "y": "yÿ",
}  # fmt: skip


def _char_pattern(char: str) -> str:
    if char == " ":
        return "[ ]+"
    if char == "'":
        return "['’ ]?"
    if char in _ACCENTS:
        return f"[{_ACCENTS[char]}]"
    return re.escape(char)


_Trie: TypeAlias = dict[str, "_Trie"]


def words_pattern(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words`` (lower case, accents left out in the
    list) in a :func:`lowered` text, with or without accents, any spacing, ``'`` or ``’``.

    The words are laid out as a trie (``n(?:°|o|um(?:ero)?)``): the regex engine tries
    alternatives one after the other, so a flat list of a hundred words would be tried at
    every position of every note.
    """
    trie: _Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def build(node: _Trie) -> str:
        branches = [
            _char_pattern(char) + build(child) for char, child in sorted(node.items()) if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # Where a word ends and a longer one goes on, the longer is tried first.
        return f"(?:{body})?" if "" in node else body

    return build(trie)
