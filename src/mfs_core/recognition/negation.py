"""Which words of a need are said under a French negation: « je ne suis *pas agriculteur* ».

Recognition reads a need as a bag of words; negation particles are stop words. That is
harmless for the subject (« je n'ai plus de mutuelle » still asks about the complémentaire
santé solidaire) but not for a partner hint: « je ne suis pas agriculteur, je veux le RSA »
named the MSA. So a partner hint said under a negation is not evidence for its partner
(:meth:`~mfs_core.recognition.Recogniser.recognise`); the need's other words count as
before.

Kept simple, on purpose (``docs/recognition.md``, Limits): a word is negated when it is the
first meaningful word after « pas », « plus » (only after « ne »/« n' » in the same clause:
« plus de 60 ans » is not a negation), « jamais », « aucun », « aucune », « rien », « ni »,
« sans », « hors » or « sauf », in the same clause (up to a punctuation mark , ; : . ! ? or
a bracket, or a word that starts another clause: « mais », « et », « car », « donc »,
« puis », « alors », « parce », « si », « sinon », « quand », « lorsque »). Only that word:
« je ne suis pas *agriculteur* », « pas à la *CAF* », « prime d'activité hors *MSA* » — but
in « je n'ai pas *reçu* mon RSA de la MSA » or « je n'arrive pas à *joindre* la MSA » the
verb is negated and the MSA is still the partner the resident names (a scope to the end of
the clause sent those needs to the CAF). Words before the particle are not negated (« ne »
alone negates nothing; « été », « être », « étant » pass it on: « jamais été *exploitant
agricole* », and so do « affilié(e) », « rattaché(e) »: « pas affiliée à la *MSA* »; not
« inscrit(e) »: « je ne suis plus inscrit à Pôle emploi » is about registering, its refused
word). No double negation.

Spoken French drops « ne » (issue-14j): « pas », « jamais », « aucun »… negate alone
already; « plus » alone negates right after a conjugated verb with its subject pronoun
(« je suis *plus* agriculteur », « j'ai *plus* de mutuelle », « jsuis *plus* à la CAF »),
not before a number or « que » (« j'ai plus de 60 ans », « je gagne plus que lui »): the
grammar of *ne* omission (Grevisse, *Le Bon Usage* § 1024; the written « plus » of
comparison is followed by its complement). « non » negates the next word (« prime
d'activité *non* MSA »), and a clause that is « non » alone answers the question before
it: every word of that question is negated (« agriculteur ? non, je veux le RSA »), and so
does a « non » alone after a colon (« agriculteur : non », review 35).
"""

from __future__ import annotations

import functools
import re

from mfs_core.recognition.normalise import (
    _WORD,
    WORD_CACHE_ENTRIES,
    _analysis,
    _clean,
    _cut,
    _stop_phrase_positions,
)

__all__ = ["negated_positions", "passive_positions", "refused_positions"]

