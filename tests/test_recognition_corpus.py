"""The floors of need recognition on the corpus (``tests/data/recognition/``), both splits.

Figures from ``scripts/evaluate_recognition.py`` (run it for the tables; ``docs/recognition.md``
quotes them); each floor sits a little under what the library reaches, so a regression fails
the suite. Items expecting a procedure the catalogue does not hold yet are *pending*: left
out of the figures here as there, and scored as soon as the procedure exists (issue 13).
The issue's targets are higher than these floors; the gap is reported, not hidden.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from mfs_core.registry import Registry
from mfs_test_support import load_script

ROOT = Path(__file__).parents[1]


@pytest.fixture(scope="module")
def evaluation() -> ModuleType:
    return load_script("evaluate_recognition", ROOT / "scripts" / "evaluate_recognition.py")


@pytest.fixture(scope="module")
def report(evaluation: ModuleType) -> Any:
    return evaluation.evaluate(evaluation.read_corpus(), Registry.load(external=False))


COVERED = ("lexical", "paraphrase", "colloquial")

# (split, tags, measure, floor): each a little under what the library reaches, so that a
# regression fails. Measured with issue 13's catalogue after the tuning of issue 14, its
# sourced vocabulary (issue-14e) and issue-14g's fiche question titles, lost-passport
# procedure and claim rules (122 procedures), tune / holdout: top-1 89.0 / 76.0 %, top-3
# 96.7 / 83.7 %, lexical top-1 94.9 / 87.0 %, paraphrase+colloquial top-1 77.5 / 54.3 %;
# negatives claimed 10.5 / 5.3 %, suggested 15.8 / 21.1 %. The tune margins allow about one
# item, the holdout ones about two (one holdout item is 1.0 point of covered needs, 5.3 of
# negatives). History: issue 13's data first loosened three tune bounds (paraphrase +
# colloquial 0.71 -> 0.66, claimed 0.06 -> 0.16, suggested 0.11 -> 0.27); the tuning
# brought them back to 0.69, 0.11 and 0.19, issue-14e's vocabulary raised the tune floors
# to 0.90 / 0.95 / 0.95 / 0.78 and moved the holdout's down a point (0.74 -> 0.73, lexical
# 0.84 -> 0.82). issue-14g LOWERED three tune floors (top-1 0.90 -> 0.88, lexical 0.95 ->
# 0.94, paraphrase+colloquial 0.78 -> 0.76): the fiches' question titles, added to every
# procedure without looking at the corpus, cost the tune split two to four items that
# issue-14e's corpus-chosen keywords had won, while the holdout gained (top-1 75.0 ->
# 76.0 %, lexical 85.5 -> 87.0 %): its floors moved up (0.73 -> 0.74, lexical 0.82 ->
# 0.85). issue-14j's claim rules (tune negatives claimed 10.5 -> 7.9 %, top-1 and top-3
# unchanged on both splits) lowered the tune ceiling of negatives claimed (0.11 -> 0.09).
# issue-14i's lemmas and thesaurus synonyms (tune / holdout, before -> after: top-1
# 89.0 -> 90.0 % / 76.0 -> 80.8 %, top-3 96.7 -> 97.6 % / 83.7 -> 87.5 %, lexical 94.9 %
# / 87.0 -> 88.4 %, paraphrase+colloquial 77.5 -> 80.3 % / 54.3 -> 65.7 %; negatives
# unchanged) raised the floors: tune 0.88 -> 0.89, 0.95 -> 0.97, 0.76 -> 0.78; holdout
# 0.74 -> 0.78, 0.81 -> 0.85, 0.48 -> 0.60 (lexical 0.85 kept). See docs/recognition.md.
# issue-14m (common one-word keywords, repeated words once, same-words questions: tune
# negatives claimed 7.9 -> 2.6 %, paraphrase+colloquial 80.3 -> 81.7 %, top-1 90.0 ->
# 90.4 %; holdout top-1/top-3 unchanged) raised the tune paraphrase+colloquial floor
# 0.78 -> 0.80 and lowered the tune ceiling of negatives claimed 0.09 -> 0.06.
# issue-14p LOWERED three tune floors (top-1 0.89 -> 0.86, top-3 0.97 -> 0.93, paraphrase
# + colloquial 0.80 -> 0.76): 42 new real paraphrase and colloquial phrasings joined the
# tune split (tune top-1 90.1 -> 84.2 %, top-3 97.8 -> 94.3 %, paraphrase+colloquial
# 80.8 -> 70.8 % on adding them: the measure of generalisation), and its general fixes
# brought them back to 87.2 / 94.3 / 77.5 %, not to the old figures.
# issue-14q's general fixes (phrases of how a request is asked reach nothing; a keyword
# said whole keeps a suggestion) raised them to 87.5 / 95.8 / 78.3 %: floors 0.86 -> 0.87,
# 0.93 -> 0.95, 0.76 -> 0.77.
# issue-14r's general fixes (a lexicon phrase a locution leaves one word of; the démarches
# of a situation a fiche title opens with; collecting a recommandé, sending a parcel)
# raised them to 90.6 / 96.2 / 84.2 % (lexical 95.9 %; holdout and negatives unchanged):
# floors 0.87 -> 0.90, 0.95 -> 0.955, 0.77 -> 0.83, lexical 0.94 -> 0.95.
# issue-14t LOWERED three tune floors (top-1 0.90 -> 0.875, lexical 0.95 -> 0.94, paraphrase
# + colloquial 0.83 -> 0.81): 33 new real phrasings of the kinds recognition generalised
# badly on joined the tune split (tune top-1 90.6 -> 88.5 %, para+coll 84.2 -> 81.8 % on
# adding them: the measure of generalisation). Its general fixes (« lors » a stop word; a
# lost job, « licencié » after « être », « décédé », an error on the tax notice in the
# lexicon; a verb's lemma stem) raised them to 89.2 / 96.5 / 83.2 % (lexical 94.7 %;
# holdout unchanged): floors 0.875 -> 0.885, 0.955 -> 0.96, 0.81 -> 0.82. Its subject rule
# (90.2 % top-1) was reverted on merge: it took tune negatives suggested to 20.8 %, over the
# issue's 20 % (one negative turned weak through « nationalité ≈ nationale »).
# issue-14u's narrower form (only the first two candidates swap, when the need's words
# explain both alike) fixed the same three move phrasings without it: tune 90.2 / 96.5 /
# 84.7 % (lexical 95.3 %; negatives suggested 18.9 % unchanged; holdout unchanged): floors
# 0.885 -> 0.895, 0.94 -> 0.945, 0.82 -> 0.835.
# issue-14v (a permit not received is its fabrication; the head of a noun phrase before its
# « pour » complement; a damaged parcel in a resident's words): tune 90.9 / 97.2 / 85.4 %
# (lexical 96.0 %; negatives suggested 18.9 % unchanged; holdout unchanged): floors
# 0.895 -> 0.90, 0.96 -> 0.965, 0.945 -> 0.95, 0.835 -> 0.84.
# issue-14w LOWERED three tune floors (top-1 0.90 -> 0.845, top-3 0.965 -> 0.93, paraphrase
# + colloquial 0.84 -> 0.75): 31 new real paraphrase and colloquial phrasings (and one
# negative) joined the tune split (tune top-1 90.9 -> 85.2 %, top-3 97.2 -> 93.7 %, para+coll
# 85.4 -> 75.6 % on adding them; the new ones alone 10 / 31 first, 19 / 31 in the top three:
# the measure of generalisation). Its general fixes (lexicon entries, each with its source:
# the rent that cannot be paid, a career begun young, retiring before the legal age, a
# burglary, a reduced capacity to work, a small pension, the end of the unemployment benefit,
# cancer and diabetes) raised them to 88.7 / 96.5 / 82.1 % (lexical 96.0 %; negatives 1.9 /
# 18.5 %; holdout and the fresh sample unchanged): floors 0.845 -> 0.88, 0.93 -> 0.96,
# 0.75 -> 0.815. Two more (a paper that « a disparu » is lost; « lever le pied » before
# retiring is the retraite progressive) took top-1 to 89.3 %, para+coll to 83.3 %: floors
# 0.88 -> 0.885, 0.815 -> 0.825.
# issue-14z (lexicon entries, each with its source: a change of owner of a carte grise, a
# recommandé sent online, the pension de vieillesse, one's caisses de retraite, a scrutin,
# no longer able to work, a licence named by its country, young people neither in work nor
# in training) took tune top-1 to 90.9 %, top-3 to 97.5 %, para+coll to 85.7 % (lexical
# 96.7 %; negatives 1.9 / 18.5 %; holdout and the fresh samples unchanged): floors
# 0.885 -> 0.90, 0.96 -> 0.97, 0.825 -> 0.845.
# corpus-14am LOWERED three tune floors and raised one ceiling (top-1 0.90 -> 0.845, top-3
# 0.97 -> 0.92, paraphrase + colloquial 0.845 -> 0.755, negatives suggested 0.17 -> 0.18):
# 45 residents' own ACCOUNTS of a situation (35 covered, 10 negatives; press-quoted
# residents, blogs, readers' letters, each with its URL) joined the tune split, recognition
# untouched (tune top-1 91.2 -> 85.3 %, top-3 97.8 -> 92.6 %, para+coll 85.7 -> 76.4 %,
# negatives suggested 16.7 -> 17.2 %; holdout unchanged). The blind sample review-14i
# showed such accounts are the real input and far from the targets (53.8 % top-1).
# issue-14an (function words reach nothing through the thesaurus; three situations as
# lexicon entries) took tune top-1 to 86.4 %, top-3 to 93.2 %, para+coll to 78.3 % (the
# 35 covered accounts: top-1 10 -> 14, top-3 16 -> 18; negatives 0 / 17.2 % unchanged;
# holdout and the four fresh samples unchanged): floors 0.845 -> 0.86, 0.92 -> 0.925,
# 0.755 -> 0.775.
# corpus-14ar LOWERED three holdout floors (top-1 0.78 -> 0.70, top-3 0.85 -> 0.76,
# paraphrase + colloquial 0.60 -> 0.49): 34 residents' own accounts (25 covered, 9
# negatives), gathered blind, joined the HOLDOUT split so that the part only measured holds
# the real input too (holdout top-1 82.7 -> 72.1 %, top-3 87.5 -> 78.3 %, para+coll
# 68.6 -> 50.9 %; the 25 covered accounts alone 7 first, 10 in the top three; negatives
# claimed 5.3 -> 3.6 %, suggested 21.1 -> 14.3 %). Recognition untouched.
# corpus-14bk LOWERED two floors (tune top-3 0.925 -> 0.92, holdout lexical 0.85 -> 0.84)
# and RAISED two ceilings (tune negatives suggested 0.19 -> 0.23, holdout right-but-
# unsuggested 0.15 -> 0.17):
# 118 partners' FAQ titles and other phrasings (63 covered + 17 negatives to tune, 30 + 8 to
# the holdout, every third of each tag) joined the corpus, labelled before recognition ran
# on them (tune top-1 87.3 -> 86.1 %, top-3 93.5 -> 92.5 %, para+coll 79.8 -> 78.2 %,
# negatives suggested 18.8 -> 22.2 %; holdout top-1 72.1 -> 71.7 %, top-3 79.1 -> 80.5 %,
# lexical 87.8 -> 84.8 %, right-but-unsuggested 19 of 129 -> 26 of 159). Recognition
# untouched.
# corpus-14bk-fix (review 35b: 7 of the batch dropped, 6 relabelled, the « frein à
# l'embauche » entry withdrawn) raised those two floors back: tune top-3 93.3 -> 93.4 %,
# holdout lexical 85.9 -> 86.7 % (top-1 tune 87.3 -> 87.9 %, holdout 72.3 -> 73.1 %):
# 0.92 -> 0.925, 0.84 -> 0.85.
# Stop 35 raised the floors left far under what the grown corpus reaches (a regression of
# a few needs must fail): tune top-1 87.9 % (0.86 -> 0.87), lexical 97.3 % (0.95 -> 0.96),
# para+coll 80.1 % (0.775 -> 0.79); holdout top-1 73.1 % (0.70 -> 0.72), top-3 81.4 %
# (0.76 -> 0.80), para+coll 54.5 % (0.49 -> 0.53).
# issue-14bm added ``shown`` (a right procedure among those the router shows: the claim, the
# clarify question's candidates or the suggestions; top-1 and top-3 count candidates at
# level none too, so a rule that turns suggestions into none cannot move them): tune
# 67.0 % (276 of 412), holdout 57.7 % (90 of 156); floors 0.66 and 0.56, about four and
# two needs under.
# Stop 40 (the action a need names: mfs_core.recognition.action) took tune top-1 to 89.3 %
# (368 of 412), lexical 99.5 %, para+coll 81.0 % (holdout unchanged): floors 0.87 -> 0.88,
# 0.96 -> 0.98, 0.79 -> 0.80.
FLOORS = [
    ("tune", COVERED, "top1", 0.88),
    ("tune", COVERED, "top3", 0.925),
    ("tune", ("lexical",), "top1", 0.98),
    ("tune", ("paraphrase", "colloquial"), "top1", 0.80),
    ("holdout", COVERED, "top1", 0.72),
    ("holdout", COVERED, "top3", 0.80),
    ("holdout", ("lexical",), "top1", 0.85),
    ("holdout", ("paraphrase", "colloquial"), "top1", 0.53),
    ("tune", COVERED, "shown", 0.66),
    ("holdout", COVERED, "shown", 0.56),
]
CEILINGS = [
    ("tune", "claimed", 0.06),
    # issue-14af: 10 -> 7 of 54 suggested (scattered words suggest nothing): 0.19 -> 0.15;
    # each of the first two explaining a word the other does not (review 14f): 9 of 54
    # issue-14au RAISED it 0.18 -> 0.19: the request verbs in every person are stop words
    # (« il voudrait » reads like « je voudrais »), so « Vous voulez voter et vous constatez
    # la perte de votre carte électorale ? » (a negative) lost the unknown word « voulez »
    # that kept it ``none``: weak, the inscription sur les listes électorales first
    # (11 -> 12 of 64, 17.2 -> 18.8 %); tune and holdout top-1 / top-3 unchanged
    # stop 40 (task E) lowered it 0.23 -> 0.20, the target: social housing and the
    # private mutuelle as things of another matter (``[[elsewhere]]``) took 18 -> 14 of 81
    # (22.2 -> 17.3 %); covered needs and the holdout unchanged
    ("tune", "suggested", 0.20),
    ("holdout", "claimed", 0.16),
    ("holdout", "suggested", 0.32),
]


def _main(outcome: Any) -> bool:
    """The items of no named sample: the floors and ceilings above were set on them; stop
    39's short sample, measured apart, has its own (``SHORT_FLOORS``)."""
    return bool(outcome.item.sample == "main")


