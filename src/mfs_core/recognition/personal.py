"""Personal data in a need is not what the need is about: it is read as blank.

An agent types what the resident says, names and numbers included: « Mme Nguyen veut
déclarer ses revenus » was level ``none`` (« mme » and « nguyen » two unknown words diluting
two known ones) where « veut déclarer ses revenus » is a clarify; « Mme Vitali a perdu sa
carte » matched « vitali » to « vitale » by typo tolerance and printed the surname among the
matched words (review 14g, finding 5). :func:`without_personal_data` blanks, with spaces of
the same length (offsets are kept for every later step), what :func:`mfs_core.redaction.redact`
finds — names, e-mail addresses, telephone numbers, NIR, IBAN, partner numbers, dates of
birth — and the civility before a name.

Redaction runs only on a need that holds a sign of such data (:data:`_SIGN`: a civility or a
name introducer, an ``@``, a run of six digits): its name rule on first names alone would
also blank a first name written where a need names a thing (« Que Faire Si Non Reçu ? »).
What redaction cannot find (a surname alone, see ``docs/journal.md``) is read as any word.
"""

from __future__ import annotations

import re

from mfs_core.recognition.normalise import MAX_TEXT_CHARS

__all__ = ["without_personal_data"]

#: Signs that a need may hold personal data: a civility or words introducing a name
#: (as :mod:`mfs_core.redaction.names` reads them), an e-mail's ``@``, six digits in a row
#: (telephone, NIR, IBAN, partner numbers; « 2042 » or « 62 ans » are shorter).
_SIGN = re.compile(
    r"@|\d[\d .]{5,}|\bm\.|\b(?:mmes?|mlle|melle|madame|mademoiselle|monsieur|messieurs|mr|dr"
    r"|docteur|ma[iî]tre|appelle|pr[ée]nomm[ée]e?|n[ée]e?\s+le)\b",
    re.IGNORECASE,
)
#: What is read of a need: recognition's part (MAX_TEXT_CHARS) and a margin for a name,
#: an address or a number cut at its end.
_READ = MAX_TEXT_CHARS + 100
#: The longest civility and the spaces after it (« mademoiselle  »).
_CIVILITY_CHARS = 16
#: A civility just before a blanked name (« Mme », « M. », « Monsieur »).
_CIVILITY = re.compile(
    r"\b(?:m\.?|mmes?|mlle|melle|madame|mademoiselle|monsieur|messieurs|mr|dr|docteur)\s*$",
    re.IGNORECASE,
)


def without_personal_data(text: str) -> str:
    """``text`` with the personal data :func:`~mfs_core.redaction.redact` finds (and a
    civility before a name) replaced by spaces: same length, same offsets. ``text``
    unchanged when it holds no sign of such data (:data:`_SIGN`). Raises nothing."""
    if _SIGN.search(text, 0, _READ) is None:
        return text
    from mfs_core.redaction import DataKind, redact

    # Recognition reads MAX_TEXT_CHARS characters; the margin finishes a value cut there.
    head = text[:_READ]
    chars = list(head)
    for found in redact(head).spans:
        if found.span is None:  # redact() gives every span its offsets; a type says "maybe"
            continue
        start, end = found.span
        if found.kind is DataKind.NAME:
            # Just before the name: a search from 0 made a long need quadratic (100,000
            # characters of names took 6.6 s).
            civility = _CIVILITY.search(head, max(0, start - _CIVILITY_CHARS), start)
            start = civility.start() if civility else start
        chars[start:end] = " " * (end - start)
    return "".join(chars) + text[_READ:]
