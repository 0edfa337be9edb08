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
  the tax return's change of situation, does not decide « mariage à la mairie »), and, when
  that word is a common French word (``data/common.txt``, :func:`~mfs_core.recognition.
  normalise.common_words`), only with another of the procedure's keywords said too or its
  partner named (« décès » is one of the five life events the change of situation lists,
  and « DECLARATION DÉCÈS » is the death declared at the town hall; « difficultés pour
  payer », « retraite » + « agriculteur » still name theirs); and a keyword of one word
  that more than :data:`SHARED` fiches hold only in their question titles or description
  (:func:`widespread_stems`) not when it is all the need says, words of how a request is
  asked apart (« quel est le délai ? »: « délai » is the délai de paiement's keyword and a
  word of eight other fiches' questions; claimed for it before issue-14bc), or
- at least :data:`TITLE_SHARE` of the information (idf) of its title or of its fiche's title
  (« AAH → allocation aux adultes handicapés » says the whole title of the AAH), in at
  least :data:`TITLE_WORDS` distinct words of that title, one of them not a word of how a
  request is asked (``data/generic.txt``). One word of a title is a word the procedure
  uses, not its name: « calcul » is a quarter of « Calcul du montant de l'impôt
  (simulateur) » but « calcul de ma retraite » is not about tax; « démarches à
  effectuer » is two words of « Accident du travail : démarches à effectuer » but says
  only how, not what.

A need that meets neither is shown (``weak``: suggestions), never decided on.

A claim must also tell its procedure from its *rivals* (:func:`rivals_of`): the specific
(not generic) words said of its name do not name the procedure when another fiche's
name-phrases (titles or keywords of two words or more) that the need also says whole hold
them all. « Changement de propriétaire de carte grise » says the keyword « carte
grise » of the address change, and « changement », « carte », « grise » of its title
« Carte grise : changement d'adresse »; but « carte grise » is also a keyword of the
second-hand registration, said whole, and the only word left to tell the address change
from it, « changement », says how, not what. Such a need is asked about (``clarify``
among the candidates its words name), never claimed for one of them (issue-14n, review
finding 1).
"""

from __future__ import annotations

import operator
from collections.abc import Mapping, Sequence

import attrs

from mfs_core.model import Procedure
from mfs_core.recognition.index import field_texts, read_title
from mfs_core.recognition.normalise import common_words, tokens

__all__ = [
    "KEYWORD_FICHES",
    "ONE_WORD_KEYWORD",
    "SHARED",
    "SPLIT",
    "STRONG_FIELDS",
    "TITLE_SHARE",
    "TITLE_WORDS",
    "NamePhrases",
    "Naming",
    "holders",
    "name_phrases",
    "names",
    "naming_of",
    "rivalled",
    "rivals_of",
    "split_share",
    "widespread_stems",
]

#: Share of a title's information (idf-weighted stems) the need must say for the title to
#: name the procedure. Tuned on the ``tune`` split only (docs/recognition.md).
TITLE_SHARE = 0.34
#: The confidence a candidate needs when the only keyword the need says whole is one
#: word: one word decides only when it is most of what the need says (« mariage à la
#: mairie » is half about something else). Tuned on the ``tune`` split only.
ONE_WORD_KEYWORD = 0.55
#: Distinct stems of a title the need must say for the title to name the procedure
#: (issue-14j: a lone title word claimed 81 of 348 title words said alone).
TITLE_WORDS = 2
#: Share of the need's information, in words of other procedures' names the best candidate
#: does not explain, from which a need its best candidate reaches by one word only is not
#: decided on (:func:`split_share`). Tuned on the ``tune`` split only (docs/recognition.md).
SPLIT = 0.35
#: The index's field ranks that name a procedure: keywords, title, fiche title
#: (:data:`~mfs_core.recognition.index.FIELD_WEIGHTS`' order); a question title or a
#: description also speaks of neighbouring matters.
STRONG_FIELDS = 3
#: A keyword that more than this many fiches hold whole (in their keywords or a title)
#: names none of them: « permis de conduire » is a keyword of the category extension and
#: words of five other fiches' titles. Among the fiches of the partner the need names, the
#: same count (« retraite » + « agriculteur »: the MSA's one retirement fiche). Tuned on
#: the ``tune`` split only (docs/recognition.md).
SHARED = 3
#: A keyword of two words or more that at most this many fiches hold, said whole, keeps
#: its procedure suggested (``weak``) when other words weigh the confidence under the
#: suggestion bar (« carte vitale », two fiches; not « arrêt maladie », three). Tuned on
#: the ``tune`` split only (issue-14q: 6 right suggestions for 2 wrong, 1 a negative).
KEYWORD_FICHES = 2


@attrs.frozen
class Naming:
    """The stems that name one procedure: each keyword's (a set), and each title's (the
    procedure's own and its fiche's) distinct stems with their idf, and the share of the
    title's idf a need must say (:data:`TITLE_SHARE` of its total)."""

    keywords: tuple[frozenset[str], ...]
    titles: tuple[tuple[tuple[tuple[str, float], ...], float], ...]
    #: the keywords more than :data:`SHARED` fiches hold (they name nothing), and those
    #: more than :data:`SHARED` of this procedure's partner's fiches hold
    shared: frozenset[frozenset[str]] = frozenset()
    shared_by_partner: frozenset[frozenset[str]] = frozenset()
    #: the one-word keywords that are common French words (they name the procedure only
    #: with another of its keywords, or its partner named)
    common: frozenset[frozenset[str]] = frozenset()
    #: the procedure's id and its fiche (its id when it has none): its own and its twins'
    #: phrases are no rivals (:func:`rivals_of`)
    id: str = ""
    fiche: str = ""
    #: every stem of the procedure's name (titles and keywords), and its partner
    stems: frozenset[str] = frozenset()
    partner: str = ""
    #: per title stem that the procedure's keywords say only inside longer phrases (« carte »
    #: of « carte d'identité »), those phrases: alone, it is another thing's word
    bound: Mapping[str, tuple[frozenset[str], ...]] = attrs.field(factory=dict)
    #: the one-word keywords the catalogue asks about many matters (:func:`widespread_stems`):
    #: said alone, they do not name the procedure (« quel est le délai ? »)
    asked: frozenset[frozenset[str]] = frozenset()


def _stems(text: object) -> tuple[str, ...]:
    if not isinstance(text, str):  # a plugin's bad value: reported by validation
        return ()
    return tuple(dict.fromkeys(t.stem for t in tokens(text)))


def _common(keyword: str, common: frozenset[str]) -> frozenset[str] | None:
    """The stem of ``keyword`` when it is one word and a common one, else ``None``."""
    words = tokens(keyword)
    if len(words) != 1 or words[0].plain not in common:
        return None
    return frozenset((words[0].stem,))


def widespread_stems(
    hits: Mapping[str, Sequence[tuple[int, float, int]]], fiche_of: Sequence[str | None]
) -> frozenset[str]:
    """The single-word index terms (``hits``: term -> (procedure number, weight, rank of its
    strongest field), :attr:`~mfs_core.recognition.index.ProcedureIndex.hits`) that more
    than :data:`SHARED` fiches hold only in their question titles or description, not in a
    keyword or title (``fiche_of``: each procedure's fiche, ``None`` when it has none: it
    counts alone): words the catalogue asks about many matters (« Quel est le *délai* … ? »),
    even when one procedure holds it as its keyword (issue-14bc). Read once per registry."""
    found = []
    for term, held in hits.items():
        if len(held) <= SHARED or "_" in term:
            continue
        named = {fiche_of[n] or n for n, _, rank in held if rank < STRONG_FIELDS}
        asked = {fiche_of[n] or n for n, _, rank in held if rank >= STRONG_FIELDS} - named
        if len(asked) > SHARED:
            found.append(term)
    return frozenset(found)


def naming_of(
    procedure: Procedure,
    idf: Mapping[str, float],
    shared: Mapping[frozenset[str], list[str]] | None = None,
    widespread: frozenset[str] = frozenset(),
) -> Naming:
    """The :class:`Naming` of ``procedure`` (keywords and titles read as the index reads
    them; ``idf``: the index's inverse document frequency per stem). ``shared``: per
    keyword (its stems), the partner of each fiche that holds it (:func:`holders`);
    ``widespread``: the stems many fiches ask about (:func:`widespread_stems`): a one-word
    keyword among them does not name the procedure alone (:attr:`Naming.asked`)."""
    keywords = field_texts(procedure.keywords)
    found = tuple(k for k in (frozenset(_stems(k)) for k in keywords) if k)
    held = shared or {}
    broad = frozenset(k for k in found if len(held.get(k, ())) > SHARED)
    partner = procedure.partner
    own = frozenset(k for k in found if held.get(k, []).count(partner) > SHARED)
    everyday = common_words()
    usual = frozenset(filter(None, (_common(k, everyday) for k in keywords)))
    asked = frozenset(k for k in found if len(k) == 1 and k <= widespread)
    titles = []
    for title in (read_title(procedure), procedure.fiche_title):
        weighted = tuple((stem, idf.get(stem, 0.0)) for stem in _stems(title))
        total = sum(weight for _, weight in weighted)
        if total:
            titles.append((weighted, TITLE_SHARE * total))
    stems = frozenset().union(*found) | {stem for weighted, _ in titles for stem, _ in weighted}
    bound: dict[str, tuple[frozenset[str], ...]] = {}
    for weighted, _ in titles:
        for stem, _ in weighted:
            holding = tuple(k for k in found if stem in k)
            if holding and all(len(k) > 1 for k in holding):
                bound[stem] = holding
    fiche = procedure.fiche_id or procedure.id
    return Naming(
        found, tuple(titles), broad, own, usual, procedure.id, fiche, stems, partner, bound, asked
    )


#: Per stem, the name-phrases of two words or more holding it: (procedure id, its fiche or
#: id, its partner, the phrase's stems) (:func:`name_phrases`).
NamePhrases = Mapping[str, Sequence[tuple[str, str, str, frozenset[str]]]]


def name_phrases(procedures: Sequence[Procedure]) -> NamePhrases:
    """The name-phrases of two words or more of ``procedures`` (the stems of each title,
    fiche title and keyword, keywords read as the index reads them: at most
    :data:`~mfs_core.recognition.index.MAX_PHRASES` a procedure), by stem. Read once per
    registry; one word of a name names nothing alone, so shorter phrases are no rivals."""
    found: dict[str, list[tuple[str, str, str, frozenset[str]]]] = {}
    for procedure in procedures:
        phrases = {frozenset(_stems(k)) for k in field_texts(procedure.keywords)}
        phrases.update(frozenset(_stems(t)) for t in (read_title(procedure), procedure.fiche_title))
        fiche = procedure.fiche_id or procedure.id
        for phrase in phrases:
            if len(phrase) > 1:
                entry = (procedure.id, fiche, procedure.partner, phrase)
                for stem in phrase:
                    found.setdefault(stem, []).append(entry)
    return found


def rivals_of(
    naming: Naming, said: frozenset[str] | set[str], phrases: NamePhrases
) -> dict[str, tuple[str, set[str]]]:
    """The rivals the need ``said`` (stems) names as well: per other procedure (not of the
    fiche of ``naming``: its twin at another partner serves the same fiche, and the twins
    rule asks which) with a name-phrase of two words or more (``phrases``:
    :func:`name_phrases`) that the need says whole and that shares a stem with the name of
    ``naming``, its partner and the stems of those phrases. Cost: the phrases holding a
    stem both of the need and of that name (every such phrase holds one)."""
    found: dict[str, tuple[str, set[str]]] = {}
    for stem in naming.stems.intersection(said):
        for other, fiche, partner, phrase in phrases.get(stem, ()):
            if phrase <= said and fiche != naming.fiche and other != naming.id:
                found.setdefault(other, (partner, set()))[1].update(phrase)
    return found


def holders(procedures: Sequence[Procedure]) -> dict[frozenset[str], list[str]]:
    """Per keyword of any procedure (its stems), the partner of each fiche (a procedure
    without a fiche counts alone; the CAF's and the MSA's RSA are one fiche per partner)
    that holds it whole among its keywords or in a title.

    Keywords are read as the index reads them (at most
    :data:`~mfs_core.recognition.index.MAX_PHRASES` a procedure). Each keyword is looked
    up through the phrases that hold its rarest stem, not tried against every phrase: a
    plugin's thousands of keywords cost about their number, not its square (a review
    measured 27 s for the first need with 40 procedures of 200 keywords each)."""
    said: dict[tuple[str, str], list[frozenset[str]]] = {}
    keys: set[frozenset[str]] = set()
    for procedure in procedures:
        sets = [frozenset(_stems(k)) for k in field_texts(procedure.keywords)]
        keys.update(k for k in sets if k)
        sets += [frozenset(_stems(t)) for t in (read_title(procedure), procedure.fiche_title)]
        key = (procedure.fiche_id or procedure.id, procedure.partner)
        said.setdefault(key, []).extend(sets)
    fiches = list(said.items())
    # stem -> the phrases (fiche's number, phrase) that hold it
    postings: dict[str, list[tuple[int, frozenset[str]]]] = {}
    for number, (_, sets) in enumerate(fiches):
        for phrase in set(sets):
            for stem in phrase:
                postings.setdefault(stem, []).append((number, phrase))
    held: dict[frozenset[str], list[str]] = {}
    for k in keys:
        rarest = min(k, key=lambda stem: len(postings.get(stem, ())))
        numbers = {n for n, phrase in postings.get(rarest, ()) if k <= phrase}
        held[k] = [fiches[n][0][1] for n in sorted(numbers)]
    return held


#: A title stem and its weight, as :attr:`Naming.titles` holds them.
_STEM, _WEIGHT = operator.itemgetter(0), operator.itemgetter(1)


def names(
    naming: Naming,
    said: frozenset[str] | set[str],
    confidence: float,
    generic: frozenset[str] = frozenset(),
    title_words: int = TITLE_WORDS,
    *,
    partner_named: bool = False,
    separate: bool = False,
    phrases: NamePhrases | None = None,
) -> bool:
    """Whether the stems ``said`` name the procedure of ``naming`` (see the module
    docstring); ``confidence``: the candidate's (0-1); ``generic``: the stems of words of
    how a request is asked (they never name a procedure through its title alone);
    ``title_words``: the distinct title words needed (1 for a clarify question: one word
    several close procedures share asks which); ``partner_named``: the need names the
    procedure's partner (a keyword shared only with other partners' fiches then names
    it); ``separate``: the words must also tell the procedure from its rivals (a
    confident claim; a clarify question asks among them), found in ``phrases``
    (:func:`name_phrases`)."""
    if separate and phrases and rivalled(naming, said, generic, partner_named, phrases):
        return False
    shared = naming.shared_by_partner if partner_named else naming.shared
    # Loops, not comprehensions: those made cells of four arguments on every call
    # (issue-14ad).
    keywords = []
    for k in naming.keywords:
        if k <= said:
            keywords.append(k)
    for keyword in keywords:
        if keyword in shared:
            continue
        if len(keyword) > 1:
            return True
        if confidence < ONE_WORD_KEYWORD:
            continue
        if keyword not in naming.common or partner_named or len(keywords) > 1:
            # A common word is a word of the procedure, not its name, unless a second
            # keyword (even one other fiches hold: « suivi » + « colis ») or the partner
            # says which.
            if keyword in naming.asked and not partner_named and said - generic <= keyword:
                # « quel est le délai ? »: the need's one word, which the catalogue asks
                # of many matters; which one is not said (issue-14bc).
                continue
            return True
    for weighted, needed in naming.titles:
        # A clarify question (one title word is enough) also needs that word said as the
        # procedure's phrases say it: « carte » alone is another card's (:func:`_said_here`).
        found = []
        for stem, weight in weighted:
            if stem in said if title_words > 1 else _said_here(naming, stem, said):
                found.append((stem, weight))
        if (
            sum(map(_WEIGHT, found)) >= needed
            and (len(found) >= title_words or len(found) == len(weighted))
            and not generic.issuperset(map(_STEM, found))
        ):
            return True
    return False


def _said_here(naming: Naming, stem: str, said: frozenset[str] | set[str]) -> bool:
    """Whether the title stem ``stem`` is said for this procedure: said, and, when the
    procedure's keywords hold it only inside longer phrases (« carte » in « carte
    d'identité »), with one of those phrases said whole (« carte d'électeur perdue » says
    « carte » of another card; issue-14n, review finding 5)."""
    if stem not in said:
        return False
    phrases = naming.bound.get(stem)
    return phrases is None or any(phrase <= said for phrase in phrases)


def rivalled(
    naming: Naming,
    said: frozenset[str] | set[str],
    generic: frozenset[str],
    partner_named: bool,
    phrases: NamePhrases,
) -> bool:
    """Whether another fiche's name-phrases of two words or more that the need says whole
    (of the same partner when the need names it) hold every specific (not generic) word
    said of this procedure's name: the need names that fiche as much."""
    evidence = (naming.stems & said) - generic
    if evidence:
        # A rival that holds every word of the evidence holds its rarest one, in a phrase
        # the need says whole (each phrase is listed under each of its stems): when no
        # phrase of that stem is another fiche's said whole, there is no rival to read
        # (most claims), without reading the phrases of every stem said.
        rarest = min(evidence, key=lambda stem: len(phrases.get(stem, ())))
        for other, fiche, _, phrase in phrases.get(rarest, ()):
            if phrase <= said and fiche != naming.fiche and other != naming.id:
                break
        else:
            return False
    for partner, held in rivals_of(naming, said, phrases).values():
        if partner_named and partner != naming.partner:
            continue
        if evidence <= held:
            return True
    return False


def split_share(reached: Sequence[bool], others: Sequence[bool], weights: Sequence[float]) -> float:
    """The information (in the need's weights) of the words that speak of other procedures
    than the best candidate, ``0.0`` when the best is reached by more than one word (see
    the module docstring). Per information unit of the need: ``reached``, it reaches the
    best candidate; ``others``, it reaches another procedure by a keyword or a title
    (:data:`STRONG_FIELDS`); ``weights``, its weight."""
    if sum(reached) > 1:
        return 0.0
    return sum(
        weight
        for hit, other, weight in zip(reached, others, weights, strict=True)
        if other and not hit
    )
