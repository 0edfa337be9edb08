"""What the router answers: a :class:`Decision` and the :class:`TraceEntry` list explaining it.

Its JSON form (``mfs_core.converter.unstructure(decision)``) follows
``mfs_core/schemas/decision.schema.json``; every key is always present, ``null`` or an empty
list when it does not apply.
"""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from mfs_core.model import ReferralTarget, as_offset

__all__ = ["Alternative", "Decision", "DecisionKind", "TraceEntry"]


class DecisionKind(enum.StrEnum):
    """The six outcomes of routing."""

    ANSWER_NOW = "answer_now"  # the agent helps now (steps on the second screen if autonomy)
    APPOINTMENT = "appointment"  # book a slot: busy counter or contacts and research needed
    REFERRAL = "referral"  # hand over to a partner (referent, permanence, video, office)
    ORIENTATION = "orientation"  # send to a local service (CCAS, town hall...)
    UNKNOWN = "unknown"  # no procedure or service fits (suggestions only if close enough)
    CLARIFY = "clarify"  # several procedures fit a need: ask the resident the question


@attrs.frozen(kw_only=True)
class TraceEntry:
    """One rule the router considered, in the order it was considered.

    ``fired`` says whether its conditions held; ``error`` names the exception of a predicate
    that raised (the rule is then skipped). ``note`` is a French sentence for the agent.
    """

    rule: str
    plugin: str
    fired: bool
    priority: int | None = None
    reference: str = ""
    note: str = ""
    error: str | None = None


@attrs.frozen(kw_only=True)
class Alternative:
    """A procedure a need may be about, as need recognition ranked it.

    ``score`` is the ranking score (BM25F times the square root of the confidence; higher is
    closer; comparable within one need only),
    ``confidence`` the share of the need it explains (0 to 1), ``matched`` the words that
    decided, as the agent reads them (« vitale », « assedic → allocation chômage »).
    ``request``: in a ``clarify`` of a need read as several requests, the number (from 1,
    in the order said) of the request it answers; ``None`` otherwise (issue-14aj).
    ``placed``: in a decision's ``alternatives``, why a rule lists it above one of higher
    score there (``subject``, ``head``, ``twins``, ``asked``, ``requests``, ``described``,
    ``question``:
    :attr:`mfs_core.recognition.Candidate.placed`); ``None`` elsewhere (stop 35).
    """

    procedure: str
    partner: str
    title: str
    score: float
    confidence: float = 0.0
    matched: tuple[str, ...] = ()
    request: int | None = None
    placed: str | None = None


@attrs.frozen(kw_only=True)
class Decision:
    """The outcome of routing one request, with the reason in French.

    - ``partner``/``procedure``: where they apply (``None`` otherwise);
    - ``rule``: the id of the rule that decided;
    - ``target``: for a referral, where the resident is sent;
    - ``service``: for an orientation, the local service id;
    - ``steps`` and ``autonomy``: for an answer now, the steps to follow, and whether the
      agent shows them on the second screen so the resident can repeat them alone;
    - ``suggested_slot``: the appointment slot, permanence time or video appointment offered;
    - ``documents``: what the resident brings;
    - ``alternatives``: for ``clarify``, the candidates to ask about, best first; for
      ``unknown``, the procedures worth suggesting (none when nothing is close enough);
    - ``question``: for ``clarify``, the question to ask the resident (French);
    - ``recognition``: when the request gave a need and no procedure, the procedure
      recognised from it, its score and the words that matched (``None`` otherwise);
    - ``trace``: the rules considered (all of them with ``explain=True``; otherwise only the
      deciding rule and any rule whose predicate raised).
    """

    kind: DecisionKind
    reason: str
    rule: str
    partner: str | None = None
    procedure: str | None = None
    target: ReferralTarget | None = None
    service: str | None = None
    steps: tuple[str, ...] = ()
    autonomy: bool = False
    suggested_slot: dt.datetime | None = attrs.field(
        default=None, converter=attrs.converters.optional(as_offset)
    )
    documents: tuple[str, ...] = ()
    alternatives: tuple[Alternative, ...] = ()
    question: str | None = None
    recognition: Alternative | None = None
    trace: tuple[TraceEntry, ...] = ()
