"""Words the catalogue does not use: lemmas (simplemma) and thesaurus synonyms (mythes-fr).

A lemma is another inflection of the same word (« perds » / « perdu »): it counts in full.
A synonym is query expansion: it re-ranks the procedures the need's other words reached,
never retrieves or names one, and explains nothing (so it never raises a confidence). The
data file's entries are checked against the declared thesaurus when CI provides it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from mfs_core.model import Procedure
from mfs_core.recognition import Level, Recogniser
from mfs_core.recognition.index import LEMMA, SYNONYM
from mfs_core.recognition.normalise import lemma, stem, tokens
from mfs_core.recognition.synonyms import MAX_SYNONYMS, synonyms
from mfs_test_support import require_service

ROOT = Path(__file__).parents[1]
DATA = ROOT / "src/mfs_core/recognition/data/synonyms.tsv"


def _recogniser(*titles: str) -> Recogniser:
    return Recogniser(
        [Procedure(id=f"x.p{n}", partner="x", title=title) for n, title in enumerate(titles)]
    )


def _match(recogniser: Recogniser, word: str) -> tuple[str, float, str | None]:
    (token,) = tokens(word)
    found = recogniser.index.match(token)
    assert found is not None, word
    return found.term, found.weight, found.seen_as


@pytest.mark.parametrize(
    ("indexed", "said", "seen_as"),
    [
        ("Passeport perdu", "perds", "perdu"),  # je perds / perdu: both « perdre »
        ("Vendre un véhicule", "vendu", "vendre"),
        ("Vendre un véhicule", "vends", "vendre"),
    ],
)
def test_another_inflection_reaches_the_word_through_its_lemma(
    indexed: str, said: str, seen_as: str
) -> None:
    # Snowball alone keeps them apart: the test would mean nothing otherwise.
    assert stem(said) != stem(seen_as)
    assert lemma(said) == lemma(seen_as)
    recogniser = _recogniser(indexed)
    assert _match(recogniser, said) == (stem(seen_as), LEMMA, seen_as)
    best = recogniser.recognise(f"{said} {indexed.split()[-1]}").best
    assert best is not None
    assert f"{said} ≈ {seen_as}" in best.matched


def test_a_synonym_reranks_the_procedures_the_other_words_found() -> None:
    # « boulot » is a synonym of « travail » in the thesaurus (data/synonyms.tsv).
    assert "boulot" in synonyms()["travail"]
    recogniser = _recogniser("Accident de la route", "Accident du travail")
    term, weight, seen_as = _match(recogniser, "boulot")
    assert (term, weight, seen_as) == (stem("travail"), SYNONYM, "travail")
    found = recogniser.recognise("accident au boulot")
    assert [c.procedure for c in found.candidates] == ["x.p1", "x.p0"]
    assert found.candidates[0].matched == ("accident", "boulot ≈ travail")
    # It explains nothing: both procedures explain the need as « accident » alone does.
    assert found.candidates[0].confidence == found.candidates[1].confidence


def test_a_synonym_alone_finds_nothing() -> None:
    recogniser = _recogniser("Accident du travail")
    found = recogniser.recognise("boulot")
    assert (found.level, found.candidates) == (Level.NONE, ())


def test_a_synonym_never_makes_a_claim() -> None:
    # « accident du travail » names the procedure; « accident au boulot » only reaches it
    # by « accident » and a synonym: shown, not decided on.
    recogniser = _recogniser("Accident du travail")
    assert recogniser.recognise("accident du travail").level is Level.CONFIDENT
    assert recogniser.recognise("accident au boulot").level is not Level.CONFIDENT


def test_a_word_of_how_requests_are_asked_is_not_expanded() -> None:
    # « récupérer » (data/generic.txt) has thesaurus synonyms (« reprendre »...): it says
    # how the resident asks, not what about.
    # (issue-14r: « récupérer une lettre recommandée » is now a lexicon phrase, shown as
    # such; what matters is that no synonym of « récupérer » reaches « Reprendre ».)
    recogniser = _recogniser("Reprendre une activité", "Lettre recommandée")
    found = recogniser.recognise("récupérer une lettre recommandée")
    assert [c.title for c in found.candidates] == ["Lettre recommandée"]
    assert not any("≈" in m for c in found.candidates for m in c.matched)


def test_recognition_loads_the_lemmas_only_for_a_word_it_cannot_read_otherwise() -> None:
    code = (
        "import sys\n"
        "from mfs_core.model import Procedure\n"
        "from mfs_core.recognition import Recogniser\n"
        "print('simplemma' in sys.modules)\n"
        "r = Recogniser([Procedure(id='x.p', partner='x', title='Carte vitale')])\n"
        "r.recognise('Carte Vitale')\n"
        "print('simplemma' in sys.modules)\n"
        "r.recognise('je perds ma carte vitale')\n"
        "print('simplemma' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    ).stdout.split()
    assert out == ["False", "False", "True"]


def test_the_synonyms_file_names_its_source_and_is_bounded() -> None:
    text = DATA.read_text(encoding="utf-8")
    header = "\n".join(line for line in text.splitlines() if line.startswith("#"))
    for needed in ("mythes-fr 1:7.5.0-1", "LGPL-2.1+", "thes_fr.dat", "build_synonyms.py"):
        assert needed in header
    entries = synonyms()
    assert entries
    assert all(0 < len(listed) <= MAX_SYNONYMS for listed in entries.values())
    assert all(" " not in word for listed in entries.values() for word in listed)


def _thesaurus() -> dict[str, list[str]]:
    path = Path(require_service("MFS_TEST_MYTHES_FR", "LibreOffice's French thesaurus"))
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import build_synonyms
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    return build_synonyms.read_thesaurus(path)


def test_every_synonym_is_in_the_declared_thesaurus_both_ways_and_in_its_order() -> None:
    thesaurus = _thesaurus()
    for head, listed in synonyms().items():
        assert head in thesaurus, head
        source = thesaurus[head]
        for word in listed:
            assert word in source, (head, word)
            assert head in thesaurus.get(word, ()), (head, word)  # mutual
        positions = [source.index(word) for word in listed]
        assert positions == sorted(positions), head


def test_a_word_the_catalogue_holds_also_reaches_its_synonyms_where_it_is_absent() -> None:
    # « boulot » is a catalogue word here (x.p2) and a synonym of « travail » (x.p0).
    recogniser = _recogniser("Accident du travail", "Accident de la route", "Prime boulot")
    found = recogniser.recognise("accident boulot")
    ranked = [c.procedure for c in found.candidates]
    assert ranked.index("x.p0") < ranked.index("x.p1")
    assert "boulot ≈ travail" in found.candidates[ranked.index("x.p0")].matched
    # It explains nothing: the two accidents explain the need alike.
    confidence = {c.procedure: c.confidence for c in found.candidates}
    assert confidence["x.p0"] == confidence["x.p1"]


def test_a_word_and_its_synonyms_count_once_on_a_procedure() -> None:
    recogniser = _recogniser("Boulot et travail", "Accident du travail")
    (word,) = tokens("boulot")
    single = recogniser._terms.single((word.word, word.plain, word.stem))
    expansion = single[2]
    assert expansion is not None
    own = recogniser.index.postings[word.stem]
    # The expansion reaches « Accident du travail » only, never where « boulot » is.
    assert set(expansion.reach.explains) == {1}
    assert set(own) == {0}


def test_a_synonym_said_twice_is_shown_once() -> None:
    recogniser = _recogniser("Accident de la route", "Accident du travail")
    best = recogniser.recognise("accident boulot boulot").best
    assert best is not None
    assert best.matched == ("accident", "boulot ≈ travail")


@pytest.mark.parametrize(
    ("indexed", "said"),
    [
        ("Application carte Vitale", "appliquons"),  # « appliquer » / « application »
        ("Simulateur d'impôt", "calculons"),
        ("Feuille de soins", "feuillerons"),  # « feuiller » / « feuille »
    ],
)
def test_a_verb_is_not_the_noun_its_lemma_shares_a_stem_with(indexed: str, said: str) -> None:
    # Snowball strips derivational endings, so lemma stems may meet where the lemmas do not.
    recogniser = _recogniser(indexed)
    (token,) = tokens(said)
    found = recogniser.index.match(token)
    assert found is None or found.weight < LEMMA
    assert recogniser.recognise(said).level is not Level.CONFIDENT
