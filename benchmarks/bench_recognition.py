"""Need recognition speed: recognising one need vs structuring the same request, same run.

    .venv/bin/python benchmarks/bench_recognition.py [--rounds 20] [--clock cpu|wall]
    .venv/bin/python benchmarks/bench_recognition.py --copies 1,10,100 [--rounds 5]

Loads the nine built-in partner plugins and every installed external plugin (install the
examples first: ``pip install -e plugins/mfs-anah -e plugins/mfs-local-droits``). The needs
are the 370 real phrasings of the recognition corpus (``tests/data/recognition/``), each
made a request dict (need, channel, autonomy).

Once: the registry load and the index build (``recogniser_for``), reported for information
(the index is built lazily, on the first need, once per registry). Then, for ``--rounds``
rounds: every request dict is structured with the shared cattrs converter, then every need
recognised. Reported: the median per-need cost of each over the rounds, and the median of
the rounds' ratios recognition / structuring (target <= 10).

Two more figures, for information: **first hearing**, the per-need cost on a fresh
recogniser with the normaliser's caches emptied (every word is then analysed, matched,
typo-searched once: what the first minutes of a counter cost), and, with ``--copies``, how the
per-need cost grows with the catalogue: the registry's procedures copied N times (ids
suffixed, same words), each copy count in its own recogniser, its ratio measured as above.

``--clock cpu`` (the default) times with :func:`time.thread_time`, the CPU time of this
thread: on a shared machine, the time other processes take the CPU away is not counted.
``--clock wall`` uses :func:`time.perf_counter`.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from mfs_core.converter import converter
from mfs_core.registry import Registry
from mfs_core.routing import Request

CORPUS = Path(__file__).parents[1] / "tests" / "data" / "recognition" / "needs.jsonl"
TARGET = 10


def needs_and_requests() -> tuple[list[str], list[dict[str, Any]]]:
    needs = [json.loads(line)["text"] for line in CORPUS.read_text("utf-8").splitlines()]
    requests = [
        {"need": need, "channel": ("counter", "phone")[n % 2], "wants_autonomy": n % 3 == 0}
        for n, need in enumerate(needs)
    ]
    return needs, requests


def measure(
    recognise: Callable[[str], object],
    needs: Sequence[str],
    requests: Sequence[dict[str, Any]],
    rounds: int,
    clock: Callable[[], float],
) -> tuple[float, float, float]:
    """(structure, recognise, ratio): median per-item costs (s) and median round ratio.

    Each round structures every request, then recognises every need: each loop runs hot,
    as in the first measurement of issue 14 (so the figures compare)."""
    structure_costs, recognise_costs, ratios = [], [], []
    for _ in range(rounds):
        t0 = clock()
        for data in requests:
            converter.structure(data, Request)
        t1 = clock()
        for need in needs:
            recognise(need)
        t2 = clock()
        structure_costs.append((t1 - t0) / len(needs))
        recognise_costs.append((t2 - t1) / len(needs))
        ratios.append((t2 - t1) / (t1 - t0))
    return (
        statistics.median(structure_costs),
        statistics.median(recognise_costs),
        statistics.median(ratios),
    )


def first_hearing(
    registry: Registry, needs: Sequence[str], rounds: int, clock: Callable[[], float]
) -> float:
    """Median per-need cost of recognising every need once on a fresh recogniser."""
    from mfs_core.recognition import Recogniser, normalise

    costs = []
    for _ in range(rounds):
        recogniser = Recogniser(registry.procedures.values(), registry.partners)
        normalise.clear_caches()
        t0 = clock()
        for need in needs:
            recogniser.recognise(need)
        costs.append((clock() - t0) / len(needs))
    return statistics.median(costs)


def copied(registry: Registry, copies: int) -> list[Any]:
    """The registry's procedures, ``copies`` times (ids suffixed), same words."""
    import attrs

    procedures = list(registry.procedures.values())
    return procedures + [
        attrs.evolve(p, id=f"{p.id}-copy{k}") for k in range(1, copies) for p in procedures
    ]


def scaling(
    registry: Registry,
    needs: Sequence[str],
    requests: Sequence[dict[str, Any]],
    factors: Sequence[int],
    rounds: int,
    clock: Callable[[], float],
) -> None:
    from mfs_core.recognition import Recogniser

    print(f"{'copies':>6} {'procedures':>10} {'index build':>12} {'per need':>10} {'ratio':>7}")
    for factor in factors:
        procedures = copied(registry, factor)
        t0 = time.perf_counter()
        recogniser = Recogniser(procedures, registry.partners)
        built = time.perf_counter() - t0
        for need in needs:
            recogniser.recognise(need)
        _, cost, ratio = measure(recogniser.recognise, needs, requests, rounds, clock)
        print(
            f"{factor:>6} {len(procedures):>10} {built:>10.2f} s {1e6 * cost:>7.1f} µs "
            f"{ratio:>6.1f}x"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--clock", choices=("cpu", "wall"), default="cpu")
    parser.add_argument(
        "--copies", help="comma-separated copy counts of the catalogue, e.g. 1,10,100"
    )
    args = parser.parse_args()
    clock = time.thread_time if args.clock == "cpu" else time.perf_counter
    needs, requests = needs_and_requests()
    started = time.perf_counter()
    registry = Registry.load()
    loaded = time.perf_counter()
    from mfs_core.recognition import recogniser_for

    recogniser = recogniser_for(registry)
    built = time.perf_counter()
    external = [p.name for p in registry.plugins if not p.builtin]
    print(
        f"registry: {len(registry.procedures)} procedures from {len(registry.plugins)} plugins "
        f"(external: {', '.join(external) or 'none'}); clock: {args.clock}"
    )
    print(
        f"registry load {1000 * (loaded - started):.1f} ms; index build (once per registry) "
        f"{1000 * (built - loaded):.1f} ms"
    )
    if args.copies:
        factors = [int(f) for f in args.copies.split(",")]
        scaling(registry, needs, requests, factors, args.rounds, clock)
        return
    for need in needs:  # warm the word caches as a running counter would be
        recogniser.recognise(need)
    structure, recognise, ratio = measure(recogniser.recognise, needs, requests, args.rounds, clock)
    first = first_hearing(registry, needs, max(3, args.rounds // 5), clock)
    print(f"structure one request (cattrs): {1e6 * structure:8.1f} µs")
    print(f"recognise one need:             {1e6 * recognise:8.1f} µs")
    print(f"  first hearing (fresh caches): {1e6 * first:8.1f} µs  (information)")
    verdict = "OK" if ratio <= TARGET else "OVER"
    print(f"ratio (median of rounds): {ratio:.1f}x (target <= {TARGET}x) -> {verdict}")


if __name__ == "__main__":
    main()
