"""Need recognition speed: recognising one need vs structuring the same request, same run.

    .venv/bin/python benchmarks/bench_recognition.py [--rounds 20]

Loads the nine built-in partner plugins and every installed external plugin (install the
examples first: ``pip install -e plugins/mfs-anah -e plugins/mfs-local-droits``). The needs
are the 370 real phrasings of the recognition corpus (``tests/data/recognition/``), each
made a request dict (need, channel, autonomy).

Once: the registry load and the index build (``recogniser_for``), reported for information
(the index is built lazily, on the first need, once per registry). Then, for ``--rounds``
rounds, in the same loop: the time to structure every request dict with the shared cattrs
converter, then the time to recognise every need. Reported: the median per-need cost of
each over the rounds, and the ratio recognition / structuring (target <= 10).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from mfs_core.converter import converter
from mfs_core.registry import Registry
from mfs_core.routing import Request

CORPUS = Path(__file__).parents[1] / "tests" / "data" / "recognition" / "needs.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    needs = [json.loads(line)["text"] for line in CORPUS.read_text("utf-8").splitlines()]
    requests = [
        {"need": need, "channel": ("counter", "phone")[n % 2], "wants_autonomy": n % 3 == 0}
        for n, need in enumerate(needs)
    ]
    started = time.perf_counter()
    registry = Registry.load()
    loaded = time.perf_counter()
    from mfs_core.recognition import recogniser_for

    recogniser = recogniser_for(registry)
    built = time.perf_counter()
    external = [p.name for p in registry.plugins if not p.builtin]
    print(
        f"registry: {len(registry.procedures)} procedures from {len(registry.plugins)} plugins "
        f"(external: {', '.join(external) or 'none'})"
    )
    print(
        f"registry load {1000 * (loaded - started):.1f} ms; index build (once per registry) "
        f"{1000 * (built - loaded):.1f} ms"
    )
    for need in needs:  # warm the stem cache as a running counter would be
        recogniser.recognise(need)
    structure_costs, recognise_costs = [], []
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        for data in requests:
            converter.structure(data, Request)
        t1 = time.perf_counter()
        for need in needs:
            recogniser.recognise(need)
        t2 = time.perf_counter()
        structure_costs.append((t1 - t0) / len(needs))
        recognise_costs.append((t2 - t1) / len(needs))
    structure = statistics.median(structure_costs)
    recognise = statistics.median(recognise_costs)
    ratio = recognise / structure
    print(f"structure one request (cattrs): {1e6 * structure:8.1f} µs")
    print(f"recognise one need:             {1e6 * recognise:8.1f} µs")
    print(f"ratio: {ratio:.1f}x (target <= 10x) -> {'OK' if ratio <= 10 else 'OVER'}")


if __name__ == "__main__":
    main()
