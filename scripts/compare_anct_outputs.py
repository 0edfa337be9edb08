"""Compare ``mfs check --anct-csv`` between two source trees, byte for byte.

For every list given, every output format and both ``--hours-scope`` values, runs
``python -m mfs_core.cli``'s ``main`` with ``PYTHONPATH`` set to each tree's ``src`` and
compares standard output, standard error and the exit code. Prints one line per case and
exits 1 when any differs. Used to show that a change of the ANCT check's speed changes no
output (issue 15):

    python scripts/compare_anct_outputs.py --before /work/main/src --after src \\
        tests/data/anct-france-services-sample.csv examples/anct/*.csv LIST.csv...

``--formats json`` restricts the formats (for the longest lists).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
from pathlib import Path

FORMATS = ("json", "text", "junit", "sarif", "github", "markdown")
SCOPES = ("each-location", "structure")
_RUN = "import sys; from mfs_core.cli import main; sys.exit(main(sys.argv[1:]))"


def run(src: Path, args: list[str]) -> tuple[str, str, int]:
    """(digest of standard output, standard error with the tree's path removed, exit)."""
    env = {**os.environ, "PYTHONPATH": str(src.resolve())}
    done = subprocess.run(
        [sys.executable, "-c", _RUN, *args], env=env, capture_output=True, check=False
    )
    return (
        hashlib.sha256(done.stdout).hexdigest(),
        done.stderr.decode(errors="replace"),
        (done.returncode),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True, help="a tree's src directory")
    parser.add_argument("--after", type=Path, required=True, help="the other tree's src")
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("lists", nargs="+", type=Path)
    args = parser.parse_args()
    differ = 0
    for path in args.lists:
        for fmt in args.formats.split(","):
            for scope in SCOPES:
                argv = ["check", "--anct-csv", str(path), "--format", fmt, "--as-of",
                        "2026-11-27", "--hours-scope", scope]  # fmt: skip
                before, after = run(args.before, argv), run(args.after, argv)
                same = before == after
                differ += not same
                print(f"{'same' if same else 'DIFFERENT'}: {path.name} --format {fmt} "
                      f"--hours-scope {scope} (exit {after[2]})", flush=True)  # fmt: skip
    print(f"{differ} case(s) differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
