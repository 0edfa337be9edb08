"""The ANCT check of one list, in one warm process: CPU time against the ``DictReader``
pass, or one check alone for an instruction count (issue 15).

``bench_national.py --only anct-varied`` times the check in a fresh list each size, best
of five; a change of a few per cent needs a steadier measure on a shared machine:

- ``make DIR``: the benchmark's lists at 2,845 and 28,450 rows (``replicated-1x.csv``,
  ``varied-1x.csv``, ``varied-codes-1x.csv``, the same at ``10x``: see
  ``bench_national.vary``).
- ``time LIST...``: each list checked and written as JSON (``bench_national.anct_check``:
  its memos emptied first) alternated with its ``DictReader`` pass, best and median CPU
  milliseconds of ``--runs`` each, and the ratio of the bests. Run it with another
  revision's ``src`` on ``PYTHONPATH`` for a before/after, in turn.
- ``once DIR/LIST`` (or ``once DIR/none``): the check of LIST once, after the warm-up,
  with the collector off, for ``valgrind --tool=cachegrind --cache-sim=no`` under
  ``PYTHONHASHSEED=0``: the check's instructions are the run with LIST minus the run
  with ``none`` (two runs of the same code differ by up to about 1 %: memos keyed by
  ``id``). ``--baseline`` counts the ``DictReader`` pass instead.

Each process is first warmed on the three 2,845-row lists of ``--warm DIR`` (default:
the first path's directory, as ``make`` wrote them), so that imports, the registry and
the first-call costs are outside what is measured.
"""

from __future__ import annotations

import argparse
import functools
import gc
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_national  # beside this script (its directory put first on sys.path above)

SIZES = {"1x": bench_national.NATIONAL_LIST, "10x": 10 * bench_national.NATIONAL_LIST}
WARM = ("replicated-1x.csv", "varied-1x.csv", "varied-codes-1x.csv")


def make(directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    for tag, rows in SIZES.items():
        bench_national.replicate(directory / f"replicated-{tag}.csv", rows)
        bench_national.vary(directory / f"varied-{tag}.csv", rows)
        bench_national.vary(directory / f"varied-codes-{tag}.csv", rows, own_codes=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("make", "time", "once"))
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--warm", type=Path, help="directory of the warm-up lists")
    parser.add_argument("--baseline", action="store_true", help="once: the DictReader pass")
    args = parser.parse_args()
    if args.mode == "make":
        make(args.paths[0])
        return 0
    runner = bench_national.anct_runner()
    warm = args.warm or args.paths[0].parent
    for name in WARM:
        bench_national.anct_check(warm / name, runner)
    if args.mode == "once":
        (path,) = args.paths
        gc.collect()
        gc.disable()
        if path.name != "none":
            if args.baseline:
                bench_national.dictreader_pass(path)
            else:
                bench_national.anct_check(path, runner)
        return 0
    sides: tuple[Callable[[Path], None], ...] = (
        bench_national.dictreader_pass,
        functools.partial(bench_national.anct_check, runner=runner),
    )
    for path in args.paths:
        bench_national.dictreader_pass(path)
        base, mine = bench_national.alternated_cpu(sides, path, args.runs)
        print(
            f"{path.name}: DictReader {base[0] * 1e3:.1f} ms, check+json {mine[0] * 1e3:.1f} "
            f"ms (median {mine[len(mine) // 2] * 1e3:.1f}), CPU ratio {mine[0] / base[0]:.2f}x",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
