"""The plugin contract: the hooks a partner plugin implements.

A plugin is a module (or any object) with functions decorated by :data:`hookimpl`, exposed
through the entry-point group ``mfs_core.plugins``::

    # pyproject.toml of the plugin
    [project.entry-points."mfs_core.plugins"]
    droits-info = "mfs_droits_info.plugin"

Every hook takes no argument and returns an iterable of typed registration objects from
:mod:`mfs_core.model`; the registry checks their type, stamps each with the plugin and
distribution that gave it, rejects duplicate ids naming both plugins, and sorts them so no
output depends on load order. A plugin implements only the hooks it needs.

This contract is stable: hooks may be added, never removed or changed in a minor release.
"""

from __future__ import annotations

from collections.abc import Iterable

import pluggy

from mfs_core.model import Check, Partner, Procedure, ReferralRule

__all__ = ["PROJECT_NAME", "hookimpl", "hookspec"]

#: The pluggy project name; markers must use it.
PROJECT_NAME = "mfs_core"

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
#: Decorate a plugin's hook implementations with this marker.
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)


@hookspec
def mfs_partners() -> Iterable[Partner]:  # type: ignore[empty-body]
    """Contribute partners (operators whose procedures the counter handles).

    Example::

        @hookimpl
        def mfs_partners():
            yield Partner(code="dgfip", name="Direction générale des Finances publiques",
                          domains=("impots.gouv.fr",))
    """


@hookspec
def mfs_procedures() -> Iterable[Procedure]:  # type: ignore[empty-body]
    """Contribute procedures. Each names its partner, which some plugin must contribute.

    Example::

        @hookimpl
        def mfs_procedures():
            yield Procedure(id="dgfip.declaration-revenus", partner="dgfip",
                            title="Déclarer ses revenus", fiche_id="F358",
                            last_verified=date(2026, 11, 27))
    """


@hookspec
def mfs_referral_rules() -> Iterable[ReferralRule]:  # type: ignore[empty-body]
    """Contribute referral rules: when the counter hands a request over to a partner.

    Example::

        @hookimpl
        def mfs_referral_rules():
            yield ReferralRule(id="dgfip.contentieux", partner="dgfip",
                               target=ReferralTarget.REFERENT, when_facts=("dispute",),
                               reason="Une contestation relève du service des impôts.")
    """


@hookspec
def mfs_checks() -> Iterable[Check]:  # type: ignore[empty-body]
    """Contribute label-compliance checks to the catalogue.

    ``Check.evaluate`` is called as ``evaluate(site)`` with a
    :class:`mfs_core.compliance.site.Site` whose ``context`` holds the evaluation date, the
    schedules and the installed partners; it returns or yields
    :class:`mfs_core.compliance.findings.Finding` objects (none when the site passes). The
    runner stamps each with the check's id and severity; a check that raises is reported as
    an error finding naming its plugin.

    Example::

        @hookimpl
        def mfs_checks():
            yield Check(id="droits-info.permanence", title="Permanence mensuelle",
                        severity=Severity.WARNING, reference="Convention locale 2025",
                        remediation="Planifier une permanence.", evaluate=check_permanence)
    """
