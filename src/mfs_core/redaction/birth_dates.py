"""Dates of birth in a note: a date that words say is one (``née le 07/11/1967``,
``date de naissance : 12/04/1990``, ``DDN 02.09.1985``, ``né à Lisbonne le 3 mars 1958``).

Other dates stay (an appointment, the day a certificate was asked for): a note needs them,
and a date alone does not say whose birth it is. A year alone (``né en 1961``) stays too.
"""

from __future__ import annotations

import re

from mfs_core.redaction._spans import DataKind, Span

__all__ = ["find_birth_dates"]

#: Cheap test before the search: a word that can introduce a date of birth.
_HINTS = ("né", "nee", "naiss", "ddn")
_MONTHS = (
    "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre"
    "|novembre|décembre|decembre"
)
_BIRTH_DATE = re.compile(
    # « né », « née(s) », « nee » (not « ne »: « il ne viendra pas le 21/11 »), then up to
    # four words without digits or punctuation (« à Lisbonne », a maiden name), then « le ».
    r"(?<![a-zà-ÿ])(?:(?:née?s?|nees?)(?:[ ]+[^\s0-9.;:,()\[\]]+){0,4}?[ ]+(?:le[ ]+)?"
    # « date de naissance : », « date naiss. », « DDN », « naissance : ».
    r"|(?:date[ ]+de[ ]+naissance|date[ ]+naiss\.?|ddn|naissance)[ ]*:?[ ]*(?:le[ ]+)?)"
    r"(?P<date>(?<![0-9])(?:[0-3]?[0-9][ /.-][01]?[0-9][ /.-](?:19|20)?[0-9]{2}"
    r"|(?:19|20)[0-9]{2}-[01][0-9]-[0-3][0-9]"
    rf"|(?:1er|[0-3]?[0-9])[ ]+(?:{_MONTHS})[ ]+(?:19|20)[0-9]{{2}})(?![0-9]))"
)


def find_birth_dates(lower_text: str) -> list[Span]:
    """The dates of birth in a lower-case normalised note (``_text.lowered``): the date
    only, not the words before it."""
    if not any(hint in lower_text for hint in _HINTS):
        return []
    return [
        Span(match.start("date"), match.end("date"), DataKind.BIRTH_DATE, context=True)
        for match in _BIRTH_DATE.finditer(lower_text)
    ]
