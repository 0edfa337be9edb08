"""Objects made and instructions run per need, counted under valgrind callgrind.

    PYTHONPATH=$PWD/src .venv/bin/python benchmarks/count_objects.py [--passes 3]

Runs this script twice under ``valgrind --tool=callgrind`` (``PYTHONHASHSEED=0``): a
registry loaded, every corpus need recognised once to warm the caches, then 1 pass, then
``--passes`` passes, over the needs. Per need, (count at N passes - count at 1) /
((N - 1) x needs) of: the instructions, and the calls to CPython's allocation functions
(``_Py_NewReference``: every object made, free-list reuse included; ``PyObject_Malloc``;
cells, function objects, floats, tuples, lists). About a minute on one core (issue-14ad).
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).parents[1]
CORPUS = ROOT / "tests" / "data" / "recognition" / "needs.jsonl"
COUNTED = (
    "_Py_NewReference",
    "_PyObject_Malloc",
    "_PyObject_GC_New",
    "PyCell_New",
    "PyFunction_New",
    "PyFloat_FromDouble",
    "tuple_alloc",
    "_PyTuple_FromArray",
    "PyList_New",
    "PyUnicode_New",
)


def recognise_passes(passes: int) -> None:
    """The process callgrind counts: a warm-up pass, then ``passes`` passes."""
    from mfs_core.recognition import recogniser_for
    from mfs_core.registry import Registry

    needs = [json.loads(line)["text"] for line in CORPUS.read_text("utf-8").splitlines()]
    recogniser = recogniser_for(Registry.load())
    for _ in range(passes + 1):
        for need in needs:
            recogniser.recognise(need)


def counts(path: Path) -> tuple[int, collections.Counter[str]]:
    """The instructions of a callgrind output file and the calls made to each function
    (names are compressed: ``(id) name`` the first time, ``(id)`` after)."""
    names: dict[str, str] = {}
    calls: collections.Counter[str] = collections.Counter()
    total = 0
    called = None
    for line in path.read_text("utf-8", errors="replace").splitlines():
        named = re.match(r"c?fn=\((\d+)\)(?: (.*))?", line)
        if named:
            if named.group(2):
                names[named.group(1)] = named.group(2)
            called = names.get(named.group(1)) if line.startswith("cfn=") else None
        elif line.startswith("calls=") and called:
            calls[called] += int(line[6:].split()[0])
        elif line.startswith("summary:"):
            total = int(line.split()[1])
    return total, calls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--run", type=int, help=argparse.SUPPRESS)  # the counted process
    args = parser.parse_args()
    if args.run is not None:
        recognise_passes(args.run)
        return
    needs = len(CORPUS.read_text("utf-8").splitlines())
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    found = []
    with tempfile.TemporaryDirectory() as folder:
        for passes in (1, args.passes):
            out = Path(folder) / f"callgrind.{passes}"
            command = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}"]
            command += [sys.executable, __file__, "--run", str(passes)]
            subprocess.run(command, env=env, check=True, capture_output=True)
            found.append(counts(out))
    per = (args.passes - 1) * needs
    print(f"{needs} needs, {args.passes} passes against 1 (callgrind, PYTHONHASHSEED=0)")
    print(f"instructions a need: {(found[1][0] - found[0][0]) / per:,.0f}")
    for name in COUNTED:
        print(f"{name:20} {(found[1][1][name] - found[0][1][name]) / per:8.1f} calls a need")


if __name__ == "__main__":
    main()
