"""Whether a need too little explained to claim a procedure shows suggestions or nothing.

Below the confidence a claim needs (:data:`~mfs_core.recognition.confidence.CLAIM`), a
need either lists its closest procedures as suggestions (level ``weak``) or says nothing
fits (``none``). One threshold on the best candidate's confidence decided it until 0.2
(:data:`~mfs_core.recognition.confidence.SUGGEST`); that confidence alone separates the
two poorly (AUC 0.60 on the ``tune`` split, issue-14bn). The suggestion gate is a linear
score over four features of the best candidate, read from the need and the catalogue
only (:meth:`~mfs_core.recognition.decision.LevelRules.gate_features`):

- ``title_share``: the share of the inverse document frequency of its title (or its
  official fiche's title, the higher) that the need's known words say (0-1);
- ``lexicon``: how many of the need's lexicon phrases and partner hints reach it (an
  expansion « assedic → allocation chômage », a hint « agriculteur → MSA »);
- ``keyword_said``: 1 when the need says whole a keyword of two words or more of it that
  few fiches hold, else 0;
- ``close``: how many leading candidates score close to the best
  (:func:`~mfs_core.recognition.confidence.close_count`).

The need is suggested when ``intercept + Σ weight × feature ≥ threshold``. The numbers
live in :file:`data/suggestion_gate.toml`, written by ``scripts/fit_suggestion_gate.py
--write`` (a logistic regression fitted on the ``tune`` split only, its threshold the
most right procedures shown with at most 20 % of the tune negatives suggested: issue
14's target); the file records the fit's provenance and figures. The rules that explain
an outcome (a claim withdrawn, a keyword said whole, a decisive rare keyword, words
that scatter) still apply after the gate (:mod:`~mfs_core.recognition.decision`).
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Mapping, Sequence
from importlib import resources
from typing import Protocol

import attrs

__all__ = ["FEATURES", "Gate", "GateError", "SuggestionGate", "builtin_gate", "gate_from_data"]

#: The features, in the order :meth:`SuggestionGate.score` reads them.
FEATURES = ("title_share", "lexicon")
#: The largest magnitude accepted for a weight, the intercept or the threshold: the
#: fitted ones are about 1 (features are 0-1 or small counts); a larger one is a typo.
_MAX_MAGNITUDE = 1000.0


class GateError(ValueError):
    """The gate's data file is not what :func:`builtin_gate` expects (the message names
    the file, the field and what was expected)."""


class Gate(Protocol):
    """What :class:`~mfs_core.recognition.decision.LevelRules` asks of a gate (a
    maintainer's script substitutes one that records the features)."""

    def suggests(self, features: Sequence[float]) -> bool:
        """Whether a need whose best candidate has ``features`` (in :data:`FEATURES`
        order) shows suggestions."""
        ...


@attrs.frozen
class SuggestionGate:
    """A linear suggestion gate: ``weights`` by feature in :data:`FEATURES` order, the
    ``intercept`` and the ``threshold`` of its score (unitless), and where they come from
    (``source``: the fit's provenance, as the data file records it)."""

    weights: tuple[float, ...]
    intercept: float
    threshold: float
    source: str = ""

    def score(self, features: Sequence[float]) -> float:
        """The gate's linear score of ``features`` (in :data:`FEATURES` order)."""
        return self.intercept + math.fsum(
            w * f for w, f in zip(self.weights, features, strict=True)
        )

    def suggests(self, features: Sequence[float]) -> bool:
        """Whether the score reaches the threshold."""
        return self.score(features) >= self.threshold


_DATA = "data/suggestion_gate.toml"
_NAME = f"mfs_core/recognition/{_DATA}"


def builtin_gate() -> SuggestionGate:
    """The built-in gate (:file:`data/suggestion_gate.toml`). Raises :class:`GateError`
    when the file does not hold a number for each of :data:`FEATURES`, the intercept and
    the threshold (finite, of magnitude at most 1000) and a ``source``."""
    text = resources.files(__package__).joinpath(_DATA).read_text("utf-8")
    return gate_from_data(tomllib.loads(text), _NAME)


def gate_from_data(data: Mapping[str, object], name: str) -> SuggestionGate:
    """A :class:`SuggestionGate` from the data file's table ``data`` (``name``: the file,
    for errors). Raises :class:`GateError`."""
    weights = data.get("weights")
    if not isinstance(weights, Mapping):
        raise GateError(f"{name}: [weights]: expected a table of one number per feature")
    unknown = sorted(set(weights) - set(FEATURES))
    if unknown:
        raise GateError(
            f"{name}: [weights]: unknown feature {unknown[0]!r}; expected {', '.join(FEATURES)}"
        )
    values = [_number(weights.get(f), f"{name}: weights.{f}") for f in FEATURES]
    source = data.get("source")
    if not isinstance(source, str) or not source.strip():
        raise GateError(f"{name}: source: expected the fit's provenance, a non-empty string")
    return SuggestionGate(
        weights=tuple(values),
        intercept=_number(data.get("intercept"), f"{name}: intercept"),
        threshold=_number(data.get("threshold"), f"{name}: threshold"),
        source=source,
    )


def _number(value: object, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise GateError(f"{where}: expected a number")
    number = float(value)
    if not math.isfinite(number) or abs(number) > _MAX_MAGNITUDE:
        raise GateError(f"{where}: expected a finite number of magnitude at most 1000")
    return number
