"""The JSON documents both the ``mfs`` command (``--format json``) and the HTTP service
(:mod:`mfs_core.serve`) give: one function per document, so the two never drift apart.

Decisions, procedures and compliance reports have their own JSON Schemas in
``mfs_core/schemas/``; the documents here are built from the same models.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from mfs_core.hookspecs import HOOKS

if TYPE_CHECKING:
    from mfs_core.model import Procedure
    from mfs_core.recognition import Recognition
    from mfs_core.registry import Registry

__all__ = [
    "PROCEDURES_SCHEMA_VERSION",
    "RECOGNITION_SCHEMA_VERSION",
    "plugins_document",
    "procedures_document",
    "recognition_document",
]

#: Version of the procedures document (``mfs_core/schemas/procedures.schema.json``).
PROCEDURES_SCHEMA_VERSION = 1
#: Version of the recognition document (``mfs recognise --format json``, ``POST
#: /recognise``, the ``recognition`` of ``GET /procedures?q=``). 2 (issue-14m): adds
#: ``several`` and ``partner_only``, which version 1 left out.
RECOGNITION_SCHEMA_VERSION = 2


def procedures_document(procedures: Iterable[Procedure]) -> dict[str, Any]:
    """``{"schema_version": 1, "procedures": [...]}``, each procedure as the converter
    writes it (``procedures.schema.json``)."""
    from mfs_core.converter import unstructure

    return {
        "schema_version": PROCEDURES_SCHEMA_VERSION,
        "procedures": [unstructure(p) for p in procedures],
    }


def recognition_document(recognition: Recognition, limit: int) -> dict[str, Any]:
    """What need recognition concluded, with its first ``limit`` candidates: level
    (``confident``, ``ambiguous``, ``weak``, ``none``), how many candidates are ``chosen``
    (close ones to ask about), ``several`` (``true`` when the need joins several requests:
    the ``chosen`` candidates answer them, request after request in the order said, not
    close alternatives of one request), ``partner_only`` (the partner code when the need
    names only a partner, « la CAF »: the candidates are its most general procedures, with
    score and confidence 0; else ``null``), ``requests`` (for ``several``: how many
    requests the need was read as, more than those listed when some are not; else 0), and
    each candidate's score, confidence (0-1), the words that matched and ``placed``: why a
    rule lists it above a shown candidate of higher score (``subject``, ``head``,
    ``twins``, ``asked``, ``requests``, ``described``, ``question``), else ``null``.

    For ``several`` (issue-14aj): ``answers``, one object per request in the order said,
    ``{"request": n, "level": ..., "chosen": k, "withheld": ...}`` (its own level, how
    many of its candidates the recognition holds: 0 when nothing was recognised for it,
    and for a ``weak`` request only shown, why: ``words``, else ``null``), and each
    candidate's ``request``, the number of the request it answers (``null`` for the whole
    need's other candidates). ``chosen`` is then the answering candidates shown: when they
    do not all fit in ``limit``, each request's first comes before any request's second
    (:func:`~mfs_core.recognition.shown_candidates`). ``answers`` is ``[]`` otherwise.

    ``withheld`` (issue-14bc): why a ``weak`` recognition whose best candidate explains
    enough of the need to be claimed only suggests it: ``account`` (one sentence of a long
    account claims it, the whole names nothing), ``words`` (the need's words reach it
    without naming it), ``requests`` (they belong to two requests of the need, none of
    which reaches it alone); ``null`` otherwise."""
    from mfs_core.recognition import placed_in, shown_candidates

    shown = shown_candidates(recognition, limit)
    several = recognition.several
    return {
        "schema_version": RECOGNITION_SCHEMA_VERSION,
        "level": recognition.level.value,
        "chosen": sum(c.request is not None for c in shown) if several else recognition.chosen,
        "several": several,
        "partner_only": recognition.partner_only,
        "requests": recognition.requests,
        "answers": [
            {
                "request": a.number,
                "level": a.level.value,
                "chosen": a.chosen,
                "withheld": a.withheld,
            }
            for a in recognition.answers
        ],
        "withheld": recognition.withheld,
        "candidates": [
            {
                "procedure": c.procedure,
                "partner": c.partner,
                "title": c.title,
                "score": c.score,
                "confidence": c.confidence,
                "matched": list(c.matched),
                "placed": placed,
                "request": c.request,
            }
            for c, placed in zip(shown, placed_in(shown), strict=True)
        ],
    }


def plugins_document(registry: Registry) -> dict[str, Any]:
    """The loaded plugins, what each contributes and its load errors; and the registry's
    warnings (``mfs plugins --format json``)."""
    return {
        "plugins": [
            {
                "name": p.name,
                "distribution": p.distribution,
                "version": p.version,
                "builtin": p.builtin,
                "loaded": p.loaded,
                **{hook.plural: p.count(hook.plural) for hook in HOOKS},
                "errors": [str(f) for f in p.faults],
            }
            for p in registry.plugins
        ],
        "warnings": list(registry.warnings),
    }
