"""Does a learned « suggest or not » gate separate? Fit and measure it (issue-14bn).

Usage, from the repository root with the project's virtualenv (needs scikit-learn, of the
``maintainer`` extra: ``pip install -e '.[maintainer]'``; the library never imports it)::

    .venv/bin/python scripts/fit_suggestion_gate.py            # tune: CV and in-sample
    .venv/bin/python scripts/fit_suggestion_gate.py --select   # forward feature selection
    .venv/bin/python scripts/fit_suggestion_gate.py --holdout --fresh SAMPLE.tsv ...

Population: the ``tune`` items whose recognition claims nothing (level ``weak`` or
``none``) and lists candidates, not a need read as several requests nor one naming only a
partner: the gate would decide, for those only, between showing their first candidates
(``weak``) and nothing (``none``). Label 1 (« worth suggesting »): a covered need one of
whose expected ids is among the candidates that would be shown (a ``weak`` outcome's
``chosen``; for ``none``, as many as score close to the best); 0: a negative, or a covered
need whose shown candidates are all wrong. Features: :func:`gate_features` (from the need
and the catalogue only, never the corpus labels) and, for ``--select``,
:func:`extra_features`.

A logistic regression (L2, :data:`C`, standardised features); its threshold maximises
``shown`` (``evaluate_recognition.shown_right``) with negatives suggested (claims and
clarify questions, which the gate never touches, included) at most :data:`BUDGET` of the
tune negatives. Cross-validated figures: 5-fold, stratified, over :data:`SEEDS` seeds,
nested (each fold decided by a model and threshold fitted on the other four).
``--holdout`` and ``--fresh``: the gate fitted on tune, applied to those needs; totals
only, never a need (the blind sample review-14l is refused). The verdict and figures:
``docs/recognition.md``, « issue-14bn ». Exit code 0; 2 when scikit-learn is missing or
the needs cannot be read.
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

#: Share of the tune negatives that may be suggested (issue 14's target).
BUDGET = 0.20
#: L2 regularisation (scikit-learn's C) of the logistic regression.
C = 0.3
SEEDS = 5


#: The gate's features, in the order of its coefficients (see :func:`gate_features`).
FEATURES = ("title_share", "lexicon", "keyword_said", "close")


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


def collect(recogniser: Any, needs: Sequence[Need]) -> Population:
    """Recognise ``needs`` (gate-free: today's rules) and read the gate's population."""
    from mfs_core.recognition.confidence import close_count

    found = Population()
    for need in needs:
        negative = need.negative
        found.negatives += negative
        found.covered += not negative
        recognition = recogniser.recognise(need.text)
        level = recognition.level.value
        ids = [c.procedure for c in recognition.candidates]
        if not (
            level in ("weak", "none")
            and recognition.candidates
            and not recognition.several
            and recognition.partner_only is None
        ):
            found.fixed_shown += not negative and shown_right(
                level, recognition.chosen, ids, need.expected
            )
            found.fixed_negatives += negative and level != "none"
            continue
        # Suggested by the gate: as many as score close to the best (a weak one: its own).
        chosen = (
            recognition.chosen
            if level == "weak"
            else close_count([c.score for c in recognition.candidates])
        )
        features = gate_features(recogniser, need.text, recognition)
        features.update(extra_features(recognition))
        found.rows.append(
            {
                "y": int(not negative and shown_right("weak", chosen, ids, need.expected)),
                "negative": negative,
                "weak": level == "weak",
                "features": features,
            }
        )
    return found


def gate_features(recogniser: Any, text: str, recognition: Any) -> dict[str, float]:
    """The gate's features of ``recognition`` (weak or none, with candidates), the outcome
    of ``text``, from the need and the catalogue only (the recogniser's own tables):

    - ``title_share``: the share of the idf of the best candidate's title (or its fiche's,
      the higher) that the need's known words say (0-1);
    - ``lexicon``: how many of the best candidate's matched words came through the lexicon
      (an expansion « assedic → allocation chômage » or a hint « agriculteur → MSA »);
    - ``keyword_said``: 1 when the need says whole a keyword of two words or more of the
      best candidate that few fiches hold (``LevelRules._keyword_said``), else 0;
    - ``close``: how many leading candidates score close to the best (``close_count``).
    """
    from mfs_core.recognition.confidence import close_count
    from mfs_core.recognition.terms import once

    text, found, marks = recogniser.read_need(text)
    words, _ = recogniser._terms.words(found, text, marks)
    if len({word[2] for word in found}) < len(found):
        words = once(words)
    known = [word for word in words if word.known]
    candidates = recognition.candidates
    number = recogniser._number_of[candidates[0].procedure]
    levels = recogniser._levels
    titles = levels.naming_of(number).titles  # also reads what _keyword_said needs
    said: set[str] = set()
    for word in known:
        said.update(word.stems)
    share = 0.0
    for weighted, _needed in titles:
        whole = sum(idf for _, idf in weighted)
        if whole > 0:
            share = max(share, sum(idf for stem, idf in weighted if stem in said) / whole)
    return {
        "title_share": share,
        "lexicon": float(sum("→" in label for label in candidates[0].matched)),
        "keyword_said": float(levels._keyword_said(number, known)),
        "close": float(close_count([c.score for c in candidates])),
    }


#: Features tried besides the gate's own by ``--select`` (read from the public result).
CANDIDATE_FEATURES = (
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
    candidates = recognition.candidates
    first = candidates[0]
    second = candidates[1] if len(candidates) > 1 else None
    ratio = 4.0 if second is None or second.score <= 0 else min(first.score / second.score, 4.0)
    return {
        "conf1": first.confidence,
        "conf2": second.confidence if second else 0.0,
        "log_ratio": math.log(ratio) if ratio > 0 else 0.0,
        "partners5": float(len({c.partner for c in candidates[:5]})),
        "same_partner5": float(sum(c.partner == first.partner for c in candidates[:5])),
        "matched_n": float(len(first.matched)),
        "typo": float(sum("≈" in m for m in first.matched)),
        "withheld": float(recognition.withheld is not None),
        "weak_now": float(recognition.level.value == "weak"),
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
        current = value(self.figures(self.np.array([r["weak"] for r in self.rows])))
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


def measured(
    recogniser: Any, needs: Sequence[Need], gate: tuple[dict[str, float], float, float]
) -> str:
    """Totals only (never a need): shown and negatives suggested, today and with ``gate``
    (its coefficients by feature, intercept, threshold)."""
    weights, intercept, threshold = gate
    found = collect(recogniser, needs)
    before_shown = found.fixed_shown + sum(r["y"] for r in found.rows if r["weak"])
    before_negatives = found.fixed_negatives + sum(r["negative"] for r in found.rows if r["weak"])
    suggested = [
        intercept + sum(w * r["features"][n] for n, w in weights.items()) >= threshold
        for r in found.rows
    ]
    after_shown = found.fixed_shown + sum(
        r["y"] for r, s in zip(found.rows, suggested, strict=True) if s
    )
    after_negatives = found.fixed_negatives + sum(
        r["negative"] for r, s in zip(found.rows, suggested, strict=True) if s
    )
    return (
        f"shown {before_shown} -> {after_shown} of {found.covered}, negatives suggested "
        f"{before_negatives} -> {after_negatives} of {found.negatives}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--select", action="store_true", help="forward feature selection")
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
    names = list(FEATURES)
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
    x = fitter.matrix(names)
    score = intercept + x @ fitter.np.array([weights[n] for n in names])
    shown, suggested = fitter.figures(score >= threshold)
    print(f"in-sample: shown {shown}, negatives suggested {suggested}/{population.negatives}")
    print(
        "coefficients:",
        ", ".join(f"{n} {w:+.4f}" for n, w in weights.items()),
        f"intercept {intercept:+.4f}, threshold {threshold:+.4f}",
    )
    gate = (weights, intercept, threshold)
    if args.holdout:
        print("holdout (totals only):", measured(recogniser, split("holdout"), gate))
    for path, needs in fresh:
        print(f"{path.name} (totals only):", measured(recogniser, needs, gate))
    return 0


if __name__ == "__main__":
    sys.exit(main())
