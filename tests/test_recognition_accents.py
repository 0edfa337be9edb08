"""A need written without accents reads like the same need with them (issue-14aq).

Residents and agents often write without accents: all capitals in a form field, a phone
keyboard, a copied SMS. Snowball's French stemmer gave another stem without them, so the
same need recognised differently. The needs below are corpus phrasings
(``tests/data/recognition/needs.jsonl``, each with its source there) folded to capitals
without accents, or to lower case without accents; before the fix each gave another level
or first three candidates than as written (``scripts/folded_consistency.py``). Phrasings
marked *constructed* are written for the rule.
"""

from __future__ import annotations

import unicodedata

import pytest

from mfs_core.recognition import Recogniser
from mfs_core.recognition.accents import Accents
from mfs_core.recognition.normalise import MAX_TEXT_CHARS, WORD_CACHE_ENTRIES, accented, stem


def _unaccented(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _outcome(recogniser: Recogniser, text: str) -> tuple[str, tuple[str, ...]]:
    recognition = recogniser.recognise(text)
    return str(recognition.level), tuple(c.procedure for c in recognition.candidates[:3])


# Corpus phrasings (tune split) whose outcome moved once folded, before issue-14aq.
_CORPUS = [
    # issue-14an's ARE account: « INDEMNISEE » read the indemnités journalières first
    "Mais depuis mon licenciement, en juin, je ne peux pas être indemnisée. "
    "Il me faut une attestation de l'employeur.",
    "Que faire quand on est licencié ?",  # nothing recognised in capitals
    "indemnités pôle emploi",  # weak, France Travail's inscription, in capitals
    "Un salarié peut-il acquérir des congés payés pendant un arrêt maladie ?",
    "arret maladie payé au bout de combien de temps",
    "Votre maladie a réduit votre capacité de travail ?",
    "Qu'est-ce que les indemnités journalières de sécurité sociale ?",
    "Comment effectuer la récupération de la lettre recommandée ?",
]


# issue-14av: fresh-sample phrasings (tests/data/recognition/fresh/review-14d.tsv and
# review-14i.tsv) whose words are outside recognition's vocabulary: « radiés » and
# « médiatrice » read otherwise without accents (Snowball's stem rad, simplemma's lemma).
_OUTSIDE_VOCABULARY = [
    "Pôle emploi : radiés pour absence à une convocation... jamais reçue !",
    "Nous avons demandé l’intervention de la médiatrice CAF, sans résultat.",
]


@pytest.mark.parametrize("need", [*_CORPUS, *_OUTSIDE_VOCABULARY])
@pytest.mark.parametrize("folded", [str.upper, str.lower], ids=["capitals", "lower-case"])
def test_a_need_without_accents_recognises_as_written(
    recogniser: Recogniser, need: str, folded: object
) -> None:
    written = _outcome(recogniser, need)
    assert _outcome(recogniser, folded(_unaccented(need))) == written  # type: ignore[operator]


def test_the_ARE_account_in_capitals_reads_the_ARE_first(recogniser: Recogniser) -> None:
    need = (
        "MAIS DEPUIS MON LICENCIEMENT, EN JUIN, JE NE PEUX PAS ETRE INDEMNISEE. "
        "IL ME FAUT UNE ATTESTATION DE L'EMPLOYEUR."
    )
    best = recogniser.recognise(need).best
    assert best is not None
    assert best.procedure.startswith("france-travail.are-")


def test_paye_without_its_accent_has_the_stem_of_payer() -> None:
    # Snowball wrote « paye » pay, the stem of « pays »; « payé », « payer », « paie » pai.
    assert stem("paye") == stem("payé") == stem("payer") == stem("paie") == "pai"
    assert stem("payes") == stem("payés")
    assert stem("essaye") == stem("essayer")
    assert stem("pays") != stem("paye")


_ACCENTS = Accents(
    ["salarié", "indemniser", "sécurité sociale", "élève", "élevé", "retraite", "retraité"]
)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("SALARIE", "SALARIÉ"),  # the need's case, letter by letter
        ("Salarie", "Salarié"),
        ("les salaries", "les salariés"),  # an inflection of a vocabulary word
        ("je suis indemnisee", "je suis indemnisée"),  # a feminine participle of a verb
        ("SECURITE SOCIALE", "SÉCURITÉ SOCIALE"),
        ("d'identite, securite.", "d'identite, sécurité."),  # elided, punctuated
        ("eleve", "eleve"),  # ambiguous: « élève », « élevé »
        ("retraite", "retraite"),  # the vocabulary holds it without accents
        ("a ou du", "a ou du"),  # stop words (« à », « où », « dû »)
        ("indemnise", "indemnise"),  # also a present tense, never restored
        ("salariée", "salariée"),  # a word with an accent is as typed
        ("salarieX9", "salarieX9"),  # no whole word
    ],
)
def test_a_word_without_accents_is_read_as_the_one_word_it_stands_for(text: str, read: str) -> None:
    assert _ACCENTS.restored(text) == read  # constructed


def test_ambiguous_forms_are_counted_and_same_stems_left() -> None:
    assert "eleve" in _ACCENTS.ambiguous
    # « refuse » and « refusé » share a stem: a present tense stays one
    assert Accents(["refusé"]).restored("il refuse") == "il refuse"


