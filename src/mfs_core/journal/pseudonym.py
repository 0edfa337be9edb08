"""Keyed pseudonyms: count returning residents without storing who they are.

The recording software passes any stable identifier of the resident (its own file number,
or name and date of birth); the journal keeps only ``HMAC-SHA256(secret, identifier)``.
Without the secret (setting ``pseudonym_secret``, ``MFS_PSEUDONYM_SECRET``) a pseudonym
cannot be computed from a guessed identifier, so the journal alone does not tell who came.
Changing the secret breaks the links between old and new visits, which is also how to
forget them all at once.
"""

from __future__ import annotations

import hmac
import unicodedata

__all__ = ["MIN_SECRET_LENGTH", "Pseudonymizer"]

#: A shorter secret could be guessed; pseudonyms would then be as good as identifiers.
MIN_SECRET_LENGTH = 16
#: Hex digits kept: 128 bits, far from any collision among a site's residents.
_LENGTH = 32


def _normalise(identifier: str) -> str:
    # "Dupont  Jean" and "dupont jean" are the same person for the counter.
    text = unicodedata.normalize("NFKC", identifier).casefold()
    return " ".join(text.split())


class Pseudonymizer:
    """Turns resident identifiers into stable keyed pseudonyms."""

    __slots__ = ("_key",)

    def __init__(self, secret: str) -> None:
        if len(secret) < MIN_SECRET_LENGTH:
            raise ValueError(f"pseudonym_secret: expected at least {MIN_SECRET_LENGTH} characters")
        self._key = secret.encode("utf-8")

    def __repr__(self) -> str:
        return "Pseudonymizer(<secret>)"

    def __call__(self, identifier: str) -> str:
        """The pseudonym of ``identifier``: 32 hex digits, the same for the same person."""
        text = _normalise(identifier)
        if not text:
            raise ValueError("resident: expected a non-empty identifier")
        return hmac.digest(self._key, text.encode("utf-8"), "sha256").hex()[:_LENGTH]
