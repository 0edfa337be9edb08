"""The plugin contract: the hooks a partner plugin implements, declared once.

A plugin is a module (or any object) with functions decorated by :data:`hookimpl`, exposed
through the entry-point group ``mfs_core.plugins``::

    # pyproject.toml of the plugin
    [project.entry-points."mfs_core.plugins"]
    droits-info = "mfs_droits_info.plugin"   # the module holding the @hookimpl functions

A partner imports everything it needs from :mod:`mfs_core.plugin`; the page
``docs/plugin-contract.md`` lists every field, whether ``mfs plugins --check`` requires it
and every allowed value.

Every hook takes no argument and returns (or yields) registration objects of one type. For
each item the registry:

1. checks its type (another type is a ``type`` fault of the plugin);
2. checks its fields (:func:`mfs_core.contract.malformed`): the type of each value, enum
   values, the format of ids, partner codes and fiche ids, and the signature of the
   callables it carries (a rule's ``predicate``, a check's ``evaluate``) against their
   protocols. A malformed item is left out and reported under its own code (e.g.
   ``fiche-id-malformed``); the rest of the hook is kept;
3. stamps it with the plugin and distribution that gave it (``provenance``);
4. rejects a duplicate id, naming both plugins (the first in plugin order is kept);
5. sorts the results by id, so no output depends on load order.

A hook that raises, exits, prints or overruns its time budget loses its contributions (a
fault naming the plugin); the other hooks and plugins keep working. A plugin implements only
the hooks it needs. ``mfs plugins --check`` then judges what was kept
(:mod:`mfs_core.validation`): partners that exist, URLs on the partner's domains, known
facts and thematiques, a source and a last-verified date on every procedure, rule and check.

:data:`HOOKS` is the table the registry, the converter, ``mfs plugins`` and the docs read:
adding a hook is one declaration here (and a field of
:class:`~mfs_core.registry.Registry` of the same name as its ``plural``).

This contract is stable: hooks may be added, never removed or changed in a minor release.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, Generic, TypeVar

import attrs
import pluggy

from mfs_core.contract import Call, ContributionCode, Format, Malformed, malformed
from mfs_core.model import (
    FICHE_ID_PATTERN,
    PARTNER_CODE_PATTERN,
    PROCEDURE_ID_PATTERN,
    Check,
    CheckEvaluate,
    Partner,
    Procedure,
    ReferralRule,
    RulePredicate,
)

__all__ = ["HOOKS", "PROJECT_NAME", "Hook", "hookimpl", "hookspec"]

#: The pluggy project name; markers must use it.
PROJECT_NAME = "mfs_core"

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
#: Decorate a plugin's hook implementations with this marker.
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)

T = TypeVar("T")
_F = TypeVar("_F", bound=Callable[..., Any])


@attrs.frozen(kw_only=True)
class Hook(Generic[T]):
    """One hook of the contract: its name, what it yields, and how an item is judged.

    ``key`` is the field that identifies an item (unique across plugins); ``plural`` names
    the :class:`~mfs_core.registry.Registry` mapping, the count of
    :class:`~mfs_core.registry.PluginInfo` and the key of ``mfs plugins --format json``;
    ``formats`` and ``calls`` are checked by the registry, which leaves out an item that
    fails them; ``requires`` are the fields ``mfs plugins --check`` wants non-empty, with
    the code it reports when one is empty; ``reports`` the other codes ``--check`` reports
    on a field of a kept item (:mod:`mfs_core.validation`), for the contract page (a test
    holds both to what validation does).
    """

    name: str
    type: type[T]
    key: str
    label: str
    plural: str
    formats: Mapping[str, Format] = attrs.field(factory=dict)
    calls: Mapping[str, Call] = attrs.field(factory=dict)
    requires: Mapping[str, ContributionCode] = attrs.field(factory=dict)
    reports: Mapping[str, tuple[ContributionCode, ...]] = attrs.field(factory=dict)
    doc: str = ""

    def key_of(self, item: T) -> str:
        """The item's id (or partner code), as text even when it is malformed."""
        value = getattr(item, self.key)
        return value if isinstance(value, str) else f"<{type(value).__name__}>"

    def malformed(self, item: T) -> list[Malformed]:
        """The problems that leave the item out of the registry (empty: well formed)."""
        return malformed(item, self.formats, self.calls)


#: Every hook of the contract, in the order the registry collects them.
HOOKS: list[Hook[Any]] = []


