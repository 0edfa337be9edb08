"""Fit the suggestion gate (:mod:`mfs_core.recognition.gate`) and measure it (issue-14bn).

Usage, from the repository root with the project's virtualenv (needs scikit-learn, of the
``maintainer`` extra: ``pip install -e '.[maintainer]'``; the library never imports it)::

    .venv/bin/python scripts/fit_suggestion_gate.py            # tune: CV and in-sample
    .venv/bin/python scripts/fit_suggestion_gate.py --write    # and write the data file
    .venv/bin/python scripts/fit_suggestion_gate.py --select   # forward feature selection
    .venv/bin/python scripts/fit_suggestion_gate.py --holdout --fresh SAMPLE.tsv ...

Population: the ``tune`` needs for which the gate decides, once, whether they show
suggestions (level ``weak``) or nothing (``none``): recognition is run twice per need with
a gate answering yes, then no (:class:`Forced`), and a need is in the population when the
two outcomes differ. The others are fixed: no gate call (a claim, nothing reached, a need
naming only a partner), the same outcome either way (a keyword said whole shows it), or
several calls (a need read as several requests: taken with the « no » answers, about 1 %
of the split). Label 1 (« worth suggesting »): a covered need whose outcome with « yes »
shows one of its expected ids (``evaluate_recognition.shown_right``); 0: a negative, or a
covered need whose suggestions are all wrong. Features: the library's own
(:meth:`~mfs_core.recognition.decision.LevelRules.gate_features`, from the need and the
catalogue only, never the corpus labels) and, for ``--select``, :func:`extra_features`.

A logistic regression (L2, :data:`C`, standardised features); its threshold maximises
``shown`` with negatives suggested (claims and clarify questions included) at most
:data:`BUDGET` of the tune negatives. Cross-validated figures: 5-fold, stratified, over
:data:`SEEDS` seeds, nested (each fold decided by a model and threshold fitted on the
other four). The in-sample, ``--holdout`` and ``--fresh`` figures are measured end to
end: the fitted gate installed in the recogniser, every need recognised again (totals
only, never a need; the blind sample review-14l is refused). ``--write`` writes the
fitted gate to ``src/mfs_core/recognition/data/suggestion_gate.toml`` with its
provenance. Figures: ``docs/recognition.md``, « The suggestion gate ». Exit code 0; 2
when scikit-learn is missing or the needs cannot be read.
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evaluate_recognition import read_corpus, shown_right  # scripts/, beside this one

from mfs_core.recognition.gate import FEATURES, SuggestionGate

#: Share of the tune negatives that may be suggested (issue 14's target).
BUDGET = 0.20
#: L2 regularisation (scikit-learn's C) of the logistic regression.
C = 0.3
SEEDS = 5


@dataclass(frozen=True)
class Need:
    """One need measured: its text, expected ids (empty for a negative)."""

    text: str
    expected: frozenset[str]

    @property
    def negative(self) -> bool:
        return not self.expected


@dataclass
class Population:
    """What the gate decides on, and the rest: ``rows`` (features, label) of the needs that
    claim nothing with candidates; outside them, covered needs shown and negatives
    suggested; how many covered needs and negatives."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    fixed_shown: int = 0
    fixed_negatives: int = 0
    covered: int = 0
    negatives: int = 0


class Forced:
    """A gate that answers ``answer`` and records the features it was asked about."""

    def __init__(self, answer: bool):
        self.answer = answer
        self.seen: list[tuple[float, ...]] = []

    def suggests(self, features: Sequence[float]) -> bool:
        self.seen.append(tuple(features))
        return self.answer


def _outcome(recogniser: Any, text: str, gate: Any) -> Any:
    recogniser._levels.gate = gate
    return recogniser.recognise(text)


def collect(recogniser: Any, needs: Sequence[Need]) -> Population:
    """Recognise ``needs`` with a gate answering yes, then no, and read the population
    (the recogniser's gate is left as it was)."""
    found = Population()
    shipped = recogniser._levels.gate
    try:
        for need in needs:
            negative = need.negative
            found.negatives += negative
            found.covered += not negative
            yes, no = Forced(True), Forced(False)
            said_yes = _outcome(recogniser, need.text, yes)
            said_no = _outcome(recogniser, need.text, no)
            with_yes = _counted(said_yes, need)
            with_no = _counted(said_no, need)
            if len(yes.seen) != 1 or said_yes.level is said_no.level:
                found.fixed_shown += with_no[0]
                found.fixed_negatives += with_no[1]
                continue
            features = dict(zip(FEATURES, yes.seen[0], strict=True))
            features.update(extra_features(said_yes))
            found.rows.append(
                {
                    "y": with_yes[0],
                    "negative": negative,
                    "weak": shipped.suggests(yes.seen[0]),  # what the shipped gate says
                    "features": features,
                }
            )
    finally:
        recogniser._levels.gate = shipped
    return found


