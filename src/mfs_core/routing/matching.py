"""Which local service a free-text need goes to, when no procedure was recognised.

Words are compared as need recognition reads them (:func:`mfs_core.recognition.normalise.
tokens`: apostrophes, elisions, accents, plurals and stems handled), so « colis
alimentaires » meets the keyword « colis alimentaire ». Deterministic: services are tried
in id order.
"""

from __future__ import annotations

from collections.abc import Iterable

from mfs_core.recognition.normalise import tokens
from mfs_core.routing.context import LocalService
from mfs_core.thematiques import thematique_label

__all__ = ["best_local_service"]


def _stems(texts: Iterable[str]) -> frozenset[str]:
    return frozenset(t.stem for text in texts for t in tokens(text))


def best_local_service(
    services: Iterable[LocalService], need: str | None, thematique: str | None
) -> tuple[LocalService, str] | None:
    """The local service for a need, and why (French): a service covering the request's
    thematique first, else the one sharing most words of the need with its keywords; ties go
    to the smaller service id. The reason names a thematique by its label, not its code."""
    candidates = sorted(services, key=lambda s: s.id)
    if thematique is not None:
        for service in candidates:
            if thematique in service.thematiques:
                return service, f"il couvre la thématique « {thematique_label(thematique)} »"
    asked = _stems([need or ""])
    best: tuple[int, LocalService] | None = None
    for service in candidates:
        shared = len(asked & _stems(service.keywords))
        if shared and (best is None or shared > best[0]):
            best = (shared, service)
    if best is None:
        return None
    return best[1], "les mots du besoin correspondent à ses mots-clés"