def _declare(
    type_: type[T],
    *,
    key: str,
    label: str,
    plural: str,
    formats: Mapping[str, Format] | None = None,
    calls: Mapping[str, Call] | None = None,
    requires: Mapping[str, ContributionCode] | None = None,
    reports: Mapping[str, tuple[ContributionCode, ...]] | None = None,
) -> Callable[[_F], _F]:
    """Declare the hook a function specifies: a pluggy hookspec and an entry of HOOKS."""

    def declare(function: _F) -> _F:
        HOOKS.append(
            Hook(
                name=function.__name__,
                type=type_,
                key=key,
                label=label,
                plural=plural,
                formats=formats or {},
                calls=calls or {},
                requires=requires or {},
                reports=reports or {},
                doc=function.__doc__ or "",
            )
        )
        return hookspec(function)

    return declare


# The words of these messages are those the model's validators used (files keep them).
_PARTNER = Format(PARTNER_CODE_PATTERN, "a partner code")
_FICHE = Format(
    FICHE_ID_PATTERN, "a service-public.fr fiche id", ContributionCode.FICHE_ID_MALFORMED
)
_DATED = {
    "reference": ContributionCode.REFERENCE_MISSING,
    "last_verified": ContributionCode.LAST_VERIFIED_MISSING,
}
_C = ContributionCode
_AGE = {"last_verified": (_C.LAST_VERIFIED_STALE, _C.LAST_VERIFIED_FUTURE)}
_OWNED = {"id": (_C.ID_PARTNER_MISMATCH,), "partner": (_C.UNKNOWN_PARTNER,)}
# Words need recognition searches (mfs_core.recognition.checks): blank, only stop words, or
# longer than it reads.
_WORDS = (_C.RECOGNITION_TEXT_BLANK, _C.RECOGNITION_NO_WORDS, _C.RECOGNITION_TEXT_TOO_LONG)


@_declare(
    Partner,
    key="code",
    label="partner",
    plural="partners",
    formats={"code": _PARTNER},
    reports={"domains": (_C.PARTNER_DOMAIN_MALFORMED,), "keywords": _WORDS},
)
def mfs_partners() -> Iterable[Partner]:  # type: ignore[empty-body]
    """Contribute partners (operators whose procedures the counter handles).

    Validated: ``code`` is a partner code (lower-case ASCII, e.g. ``caf``), unique across
    plugins; every other field has its declared type. ``--check`` also wants each domain
    a bare lower-case host name (no scheme, path or trailing dot), and ``keywords`` (words
    residents use for the partner, read by need recognition) that can match a need.

    Example::

        @hookimpl
        def mfs_partners():
            yield Partner(code="dgfip", name="Direction générale des Finances publiques",
                          domains=("impots.gouv.fr",),
                          reference="Sénat r21-778 (the nine national partners)")
    """


@_declare(
    Procedure,
    key="id",
    label="procedure",
    plural="procedures",
    formats={
        "id": Format(PROCEDURE_ID_PATTERN, "a procedure id"),
        "partner": _PARTNER,
        "fiche_id": _FICHE,
    },
    requires=_DATED,
    reports={
        **_OWNED,
        "thematiques": (_C.THEMATIQUE_UNKNOWN,),
        "online_url": (
            _C.ONLINE_URL_MALFORMED,
            _C.ONLINE_URL_NOT_HTTPS,
            _C.ONLINE_URL_OFF_DOMAIN,
        ),
        "keywords": _WORDS,
        "questions": _WORDS,
        "related_questions": (*_WORDS, _C.RELATED_QUESTION_ALSO_OWN),
        "fiche_title": (
            _C.RECOGNITION_TEXT_BLANK,
            _C.RECOGNITION_TEXT_TOO_LONG,
            _C.FICHE_TITLE_WITHOUT_FICHE,
        ),
        "description": (_C.RECOGNITION_TEXT_BLANK, _C.RECOGNITION_TEXT_TOO_LONG),
        **_AGE,
    },
)
def mfs_procedures() -> Iterable[Procedure]:  # type: ignore[empty-body]
    """Contribute procedures. Each names its partner, which some plugin must contribute.

    Validated: ``id`` is ``<partner>.<slug>``, unique across plugins; ``fiche_id`` is F, N or R
    and digits (``'F 15396'`` is left out as ``fiche-id-malformed``); enums and types as
    declared. ``--check`` also wants: the id starting with the partner code, a known partner,
    data·inclusion thematiques, an https ``online_url`` on the partner's domains (or
    service-public.fr), recognition data that can match a need (``keywords``,
    ``questions``, ``fiche_title`` and ``description`` not blank, not only stop words, not
    too long; a ``fiche_title`` only with its ``fiche_id``; ``related_questions``, the
    fiche's question titles about another subject, held to the same form (searched with
    them, never claimed on their words) and never also in ``questions``), a ``reference``
    and a
    ``last_verified`` date no older than the maximum age.

    Example::

        @hookimpl
        def mfs_procedures():
            yield Procedure(id="dgfip.declaration-revenus", partner="dgfip",
                            title="Déclarer ses revenus", fiche_id="F358",
                            keywords=("impôt", "revenus", "déclaration", "2042"),
                            reference="service-public.fr F358",
                            last_verified=date(2026, 11, 27))
    """