@pytest.mark.parametrize(("split", "tags", "measure", "floor"), FLOORS)
def test_covered_needs_rank_their_procedure(
    report: Any, split: str, tags: tuple[str, ...], measure: str, floor: float
) -> None:
    tally = report.tally(split=split, tags=tags, where=_main)
    assert tally.n >= 10
    assert tally.rate(measure) >= floor, f"{split} {tags} {measure}: {tally.rate(measure):.3f}"


# Stop 39's "short" sample (needs of one to eight words copied from headings, FAQs and real
# search queries; ``items.py``, its section): 74 covered in tune, 35 in holdout. Floors two
# or three needs under what it reaches when added (tune top-1 59 of 74, shown 52; holdout 32
# and 28 of 35). Tasks S1 (an acronym of the name said as written; heading words), S2 (wrong
# claims) and S3 (the counter's words) took tune to 63 and 63 of 74 (the holdout unchanged):
# floors two needs under.
SHORT_FLOORS = [
    ("tune", "top1", 0.82),
    ("tune", "shown", 0.82),
    ("holdout", "top1", 0.85),
    ("holdout", "shown", 0.74),
]


@pytest.mark.parametrize(("split", "measure", "floor"), SHORT_FLOORS)
def test_short_needs_rank_their_procedure(
    report: Any, split: str, measure: str, floor: float
) -> None:
    tally = report.tally(split=split, tags=COVERED, where=lambda o: o.item.sample == "short")
    assert tally.n >= 30
    assert tally.rate(measure) >= floor, f"{split} short {measure}: {tally.rate(measure):.3f}"


