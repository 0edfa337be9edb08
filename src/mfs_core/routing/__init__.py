"""Request routing: what happens to a resident's request, and why.

Build a :class:`Router` once from a :class:`~mfs_core.registry.Registry`, then call
:meth:`Router.decide` for each :class:`Request` in a :class:`SiteContext`::

    from mfs_core.registry import Registry
    from mfs_core.routing import Request, RequestChannel, Router

    router = Router(Registry.load())
    request = Request(
        procedure="dgfip.reclamation", channel=RequestChannel.COUNTER, wants_autonomy=False
    )
    decision = router.decide(request, explain=True)
    print(decision.kind, decision.reason)

See ``docs/routing.md`` for the rules, their order and the JSON contract.
"""

from __future__ import annotations

from mfs_core.routing.context import (
    LocalService,
    Permanence,
    SiteContext,
    Thresholds,
    VideoAppointment,
    Weekday,
    default_context,
)
from mfs_core.routing.decision import Alternative, Decision, DecisionKind, TraceEntry
from mfs_core.routing.explain import render_text
from mfs_core.routing.request import Request, RequestChannel, Urgency
from mfs_core.routing.router import CORE_PLUGIN, CORE_RULES, Router

__all__ = [
    "CORE_PLUGIN",
    "CORE_RULES",
    "Alternative",
    "Decision",
    "DecisionKind",
    "LocalService",
    "Permanence",
    "Request",
    "RequestChannel",
    "Router",
    "SiteContext",
    "Thresholds",
    "TraceEntry",
    "Urgency",
    "VideoAppointment",
    "Weekday",
    "default_context",
    "render_text",
]
