"""Need recognition: from what the resident says (French free text) to ranked procedures.

::

    from mfs_core.recognition import recogniser_for
    from mfs_core.registry import Registry

    recognition = recogniser_for(Registry.load()).recognise("j'ai perdu ma carte vitale")
    recognition.level          # Level.CONFIDENT
    recognition.best.procedure # 'cnam.carte-vitale'
    recognition.best.matched   # ('perdu', 'carte', 'vitale')

How it works, in small modules: :mod:`.normalise` (French normalisation, Snowball
stems), :mod:`.lexicon` (words residents use, as data with sources), :mod:`.index`
(BM25F over each procedure's fields), :mod:`.terms` (the need read into weighted terms),
:mod:`.scoring` (scores and order), :mod:`.placing` (the rules that place a candidate
higher, and why), :mod:`.twins`, :mod:`.decision` / :mod:`.confidence` (the level),
:mod:`.result` (what a recognition answers), :mod:`.ranking` (:class:`Recogniser`, the
stages in order) and :mod:`.rounding` (``round()``, faster). Measured on a corpus of real
phrasings (``tests/data/recognition/``) by ``scripts/evaluate_recognition.py``; see
``docs/recognition.md``.

Importing this package is light; PyStemmer and rapidfuzz are imported on first use, and
the index is built once per registry, on the first need recognised (:func:`recogniser_for`).
"""

from __future__ import annotations

import threading
import weakref
from typing import TYPE_CHECKING

from mfs_core.recognition.confidence import Level
from mfs_core.recognition.ranking import Recogniser
from mfs_core.recognition.result import (
    Candidate,
    Recognition,
    RequestAnswer,
    listed_answers,
    placed_in,
    requests_listed,
    shown_candidates,
)

if TYPE_CHECKING:
    from mfs_core.registry import Registry

__all__ = [
    "Candidate",
    "Level",
    "Recogniser",
    "Recognition",
    "RequestAnswer",
    "listed_answers",
    "placed_in",
    "recogniser_for",
    "requests_listed",
    "shown_candidates",
]

_BY_REGISTRY: weakref.WeakKeyDictionary[Registry, Recogniser] = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def recogniser_for(registry: Registry) -> Recogniser:
    """The :class:`Recogniser` of ``registry``: built on the first call, then reused for as
    long as the registry lives (its contributions never change once loaded)."""
    with _LOCK:
        found = _BY_REGISTRY.get(registry)
        if found is None:
            found = Recogniser(registry.procedures.values(), registry.partners)
            _BY_REGISTRY[registry] = found
        return found
