"""The shortcuts that make recognition fast give what the plain computation gives.

- a need is read chunk by chunk (split on white space, each chunk's analysis remembered):
  the words are those of the whole text read at once (:func:`normalise.words`);
- the typo search looks at the index words of a close length only: same word as over the
  whole vocabulary;
- remembered words (per process and per recogniser) change nothing: a need recognised on a
  fresh recogniser with emptied caches, then again, gives the same outcome;
- a need none of whose meaningful words belongs to a stop-word locution skips the search
  for locutions: same words as with it;
- candidates and recognitions built without attrs' keyword call are the objects attrs
  builds (same fields, equality, hash, repr);
- a case-insensitive search made on the lower-cased text (:class:`normalise.Caseless`)
  answers as :data:`re.IGNORECASE` does, for every code point;
- the marks a text's chunks carry (:func:`normalise.reading`) are what searching the
  whole text finds;
- a confident claim's separate naming check is the rivals alone once the need names the
  procedure, and :func:`specificity.rivalled`'s early answer is what the rivals
  :func:`specificity.rivals_of` finds say;
- a confidence rounded once for the pooled procedures sharing it gives each ranked row
  the roundings of its own confidence;
- a request read for its claims only (an account's sentence) and given as level none
  unranked when it cannot claim claims exactly what its whole reading claims;
- work only some needs use is done only for them: a twin question is read for the
  resident's denials only when the need negates a partner's hint, and the two-bodies
  check reads the need's words only for a candidate of another partner sharing the
  best one's title words (``scripts/compare_recognition.py``: no outcome moved).

The outcomes themselves are pinned by ``tests/test_recognition_golden.py``.
"""

from __future__ import annotations

import json
import re
import string
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mfs_core.model import Procedure
from mfs_core.recognition import (
    Recogniser,
    bodies,
    decision,
    entitlement,
    normalise,
    placing,
    ranking,
    rounding,
    scoring,
    specificity,
    terms,
    twins,
)
from mfs_core.registry import Registry
from mfs_test_support import load_script

# Every white-space character, and what cleaning changes or removes around words:
# apostrophes, quotes, zero-width and no-break characters, combining marks, ligatures.
SPACES = "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace())
TRICKY = "’‘ʼ`´'\"«»\u200b\u00ad\u2060\ufeff\u00a8\u0301\u0308\u0327\u0345İßœæﬁ½⑴-_/.,?"
LETTERS = "adeilnoprstuvéèàçêîôû0123"
texts = st.text(alphabet=SPACES + TRICKY + LETTERS, max_size=80) | st.lists(
    st.sampled_from(["d’", "l'", "à", "partir", "de", "droit", "au", "carte", "vitale", " "]),
    max_size=12,
).map("".join)


@settings(max_examples=1_500, deadline=None)
@given(texts)
def test_a_need_read_chunk_by_chunk_has_the_words_of_the_whole_text(text: str) -> None:
    normalise.clear_caches()
    assert [word for word, _, _ in normalise.analysed_words(text)] == normalise.words(text)
    assert normalise.meaningful(text) == [t[:3] for t in normalise.tokens(text)]


@pytest.fixture(scope="module")
def recogniser() -> Recogniser:
    registry = Registry.load(external=False)
    return Recogniser(registry.procedures.values(), registry.partners)


def mistyped(word: str, data: st.DataObject) -> str:
    """``word`` with one or two letters replaced, inserted or removed."""
    letters = list(word)
    for _ in range(data.draw(st.integers(1, 2))):
        where = data.draw(st.integers(0, len(letters) - 1))
        edit = data.draw(st.sampled_from(["replace", "insert", "delete"]))
        letter = data.draw(st.sampled_from("abcdeilmnorstu"))
        if edit == "replace":
            letters[where] = letter
        elif edit == "insert":
            letters.insert(where, letter)
        elif len(letters) > 1:
            del letters[where]
    return "".join(letters)


