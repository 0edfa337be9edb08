"""What the HTTP service holds for its whole life: settings, the registry loaded once, the
router and recogniser built once, the tokens, and where the journal is.

Built by :func:`build_service` when the server starts (before it accepts a connection), so
every request runs plain Python over structures compiled once — as the CLI does for one
command.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import attrs

from mfs_core.serve.auth import TokenTable

if TYPE_CHECKING:
    from mfs_core._settings_model import MfsSettings
    from mfs_core.compliance.site import Site
    from mfs_core.journal import Journal
    from mfs_core.registry import Registry
    from mfs_core.routing import Router

__all__ = ["Service", "build_service", "is_loopback"]


def is_loopback(host: str) -> bool:
    """Whether ``host`` (an address or ``localhost``) is reachable from this machine only."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:  # a host name: it may resolve to anything
        return False


@attrs.define(kw_only=True)
class Service:
    """The state of one server process (see :func:`build_service`)."""

    settings: MfsSettings
    registry: Registry
    router: Router
    tokens: TokenTable
    #: Whether reading needs no token (``api_open_read``, default: loopback only).
    open_read: bool
    journal_url: str
    #: The counter's own site file (``mfs serve --site``): its name and hours on sheets.
    site: Site | None = None
    #: Partner code or procedure id -> the name an agent reads.
    names: dict[str, str] = attrs.field(factory=dict)

    @contextmanager
    def journal(self, *, read_only: bool = False) -> Iterator[Journal]:
        """The journal, opened for one request (a connection per request: SQLite's are
        bound to their thread, and a PostgreSQL connection per request needs no pool for
        the few writes a counter makes)."""
        from mfs_core.journal import open_journal

        journal = open_journal(self.journal_url, settings=self.settings, read_only=read_only)
        try:
            yield journal
        finally:
            journal.close()


def build_service(
    *,
    host: str = "127.0.0.1",
    settings: MfsSettings | None = None,
    registry: Registry | None = None,
    journal_url: str | None = None,
    site_file: str | None = None,
) -> Service:
    """Load everything a server needs, or raise :class:`~mfs_core.errors.InputError`
    (bad settings, tokens or site file) / :class:`~mfs_core.errors.PluginError` (strict
    mode) / :class:`~mfs_core.journal.JournalError` (the journal cannot be opened).

    The journal is opened once here, so it exists (created or migrated) before the first
    request, and a wrong URL stops the server at once rather than at the first write.
    """
    from mfs_core.journal import open_journal
    from mfs_core.registry import Registry
    from mfs_core.routing import Router
    from mfs_core.settings import load_settings, plugin_policy

    settings = settings or load_settings()
    tokens = TokenTable.parse(token.get_secret_value() for token in settings.api_tokens)
    if registry is None:
        registry = Registry.load(policy=plugin_policy(settings))
    router = Router(registry)
    router.recogniser().prepare()  # its index and tables built now, not on the first need
    site = None
    if site_file is not None:
        from mfs_core.compliance.site import load_site

        site = load_site(site_file)
    url = journal_url or settings.journal_url
    open_journal(url, settings=settings).close()
    open_read = settings.api_open_read
    return Service(
        settings=settings,
        registry=registry,
        router=router,
        tokens=tokens,
        open_read=is_loopback(host) if open_read is None else open_read,
        journal_url=url,
        site=site,
        names=router.names(),
    )
