"""Validate every plugin contribution: the engine of ``mfs plugins --check``.

:func:`validate` returns named :class:`Finding` objects, one per problem, sorted so the
output never depends on plugin load order. Each finding ``code`` is stable (tests and CI
scripts may match on it):

========================== ================================================================
code                       what it means
========================== ================================================================
plugin-fault               a plugin failed to import, register or run a hook
duplicate-id               two plugins contributed the same id (the registry kept the first)
id-malformed               an id does not match ``<partner>.<slug>``
id-partner-mismatch        an id's prefix is not the partner code of the contribution
unknown-partner            a procedure or rule names a partner no plugin contributes
partner-domain-malformed   a partner domain is not a bare lower-case host name
online-url-malformed       an online URL cannot be parsed
online-url-not-https       an online URL is not https
online-url-off-domain      an online URL is neither on the partner's official domains nor on
                           the service-public.fr portal
fiche-id-malformed         a fiche id is not F/N/R followed by digits
thematique-unknown         a thematique is not a data·inclusion v1 code
rule-unknown-procedure     a referral rule names a procedure no plugin contributes
rule-unknown-fact          a referral rule tests a fact outside :data:`~mfs_core.model.KNOWN_FACTS`
reason-missing             a referral rule has no explanation for the agent
reference-missing          a procedure, rule or check cites no source
last-verified-missing      a procedure, rule or check has no last-verified date
last-verified-stale        last verified longer ago than the maximum age
last-verified-future       last verified after today
recognition-*              recognition data (keywords, questions, fiche title, description)
                           that can never match or is too long: see
                           :mod:`mfs_core.recognition.checks`
fiche-title-without-fiche  a fiche title without the fiche id it was copied from
========================== ================================================================
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

import attrs

from mfs_core.errors import InputError
from mfs_core.model import (
    FICHE_ID_PATTERN,
    KNOWN_FACTS,
    PROCEDURE_ID_PATTERN,
    Check,
    Partner,
    Procedure,
    ReferralRule,
)
from mfs_core.recognition.checks import partner_problems, procedure_problems
from mfs_core.timezone import today_in_paris

if TYPE_CHECKING:
    from mfs_core.registry import Registry

__all__ = ["DEFAULT_MAX_AGE_DAYS", "Finding", "today_in_paris", "validate"]

#: Default of ``max_verification_age_days`` in the settings (two years).
DEFAULT_MAX_AGE_DAYS = 730
_DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


@attrs.frozen(kw_only=True, order=True)
class Finding:
    """One problem found in a plugin contribution."""

    code: str
    subject: str  # the id (or partner code, or plugin name) at fault
    message: str
    plugin: str = ""

    def __str__(self) -> str:
        where = f" [plugin {self.plugin}]" if self.plugin else ""
        return f"{self.code}: {self.subject}: {self.message}{where}"

    def as_dict(self) -> dict[str, str]:
        """The JSON form used by ``mfs plugins --check --format json``."""
        return {
            "code": self.code,
            "subject": self.subject,
            "message": self.message,
            "plugin": self.plugin,
        }


def validate(
    registry: Registry,
    *,
    max_age_days: int = DEFAULT_MAX_AGE_DAYS,
    today: dt.date | None = None,
) -> list[Finding]:
    """Every finding on the contributions of ``registry``, sorted by code then subject."""
    if max_age_days < 1:
        raise InputError(f"max_age_days: {max_age_days} is not a positive number of days")
    today = today or today_in_paris()
    checker = _Checker(registry, max_age_days, today)
    return sorted(checker.run())


def _plugin(item: object) -> str:
    provenance = getattr(item, "provenance", None)
    return provenance.plugin if provenance is not None else ""


class _Checker:
    def __init__(self, registry: Registry, max_age_days: int, today: dt.date) -> None:
        from mfs_core.officialsites import OfficialSites

        self.registry = registry
        self.max_age = dt.timedelta(days=max_age_days)
        self.max_age_days = max_age_days
        self.today = today
        self.sites = OfficialSites.from_registry(registry)

    def run(self) -> Iterator[Finding]:
        yield from self._faults()
        for code, partner in self.registry.partners.items():
            yield from self._recognition(code, partner_problems(partner), partner)
            for domain in partner.domains:
                if not _DOMAIN.match(domain):
                    yield Finding(
                        code="partner-domain-malformed",
                        subject=code,
                        message=f"domain {domain!r} is not a bare lower-case host name "
                        "(no scheme, path or trailing dot)",
                        plugin=_plugin(partner),
                    )
        for procedure in self.registry.procedures.values():
            yield from self._procedure(procedure)
        for rule in self.registry.referral_rules.values():
            yield from self._rule(rule)
        for check in self.registry.checks.values():
            yield from self._dated(check, check.id)

    def _faults(self) -> Iterator[Finding]:
        for fault in self.registry.faults:
            yield Finding(
                code="duplicate-id" if fault.stage == "duplicate" else "plugin-fault",
                subject=fault.plugin,
                message=f"({fault.stage}) {fault.message}",
                plugin=fault.plugin,
            )

    def _owned(self, item: Procedure | ReferralRule) -> Iterator[Finding]:
        plugin = _plugin(item)
        if not PROCEDURE_ID_PATTERN.match(item.id):
            yield Finding(
                code="id-malformed",
                subject=item.id,
                message="expected <partner>.<slug> in lower-case ASCII",
                plugin=plugin,
            )
        elif item.id.split(".", 1)[0] != item.partner:
            yield Finding(
                code="id-partner-mismatch",
                subject=item.id,
                message=f"the id should start with its partner code {item.partner!r}",
                plugin=plugin,
            )
        if item.partner not in self.registry.partners:
            known = ", ".join(self.registry.partners) or "none"
            yield Finding(
                code="unknown-partner",
                subject=item.id,
                message=f"partner {item.partner!r} is contributed by no plugin (known: {known})",
                plugin=plugin,
            )
        if not item.reference.strip():
            yield Finding(
                code="reference-missing",
                subject=item.id,
                message="cite the source (fiche id, legal text or official page)",
                plugin=plugin,
            )

    def _procedure(self, procedure: Procedure) -> Iterator[Finding]:
        from mfs_core.partners._sources import DATA_INCLUSION_THEMATIQUES

        plugin = _plugin(procedure)
        yield from self._owned(procedure)
        if procedure.fiche_id is not None and not FICHE_ID_PATTERN.match(procedure.fiche_id):
            yield Finding(
                code="fiche-id-malformed",
                subject=procedure.id,
                message=f"{procedure.fiche_id!r} is not a service-public.fr fiche id (F, N or "
                "R followed by digits)",
                plugin=plugin,
            )
        for thematique in procedure.thematiques:
            if thematique not in DATA_INCLUSION_THEMATIQUES:
                yield Finding(
                    code="thematique-unknown",
                    subject=procedure.id,
                    message=f"{thematique!r} is not a data·inclusion v1 thematique",
                    plugin=plugin,
                )
        if procedure.online_url is not None:
            yield from self._url(procedure, procedure.online_url)
        yield from self._recognition(procedure.id, procedure_problems(procedure), procedure)
        yield from self._dated(procedure, procedure.id)

    @staticmethod
    def _recognition(
        subject: str, problems: Iterator[tuple[str, str]], item: Partner | Procedure
    ) -> Iterator[Finding]:
        for code, message in problems:
            yield Finding(code=code, subject=subject, message=message, plugin=_plugin(item))

    def _url(self, procedure: Procedure, url: str) -> Iterator[Finding]:
        from mfs_core.officialsites import PUBLIC_PORTALS, SiteVerdict

        plugin = _plugin(procedure)
        try:
            verdict = self.sites.classify(url)
        except InputError as exc:
            yield Finding(
                code="online-url-malformed",
                subject=procedure.id,
                message=str(exc),
                plugin=plugin,
            )
            return
        if not url.lower().startswith("https://"):
            yield Finding(
                code="online-url-not-https",
                subject=procedure.id,
                message=f"{url!r} must use https",
                plugin=plugin,
            )
        own_site = verdict.verdict is SiteVerdict.PARTNER and verdict.partner == procedure.partner
        portal = verdict.verdict is SiteVerdict.PUBLIC and any(
            verdict.host == d or verdict.host.endswith("." + d) for d in PUBLIC_PORTALS
        )
        if not (own_site or portal):
            partner = self.registry.partners.get(procedure.partner)
            domains = ", ".join(partner.domains) if partner else "(unknown partner)"
            yield Finding(
                code="online-url-off-domain",
                subject=procedure.id,
                message=f"host {verdict.host!r} is not on the official domains of "
                f"{procedure.partner!r} ({domains}) nor on service-public.fr",
                plugin=plugin,
            )

    def _rule(self, rule: ReferralRule) -> Iterator[Finding]:
        plugin = _plugin(rule)
        yield from self._owned(rule)
        if not rule.reason.strip():
            yield Finding(
                code="reason-missing",
                subject=rule.id,
                message="explain in French why and where the resident is referred",
                plugin=plugin,
            )
        for procedure in rule.procedures:
            if procedure not in self.registry.procedures:
                yield Finding(
                    code="rule-unknown-procedure",
                    subject=rule.id,
                    message=f"procedure {procedure!r} is contributed by no plugin",
                    plugin=plugin,
                )
        for fact in rule.when_facts:
            if fact not in KNOWN_FACTS:
                yield Finding(
                    code="rule-unknown-fact",
                    subject=rule.id,
                    message=f"fact {fact!r} is not in KNOWN_FACTS "
                    f"({', '.join(sorted(KNOWN_FACTS))})",
                    plugin=plugin,
                )
        yield from self._dated(rule, rule.id)

    def _dated(self, item: Procedure | ReferralRule | Check, subject: str) -> Iterator[Finding]:
        plugin = _plugin(item)
        if isinstance(item, Check) and not item.reference.strip():
            yield Finding(
                code="reference-missing",
                subject=subject,
                message="cite the rule the check restates",
                plugin=plugin,
            )
        if item.last_verified is None:
            yield Finding(
                code="last-verified-missing",
                subject=subject,
                message="set last_verified to the date the data was checked against its source",
                plugin=plugin,
            )
        elif item.last_verified > self.today:
            yield Finding(
                code="last-verified-future",
                subject=subject,
                message=f"last verified on {item.last_verified.isoformat()}, after today "
                f"({self.today.isoformat()})",
                plugin=plugin,
            )
        elif self.today - item.last_verified > self.max_age:
            age = (self.today - item.last_verified).days
            yield Finding(
                code="last-verified-stale",
                subject=subject,
                message=f"last verified on {item.last_verified.isoformat()}, {age} days ago "
                f"(maximum {self.max_age_days} days): check it against its source again",
                plugin=plugin,
            )