@settings(max_examples=1_000, deadline=None)
@given(st.data())
def test_the_typo_search_over_close_lengths_finds_the_same_word(
    recogniser: Recogniser, data: st.DataObject
) -> None:
    from rapidfuzz.distance import Levenshtein
    from rapidfuzz.process import extractOne

    index = recogniser.index
    typed = mistyped(data.draw(st.sampled_from(index._typo_words)), data)
    limit = 1 if len(typed) < 8 else 2
    everywhere = extractOne(
        typed, index._typo_words, scorer=Levenshtein.distance, score_cutoff=limit
    )
    close = extractOne(
        typed,
        index._typo_window(len(typed), limit),
        scorer=Levenshtein.distance,
        score_cutoff=limit,
    )
    assert (everywhere and everywhere[:2]) == (close and close[:2])


def test_remembered_words_change_no_outcome() -> None:
    golden = load_script(
        "recognition_golden", Path(__file__).parents[1] / "scripts" / "recognition_golden.py"
    )
    catalogue, _ = golden.read_pinned()
    needs = [o["text"] for o in golden.outcomes(catalogue)][:120]
    normalise.clear_caches()
    fresh = golden.recogniser(catalogue)
    first = [fresh.recognise(need) for need in needs]
    again = [fresh.recognise(need) for need in needs]
    normalise.clear_caches()
    assert first == again == [golden.recogniser(catalogue).recognise(need) for need in needs]


def test_prepare_builds_the_lazy_tables_and_changes_no_outcome() -> None:
    """``Recogniser.prepare`` (what ``mfs serve`` calls at start) builds the tables the first
    unknown word would build, and a prepared recogniser answers as a fresh one."""
    golden = load_script(
        "recognition_golden", Path(__file__).parents[1] / "scripts" / "recognition_golden.py"
    )
    catalogue, _ = golden.read_pinned()
    needs = [o["text"] for o in golden.outcomes(catalogue)][:60]
    prepared = golden.recogniser(catalogue)
    assert prepared.index._lemmas is None
    prepared.prepare()
    assert prepared.index._lemmas is not None
    assert prepared.index._synonyms is not None
    assert [prepared.recognise(n) for n in needs] == [
        golden.recogniser(catalogue).recognise(n) for n in needs
    ]


def _with_locution_search(text: str) -> list[normalise.Word]:
    found = normalise.analysed_words(text)
    skip = normalise._stop_phrase_positions([a[1] for a in found])
    return [a for n, a in enumerate(found) if a[2] is not None and n not in skip]  # type: ignore[misc]


@settings(max_examples=1_500, deadline=None)
@given(texts)
def test_the_stop_locution_shortcut_keeps_the_same_words(text: str) -> None:
    assert normalise.meaningful(text) == _with_locution_search(text)


@pytest.mark.parametrize(
    "text",
    ["à partir de 3 enfants", "avoir droit au RSA", "le droit de vote", "droits à la retraite"],
)
def test_stop_locutions_are_still_dropped(text: str) -> None:
    assert normalise.meaningful(text) == _with_locution_search(text)
    assert not {"partir", "droit", "droits"} & {plain for _, plain, _ in normalise.meaningful(text)}


def test_fast_built_candidates_and_recognitions_are_attrs_ones() -> None:
    import attrs

    from mfs_core.recognition import Candidate, Level, Recognition
    from mfs_core.recognition.result import new_candidate, new_recognition

    # The shortcut stores these fields and nothing else: a new field, a validator, a
    # converter or a post-init hook must be reflected there.
    for cls, names in (
        (
            Candidate,
            [
                "procedure",
                "partner",
                "title",
                "score",
                "confidence",
                "matched",
                "placed",
                "request",
            ],
        ),
        (
            Recognition,
            [
                "level",
                "candidates",
                "chosen",
                "several",
                "partner_only",
                "requests",
                "answers",
                "withheld",
            ],
        ),
    ):
        assert [f.name for f in attrs.fields(cls)] == names
        assert all(f.validator is None and f.converter is None for f in attrs.fields(cls))
        assert not hasattr(cls, "__attrs_post_init__")
    values = ("cnam.carte-vitale", "cnam", "Carte Vitale", 2.5, 0.875, ("carte", "vitale"))
    fast = new_candidate(values[:3], *values[3:])  # type: ignore[arg-type]
    # ``placed`` is left to its default: the shortcut stores None (a rule sets it later).
    slow = Candidate(**dict(zip(list(attrs.fields_dict(Candidate))[:6], values, strict=True)))
    assert fast == slow
    assert hash(fast) == hash(slow)
    assert repr(fast) == repr(slow)
    assert vars(fast) == vars(slow)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        fast.score = 1.0  # type: ignore[misc]
    made = new_recognition(Level.AMBIGUOUS, (fast,), 1)
    attrs_made = Recognition(level=Level.AMBIGUOUS, candidates=(slow,), chosen=1)
    assert made == attrs_made
    assert hash(made) == hash(attrs_made)
    assert repr(made) == repr(attrs_made)
    withheld = new_recognition(Level.WEAK, (fast,), 1, "words")
    assert withheld == Recognition(level=Level.WEAK, candidates=(slow,), chosen=1, withheld="words")


