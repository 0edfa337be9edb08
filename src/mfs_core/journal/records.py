"""The journal's records: requests, follow-up events, and what the journal stores of them.

A :class:`RequestRecord` is what municipal software hands in (the JSONL contract of
``mfs journal add``); an :class:`EventRecord` adds what became of a request later (an
appointment held, a referral accepted, refused or expired). Both are append-only: a record
is never updated, a later fact is a new event.

The journal never stores a record as given: the note is redacted and the resident's
identifier is replaced by a keyed pseudonym (see :mod:`mfs_core.journal.api`). The clear
fields are excluded from ``repr`` so that a record printed in a log shows no personal data.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from typing import TYPE_CHECKING, Any

import attrs

from mfs_core.inputs import aware_datetime, text_problem
from mfs_core.model import (
    PARTNER_CODE_PATTERN,
    PROCEDURE_ID_PATTERN,
    Channel,
    ReferralTarget,
    as_offset,
)
from mfs_core.redaction import id_problem, safe_repr

if TYPE_CHECKING:
    # Types only: routing never imports the journal, and the journal needs no routing code
    # at run time (the decision's values are read, not its classes).
    from mfs_core.routing import Decision, Request

__all__ = [
    "DEFAULT_OUTCOME",
    "RECORD_ID_PATTERN",
    "RULE_ID_PATTERN",
    "THEMATIQUE_PATTERN",
    "Autonomy",
    "EventKind",
    "EventRecord",
    "Outcome",
    "RequestRecord",
    "RoutingDecision",
    "StoredEvent",
    "StoredRequest",
    "partner_of",
]

#: An opaque id chosen by the recording software: letters, digits and ``._:-``, 1-128 long.
RECORD_ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$")
_ID_RULE = "an opaque id of 1 to 128 characters among A-Z a-z 0-9 . _ : -"
#: A data·inclusion thematique code, one or two levels: ``famille--garde-d-enfants``.
THEMATIQUE_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:--[a-z0-9]+(?:-[a-z0-9]+)*)?$")
#: A routing rule id, as partner plugins and the router write them: ``core.answer-now``,
#: ``dgfip.contestation`` (the pattern :class:`mfs_core.model.ReferralRule` enforces).
RULE_ID_PATTERN = PROCEDURE_ID_PATTERN
#: Longest note kept (characters); a longer note is an input error, not silently cut.
MAX_NOTE_LENGTH = 2000
#: Longest resident identifier (characters): a file number, or a name and a birth date.
MAX_RESIDENT_LENGTH = 256


class Outcome(enum.StrEnum):
    """What the counter did with a request at the first meeting."""

    RESOLVED_FIRST_CONTACT = "resolved_first_contact"
    APPOINTMENT = "appointment"
    REFERRAL = "referral"
    ORIENTATION = "orientation"
    UNRESOLVED = "unresolved"


class Autonomy(enum.StrEnum):
    """Who did the procedure: the agent, the resident helped by the agent, or the resident."""

    DONE_BY_AGENT = "done_by_agent"
    ACCOMPANIED = "accompanied"
    AUTONOMOUS = "autonomous"


class RoutingDecision(enum.StrEnum):
    """What the router decided for a request: the values of
    :class:`mfs_core.routing.DecisionKind`, repeated here so that the journal's contract does
    not depend on the routing package (a test keeps both in step). ``clarify`` is not one:
    it asks the resident a question, and the request is routed again with the answer."""

    ANSWER_NOW = "answer_now"
    APPOINTMENT = "appointment"
    REFERRAL = "referral"
    ORIENTATION = "orientation"
    UNKNOWN = "unknown"


#: The outcome each decision leads to when the meeting goes as the router proposed. The
#: report counts the requests whose recorded outcome differs (a signal for tuning rules).
DEFAULT_OUTCOME: dict[RoutingDecision, Outcome] = {
    RoutingDecision.ANSWER_NOW: Outcome.RESOLVED_FIRST_CONTACT,
    RoutingDecision.APPOINTMENT: Outcome.APPOINTMENT,
    RoutingDecision.REFERRAL: Outcome.REFERRAL,
    RoutingDecision.ORIENTATION: Outcome.ORIENTATION,
    RoutingDecision.UNKNOWN: Outcome.UNRESOLVED,
}


class EventKind(enum.StrEnum):
    """A follow-up fact about an earlier request."""

    APPOINTMENT_HELD = "appointment_held"
    REFERRAL_ACCEPTED = "referral_accepted"
    REFERRAL_REFUSED = "referral_refused"
    REFERRAL_EXPIRED = "referral_expired"


#: The outcome an event kind follows up (an appointment held needs an appointment...).
EVENT_FOLLOWS: dict[EventKind, Outcome] = {
    EventKind.APPOINTMENT_HELD: Outcome.APPOINTMENT,
    EventKind.REFERRAL_ACCEPTED: Outcome.REFERRAL,
    EventKind.REFERRAL_REFUSED: Outcome.REFERRAL,
    EventKind.REFERRAL_EXPIRED: Outcome.REFERRAL,
}


def partner_of(procedure: str) -> str:
    """The partner code of a procedure id: the part before the first dot (``dgfip.x`` →
    ``dgfip``), as every procedure id is ``<partner>.<slug>``."""
    return procedure.split(".", 1)[0]


def _pattern(pattern: re.Pattern[str], what: str, *, quote: bool = True) -> Any:
    def validate(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None and not pattern.match(value):
            # A malformed id may be an e-mail or a name typed in the wrong field: not quoted;
            # other values are quoted with any personal data in them redacted.
            from mfs_core.converter import values_shown  # on the error path only

            got = f", got {safe_repr(value)}" if quote and values_shown() else ""
            raise ValueError(f"{attribute.name}: expected {what}{got}")

    return validate


_id_shape = _pattern(RECORD_ID_PATTERN, _ID_RULE, quote=False)


def _opaque_id(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """An id is stored and exported in clear: it must not be a NIR, a phone, a name..."""
    _id_shape(instance, attribute, value)
    problem = id_problem(value)
    if problem is not None:
        raise ValueError(f"{attribute.name}: {problem}")


def _free_text(limit: int) -> Any:
    def validate(_instance: Any, attribute: attrs.Attribute[Any], value: str | None) -> None:
        if value is None:
            return
        # Messages never quote the text: it is personal.
        if not isinstance(value, str):
            raise ValueError(f"{attribute.name}: expected a string")
        if len(value) > limit:
            raise ValueError(
                f"{attribute.name}: expected at most {limit} characters, got {len(value)}"
            )
        if problem := text_problem(value):
            raise ValueError(f"{attribute.name}: expected text: {problem}")

    return validate


_note_length = _free_text(MAX_NOTE_LENGTH)


def _resident(instance: Any, attribute: attrs.Attribute[Any], value: str | None) -> None:
    _free_text(MAX_RESIDENT_LENGTH)(instance, attribute, value)
    if value is not None and not value.strip():
        raise ValueError(f"{attribute.name}: expected a non-empty identifier")


@attrs.frozen(kw_only=True)
class RequestRecord:
    """A request as the recording software gives it (the JSONL contract).

    ``procedure`` (a procedure id such as ``dgfip.declaration-revenus``) or ``thematique``
    (a data·inclusion code) says what the request was about; at least one is required.
    ``partner`` defaults to the procedure's partner. ``resident`` is any stable identifier of
    the resident known to the recording software: it is never stored, only its keyed
    pseudonym, so that a returning resident can be counted without being named. ``note`` is
    free text, redacted before storage.

    ``decision`` is what the router decided (:class:`RoutingDecision`), ``decision_rule`` the
    id of the rule that decided and ``referral_target`` where a referral sends the resident:
    all optional, so that software which does not route keeps recording as before. Build a
    record from a routing decision with :meth:`from_decision`.
    """

    id: str = attrs.field(validator=_opaque_id)
    received_at: dt.datetime = attrs.field(converter=as_offset, validator=aware_datetime)
    channel: Channel = attrs.field(converter=Channel)
    outcome: Outcome = attrs.field(converter=Outcome)
    procedure: str | None = attrs.field(
        default=None, validator=_pattern(PROCEDURE_ID_PATTERN, "a procedure id <partner>.<slug>")
    )
    thematique: str | None = attrs.field(
        default=None, validator=_pattern(THEMATIQUE_PATTERN, "a data·inclusion thematique code")
    )
    partner: str | None = attrs.field(
        default=None, validator=_pattern(PARTNER_CODE_PATTERN, "a partner code")
    )
    autonomy: Autonomy | None = attrs.field(
        default=None, converter=attrs.converters.optional(Autonomy)
    )
    note: str | None = attrs.field(default=None, repr=False, validator=_note_length)
    resident: str | None = attrs.field(default=None, repr=False, validator=_resident)
    decision: RoutingDecision | None = attrs.field(
        default=None, converter=attrs.converters.optional(RoutingDecision)
    )
    decision_rule: str | None = attrs.field(
        default=None, validator=_pattern(RULE_ID_PATTERN, "a rule id <plugin>.<slug>")
    )
    referral_target: ReferralTarget | None = attrs.field(
        default=None, converter=attrs.converters.optional(ReferralTarget)
    )

    def __attrs_post_init__(self) -> None:
        if self.procedure is None and self.thematique is None:
            raise ValueError("procedure or thematique: expected at least one of them")
        if self.partner and self.procedure and self.partner != partner_of(self.procedure):
            # Counted under two partners at once otherwise, depending on the breakdown.
            raise ValueError(
                f"partner: {safe_repr(self.partner)} is not the partner of procedure "
                f"{safe_repr(self.procedure)} ({safe_repr(partner_of(self.procedure))}); "
                "leave it out"
            )
        if self.decision is None and self.decision_rule is not None:
            raise ValueError("decision: expected the decision that decision_rule took")
        if self.referral_target is not None and self.decision is not RoutingDecision.REFERRAL:
            raise ValueError("referral_target: expected only with the decision 'referral'")

    @classmethod
    def from_decision(
        cls,
        request: Request,
        decision: Decision,
        *,
        id: str,
        outcome: Outcome | str | None = None,
        received_at: dt.datetime | None = None,
        thematique: str | None = None,
        autonomy: Autonomy | str | None = None,
        note: str | None = None,
        resident: str | None = None,
    ) -> RequestRecord:
        """The record of a request the router decided on, without glue code.

        ``received_at``, ``channel``, ``procedure`` and ``thematique`` come from the routing
        ``request`` (``procedure`` from the decision when the request named none);
        ``partner``, ``decision``, ``decision_rule`` and ``referral_target`` from the
        ``decision``. ``outcome`` defaults to :data:`DEFAULT_OUTCOME` of the decision; pass
        the real one when the meeting went otherwise. ``received_at`` and ``thematique``
        are needed here only when the request lacks them. Nothing personal is copied: the
        routing request has no personal data; ``note`` and ``resident`` are the caller's.
        """
        # By value (a str enum, or a plain str in a request built without the converter).
        if decision.kind == "clarify":
            raise ValueError(
                "decision: a clarify decision is a question for the resident, not an outcome: "
                "route again with the procedure the resident chose, then record that decision"
            )
        kind = RoutingDecision(decision.kind)
        when = received_at or request.received_at
        if when is None:
            raise ValueError("received_at: the routing request has none, pass received_at=")
        procedure = request.procedure or decision.procedure
        thematique = thematique or request.thematique
        if procedure is None and thematique is None:
            raise ValueError(
                "thematique: the routing request names no procedure and no thematique, "
                "pass thematique="
            )
        return cls(
            id=id,
            received_at=when,
            # Every routing channel (counter, phone, video, mobile) is a journal channel.
            channel=Channel(request.channel),
            outcome=DEFAULT_OUTCOME[kind] if outcome is None else Outcome(outcome),
            procedure=procedure,
            thematique=thematique,
            partner=decision.partner,
            autonomy=autonomy,
            note=note,
            resident=resident,
            decision=kind,
            decision_rule=decision.rule,
            referral_target=decision.target,
        )

    @property
    def partner_code(self) -> str | None:
        """The partner given, else the procedure's partner, else ``None``."""
        if self.partner is not None:
            return self.partner
        return partner_of(self.procedure) if self.procedure else None


