"""The requests a need lists clause after clause, joined by a comma or by « ou ».

« renouveler mon passeport, déclarer mes impôts et suivre mon colis » asks three things;
only « et », « puis », « ainsi que » and « ; » separated requests (review 14g), so the
first two were read as one request and the passport's loss declaration borrowed
« déclarer »: the tax return was dropped. A comma, or « ou », separates requests only
where each clause is a request of its own; the usual sign is a verb opening the clause,
an infinitive or an imperative followed by its object's determiner (« *déclarer mes*
impôts », « *réclamez une* carte grise »). « Carte vitale perdue, que faire ? » opens its
clauses with no such verb: one request, read whole.
"""

from __future__ import annotations

import re

__all__ = [
    "asks",
    "asks_again",
    "commas_join_verbs",
    "lists_requests",
    "opens_another_question",
    "opens_as_question",
    "opens_with_request",
    "opens_with_verb",
    "verb_clauses",
]

#: Where clauses of a list of requests may meet: a comma, or « ou » between words (in any
#: case: a need typed in capitals splits as written, as :data:`_JOIN_STRINGS`).
_COMMA_OR = re.compile(r",\s*|\s+ou\s+", re.IGNORECASE)
#: A word of letters (apostrophes kept with the word they elide: « l' »).
_WORD = re.compile(r"[^\W\d_]+['’]?")
#: The endings of a French infinitive (« déclarer », « remplir », « faire ») and of the
#: « vous » imperative (« déclarez »), lower case.
_VERB_ENDINGS = ("er", "ir", "re", "ez")
#: Words that open a noun phrase, the verb's object (lower case; « l' » elided).
_DETERMINERS = frozenset(
    ("un", "une", "le", "la", "les", "l'", "l’", "des", "du", "mon", "ma", "mes", "ton",
     "ta", "tes", "son", "sa", "ses", "notre", "nos", "votre", "vos", "leur", "leurs",
     "ce", "cet", "cette", "ces")
)  # fmt: skip
#: A clause's opening verb and its object's determiner, matched where a clause starts.
_VERB_OBJECT = re.compile(
    rf"\s*[^\W\d_]++(?<={'|'.join(_VERB_ENDINGS)})\s+"
    rf"(?:{'|'.join(map(re.escape, sorted(_DETERMINERS)))})(?:\b|(?<=['’]))",
    re.IGNORECASE,
)


#: A verb and its subject inverted, as a question asks (« peut-on », « dois-je »).
_INVERTED = r"(?:peut|puis|dois|doit|faut|suis|sommes|ai|a)-(?:je|on|il|t-il|t-on|nous|vous)"
#: A need that opens as a question (« Comment déclarer mes revenus ou modifier mon taux ? »,
#: « Peut-on payer en ligne ou demander un délai ? ») asks one thing: « ou » there offers
#: alternatives, not a second request (review 14h, finding 2).
_QUESTION = re.compile(
    rf"\s*(?:comment|pourquoi|quand|combien|o[uù]|quel(?:le)?s?|est-ce|qu['’]est-ce|{_INVERTED})\b",
    re.IGNORECASE,
)


#: A clause in which the resident asks: a question mark, or a request verb in the first
#: person (« je voudrais savoir si … », « je dois changer l'adresse de … », « j'aimerais »),
#: not negated.
#: The request verbs in the first person (a regular expression's alternatives), after
#: « je », « j' » or « on »; « dois », « devrais » (an obligation) apart, as only
#: :data:`_ASKS` reads them.
_REQUEST_VERBS = (
    r"voudrais|veux|souhaite|souhaiterais|aimerais|désire|désirerais|ai\s+besoin|aurais\s+besoin"
)
_ASKS = re.compile(
    rf"\?|(?<![^\W\d_])(?:je|j['’]|on)\s*(?:{_REQUEST_VERBS}|dois|devrais)(?![^\W\d_])",
    re.IGNORECASE,
)


