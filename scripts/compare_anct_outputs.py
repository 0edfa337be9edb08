"""Compare ``mfs check --anct-csv`` between two source trees, byte for byte.

For every list given, every output format and both ``--hours-scope`` values, runs
``mfs_core.cli.main`` with each tree's ``src`` on ``PYTHONPATH`` (one worker process per
tree, every case in it, its standard output and error captured) and compares standard
output, standard error and the exit code. Prints one line per case and exits 1 when any
differs. Used to show that a change of the ANCT check's speed changes no output (issue 15):

    python scripts/compare_anct_outputs.py --before /work/main/src --after src \\
        tests/data/anct-france-services-sample.csv LIST.csv...

``--formats json`` restricts the formats (for the longest lists). Standard output is
captured by a UTF-8 text file over memory (as ``sys.stdout`` is one: the JSON writers then
write bytes, see ``json_format.byte_sink``); ``--capture text`` captures it as a string
(they write text), to compare both paths.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

FORMATS = ("json", "jsonl", "text", "junit", "sarif", "github", "markdown")
SCOPES = ("each-location", "structure")


def cases(lists: list[str], formats: list[str]) -> list[list[str]]:
    return [
        [
            "check",
            "--anct-csv",
            path,
            "--format",
            fmt,
            "--as-of",
            "2026-11-27",
            "--hours-scope",
            scope,
        ]
        for path in lists
        for fmt in formats
        for scope in SCOPES
    ]


def emit(argvs: list[list[str]], capture: str) -> None:
    """Worker: run each case in this process, print {case: [stdout digest, stderr, exit]}."""
    from mfs_core.cli import main

    found = {}
    for argv in argvs:
        err = io.StringIO()
        out: io.StringIO | io.TextIOWrapper = (
            io.StringIO() if capture == "text" else io.TextIOWrapper(io.BytesIO(), "utf-8")
        )
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(argv)
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 1
        if isinstance(out, io.StringIO):
            data = out.getvalue().encode("utf-8", "surrogatepass")
        else:
            out.flush()
            data = out.buffer.getvalue()  # type: ignore[attr-defined]
        digest = hashlib.sha256(data).hexdigest()
        found[" ".join(argv)] = [digest, err.getvalue(), code]
    json.dump(found, sys.stdout)


def run(src: Path, lists: list[str], formats: str, capture: str) -> dict[str, list[object]]:
    env = {**os.environ, "PYTHONPATH": str(src.resolve())}
    done = subprocess.run(
        [sys.executable, __file__, "--emit", "--formats", formats, "--capture", capture, *lists],
        env=env, capture_output=True, check=True, text=True,
    )  # fmt: skip
    result: dict[str, list[object]] = json.loads(done.stdout)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, help="a tree's src directory")
    parser.add_argument("--after", type=Path, help="the other tree's src")
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--capture", choices=("file", "text"), default="file")
    parser.add_argument("--emit", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("lists", nargs="+")
    args = parser.parse_args()
    if args.emit:
        emit(cases(args.lists, args.formats.split(",")), args.capture)
        return 0
    if args.before is None or args.after is None:
        parser.error("--before and --after are required")
    before = run(args.before, args.lists, args.formats, args.capture)
    after = run(args.after, args.lists, args.formats, args.capture)
    differ = 0
    for case, outcome in after.items():
        same = before.get(case) == outcome
        differ += not same
        print(f"{'same' if same else 'DIFFERENT'}: {case} (exit {outcome[2]})")
    print(f"{differ} case(s) differ of {len(after)}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
