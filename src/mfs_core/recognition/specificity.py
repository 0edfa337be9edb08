"""Whether a need names a procedure, or only a word it also uses: the evidence a claim needs.

A word can be frequent in French and rare in the catalogue: « partir » is one word of the
keyword « partir à la retraite », « mariage » one of the life events listed in the title
« Déclaration de revenus : changement de situation (mariage, Pacs, divorce, naissance,
décès) ». Its inverse document frequency is high (few procedures hold it), so it may explain
a short need entirely, and the need « je veux partir » was claimed for the retirement request
at confidence 1.0. BM25's idf says how rare a word is among the procedures, not whether the
resident named this one.

So a claim (a confident recognition or a clarify question) also needs *specific* evidence
(:func:`names`): the words of the need (their stems, and the catalogue's wording of the
lexicon phrases they contain) must cover

- one of the procedure's keywords whole (a keyword is the partner's phrase for the
  procedure: « partir à la retraite », not « partir »); a keyword of one word only when the
  candidate explains at least :data:`ONE_WORD_KEYWORD` of the need (« mariage », a keyword of
  the tax return's change of situation, does not decide « mariage à la mairie »), or
- at least :data:`TITLE_SHARE` of the information (idf) of its title or of its fiche's title
  (« AAH → allocation aux adultes handicapés » says the whole title of the AAH).

A need that meets neither is shown (``weak``: suggestions), never decided on.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from mfs_core.model import Procedure
from mfs_core.recognition.normalise import tokens

__all__ = ["ONE_WORD_KEYWORD", "TITLE_SHARE", "Naming", "names", "naming_of"]

#: Share of a title's information (idf-weighted stems) the need must say for the title to
#: name the procedure. Tuned on the ``tune`` split only (docs/recognition.md).
TITLE_SHARE = 0.34
#: The confidence a candidate needs when the only keyword the need says whole is one
#: word: one word decides only when it is most of what the need says (« mariage à la
#: mairie » is half about something else). Tuned on the ``tune`` split only.
ONE_WORD_KEYWORD = 0.55


@attrs.frozen
class Naming:
    """The stems that name one procedure: each keyword's (a set), and each title's (the
    procedure's own and its fiche's) distinct stems with their idf, and the share of the
    title's idf a need must say (:data:`TITLE_SHARE` of its total)."""

    keywords: tuple[frozenset[str], ...]
    titles: tuple[tuple[tuple[tuple[str, float], ...], float], ...]


def _stems(text: object) -> tuple[str, ...]:
    if not isinstance(text, str):  # a plugin's bad value: reported by validation
        return ()
    return tuple(dict.fromkeys(t.stem for t in tokens(text)))


def naming_of(procedure: Procedure, idf: Mapping[str, float]) -> Naming:
    """The :class:`Naming` of ``procedure`` (keywords and titles read as the index reads
    them; ``idf``: the index's inverse document frequency per stem)."""
    keywords = procedure.keywords if isinstance(procedure.keywords, tuple | list) else ()
    found = (frozenset(_stems(k)) for k in keywords)
    titles = []
    for title in (procedure.title, procedure.fiche_title):
        weighted = tuple((stem, idf.get(stem, 0.0)) for stem in _stems(title))
        total = sum(weight for _, weight in weighted)
        if total:
            titles.append((weighted, TITLE_SHARE * total))
    return Naming(tuple(k for k in found if k), tuple(titles))


def names(naming: Naming, said: frozenset[str] | set[str], confidence: float) -> bool:
    """Whether the stems ``said`` name the procedure of ``naming`` (see the module
    docstring); ``confidence``: the candidate's (0-1)."""
    for keyword in naming.keywords:
        if (len(keyword) > 1 or confidence >= ONE_WORD_KEYWORD) and keyword <= said:
            return True
    for weighted, needed in naming.titles:
        if sum(weight for stem, weight in weighted if stem in said) >= needed:
            return True
    return False
