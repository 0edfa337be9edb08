"""Measure need recognition on the corpus: top-1 / top-3 by tag and split, negatives.

Usage, from the repository root with the project's virtualenv::

    .venv/bin/python scripts/evaluate_recognition.py               # both splits
    .venv/bin/python scripts/evaluate_recognition.py --split tune  # the part tuned on
    .venv/bin/python scripts/evaluate_recognition.py --misses      # also list the misses
    .venv/bin/python scripts/evaluate_recognition.py --plugins     # with installed plugins
    .venv/bin/python scripts/evaluate_recognition.py --sample short  # one sample only

The corpus is ``tests/data/recognition/needs.jsonl`` (real phrasings with their sources;
see the README beside it). For each item the recogniser of a registry (built-in plugins
only, unless ``--plugins``) ranks the procedures:

- **top-1 / top-3**: the first candidate (one of the first three) is one of the expected
  ids (a set when several are equally right), whatever the level: a need at level ``none``
  still lists its closest candidates (``mfs recognise``), though the router shows none;
- **shown**: an expected id is among the candidates the router shows the agent (the level
  is not ``none``, and the id is among the first ``chosen``: the claim, the clarify
  question's candidates or the suggestions). What a rule that turns suggestions into
  ``none`` costs covered needs (issue-14bm): top-1 and top-3 cannot show it;
- **claimed**: recognition is ``confident`` (the router would decide on that procedure);
  **right claim**: claimed and the procedure is expected. For an ``ambiguous`` item (the
  right answer depends on a fact the phrasing lacks) a ``clarify`` listing an expected id
  first is right too;
- **negatives**: real needs no procedure covers. *claimed*: a procedure was claimed
  (``confident``); *suggested*: any candidate was shown at all (``clarify`` or suggestions);
- **pending**: items expecting an id the catalogue does not hold yet (issue 13 adds them):
  left out of every figure, counted; they are scored as soon as the procedures exist;
- **verbatim**: items whose text is, once normalised, a question or fiche title of an
  expected procedure (the catalogue then holds the answer word for word): counted, and the
  figures are also given without them so that adding question titles cannot inflate them.

The test suite (``tests/test_recognition_corpus.py``) holds floors a little under these
figures. Exit code 0; 2 if the corpus cannot be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).parents[1] / "tests" / "data" / "recognition" / "needs.jsonl"
TAGS = ("lexical", "paraphrase", "colloquial", "negative")
SPLITS = ("tune", "holdout")


@dataclass(frozen=True)
class Item:
    """One phrasing of the corpus."""

    text: str
    expected: frozenset[str]
    tag: str
    split: str
    ambiguous: bool
    near_miss: bool
    #: Where the phrasing comes from (``source.kind``: ``service-public-question``,
    #: ``search-suggestion``, ``search-variant``, ``web-page`` — FAQs, press, blogs).
    kind: str = ""
    #: The part of the corpus built at once with its own rule of selection (``sample`` in
    #: the file; ``main`` when absent): ``short`` holds needs of one to eight words copied
    #: from forum titles, search queries and FAQ headings (stop 39).
    sample: str = "main"


def typed_words(text: str) -> int:
    """How many words ``text`` has as typed: whitespace-separated tokens holding a letter or
    a digit (a lone « ? » or « : » is not a word).

    >>> typed_words("Carte grise : à mon nom ?")
    5
    """
    return sum(any(c.isalnum() for c in token) for token in text.split())


def shown_right(level: str, chosen: int, ranked: Sequence[str], expected: Collection[str]) -> bool:
    """Whether an ``expected`` id is among what the router shows of a recognition: its
    level is not ``none`` and the id is among its first ``chosen`` (at least one) ranked
    ids (the claim, the clarify question's candidates or the suggestions; issue-14bm).
    Also read by ``evaluate_fresh_sample.py``.

    >>> shown_right("none", 0, ["a"], {"a"}), shown_right("weak", 1, ["b", "a"], {"a"})
    (False, False)
    >>> shown_right("ambiguous", 2, ["b", "a"], {"a"})
    True
    """
    if level == "none":
        return False
    return any(pid in expected for pid in ranked[: max(chosen, 1)])


@dataclass(frozen=True)
class Outcome:
    """What recognition gave for one item."""

    item: Item
    ranked: tuple[str, ...]  # candidate ids, best first
    level: str
    chosen: int
    verbatim: bool
    #: Whether the text is long: as many meaningful words as the recogniser reads
    #: sentence by sentence (``ranking.LONG_ACCOUNT``), or more.
    long: bool = False

    @property
    def top1(self) -> bool:
        return bool(self.ranked) and self.ranked[0] in self.item.expected

    @property
    def top3(self) -> bool:
        return any(pid in self.item.expected for pid in self.ranked[:3])

    @property
    def shown(self) -> bool:
        """An expected id is among the candidates the router shows (see the module)."""
        return shown_right(self.level, self.chosen, self.ranked, self.item.expected)

    @property
    def claimed(self) -> bool:
        return self.level == "confident"

    @property
    def suggested(self) -> bool:
        return self.level != "none"

    @property
    def right_decision(self) -> bool:
        """Confident on an expected id, or a clarify whose first candidate is expected."""
        return self.top1 and self.level in ("confident", "ambiguous")


@dataclass
class Tally:
    """Counts of one group of outcomes."""

    n: int = 0
    top1: int = 0
    top3: int = 0
    claimed: int = 0
    suggested: int = 0
    right: int = 0
    shown: int = 0
    wrong_claims: int = 0

    def add(self, outcome: Outcome) -> None:
        self.n += 1
        self.top1 += outcome.top1
        self.top3 += outcome.top3
        self.claimed += outcome.claimed
        self.suggested += outcome.suggested
        self.right += outcome.right_decision
        self.shown += outcome.shown
        self.wrong_claims += outcome.claimed and not outcome.top1

    def rate(self, name: str) -> float:
        return getattr(self, name) / self.n if self.n else 0.0


@dataclass
class Report:
    """Every figure of one run."""

    outcomes: list[Outcome] = field(default_factory=list)
    pending: list[Item] = field(default_factory=list)

    def tally(
        self,
        *,
        split: str | None = None,
        tags: Iterable[str] = TAGS,
        verbatim: bool = True,
        where: Callable[[Outcome], bool] | None = None,
    ) -> Tally:
        """The counts of the scored items of ``split`` (both when None) and ``tags``, and
        of which ``where`` holds when given."""
        tally = Tally()
        wanted = set(tags)
        for outcome in self.outcomes:
            item = outcome.item
            in_scope = (split is None or item.split == split) and item.tag in wanted
            if where is not None and not where(outcome):
                continue
            if in_scope and (verbatim or not outcome.verbatim):
                tally.add(outcome)
        return tally


def read_corpus(path: Path = CORPUS) -> list[Item]:
    """The items of the corpus file."""
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            items.append(
                Item(
                    text=data["text"],
                    expected=frozenset(data["expected"]),
                    tag=data["tag"],
                    split=data["split"],
                    ambiguous=bool(data.get("ambiguous")),
                    near_miss=bool(data.get("near_miss")),
                    kind=str(data.get("source", {}).get("kind", "")),
                    sample=_sample_of(data),
                )
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{path}:{number}: {exc}") from None
    return items


def _sample_of(data: dict[str, Any]) -> str:
    """An item's ``sample`` (``main`` when absent); a value that is not a non-empty string
    of letters, digits and dashes is an error (an item silently left out of its sample
    would change the figures: review 39)."""
    sample = data.get("sample", "main")
    if not isinstance(sample, str) or not sample or len(sample) > 40:
        raise ValueError("'sample' must be a short non-empty string")
    if not all(c.isalnum() or c == "-" for c in sample):
        raise ValueError("'sample' must hold letters, digits and dashes only")
    return sample


def with_catalogue(registry: Any, path: Path) -> dict[str, Any]:
    """The registry's procedures with ``fiche_title`` and ``questions`` taken from a JSONL
    file of catalogue research (one object a line: ``id``, ``fiche_title``, ``questions``
    as ``[{"title": ...}]``): a preview of what the catalogue issue will load."""
    import attrs

    procedures = dict(registry.procedures)
    for line in path.read_text(encoding="utf-8").splitlines():
        data = json.loads(line)
        found = procedures.get(data["id"])
        if found is None:
            continue
        title = data.get("fiche_title") or None
        if title and title.startswith("("):  # a listing label, not the fiche's own title
            title = None
        questions = tuple(q["title"].strip() for q in data.get("questions") or ())
        procedures[found.id] = attrs.evolve(found, fiche_title=title, questions=questions)
    return procedures


def evaluate(
    items: Sequence[Item], registry: Any, procedures: dict[str, Any] | None = None
) -> Report:
    """Recognise every item with the recogniser of ``registry`` (or, given
    ``procedures``, with a recogniser of those procedures and the registry's partners)."""
    from mfs_core.recognition import Recogniser, recogniser_for
    from mfs_core.recognition.normalise import reading, tokens
    from mfs_core.recognition.ranking import LONG_ACCOUNT

    if procedures is None:
        recogniser = recogniser_for(registry)
        procedures = dict(registry.procedures)
    else:
        recogniser = Recogniser(procedures.values(), registry.partners)

    def said(text: str) -> tuple[str, ...]:
        return tuple(t.stem for t in tokens(text))

    report = Report()
    for item in items:
        if any(pid not in procedures for pid in item.expected):
            report.pending.append(item)
            continue
        recognition = recogniser.recognise(item.text)
        stems = said(item.text)
        verbatim = any(
            stems == said(text)
            for pid in item.expected
            for text in (*procedures[pid].questions, procedures[pid].fiche_title or "")
            if text
        )
        report.outcomes.append(
            Outcome(
                item=item,
                ranked=tuple(c.procedure for c in recognition.candidates),
                level=recognition.level.value,
                chosen=recognition.chosen,
                verbatim=verbatim,
                long=len(reading(item.text)[0]) >= LONG_ACCOUNT,
            )
        )
    return report


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f} %" if whole else "    - "


def print_report(report: Report, splits: Sequence[str], *, misses: bool = False) -> None:
    """The tables of :func:`evaluate`'s report, in plain text."""
    print(
        f"{'split':<8} {'tag':<11} {'n':>4} {'top-1':>8} {'top-3':>8} {'decided':>8} {'shown':>8}"
    )
    for split in splits:
        for tags, name in [((t,), t) for t in TAGS[:3]] + [(TAGS[:3], "all")]:
            t = report.tally(split=split, tags=tags)
            print(
                f"{split:<8} {name:<11} {t.n:>4} {_pct(t.top1, t.n):>8} {_pct(t.top3, t.n):>8} "
                f"{_pct(t.right, t.n):>8} {_pct(t.shown, t.n):>8}"
            )
        both = report.tally(split=split, tags=("paraphrase", "colloquial"))
        print(f"{split:<8} {'para+coll':<11} {both.n:>4} {_pct(both.top1, both.n):>8}")
    print("\n'decided': a confident claim, or a clarify question, whose first candidate is right")
    print("'shown': a right procedure among those the router shows (claim, question, suggestions)")
    print(f"\n{'split':<8} {'negatives':>9} {'claimed':>8} {'suggested':>10}  (near misses)")
    for split in splits:
        t = report.tally(split=split, tags=("negative",))
        near = [o for o in report.outcomes if o.item.split == split and o.item.near_miss]
        near_claimed = sum(o.claimed for o in near)
        print(
            f"{split:<8} {t.n:>9} {_pct(t.claimed, t.n):>8} {_pct(t.suggested, t.n):>10}  "
            f"({near_claimed}/{len(near)} claimed)"
        )
    for split in splits:
        positives = report.tally(split=split, tags=TAGS[:3])
        print(
            f"\n{split}: wrong claims on covered needs: {positives.wrong_claims}/{positives.n} "
            f"({_pct(positives.wrong_claims, positives.n).strip()})"
        )
    verbatim = [o for o in report.outcomes if o.verbatim and o.item.split in splits]
    print(
        f"\nverbatim (text is a question or fiche title of an expected procedure): {len(verbatim)}"
    )
    if verbatim:
        for split in splits:
            t = report.tally(split=split, tags=TAGS[:3], verbatim=False)
            top1, top3 = _pct(t.top1, t.n), _pct(t.top3, t.n)
            print(f"{split:<8} without them: n={t.n} top-1 {top1} top-3 {top3}")
    _print_breakdowns(report, splits)
    pending = [i for i in report.pending if i.split in splits]
    print(
        f"\npending (procedure not in the catalogue): {len(pending)} item(s), left out of "
        "every figure above"
    )
    if misses:
        print("\nmisses (top-1 wrong, or a negative claimed or suggested):")
        for outcome in report.outcomes:
            item = outcome.item
            if item.split not in splits:
                continue
            wrong = (item.tag == "negative" and outcome.suggested) or (
                item.tag != "negative" and not outcome.top1
            )
            if wrong:
                want = ", ".join(sorted(item.expected)) or "none"
                print(
                    f"  [{item.split[0]} {item.tag[:4]} {outcome.level}] {item.text[:80]!r} -> "
                    f"{', '.join(outcome.ranked[:3]) or '-'} (want {want})"
                )


def _print_breakdowns(report: Report, splits: Sequence[str]) -> None:
    """Covered needs by length and by the kind of source, negatives apart: where the
    misses are (short needs that name their matter, or long accounts; question titles, or
    press quotes)."""
    groups: list[tuple[str, Callable[[Outcome], bool]]] = [
        ("short", lambda o: not o.long),
        ("long", lambda o: o.long),
    ]
    # Words as the agent types them: the counter's needs are mostly of one to six words,
    # the corpus's web text mostly longer (stop 39).
    for name, low, high in (("1-3 words", 1, 3), ("4-6 words", 4, 6), ("7+ words", 7, 10**6)):
        groups.append((name, lambda o, low=low, high=high: low <= typed_words(o.item.text) <= high))
    kinds = sorted({o.item.kind for o in report.outcomes})
    groups += [(kind, lambda o, kind=kind: o.item.kind == kind) for kind in kinds]
    samples = sorted({o.item.sample for o in report.outcomes})
    if len(samples) > 1:
        groups += [(f"sample {s}", lambda o, s=s: o.item.sample == s) for s in samples]
    print(
        "\nby length (long: as many meaningful words as are read sentence by sentence, or "
        "more), by kind of source and by sample; covered needs"
    )
    print(
        f"{'split':<8} {'group':<24} {'n':>4} {'top-1':>8} {'top-3':>8} {'decided':>8} {'shown':>8}"
    )
    for split in splits:
        for name, where in groups:
            t = report.tally(split=split, tags=TAGS[:3], where=where)
            if t.n:
                print(
                    f"{split:<8} {name:<24} {t.n:>4} {_pct(t.top1, t.n):>8} "
                    f"{_pct(t.top3, t.n):>8} {_pct(t.right, t.n):>8} {_pct(t.shown, t.n):>8}"
                )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=SPLITS, help="one split only (default: both)")
    parser.add_argument("--misses", action="store_true", help="list the misses")
    parser.add_argument("--plugins", action="store_true", help="load the installed plugins too")
    parser.add_argument(
        "--sample", help="only the items of this sample (main: those of no named sample; short)"
    )
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="corpus file (JSONL)")
    parser.add_argument(
        "--catalogue",
        type=Path,
        help="preview: fiche titles and question titles from a catalogue-research JSONL",
    )
    args = parser.parse_args(argv)
    try:
        items = read_corpus(args.corpus)
    except (OSError, ValueError) as exc:
        print(f"evaluate_recognition: cannot read the corpus: {exc}", file=sys.stderr)
        return 2
    if args.sample is not None:
        items = [item for item in items if item.sample == args.sample]
        if not items:
            asked = args.sample if len(args.sample) <= 40 else args.sample[:40] + "…"
            print(f"evaluate_recognition: no item of sample {asked!r}", file=sys.stderr)
            return 2
    from mfs_core.registry import Registry

    registry = Registry.load(external=args.plugins)
    procedures = with_catalogue(registry, args.catalogue) if args.catalogue else None
    report = evaluate(items, registry, procedures)
    splits = (args.split,) if args.split else SPLITS
    print(f"registry: {len(registry.procedures)} procedures; corpus: {len(items)} items\n")
    print_report(report, splits, misses=args.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
