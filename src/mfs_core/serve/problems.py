"""Errors of the HTTP service as RFC 9457 problem details (``application/problem+json``).

``title`` and ``detail`` are French (an agent may read them at the desk); ``errors`` lists
each problem the library found, with where (``line`` of a JSON-lines body), the ``field``
path when known, and the library's own ``detail`` (the English line ``mfs`` prints on
standard error). No message quotes a personal value: the library's messages already leave
notes, reasons, residents and tokens out.
"""

from __future__ import annotations

import itertools
import logging
import re
import traceback
from collections.abc import Iterable, Iterator
from typing import Any

__all__ = [
    "ERROR_LOGGER",
    "INTERNAL_ERROR",
    "MAX_ERRORS",
    "PROBLEM_BASE",
    "PROBLEM_TYPE",
    "Problem",
    "error_items",
    "log_internal_error",
    "problem_errors",
    "shown_name",
]

#: Unexpected errors: type and place only (:func:`log_internal_error`).
ERROR_LOGGER = logging.getLogger("mfs_core.serve.error")

#: Base of the ``type`` URIs; each is documented in ``docs/http.md``.
PROBLEM_BASE = "https://mfs-core.readthedocs.io/problems/"
PROBLEM_TYPE = "application/problem+json"

#: Most items in a problem's ``errors`` (the first ones; ``errors_total`` counts them all).
MAX_ERRORS = 100
#: slug -> (status, French title). The slug ends the ``type`` URI.
KINDS: dict[str, tuple[int, str]] = {
    "bad-request": (400, "Requête incorrecte"),
    "invalid-json": (400, "Corps de requête illisible"),
    "unauthorized": (401, "Authentification requise"),
    "forbidden": (403, "Accès refusé"),
    "not-found": (404, "Introuvable"),
    "method-not-allowed": (405, "Méthode non permise"),
    "not-acceptable": (406, "Format de réponse non disponible"),
    "request-timeout": (408, "Requête trop lente"),
    "too-large": (413, "Requête trop volumineuse"),
    "unsupported-media-type": (415, "Type de contenu non pris en charge"),
    "invalid-body": (422, "Données invalides"),
    "journal-unavailable": (503, "Journal indisponible"),
    "internal": (500, "Erreur interne du service"),
}
_FIELD = re.compile(r"^(?:\(root\)|[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\])*)$")
_WHERE = re.compile(r"^body(?::(?P<line>\d+)|\[(?P<index>\d+)\])?(?:: |$)")


class Problem(Exception):
    """An error answered as a problem document; raise it from any handler."""

    def __init__(
        self,
        kind: str,
        detail: str,
        *,
        errors: Iterable[dict[str, Any]] = (),
        headers: dict[str, str] | None = None,
        **extensions: Any,
    ) -> None:
        self.kind = kind
        self.status, self.title = KINDS[kind]
        self.detail = detail
        # At most MAX_ERRORS items (a body of 50,000 bad lines must not become a 15 MB
        # answer built in memory); ``errors_total`` then says how many there were.
        items = iter(errors)
        self.errors = list(itertools.islice(items, MAX_ERRORS))
        self.errors_total = len(self.errors) + sum(1 for _ in items)
        self.headers = headers or {}
        self.extensions = extensions
        super().__init__(f"{self.status} {kind}")

    def document(self, instance: str | None = None) -> dict[str, Any]:
        """The problem as JSON-ready data."""
        data: dict[str, Any] = {
            "type": PROBLEM_BASE + self.kind,
            "title": self.title,
            "status": self.status,
            "detail": self.detail,
        }
        if instance:
            data["instance"] = instance
        if self.errors:
            data["errors"] = self.errors
        if self.errors_total > len(self.errors):
            data["errors_total"] = self.errors_total
        data.update(self.extensions)
        return data


#: How far a name shown back may be from a name the service knows: a misspelling
#: (« thematiqe », « urgnet ») is named, a word of another kind (« Nguyen ») is not.
MISSPELT = 2


def shown_name(name: str, plain: re.Pattern[str], known: Iterable[str], unnamed: str) -> str:
    """``name`` (a query parameter's or a form field's, as the client sent it) when it
    matches ``plain`` and, lower-cased, is one of ``known`` or within :data:`MISSPELT`
    edits of one; else ``unnamed``: a name may be anything a client typed, a resident's
    name included (review 16s, finding 4)."""
    from rapidfuzz.distance import Levenshtein

    if plain.fullmatch(name):
        folded = name.lower()
        if any(Levenshtein.distance(folded, k, score_cutoff=MISSPELT) <= MISSPELT for k in known):
            return name
    return unnamed


def problem_errors(lines: Iterable[str]) -> list[dict[str, Any]]:
    """The library's problem lines (``body:3: channel: expected ...``) as ``errors`` items:
    ``line`` (or ``index`` in a JSON array) when the body has several records, ``field``
    when the line names one, and the line itself as ``detail``."""
    return list(error_items(lines))


def error_items(lines: Iterable[str]) -> Iterator[dict[str, Any]]:
    """:func:`problem_errors`, one item at a time (a :class:`Problem` keeps only the first
    :data:`MAX_ERRORS`: the others are counted, not kept)."""
    for text in lines:
        item: dict[str, Any] = {}
        rest = text
        if where := _WHERE.match(text):
            rest = text[where.end() :]
            if where.group("line"):
                item["line"] = int(where.group("line"))
            elif where.group("index"):
                item["index"] = int(where.group("index"))
        field, sep, _ = rest.partition(": ")
        if sep and _FIELD.match(field):
            item["field"] = field
        item["detail"] = rest
        yield item


#: The answer to an unexpected error (an exception no handler turned into a problem).
INTERNAL_ERROR = Problem("internal", "Le service a rencontré une erreur ; elle est consignée.")


def log_internal_error(method: str, route: str, exc: BaseException) -> None:
    """Log an unexpected error by its type and where it happened (the traceback's frames).
    Never its message, nor its chained exceptions': a message may quote data (a resident's
    words, an identifier)."""
    frames = "".join(traceback.format_tb(exc.__traceback__))
    ERROR_LOGGER.error("internal error on %s %s: %s\n%s", method, route, type(exc).__name__, frames)
