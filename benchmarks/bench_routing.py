"""Routing speed: one decision vs structuring the same request from a dict, same run.

    .venv/bin/python benchmarks/bench_routing.py [--requests 100000] [--seed 4]

Loads the nine built-in partner plugins and every installed external plugin (install the
examples first: ``pip install -e plugins/mfs-anah -e plugins/mfs-local-droits``). Builds
``--requests`` varied request dicts (known, complex and unknown procedures, free-text
needs, facts, channels, autonomy, urgency) and a few site contexts (quiet, busy, permanence
day, video appointments, local services).

The requests are cut into batches of 1,000. For each batch, in the same loop: the time to
structure its dicts with the shared cattrs converter, then the time to decide the structured
requests with ``explain=False`` (and, for information, ``explain=True``). Reported: the median
per-request cost over the batches, and the ratio decision / structuring (target <= 4).

Plugin predicates run under :mod:`mfs_core.isolation` (exceptions, output, time budget). No
plugin of the project has one, so ``--predicates`` adds an in-process plugin whose rule,
with a predicate that never holds, applies to every procedure of three partners (dgfip,
caf, cnam: about a third of the requests evaluate it). Printed then, for information: the
cost of one guarded predicate call against the bare call, measured side by side.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from typing import Any

from mfs_core.converter import converter
from mfs_core.hookspecs import hookimpl
from mfs_core.model import KNOWN_FACTS, ReferralRule, ReferralTarget
from mfs_core.registry import Registry
from mfs_core.routing import Request, Router, SiteContext

BATCH = 1000
NEEDS = (
    ("je n'arrive pas à payer mes impôts", None),
    ("aide pour un colis alimentaire", "equipement-et-alimentation--alimentation"),
    ("apprendre à utiliser un ordinateur", "numerique--prendre-en-main-un-ordinateur"),
    ("renouveler ma carte d'identité", None),
    ("question sur ma retraite", None),
    ("zzz", None),
)
CONTEXTS: list[dict[str, Any]] = [
    {"agents_on_duty": 2, "waiting": 1, "now": "2026-11-27T10:00:00+01:00"},
    {
        "agents_on_duty": 2,
        "waiting": 9,
        "now": "2026-11-27T10:00:00+01:00",
        "free_slots": ["2026-11-30T14:00:00+01:00", "2026-12-01T09:00:00+01:00"],
    },
    {
        "agents_on_duty": 2,
        "waiting": 2,
        "now": "2026-11-27T10:00:00+01:00",
        "permanences": [
            {"partner": p, "weekday": "friday", "start": "09:00", "end": "12:00"}
            for p in ("caf", "dgfip", "msa", "assurance-retraite")
        ],
        "video_appointments": [
            {"partner": p, "at": "2026-11-30T10:00:00+01:00"}
            for p in ("assurance-maladie", "france-travail", "anah")
        ],
        "local_services": [
            {
                "id": "ccas",
                "name": "CCAS",
                "thematiques": ["equipement-et-alimentation--alimentation"],
                "keywords": ["colis", "alimentaire"],
            },
            {
                "id": "conseiller-numerique",
                "name": "Conseiller numérique",
                "thematiques": ["numerique--prendre-en-main-un-ordinateur"],
            },
        ],
    },
]


def never(request: Request, context: SiteContext) -> bool:
    """A predicate that reads the request and never holds."""
    return request.urgency.value == "never"


class PredicatePlugin:
    """One rule with a predicate per partner of ``PARTNERS``, for ``--predicates``."""

    PARTNERS = ("dgfip", "caf", "cnam")

    @hookimpl
    def mfs_referral_rules(self) -> list[ReferralRule]:
        return [
            ReferralRule(
                id=f"{partner}.bench-predicate",
                partner=partner,
                target=ReferralTarget.REFERENT,
                reason="Jamais.",
                predicate=never,
            )
            for partner in self.PARTNERS
        ]


def guard_cost(calls: int = 200_000) -> tuple[float, float]:
    """ns per call of ``never``: bare, and through ``call_plugin`` (budget 1 s)."""
    from mfs_core.isolation import call_plugin

    request = converter.structure(
        {"procedure": "dgfip.x", "channel": "counter", "wants_autonomy": False}, Request
    )
    context = converter.structure(CONTEXTS[0], SiteContext)
    clock = time.perf_counter_ns
    bare, guarded = [], []
    for _ in range(5):
        t0 = clock()
        for _ in range(calls):
            never(request, context)
        t1 = clock()
        for _ in range(calls):
            call_plugin("bench", "predicate", 1.0, never, request, context)
        t2 = clock()
        bare.append((t1 - t0) / calls)
        guarded.append((t2 - t1) / calls)
    return statistics.median(bare), statistics.median(guarded)


def request_dicts(registry: Registry, count: int, rng: random.Random) -> list[dict[str, Any]]:
    procedures = list(registry.procedures)
    unknown = [f"{pid}-inconnue" for pid in procedures[:10]]
    facts = list(KNOWN_FACTS)
    channels = ("counter", "phone", "video", "mobile")
    out = []
    for _ in range(count):
        data: dict[str, Any] = {
            "channel": rng.choice(channels),
            "wants_autonomy": rng.random() < 0.3,
        }
        roll = rng.random()
        if roll < 0.85:
            data["procedure"] = rng.choice(procedures)
        elif roll < 0.9:
            data["procedure"] = rng.choice(unknown)
        else:
            need, thematique = rng.choice(NEEDS)
            data["need"] = need
            if thematique:
                data["thematique"] = thematique
        if rng.random() < 0.4:
            data["facts"] = rng.sample(facts, rng.randint(1, 2))
        if rng.random() < 0.1:
            data["urgency"] = "urgent"
        if rng.random() < 0.5:
            data["received_at"] = "2026-11-27T10:00:00+01:00"
        out.append(data)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument(
        "--predicates", action="store_true", help="add rules with a predicate (see above)"
    )
    args = parser.parse_args()

    extra = [("bench-predicates", PredicatePlugin())] if args.predicates else []
    registry = Registry.load(strict=True, extra=extra)
    router = Router(registry)
    contexts = [converter.structure(c, SiteContext) for c in CONTEXTS]
    dicts = request_dicts(registry, args.requests, random.Random(args.seed))
    print(
        f"registry: {len(registry.plugins)} plugins, {len(registry.partners)} partners, "
        f"{len(registry.procedures)} procedures, {len(registry.referral_rules)} referral rules"
        f", {len(registry.faults)} plugin faults"
    )

    structure_ns: list[float] = []
    decide_ns: list[float] = []
    explain_ns: list[float] = []
    kinds: dict[str, int] = {}
    clock = time.perf_counter_ns
    for start in range(0, len(dicts), BATCH):
        batch = dicts[start : start + BATCH]
        ctx = [contexts[i % len(contexts)] for i in range(len(batch))]
        t0 = clock()
        requests = [converter.structure(d, Request) for d in batch]
        t1 = clock()
        decisions = [router.decide(r, c) for r, c in zip(requests, ctx, strict=True)]
        t2 = clock()
        for r, c in zip(requests, ctx, strict=True):
            router.decide(r, c, explain=True)
        t3 = clock()
        structure_ns.append((t1 - t0) / len(batch))
        decide_ns.append((t2 - t1) / len(batch))
        explain_ns.append((t3 - t2) / len(batch))
        for d in decisions:
            kinds[d.kind.value] = kinds.get(d.kind.value, 0) + 1

    structure_us = statistics.median(structure_ns) / 1000
    decide_us = statistics.median(decide_ns) / 1000
    explain_us = statistics.median(explain_ns) / 1000
    print(
        f"requests: {len(dicts):,} in batches of {BATCH}; decisions: {dict(sorted(kinds.items()))}"
    )
    print(f"structure one request (cattrs converter): {structure_us:8.2f} µs (median per batch)")
    print(f"decide one request, explain off:         {decide_us:8.2f} µs")
    print(f"decide one request, explain on:          {explain_us:8.2f} µs (information)")
    ratio = decide_us / structure_us
    verdict = "ok" if ratio <= 4 else "OVER TARGET"
    print(f"ratio decide / structure: {ratio:.2f} (target <= 4: {verdict})")
    if args.predicates:
        bare, guarded = guard_cost()
        print(
            f"one predicate call: bare {bare:.0f} ns, guarded {guarded:.0f} ns "
            f"(+{guarded - bare:.0f} ns: exceptions, output and time budget contained)"
        )


if __name__ == "__main__":
    main()