#: A clause that opens with a request verb in the first person (« je veux le RSA », « je
#: voudrais une carte grise », « j'ai besoin d'un extrait de casier »): after a join, a
#: request of its own however few words it says (review 16c: « j'ai perdu ma carte
#: d'identité et je veux le rsa » lost the RSA, its clause one meaningful word long).
_REQUEST_OPENING = re.compile(
    rf"\s*(?:je\s+|j['’]\s*)(?:{_REQUEST_VERBS})(?![^\W\d_])", re.IGNORECASE
)


def opens_with_request(clause: str) -> bool:
    """Whether ``clause`` opens with a request verb in the first person
    (:data:`_REQUEST_OPENING`: « je veux le RSA »)."""
    return _REQUEST_OPENING.match(clause) is not None


def asks(clause: str) -> bool:
    """Whether ``clause`` (a sentence of an account) asks something: it opens as a
    question (:func:`opens_as_question`), holds a question mark, or says a request verb in
    the first person (:data:`_ASKS`). « Je voudrais savoir si j'ai droit à la pension de
    réversion. » asks; « … mais le simulateur m'a répondu que je n'y avais pas droit »
    tells (review 14n)."""
    return _ASKS.search(clause) is not None or opens_as_question(clause)


def _offers_alternatives(text: str) -> bool:
    """Whether ``text`` opens as a question (:data:`_QUESTION`): its « ou » joins no
    requests."""
    return _QUESTION.match(text) is not None


def opens_as_question(text: str) -> bool:
    """Whether ``text`` opens as a question (« Peut-on … », « Comment … »): the verbs its
    « et » joins share the question's subject and may ask one thing (« Peut-on consulter
    son dossier fiscal et obtenir une copie de ses déclarations ? », a service-public.fr
    question title, review 14j)."""
    return _offers_alternatives(text)


def opens_with_verb(clause: str) -> bool:
    """Whether ``clause`` opens with a verb and its object: its first word ends as an
    infinitive or a « vous » imperative does (-er, -ir, -re, -ez) and a determiner
    follows it (« déclarer *mes* impôts », « faire *une* procuration »; not « carte vitale
    perdue », nor « que faire ? »)."""
    return _VERB_OBJECT.match(clause) is not None


#: A clause's first word, when it ends as an infinitive or a « vous » imperative does.
_OPENING_VERB = re.compile(rf"\s*[^\W\d_]++(?<={'|'.join(_VERB_ENDINGS)})\b", re.IGNORECASE)


def commas_join_verbs(text: str) -> bool:
    """Whether ``text`` holds a comma and each of its clauses between commas opens with a
    word that ends as a verb does, whatever follows it (« suivre mon colis, changer
    d'adresse »: no determiner after « changer », so no :func:`opens_with_verb`); not
    « Après la vente de sa voiture, que faire de la carte grise » (a real question, one
    request), nor « Carte vitale perdue, que faire ? »."""
    clauses = text.split(",")
    return len(clauses) > 1 and all(_OPENING_VERB.match(clause) for clause in clauses)


def verb_clauses(part: str) -> list[str]:
    """``part`` cut at each comma or « ou » after which a clause opens with a verb
    (:func:`opens_with_verb`), when the first clause also holds a verb before its object
    (its last word before its first determiner ends as a verb does: « je veux
    *renouveler* mon passeport »): « déclarer ses impôts, réclamer une carte grise ou des
    allocations » → ``["déclarer ses impôts", "réclamer une carte grise ou des
    allocations"]`` (« ou des allocations » shares its verb). ``[part]`` when it has no
    such clause. Each clause keeps its text as written (no word is dropped)."""
    if "," not in part and " ou " not in _lowered(part):
        return [part]  # most parts: no comma, no « ou » (in C)
    pieces = _COMMA_OR.split(part)
    if len(pieces) < 2 or not _verb_before_object(pieces[0]):
        return [part]
    # Rejoin the pieces after which no verb clause opens, with the separator said.
    cuts = [0]
    question = _offers_alternatives(part)
    for found in _COMMA_OR.finditer(part):
        if question and "," not in found.group():
            continue
        if opens_with_verb(part[found.end() :]):
            cuts.append(found.start())
            cuts.append(found.end())
    if len(cuts) == 1:
        return [part]
    cuts.append(len(part))
    return [part[cuts[n] : cuts[n + 1]] for n in range(0, len(cuts), 2)]