@attrs.frozen(kw_only=True)
class EventRecord:
    """A follow-up fact about request ``request_id`` (JSONL lines carrying ``event``).

    ``reason`` is required when a referral is refused (free text, redacted before storage).
    """

    id: str = attrs.field(validator=_opaque_id)
    event: EventKind = attrs.field(converter=EventKind)
    request_id: str = attrs.field(validator=_opaque_id)
    occurred_at: dt.datetime = attrs.field(converter=as_offset, validator=aware_datetime)
    reason: str | None = attrs.field(default=None, repr=False, validator=_note_length)

    def __attrs_post_init__(self) -> None:
        if self.event is EventKind.REFERRAL_REFUSED and not (self.reason or "").strip():
            raise ValueError("reason: expected the reason of the refusal")


@attrs.frozen(kw_only=True)
class StoredRequest:
    """A request as the journal keeps it: note redacted, resident pseudonymised.

    ``redacted`` lists the kinds of data removed from the note (``nir``, ``iban?`` for a
    look-alike failing its checksum...), never the values.
    """

    id: str
    received_at: dt.datetime
    channel: str
    outcome: str
    procedure: str | None
    thematique: str | None
    partner: str | None
    autonomy: str | None
    note: str | None
    resident_pseudonym: str | None
    redacted: tuple[str, ...] = ()
    decision: str | None = None
    decision_rule: str | None = None
    referral_target: str | None = None


@attrs.frozen(kw_only=True)
class StoredEvent:
    """A follow-up event as the journal keeps it (reason redacted)."""

    id: str
    event: str
    request_id: str
    occurred_at: dt.datetime
    reason: str | None
    redacted: tuple[str, ...] = ()
