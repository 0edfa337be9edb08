"""The same démarche made with two bodies: a claim the need does not tell from its
counterpart at another partner (stop 39).

A change in a household is declared to each body that pays or taxes it: the CAF
(« Déclaration de changement de situation (Caf) ») and the tax office (« Déclaration de
revenus : changement de situation (mariage, Pacs, divorce, naissance, décès) », F388,
whose fiche title is « Impôt sur le revenu - Déclarer un changement de situation
familiale »). Their titles name the same démarche — a pair of adjacent title words both
hold, « changement de situation » — and each partner words the life events in its own
fields: « séparation » is a keyword of the CAF's, and a question title of F388's (« Quel
quotient familial en cas de divorce ou séparation ? »), which explains a quarter of a word
(:data:`~mfs_core.recognition.terms.EXPLAINED_BY_FIELD`). So « Déclarer l'année de
séparation », which names the event and no body, was claimed for the CAF alone: the field
a partner wrote the event in decided which body the resident meant.

:func:`counterpart` finds, for a would-be claim, the first next candidate of another
partner (not a twin: the same fiche is :mod:`~mfs_core.recognition.twins`' question)
whose démarche (:func:`title_pairs`) shares a pair of adjacent words with the claimed
one's, that every known word of the need reaching the claimed one reaches too, and that
one of those words reaches only in its question titles or description while it names the
claimed one (a keyword or a title): only the field it was written in tells them apart;
and no word of the need reaches the claimed one's partner without reaching the other's
(« déclarer séparation RSA »: the RSA tells the CAF). The need names no partner, or both
(the caller asks only then: « séparation caf DGFiP » names two bodies, review 39). The
claim is then a question between the two
(:meth:`~mfs_core.recognition.decision.LevelRules.level`). « déclarer un divorce » still
claims the tax office's (« divorce » reaches no CAF procedure), « séparation caf » the
CAF's; « je n'ai toujours pas reçu mon permis » the permit's delivery, though the aide
au permis of France Travail shares « permis de conduire » (« permis » names both).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence

from mfs_core.recognition.index import field_texts
from mfs_core.recognition.normalise import tokens
from mfs_core.recognition.scoring import Row
from mfs_core.recognition.specificity import STRONG_FIELDS
from mfs_core.recognition.terms import Unit

__all__ = ["counterpart", "title_pairs"]

#: The next candidates a counterpart is looked for among (as many as a question lists).
_REACH = 4


def title_pairs(titles: Iterable[tuple[object, object]]) -> tuple[frozenset[str], ...]:
    """By procedure number (given as (title, fiche title)), the pairs of adjacent stems of
    the démarche its titles name, as the index writes them (``chang_situat``): a title's
    words after its situation (« *Arrêt maladie* : démarches à effectuer », read as
    :func:`~mfs_core.recognition.situation.situations` reads it), the whole title when
    it has none. A situation two partners' titles share is not one démarche: « Arrêt
    maladie : démarches à effectuer (salarié du privé) » (F303) and the MSA's « Arrêt
    maladie - indemnités journalières » are two.

    >>> sorted(title_pairs([("Déclaration de changement de situation (Caf)", None)])[0])
    ['chang_situat', 'declar_chang', 'situat_caf']
    >>> sorted(title_pairs([("Arrêt maladie : démarches à effectuer", None)])[0])
    ['demarch_effectu']
    """
    found = []
    for both in titles:
        pairs: set[str] = set()
        for title in both:
            for text in field_texts(title):
                if " : " in text:
                    text = text.split(" : ", 1)[1]
                stems = [t.stem for t in tokens(text)]
                pairs.update(f"{a}_{b}" for a, b in itertools.pairwise(stems))
        found.append(frozenset(pairs))
    return tuple(found)


def counterpart(
    ranked: list[Row],
    known: list[Unit],
    pairs: Sequence[frozenset[str]],
    partner_of: Sequence[str],
    fiche_of: Sequence[str | None],
) -> int | None:
    """The number of the first of the next candidates of ``ranked`` (up to four) that is the
    best one's démarche at another partner, reached by every known word of the need
    (``known``) that reaches the best one, one of them only in its question titles or
    description while it reaches the best one in a keyword or title, and no word of
    which reaches the best one's partner and not its own; ``None`` when there is none.
    ``pairs``, ``partner_of``, ``fiche_of``: by procedure number, its title pairs
    (:func:`title_pairs`), partner and fiche."""
    best = ranked[0][4]
    own = pairs[best]
    if not own:
        return None
    partner, fiche = partner_of[best], fiche_of[best]
    # By word of the need, the partners whose procedures it reaches whole (a lexicon phrase
    # reaching one by some of its words only, « RSA → revenu » on the tax return, does not
    # count there): a word that reaches the best one's partner and not the other's tells the
    # body (« déclarer séparation *RSA* »: the RSA is the CAF's; review 39).
    # Read only for a candidate the cheap tests below keep (most needs: none): each set
    # of ``told`` goes through every procedure a word reaches.
    told: list[set[str]] | None = None
    reaching: list[Unit] = []
    for row in ranked[1 : 1 + _REACH]:
        number = row[4]
        if partner_of[number] == partner or (fiche is not None and fiche_of[number] == fiche):
            continue
        if own.isdisjoint(pairs[number]):
            continue
        if told is None:
            told = [_partners_reached(word, partner_of) for word in known if word.partner is None]
            reaching = [word for word in known if best in word.reach.explains]
        if any(partner in reached and partner_of[number] not in reached for reached in told):
            continue
        if all(number in word.reach.explains for word in reaching) and any(
            word.reach.points[best][1] < STRONG_FIELDS <= word.reach.points[number][1]
            for word in reaching
        ):
            return number
    return None


def _partners_reached(word: Unit, partner_of: Sequence[str]) -> set[str]:
    """The partners of the procedures ``word`` reaches with all its words (not those a
    lexicon phrase reaches by some of them only: :attr:`~mfs_core.recognition.terms.Unit.
    partly`)."""
    partly = word.partly or {}
    return {partner_of[n] for n in word.reach.explains if n not in partly}