def _verb_before_object(clause: str) -> bool:
    """Whether the word right before the first determiner of ``clause`` ends as a verb
    does (« je veux *renouveler* mon passeport », « déclarer ses impôts »)."""
    words: list[str] = _WORD.findall(clause[:200].casefold())
    for n in range(1, len(words)):
        if words[n] in _DETERMINERS:
            return words[n - 1].endswith(_VERB_ENDINGS)
    return False


#: Every join a list of requests may use: a comma, « ou », « et », « puis », « ; » (in
#: any case: « ET » typed in capitals joins as « et » does).
_ANY_JOIN = re.compile(r",\s*|;\s*|\s+(?:ou|et|puis)\s+", re.IGNORECASE)
#: The joins in lower case, looked for with ``str.find`` in the need lowered
#: (:func:`_lowered`), in C: read on most needs, so kept cheap (about 1.7 % of
#: recognising the corpus needs, callgrind).
_JOIN_STRINGS = (",", ";", " et ", " ou ", " puis ")


def lists_requests(text: str, *, requests: bool = True) -> bool:
    """Whether ``text`` lists at least two requests as verb clauses: it holds a join
    (comma, « ou », « et », « puis », « ; ») after which a clause opens with a verb
    (:func:`opens_with_verb`), and its first clause holds a verb before its object
    (« renouveler mon passeport, déclarer mes impôts, faire une procuration et suivre mon
    colis »), or a clause after a join opens with a request verb in the first person
    (:func:`opens_with_request`: « ma fille a perdu sa carte d'identité et je veux la
    prime d'activité », whose first clause's verb is a participle), unless not
    ``requests`` (a resident's long account: what it says before « …, et je voudrais
    savoir comment faire ma demande d'aide au logement » is context, read sentence by
    sentence). Read on needs whose whole claims nothing, to try each request alone."""
    if not _verb_after_join(text):
        return False  # most needs
    first = _ANY_JOIN.search(text)
    if first is None:
        return False
    if _verb_before_object(text[: first.start()]):
        return True
    return requests and _request_after_join(text)


def _request_after_join(text: str) -> bool:
    """Whether a clause opening with a request verb in the first person
    (:func:`opens_with_request`) follows « et », « puis », « ; » or a comma in ``text``
    (« … et je veux la prime d'activité »): a request of its own, whatever the clause
    before it says (review 16c: « ma fille a perdu sa carte d'identité et je veux la
    prime d'activité » lost both). Not after « ou » (alternatives, as written)."""
    request = _REQUEST_OPENING.match
    lowered = _lowered(text)
    for join in _REQUEST_JOINS:
        at = lowered.find(join)
        while at != -1:
            at += len(join)
            if request(text, at):
                return True
            at = lowered.find(join, at)
    return False


#: The joins after which a request verb opens a request of its own (:func:`_request_after_join`).
_REQUEST_JOINS = (",", ";", " et ", " puis ")


def _verb_after_join(text: str) -> bool:
    """Whether a clause opening with a verb and its object (:func:`opens_with_verb`), or
    with a request verb in the first person (:func:`opens_with_request`), follows one of
    :data:`_JOIN_STRINGS` in ``text``."""
    match = _VERB_OBJECT.match
    request = _REQUEST_OPENING.match  # « … et je voudrais une carte grise »
    lowered = _lowered(text)
    for join in _JOIN_STRINGS:
        at = lowered.find(join)
        # the question test (a regex) only where « ou » is: most needs have none
        if at != -1 and join == " ou " and _offers_alternatives(text):
            continue
        while at != -1:
            at += len(join)
            if match(text, at) or request(text, at):
                return True
            at = lowered.find(join, at)
    return False


