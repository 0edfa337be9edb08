"""The day numbers of the dates a need says (« le *1er* juillet », « *25* mars »,
« le *1er/07* »).

A resident's account dates what happened (« 1er juillet, me voilà chômeuse »); a day
number read alone is then a number of the need, and it met the catalogue's own numbers:
the « 1er » of « fin de contrat avant le *1er* avril 2025 » put the ARE before the
inscription the account asked about (issue-14ba). A day said right before a month name is
part of its date: it reaches a procedure only through the date, the pair of day and month
the index holds (« 1er avril »), never alone.

The same date is written other ways (review 14n, finding 6; issue-14bc): « premier avril »
and « 1 er avril » are read as « 1er avril » (:func:`first_days`: the text is rewritten,
same length); a date in figures (« 1er/07 », « 1/07 », « 01/07/2025 ») names its month by
a number, which the index holds as no month: its day and month reach nothing (the year,
as after a month name, is read as any number: :func:`numeric_days`).
"""

from __future__ import annotations

import operator
import re
from collections.abc import Container, Sequence

from mfs_core.recognition.normalise import MAX_TEXT_CHARS, Word, meaningful

__all__ = ["MONTHS", "date_days", "first_days", "numeric_days"]

#: The French month names, accent-free as :func:`~mfs_core.recognition.normalise.reading`
#: gives a word's plain form (« février » → fevrier, « août » → aout).
MONTHS = frozenset(
    ("janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre",
     "octobre", "novembre", "decembre")
)  # fmt: skip
#: A day of the month as written (« 1er » after NFKC of « 1ᵉʳ », « 01 », « 31 »).
_DAY = re.compile(r"(?:[0-3]?[0-9]|1er)")
_PLAIN = operator.itemgetter(1)
#: The words of a first of the month written out (« premier avril »), or whose « 1 »,
#: a one-character word, is no meaningful word (« 1 er avril »).
_FIRST_WORDS = frozenset(("er", "premier"))
#: The first of a month written out or apart, before the month's name, or before a range
#: or list that ends with it (« du premier au 15 avril »), in any case.
_FIRST = re.compile(
    r"\b(?:1\s+er|premier)(?=\s+(?:(?:au|et|à)\s+[0-3]?[0-9]\s+)?"
    r"(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t"
    r"|septembre|octobre|novembre|d[ée]cembre)\b)",
    re.IGNORECASE,
)
#: A date in figures, day and month (« 1er/07 », « 01/07 », « 1/7 »), and a year (« /2025 »,
#: « /25 ») that is not read with them; not part of a longer run of figures and slashes.
_NUMERIC = re.compile(
    r"(?<![\w/])((?:[0-3]?[0-9]|1er)/(?:0?[1-9]|1[0-2]))(?:/(?:[0-9]{4}|[0-9]{2}))?(?![\w/])"
)


def first_days(text: str, found: Sequence[Word]) -> str:
    """``text`` with each first of a month written out or apart (« premier avril »,
    « 1 er avril ») as « 1er », padded with spaces to the same length (every offset kept);
    ``found``: its meaningful words (most needs say neither « premier » nor « er »: one set
    operation). ``text`` itself when it holds none. Raises nothing."""
    if _FIRST_WORDS.isdisjoint(map(_PLAIN, found)) or MONTHS.isdisjoint(map(_PLAIN, found)):
        return text
    return _FIRST.sub(lambda said: "1er".ljust(len(said.group())), text)


def numeric_days(found: Sequence[Word], text: str) -> frozenset[int]:
    """The positions in ``found`` (the meaningful words of ``text``) of the day and month
    of each date ``text`` writes in figures (« le 1er/07 je commence un nouveau travail »:
    « 1er », « 07 »; a one-figure day is no meaningful word); empty for a text without a
    slash (most needs: one substring test). Raises nothing."""
    if "/" not in text:
        return frozenset()
    plains = list(map(_PLAIN, found))
    days: set[int] = set()
    start = 0
    for date in _NUMERIC.finditer(text, 0, MAX_TEXT_CHARS):
        said = list(map(_PLAIN, meaningful(date.group(1))))
        if not said:
            continue
        # The date's words, in order, after the last date found (the same figures said
        # again elsewhere in the need stay numbers of their own).
        for n in range(start, len(plains) - len(said) + 1):
            if plains[n : n + len(said)] == said:
                days.update(range(n, n + len(said)))
                start = n + len(said)
                break
    return frozenset(days)


def date_days(found: Sequence[Word], terms: Container[str]) -> frozenset[int]:
    """The positions in ``found`` (a need's meaningful words, (word, plain, stem) each) of
    the day numbers said right before a month name, or before another such day (« du 1er
    au 15 juillet »: review 14n, finding 6), whose pair of stems with it (« 1er_avril »)
    is not one of ``terms`` (the index's terms): words that reach no procedure alone.
    Empty for most needs (no month named: one set operation). Raises nothing."""
    if MONTHS.isdisjoint(map(_PLAIN, found)):
        return frozenset()
    days: set[int] = set()
    for m in range(1, len(found)):
        if found[m][1] not in MONTHS:
            continue
        # The days said before the month, a range or a list included (« du 1er au 15
        # juillet », « les 2 et 3 mai »: « au », « et » are stop words, not in ``found``).
        n = m - 1
        while n >= 0 and _DAY.fullmatch(found[n][1]):
            if f"{found[n][2]}_{found[m][2]}" not in terms:
                days.add(n)
            n -= 1
    return frozenset(days)
