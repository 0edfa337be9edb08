"""Everything a partner plugin imports, in one namespace.

::

    from mfs_core import plugin as mfs
    from mfs_core.plugin import Check, Procedure, ReferralRule, Severity, hookimpl

What is here is the plugin contract; the rest of ``mfs_core`` is the core's own business.
The page ``docs/plugin-contract.md`` (generated from this module and
:data:`mfs_core.hookspecs.HOOKS`) lists every field, whether ``mfs plugins --check``
requires it, and every allowed value.

- **Marker**: :data:`hookimpl`, on each hook function (``mfs_partners``, ``mfs_procedures``,
  ``mfs_referral_rules``, ``mfs_checks``; see :mod:`mfs_core.hookspecs`).
- **Registration types** a hook yields: :class:`Partner`, :class:`Procedure`,
  :class:`ReferralRule`, :class:`Check`, with their enums :class:`PartnerKind`,
  :class:`Channel`, :class:`ReferralTarget`, :class:`Severity`, :class:`Verification`, and
  the values they hold: :class:`Source` (a structured source, :class:`SourceKind`),
  :class:`OnlineService` (:class:`ServiceKind`), :class:`Replacement`, :class:`Operator`,
  :class:`ProcedureStatus`.
- **Closed vocabularies**: :data:`KNOWN_FACTS` (the facts a rule's ``when_facts`` may test),
  :data:`THEMATIQUES` (the data·inclusion codes a procedure's ``thematiques`` may hold), and
  the formats of ids (:data:`PROCEDURE_ID_PATTERN`, :data:`PARTNER_CODE_PATTERN`,
  :data:`FICHE_ID_PATTERN`).
- **Callables**: :class:`RulePredicate` (a rule's ``predicate(request, context)``) and
  :class:`CheckEvaluate` (a check's ``evaluate(site)``), typed protocols the registry checks
  signatures against.
- **What a check and a predicate read** (imported on first use, so that importing a plugin
  to list it does not load the compliance and routing models): :class:`Site`,
  :class:`CheckContext`, :class:`Finding` (what a check yields), :class:`PartnerOffer`,
  :class:`OfferMode`, :class:`SiteFormat`; :class:`Request`, :class:`RequestChannel`,
  :class:`Urgency`, :class:`SiteContext` (their modules are named in :data:`LAZY`). In a
  plugin module, reach them as attributes (``mfs.Finding(...)``) inside the check function,
  or import them at the top under ``if TYPE_CHECKING:`` for annotations.

- **Data files**: :func:`load_data` reads a partner's TOML data file (partner, procedures,
  referral rules, each with its sources) as a :class:`DataPlugin`, so a plugin whose
  contributions are data is a data file and three lines of Python (format:
  :mod:`mfs_core.datafile`, reference page ``docs/generated/data-format.md``)::

      from mfs_core.plugin import load_data

      _data = load_data(__package__, "droits-info.toml")
      mfs_partners, mfs_procedures, mfs_referral_rules = _data.hooks()

Tests of a plugin use :mod:`mfs_core.testing` (and the fixtures of
:mod:`mfs_core.pytest_plugin`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mfs_core.datafile import DataPlugin, load_data
from mfs_core.hookspecs import hookimpl
from mfs_core.model import (
    FICHE_ID_PATTERN,
    KNOWN_FACTS,
    PARTNER_CODE_PATTERN,
    PROCEDURE_ID_PATTERN,
    Channel,
    Check,
    CheckEvaluate,
    OnlineService,
    Operator,
    Partner,
    PartnerKind,
    Procedure,
    ProcedureStatus,
    ReferralRule,
    ReferralTarget,
    Replacement,
    RulePredicate,
    ServiceKind,
    Severity,
    Source,
    SourceKind,
    Verification,
)
from mfs_core.thematiques import THEMATIQUES

if TYPE_CHECKING:
    from mfs_core.compliance.context import CheckContext
    from mfs_core.compliance.findings import Finding
    from mfs_core.compliance.site import OfferMode, PartnerOffer, Site, SiteFormat
    from mfs_core.routing.context import SiteContext
    from mfs_core.routing.request import Request, RequestChannel, Urgency

__all__ = [
    "FICHE_ID_PATTERN",
    "KNOWN_FACTS",
    "PARTNER_CODE_PATTERN",
    "PROCEDURE_ID_PATTERN",
    "THEMATIQUES",
    "Channel",
    "Check",
    "CheckContext",
    "CheckEvaluate",
    "DataPlugin",
    "Finding",
    "OfferMode",
    "OnlineService",
    "Operator",
    "Partner",
    "PartnerKind",
    "PartnerOffer",
    "Procedure",
    "ProcedureStatus",
    "ReferralRule",
    "ReferralTarget",
    "Replacement",
    "Request",
    "RequestChannel",
    "RulePredicate",
    "ServiceKind",
    "Severity",
    "Site",
    "SiteContext",
    "SiteFormat",
    "Source",
    "SourceKind",
    "Urgency",
    "Verification",
    "hookimpl",
    "load_data",
]

#: Names imported on first use: name -> the module that defines it. They are types of the
#: compliance and routing layers, which a check or a predicate reads when it runs; importing
#: them with the plugin would make listing the plugins pay for those layers.
LAZY: dict[str, str] = {
    "CheckContext": "mfs_core.compliance.context",
    "Finding": "mfs_core.compliance.findings",
    "OfferMode": "mfs_core.compliance.site",
    "PartnerOffer": "mfs_core.compliance.site",
    "Site": "mfs_core.compliance.site",
    "SiteFormat": "mfs_core.compliance.site",
    "Request": "mfs_core.routing.request",
    "RequestChannel": "mfs_core.routing.request",
    "Urgency": "mfs_core.routing.request",
    "SiteContext": "mfs_core.routing.context",
}


def __getattr__(name: str) -> Any:
    module = LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'mfs_core.plugin' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # the next access is a plain lookup
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