def _counted(recognition: Any, need: Need) -> tuple[int, int]:
    """(1 when a covered need shows an expected id, 1 when a negative shows anything)."""
    level = recognition.level.value
    if need.negative:
        return 0, int(level != "none")
    ids = [c.procedure for c in recognition.candidates]
    return int(shown_right(level, recognition.chosen, ids, need.expected)), 0


def end_to_end(recogniser: Any, needs: Sequence[Need], gate: Any) -> tuple[int, int, int, int]:
    """(covered shown, covered, negatives suggested, negatives) with ``gate`` installed."""
    shipped = recogniser._levels.gate
    shown = suggested = covered = negatives = 0
    try:
        for need in needs:
            right, wrong = _counted(_outcome(recogniser, need.text, gate), need)
            shown += right
            suggested += wrong
            covered += not need.negative
            negatives += need.negative
    finally:
        recogniser._levels.gate = shipped
    return shown, covered, suggested, negatives


#: Features tried besides the gate's own by ``--select`` (read from the public result).
CANDIDATE_FEATURES = (
    "close",
    "conf1",
    "conf2",
    "log_ratio",
    "partners5",
    "same_partner5",
    "matched_n",
    "typo",
    "withheld",
    "weak_now",
)


def extra_features(recognition: Any) -> dict[str, float]:
    """Features read from the recognition alone, tried by ``--select``."""
    from mfs_core.recognition.confidence import close_count

    candidates = recognition.candidates
    first = candidates[0]
    second = candidates[1] if len(candidates) > 1 else None
    ratio = 4.0 if second is None or second.score <= 0 else min(first.score / second.score, 4.0)
    return {
        "close": float(close_count([c.score for c in candidates])),
        "conf1": first.confidence,
        "conf2": second.confidence if second else 0.0,
        "log_ratio": math.log(ratio) if ratio > 0 else 0.0,
        "partners5": float(len({c.partner for c in candidates[:5]})),
        "same_partner5": float(sum(c.partner == first.partner for c in candidates[:5])),
        "matched_n": float(len(first.matched)),
        "typo": float(sum("≈" in m for m in first.matched)),
        "withheld": float(recognition.withheld is not None),
        "weak_now": float(recognition.level.value == "weak"),  # with « yes »: always 1
    }