def _holders_plainly(procedures: list[Procedure]) -> dict[frozenset[str], list[str]]:
    """:func:`specificity.holders` as its docstring says it, every keyword against every
    phrase (the computation the postings replace)."""
    from mfs_core.recognition.index import MAX_PHRASES

    said: dict[tuple[str, str], list[frozenset[str]]] = {}
    keys: set[frozenset[str]] = set()
    for procedure in procedures:
        sets = [frozenset(specificity._stems(k)) for k in procedure.keywords[:MAX_PHRASES]]
        keys.update(k for k in sets if k)
        sets += [frozenset(specificity._stems(t)) for t in (procedure.title, procedure.fiche_title)]
        key = (procedure.fiche_id or procedure.id, procedure.partner)
        said.setdefault(key, []).extend(sets)
    return {
        k: [partner for (_, partner), sets in said.items() if any(k <= s for s in sets)]
        for k in keys
    }


def test_keyword_holders_are_found_through_postings_as_plainly(builtins: Registry) -> None:
    """The fiches holding each keyword, found through the phrases of its rarest stem, are
    those every phrase tried gives, for the catalogue and for a plugin adding many keywords
    that share words with it; keywords past the index's MAX_PHRASES are not read."""
    from mfs_core.recognition.index import MAX_PHRASES

    catalogue = list(builtins.procedures.values())
    assert specificity.holders(catalogue) == _holders_plainly(catalogue)
    words = ["carte", "vitale", "perdue", "retraite", "impôts", "colis", "aide", "logement"]
    crowded = [
        Procedure(
            id=f"x.p{i}",
            partner="x",
            title=f"Démarche {words[i % 8]}",
            keywords=tuple(
                f"{words[j % 8]} {words[(i + j) % 8]} mot{j}" for j in range(MAX_PHRASES + 50)
            ),
        )
        for i in range(12)
    ]
    held = specificity.holders([*catalogue, *crowded])
    assert held == _holders_plainly([*catalogue, *crowded])
    beyond = frozenset(specificity._stems(f"{words[MAX_PHRASES % 8]} x mot{MAX_PHRASES}"))
    assert not any(k >= {specificity._stems(f"mot{MAX_PHRASES}")[0]} for k in held)
    assert beyond not in held
    assert held[frozenset(specificity._stems("carte vitale"))][:1] == ["cnam"]


# Every code point but the surrogates' (a text holds none once read as UTF-8), as one text.
EVERY = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
# The characters of the patterns Caseless searches (normalise._SPELLED, normalise._VERB_NEGATION,
# ranking._JOINED), escapes aside.
PATTERN_CHARACTERS = string.ascii_lowercase + "è ;"


def test_lower_case_keeps_each_character_one_word_character_or_not() -> None:
    plain = EVERY.translate(dict.fromkeys(map(ord, normalise.CASE_ODD)))
    lowered = plain.lower()
    assert len(lowered) == len(plain)  # one character for one
    words = [m.start() for m in re.finditer(r"\w", plain)]
    assert words == [m.start() for m in re.finditer(r"\w", lowered)]
    assert [m.start() for m in re.finditer(r"\s", plain)] == [
        m.start() for m in re.finditer(r"\s", lowered)
    ]