#: Particles that negate what follows them in the clause.
_NEGATORS = frozenset(
    ("pas", "jamais", "aucun", "aucune", "rien", "ni", "sans", "hors", "sauf", "non")
)
#: Particles that negate only after « ne » / « n' » in the same clause.
_AFTER_NE = frozenset(("plus", "guere", "point"))
#: Subject pronouns (accent-free; « j' » is read from the elision): a verb after one is
#: conjugated, and « plus » right after that verb negates without « ne » in speech.
_SUBJECTS = frozenset(("je", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles"))
#: A verb and its subject said as one word in speech (« jsuis », « chuis »).
_SUBJECT_VERBS = frozenset(("jsuis", "chuis", "jai", "jsui"))
#: After « plus », words that make it a comparison, not a negation (« plus que »).
_COMPARED = frozenset(("que", "qu"))
#: The answer that negates the question before it (« agriculteur ? non »).
_NO = "non"
#: Words that start another clause: the negation stops there.
_CLAUSE = frozenset(
    ("mais", "et", "car", "donc", "puis", "alors", "parce", "si", "sinon", "quand", "lorsque")
)
#: Forms of « être » between a particle and what it negates (« je n'ai jamais été
#: exploitant agricole »): they do not take the negation.
_COPULA = frozenset(("ete", "etre", "etant"))
#: Participles of membership that pass the negation on to the body named after them:
#: « je ne suis pas *affiliée* à la MSA » denies the MSA (review 35: the MSA was claimed).
#: « inscrit(e) » is left out: « je ne suis plus inscrit à Pôle emploi » asks to register.
_MEMBERSHIP = frozenset(
    (
        "affilie",
        "affiliee",
        "affilies",
        "affiliees",
        "rattache",
        "rattachee",
        "rattaches",
    )
)
_PUNCTUATION = re.compile(r"[,;:.!?()\[\]]")


#: (accent-free word, stem or ``None``, the elided pronoun before it: « n », « j », « m » or "",
#: the punctuation after it: "?" for a question, another mark, or "").
_Read = tuple[str, "str | None", str, str]
#: What :func:`_chunk` gave for each chunk seen (bounded: emptied when full), as
#: :mod:`~mfs_core.recognition.normalise` remembers its analysis: a counter hears the same
#: words all day.
_CHUNKS: dict[str, tuple[_Read, ...]] = {}


def _chunk(chunk: str) -> tuple[_Read, ...]:
    """Each word of one chunk of text between white space, as
    :func:`~mfs_core.recognition.normalise.meaningful` reads it (see :data:`_Read`);
    remembered."""
    known = _CHUNKS.get(chunk)
    if known is not None:
        return known
    found: list[_Read] = []
    analysed = iter(_analysis(chunk)[0])
    cleaned = _clean(chunk)
    matches = list(_WORD.finditer(cleaned))
    for n, match in enumerate(matches):
        end = matches[n + 1].start() if n + 1 < len(matches) else len(cleaned)
        stop = _mark(cleaned[match.end() : end])
        token = match.group()
        parts = _cut(token) if "'" in token else [token]
        elided = token[0] if token[1:2] == "'" and token[0] in "njm" else ""
        for k in range(len(parts)):
            _, plain, stem = next(analysed)
            found.append(
                (plain, stem, elided if k == 0 else "", stop if k == len(parts) - 1 else "")
            )
    if len(_CHUNKS) >= WORD_CACHE_ENTRIES:
        _CHUNKS.clear()
    _CHUNKS[chunk] = result = tuple(found)
    return result


def _mark(between: str) -> str:
    """The punctuation in ``between`` two words: "?" when a question ends there."""
    if "?" in between:
        return "?"
    found = _PUNCTUATION.search(between)
    return found.group() if found else ""


def _words(text: str) -> list[_Read]:
    """Every word of ``text`` (see :func:`_chunk`); punctuation standing alone between
    spaces (« agriculteur ? non ») ends the word before it."""
    found: list[_Read] = []
    for chunk in text.split():
        reads = _chunk(chunk)
        if reads:
            found.extend(reads)
        elif found and (mark := _mark(_clean(chunk))):
            plain, stem, elided, stop = found[-1]
            found[-1] = (plain, stem, elided, "?" if "?" in (stop, mark) else stop or mark)
    return found


def negated_positions(text: str) -> frozenset[int]:
    """Positions, among the meaningful words of ``text`` (as
    :func:`~mfs_core.recognition.normalise.meaningful` numbers them), of those said under
    a negation (see the module docstring). ``text`` is read up to the same limit."""
    return _negations(text)[0]


def refused_positions(text: str) -> frozenset[int]:
    """Positions (as :func:`negated_positions`) of the words a verb's negation refuses:
    the word right after « pas », « plus », « jamais », « guère » or « point », with no
    word between (« je ne veux pas *renouveler* mon passeport », « je n'ai pas *perdu* ma
    carte »). A noun is negated through « de » (« je n'ai plus de mutuelle »: the need is
    about the mutuelle) and « sans », « ni », « aucun » describe the situation (« sans
    emploi »): those stay; so does the verb after « pouvoir » (« je ne peux pas *payer* »:
    what cannot be done is the need). Recognition leaves a refused word out of the need unless it is
    a word of how a request is asked (« je n'ai pas *reçu* ma carte » asks about the
    card): :meth:`~mfs_core.recognition.Recogniser.recognise` (issue-14n, review finding 8)."""
    return _negations(text)[1]


def passive_positions(text: str) -> frozenset[int]:
    """Positions (as :func:`negated_positions`) of the words the resident says of
    themself in the passive: right after « été » whose auxiliary is in the first or second
    person (« j'ai été », « je n'ai pas été », « nous avons été », « vous n'avez jamais
    été »). « je n'ai pas *été payé* » tells what the resident was not paid, where « je ne
    peux pas payer » tells what the resident cannot pay, and « mon impôt n'a pas été
    payé » what was not paid of the tax (a lexicon expansion marked ``active``:
    :class:`~mfs_core.recognition.lexicon.Expansion`). The same holds for a verb whose
    object is the resident, said by another (stop 40: « la DGFiP *me réclame* de
    l'argent », « mon employeur ne *m'a* pas *payé* »): right after « me » / « m' », or
    after its auxiliary and a negation, when no « je » said it of itself (« je me … »)."""
    return _negations(text)[2]


#: The auxiliary « avoir » in the first and second persons, before « été »: the resident
#: speaking of themself (or addressed).
_OWN_AUXILIARY = frozenset(("ai", "avons", "avez", "as"))
#: What may stand between that auxiliary and « été » (« je n'ai *toujours pas* été payé »).
_BETWEEN_AUXILIARY = frozenset(("pas", "jamais", "plus", "toujours", "encore", "point", "guere"))


#: The object pronoun of the resident: « me », or « m' » elided before the verb.
_OWN_OBJECT = "me"
#: What may stand between that pronoun and the verb: the auxiliary « avoir » of another
#: (« il m'*a* réclamé », « ils m'*ont* payé ») and a negation's particles.
_BETWEEN_OBJECT = frozenset(("a", "ont", "avait", "avaient", "aura", "auront")) | _BETWEEN_AUXILIARY


def _own_object(found: list[_Read], n: int) -> bool:
    """Whether the word at ``n`` is a verb whose object is the resident, said by another:
    right after « me » (or a word « m' » is elided before), with only
    :data:`_BETWEEN_OBJECT` words between, and no « je » right before that pronoun (« je
    me … » is the resident's own doing; « ne » may stand between)."""
    for back in range(n - 1, max(n - 5, -1), -1):
        plain, _, elided, _ = found[back]
        if plain == _OWN_OBJECT or elided == "m":
            before = back - 1
            if before >= 0 and found[before][0] == "ne":
                before -= 1
            return before < 0 or (found[before][0] != "je" and found[before][2] != "j")
        if plain not in _BETWEEN_OBJECT:
            return False
    return False


def _own_passive(found: list[_Read], n: int) -> bool:
    """Whether the word at ``n`` follows « été » whose auxiliary, before it, is one of
    :data:`_OWN_AUXILIARY` (with only :data:`_BETWEEN_AUXILIARY` words between)."""
    if n < 2 or found[n - 1][0] != "ete":
        return False
    for back in range(n - 2, max(n - 6, -1), -1):
        plain = found[back][0]
        if plain in _OWN_AUXILIARY:
            return True
        if plain not in _BETWEEN_AUXILIARY:
            return False
    return False


#: Forms of « pouvoir » (and « arriver », « réussir ») before the particle: the negated
#: verb is what the resident cannot do, the need itself.
_UNABLE = frozenset(
    (
        "peux",
        "peut",
        "pouvons",
        "pouvez",
        "peuvent",
        "pouvais",
        "pouvait",
        "pourrai",
        "pourrais",
        "pourrait",
        "pu",
        "arrive",
        "arrivons",
        "reussis",
        "reussit",
    )
)
#: The particles after which the next word, said right after, is the negated verb.
_VERB_NEGATORS = frozenset(("pas", "plus", "jamais", "guere", "point"))


@functools.lru_cache(maxsize=4_096)
def _negations(text: str) -> tuple[frozenset[int], frozenset[int], frozenset[int]]:
    """:func:`negated_positions`, :func:`refused_positions` and :func:`passive_positions`
    of ``text``."""
    from mfs_core.recognition.normalise import MAX_TEXT_CHARS

    found = _words(text[:MAX_TEXT_CHARS])
    plains = [plain for plain, _, _, _ in found]
    skip = _stop_phrase_positions(plains)
    negated: set[int] = set()
    refused: set[int] = set()
    passive: set[int] = set()
    position = 0
    ne = under = adjacent = False
    clause: list[int] = []  # the meaningful positions of the current clause
    asked: list[int] = []  # those of the question just ended (« agriculteur ? »)
    asked_mark = ""  # the mark that ended it: "?" or ":"
    first = True  # the word starts a clause
    for n, (plain, stem, elided, stop) in enumerate(found):
        if plain in _CLAUSE:
            ne = under = False
        if elided == "n" or plain == "ne":
            ne = True
        if first and plain == _NO and asked and (asked_mark == "?" or _alone(found, n)):
            # « non » answers the question before it; after a colon only when it is the
            # whole answer (« agriculteur : non », not « carte vitale : non reçue »).
            negated.update(asked)
        if stem is not None and n not in skip:
            if under and plain not in _COPULA and plain not in _MEMBERSHIP:
                negated.add(position)
                if adjacent:
                    refused.add(position)
                under = False  # the first meaningful word only: what is negated
            if _own_passive(found, n) or _own_object(found, n):
                passive.add(position)
            clause.append(position)
            position += 1
        negator = plain in _NEGATORS or (plain in _AFTER_NE and (ne or _spoken(found, n)))
        # « je ne peux pas payer »: not being able is the need, not a refusal of it.
        unable = n > 0 and found[n - 1][0] in _UNABLE
        adjacent = negator and plain in _VERB_NEGATORS and not stop and not unable
        if negator:
            under = True
        first = bool(stop)
        if stop:
            ne = under = False
            asked = clause if stop in "?:" else []
            asked_mark = stop
            clause = []
    return frozenset(negated), frozenset(refused), frozenset(passive)


def _alone(found: list[_Read], n: int) -> bool:
    """Whether the word at ``n`` is a clause by itself: the last word, or punctuation
    right after it."""
    return n == len(found) - 1 or bool(found[n][3])


def _spoken(found: list[_Read], n: int) -> bool:
    """Whether « plus » at ``n`` negates without « ne »: right after a verb that follows
    its subject pronoun (or says it: « jsuis »), and not before « que » or a number."""
    if n == 0:
        return False
    verb, _, elided, _ = found[n - 1]
    subject = elided == "j" or verb in _SUBJECT_VERBS or (n > 1 and found[n - 2][0] in _SUBJECTS)
    if not subject:
        return False
    after = [plain for plain, _, _, _ in found[n + 1 : n + 3]]
    if after[:1] and after[0] in _COMPARED:
        return False
    return not any(word[:1].isdigit() for word in after)
