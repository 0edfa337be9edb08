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
from typing import Any

import attrs

from mfs_core.model import PARTNER_CODE_PATTERN, PROCEDURE_ID_PATTERN, Channel, as_offset

__all__ = [
    "RECORD_ID_PATTERN",
    "THEMATIQUE_PATTERN",
    "Autonomy",
    "EventKind",
    "EventRecord",
    "Outcome",
    "RequestRecord",
    "StoredEvent",
    "StoredRequest",
    "partner_of",
]

#: An opaque id chosen by the recording software: letters, digits and ``._:-``, 1-128 long.
RECORD_ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$")
_ID_RULE = "an opaque id of 1 to 128 characters among A-Z a-z 0-9 . _ : -"
#: A data·inclusion thematique code, one or two levels: ``famille--garde-d-enfants``.
THEMATIQUE_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:--[a-z0-9]+(?:-[a-z0-9]+)*)?$")
#: Longest note kept (characters); a longer note is an input error, not silently cut.
MAX_NOTE_LENGTH = 2000


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
            # A malformed id may be an e-mail or a name typed in the wrong field: not quoted.
            got = f", got {value!r}" if quote else ""
            raise ValueError(f"{attribute.name}: expected {what}{got}")

    return validate


_opaque_id = _pattern(RECORD_ID_PATTERN, _ID_RULE, quote=False)


def _aware(_instance: Any, attribute: attrs.Attribute[Any], value: dt.datetime) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{attribute.name}: expected a date-time with its UTC offset")


def _note_length(_instance: Any, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and len(value) > MAX_NOTE_LENGTH:
        raise ValueError(
            f"{attribute.name}: expected at most {MAX_NOTE_LENGTH} characters, got {len(value)}"
        )


@attrs.frozen(kw_only=True)
class RequestRecord:
    """A request as the recording software gives it (the JSONL contract).

    ``procedure`` (a procedure id such as ``dgfip.declaration-revenus``) or ``thematique``
    (a data·inclusion code) says what the request was about; at least one is required.
    ``partner`` defaults to the procedure's partner. ``resident`` is any stable identifier of
    the resident known to the recording software: it is never stored, only its keyed
    pseudonym, so that a returning resident can be counted without being named. ``note`` is
    free text, redacted before storage.
    """

    id: str = attrs.field(validator=_opaque_id)
    received_at: dt.datetime = attrs.field(converter=as_offset, validator=_aware)
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
    resident: str | None = attrs.field(default=None, repr=False)

    def __attrs_post_init__(self) -> None:
        if self.procedure is None and self.thematique is None:
            raise ValueError("procedure or thematique: expected at least one of them")

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
    occurred_at: dt.datetime = attrs.field(converter=as_offset, validator=_aware)
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


@attrs.frozen(kw_only=True)
class StoredEvent:
    """A follow-up event as the journal keeps it (reason redacted)."""

    id: str
    event: str
    request_id: str
    occurred_at: dt.datetime
    reason: str | None
    redacted: tuple[str, ...] = ()