def test_a_letter_matches_case_insensitively_exactly_what_lowers_to_it() -> None:
    differing: set[str] = set()
    for letter in PATTERN_CHARACTERS:
        matched = set(re.findall(letter, EVERY, re.IGNORECASE))
        lowering = {c for c in EVERY if c.lower() == letter}
        differing |= matched ^ lowering
    # CASE_ODD holds exactly the characters where the two differ.
    assert differing == set(normalise.CASE_ODD)


CASELESS_PATTERNS = [normalise._SPELLED, normalise._VERB_NEGATION, ranking._JOINED]
caseless_texts = st.text(
    alphabet=SPACES[:6]
    + " \u00a0İıſÈèÉKK_'-.;dixDIXonzeONZEpasPASguèreGUÈREpointPOINTvingtsmilleETaiquQU",
    max_size=40,
)


@settings(max_examples=2_000, deadline=None)
@given(caseless_texts, st.sampled_from(CASELESS_PATTERNS), st.integers(0, 45))
def test_a_caseless_search_answers_as_ignorecase(
    text: str, caseless: normalise.Caseless, end: int
) -> None:
    any_case = caseless._any_case
    assert any_case.flags & re.IGNORECASE
    assert caseless.search(text, end) == (any_case.search(text, 0, end) is not None)
    assert caseless.search(text) == (any_case.search(text) is not None)


@pytest.mark.parametrize(
    "text",
    ["DİX ans", "QUİNZE", "paſ du tout", "poınt", "ne suis PAS", "GUÈRE", "x_dix", "a aİnsi QUE b"],
)
def test_a_caseless_search_of_odd_capitals(text: str) -> None:
    for caseless in CASELESS_PATTERNS:
        assert caseless.search(text) == (caseless._any_case.search(text) is not None)