#: A question word that opens a second question after « et », « ; » or a question mark
#: (« … et *comment* refaire mon passeport ? », « … ? *Est-ce que* je dois … »,
#: « … et *que dois-je* faire … »; review 14l, finding 7). Not « ou » (as written, « ou »
#: joins alternatives, :data:`_QUESTION`), nor « que » alone (« … et que je n'ai pas reçu … »).
# Not « quel(le)s » nor « combien »: they ask about the subject already said (« … et quels
# sont les délais ? », « … et combien ça coûte ? »: review 14m finding 1, where « le
# délai » read alone claimed the tax payment delay as a second request).
_ANOTHER_QUESTION = re.compile(
    r"\s*(?:et\s+)?(?:comment|pourquoi|quand|où|est-ce|qu['’]est-ce"
    rf"|que\s+(?:faire|dois|doit|faut|puis|peut|peux)|{_INVERTED})\b",
    re.IGNORECASE,
)
#: Where a second question may open: after « et », « ; » or a question mark.
_QUESTION_JOIN = re.compile(r"\set\s|;|\?", re.IGNORECASE)
# A join with a question word right after it, found anywhere (one search in C): where it
# finds none, no join :func:`asks_again` reads can open a question (most needs, which
# hold a « ? » or « et » before no question word). A prefilter only: the joins it finds
# may overlap the ones the loop reads, which decides.
_JOIN_THEN_QUESTION = re.compile(
    rf"(?:{_QUESTION_JOIN.pattern})(?={_ANOTHER_QUESTION.pattern})", re.IGNORECASE
)


#: A verb whose object is a pronoun (« l'envoyer », « la refaire », « en bénéficier »): the
#: question is about what was said before it.
_PRONOUN_OBJECT = re.compile(
    rf"(?:\b(?:le|la|les|en|y|lui|leur)\s+|\bl['’])[^\W\d_]+(?<={'|'.join(_VERB_ENDINGS)})\b",
    re.IGNORECASE,
)


def opens_another_question(clause: str) -> bool:
    """Whether ``clause`` opens with a question word of :data:`_ANOTHER_QUESTION` about a
    subject of its own, a noun phrase (« Et que dois-je faire pour mon passeport ? »): a
    request, even with one meaningful word; not « et où l'envoyer ? » (a pronoun object:
    what was said before it, « Comment remplir sa feuille de soins Assurance Maladie et où
    l'envoyer ? », a corpus question title), nor « et comment réagir » (no noun)."""
    if _ANOTHER_QUESTION.match(clause) is None or _PRONOUN_OBJECT.search(clause):
        return False
    # a noun phrase of its own (« pour *mon* passeport »), not a verb alone (« et comment
    # réagir », a fresh sample's question about what it said before)
    return any(word in _DETERMINERS for word in _WORD.findall(clause[:200].casefold()))


def asks_again(text: str) -> bool:
    """Whether ``text`` asks a second question with its own question word after « et »,
    « ; » or a question mark (:data:`_ANOTHER_QUESTION`), its first clause a question
    (:func:`opens_as_question`) or a verb before its object: « Comment déclarer mes
    revenus et comment refaire mon passeport ? », « Comment déclarer mes revenus ?
    Comment refaire mon passeport ? ». Its clauses are then read as requests, one question
    about one subject staying one (``Recogniser._several``, ``question``)."""
    if "?" not in text and " et " not in _lowered(text) and ";" not in text:
        return False  # most needs
    if _JOIN_THEN_QUESTION.search(text) is None:
        return False  # most of the others
    for found in _QUESTION_JOIN.finditer(text):
        if _ANOTHER_QUESTION.match(text, found.end()) and text[found.end() :].strip(" ?"):
            first = text[: found.start()]
            return opens_as_question(first) or _verb_before_object(first)
    return False


def _lowered(text: str) -> str:
    """``text`` in lower case, each character at its place (« ET » → « et »), to find the
    joins of a need typed in capitals as written (F155 in capitals read ``none``: its
    « ET » was no join). ``text`` itself in the rare case lowering changes its length
    (« İ » → « i̇ »): offsets found in the lowered text must hold in ``text``."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else text
