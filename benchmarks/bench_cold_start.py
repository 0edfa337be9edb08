"""Cold start of ``mfs plugins`` against its floor, measured side by side in one run.

The floor is what any pluggy-based tool built on attrs and cattrs pays: a fresh interpreter
importing attrs, cattrs and pluggy, plus one entry-point scan. Target: ``mfs plugins`` costs at
most 1.5x the floor.

    python benchmarks/bench_cold_start.py [--runs 30] [--check]

With ``--check``, the command measured is ``mfs plugins --check`` (load, then validate every
contribution) instead of ``mfs plugins``, for information (no target).

The package's modules are compiled to bytecode first, as ``pip install`` does: with
``PYTHONDONTWRITEBYTECODE`` set (as on some CI machines) an editable install would otherwise
recompile every module on every run. Runs alternate between the two commands so that
machine noise hits both alike; medians are reported. Output goes to /dev/null so terminal
speed does not count.

The partners' data files are read once and cached (:mod:`mfs_core.datacache`): the target is
measured with the cache in place, as every run after the first finds it. The same command
with the cache off (``MFS_CACHE_DIR=off``: every data file parsed and checked) is measured
too, for information: it is what the first run after an install or an edit pays.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

FLOOR = [
    sys.executable,
    "-c",
    "import attrs, cattrs, pluggy, importlib.metadata as m; "
    "m.entry_points(group='mfs_core.plugins')",
]
TARGET = 1.5


def mfs_command(*options: str) -> list[str]:
    script = shutil.which("mfs", path=os.path.dirname(sys.executable))
    command = [script] if script else [sys.executable, "-m", "mfs_core.cli"]
    return [*command, "plugins", *options]


def precompile() -> None:
    """Write the .pyc files of mfs_core and of the installed plugins, as pip install does."""
    import compileall
    import importlib.metadata

    import mfs_core

    compileall.compile_dir(os.path.dirname(mfs_core.__file__), quiet=1)
    for ep in importlib.metadata.entry_points(group="mfs_core.plugins"):
        module = __import__(ep.module.split(".")[0])
        compileall.compile_dir(os.path.dirname(module.__file__ or ""), quiet=1)


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, env=env, check=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--check", action="store_true", help="measure mfs plugins --check")
    args = parser.parse_args()
    # The defaults path: no MFS_* settings, as on a fresh machine.
    env = {k: v for k, v in os.environ.items() if not k.startswith("MFS_")}
    mfs = mfs_command("--check") if args.check else mfs_command()
    precompile()
    for command in (FLOOR, mfs):  # warm the OS file cache and .pyc files
        timed(command, env)
    uncached = {**env, "MFS_CACHE_DIR": "off"}
    floor, tool, cold = [], [], []
    for _ in range(args.runs):
        floor.append(timed(FLOOR, env))
        tool.append(timed(mfs, env))
        cold.append(timed(mfs, uncached))
    floor_ms = statistics.median(floor) * 1000
    tool_ms = statistics.median(tool) * 1000
    cold_ms = statistics.median(cold) * 1000
    ratio = tool_ms / floor_ms
    print(f"floor (import attrs, cattrs, pluggy + entry-point scan): {floor_ms:.1f} ms")
    label = " ".join(mfs[-2 if args.check else -1 :])
    print(f"{label:<55}{tool_ms:.1f} ms")
    if args.check:
        print(f"ratio: {ratio:.2f}x (information)")
    else:
        verdict = "OK" if ratio <= TARGET else "OVER"
        print(f"ratio: {ratio:.2f}x (target <= {TARGET}x) -> {verdict}")
    print(
        f"{label + ', data-file cache off (first run):':<55}{cold_ms:.1f} ms "
        f"({cold_ms / floor_ms:.2f}x, information)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