def test_the_sample_option_measures_one_sample_only(
    evaluation: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    items = evaluation.read_corpus()
    short = [i for i in items if i.sample == "short"]
    assert 100 <= len(short) < len(items)
    assert all(1 <= evaluation.typed_words(i.text) <= 8 for i in short)
    assert {i.split for i in short} == {"tune", "holdout"}
    assert evaluation.main(["--sample", "nothing-of-that-name"]) == 2
    assert "no item of sample" in capsys.readouterr().err
    # review 39: an empty name is no sample (it measured the whole corpus), a long one is
    # echoed cut
    assert evaluation.main(["--sample", ""]) == 2
    assert evaluation.main(["--sample", "x" * 10_000]) == 2
    assert len(capsys.readouterr().err) < 200


@pytest.mark.parametrize("value", [123, ["short"], {"a": 1}, None, False, "", "sh ort"])
def test_a_corrupted_sample_value_is_an_error(
    evaluation: ModuleType, tmp_path: Path, value: object
) -> None:
    # review 39: such a value silently took the item out of its sample
    import json

    line = {"text": "t", "expected": [], "tag": "negative", "split": "tune", "sample": value}
    corpus = tmp_path / "needs.jsonl"
    corpus.write_text(json.dumps(line) + "\n", "utf-8")
    with pytest.raises(ValueError, match="sample"):
        evaluation.read_corpus(corpus)


@pytest.mark.parametrize(("split", "measure", "ceiling"), CEILINGS)
def test_needs_nothing_covers_are_rarely_claimed_or_suggested(
    report: Any, split: str, measure: str, ceiling: float
) -> None:
    tally = report.tally(split=split, tags=("negative",), where=_main)
    assert tally.n >= 15
    assert tally.rate(measure) <= ceiling, f"{split} negatives {measure}: {tally.rate(measure)}"


# Covered needs whose right procedure comes first, at level none: shown for information
# only, not even suggested (issue-14y: a clear, specific winner is suggested; tune 63 -> 55
# of 287, holdout 13 of 104 unchanged). Each ceiling sits a little over today's count.
# Merged beside issue-14w (31 new covered tune phrasings): 55 of 287 -> 65 of 318
# (20.4 %), ceiling 0.20 -> 0.21.
# issue-14an: 72 -> 76 of 353 (21.5 %), ceiling 0.21 -> 0.22: four residents' accounts
# (corpus-14am) whose first candidate was wrong at level none now come first right, still
# at none; no need lost a suggestion (levels unchanged but one none -> weak).
# corpus-14ar (25 covered accounts in the holdout): 13 of 104 -> 19 of 129 (14.7 %),
# holdout ceiling 0.14 -> 0.15.
UNSUGGESTED_RIGHT = [("tune", 0.22), ("holdout", 0.17)]


@pytest.mark.parametrize(("split", "ceiling"), UNSUGGESTED_RIGHT)
def test_a_right_first_candidate_is_mostly_suggested(
    report: Any, split: str, ceiling: float
) -> None:
    covered = [o for o in report.outcomes if o.item.split == split and o.item.tag in COVERED]
    unsuggested = sum(o.top1 and o.level == "none" for o in covered)
    assert unsuggested / len(covered) <= ceiling, f"{split}: {unsuggested} of {len(covered)}"


def test_shown_counts_only_what_the_router_shows(evaluation: ModuleType) -> None:
    # a right first candidate at level none is top-1 but not shown; a right one past the
    # suggestions shown (``chosen``) is top-3 but not shown (issue-14bm)
    item = evaluation.Item(
        text="x",
        expected=frozenset({"a"}),
        tag="lexical",
        split="tune",
        ambiguous=False,
        near_miss=False,
    )

    def outcome(level: str, chosen: int, ranked: tuple[str, ...]) -> Any:
        return evaluation.Outcome(
            item=item, ranked=ranked, level=level, chosen=chosen, verbatim=False
        )

    assert outcome("none", 0, ("a", "b")).top1
    assert not outcome("none", 0, ("a", "b")).shown
    assert outcome("weak", 1, ("a", "b")).shown
    assert outcome("weak", 1, ("b", "a")).top3
    assert not outcome("weak", 1, ("b", "a")).shown
    assert outcome("ambiguous", 2, ("b", "a")).shown
    assert outcome("confident", 1, ("a",)).shown


def test_wrong_claims_on_covered_needs_stay_rare(report: Any) -> None:
    tally = report.tally(tags=COVERED)
    assert tally.wrong_claims / tally.n <= 0.04


def test_pending_items_are_counted_apart_not_scored(report: Any, evaluation: ModuleType) -> None:
    items = evaluation.read_corpus()
    registry = Registry.load(external=False)
    pending = [i for i in items if not i.expected <= set(registry.procedures)]
    assert len(report.pending) == len(pending)
    assert len(report.outcomes) + len(report.pending) == len(items)
    scored = {o.item.text for o in report.outcomes}
    assert not any(item.text in scored for item in report.pending)


def test_the_corpus_keeps_its_shape(evaluation: ModuleType) -> None:
    items = evaluation.read_corpus()
    assert len(items) >= 300
    assert sum(i.tag == "negative" for i in items) >= 40
    assert {i.split for i in items} == {"tune", "holdout"}
    assert all(i.expected or i.tag == "negative" for i in items)


def test_the_outcome_does_not_depend_on_how_many_candidates_are_asked_for(
    evaluation: ModuleType, recogniser: Any
) -> None:
    """Level and the candidates a decision concerns are the same whatever ``limit`` the
    caller gives (``mfs route`` asks for the site's ``max_alternatives``, ``mfs recognise``
    for 5): a review found « Un demandeur d'emploi a-t-il droit au RSA ? » a CAF-or-MSA
    question at limit 5 and a CAF-or-driving-licence-aid question at limit 3 (the MSA's
    twin was not in the pool of 4)."""
    differ = []
    for item in evaluation.read_corpus():
        outcomes = set()
        for limit in (1, 3, 5, 10):
            found = recogniser.recognise(item.text, limit=limit)
            chosen = tuple(c.procedure for c in found.candidates[: found.chosen])
            outcomes.add((found.level, chosen, found.several))
        if len(outcomes) > 1:
            differ.append(item.text)
    assert differ == []


def test_the_fresh_samples_are_apart_from_the_corpus_and_name_known_procedures() -> None:
    """The fresh samples (``tests/data/recognition/fresh/``) are only measured: none of
    their needs is in the corpus, each has a public source, each expected id exists."""
    import csv
    import json

    corpus = ROOT / "tests" / "data" / "recognition" / "needs.jsonl"
    texts = {json.loads(line)["text"] for line in corpus.read_text("utf-8").splitlines()}
    known = set(Registry.load(external=False).procedures)
    samples = sorted((ROOT / "tests" / "data" / "recognition" / "fresh").glob("*.tsv"))
    assert samples
    for sample in samples:
        with sample.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle, delimiter="\t"))
        assert rows, sample.name
        for row in rows:
            assert row["need"] not in texts, row["need"]
            assert row["source"].startswith(("https://", "http://")), row["need"]
            if row["expected"] != "-":
                assert set(row["expected"].split(",")) <= known, row["expected"]


