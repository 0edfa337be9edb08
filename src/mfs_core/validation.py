"""Validate every plugin contribution: the engine of ``mfs plugins --check``.

:func:`validate` returns named :class:`ContributionFinding` objects, one per problem, sorted
so the output never depends on plugin load order. Each finding's ``code`` is a stable
:class:`~mfs_core.contract.ContributionCode` (tests and CI scripts may match on it); the
codes and what each means are listed in :data:`~mfs_core.contract.CODE_MEANINGS` and on the
contract page (``docs/plugin-contract.md``).

Three sources of findings:

- the registry's faults: a plugin that failed (``plugin-fault``), a duplicate id
  (``duplicate-id``), an item left out because of a malformed value (its own code, e.g.
  ``fiche-id-malformed``);
- a loaded plugin that contributes nothing (``plugin-empty``), most often an entry point
  naming the package instead of the module holding the hooks;
- the contributions kept: their formats again (an item built around the model is caught
  too), partners, URLs, thematiques, facts, the recognition data of partners and
  procedures (:mod:`mfs_core.recognition.checks`: words that can never match, texts too
  long, a fiche title without its fiche), and the fields each hook ``requires``
  (:data:`mfs_core.hookspecs.HOOKS`), with their last-verified dates.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import attrs

from mfs_core.contract import ContributionCode
from mfs_core.errors import InputError
from mfs_core.hookspecs import HOOKS, Hook
from mfs_core.model import (
    KNOWN_FACTS,
    Partner,
    Procedure,
    ReferralRule,
    ServiceKind,
    Verification,
    newest_version,
)
from mfs_core.recognition.checks import foreign_keywords, partner_problems, procedure_problems
from mfs_core.thematiques import THEMATIQUES
from mfs_core.timezone import today_in_paris

if TYPE_CHECKING:
    from mfs_core.registry import PluginFault, Registry

__all__ = [
    "DEFAULT_MAX_AGE_DAYS",
    "ContributionCode",
    "ContributionFinding",
    "today_in_paris",
    "unverified",
    "validate",
]

#: Default of ``max_verification_age_days`` in the settings (two years).
DEFAULT_MAX_AGE_DAYS = 730
#: The largest ``max_age_days`` taken (about a thousand years): far beyond, no date fits.
MAX_AGE_DAYS_LIMIT = 365_000
_DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
_C = ContributionCode


@attrs.frozen(kw_only=True, order=True)
class ContributionFinding:
    """One problem found in a plugin contribution (or with a plugin as a whole)."""

    code: ContributionCode
    subject: str  # the id (or partner code, or plugin name) at fault
    message: str
    plugin: str = ""

    def __str__(self) -> str:
        where = f" [plugin {self.plugin}]" if self.plugin else ""
        return f"{self.code}: {self.subject}: {self.message}{where}"

    def as_dict(self) -> dict[str, str]:
        """The JSON form used by ``mfs plugins --check --format json``."""
        return {
            "code": str(self.code),
            "subject": self.subject,
            "message": self.message,
            "plugin": self.plugin,
        }


def validate(
    registry: Registry,
    *,
    max_age_days: int = DEFAULT_MAX_AGE_DAYS,
    today: dt.date | None = None,
) -> list[ContributionFinding]:
    """Every finding on the contributions of ``registry``, sorted by code then subject.

    Raises :class:`~mfs_core.errors.InputError` when ``max_age_days`` is not between 1 and
    :data:`MAX_AGE_DAYS_LIMIT`.
    """
    if not 1 <= max_age_days <= MAX_AGE_DAYS_LIMIT:
        raise InputError(
            f"max_age_days: {max_age_days} is not a number of days from 1 to {MAX_AGE_DAYS_LIMIT}"
        )
    today = today or today_in_paris()
    checker = _Checker(registry, max_age_days, today)
    return sorted(checker.run())


def unverified(registry: Registry) -> list[Procedure]:
    """The procedures that claim no verification (``verification`` ``no``, no
    ``last_verified``): not findings, but ``mfs plugins --check`` lists them, so that what
    an agent reads unverified is known."""
    return [
        p
        for p in registry.procedures.values()
        if p.verification is Verification.NO and p.last_verified is None
    ]


def _plugin(item: object) -> str:
    provenance = getattr(item, "provenance", None)
    return provenance.plugin if provenance is not None else ""


def fault_finding(fault: PluginFault) -> ContributionFinding:
    """The finding of a fault of the registry: an item left out is reported under its own
    code and id, a duplicate as ``duplicate-id``, anything else as ``plugin-fault``."""
    if fault.code is not None:
        return ContributionFinding(
            code=fault.code, subject=fault.subject, message=fault.message, plugin=fault.plugin
        )
    return ContributionFinding(
        code=_C.DUPLICATE_ID if fault.stage == "duplicate" else _C.PLUGIN_FAULT,
        subject=fault.plugin,
        message=f"({fault.stage}) {fault.message}",
        plugin=fault.plugin,
    )


class _Checker:
    def __init__(self, registry: Registry, max_age_days: int, today: dt.date) -> None:
        from mfs_core.officialsites import OfficialSites

        self.registry = registry
        self.max_age = dt.timedelta(days=max_age_days)
        self.max_age_days = max_age_days
        self.today = today
        self.sites = OfficialSites.from_registry(registry)

    def run(self) -> Iterator[ContributionFinding]:
        for fault in self.registry.faults:
            yield fault_finding(fault)
        yield from self._empty_plugins()
        for hook in HOOKS:
            for key, item in self.registry.contributions(hook).items():
                yield from self._item(hook, key, item)
        yield from self._foreign_keywords()

    def _foreign_keywords(self) -> Iterator[ContributionFinding]:
        """Keywords that speak for another partner (keyword stuffing: review finding 9 of
        issue 14): across the registry, so not per item."""
        from mfs_core.recognition.lexicon import load_lexicon

        registry = self.registry
        hints = [(h.said, h.partner) for h in load_lexicon().hints]
        found = foreign_keywords(registry.procedures.values(), registry.partners, hints)
        for subject, (code, message) in found:
            item = registry.procedures.get(subject) or registry.partners.get(subject)
            yield ContributionFinding(
                code=code, subject=subject, message=message, plugin=_plugin(item)
            )

    def _empty_plugins(self) -> Iterator[ContributionFinding]:
        for info in self.registry.plugins:
            if not info.loaded or info.faults or info.contributions:
                continue
            why = (
                "it has no @hookimpl function: does its entry point name the module that holds "
                "them (e.g. my_plugin.plugin) rather than the package?"
                if not info.hook_implementations
                else "its hooks yield no partner, procedure, referral rule or check"
            )
            yield ContributionFinding(
                code=_C.PLUGIN_EMPTY,
                subject=info.name,
                message=f"the plugin contributes nothing: {why}",
                plugin=info.name,
            )

    def _item(self, hook: Hook[Any], key: str, item: Any) -> Iterator[ContributionFinding]:
        plugin = _plugin(item)
        # Items the registry kept are well formed, unless built around the model's classes.
        for problem in hook.malformed(item):
            yield ContributionFinding(
                code=problem.code, subject=key, message=problem.message, plugin=plugin
            )
        if isinstance(item, Procedure | ReferralRule):
            yield from self._owned(item)
        if isinstance(item, Procedure):
            yield from self._procedure(item)
        elif isinstance(item, ReferralRule):
            yield from self._rule(item)
        elif isinstance(item, Partner):
            yield from self._domains(key, item)
            yield from self._recognition(key, partner_problems(item), item)
        yield from self._required(hook, key, item)

    @staticmethod
    def _recognition(
        subject: str,
        problems: Iterator[tuple[ContributionCode, str]],
        item: Partner | Procedure,
    ) -> Iterator[ContributionFinding]:
        for code, message in problems:
            yield ContributionFinding(
                code=code, subject=subject, message=message, plugin=_plugin(item)
            )

    def _domains(self, code: str, partner: Partner) -> Iterator[ContributionFinding]:
        for domain in partner.domains:
            if not _DOMAIN.match(domain):
                yield ContributionFinding(
                    code=_C.PARTNER_DOMAIN_MALFORMED,
                    subject=code,
                    message=f"domain {domain!r} is not a bare lower-case host name "
                    "(no scheme, path or trailing dot)",
                    plugin=_plugin(partner),
                )

    def _owned(self, item: Procedure | ReferralRule) -> Iterator[ContributionFinding]:
        plugin = _plugin(item)
        if item.id.split(".", 1)[0] != item.partner:
            yield ContributionFinding(
                code=_C.ID_PARTNER_MISMATCH,
                subject=item.id,
                message=f"the id should start with its partner code {item.partner!r}",
                plugin=plugin,
            )
        if item.partner not in self.registry.partners:
            known = ", ".join(self.registry.partners) or "none"
            yield ContributionFinding(
                code=_C.UNKNOWN_PARTNER,
                subject=item.id,
                message=f"partner {item.partner!r} is contributed by no plugin (known: {known})",
                plugin=plugin,
            )

    def _procedure(self, procedure: Procedure) -> Iterator[ContributionFinding]:
        plugin = _plugin(procedure)
        for thematique in procedure.thematiques:
            if thematique not in THEMATIQUES:
                yield ContributionFinding(
                    code=_C.THEMATIQUE_UNKNOWN,
                    subject=procedure.id,
                    message=f"{thematique!r} is not a data·inclusion v1 thematique",
                    plugin=plugin,
                )
        if procedure.online_url is not None:
            yield from self._url(procedure, procedure.online_url)
            teleservices = {
                s.url for s in procedure.online_services if s.kind == ServiceKind.TELESERVICE
            }
            if procedure.online_services and procedure.online_url not in teleservices:
                yield ContributionFinding(
                    code=_C.ONLINE_URL_NOT_LISTED,
                    subject=procedure.id,
                    message="online_url is none of the téléservices the procedure lists in "
                    "online_services (a form or a simulator is not the procedure's online "
                    "service)",
                    plugin=plugin,
                )
        yield from self._recognition(procedure.id, procedure_problems(procedure), procedure)

    def _url(self, procedure: Procedure, url: str) -> Iterator[ContributionFinding]:
        from mfs_core.officialsites import PUBLIC_PORTALS, WebsiteKind

        plugin = _plugin(procedure)
        try:
            verdict = self.sites.classify(url)
        except InputError as exc:
            yield ContributionFinding(
                code=_C.ONLINE_URL_MALFORMED,
                subject=procedure.id,
                message=str(exc),
                plugin=plugin,
            )
            return
        if not url.lower().startswith("https://"):
            yield ContributionFinding(
                code=_C.ONLINE_URL_NOT_HTTPS,
                subject=procedure.id,
                message=f"{url!r} must use https",
                plugin=plugin,
            )
        own_site = verdict.verdict is WebsiteKind.PARTNER and verdict.partner == procedure.partner
        if procedure.operator is not None and any(
            verdict.host == d or verdict.host.endswith("." + d) for d in procedure.operator.domains
        ):
            own_site = True  # the service of the operator that runs it (a sourced operator)
        portal = verdict.verdict is WebsiteKind.PUBLIC and any(
            verdict.host == d or verdict.host.endswith("." + d) for d in PUBLIC_PORTALS
        )
        if not (own_site or portal):
            partner = self.registry.partners.get(procedure.partner)
            domains = ", ".join(partner.domains) if partner else "(unknown partner)"
            yield ContributionFinding(
                code=_C.ONLINE_URL_OFF_DOMAIN,
                subject=procedure.id,
                message=f"host {verdict.host!r} is not on the official domains of "
                f"{procedure.partner!r} ({domains}) nor on service-public.fr",
                plugin=plugin,
            )

    def _rule(self, rule: ReferralRule) -> Iterator[ContributionFinding]:
        plugin = _plugin(rule)
        for procedure in rule.procedures:
            if procedure not in self.registry.procedures:
                yield ContributionFinding(
                    code=_C.RULE_UNKNOWN_PROCEDURE,
                    subject=rule.id,
                    message=f"procedure {procedure!r} is contributed by no plugin",
                    plugin=plugin,
                )
        for fact in rule.when_facts:
            if fact not in KNOWN_FACTS:
                yield ContributionFinding(
                    code=_C.RULE_UNKNOWN_FACT,
                    subject=rule.id,
                    message=f"fact {fact!r} is not in KNOWN_FACTS "
                    f"({', '.join(sorted(KNOWN_FACTS))})",
                    plugin=plugin,
                )

    def _required(self, hook: Hook[Any], key: str, item: Any) -> Iterator[ContributionFinding]:
        """The fields the hook requires, then the age of ``last_verified`` if it has one.

        Structured ``sources`` stand for a ``reference``; a procedure that claims no
        verification (``verification`` ``no``) needs no date (it is listed apart, see
        :func:`unverified`); a date later than the newest version of the item's sources is a
        claim they cannot support."""
        plugin = _plugin(item)
        sources = getattr(item, "sources", ())
        for field, code in hook.requires.items():
            value = getattr(item, field)
            if code is _C.REFERENCE_MISSING and sources:
                continue
            if (
                code is _C.LAST_VERIFIED_MISSING
                and getattr(item, "verification", None) is Verification.NO
            ):
                continue
            if value is None or (isinstance(value, str) and not value.strip()):
                message = _MISSING[code]
                if code is _C.REFERENCE_MISSING and hook.plural == "checks":
                    message = "cite the rule the check restates"
                yield ContributionFinding(code=code, subject=key, message=message, plugin=plugin)
        last_verified = getattr(item, "last_verified", None)
        if not isinstance(last_verified, dt.date):
            return
        newest = newest_version(sources)
        if sources and (newest is None or last_verified > (newest.version_date or dt.date.min)):
            supported = (
                f"the newest of its sources is {newest.label()}"
                if newest is not None
                else "none of its sources has a version date"
            )
            yield ContributionFinding(
                code=_C.LAST_VERIFIED_UNSUPPORTED,
                subject=key,
                message=f"last verified on {last_verified.isoformat()}, but {supported}: a "
                "verification date is the date of a source's version, never the day it was read",
                plugin=plugin,
            )
        if last_verified > self.today:
            yield ContributionFinding(
                code=_C.LAST_VERIFIED_FUTURE,
                subject=key,
                message=f"last verified on {last_verified.isoformat()}, after today "
                f"({self.today.isoformat()})",
                plugin=plugin,
            )
        elif self.today - last_verified > self.max_age:
            age = (self.today - last_verified).days
            dated = next((s for s in sources if s.version_date == last_verified), newest)
            source = f" ({dated.label()})" if dated is not None else ""
            yield ContributionFinding(
                code=_C.LAST_VERIFIED_STALE,
                subject=key,
                message=f"last verified on {last_verified.isoformat()}{source}, {age} days "
                f"ago (maximum {self.max_age_days} days): check it against a newer version "
                "of its source",
                plugin=plugin,
            )


#: What to do about an empty field a hook requires.
_MISSING: dict[ContributionCode, str] = {
    _C.REFERENCE_MISSING: "cite the source (fiche id, legal text or official page)",
    _C.REASON_MISSING: "explain in French why and where the resident is referred",
    _C.LAST_VERIFIED_MISSING: "set last_verified to the date the data was checked against "
    "its source",
}
