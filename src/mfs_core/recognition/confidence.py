"""How sure recognition is, and in which order equal candidates come.

Two measures per candidate (:class:`~mfs_core.recognition.Candidate`):

- ``score``: the ranking score, BM25F's times the square root of the confidence
  (unbounded; only comparable within one need);
- ``confidence``: the share of the need's information the candidate explains, between 0
  and 1. Each meaningful word of the need weighs its inverse document frequency in the
  index (a word the index does not know weighs :data:`UNKNOWN_WORD` of the highest one: it
  says the need is about something else, but residents also use words no catalogue has);
  the candidate explains a word when it holds the term the word matched, times the match
  weight. A partner hint (« agriculteur ») is explained by that partner's procedures only.

The level (:class:`Level`) follows from the best candidate's confidence and from how close
the next ones score; the thresholds were tuned on the ``tune`` part of the corpus only
(``scripts/evaluate_recognition.py``; figures in ``docs/recognition.md``).
"""

from __future__ import annotations

import enum

__all__ = [
    "CLAIM",
    "CLOSE",
    "DOMINANT",
    "ELSEWHERE",
    "GENERIC_WORD",
    "HINT_WORD",
    "MAX_CANDIDATES",
    "OTHER_PARTNER",
    "PARTNER_SHARE",
    "SUGGEST",
    "UNKNOWN_DECAY",
    "UNKNOWN_WORD",
    "Level",
    "close_count",
    "dominates",
    "level_of",
]


class Level(enum.StrEnum):
    """What recognition concludes about a need."""

    CONFIDENT = "confident"  # one procedure: route as if it had been named
    AMBIGUOUS = "ambiguous"  # several close ones: ask the resident (decision ``clarify``)
    WEAK = "weak"  # something matched, too little to decide: suggestions only
    NONE = "none"  # nothing in the catalogue fits


#: Weight of a word the index does not know, relative to the rarest indexed word: more
#: than the rarest, because it says the need is about something the catalogue lacks.
#: (1.6 before the catalogue held question titles; 1.2 since, tuned on the ``tune`` split.)
UNKNOWN_WORD = 1.2
#: Each further unknown word of a need weighs this much of the one before.
UNKNOWN_DECAY = 0.5
#: Weight of an unknown word of how requests are asked (« obtenir », « savoir »:
#: :func:`~mfs_core.recognition.normalise.generic_words`), relative to the rarest word.
GENERIC_WORD = 0.1
#: Weight of a partner hint (« agriculteur » → MSA), explained by that partner's
#: procedures only, relative to the rarest word.
HINT_WORD = 0.5
#: The confidence of a candidate whose partner the need does not name, when it names
#: others, is multiplied by this.
OTHER_PARTNER = 0.5
#: Confidence the best candidate needs for a claim (confident or ambiguous).
CLAIM = 0.45
#: Confidence below which candidates are not even suggested (0.4 before the catalogue
#: held question titles; tuned on the ``tune`` split).
SUGGEST = 0.42
#: A candidate scoring at least this share of the best one is "close": the choice between
#: them is the resident's to make.
CLOSE = 0.85
#: A best candidate scoring at least this many times the next one (or the only one
#: reached) dominates: when the need also says a rare keyword of its own
#: (``LevelRules._decisive``), it is suggested even under :data:`SUGGEST`, the rest of the
#: need being words of the resident's story. Tuned on the ``tune`` split only (issue-14y):
#: of the needs such a keyword reaches at level none, the one negative scores 1.40 times
#: its next (« extrait de naissance »: the casier judiciaire's « extrait »), the right
#: procedures 1.73 times theirs or more, or 1.01 and 1.31 (left none).
DOMINANT = 1.5
#: Share of the need's information, in words that name other procedures (a keyword or a
#: title of theirs) and not the dominant one, from which its rare keyword does not make it
#: suggested (« extrait de naissance »: 0.67; the right suggestions of the tune split: at
#: most 0.41). Tuned on the ``tune`` split only (issue-14y).
ELSEWHERE = 0.5
#: At most this many candidates in a clarify question or a list of suggestions.
MAX_CANDIDATES = 4

#: Share of the 2023 support given by France services per operator (Cour des comptes,
#: September 2024, quoted in the project's domain notes: France Titres 19 %, CNAF 16 %,
#: CNAM 16 %, DGFiP 15 %). It orders candidates tied on every other criterion: the more
#: frequent request first. Partners without a published share come after, equal.
PARTNER_SHARE: dict[str, int] = {"interieur": 19, "caf": 16, "cnam": 16, "dgfip": 15}


def level_of(confidences: list[float], scores: list[float]) -> tuple[Level, int]:
    """The level and how many leading candidates it concerns (best first lists): a claim
    of one candidate (``confident``) only when no other scores within :data:`CLOSE` of it,
    whatever share of the need that other explains (issue-14az)."""
    if not scores or confidences[0] < SUGGEST:
        return Level.NONE, 0
    if confidences[0] < CLAIM:
        return Level.WEAK, close_count(scores)
    bar = CLOSE * scores[0]
    close = 0
    for score, confidence in zip(scores, confidences, strict=True):
        close += score >= bar and confidence >= CLAIM
    if close > 1:
        return Level.AMBIGUOUS, min(close, MAX_CANDIDATES)
    # A candidate scoring as close that explains less of the need is a rival all the same
    # (« Seul(e) ou en couple, comment déclarer mon changement ? »: the CAF's changement
    # de situation at 87 % of the DGFiP's score, 40 % of the need against 45 %): the same
    # words reach both, and the share each explains says how its data is worded, not which
    # one the resident wants. Asked, never claimed (issue-14az; before, such a rival did not
    # count: review 14c, finding 5).
    near = close_count(scores)
    if near > 1:
        return Level.AMBIGUOUS, near
    return Level.CONFIDENT, 1


def close_count(scores: list[float]) -> int:
    """How many leading candidates (best first) score close to the best: the suggestions
    shown when the level is weak."""
    bar = CLOSE * scores[0]
    close = 0
    for score in scores:
        close += score >= bar
    return min(max(close, 1), MAX_CANDIDATES)


def dominates(scores: list[float]) -> bool:
    """Whether the best of ``scores`` (best first, not empty) scores at least
    :data:`DOMINANT` times the next, or is the only candidate."""
    return scores[0] > 0 and (len(scores) == 1 or scores[0] >= DOMINANT * scores[1])