class Fitter:
    """Fits and measures a gate over the population."""

    def __init__(self, population: Population):
        import numpy as np

        self.np = np
        self.rows = rows = population.rows
        self.fixed_shown = population.fixed_shown
        self.fixed_negatives = population.fixed_negatives
        self.budget = BUDGET * population.negatives
        self.y = np.array([r["y"] for r in rows])
        self.negative = np.array([r["negative"] for r in rows], bool)

    def matrix(self, names: Sequence[str]) -> Any:
        return self.np.array([[r["features"][n] for n in names] for r in self.rows])

    @staticmethod
    def model() -> Any:
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline
        from sklearn.preprocessing import StandardScaler

        return make_pipeline(StandardScaler(), LogisticRegression(C=C, max_iter=2000))

    def threshold(self, p: Any, y: Any, negative: Any, scale: float) -> float:
        """The linear score from which to suggest: the most shown with negatives suggested
        within the budget (``scale``: the share of the population ``p``, the scores, is);
        halfway between the last suggested score and the next, so that rounding the
        coefficients moves no need."""
        np = self.np
        order = np.argsort(-p)
        negatives, shown = np.cumsum(negative[order]), np.cumsum(y[order])
        best, cut = -1, math.inf
        for n in range(len(p)):
            if n + 1 < len(p) and p[order[n + 1]] == p[order[n]]:
                continue  # a tie: all of them or none
            if (self.fixed_negatives + negatives[n]) <= self.budget * scale and shown[n] > best:
                after = p[order[n + 1]] if n + 1 < len(p) else p[order[n]] - 1.0
                best, cut = shown[n], float((p[order[n]] + after) / 2)
        return cut

    def figures(self, suggested: Any) -> tuple[int, int]:
        """Tune shown and negatives suggested when ``suggested`` of the population are."""
        return (
            self.fixed_shown + int((suggested & (self.y == 1)).sum()),
            self.fixed_negatives + int((suggested & self.negative).sum()),
        )

    def cross_validated(self, names: Sequence[str]) -> tuple[float, float]:
        """Mean (shown, negatives suggested) of nested 5-fold CV over :data:`SEEDS` seeds."""
        from sklearn.model_selection import StratifiedKFold

        np = self.np
        x, y, negative = self.matrix(names), self.y, self.negative
        results = []
        for seed in range(SEEDS):
            suggested = np.zeros(len(y), bool)
            folds = StratifiedKFold(5, shuffle=True, random_state=seed)
            for train, test in folds.split(x, y * 2 + negative):
                model = self.model().fit(x[train], y[train])
                cut = self.threshold(
                    model.decision_function(x[train]),
                    y[train],
                    negative[train],
                    len(train) / len(y),
                )
                suggested[test] = model.decision_function(x[test]) >= cut
            results.append(self.figures(suggested))
        shown, negatives = np.mean(results, axis=0)
        return float(shown), float(negatives)

    def select(self, names: Sequence[str]) -> list[str]:
        """Greedy forward selection: the feature whose addition gives the most
        cross-validated shown within the negatives budget, while it adds half a need."""

        def value(figures: tuple[float, float]) -> float:
            shown, negatives = figures
            return shown - 10 * max(0.0, negatives - self.budget)

        chosen: list[str] = []
        current = -math.inf  # at least one feature
        while True:
            tried = [
                (value(self.cross_validated([*chosen, n])), n) for n in names if n not in chosen
            ]
            if not tried:
                return chosen
            best, name = max(tried)
            if best <= current + 0.5:
                return chosen
            chosen.append(name)
            current = best
            print(f"  + {name}: cross-validated value {best:.1f}")

    def fit(self, names: Sequence[str]) -> tuple[dict[str, float], float, float]:
        """Coefficients on the raw features, intercept, and the threshold on the linear
        score, fitted on the whole population."""
        x = self.matrix(names)
        model = self.model().fit(x, self.y)
        cut = self.threshold(model.decision_function(x), self.y, self.negative, 1.0)
        scaler, regression = model[0], model[-1]
        weights = regression.coef_[0] / scaler.scale_
        intercept = regression.intercept_[0] - float((weights * scaler.mean_).sum())
        return dict(zip(names, map(float, weights), strict=True)), float(intercept), cut


def fresh_needs(path: Path) -> list[Need]:
    """The needs of a fresh sample (``need``, ``expected``: ids joined by commas, ``-``
    for a negative). The blind sample is never read (tests/data/recognition/fresh/README)."""
    blind = Path(__file__).resolve().parents[1] / "tests/data/recognition/fresh/review-14l.tsv"
    # by name, and by file: a copy under another name or a link is the blind sample too
    if path.name == blind.name or (
        blind.exists() and path.exists() and (path.samefile(blind) or _same_bytes(path, blind))
    ):
        raise ValueError(f"{path.name} is the blind sample: never measured here")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [
        Need(
            row["need"],
            frozenset() if row["expected"] == "-" else frozenset(row["expected"].split(",")),
        )
        for row in rows
    ]


def _same_bytes(one: Path, other: Path) -> bool:
    """Whether two files hold the same bytes (sizes first; nothing is printed of them)."""
    return one.stat().st_size == other.stat().st_size and one.read_bytes() == other.read_bytes()


def measured(recogniser: Any, needs: Sequence[Need], gate: SuggestionGate) -> str:
    """Totals only (never a need): shown and negatives suggested with the shipped gate
    and with ``gate``, end to end."""
    shipped = recogniser._levels.gate
    before = end_to_end(recogniser, needs, shipped)
    after = end_to_end(recogniser, needs, gate)
    return (
        f"shown {before[0]} -> {after[0]} of {before[1]}, negatives suggested "
        f"{before[2]} -> {after[2]} of {before[3]}"
    )


_DATA_FILE = (
    Path(__file__).resolve().parents[1] / "src/mfs_core/recognition/data/suggestion_gate.toml"
)