def test_the_breakdowns_partition_the_covered_needs(report: Any) -> None:
    """``_print_breakdowns``' groups: short + long, and the source kinds, each cover every
    covered need once (a need counted twice or lost would skew the steering's reading)."""
    for split in ("tune", "holdout"):
        whole = report.tally(split=split, tags=COVERED).n
        short = report.tally(split=split, tags=COVERED, where=lambda o: not o.long).n
        long = report.tally(split=split, tags=COVERED, where=lambda o: o.long).n
        assert short + long == whole
        assert long > 0
        kinds = {o.item.kind for o in report.outcomes}
        assert "" not in kinds
        assert "service-public-question" in kinds
        assert whole == sum(
            report.tally(split=split, tags=COVERED, where=lambda o, k=k: o.item.kind == k).n
            for k in kinds
        )


# Needs shorter than an account (fewer meaningful words than ranking.LONG_ACCOUNT): today
# tune 89.6 %, holdout 75.6 % top-1 (lead-14bf); floors a little under.
@pytest.mark.parametrize(("split", "floor"), [("tune", 0.88), ("holdout", 0.73)])
def test_short_needs_rank_their_procedure_first(report: Any, split: str, floor: float) -> None:
    tally = report.tally(split=split, tags=COVERED, where=lambda o: not o.long)
    assert tally.rate("top1") >= floor, f"{split} short: {tally.rate('top1'):.3f}"
