"""Check candidate needs for a fresh sample against every text recognition has seen.

    PYTHONPATH=src python scripts/fresh_sample_overlap.py candidates.tsv [--kept kept.tsv]

``candidates.tsv``: tab-separated with a header; the text is in the column ``need`` (or
``title``), other columns are copied as they are. A candidate is *seen* when its folded
text (casefolded, accents and punctuation removed, spaces collapsed) has a rapidfuzz
``ratio`` above 85 (100 when equal) with a folded text of:

- the catalogue: every procedure's ``title``, ``fiche_title``, ``questions`` and
  ``related_questions``, built in (``Registry.load(external=False)``) and of the plugins in
  ``plugins/*/src/*/*.toml`` (read as TOML: they need not be installed);
- the corpus, ``tests/data/recognition/needs.jsonl``;
- the fresh samples named in ``SAMPLES`` (only those: ``review-14l.tsv`` is a blind sample
  this script never opens).

Prints one line per seen candidate (its text, the text it is near, where that is from, the
ratio) and the counts; ``--kept`` writes the other candidates (same columns) to a file.
Exit 0; 2 with a message on a missing file or column. A developer tool for gathering
fresh samples (tests/data/recognition/fresh/README.md), not shipped."""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tomllib
import unicodedata
from pathlib import Path

from rapidfuzz import fuzz, process

from mfs_core.registry import Registry

ROOT = Path(__file__).resolve().parent.parent
RECOGNITION = ROOT / "tests" / "data" / "recognition"
#: The fresh samples a candidate is checked against, by name. Never a glob: the folder
#: holds a blind sample (review-14l.tsv) that must not be opened.
SAMPLES = ("review-14c.tsv", "review-14d.tsv", "review-14g.tsv", "review-14i.tsv", "review-14k.tsv")
#: Above this rapidfuzz ratio (0-100) two folded texts count as the same need.
NEAR = 85.0


def fold(text: str) -> str:
    """Casefold, drop accents, turn punctuation into spaces, collapse spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = (c for c in decomposed if not unicodedata.combining(c))
    spaced = "".join(c if c.isalnum() else " " for c in kept)
    return " ".join(spaced.split())


def _catalogue_texts() -> list[tuple[str, str]]:
    """(text, where) for every catalogue text, built-in and plugin."""
    texts: list[tuple[str, str]] = []
    for procedure in Registry.load(external=False).procedures.values():
        fields = [procedure.title, procedure.fiche_title or ""]
        fields += [*procedure.questions, *procedure.related_questions]
        texts += [(t, f"catalogue {procedure.id}") for t in fields if t]
    for path in sorted((ROOT / "plugins").glob("*/src/*/*.toml")):
        for procedure in tomllib.loads(path.read_text("utf-8")).get("procedures", []):
            fields = [procedure.get("title", ""), procedure.get("fiche_title", "")]
            fields += [*procedure.get("questions", []), *procedure.get("related_questions", [])]
            texts += [(t, f"plugin {procedure['id']}") for t in fields if t]
    return texts


def reference_texts() -> list[tuple[str, str]]:
    """(text, where) of the catalogue, the corpus and the named fresh samples."""
    texts = _catalogue_texts()
    corpus = RECOGNITION / "needs.jsonl"
    for line in corpus.read_text("utf-8").splitlines():
        texts.append((json.loads(line)["text"], "needs.jsonl"))
    for name in SAMPLES:
        with (RECOGNITION / "fresh" / name).open(encoding="utf-8", newline="") as handle:
            texts += [(row["need"], name) for row in csv.DictReader(handle, delimiter="\t")]
    return texts


def _fail(message: str) -> None:
    print(f"error: {message}", file=sys.stderr)
    raise SystemExit(2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("candidates", type=Path)
    parser.add_argument("--kept", type=Path, help="write the candidates not seen here")
    args = parser.parse_args()
    try:
        with args.candidates.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle, delimiter="\t")
            rows = list(reader)
            columns = list(reader.fieldnames or [])
    except OSError as error:
        _fail(f"{args.candidates}: cannot read ({error.strerror})")
    column = "need" if "need" in columns else "title"
    if column not in columns:
        _fail(f"{args.candidates}: no column 'need' or 'title' in the header")
    references = reference_texts()
    folded = [fold(text) for text, _ in references]
    kept = []
    for row in rows:
        text = fold(row[column])
        found = process.extractOne(text, folded, scorer=fuzz.ratio)
        if found is not None and found[1] > NEAR:
            near, where = references[found[2]]
            print(f"seen\t{row[column]}\t{near}\t{where}\t{found[1]:.0f}")
        else:
            kept.append(row)
    print(f"{len(rows)} candidates, {len(rows) - len(kept)} seen, {len(kept)} kept")
    if args.kept is not None:
        with args.kept.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns, delimiter="\t")
            writer.writeheader()
            writer.writerows(kept)


if __name__ == "__main__":
    main()
