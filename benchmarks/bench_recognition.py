"""Need recognition speed: recognising one need vs structuring the same request, same run.

    .venv/bin/python benchmarks/bench_recognition.py [--rounds 20] [--clock cpu|wall]
    .venv/bin/python benchmarks/bench_recognition.py --compare-with 12ec27e
    .venv/bin/python benchmarks/bench_recognition.py --copies 1,10,100 [--compare-with 12ec27e]

Loads the nine built-in partner plugins and every installed external plugin (install the
examples first: ``pip install -e plugins/mfs-anah -e plugins/mfs-local-droits``). The needs
are the real phrasings of the recognition corpus (``tests/data/recognition/``, 495 at
2026-11-30), each made a request dict (need, channel, autonomy).

Once: the registry load and the index build (``recogniser_for``), reported for information
(the index is built lazily, on the first need, once per registry). Then, for ``--rounds``
rounds, two ways of putting the two side by side, each reported as the median of the
rounds' ratios recognition / structuring (target <= 10):

- **loops** (as issue 14 first measured it): every request structured, then every need
  recognised; each loop runs hot, cattrs' especially (one small function, again and again);
- **interleaved**: the needs taken ten at a time, each ten requests structured then their
  needs recognised, as a router meets them (each step finds the caches the other left).

Also, for information: **first hearing**, the per-need cost on a fresh recogniser with the
normaliser's caches emptied (every word analysed, matched and typo-searched once: the first
minutes of a counter). ``--compare-with REV`` measures, in the same rounds, the recognition
code of git revision REV (its ``src/mfs_core/recognition`` imported under another name) on
the same registry, for a before/after in one run. ``--copies`` shows how the per-need cost
grows with the catalogue: the procedures copied N times (ids suffixed, same words), each copy
count in its own recogniser (each package's, with ``--compare-with``), measured as above.

``--clock cpu`` (the default) times with :func:`time.thread_time`, this thread's CPU time: on
a shared machine, the time other processes hold the CPU is not counted. ``--clock wall``
uses :func:`time.perf_counter`.
"""

from __future__ import annotations

import argparse
import importlib
import io
import json
import re
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from mfs_core.converter import converter
from mfs_core.registry import Registry
from mfs_core.routing import Request

ROOT = Path(__file__).parents[1]
CORPUS = ROOT / "tests" / "data" / "recognition" / "needs.jsonl"
TARGET = 10
CHUNK = 10

Recognise = Callable[[str], object]
Clock = Callable[[], float]


def needs_and_requests() -> tuple[list[str], list[dict[str, Any]]]:
    needs = [json.loads(line)["text"] for line in CORPUS.read_text("utf-8").splitlines()]
    requests = [
        {"need": need, "channel": ("counter", "phone")[n % 2], "wants_autonomy": n % 3 == 0}
        for n, need in enumerate(needs)
    ]
    return needs, requests


def one_round(
    recognise: Recognise,
    needs: Sequence[str],
    requests: Sequence[dict[str, Any]],
    clock: Clock,
    chunk: int,
) -> tuple[float, float]:
    """Seconds spent structuring and recognising, ``chunk`` requests then ``chunk`` needs
    at a time (``chunk`` = all of them: two hot loops)."""
    structured = recognised = 0.0
    for start in range(0, len(needs), chunk):
        t0 = clock()
        for data in requests[start : start + chunk]:
            converter.structure(data, Request)
        t1 = clock()
        for need in needs[start : start + chunk]:
            recognise(need)
        t2 = clock()
        structured += t1 - t0
        recognised += t2 - t1
    return structured, recognised


def measure(
    recognisers: dict[str, Recognise],
    needs: Sequence[str],
    requests: Sequence[dict[str, Any]],
    rounds: int,
    clock: Clock,
) -> dict[tuple[str, str], tuple[float, float, float]]:
    """Per (method, recogniser): median per-item costs (s) of structuring and of
    recognising, and the median of the rounds' ratios."""
    methods = {"loops": len(needs), "interleaved": CHUNK}
    found: dict[tuple[str, str], list[tuple[float, float, float]]] = {}
    for _ in range(rounds):
        for method, chunk in methods.items():
            for name, recognise in recognisers.items():
                structured, recognised = one_round(recognise, needs, requests, clock, chunk)
                found.setdefault((method, name), []).append(
                    (structured / len(needs), recognised / len(needs), recognised / structured)
                )
    return {
        key: (
            statistics.median(r[0] for r in rows),
            statistics.median(r[1] for r in rows),
            statistics.median(r[2] for r in rows),
        )
        for key, rows in found.items()
    }


def first_hearing(registry: Registry, needs: Sequence[str], rounds: int, clock: Clock) -> float:
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


