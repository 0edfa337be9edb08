"""Checks of the recognition data a plugin contributes, for ``mfs plugins --check``.

:func:`procedure_problems` and :func:`partner_problems` return ``(code, message)`` pairs, each
code a :class:`~mfs_core.contract.ContributionCode`; :mod:`mfs_core.validation` turns them
into findings naming the plugin. Codes:

============================ ===============================================================
recognition-text-blank       a keyword, question or fiche title is empty or only spaces
recognition-text-invalid     a keyword, question, fiche title or description is not text,
                             or holds a control or bidirectional character or half of a
                             surrogate pair
recognition-no-words         a keyword or question is made only of stop words: it can never
                             match (« de la », « non »)
recognition-text-too-long    a keyword, question, fiche title or description is longer than
                             :data:`LIMITS` allows (recognition reads the start only), or a
                             procedure's keywords or questions hold more than
                             :data:`~mfs_core.recognition.index.MAX_FIELD_CHARS` characters,
                             or its texts more than
                             :data:`~mfs_core.recognition.index.MAX_PROCEDURE_WORDS` distinct
                             words (the rest is not indexed)
related-question-also-own    a question title is in both ``questions`` and
                             ``related_questions``
fiche-title-without-fiche    ``fiche_title`` is set but ``fiche_id`` is not: a fiche title is
                             copied from a fiche, which must be named
recognition-keyword-foreign  a keyword names another partner (its code, an acronym of its
                             name, one of its keywords or of the lexicon's words for it), or,
                             of :data:`SENTENCE_WORDS` words or more, holds whole a keyword or
                             title of another partner's procedure and nothing of its own
                             procedure's title or description (:func:`foreign_keywords`)
============================ ===============================================================

Light: no stemming, only the normaliser's word split and stop words; except
:func:`foreign_keywords`, which compares stems across the whole registry.

Keyword stuffing (issue-14n, review finding 9): a procedure « Service payant » with the keyword
« j'ai perdu ma carte vitale » ranked first on that need, ahead of the CPAM's Carte Vitale; a
partner whose keywords are « caf », « ameli » was listed on « la CAF ». Recognition cannot tell
such a keyword from an honest one, so the contract check reports it, under its own code, and
``mfs plugins --check`` fails (exit 1) as for any finding; the registry keeps the item (it is
not malformed: a partner may have a reason, written in a comment, and the finding is then the
reviewer's to weigh). A keyword a partner uses for its own procedure, or that also says what its
own procedure is (« aide au permis de conduire » of France Travail's permis aid holds the
Intérieur's « permis de conduire » and « aide », a word of its own title), is not reported.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence

from mfs_core.contract import ContributionCode
from mfs_core.model import Partner, Procedure
from mfs_core.recognition.index import (
    FIELD_WEIGHTS,
    MAX_FIELD_CHARS,
    MAX_PHRASES,
    MAX_PROCEDURE_WORDS,
)
from mfs_core.recognition.normalise import fold, stop_words, tokens, words

__all__ = [
    "LIMITS",
    "SENTENCE_WORDS",
    "foreign_keyword_positions",
    "foreign_keywords",
    "partner_problems",
    "procedure_problems",
]

#: Longest text per field (characters).
LIMITS = {
    "keywords": 100,
    "questions": 300,
    "related_questions": 300,
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
        if (control := _CONTROL.search(value)) is not None:
            # Said by its code point only: the text is the plugin's, the character may act
            # on the terminal that shows this finding.
            yield (
                _C.RECOGNITION_TEXT_INVALID,
                f"{where} holds U+{ord(control.group()):04X} (a control or bidirectional "
                "character, or half of a surrogate pair): not text a need can say",
            )
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


#: A character no need holds: C0 and C1 controls, bidirectional controls, surrogates.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _distinct_words(procedure: Procedure) -> int:
    """About how many distinct meaningful words the procedure's texts hold (lower case, stop
    words left out; without stemming, as the index reads them before it stems)."""
    stops = stop_words()
    found: set[str] = set()
    # the fields the index reads (related questions: in the questions field)
    for field in (*FIELD_WEIGHTS, "related_questions"):
        value = getattr(procedure, field)
        for text in [value] if isinstance(value, str) else value or ():
            if isinstance(text, str):
                found.update(w for w in words(text) if len(w) >= 2 and fold(w) not in stops)
    return len(found)


def procedure_problems(procedure: Procedure) -> Iterator[Problem]:
    """The problems of one procedure's recognition data."""
    yield from _texts("keywords", procedure.keywords, phrases=True)
    yield from _texts("questions", procedure.questions, phrases=True)
    # Not searched, but held to the same form: they are a fiche's titles all the same.
    yield from _texts("related_questions", procedure.related_questions, phrases=True)
    # A fiche's related questions are searched in the same field as its own (issue-14al).
    asked = (*_listed(procedure.questions), *_listed(procedure.related_questions))
    if len(procedure.keywords) > MAX_PHRASES or len(asked) > MAX_PHRASES:
        yield (
            _C.RECOGNITION_TEXT_TOO_LONG,
            f"more than {MAX_PHRASES} keywords or questions (own and related): the rest is "
            "not indexed",
        )
    yield from _both_lists(procedure)
    for field, values in (("keywords", procedure.keywords), ("questions", asked)):
        size = sum(len(v) for v in values if isinstance(v, str))
        if size > MAX_FIELD_CHARS:
            yield (
                _C.RECOGNITION_TEXT_TOO_LONG,
                f"{field} hold {size} characters in all: recognition reads their first "
                f"{MAX_FIELD_CHARS}",
            )
    if (count := _distinct_words(procedure)) > MAX_PROCEDURE_WORDS:
        yield (
            _C.RECOGNITION_TEXT_TOO_LONG,
            f"about {count} distinct words: recognition indexes the first "
            f"{MAX_PROCEDURE_WORDS} (keywords first)",
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


def _listed(value: object) -> tuple[object, ...]:
    """A list field's items (a plugin's object is not validated on its way in)."""
    return tuple(value) if isinstance(value, tuple | list) else ()


def _both_lists(procedure: Procedure) -> Iterator[Problem]:
    """A question title listed both as the procedure's own and as related: one decision
    contradicts the other (it would be searched all the same)."""
    own = {q for q in procedure.questions if isinstance(q, str)}
    for n, question in enumerate(procedure.related_questions):
        if isinstance(question, str) and question in own:
            yield (
                _C.RELATED_QUESTION_ALSO_OWN,
                f"related_questions[{n}] is also in questions: say whether it asks for this "
                "procedure (questions) or about another subject (related_questions)",
            )


def partner_problems(partner: Partner) -> Iterator[Problem]:
    """The problems of one partner's keywords (its recognition hints)."""
    yield from _texts("keywords", partner.keywords, phrases=True)


#: Meaningful words from which a procedure keyword is a sentence (a need as said), which
#: must not hold another partner's procedure name-phrase alone.
SENTENCE_WORDS = 3
_ACRONYMS = re.compile(r"\(([^()]*)\)")


def _stemmed(text: object) -> frozenset[str]:
    return frozenset(t.stem for t in tokens(text)) if isinstance(text, str) else frozenset()


def _partner_names(
    partner: Partner, hints: Sequence[tuple[tuple[str, ...], str]]
) -> set[frozenset[str]]:
    """The stems of each way to name ``partner``: its code, its name without brackets, each
    acronym in brackets (« Caisse d'allocations familiales (CAF) »), and the lexicon's words
    for it (``hints``: stems and partner code). Its own keywords are added by
    :func:`foreign_keywords` once checked (a partner's keyword « impôts » must not make
    the DGFiP's keyword « impôt » name that partner)."""
    found = {_stemmed(partner.code.replace("-", " ")), _stemmed(_ACRONYMS.sub(" ", partner.name))}
    for bracket in _ACRONYMS.findall(partner.name):
        found.update(_stemmed(part) for part in bracket.split(","))
    found.update(frozenset(said) for said, code in hints if code == partner.code)
    found.discard(frozenset())
    return found


def field_phrases(values: Iterable[object]) -> list[str]:
    """The text values of a keywords field, at most :data:`MAX_PHRASES`: each keyword the
    index may read, and those past :data:`MAX_FIELD_CHARS`, which it leaves out but a
    plugin still wrote (the foreign-keyword check reports them too)."""
    return [v for v in list(values)[:MAX_PHRASES] if isinstance(v, str)]


def foreign_keywords(
    procedures: Iterable[Procedure],
    partners: Mapping[str, Partner],
    hints: Sequence[tuple[tuple[str, ...], str]] = (),
) -> Iterator[tuple[str, Problem]]:
    """Per keyword that speaks for another partner (see the module docstring): the subject
    (a procedure id, or a partner code) and its ``recognition-keyword-foreign`` problem.
    ``hints``: the lexicon's partner words (stems, partner code). The message names the
    field and the other partner, not the keyword (a plugin's data may be anything)."""
    for subject, position, other in foreign_keyword_positions(procedures, partners, hints):
        yield subject, _foreign_problem(f"keywords[{position}]", other)


def foreign_keyword_positions(
    procedures: Iterable[Procedure],
    partners: Mapping[str, Partner],
    hints: Sequence[tuple[tuple[str, ...], str]] = (),
) -> Iterator[tuple[str, int, str]]:
    """What :func:`foreign_keywords` reports, as (subject, the keyword's position in its
    ``keywords``, the other partner's code): recognition leaves such keywords out."""
    procedures = list(procedures)
    names = {code: _partner_names(p, hints) for code, p in partners.items()}
    # Each partner's procedure names: keywords and titles, by partner.
    said_by: dict[str, set[frozenset[str]]] = {}
    for procedure in procedures:
        phrases = said_by.setdefault(procedure.partner, set())
        phrases.update(_stemmed(k) for k in field_phrases(procedure.keywords))
        phrases.update(_stemmed(t) for t in (procedure.title, procedure.fiche_title))
        phrases.discard(frozenset())
    for code, partner in sorted(partners.items()):
        kept = set()
        for n, keyword in enumerate(field_phrases(partner.keywords)):
            stems = _stemmed(keyword)
            other = _foreign_partner_keyword(stems, code, names, said_by)
            if other:
                yield code, n, other
            elif stems:
                kept.add(stems)
        names[code] = names[code] | kept
    # The name-phrases of two words or more, each under its rarest stem: a keyword is
    # compared with the phrases whose rarest stem it says, not with every phrase (a plugin's
    # thousands of keywords cost about their number).
    longer = [(code, p) for code, phrases in sorted(said_by.items()) for p in phrases if len(p) > 1]
    counts = Counter(stem for _, phrase in longer for stem in phrase)
    by_stem: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for code, phrase in longer:
        rarest = min(phrase, key=lambda stem: (counts[stem], stem))
        by_stem.setdefault(rarest, []).append((code, phrase))
    for procedure in procedures:
        own = _stemmed(procedure.title) | _stemmed(procedure.fiche_title)
        own |= _stemmed(procedure.description)
        for n, keyword in enumerate(field_phrases(procedure.keywords)):
            other = _foreign(_stemmed(keyword), procedure.partner, names, by_stem, own)
            if other:
                yield procedure.id, n, other


def _named_partner(
    keyword: frozenset[str], partner: str, names: Mapping[str, set[frozenset[str]]]
) -> str:
    """The other partner whose name (one of ``names``) ``keyword`` holds, "" when none."""
    for code in sorted(names):
        if code != partner and any(name <= keyword for name in names[code]):
            return code
    return ""


def _foreign_partner_keyword(
    keyword: frozenset[str],
    partner: str,
    names: Mapping[str, set[frozenset[str]]],
    said_by: Mapping[str, set[frozenset[str]]],
) -> str:
    """The other partner a partner's keyword speaks for: it names it, or it *is* one of its
    procedures' keywords or titles (« impots »: a hint for all this partner's procedures
    would draw that partner's needs); "" when none."""
    if not keyword:
        return ""
    found = _named_partner(keyword, partner, names)
    if found:
        return found
    return next((c for c in sorted(said_by) if c != partner and keyword in said_by[c]), "")


def _foreign(
    keyword: frozenset[str],
    partner: str,
    names: Mapping[str, set[frozenset[str]]],
    by_stem: Mapping[str, list[tuple[str, frozenset[str]]]],
    own: frozenset[str],
) -> str:
    """The other partner a procedure's keyword speaks for, "" when none: it names it, or,
    a sentence (:data:`SENTENCE_WORDS` words or more: « j'ai perdu ma carte vitale ») with
    no word of its own procedure's title or description (``own``), it holds one of its
    name-phrases of two words or more (``by_stem``)."""
    if not keyword:
        return ""
    found = _named_partner(keyword, partner, names)
    if found or len(keyword) < SENTENCE_WORDS or keyword & own:
        return found
    codes = {
        code
        for stem in keyword
        for code, phrase in by_stem.get(stem, ())
        if code != partner and phrase <= keyword
    }
    return min(codes, default="")


def _foreign_problem(where: str, other: str) -> Problem:
    return (
        _C.RECOGNITION_KEYWORD_FOREIGN,
        f"{where} names the partner {other!r} or one of its procedures: a keyword says what "
        "this partner's own procedure is (it would draw the other partner's needs)",
    )
