"""What recognition answers: the candidates of a need and the level of its outcome.

:class:`Recognition` (the level, the candidates best first) and :class:`Candidate` (one
procedure, its score, confidence and the need's words that reached it) are the public
result; :func:`placed_in` says why a candidate shown above one of higher score was placed
there. :func:`new_candidate` and :func:`new_recognition` build them on the hot path, the
same objects ``attrs`` builds, in a third of the time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from mfs_core.recognition.confidence import Level

__all__ = [
    "ACCOUNT",
    "ACTION",
    "ASKED",
    "BORROWED",
    "DESCRIBED",
    "HEAD",
    "QUESTION",
    "REQUESTS",
    "SUBJECT",
    "TWINS",
    "WORDS",
    "Candidate",
    "Recognition",
    "RequestAnswer",
    "listed_answers",
    "new_candidate",
    "new_recognition",
    "placed_in",
    "requests_listed",
    "shown_candidates",
    "with_places",
]


# Candidate and Recognition keep a __dict__ (slots=False): attrs then builds a frozen
# instance about twice as fast, and each need makes up to six of them.
@attrs.frozen(kw_only=True, slots=False)
class Candidate:
    """A procedure the need may be about.

    ``score`` is the ranking's: BM25F's times the square root of the confidence
    (:data:`~mfs_core.recognition.scoring.COVERAGE`; higher is closer, comparable within
    one need only); ``confidence`` (0-1) the share of the need it explains; ``matched``
    the words that decided, as the agent reads them: « vitale », « assedic → allocation
    chômage », « radié ≈ radiation », « agriculteur → MSA ».

    Candidates come best first, which is by score except where a rule placed one above
    a candidate of higher score; ``placed`` then says which (``None`` everywhere else, so
    that shown scores never rise without a reason): ``"subject"`` (the candidate of
    higher score it passes has a title subject the need does not say, and the need's
    words explain both alike), ``"head"`` (the head of the need's noun
    phrase reaches it), ``"twins"`` (the same fiche at another partner: twins are asked
    together, in partner order), ``"asked"`` (one of the candidates of the clarify
    question, listed before those it does not ask about), ``"requests"`` (one
    procedure per request of a need that joins several, in the order said),
    ``"described"`` (suggestions only, no claim or question: its fiche's official summary,
    its ``description``, holds more of the need's words, and the score it passes is
    within what they add), ``"question"`` (the need is one of its own fiche question titles,
    said whole, and its words explain it as much as the one it passes: issue-14bl),
    ``"action"`` (suggestions only: the need names the action its title names, on the
    object of the one it passes, of the same partner — « contester » and the réclamation
    over the taxe foncière: :mod:`~mfs_core.recognition.action`, stop 40; in a claim or a
    question that candidate is ``"asked"``).

    ``request``: in a need read as several requests (:attr:`Recognition.several`), the
    number (from 1, in the order said) of the request this candidate answers; ``None``
    for a candidate of the whole need listed after the answers, and in any other need.
    """

    procedure: str
    partner: str
    title: str
    score: float
    confidence: float
    matched: tuple[str, ...]
    placed: str | None = None
    request: int | None = None


@attrs.frozen(kw_only=True)
class RequestAnswer:
    """What one request of a need read as several found, read alone (issue-14aj).

    ``number``: its place in the need (from 1, in the order said); ``level``: its own
    level (``confident``: a claim; ``ambiguous``: a clarify among its candidates; ``weak``:
    suggestions; ``none``: nothing); ``chosen``: how many candidates of the recognition
    answer it (those whose :attr:`Candidate.request` is ``number``): 1 for a claim, the
    candidates of its question or its suggestions, 0 when nothing was recognised;
    ``withheld``: for a ``weak`` request whose best candidate explains enough of it to be
    claimed, why it is only shown (:attr:`Recognition.withheld`, as a need read alone
    says it: issue-14be), else ``None``.
    """

    number: int
    level: Level
    chosen: int
    withheld: str | None = None


@attrs.frozen(kw_only=True, slots=False)
class Recognition:
    """The outcome for one need: a :class:`~mfs_core.recognition.confidence.Level` and the
    ranked candidates (best first; for ``confident`` the first is the procedure, for
    ``ambiguous`` the first ``chosen`` are the close ones to ask about)."""

    level: Level
    candidates: tuple[Candidate, ...]
    chosen: int = 0
    #: ``ambiguous`` because the need asks for several things (« renouveler mon passeport
    #: et déclarer mes impôts »): the ``chosen`` candidates are one per request, as said
    several: bool = False
    #: the partner code when the need names only a partner (« la CAF »): the candidates
    #: are that partner's most general procedures (``weak``), none matched the words
    partner_only: str | None = None
    #: for ``several``: how many requests the need was read as, each recognised alone; more
    #: than ``chosen`` when some request claims no procedure, or when there are more than
    #: a question lists (issue-14ai: said, never dropped silently); 0 otherwise
    requests: int = 0
    #: for ``several``: each request's own outcome, in the order said (issue-14aj); the
    #: candidates answering request ``n`` carry ``request=n``, first among the candidates;
    #: () otherwise
    answers: tuple[RequestAnswer, ...] = ()
    #: why a ``weak`` recognition whose best candidate explains enough of the need to be
    #: claimed (:data:`~mfs_core.recognition.confidence.CLAIM`) only shows it (issue-14bc):
    #: :data:`ACCOUNT` (one sentence of a long account claims it, the whole names nothing:
    #: issue-14az), :data:`WORDS` (the need's words reach it without naming it: a word it
    #: uses, a typing error, a word many fiches ask about…), :data:`BORROWED` (the words
    #: that reach it belong to two requests of the need, none of which reaches it alone:
    #: issue-14be); ``None`` for any other outcome
    withheld: str | None = None

    @property
    def best(self) -> Candidate | None:
        """The first candidate, if any."""
        return self.candidates[0] if self.candidates else None


_new = object.__new__


def new_candidate(
    shown: tuple[str, str, str], score: float, confidence: float, matched: tuple[str, ...]
) -> Candidate:
    """``Candidate(procedure=..., ...)`` (``shown``: its procedure, partner and title),
    the same object, built in a third of the time: the fields are stored as the
    ``attrs``-made ``__init__`` stores them (in the instance ``__dict__``: the class has
    no validator, converter or post-init), without its keyword-argument call.
    ``tests/test_recognition_speed.py`` checks both agree."""
    new = _new(Candidate)
    fields = new.__dict__
    fields["procedure"], fields["partner"], fields["title"] = shown
    fields["score"] = score
    fields["confidence"] = confidence
    fields["matched"] = matched
    fields["placed"] = None
    fields["request"] = None
    return new


#: Why a rule placed a candidate above one of higher score (:attr:`Candidate.placed`).
SUBJECT, HEAD, TWINS, ASKED, REQUESTS = "subject", "head", "twins", "asked", "requests"
DESCRIBED = "described"
QUESTION = "question"
ACTION = "action"
#: Why a claim is shown, not made (:attr:`Recognition.withheld`).
ACCOUNT, WORDS, BORROWED = "account", "words", "requests"


def placed_in(shown: Sequence[Candidate]) -> list[str | None]:
    """The :attr:`Candidate.placed` of each of ``shown`` (a list as shown, often the first
    few of a recognition's candidates) where one listed after it there scores more, else
    ``None``: a reason is only shown where the shown scores rise."""
    return [
        c.placed
        if c.placed is not None and any(d.score > c.score for d in shown[n + 1 :])
        else None
        for n, c in enumerate(shown)
    ]


def with_places(
    candidates: tuple[Candidate, ...], why: Callable[[Candidate], str | None]
) -> tuple[Candidate, ...]:
    """``candidates`` with :attr:`Candidate.placed` set, by ``why``, on each listed
    above a candidate of higher score, and ``None`` on the others."""
    out = list(candidates)
    highest_after = float("-inf")  # the highest score among the candidates after n
    for n in range(len(out) - 1, -1, -1):
        candidate = out[n]
        placed = why(candidate) if candidate.score < highest_after else None
        if placed != candidate.placed:
            out[n] = attrs.evolve(candidate, placed=placed)
        highest_after = max(highest_after, candidate.score)
    return tuple(out)


def new_recognition(
    level: Level, candidates: tuple[Candidate, ...], chosen: int, withheld: str | None = None
) -> Recognition:
    """``Recognition(level=..., candidates=..., chosen=..., withheld=...)``, built as
    :func:`new_candidate` builds a candidate."""
    new = _new(Recognition)
    fields = new.__dict__
    fields["level"] = level
    fields["candidates"] = candidates
    fields["chosen"] = chosen
    fields["several"] = False
    fields["partner_only"] = None
    fields["requests"] = 0
    fields["answers"] = ()
    fields["withheld"] = withheld
    return new


def listed_answers(recognition: Recognition, limit: int) -> tuple[Candidate, ...]:
    """At most ``limit`` of the candidates answering the requests of a ``several``
    ``recognition``, in its order (request by request), taken so that as many requests
    as possible are listed: every request's first candidate before any request's second
    (a clarify of three for the first request must not push the second out). Every
    answering candidate when they fit; ``()`` for a recognition that is not ``several``."""
    answering = recognition.candidates[: recognition.chosen]
    if len(answering) <= limit:
        return answering
    rank: dict[int, int] = {}  # each candidate's rank within its request, by position
    ranks = []
    for candidate in answering:
        number = candidate.request or 0
        rank[number] = rank.get(number, -1) + 1
        ranks.append(rank[number])
    kept = sorted(range(len(answering)), key=lambda n: (ranks[n], n))[:limit]
    return tuple(answering[n] for n in sorted(kept))


def shown_candidates(recognition: Recognition, limit: int) -> tuple[Candidate, ...]:
    """The first ``limit`` candidates of ``recognition`` as shown (``mfs recognise``, the
    recognition document); for a ``several`` one whose answering candidates do not all
    fit, :func:`listed_answers`: as many requests as fit are listed, each with its first."""
    if recognition.several and recognition.chosen > limit:
        return listed_answers(recognition, limit)
    return recognition.candidates[:limit]


def requests_listed(shown: Sequence[Candidate]) -> int:
    """How many requests ``shown`` answers (its distinct :attr:`Candidate.request`)."""
    return len({c.request for c in shown if c.request is not None})