def write_gate(gate: SuggestionGate, path: Path = _DATA_FILE) -> None:
    """Write ``gate`` as the built-in gate's data file (rounded to 4 decimals; the
    threshold sits halfway between two needs' scores, so rounding moves none)."""
    weights = "\n".join(f"{n} = {w:.4f}" for n, w in zip(FEATURES, gate.weights, strict=True))
    path.write_text(
        "# The suggestion gate (mfs_core.recognition.gate): written by\n"
        "# scripts/fit_suggestion_gate.py --write; do not edit by hand.\n"
        f"source = {gate.source!r}\n"
        f"intercept = {gate.intercept:.4f}\n"
        f"threshold = {gate.threshold:.4f}\n\n"
        f"[weights]\n{weights}\n",
        encoding="utf-8",
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--select", action="store_true", help="forward feature selection")
    parser.add_argument("--features", help="fit on these features (comma-separated; only measured)")
    parser.add_argument(
        "--write", action="store_true", help="write the fitted gate to the library's data file"
    )
    parser.add_argument(
        "--holdout",
        action="store_true",
        help="also measure the fitted gate on the holdout (totals)",
    )
    parser.add_argument(
        "--fresh", type=Path, nargs="*", default=[], help="also measure on fresh samples (totals)"
    )
    args = parser.parse_args(argv)
    try:
        import sklearn  # noqa: F401
    except ImportError:
        print(
            "fit_suggestion_gate: needs scikit-learn: pip install -e '.[maintainer]'",
            file=sys.stderr,
        )
        return 2
    from mfs_core.recognition import recogniser_for
    from mfs_core.registry import Registry

    registry = Registry.load(external=False)
    recogniser = recogniser_for(registry)
    try:
        corpus = read_corpus()
        fresh = [(path, fresh_needs(path)) for path in args.fresh]
    except (OSError, ValueError, KeyError) as exc:
        print(f"fit_suggestion_gate: cannot read the needs: {exc}", file=sys.stderr)
        return 2

    def split(name: str) -> list[Need]:
        return [
            Need(item.text, item.expected)
            for item in corpus
            if item.split == name and all(pid in registry.procedures for pid in item.expected)
        ]

    population = collect(recogniser, split("tune"))
    fitter = Fitter(population)
    weak = fitter.np.array([r["weak"] for r in population.rows], bool)
    shown, suggested = fitter.figures(weak)
    print(
        f"tune: {len(population.rows)} needs claim nothing (with candidates); today: shown "
        f"{shown}/{population.covered}, negatives suggested {suggested}/{population.negatives} "
        f"(budget {fitter.budget:.1f})"
    )
    names = args.features.split(",") if args.features else list(FEATURES)
    if args.select:
        print("forward selection over", ", ".join([*FEATURES, *CANDIDATE_FEATURES]))
        names = fitter.select([*FEATURES, *CANDIDATE_FEATURES])
        print("selected:", ", ".join(names))
    cv_shown, cv_negatives = fitter.cross_validated(names)
    print(
        f"cross-validated (nested 5-fold, {SEEDS} seeds): shown {cv_shown:.1f}, "
        f"negatives suggested {cv_negatives:.1f}"
    )
    weights, intercept, threshold = fitter.fit(names)
    print(
        "coefficients:",
        ", ".join(f"{n} {w:+.4f}" for n, w in weights.items()),
        f"intercept {intercept:+.4f}, threshold {threshold:+.4f}",
    )
    if tuple(names) != FEATURES:
        return 0  # a selection other than the library's features: not installable
    tune = split("tune")
    x = fitter.matrix(names)
    score = intercept + x @ fitter.np.array([weights[n] for n in names])
    shown, suggested = fitter.figures(score >= threshold)
    print(f"in-sample (population): shown {shown}, negatives suggested {suggested}")
    source = (
        f"scripts/fit_suggestion_gate.py on the tune split ({population.covered} covered "
        f"needs, {population.negatives} negatives; {len(population.rows)} decided by the "
        f"gate): logistic regression, C {C}, threshold the most shown with at most "
        f"{BUDGET:.0%} of the negatives suggested; nested 5-fold CV ({SEEDS} seeds) "
        f"shown {cv_shown:.1f}, negatives suggested {cv_negatives:.1f}"
    )
    rounded = SuggestionGate(
        weights=tuple(round(weights[n], 4) for n in FEATURES),
        intercept=round(intercept, 4),
        threshold=round(threshold, 4),
        source=source,
    )
    after = end_to_end(recogniser, tune, rounded)
    print("tune, end to end:", measured(recogniser, tune, rounded))
    if after[2] > fitter.budget:
        # The needs read as several requests were taken with « no » answers: end to end,
        # the gate may suggest some of them. Never written over budget.
        print("over the negatives budget end to end: not written", file=sys.stderr)
        args.write = False
    if args.holdout:
        print("holdout (totals only):", measured(recogniser, split("holdout"), rounded))
    for path, needs in fresh:
        print(f"{path.name} (totals only):", measured(recogniser, needs, rounded))
    if args.write:
        write_gate(rounded)
        print(f"written: {_DATA_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
