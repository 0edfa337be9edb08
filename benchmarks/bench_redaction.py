"""Benchmark of note redaction against the redaction of mfs-core 0.1, in the same run.

The baseline is a frozen copy of the redaction as it was before issue 10 (``_baseline_*``
below: one regular expression, python-stdnum checks, no names, no partner numbers). Both
redact the same 300-character notes, built from the notes of the redaction corpus
(``tests/data/redaction/corpus.jsonl``) by group: ordinary notes, notes with identifiers,
with partner numbers, with names; "all" is every note of every group. Each round times
the baseline and the library on every note, alternating, so that a busy moment of the
(shared) machine does not fall on one side only; the figure is the median over rounds of
the CPU time per note. Target: the library at most 3x the baseline on "all".

Run: ``.venv/bin/python benchmarks/bench_redaction.py`` (``--rounds 5`` for a quick run).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import attrs
from stdnum import iban
from stdnum.fr import nif, nir

from mfs_core.redaction import redact

CORPUS = Path(__file__).parents[1] / "tests" / "data" / "redaction" / "corpus.jsonl"
LENGTH = 300
GROUPS = ("ordinary", "identifier", "partner", "name")

# -- the baseline: mfs_core/journal/redaction.py before issue 10, unchanged -----------------
_BASELINE_PATTERN = re.compile(
    r"(?P<email>[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)"
    r"|(?P<iban>\b[A-Z]{2}[0-9]{2}(?:[ ]?[A-Z0-9]){11,30}\b)"
    r"|(?P<nir>\b[1-8][ .]?[0-9]{2}[ .]?[0-9]{2}[ .]?(?:[0-9]{2}|2[ABab])[ .]?[0-9]{3}"
    r"[ .]?[0-9]{3}[ .]?[0-9]{2}\b)"
    r"|(?P<tax_number>\b[0-3][0-9][ ]?[0-9]{2}[ ]?[0-9]{3}[ ]?[0-9]{3}[ ]?[0-9]{3}\b)"
    r"|(?P<phone>(?:(?:\+|\b00)33[ .-]?(?:\(0\))?[ .-]?[1-9]|\b0[1-9])(?:[ .-]?[0-9]{2}){4}\b)"
    r"|(?P<number>\b[0-9](?:[ .-]?[0-9]){8,}\b)"
)
_BASELINE_NEEDS_SCAN = re.compile(r"[0-9@]").search
_BASELINE_SEPARATORS = re.compile(r"[ .-]")
_BASELINE_PLACEHOLDERS = {
    "email": "[E-MAIL]", "iban": "[IBAN]", "nir": "[NIR]", "tax_number": "[N° FISCAL]",
    "phone": "[TÉLÉPHONE]", "number": "[NUMÉRO]",
}  # fmt: skip


@attrs.frozen
class _BaselineFinding:
    kind: str
    suspected: bool = False


def _baseline_classify(kind: str, value: str) -> _BaselineFinding | None:
    compact = _BASELINE_SEPARATORS.sub("", value)
    if kind == "iban":
        if sum(c.isdigit() for c in compact) < 8:
            return None
        return _BaselineFinding("iban", suspected=not iban.is_valid(compact))
    if kind == "nir":
        return _BaselineFinding("nir", suspected=not nir.is_valid(compact.upper()))
    if kind == "tax_number":
        return _BaselineFinding("tax_number", suspected=not nif.is_valid(compact))
    if kind == "number":
        return _BaselineFinding("number", suspected=True)
    return _BaselineFinding(kind)


def baseline_redact(text: str) -> tuple[str, tuple[_BaselineFinding, ...]]:
    """The redaction of mfs-core 0.1 (text, findings)."""
    if not _BASELINE_NEEDS_SCAN(text):
        return text, ()
    findings: list[_BaselineFinding] = []

    def replace(match: re.Match[str]) -> str:
        kind = match.lastgroup or "number"
        finding = _baseline_classify(kind, match.group())
        if finding is None:
            return match.group()
        findings.append(finding)
        placeholder = _BASELINE_PLACEHOLDERS[kind]
        return placeholder if not finding.suspected else f"{placeholder[:-1]}?]"

    return _BASELINE_PATTERN.sub(replace, text), tuple(findings)


# -- the run ----------------------------------------------------------------------------------
def notes_of(group: str) -> list[str]:
    """300-character notes: the corpus notes of ``group`` end to end, cut every 300."""
    texts = [
        note["text"]
        for note in map(json.loads, CORPUS.read_text(encoding="utf-8").splitlines())
        if note["group"] == group
    ]
    joined = " ".join(texts)
    return [joined[i : i + LENGTH] for i in range(0, len(joined) - LENGTH + 1, LENGTH)]


def measure(notes: list[str], rounds: int, repeat: int) -> tuple[float, float]:
    """Seconds of CPU per note of (baseline, library): each note is redacted ``repeat``
    times by one then the other, alternating note by note, over ``rounds`` rounds; the
    median round counts. CPU time, so that time spent waiting for the (shared) machine's
    cores is not counted."""
    for note in notes:  # warm up: caches, lazily built tables and word lists
        redact(note)
        baseline_redact(note)
    sides: tuple[Callable[[str], object], ...] = (baseline_redact, redact)
    totals: list[list[float]] = [[], []]
    for _ in range(rounds):
        spent = [0.0, 0.0]
        for note in notes:
            for side, function in enumerate(sides):
                began = time.process_time()
                for _ in range(repeat):
                    function(note)
                spent[side] += time.process_time() - began
        for side in (0, 1):
            totals[side].append(spent[side] / (repeat * len(notes)))
    return statistics.median(totals[0]), statistics.median(totals[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--repeat", type=int, default=20, help="redactions of a note in a row")
    args = parser.parse_args()
    groups = {group: notes_of(group) for group in GROUPS}
    groups["all"] = [note for notes in groups.values() for note in notes]
    print(f"Redaction of {LENGTH}-character notes, median of {args.rounds} rounds")
    for group, notes in groups.items():
        base, lib = measure(notes, args.rounds, args.repeat)
        target = "   (target <= 3x)" if group == "all" else ""
        print(
            f"  {group:<11} {len(notes):>3} notes   baseline {base * 1e6:7.1f} µs   "
            f"library {lib * 1e6:7.1f} µs   ratio {lib / base:4.2f}x{target}"
        )


if __name__ == "__main__":
    main()
