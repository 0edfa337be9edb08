"""Count the corpus needs whose outcome changes when they are written without accents.

    python scripts/folded_consistency.py [--show] [--plugins]

Residents and agents often write without accents: all capitals in a form field, a phone
keyboard, a copied SMS. This compares each phrasing of the corpus
(``tests/data/recognition/needs.jsonl``, both splits) with ITSELF written two other ways:
folded to capitals without accents (« INDEMNISEE », as ``scripts/compare_recognition.py``'s
variant) and without accents in lower case (« indemnisee »). A consistency measure, not a
score: nothing is compared with the expected ids. An outcome differs in its level, its
first candidate or its first three candidates (as a set, in order is stricter than
needed). Prints the counts for each variant and each part; ``--show`` names every need
that differs and how. Exit code 0.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path

CORPUS = Path(__file__).parents[1] / "tests" / "data" / "recognition" / "needs.jsonl"


def unaccented(text: str) -> str:
    """``text`` without its combining marks (``é`` → ``e``, ``ç`` → ``c``, ``œ`` kept)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _outcome(recognition: object) -> tuple[str, str | None, tuple[str, ...]]:
    level = str(recognition.level)  # type: ignore[attr-defined]
    ranked = tuple(c.procedure for c in recognition.candidates)  # type: ignore[attr-defined]
    return level, (ranked[0] if ranked else None), ranked[:3]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", action="store_true", help="name every need that differs")
    parser.add_argument("--plugins", action="store_true", help="with installed plugins")
    args = parser.parse_args()
    from mfs_core.recognition import recogniser_for
    from mfs_core.registry import Registry

    recogniser = recogniser_for(Registry.load(external=args.plugins))
    items = [json.loads(line) for line in CORPUS.read_text("utf-8").splitlines() if line]
    variants = {
        "capitals": lambda t: unaccented(t).upper(),
        "lower case": lambda t: unaccented(t).lower(),
    }
    for name, variant in variants.items():
        counts = {"level": 0, "first": 0, "top-3": 0, "any": 0}
        by_split: dict[str, int] = {}
        total = 0
        for item in items:
            text = item["text"]
            folded = variant(text)
            if folded == text:
                continue
            total += 1
            a = _outcome(recogniser.recognise(text))
            b = _outcome(recogniser.recognise(folded))
            moved = {
                "level": a[0] != b[0],
                "first": a[1] != b[1],
                "top-3": set(a[2]) != set(b[2]),
            }
            for key, value in moved.items():
                counts[key] += value
            if any(moved.values()):
                counts["any"] += 1
                by_split[item["split"]] = by_split.get(item["split"], 0) + 1
                if args.show:
                    print(f"{name}: {text!r}\n  as written {a}\n  folded     {b}")
        splits = ", ".join(f"{k} {v}" for k, v in sorted(by_split.items()))
        print(
            f"{name}: {counts['any']} of {total} needs differ (level {counts['level']}, "
            f"first {counts['first']}, top-3 {counts['top-3']}; {splits or 'none'})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
