"""A day said right before a month name is part of its date (issue-14ba).

A resident's account dates what happened; the day number read alone met the catalogue's
own numbers (« fin de contrat avant le *1er* avril 2025 »), and an account of a first time
out of work read the ARE before the inscription it is about. The phrasings are real, each
with its address.
"""

from __future__ import annotations

from mfs_core.recognition import Recogniser
from mfs_core.recognition.dates import date_days, first_days, numeric_days
from mfs_core.recognition.normalise import meaningful


def test_a_date_of_the_account_does_not_read_the_are(recogniser: Recogniser) -> None:
    # a reader's open letter, https://simonae.fr/temoignages/lettre-ouverte-amour-administrations-ping-pong-administratif/
    # (also a tune item of the corpus, corpus-14am): a first time out of work, the
    # inscription. Before: « 1er » (of « 1er juillet ») reached both ARE titles, which came
    # first and second; the inscription was fourth.
    need = "1er juillet, me voilà chômeuse. C’est brutal. Première fois avec Pôle Emploi."
    candidates = recogniser.recognise(need).candidates
    assert "france-travail.inscription" in [c.procedure for c in candidates[:3]]
    assert all("1er" not in c.matched for c in candidates), candidates


def test_the_date_the_catalogue_says_still_counts(recogniser: Recogniser) -> None:
    # Unédic, https://unedic.org/publications/assurance-chomage-qu-est-ce-qui-change-au-1er-avril
    # (the page's title): « 1er avril » is the date of the ARE's titles, the pair the index holds.
    candidates = recogniser.recognise(
        "Assurance chômage : qu'est-ce qui change au 1er avril ?"
    ).candidates
    assert candidates[0].procedure.startswith("france-travail.are-")
    assert "1er" in candidates[0].matched


def test_date_days_are_the_days_said_before_a_month() -> None:
    # CNEWS, https://www.cnews.fr/videos/france/2023-01-03/passeport-et-carte-didentite-combien-de-temps-faut-il-attendre-pour
    found = meaningful("Néanmoins, le premier créneau disponible est… le 14 avril.")
    assert [found[n][0] for n in date_days(found, frozenset())] == ["14"]
    # a day the index holds with its month is the catalogue's date, not one of the need's
    found = meaningful("ce qui change au 1er avril")
    assert date_days(found, {"1er_avril"}) == frozenset()
    assert [found[n][0] for n in date_days(found, set())] == ["1er"]
    # no month named: nothing to read (most needs)
    assert date_days(meaningful("j'ai 25 ans et je cherche un emploi"), set()) == frozenset()


def test_the_days_of_a_range_before_a_month_are_all_dates() -> None:
    # review 14n, finding 6 (constructed from an account's opening, « Du 1er au 15 juillet,
    # me voilà chômeuse »): the first day of a range read alone met the ARE's « 1er »
    found = meaningful("Du 1er au 15 juillet, me voilà chômeuse")
    assert sorted(found[n][0] for n in date_days(found, frozenset())) == ["15", "1er"]
    found = meaningful("les 12 et 13 mai")
    assert sorted(found[n][0] for n in date_days(found, frozenset())) == ["12", "13"]


def test_a_date_in_figures_reads_no_day_alone(recogniser: Recogniser) -> None:
    # review 14n, finding 6 (the reviewer's probe, constructed): « 1er/07 » is a date; before
    # (issue-14bc) « 1er » reached both ARE titles (« avant le 1er avril 2025 ») alone.
    candidates = recogniser.recognise("le 1er/07 je commence un nouveau travail").candidates
    assert all("1er" not in c.matched and "07" not in c.matched for c in candidates)
    assert not candidates[0].procedure.startswith("france-travail.are-")


def test_numeric_days_are_the_day_and_month_of_a_date_in_figures() -> None:
    # review 14n, finding 6 (constructed): a one-figure day is no meaningful word; the year
    # is read as any number, as after a month's name
    for text, days in [
        ("le 1er/07 je commence", ["1er", "07"]),
        ("le 1/07 je commence", ["07"]),
        ("le 01/07/2025 je commence", ["01", "07"]),
        ("un délai de 15 jours", []),
    ]:
        found = meaningful(text)
        assert [found[n][0] for n in sorted(numeric_days(found, text))] == days, text
    # the same figures said again elsewhere stay numbers of their own
    text = "le 12/03 j'avais 12 ans"
    found = meaningful(text)
    assert sorted(numeric_days(found, text)) == [0, 1]


def test_the_first_written_out_is_the_date_the_catalogue_says(recogniser: Recogniser) -> None:
    # Unédic's title (above), the first of the month written out or apart (review 14n,
    # finding 6; constructed): read as « 1er avril ». Before (issue-14bc), « premier »
    # reached the first-time procedures (« première demande ») and « er » was an unknown
    # word.
    said = "Assurance chômage : qu'est-ce qui change au 1er avril ?"
    expected = recogniser.recognise(said)
    for written in ("premier avril", "1 er avril", "PREMIER AVRIL"):
        recognition = recogniser.recognise(said.replace("1er avril", written))
        assert recognition.level is expected.level, written
        assert [c.procedure for c in recognition.candidates] == [
            c.procedure for c in expected.candidates
        ], written
    assert first_days("du premier au 15 avril", meaningful("du premier au 15 avril")) == (
        "du 1er     au 15 avril"
    )
    assert first_days("mon premier emploi", meaningful("mon premier emploi")) == (
        "mon premier emploi"
    )
