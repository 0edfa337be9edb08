"""What a resident asks for: the :class:`Request` the router decides on.

A request carries no name and no identifier: only the procedure (or a free-text need), how
the resident came, whether they want to learn to do it alone, the urgency and a few facts
from :data:`mfs_core.model.KNOWN_FACTS`. Build it from JSON with
``mfs_core.converter.structure(data, Request)``; its JSON Schema is
``mfs_core/schemas/request.schema.json``.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterable
from typing import Any

import attrs

from mfs_core.inputs import aware_datetime, blank_text
from mfs_core.model import KNOWN_FACTS, PROCEDURE_ID_PATTERN, as_offset

__all__ = ["MAX_NEED_CHARS", "Request", "RequestChannel", "Urgency", "need_length"]

#: Longest free-text need (characters): a need is a sentence or two. The same limit for
#: ``mfs route``, ``mfs recognise``, the request files and the HTTP service; recognition
#: itself reads no further (:data:`mfs_core.recognition.normalise.MAX_TEXT_CHARS`).
MAX_NEED_CHARS = 2_000


def need_length(text: str) -> int:
    """The length of a need as :data:`MAX_NEED_CHARS` counts it: characters once Unicode
    composes them (NFC), so that an accent typed as a combining mark counts with its
    letter (« e » + U+0301 is one « é ») and a need is as long as it reads. A JSON Schema
    ``maxLength`` counts code points: every need the schema accepts is accepted here."""
    import unicodedata

    return len(unicodedata.normalize("NFC", text))


class RequestChannel(enum.StrEnum):
    """How the resident reaches the France services site."""

    COUNTER = "counter"  # at the desk
    PHONE = "phone"
    VIDEO = "video"
    MOBILE = "mobile"  # a mobile site (bus) stop


class Urgency(enum.StrEnum):
    """``urgent`` requests are never postponed because the counter is busy."""

    NORMAL = "normal"
    URGENT = "urgent"


def _facts(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        raise TypeError("facts: expected a list of fact names, got a single string")
    return tuple(sorted(set(value)))


#: What a fact name looks like (``needs_research``): such a value is quoted in a message.
_FACT_NAME = re.compile(r"[a-z][a-z0-9_]{0,39}")


def _check_facts(_instance: Any, _attribute: Any, facts: tuple[str, ...]) -> None:
    unknown = [f for f in facts if f not in KNOWN_FACTS]
    if unknown:
        known = ", ".join(sorted(KNOWN_FACTS))
        # A misspelt fact name is quoted; anything else may be free text about the resident
        # (« né le … »): described, never quoted (docs/hostile-input.md).
        shown = [
            repr(f) if _FACT_NAME.fullmatch(f) else "a text that is no fact name" for f in unknown
        ]
        raise ValueError(f"facts: unknown fact(s) {', '.join(shown)} (known: {known})")


@attrs.frozen(kw_only=True)
class Request:
    """One resident's request, as the agent records it (no personal data).

    At least one of ``procedure`` (a procedure id such as ``dgfip.reclamation``) and ``need``
    (free text, with an optional data·inclusion ``thematique``) is given. ``received_at`` is
    when the request came in; when absent, the router uses the context's ``now``.
    """

    channel: RequestChannel
    wants_autonomy: bool
    procedure: str | None = None
    need: str | None = None
    thematique: str | None = None
    urgency: Urgency = Urgency.NORMAL
    facts: tuple[str, ...] = attrs.field(default=(), converter=_facts, validator=_check_facts)
    received_at: dt.datetime | None = attrs.field(
        default=None, converter=attrs.converters.optional(as_offset), validator=aware_datetime
    )

    def __attrs_post_init__(self) -> None:
        if self.need is not None and need_length(self.need) > MAX_NEED_CHARS:
            # Said, not cut: a need cut silently was decided on its first words only.
            raise ValueError(f"need: expected at most {MAX_NEED_CHARS} characters")
        if self.procedure is None and (self.need is None or blank_text(self.need)):
            raise ValueError("procedure/need: give a procedure id or a free-text need")
        if self.procedure is not None and not PROCEDURE_ID_PATTERN.match(self.procedure):
            # The value is not repeated: a request's text may be personal data (issue 15).
            raise ValueError(
                "procedure: expected a procedure id (<partner>.<slug>, e.g. 'dgfip.reclamation')"
            )
