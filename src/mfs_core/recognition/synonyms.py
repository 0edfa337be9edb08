"""Synonyms of the catalogue's words, from LibreOffice's French thesaurus: data with a source.

:file:`data/synonyms.tsv` holds, for each word recognition indexes (or its lemma), the
single-word synonyms the thesaurus lists (Debian ``mythes-fr`` 1:7.5.0-1, LGPL-2.1+; the
file's header names it; ``scripts/build_synonyms.py`` writes it). A need's word the index
does not hold in any other way may reach a catalogue word it is a synonym of, at a low
weight (:data:`~mfs_core.recognition.index.SYNONYM`): query expansion, which helps rank and
never alone decides (docs/recognition.md).
"""

from __future__ import annotations

import functools
from importlib import resources

__all__ = ["MAX_SYNONYMS", "synonyms"]

#: Synonyms read per headword: the thesaurus lists its senses in order, the first the
#: closest; the tail of a long entry strays into far senses (« retraite »: « abri »,
#: « logement »). All of an entry lowered tune top-1 by one more item (docs/recognition.md).
MAX_SYNONYMS = 20


@functools.cache
def synonyms() -> dict[str, tuple[str, ...]]:
    """Headword (lower case, accents kept) -> its synonyms, in the thesaurus's order."""
    text = resources.files(__package__).joinpath("data/synonyms.tsv").read_text("utf-8")
    found: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        head, _, listed = line.partition("\t")
        found[head] = tuple(listed.split("|")[:MAX_SYNONYMS])
    return found
