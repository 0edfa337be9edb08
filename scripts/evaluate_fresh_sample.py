"""Measure recognition on a fresh sample (tests/data/recognition/fresh/): top-1, top-3,
shown (a right procedure among what the router shows: ``evaluate_recognition.shown_right``),
confident claims and how many are wrong, negatives claimed or suggested.

    .venv/bin/python scripts/evaluate_fresh_sample.py tests/data/recognition/fresh/review-14c.tsv

Only a measure: see the folder's README (never tune on these items)."""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from evaluate_recognition import shown_right  # scripts/, beside this one

from mfs_core.recognition import Level, recogniser_for
from mfs_core.registry import Registry


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sample", type=Path)
    args = parser.parse_args()
    with args.sample.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    recogniser = recogniser_for(Registry.load())
    covered = top1 = top3 = shown = confident = wrong = 0
    negatives = claimed = suggested = 0
    for row in rows:
        recognition = recogniser.recognise(row["need"])
        ranked = [c.procedure for c in recognition.candidates]
        if row["expected"] == "-":
            negatives += 1
            claimed += recognition.level is Level.CONFIDENT
            suggested += bool(ranked) and recognition.level is not Level.NONE
            continue
        expected = set(row["expected"].split(","))
        covered += 1
        first = bool(ranked) and ranked[0] in expected
        top1 += first
        top3 += bool(expected & set(ranked[:3]))
        shown += shown_right(recognition.level.value, recognition.chosen, ranked, expected)
        if recognition.level is Level.CONFIDENT:
            confident += 1
            wrong += not first
    print(f"{args.sample.name}: {covered} covered needs, {negatives} negatives")
    print(
        f"  top-1 {top1}/{covered} = {top1 / covered:.1%}, top-3 {top3}/{covered} = "
        f"{top3 / covered:.1%}, shown {shown}/{covered} = {shown / covered:.1%}, "
        f"confident claims {confident}, of them wrong {wrong}"
    )
    print(f"  negatives: claimed {claimed}/{negatives}, any suggestion {suggested}/{negatives}")


if __name__ == "__main__":
    main()