def archived(revision: str, path: str) -> tarfile.TarFile:
    """The files under ``path`` (from the repository's root) at git ``revision``, as a tar
    archive in memory. Raises ``subprocess.CalledProcessError`` when git cannot read them."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", revision, path], capture_output=True, check=True
    ).stdout
    return tarfile.open(fileobj=io.BytesIO(archive))


def recognition_at(revision: str) -> Any:
    """The recognition package of git ``revision``, imported under a name of its own (the
    rest of mfs_core is the current one)."""
    folder = Path(tempfile.mkdtemp(prefix="bench-recognition-"))
    with archived(revision, "src/mfs_core/recognition") as tar:
        tar.extractall(folder)  # our own repository's files
    name = "mfs_core_recognition_" + re.sub(r"\W", "_", revision)
    package = folder / name
    (folder / "src" / "mfs_core" / "recognition").rename(package)
    for module in package.glob("*.py"):
        text = module.read_text("utf-8").replace("mfs_core.recognition", name)
        module.write_text(text, "utf-8")
    sys.path.insert(0, str(folder))
    return importlib.import_module(name)


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
    clock: Clock,
    packages: dict[str, Any],
) -> None:
    """Per copy count and recognition package: index build, memory, per-need cost, loops
    ratio. The memory is what :mod:`tracemalloc` traces as held by a recogniser built
    apart (not timed) once it has recognised the corpus: its index and its word caches."""
    print(
        f"{'copies':>6} {'procedures':>10} {'code':>8} {'index build':>11} {'memory':>9} "
        f"{'per need':>10} loops"
    )
    for factor in factors:
        procedures = copied(registry, factor)
        for name, package in packages.items():
            held = _memory(package, procedures, registry, needs)
            t0 = time.perf_counter()
            recogniser = package.Recogniser(procedures, registry.partners)
            built = time.perf_counter() - t0
            for need in needs:
                recogniser.recognise(need)
            found = measure({name: recogniser.recognise}, needs, requests, rounds, clock)
            _, cost, ratio = found[("loops", name)]
            print(
                f"{factor:>6} {len(procedures):>10} {name:>8} {built:>9.2f} s "
                f"{held / 1e6:>6.1f} MB {1e6 * cost:>7.1f} µs {ratio:>6.1f}x"
            )


def _memory(package: Any, procedures: list[Any], registry: Registry, needs: Sequence[str]) -> int:
    """Bytes held by a recogniser of ``procedures`` (package ``package``) after the corpus:
    traced from before its build to after the needs, with what every recogniser shares
    (simplemma's data, the synonyms' table, the normaliser's caches) loaded before."""
    import gc
    import tracemalloc

    small = package.Recogniser(procedures[:1], registry.partners)
    for need in needs:
        small.recognise(need)
    del small
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    recogniser = package.Recogniser(procedures, registry.partners)
    for need in needs:
        recogniser.recognise(need)
    gc.collect()
    held = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    del recogniser
    return held


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--clock", choices=("cpu", "wall"), default="cpu")
    parser.add_argument("--compare-with", metavar="REV", help="git revision to measure too")
    parser.add_argument("--copies", help="comma-separated copy counts of the catalogue")
    args = parser.parse_args()
    clock = time.thread_time if args.clock == "cpu" else time.perf_counter
    needs, requests = needs_and_requests()
    started = time.perf_counter()
    registry = Registry.load()
    loaded = time.perf_counter()
    from mfs_core.recognition import recogniser_for

    recogniser_for(registry)
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
    from mfs_core import recognition

    packages = {"now": recognition}
    if args.compare_with:
        packages[args.compare_with] = recognition_at(args.compare_with)
    if args.copies:
        factors = [int(f) for f in args.copies.split(",")]
        scaling(registry, needs, requests, factors, args.rounds, clock, packages)
        return
    recognisers: dict[str, Recognise] = {
        name: package.recogniser_for(registry).recognise for name, package in packages.items()
    }
    for recognise in recognisers.values():
        for need in needs:  # warm the word caches as a running counter would be
            recognise(need)
    found = measure(recognisers, needs, requests, args.rounds, clock)
    for (method, name), (structure, cost, ratio) in found.items():
        verdict = "OK" if ratio <= TARGET else "OVER"
        print(
            f"{method:<11} {name:<10} cattrs {1e6 * structure:5.1f} µs, recognition "
            f"{1e6 * cost:6.1f} µs per need: {ratio:5.1f}x (target <= {TARGET}x: {verdict})"
        )
    if args.compare_with:
        for method in ("loops", "interleaved"):
            speedup = found[(method, args.compare_with)][1] / found[(method, "now")][1]
            print(f"{method}: now {speedup:.2f} times as fast as {args.compare_with}")
    first = first_hearing(registry, needs, max(3, args.rounds // 5), clock)
    print(f"first hearing (fresh caches): {1e6 * first:.1f} µs per need (information)")


if __name__ == "__main__":
    main()
