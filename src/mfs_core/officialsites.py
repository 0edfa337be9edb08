"""Tell a partner's official site from another public site and from a paid look-alike.

Residents searching online often land on commercial sites that copy the look of the
administration and charge for free procedures (DGCCRF warnings; Que Choisir 2025). This module
classifies a URL by its *host* only:

- ``partner``: the host is one of a registered partner's official domains, or a sub-domain
  of one (``cfspart.impots.gouv.fr`` is DGFiP's);
- ``public``: another official public site: a host under ``gouv.fr``, the
  ``service-public.fr`` portal, or the domain of an operator a procedure names as running its
  online service (the Agirc-Arrco's or info-retraite.fr's, each sourced in the data);
- ``unofficial``: anything else. The reason names the trick when one is recognised: the
  official name followed by another domain (``ants.gouv.fr.example.com``), a user-info prefix
  (``https://ameli.fr@evil.com``; a backslash is read as a slash, as browsers do), "gouv"
  under another extension (``gouv.org``), an official name with hyphens or another extension
  (``impots-gouv.fr``, ``ameli-fr.com``), an internationalised (punycode) name that can
  imitate Latin letters, an IP address.

Only the host decides; the path never makes a site official. Hosts are compared in lower
case without a trailing dot; the port is ignored. The "registered domain" named in reasons is
approximated by the last two labels (no public-suffix list: enough for a message, never used
for the verdict).
"""

from __future__ import annotations

import enum
import ipaddress
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import attrs

from mfs_core.errors import InputError
from mfs_core.model import Partner, Procedure

if TYPE_CHECKING:
    from mfs_core.registry import Registry

__all__ = [
    "PUBLIC_PORTALS",
    "PUBLIC_SUFFIX",
    "OfficialSites",
    "SiteVerdict",
    "UrlVerdict",
    "WebsiteKind",
    "classify",
    "host_of",
]

#: Every host under this suffix belongs to the State (registration is reserved).
PUBLIC_SUFFIX = "gouv.fr"
#: Cross-cutting public portals outside ``gouv.fr`` (domain.md, "Official domains").
PUBLIC_PORTALS: tuple[str, ...] = ("service-public.fr", "service-public.gouv.fr")
_SCHEME_PREFIX = re.compile(r"^([a-zA-Z][a-zA-Z0-9+-]*):(?![0-9])")
#: Shortest partner-name label worth looking for inside a look-alike host.
_MIN_LABEL = 4


class WebsiteKind(enum.StrEnum):
    """What a website is: a partner's site, another public site, or not official.

    (A *site* elsewhere in mfs-core is a France services counter: this is about websites.)
    """

    PARTNER = "partner"
    PUBLIC = "public"
    UNOFFICIAL = "unofficial"


#: The former name of :class:`WebsiteKind` ("site" is a France services site), kept for
#: plugins and scripts written against it.
SiteVerdict = WebsiteKind


@attrs.frozen(kw_only=True)
class UrlVerdict:
    """The classification of one URL; ``reason`` is French, for the agent (partners named
    by their name, the ``partner`` field keeps the code)."""

    url: str
    verdict: WebsiteKind
    partner: str | None
    reason: str
    host: str

    @property
    def official(self) -> bool:
        """True for a partner's site or another public site."""
        return self.verdict is not WebsiteKind.UNOFFICIAL

    def as_dict(self) -> dict[str, str | None]:
        """The JSON document of ``mfs url --format json``."""
        return {
            "url": self.url,
            "verdict": self.verdict.value,
            "partner": self.partner,
            "reason": self.reason,
        }


@attrs.frozen
class _Parsed:
    host: str
    userinfo: str
    scheme: str


