"""Same input, same decision, whatever the order in which plugins are registered."""

from __future__ import annotations

import datetime as dt

from hypothesis import example, given, settings
from hypothesis import strategies as st

from mfs_core.registry import Registry
from mfs_core.routing import (
    Request,
    RequestChannel,
    Router,
    SiteContext,
    VideoAppointment,
    Weekday,
)
from routing_support import ALL_CASES, DROITS_INFO, NOW, context, permanence, plugins

# Its rules compete with DGFiP's and CAF's: the winner must not depend on plugin order.
ALL_PLUGINS = [*plugins(), ("droits-info", DROITS_INFO)]
PROCEDURES = sorted(
    {p for case in ALL_CASES for p in (case.simple, case.complex, case.referred, case.unknown)}
)
FACTS = ("dispute", "overpayment", "needs_research", "abroad", "needs_operator_decision")

requests = st.builds(
    Request,
    channel=st.sampled_from(RequestChannel),
    wants_autonomy=st.booleans(),
    procedure=st.sampled_from(PROCEDURES),
    facts=st.lists(st.sampled_from(FACTS), max_size=3),
)
contexts = st.builds(
    lambda waiting, day, video: context(
        waiting=waiting,
        permanences=[permanence(code, day) for code in ("caf", "dgfip", "msa")],
        videos=[VideoAppointment(partner=c.code, at=NOW + dt.timedelta(days=1)) for c in ALL_CASES]
        if video
        else [],
    ),
    st.integers(0, 10),
    st.sampled_from(Weekday),
    st.booleans(),
)


CONFLICTS = [
    (Request(channel=RequestChannel.COUNTER, wants_autonomy=False, procedure=p, facts=f), context())
    for p, f in (("dgfip.reclamation", ()), ("caf.apl", ("overpayment",)))
]


@settings(max_examples=25, deadline=None)
@example(order=list(reversed(ALL_PLUGINS)), batch=CONFLICTS)
@given(
    order=st.permutations(ALL_PLUGINS), batch=st.lists(st.tuples(requests, contexts), max_size=5)
)
def test_decisions_do_not_depend_on_plugin_order(
    order: list[tuple[str, object]], batch: list[tuple[Request, SiteContext]]
) -> None:
    reference = Router(Registry.load(builtins=False, external=False, extra=ALL_PLUGINS))
    shuffled = Router(Registry.load(builtins=False, external=False, extra=order))
    for request, ctx in batch:
        for explain in (False, True):
            assert shuffled.decide(request, ctx, explain=explain) == reference.decide(
                request, ctx, explain=explain
            )