@_declare(
    ReferralRule,
    key="id",
    label="referral rule",
    plural="referral_rules",
    formats={"id": Format(PROCEDURE_ID_PATTERN, "a rule id"), "partner": _PARTNER},
    calls={"predicate": Call(RulePredicate, ContributionCode.PREDICATE_SIGNATURE)},
    requires={"reason": ContributionCode.REASON_MISSING, **_DATED},
    reports={
        **_OWNED,
        "procedures": (_C.RULE_UNKNOWN_PROCEDURE,),
        "when_facts": (_C.RULE_UNKNOWN_FACT,),
        **_AGE,
    },
)
def mfs_referral_rules() -> Iterable[ReferralRule]:  # type: ignore[empty-body]
    """Contribute referral rules: when the counter hands a request over to a partner.

    A rule fires when every fact of ``when_facts`` (from ``KNOWN_FACTS``) holds on the request
    and its optional ``predicate`` (``mfs_core.plugin.RulePredicate``, called as
    ``predicate(request, context)``) returns a true value. Validated: ``id`` and ``partner``
    as for procedures, ``target`` a ``ReferralTarget``, and a predicate that accepts those
    two arguments (else the rule is left out as ``predicate-signature``). ``--check`` also
    wants: known procedures and facts, a French ``reason``, a ``reference`` and a recent
    ``last_verified``.

    Example::

        @hookimpl
        def mfs_referral_rules():
            yield ReferralRule(id="dgfip.contentieux", partner="dgfip",
                               target=ReferralTarget.REFERENT, when_facts=("dispute",),
                               reason="Une contestation relève du service des impôts.",
                               reference="service-public.fr F110 (réclamation)",
                               last_verified=date(2026, 11, 27))
    """


@_declare(
    Check,
    key="id",
    label="check",
    plural="checks",
    formats={"id": Format(PROCEDURE_ID_PATTERN, "a check id")},
    calls={"evaluate": Call(CheckEvaluate, ContributionCode.EVALUATE_SIGNATURE, required=True)},
    requires=_DATED,
    reports=_AGE,
)
def mfs_checks() -> Iterable[Check]:  # type: ignore[empty-body]
    """Contribute label-compliance checks to the catalogue.

    ``Check.evaluate`` (``mfs_core.plugin.CheckEvaluate``) is called as ``evaluate(site)``
    with a ``mfs_core.plugin.Site`` whose ``context`` holds the evaluation date, the
    schedules and the installed partners; it returns or yields ``mfs_core.plugin.Finding``
    objects: none (or ``None``) when the site passes. The runner stamps each with the
    check's id and its own severity (a ``Severity`` or its string value) or else the
    check's, and drops any waiver it sets (only site files grant waivers); a check that
    raises, prints, overruns its budget, yields anything else or a finding with a field of
    the wrong type is reported as an error finding naming its plugin. Validated: ``id`` as
    for procedures, ``severity`` a ``Severity``, and an ``evaluate`` that accepts one
    argument (else the check is left out as ``evaluate-signature``). ``--check`` also
    wants a ``reference`` and a recent ``last_verified``.

    Example::

        @hookimpl
        def mfs_checks():
            yield Check(id="droits-info.permanence", title="Permanence mensuelle",
                        severity=Severity.WARNING,
                        reference="the association's agreement with the site (example)",
                        remediation="Planifier une permanence.",
                        last_verified=date(2026, 11, 27), evaluate=check_permanence)
    """


def hook(name: str) -> Hook[Any]:
    """The hook of this name (``KeyError`` if the contract has none)."""
    for declared in HOOKS:
        if declared.name == name:
            return declared
    raise KeyError(name)