def _parse(url: str) -> _Parsed:
    # Browsers (WHATWG URL) read "\\" as "/" in http(s) URLs: "https://evil.com\\@ameli.fr"
    # visits evil.com, while urlsplit would see the host ameli.fr. Read it as a browser does.
    text = url.strip().replace("\\", "/")
    if not text:
        raise InputError("URL: empty; expected an http(s) URL such as https://www.impots.gouv.fr")
    scheme_only = _SCHEME_PREFIX.match(text)
    if scheme_only and "://" not in text:
        raise InputError(f"URL {url!r}: scheme {scheme_only.group(1)!r} is not http or https")
    if "://" not in text:
        text = "https://" + text  # agents paste bare hosts ("www.ameli.fr")
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018  (raises ValueError on a bad port)
    except ValueError as exc:
        raise InputError(f"URL {url!r}: malformed ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise InputError(f"URL {url!r}: scheme {scheme!r} is not http or https")
    host = (parts.hostname or "").rstrip(".")
    if not host or any(c.isspace() for c in host) or ".." in host:
        raise InputError(f"URL {url!r}: no valid host name")
    userinfo = parts.netloc.rpartition("@")[0] if "@" in parts.netloc else ""
    try:
        ascii_host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError:
        raise InputError(f"URL {url!r}: host {host!r} is not a valid domain name") from None
    return _Parsed(host=ascii_host.lower(), userinfo=userinfo, scheme=scheme)


def host_of(url: str) -> str:
    """The lower-case ASCII host of ``url`` (IDN as punycode, no trailing dot, no port).

    Raises :class:`~mfs_core.errors.InputError` for a malformed or non-http(s) URL.
    """
    return _parse(url).host


def _under(host: str, domain: str) -> bool:
    return host == domain or host.endswith("." + domain)


def _registered(host: str) -> str:
    return ".".join(host.split(".")[-2:])


class OfficialSites:
    """The official domains of a set of partners, indexed once for fast classification."""

    def __init__(self, partners: Iterable[Partner], procedures: Iterable[Procedure] = ()) -> None:
        self._owner: dict[str, str] = {}
        #: Partner code -> the name the agent reads in the reasons.
        self._names: dict[str, str] = {}
        for partner in sorted(partners, key=lambda p: p.code):
            self._names[partner.code] = partner.name
            for domain in partner.domains:
                self._owner.setdefault(domain.lower().rstrip("."), partner.code)
        #: Domain -> the operator that runs a procedure's online service there.
        self._operators: dict[str, str] = {}
        for procedure in sorted(procedures, key=lambda p: p.id):
            if procedure.operator is not None:
                for domain in procedure.operator.domains:
                    name = procedure.operator.name
                    self._operators.setdefault(domain.lower().rstrip("."), name)

    @classmethod
    def from_registry(cls, registry: Registry) -> OfficialSites:
        """The official sites of every partner in ``registry``, and those of the operators
        its procedures name."""
        return cls(registry.partners.values(), registry.procedures.values())

    @property
    def domains(self) -> Mapping[str, str]:
        """Official domain -> partner code."""
        return dict(self._owner)

    def partner_of(self, host: str) -> tuple[str, str] | None:
        """``(partner code, matched domain)`` owning ``host``, the most specific domain first."""
        labels = host.split(".")
        for start in range(len(labels) - 1):
            candidate = ".".join(labels[start:])
            if candidate in self._owner:
                return self._owner[candidate], candidate
        return None

    def classify(self, url: str) -> UrlVerdict:
        """Classify ``url``; raises :class:`~mfs_core.errors.InputError` if it is malformed."""
        parsed = _parse(url)
        host = parsed.host

        def verdict(kind: WebsiteKind, reason: str, partner: str | None = None) -> UrlVerdict:
            if parsed.scheme == "http" and kind is not WebsiteKind.UNOFFICIAL:
                reason += " (attention : lien en http, non chiffré ; préférer https)"
            return UrlVerdict(url=url, verdict=kind, partner=partner, reason=reason, host=host)

        if _is_ip(host):
            return verdict(
                WebsiteKind.UNOFFICIAL,
                f"adresse IP {host} au lieu d'un nom de domaine : aucun site officiel ne "
                "s'annonce ainsi",
            )
        owner = self.partner_of(host)
        if owner is not None:
            code, domain = owner
            return verdict(
                WebsiteKind.PARTNER,
                f"{host} relève du domaine officiel {domain} du partenaire "
                f"{self._names.get(code, code)}",
                code,
            )
        operator = next(
            (
                (domain, name)
                for domain, name in self._operators.items()
                if host == domain or host.endswith("." + domain)
            ),
            None,
        )
        if operator is not None:
            return verdict(
                WebsiteKind.PUBLIC,
                # The operator's name in « »: right for any name (an article would not be).
                f"{host} relève du domaine officiel {operator[0]}, celui de l'opérateur "
                f"« {operator[1]} », qui gère le service en ligne d'une démarche des partenaires",
            )
        if "xn--" in host:
            return verdict(
                WebsiteKind.UNOFFICIAL,
                f"nom de domaine internationalisé ({host}) : des caractères d'autres alphabets "
                "peuvent imiter un nom officiel ; aucun domaine de partenaire n'est écrit ainsi",
            )
        if _under(host, PUBLIC_SUFFIX):
            return verdict(
                WebsiteKind.PUBLIC,
                f"{host} est un site public de l'État (domaine en .{PUBLIC_SUFFIX})",
            )
        for portal in PUBLIC_PORTALS:
            if _under(host, portal):
                return verdict(
                    WebsiteKind.PUBLIC,
                    f"{host} relève de {portal}, le site officiel de l'administration française",
                )
        return verdict(WebsiteKind.UNOFFICIAL, self._lookalike_reason(host, parsed.userinfo))

    def _lookalike_reason(self, host: str, userinfo: str) -> str:
        real = _registered(host)
        if userinfo:
            return (
                f"la partie « {userinfo}@ » placée avant le domaine est trompeuse : le site "
                f"réellement visité est {host}, qui n'est pas un site officiel"
            )
        for domain in (*self._owner, PUBLIC_SUFFIX, *PUBLIC_PORTALS):
            if host.startswith(domain + ".") or f".{domain}." in host:
                return (
                    f"le nom officiel {domain} est suivi d'un autre domaine : le site est en "
                    f"réalité {real}, qui n'est pas officiel"
                )
        labels = set(host.replace("-", ".").split("."))
        squashed = host.replace("-", "").replace(".", "")
        for domain, code in self._owner.items():
            name = domain.split(".")[0]
            if domain.replace(".", "") in squashed or (len(name) >= _MIN_LABEL and name in labels):
                return (
                    f"{host} imite {domain}, domaine officiel du partenaire "
                    f"{self._names.get(code, code)}, sans en être un "
                    "(tirets, autre extension ou mots ajoutés) : site non officiel, souvent "
                    "payant"
                )
        if "gouv" in labels:
            return (
                f"« gouv » dans {host} ne prouve rien : seuls les domaines se terminant par "
                f".{PUBLIC_SUFFIX} sont ceux de l'État (jamais .gouv.org ni .gouv.com)"
            )
        return (
            f"{host} n'est ni le domaine d'un partenaire enregistré ni un site public en "
            f".{PUBLIC_SUFFIX} : site non officiel"
        )


def _is_ip(host: str) -> bool:
    if not (host[-1].isdigit() or ":" in host):  # skip the costly exception for names
        return False
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def classify(url: str, partners: Registry | Iterable[Partner]) -> UrlVerdict:
    """Classify one URL against the partners of a registry (or any partners).

    To classify many URLs, build :class:`OfficialSites` once and call its ``classify``.
    """
    from mfs_core.registry import Registry

    if isinstance(partners, Registry):
        return OfficialSites.from_registry(partners).classify(url)
    return OfficialSites(partners).classify(url)
