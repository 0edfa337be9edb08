"""Measure the redaction on the corpus: recall by kind, false positives, names' precision.

Usage, from the repository root with the project's virtualenv::

    .venv/bin/python scripts/evaluate_redaction.py            # every part
    .venv/bin/python scripts/evaluate_redaction.py --split dev
    .venv/bin/python scripts/evaluate_redaction.py --misses   # also list what was missed

The corpus is ``tests/data/redaction/corpus.jsonl`` (see its ``build_corpus.py``): notes
with the spans that must be redacted. A span counts as redacted when every letter and
digit of it lies inside a finding. A false positive is a finding that touches no span; an
ordinary note (no span at all) is *changed* when its redacted text differs from it. The
test suite (``tests/journal/test_redaction_corpus.py``) holds the floors on these figures.
Exit code 0; 2 if the corpus cannot be read.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).parents[1] / "tests" / "data" / "redaction" / "corpus.jsonl"
#: Kinds whose value a checksum confirms (the 100 % target), and those a partner's words
#: introduce (the other 100 % target). ``nir?`` is a NIR no key confirms.
CHECKSUM_KINDS = ("nir", "tax_number", "iban")
CONTEXT_KINDS = ("client_number", "id_document", "nir?")
#: The parts of the corpus: tuned on, measured only, written after the tuning.
SPLITS = ("dev", "heldout", "heldout-2")
KINDS = ("nir", "nir?", "tax_number", "iban", "phone", "email", "client_number",
         "id_document", "birth_date", "name")  # fmt: skip

#: ``(text) -> [(start, end, kind)]``: what a redactor found, offsets in the text.
Finder = Callable[[str], list[tuple[int, int, str]]]


@dataclass
class Figures:
    """What one part of the corpus measured."""

    notes: int = 0
    spans: collections.Counter[str] = field(default_factory=collections.Counter)
    redacted: collections.Counter[str] = field(default_factory=collections.Counter)
    ordinary: int = 0
    ordinary_changed: int = 0
    false_positives: int = 0
    name_findings: int = 0
    name_findings_right: int = 0
    exact: int = 0
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def recall(self, kinds: Iterable[str]) -> float | None:
        kinds = list(kinds)
        total = sum(self.spans[k] for k in kinds)
        return sum(self.redacted[k] for k in kinds) / total if total else None

    @property
    def name_precision(self) -> float | None:
        if not self.name_findings:
            return None
        return self.name_findings_right / self.name_findings

    @property
    def ordinary_changed_rate(self) -> float | None:
        return self.ordinary_changed / self.ordinary if self.ordinary else None


def load_corpus(path: Path = CORPUS) -> list[dict[str, Any]]:
    """The notes of the corpus, one dict per JSON line."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def mfs_finder(text: str) -> list[tuple[int, int, str]]:
    """The library's redaction, as a finder."""
    from mfs_core.redaction import find

    return [(s.start, s.end, s.kind) for s in find(text)]


def _covered(text: str, start: int, end: int, found: list[tuple[int, int, str]]) -> bool:
    return all(any(a <= i < b for a, b, _ in found) for i in range(start, end) if text[i].isalnum())


def evaluate(
    notes: list[dict[str, Any]],
    finder: Finder = mfs_finder,
    redact: Callable[[str], str] | None = None,
) -> Figures:
    """Figures of ``finder`` on ``notes``; ``redact`` (text -> redacted text) for the
    exact-text comparison, the library's by default."""
    if redact is None:
        from mfs_core.redaction import redact as library_redact

        def redact(text: str) -> str:
            return library_redact(text).text

    figures = Figures()
    for note in notes:
        text, spans = note["text"], note["spans"]
        found = finder(text)
        figures.notes += 1
        for span in spans:
            kind = span["kind"]
            figures.spans[kind] += 1
            if _covered(text, span["start"], span["end"], found):
                figures.redacted[kind] += 1
            else:
                figures.misses.append(
                    f"{note['id']} [{kind}] {text[span['start'] : span['end']]!r}"
                )
        for start, end, kind in found:
            touches = [s for s in spans if s["start"] < end and start < s["end"]]
            if not touches:
                figures.false_positives += 1
                figures.wrong.append(f"{note['id']} [{kind}] {text[start:end]!r}")
            if kind == "name":
                figures.name_findings += 1
                figures.name_findings_right += any(s["kind"] == "name" for s in touches)
        if not spans:
            figures.ordinary += 1
            if redact(text) != text:
                figures.ordinary_changed += 1
        figures.exact += redact(text) == note["expected"]
    return figures


def _percent(value: float | None) -> str:
    return "   -  " if value is None else f"{value * 100:5.1f} %"


def report(title: str, figures: Figures) -> list[str]:
    """The figures as lines of text."""
    lines = [f"{title}: {figures.notes} notes"]
    for kind in KINDS:
        if figures.spans[kind]:
            lines.append(
                f"  recall {kind:<14} {figures.redacted[kind]:>4}/{figures.spans[kind]:<4} "
                f"{_percent(figures.recall([kind]))}"
            )
    lines += [
        f"  recall, checksum-valid identifiers   {_percent(figures.recall(CHECKSUM_KINDS))}",
        f"  recall, partner-introduced numbers   {_percent(figures.recall(CONTEXT_KINDS))}",
        f"  names: recall {_percent(figures.recall(['name']))}, precision "
        f"{_percent(figures.name_precision)} ({figures.name_findings} found)",
        f"  ordinary notes changed: {figures.ordinary_changed}/{figures.ordinary} "
        f"{_percent(figures.ordinary_changed_rate)}",
        f"  false positives (findings touching no span): {figures.false_positives}",
        f"  expected text exactly: {figures.exact}/{figures.notes}",
    ]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--misses", action="store_true", help="list misses and false positives")
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="all", help="part to measure")
    args = parser.parse_args(argv)
    try:
        notes = load_corpus(args.corpus)
    except (OSError, ValueError) as exc:
        print(f"{args.corpus}: cannot read the corpus ({exc})", file=sys.stderr)
        return 2
    for split in SPLITS if args.split == "all" else (args.split,):
        figures = evaluate([n for n in notes if n["split"] == split])
        print("\n".join(report(f"{split}", figures)))
        if args.misses:
            print("\n".join(f"  MISS {m}" for m in figures.misses))
            print("\n".join(f"  FALSE {w}" for w in figures.wrong))
    return 0


if __name__ == "__main__":
    sys.exit(main())