def test_only_the_text_recognition_reads_is_restored_and_lengths_are_kept() -> None:
    text = "salarie " * (MAX_TEXT_CHARS // 8) + "salarie"
    restored = _ACCENTS.restored(text)
    assert len(restored) == len(text)
    assert restored[:MAX_TEXT_CHARS].count("salarié") == MAX_TEXT_CHARS // 8
    assert restored.endswith(" salarie")


def test_the_chunks_remembered_are_word_sized_and_bounded() -> None:
    # Review 14l: 5,000 distinct needs of 2,000 characters without a space held 10.7 MB
    # (65,536 of emoji about 535 MB). Counted in entries and characters, not time.
    from mfs_core.recognition import accents

    table = Accents(["salarié"])
    for n in range(2_000):
        assert table.restored(f"{n}" + "x" * 1_990) == f"{n}" + "x" * 1_990
        assert table.restored(f"{n}" + "\N{GRINNING FACE}" * 1_990).startswith(f"{n}")
    held = table._plain_chunks
    assert all(len(chunk) <= accents._MAX_CHUNK_CHARS for chunk in held)
    for n in range(WORD_CACHE_ENTRIES + 10):
        table.restored(f"mot{n}")
    assert len(held) <= WORD_CACHE_ENTRIES
    assert sum(map(len, held)) <= WORD_CACHE_ENTRIES * accents._MAX_CHUNK_CHARS
    # a long chunk is still read: its word is restored
    assert table.restored("x" * 100 + " salarie") == "x" * 100 + " salarié"


@pytest.mark.parametrize(
    ("text", "read"),
    [
        # review 14l: a French word of its own is read as written (constructed)
        (
            "Marie et moi voulons refaire nos passeports",
            "Marie et moi voulons refaire nos passeports",
        ),
        ("MARIE DUPONT VEUT DECLARER SES REVENUS", "MARIE DUPONT VEUT DECLARER SES REVENUS"),
        ("la CAF ne communique pas", "la CAF ne communique pas"),
        ("mon employeur me licencie", "mon employeur me licencie"),
        # but a participle right after an auxiliary
        ("Que faire quand on est licencie ?", "Que faire quand on est licencié ?"),
        ("ILS SONT MARIES", "ILS SONT MARIÉS"),
        ("les salaries", "les salariés"),  # no French word of its own: restored
    ],
)
def test_a_french_word_of_its_own_is_read_as_written(text: str, read: str) -> None:
    table = Accents(["marié", "communiqué", "licencié", "salarié"])
    assert table.restored(text) == read


def test_only_a_whole_auxiliary_before_a_french_word_makes_it_a_participle() -> None:
    # « …est » cut from a longer word by the look-back window is no auxiliary
    table = Accents(["licencié"])
    assert table.restored("manifest        licencie") == "manifest        licencie"
    assert table.restored("il est    licencie") == "il est    licencié"


# Constructed (review 14l's a1.txt): a claim as written stays one without accents.
@pytest.mark.parametrize("need", ["je suis radie de pole emploi", "JE SUIS RADIE DE POLE EMPLOI"])
def test_radie_without_its_accent_claims_the_radiation(recogniser: Recogniser, need: str) -> None:
    recognition = recogniser.recognise(need)
    assert str(recognition.level) == str(recogniser.recognise("je suis radié de pôle emploi").level)
    assert recognition.best is not None
    assert recognition.best.procedure == "france-travail.radiation"


@pytest.mark.parametrize(
    ("word", "read"),
    [
        ("radiee", "radiée"),
        ("mediatrice", "médiatrice"),
        ("radie", "radié"),
        ("eleve", None),  # « élève », « élevé »: ambiguous
        ("vit", None),  # « vît » is rare beside « vit »: data/accent-free-words.txt
        ("marie", None),  # two frequent words: data/accent-rivals.txt
        ("médiatrice", None),  # written with its accent
    ],
)
def test_the_one_accented_word_of_the_dictionary(word: str, read: str | None) -> None:
    assert accented(word) == read


def test_a_french_word_as_written_outside_the_vocabulary_is_not_accented(
    recogniser: Recogniser,
) -> None:
    # Corpus phrasing (tune split): « vit » read « vît » before the data file.
    need = "Peut-on percevoir le RSA quand on vit à l'étranger ?"
    matched = {word for c in recogniser.recognise(need).candidates for word in c.matched}
    assert not any(word.startswith("vit ") for word in matched), matched


@pytest.mark.parametrize(
    ("text", "read"),
    [
        # issue-14be (constructed, the lead's brief): « décédé » and « decede » share a
        # stem, so the form was never restored, even after « est »
        ("mon mari est decede", "mon mari est décédé"),
        ("MON MARI EST DECEDE", "MON MARI EST DÉCÉDÉ"),
        ("elle est decedee", "elle est décédée"),
        ("mon mari decede", "mon mari decede"),  # no auxiliary: as written
    ],
)
def test_a_participle_of_the_same_stem_is_restored_after_an_auxiliary(
    recogniser: Recogniser, text: str, read: str
) -> None:
    assert Accents(["décédé"]).restored(text) == read
    # the recogniser's own table (« décédé » is a word of its lexicon)
    assert recogniser._accents.restored(text) == read


def test_a_present_tense_of_the_same_stem_stays_one() -> None:
    table = Accents(["refusé"])
    assert table.restored("il refuse") == "il refuse"
    assert table.restored("ma demande est refuse") == "ma demande est refusé"  # constructed
