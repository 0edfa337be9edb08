"""Checks of the recognition data a plugin contributes, for ``mfs plugins --check``.

:func:`procedure_problems` and :func:`partner_problems` return ``(code, message)`` pairs, each
code a :class:`~mfs_core.contract.ContributionCode`; :mod:`mfs_core.validation` turns them
into findings naming the plugin. Codes:

============================ ===============================================================
recognition-text-blank       a keyword, question or fiche title is empty or only spaces
recognition-text-invalid     a keyword, question, fiche title or description is not text
recognition-no-words         a keyword or question is made only of stop words: it can never
                             match (« de la », « non »)
recognition-text-too-long    a keyword, question, fiche title or description is longer than
                             :data:`LIMITS` allows (recognition reads the start only)
fiche-title-without-fiche    ``fiche_title`` is set but ``fiche_id`` is not: a fiche title is
                             copied from a fiche, which must be named
============================ ===============================================================

Light: no stemming, only the normaliser's word split and stop words.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from mfs_core.contract import ContributionCode
from mfs_core.model import Partner, Procedure
from mfs_core.recognition.index import MAX_PHRASES
from mfs_core.recognition.normalise import fold, stop_words, words

__all__ = ["LIMITS", "partner_problems", "procedure_problems"]

#: Longest text per field (characters).
LIMITS = {
    "keywords": 100,
    "questions": 300,
    "fiche_title": 300,
    "description": 2_000,
}


def _meaningful(text: str) -> bool:
    stops = stop_words()
    return any(len(p) >= 2 and p not in stops for p in map(fold, words(text)))


_C = ContributionCode
#: One problem: its code and a message naming the field (``keywords[2]``).
Problem = tuple[ContributionCode, str]


def _texts(field: str, values: Iterable[object], *, phrases: bool) -> Iterator[Problem]:
    for n, value in enumerate(values):
        where = f"{field}[{n}]" if phrases else field
        if not isinstance(value, str):
            yield _C.RECOGNITION_TEXT_INVALID, f"{where} is a {type(value).__name__}, not text"
            continue
        if not value.strip():
            yield _C.RECOGNITION_TEXT_BLANK, f"{where} is empty"
            continue
        if len(value) > LIMITS[field]:
            yield (
                _C.RECOGNITION_TEXT_TOO_LONG,
                f"{where} has {len(value)} characters (at most {LIMITS[field]})",
            )
        if phrases and not _meaningful(value):
            yield (
                _C.RECOGNITION_NO_WORDS,
                f"{where} {value!r} has only stop words: it can never match a need",
            )


def procedure_problems(procedure: Procedure) -> Iterator[Problem]:
    """The problems of one procedure's recognition data."""
    yield from _texts("keywords", procedure.keywords, phrases=True)
    yield from _texts("questions", procedure.questions, phrases=True)
    if len(procedure.keywords) > MAX_PHRASES or len(procedure.questions) > MAX_PHRASES:
        yield (
            _C.RECOGNITION_TEXT_TOO_LONG,
            f"more than {MAX_PHRASES} keywords or questions: the rest is not indexed",
        )
    if procedure.fiche_title is not None:
        yield from _texts("fiche_title", [procedure.fiche_title], phrases=False)
        if procedure.fiche_id is None:
            yield (
                _C.FICHE_TITLE_WITHOUT_FICHE,
                "fiche_title is set but fiche_id is not: name the fiche it was copied from",
            )
    if procedure.description:
        yield from _texts("description", [procedure.description], phrases=False)


def partner_problems(partner: Partner) -> Iterator[Problem]:
    """The problems of one partner's keywords (its recognition hints)."""
    yield from _texts("keywords", partner.keywords, phrases=True)
