"""How many corpus needs each recognition stage changes: the stage switched off in a fresh
recogniser, the outcomes (``repr`` of each recognition) compared with the full one's.

    python scripts/recognition_stages.py

For speed work (issue 14's sixth pass): a stage that changes few outcomes may admit a cheap
exact test that skips it; one that changes most cannot be skipped without changing results.
Built-in plugins and the installed external ones; the 370 phrasings of the corpus as
written. Prints one line per stage. Not a test: the stages are switched off by replacing
private methods, which a later version may rename.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from mfs_core.recognition import Recogniser, decision
from mfs_core.registry import Registry

CORPUS = Path(__file__).parents[1] / "tests" / "data" / "recognition" / "needs.jsonl"

Patch = Callable[[Recogniser], None]


def _without_twins(r: Recogniser) -> None:
    r._twins.with_twins = lambda pool, scores: pool  # type: ignore[method-assign]
    r._twins.of_best = lambda ranked: [ranked[0][4]] if ranked else []  # type: ignore[method-assign]


def _without_synonyms(r: Recogniser) -> None:
    r.index.synonyms_of = lambda word: ()  # type: ignore[method-assign]
    r.index.expansions_of = lambda term: ()  # type: ignore[method-assign]


STAGES: dict[str, Patch] = {
    "re-reading (joined needs, accounts)": lambda r: setattr(r, "_several", lambda *a, **k: None),
    "naming check": lambda r: setattr(r._levels, "named", lambda *a, **k: True),
    "split check": lambda r: setattr(r._levels, "_split", lambda *a, **k: 0.0),
    "same-words check": lambda r: setattr(r._levels, "_same_words", lambda *a, **k: False),
    "twins": _without_twins,
    "typo search": lambda r: setattr(r.index, "_typo", lambda plain: None),
    "lemmas": lambda r: setattr(r.index, "_lemma_of", lambda word: None),
    "thesaurus synonyms": _without_synonyms,
    "derived forms": lambda r: setattr(r.index, "_longer", {}),
    "lexicon phrases": lambda r: setattr(r._terms, "entries", {}),
    "pairs of adjacent words": lambda r: setattr(r._terms, "_pair", lambda a, b: False),
}


def main() -> None:
    needs = [json.loads(line)["text"] for line in CORPUS.read_text("utf-8").splitlines()]
    registry = Registry.load()

    def outcomes(patch: Patch | None = None) -> list[str]:
        recogniser = Recogniser(registry.procedures.values(), registry.partners)
        if patch is not None:
            patch(recogniser)
        return [repr(recogniser.recognise(need)) for need in needs]

    full = outcomes()
    for name, patch in STAGES.items():
        changed = sum(a != b for a, b in zip(full, outcomes(patch), strict=True))
        print(f"{name}: {changed} of {len(needs)} needs change")
    firmly = decision.firmly_reached
    decision.firmly_reached = lambda number, known: True  # type: ignore[assignment]
    try:
        changed = sum(a != b for a, b in zip(full, outcomes(), strict=True))
    finally:
        decision.firmly_reached = firmly
    print(f"firmly-reached check: {changed} of {len(needs)} needs change")


if __name__ == "__main__":
    main()