def test_a_join_reads_no_part_once_two_claims_are_out_of_reach(
    recogniser: Recogniser, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two parts of two words or more; the first claims nothing, so the two claims a join
    # needs cannot be made: the second part is not recognised (the outcome is the same).
    text = "zorglub bidule machin et renouveler mon passeport"
    whole = recogniser.recognise(text)
    read: list[str] = []
    recognise_part = recogniser._recognise

    def spy(part: str, *rest: Any, **options: Any) -> Any:
        read.append(part)
        return recognise_part(part, *rest, **options)

    monkeypatch.setattr(recogniser, "_recognise", spy)
    assert recogniser._several(text, None, 5, whole) is None
    assert read == ["zorglub bidule machin"]


def _corpus_needs() -> list[str]:
    corpus = Path(__file__).parent / "data" / "recognition" / "needs.jsonl"
    return [json.loads(line)["text"] for line in corpus.read_text("utf-8").splitlines()]


def test_a_request_read_for_its_claims_only_claims_as_read_whole(
    recogniser: Recogniser,
) -> None:
    # An account's sentence counts only when it claims (Recogniser._several, alone): one
    # that cannot claim is not ranked. Every sentence and whole need of the corpus: the
    # shortcut claims exactly what the whole reading claims, with the same candidates.
    skipped = 0
    for need in _corpus_needs():
        for part in [need, *ranking._SENTENCES.split(need)]:
            found, marks = normalise.reading(part)
            whole = recogniser._recognise(part, None, 5, found, marks)
            claims = recogniser._recognise(part, None, 5, found, marks, claims_only=True)
            if whole.level in ranking._CLAIMS:
                assert claims == whole
            else:
                assert claims.level not in ranking._CLAIMS
                skipped += not claims.candidates and bool(whole.candidates)
    assert skipped > 100  # the shortcut is taken


def test_an_account_sentence_that_cannot_claim_is_not_ranked(
    recogniser: Recogniser, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The corpus's accounts (read sentence by sentence when their whole claims nothing):
    # each sentence whose known words explain too little of it to claim is not ranked.
    accounts = [
        need
        for need in _corpus_needs()
        if len(normalise.reading(need)[0]) >= ranking.LONG_ACCOUNT
        and recogniser.recognise(need).level not in ranking._CLAIMS
    ]
    ranked: list[int] = []
    rank = scoring.Scoring.ranked

    def spy(self: scoring.Scoring, pool: list[int], *rest: Any) -> Any:
        ranked.append(len(pool))
        return rank(self, pool, *rest)

    monkeypatch.setattr(scoring.Scoring, "ranked", spy)
    sentences = 0
    for need in accounts:
        recogniser.recognise(need)
        sentences += len(ranking._SENTENCES.split(need[: normalise.MAX_TEXT_CHARS]))
    assert len(accounts) > 20
    assert len(ranked) < len(accounts) + sentences / 3


def test_a_twin_question_is_read_for_denials_only_when_a_hint_is_negated(
    recogniser: Recogniser, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The CAF's and the MSA's aide au logement (one fiche): only « je ne suis pas
    # agriculteur » makes the need worth reading again for the resident's denials.
    read: list[list[str]] = []
    denied = ranking.denied_by_resident

    def spy(text: str, hints: Any) -> bool:
        read.append(list(hints))
        return denied(text, hints)

    monkeypatch.setattr(ranking, "denied_by_resident", spy)
    asked = recogniser.recognise("demande d'aide au logement")
    assert [c.procedure for c in asked.candidates[:2]] == [
        "caf.aide-logement",
        "msa.aide-logement",
    ]
    assert read == []
    denying = recogniser.recognise("je ne suis pas agriculteur, demande d'aide au logement")
    assert read == [["agriculteur"]]
    assert denying.best is not None
    assert denying.best.procedure == "caf.aide-logement"


class _Unread:
    """A need's word that fails the test when the two-bodies check reads its reach."""

    partner = None
    span: frozenset[int] = frozenset()

    @property
    def reach(self) -> Any:
        pytest.fail("the need's words were read for no candidate of another partner")


def test_the_two_bodies_check_reads_no_word_when_no_other_partner_is_next() -> None:
    # The best candidate (0) has title pairs; the next ones are its own partner's: none
    # can be its démarche at another body, so what each word reaches is not read.
    ranked: list[Any] = [(0, 0, 0, 0, number) for number in range(4)]
    pairs = [frozenset({"demarch_effectu"})] * 4
    found = bodies.counterpart(ranked, [_Unread()], pairs, ["caf"] * 4, ["F1"] + [None] * 3)  # type: ignore[list-item]
    assert found is None


marked_texts = (
    st.lists(
        st.sampled_from(
            [
                "DIX",
                "dix-huit",
                "vingts",
                "Soixante",
                "famille",
                "pas",
                "PAS",
                "jamais",
                "guère",
                "x_dix",
                "paſ",
                "DİX",
                "™dix",
                "dix\u0301",
                "d’",
                "ne",
                "carte",
                " ",
                "\u00a0",
                "\t",
            ]
        ),
        max_size=10,
    ).map("".join)
    | texts
)


@settings(max_examples=1_500, deadline=None)
@given(marked_texts, st.booleans())
def test_a_text_is_marked_as_searching_it_whole_finds(text: str, fresh: bool) -> None:
    if fresh:
        normalise.clear_caches()
    words, marks = normalise.reading(text)
    assert words == normalise.meaningful(text)
    cut = text[: normalise.MAX_TEXT_CHARS]
    spelled = re.compile(normalise._SPELLED._any_case.pattern, re.IGNORECASE)
    negation = re.compile(normalise._VERB_NEGATION._any_case.pattern, re.IGNORECASE)
    assert bool(marks & normalise.SPELLED_NUMBER) == (spelled.search(cut) is not None)
    assert bool(marks & normalise.VERB_NEGATION) == (negation.search(cut) is not None)


def test_a_long_text_is_marked_within_the_length_read() -> None:
    text = "passeport " * 199 + "trente pasteur"  # « pasteur » cut to « pas »
    assert text[: normalise.MAX_TEXT_CHARS].endswith("trente pas")
    assert normalise.reading(text)[1] == normalise.SPELLED_NUMBER | normalise.VERB_NEGATION
    assert normalise.reading(text + " jamais")[1] == normalise.reading(text)[1]


def _naming_and_said(
    recogniser: Recogniser, data: st.DataObject
) -> tuple[int, specificity.Naming, frozenset[str]]:
    """A procedure's number and naming, and stems a need says: drawn among the stems of
    its name and of the other fiches' name phrases that share one (its rivals)."""
    number = data.draw(st.integers(0, len(recogniser._levels._procedures) - 1))
    naming = recogniser._levels.naming_of(number)
    near = set(naming.stems)
    for stem in naming.stems:
        near.update(*(phrase for *_, phrase in recogniser._levels.name_phrases.get(stem, ())))
    said = frozenset(data.draw(st.sets(st.sampled_from(sorted(near)) if near else st.nothing())))
    return number, naming, said


@settings(max_examples=3_000, deadline=None)
@given(st.data())
def test_the_separate_naming_check_is_the_rivals_alone_once_named(
    recogniser: Recogniser, data: st.DataObject
) -> None:
    # LevelRules.level reads a confident claim's separate check as the rivals alone,
    # having found with the same arguments that the need names the procedure; and
    # specificity.rivalled returns early when no phrase of the rarest evidence stem is a
    # rival's: the same answer as reading every rival rivals_of finds.
    number, naming, said = _naming_and_said(recogniser, data)
    phrases = recogniser._levels.name_phrases
    confidence = data.draw(st.floats(0.0, 1.0))
    words = data.draw(st.sampled_from([1, specificity.TITLE_WORDS]))
    partner_named = data.draw(st.booleans())
    # The catalogue's words of how a request is asked, or some of the name's own stems
    # (then the evidence is some of the name's words, the rarest of them varied).
    name_stems = st.sampled_from(sorted(naming.stems)) if naming.stems else st.nothing()
    generic = data.draw(
        st.just(recogniser._levels.generic_stems) | st.frozensets(name_stems), label="generic"
    )
    evidence = (naming.stems & said) - generic
    rivalled = any(
        evidence <= held
        for partner, held in specificity.rivals_of(naming, said, phrases).values()
        if not partner_named or partner == naming.partner
    )
    assert specificity.rivalled(naming, said, generic, partner_named, phrases) is rivalled
    arguments = (naming, said, confidence, generic, words)
    named = specificity.names(*arguments, partner_named=partner_named, phrases=phrases)
    separate = specificity.names(
        *arguments, partner_named=partner_named, separate=True, phrases=phrases
    )
    assert separate == (named and not rivalled)
    if named and generic is recogniser._levels.generic_stems:
        assert recogniser._levels.rivalled(number, said, partner_named) is rivalled
        assert recogniser._levels.named(number, said, confidence, words, partner_named)


def test_each_ranked_row_is_rounded_from_its_own_confidence(recogniser: Recogniser) -> None:
    # Scoring.ranked rounds a confidence once for the pooled procedures after one
    # with the same confidence: each row must carry the roundings of its own.
    golden = load_script(
        "recognition_golden", Path(__file__).parents[1] / "scripts" / "recognition_golden.py"
    )
    catalogue, _ = golden.read_pinned()
    shared = 0
    for need in [o["text"] for o in golden.outcomes(catalogue)]:
        found, marks = normalise.reading(need)
        words, expansions = recogniser._terms.words(found, need, marks)
        known = [word for word in words if word.known]
        total = terms.information(words, known)
        if not total or any(word.partner for word in known):
            continue  # partner hints add their own part (Scoring._hinted_part)
        scores = scoring.scores(known, expansions)
        pool = recogniser._twins.with_twins(scoring.pool(scores, 5), scores)
        rows = recogniser._scoring.ranked(pool, scores, known, expansions, total, set())
        confidences = []
        for row in rows:
            number = row[4]
            explained = 0.0
            for word in known:
                if word.view is not None and number in word.view[0]:
                    explained += word.view[0][number][0]
            confidence = min(explained / total, 1.0)
            confidences.append(confidence)
            assert (row[6], row[8]) == rounding.round_6_3(confidence)
            score = scores[number] * confidence**scoring.COVERAGE
            assert (row[5], row[7]) == rounding.round_6_3(score)
        shared += len(confidences) - len(set(confidences))
    assert shared > 100  # the shortcut is taken


#: The functions every need runs (or nearly: ``names`` for most claims, the lexicon for
#: four needs in five, ``_first`` and ``_keyword_said`` for one in three): a
#: comprehension, generator or lambda reading one of their locals made that local a cell,
#: built on each call whether the comprehension ran or not (issue-14ad: 32.6 cells a
#: need before, under 8 after).
_EVERY_NEED = (
    ranking.Recogniser._recognise,
    terms.NeedTerms.words,
    terms.NeedTerms._lexicon_words,
    terms.NeedTerms._refused,
    twins.Twins.with_twins,
    decision.LevelRules.level,
    scoring.Scoring.candidates,
    decision.LevelRules._keyword_said,
    placing.first,
    specificity.names,
    normalise.reading,
    entitlement.entitlement_words,
)


@pytest.mark.parametrize("function", _EVERY_NEED, ids=lambda f: f.__qualname__)
def test_the_functions_every_need_runs_make_no_cell(function: Any) -> None:
    assert function.__code__.co_cellvars == ()


def test_the_caches_remember_only_word_sized_chunks_and_words(recogniser: Recogniser) -> None:
    # Review 14l (the accents' chunks) and issue-14at: 8,000 distinct needs of 2,000
    # characters without a space held 76.8 MB (stem's, lemma's and simplemma's caches,
    # the chunks', the recogniser's word caches: each entry stayed until 50,000 or
    # 65,536), now 0.1 MB. Counted, not timed.
    recogniser.recognise("carte vitale " + "x" * 2_000)  # what every such need reads the same
    stems = normalise._cached_stem.cache_info().currsize
    lemmas = normalise._cached_lemma.cache_info().currsize
    for n in range(50):
        recogniser.recognise(f"carte vitale {n}" + "x" * 1_990)
    assert all(len(chunk) <= normalise.MAX_CACHED_CHARS for chunk in normalise._CHUNKS)
    assert normalise._cached_stem.cache_info().currsize == stems
    assert normalise._cached_lemma.cache_info().currsize == lemmas
    # nor the recogniser's own (a word's units, how it reaches the index)
    terms = recogniser._terms  # type: ignore[attr-defined]
    assert max((len(w[0]) for w in terms._singles), default=0) <= normalise.MAX_CACHED_CHARS
    assert max((len(w) for _, w in terms.index._matches), default=0) <= normalise.MAX_CACHED_CHARS
    # the long word is still read: its stem, as a short one's
    assert normalise.stem("x" * 50 + "ées") == normalise._stem("x" * 50 + "ées")


def test_a_stream_of_new_words_keeps_each_word_cache_within_16384_entries() -> None:
    # Issue-15w (review 15e, finding 8): free-text needs whose words keep being new (file
    # numbers, names, slips) filled every word-sized cache at once, up to 50,000 or 65,536
    # entries each: ``mfs route``'s peak memory grew 1.77x from 1,000 to 100,000 such
    # needs. 20,000 new words (in 1,000 needs, each with a negation to read) leave at most
    # 16,384 entries in each. Counted, not timed; a recogniser of its own (its caches).
    from mfs_core.recognition import negation

    registry = Registry.load(external=False)
    recogniser = Recogniser(registry.procedures.values(), registry.partners)
    for start in range(0, 20_000, 20):
        words = " ".join(f"dossier{n}" for n in range(start, start + 20))
        recogniser.recognise(f"je n'ai pas reçu ma carte vitale {words}")
    own = recogniser._terms  # type: ignore[attr-defined]
    held = {
        "chunks": len(normalise._CHUNKS),
        "negation chunks": len(negation._CHUNKS),
        "stems": normalise._cached_stem.cache_info().currsize,
        "lemmas": normalise._cached_lemma.cache_info().currsize,
        "accents": len(recogniser._accents._plain_chunks),  # type: ignore[attr-defined]
        "singles": len(own._singles),
        "pairs": len(own._pairs),
        "reaches": len(own._reaches),
        "matches": len(own.index._matches),
    }
    assert max(held.values()) <= 16_384, held
    assert held["stems"] > 10_000  # the words were heard (and stemmed)
