"""The day numbers of the dates a need says (« le *1er* juillet », « *25* mars »).

A resident's account dates what happened (« 1er juillet, me voilà chômeuse »); a day
number read alone is then a number of the need, and it met the catalogue's own numbers:
the « 1er » of « fin de contrat avant le *1er* avril 2025 » put the ARE before the
inscription the account asked about (issue-14ba). A day said right before a month name is
part of its date: it reaches a procedure only through the date, the pair of day and month
the index holds (« 1er avril »), never alone.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Container, Sequence

from mfs_core.recognition.normalise import Word

__all__ = ["MONTHS", "date_days"]

#: The French month names, accent-free as :func:`~mfs_core.recognition.normalise.reading`
#: gives a word's plain form (« février » → fevrier, « août » → aout).
MONTHS = frozenset(
    ("janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre",
     "octobre", "novembre", "decembre")
)  # fmt: skip
#: A day of the month as written (« 1er » after NFKC of « 1ᵉʳ », « 01 », « 31 »).
_DAY = re.compile(r"(?:[0-3]?[0-9]|1er)")
_PLAIN = operator.itemgetter(1)


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
