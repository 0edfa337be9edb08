"""Who may do what through the HTTP service: bearer tokens with a site and a role.

Tokens come from the setting ``api_tokens`` (``MFS_API_TOKENS``), one ``SITE:ROLE:TOKEN``
entry each:

- ``SITE``: the counter the token belongs to (letters, digits, ``._-``, 1-64 long);
- ``ROLE``: ``agent`` (records requests in the journal) or ``manager`` (also reads the
  journal's export and the monthly reports);
- ``TOKEN``: the secret itself, at least :data:`MIN_TOKEN_LENGTH` visible ASCII characters
  (no space: an HTTP header carries nothing else), or
  ``sha256:HEX``, its SHA-256 digest in hexadecimal, so a configuration file need not hold
  the secret.

A presented token is hashed once and compared with *every* configured digest by
:func:`hmac.compare_digest` (no early exit): the time taken does not depend on which
token, or how much of one, matched. Tokens never appear in a message, a log or a ``repr``.
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import re
from collections.abc import Iterable

import attrs

from mfs_core.errors import InputError

__all__ = ["MIN_TOKEN_LENGTH", "ApiToken", "Role", "TokenTable"]

#: Shortest accepted token: 32 characters (``secrets.token_urlsafe(32)`` gives 43).
MIN_TOKEN_LENGTH = 32
SITE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
_VISIBLE_ASCII = re.compile(r"^[\x21-\x7e]+$")
_DIGEST = re.compile(r"^sha256:([0-9a-fA-F]{64})$")


class Role(enum.StrEnum):
    """What a token may do beyond reading: ``agent`` writes the journal; ``manager`` also
    reads it (export, monthly reports)."""

    AGENT = "agent"
    MANAGER = "manager"

    def may(self, needed: Role) -> bool:
        """Whether this role covers ``needed`` (a manager may do what an agent may)."""
        return self is Role.MANAGER or needed is Role.AGENT


@attrs.frozen
class ApiToken:
    """A configured token: its site, its role and the SHA-256 digest of the secret."""

    site: str
    role: Role
    digest: bytes = attrs.field(repr=False)


def _digest(secret: str) -> bytes:
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).digest()


def _entry(index: int, entry: str) -> ApiToken:
    where = f"api_tokens[{index}]"
    site, _, rest = entry.partition(":")
    role, _, secret = rest.partition(":")
    if not secret:
        raise InputError(f"{where}: expected SITE:ROLE:TOKEN (the value is not shown)")
    if not SITE_PATTERN.match(site):
        raise InputError(f"{where}: SITE: expected 1-64 letters, digits, '.', '_' or '-'")
    if role not in Role.__members__.values():
        raise InputError(f"{where}: ROLE: expected 'agent' or 'manager'")
    if match := _DIGEST.match(secret):
        return ApiToken(site, Role(role), bytes.fromhex(match.group(1)))
    if not _VISIBLE_ASCII.match(secret):  # an HTTP header carries no other character
        raise InputError(f"{where}: TOKEN: expected visible ASCII characters only")
    if len(secret) < MIN_TOKEN_LENGTH:
        raise InputError(
            f"{where}: TOKEN: expected at least {MIN_TOKEN_LENGTH} characters or sha256:HEX "
            "(python -c 'import secrets; print(secrets.token_urlsafe(32))')"
        )
    return ApiToken(site, Role(role), _digest(secret))


class TokenTable:
    """The configured tokens; :meth:`match` finds the one presented, in constant time."""

    def __init__(self, tokens: Iterable[ApiToken]) -> None:
        self.tokens: tuple[ApiToken, ...] = tuple(tokens)
        digests = [t.digest for t in self.tokens]
        if len(set(digests)) != len(digests):
            raise InputError("api_tokens: the same token is given twice")

    def __repr__(self) -> str:
        return f"<TokenTable tokens={len(self.tokens)}>"

    @classmethod
    def parse(cls, entries: Iterable[str]) -> TokenTable:
        """The table of ``SITE:ROLE:TOKEN`` entries; :class:`InputError` naming the entry's
        position (never its value) when one is malformed."""
        return cls(_entry(index, entry.strip()) for index, entry in enumerate(entries))

    def match(self, presented: str) -> ApiToken | None:
        """The token ``presented`` is, or ``None``: every digest is compared, whatever
        matched first."""
        digest = _digest(presented)
        found = None
        for token in self.tokens:
            if hmac.compare_digest(digest, token.digest):
                found = token
        return found
