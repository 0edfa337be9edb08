"""Which local service a free-text need goes to.

Two questions: :func:`best_local_service` finds the service for a need no procedure was
recognised from; :func:`keyword_phrase` finds the local keyword phrase a need contains in
full, which can outweigh a recognised procedure (see :mod:`mfs_core.routing.router`).

Words are compared as need recognition reads them (:func:`mfs_core.recognition.normalise.
tokens`: apostrophes, elisions, accents, plurals and stems handled), so « colis
alimentaires » meets the keyword « colis alimentaire ». The need's personal data is blanked
first (:func:`mfs_core.recognition.personal.without_personal_data`, a name a civility opens
blanked whole): « Mme Mariage » or « Mme Colis Alimentaire » is no request for the service
keyed « mariage » or « colis alimentaire » (review 14j). A word after an opener that needs no
capital is kept when ``known`` holds it (the router passes recognition's
:meth:`~mfs_core.recognition.Recogniser.known_word`): « Le conjoint : mariage prévu en
juin » still meets « mariage ». Deterministic: services are tried in id order.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import NamedTuple

from mfs_core.recognition.normalise import generic_words, tokens
from mfs_core.recognition.personal import without_personal_data
from mfs_core.routing.context import LocalService
from mfs_core.thematiques import thematique_label

__all__ = ["KeywordMatch", "best_local_service", "keyword_phrase"]


def _stems(texts: Iterable[str]) -> frozenset[str]:
    return frozenset(t.stem for text in texts for t in tokens(text))


@functools.cache
def _generic_stems() -> frozenset[str]:
    """The stems of recognition's words of how a request is asked (« demande »,
    « service », « aider »: :func:`~mfs_core.recognition.normalise.generic_words`)."""
    return _stems(generic_words())


def _orienting(keyword: str, asked: frozenset[str]) -> frozenset[str]:
    """The stems of ``keyword`` the need (its stems ``asked``) shares that may orient it:
    its words but the generic ones (:func:`_generic_stems`); a keyword made of generic
    words only orients when the need says all of them. « M. Dupont demande un
    rendez-vous » shares « demande » with « demande de logement »: no orientation
    (review of issue-14ap); « je cherche un logement » shares « logement »: one."""
    stems = _stems((keyword,))
    distinctive = stems - _generic_stems()
    if distinctive:
        return asked & distinctive
    return stems if stems <= asked else frozenset()


def _nothing_known(_word: str) -> bool:
    return False


def _need_stems(need: str | None, known: Callable[[str], bool]) -> list[str]:
    """The stems of ``need``'s words, in order, its personal data blanked (see the module
    docstring); ``known``: a word as written -> whether to keep it after a name opener."""
    return [t.stem for t in tokens(without_personal_data(need or "", known, whole_names=True))]


def best_local_service(
    services: Iterable[LocalService],
    need: str | None,
    thematique: str | None,
    *,
    known: Callable[[str], bool] = _nothing_known,
) -> tuple[LocalService, str] | None:
    """The local service for a need, and why (French): a service covering the request's
    thematique first, else the one sharing most words of the need (personal data blanked,
    ``known`` as in the module docstring) with its keywords, a generic word (« demande »,
    « service ») counting for none (:func:`_orienting`); ties go to the smaller service
    id. The reason names a thematique by its label, not its code."""
    candidates = sorted(services, key=lambda s: s.id)
    if thematique is not None:
        for service in candidates:
            if thematique in service.thematiques:
                return service, f"il couvre la thématique « {thematique_label(thematique)} »"
    asked = frozenset(_need_stems(need, known))
    best: tuple[int, LocalService] | None = None
    for service in candidates:
        shared = len(frozenset().union(*(_orienting(k, asked) for k in service.keywords)))
        if shared and (best is None or shared > best[0]):
            best = (shared, service)
    if best is None:
        return None
    return best[1], "les mots du besoin correspondent à ses mots-clés"


class KeywordMatch(NamedTuple):
    """A local service keyword the need contains as a phrase: the ``service``, the
    ``keyword`` as the site wrote it, and ``share`` (0-1), the part of the need's meaningful
    words the phrase covers."""

    service: LocalService
    keyword: str
    share: float


def keyword_phrase(
    services: Iterable[LocalService],
    need: str | None,
    *,
    known: Callable[[str], bool] = _nothing_known,
) -> KeywordMatch | None:
    """The local keyword the need contains in full, as adjacent words in the same order
    (« aide alimentaire » in « aide alimentaire d'urgence »; not in « aide au logement
    alimentaire »), compared by stem like recognition, personal data blanked (``known`` as
    in the module docstring). The one covering most of the need wins; ties go to the
    smaller service id, then to the keyword listed first. ``None`` when the need contains
    no keyword of any service."""
    asked = _need_stems(need, known)
    if not asked:
        return None
    best: KeywordMatch | None = None
    for service in sorted(services, key=lambda s: s.id):
        for keyword in service.keywords:
            phrase = [t.stem for t in tokens(keyword)]
            if not phrase or not _contains(asked, phrase):
                continue
            share = len(phrase) / len(asked)
            if best is None or share > best.share:
                best = KeywordMatch(service, keyword, share)
    return best


def _contains(words: list[str], phrase: list[str]) -> bool:
    """Whether ``phrase`` occurs in ``words`` as consecutive items."""
    size = len(phrase)
    return any(words[i : i + size] == phrase for i in range(len(words) - size + 1))
