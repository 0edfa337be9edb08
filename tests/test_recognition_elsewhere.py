"""A collocation whose head word is a covered procedure's but that names a thing of another
matter claims nothing (issue-14bh item 3): lexicon ``[[elsewhere]]``.

« carte bancaire » is the bank's card (service-public.fr F31241: opposition at the bank),
not the carte grise, the carte Vitale or the carte d'identité; « indemnité de départ » is
the employer's (F13965), not the indemnités journalières nor the Cnav's demande de
retraite. Sources in ``lexicon.toml``; the needs are constructed unless a source is named.
"""

from __future__ import annotations

import pytest

from mfs_core.errors import InputError
from mfs_core.recognition import Level, Recogniser
from mfs_core.recognition.lexicon import Lexicon

_CLAIMS = (Level.CONFIDENT, Level.AMBIGUOUS)


@pytest.mark.parametrize(
    "need",
    [
        "j'ai perdu ma carte bancaire",  # was weak: the lost identity card, the carte Vitale
        "ma carte bleue a été volée",
        "indemnité de départ",  # was weak: the indemnités journalières
        "indemnité de départ en retraite",  # review 14g (code du travail numérique): claimed
    ],
)
def test_a_thing_of_another_matter_reaches_nothing(recogniser: Recogniser, need: str) -> None:
    recognition = recogniser.recognise(need)
    assert recognition.level is Level.NONE, recognition


def test_the_bank_card_lost_is_not_the_identity_card(recogniser: Recogniser) -> None:
    # review 14c (objets-trouve.com): claimed the lost identity card on « perte, carte »
    recognition = recogniser.recognise("Déclarer la perte de sa carte bancaire")
    assert recognition.level not in _CLAIMS, recognition


@pytest.mark.parametrize(
    ("need", "procedure"),
    [
        ("j'ai perdu ma carte bancaire et ma carte vitale", "cnam.carte-vitale"),
        ("je veux demander mon départ à la retraite", "cnav.demande-retraite"),
        ("calcul indemnités journalières maladie cpam", "cnam.indemnites-journalieres"),
        # stop 40: the private mutuelle's phrases beside the C2S (constructed)
        ("C2S mutuelle gratuite", "cnam.complementaire-sante-solidaire"),
        ("complémentaire santé solidaire", "cnam.complementaire-sante-solidaire"),
        ("je n'ai pas de mutuelle, puis-je avoir la C2S ?", "cnam.complementaire-sante-solidaire"),
        ("j'ai perdu ma carte vitale et ma carte de mutuelle", "cnam.carte-vitale"),
        # the C2S named by its acronym (a lexicon expansion): « changer de mutuelle » is the
        # context of that request, not another matter (``NeedTerms._elsewhere_word``)
        ("changer de mutuelle pour la CSS", "cnam.complementaire-sante-solidaire"),
    ],
)
def test_the_head_word_still_counts_elsewhere(
    recogniser: Recogniser, need: str, procedure: str
) -> None:
    recognition = recogniser.recognise(need)
    assert recognition.level is Level.CONFIDENT, recognition
    assert recognition.best is not None
    assert recognition.best.procedure == procedure


def test_an_entry_of_one_word_is_refused() -> None:
    # one word is the head itself: it would hide every need of its matter
    data = {"elsewhere": [{"say": ["bancaire"], "source": "a source"}]}
    with pytest.raises(InputError, match=r"elsewhere\[0\]\.say: 'bancaire'"):
        Lexicon.from_data(data)


def test_an_entry_without_source_is_refused() -> None:
    with pytest.raises(InputError, match="cites its public source"):
        Lexicon.from_data({"elsewhere": [{"say": ["carte bancaire"]}]})


def test_a_procedure_naming_the_phrase_itself_is_still_reached() -> None:
    """Review 34: a plugin whose procedure is about the bank card (keywords « carte
    bancaire », « opposition carte bancaire ») lost it to ``[[elsewhere]]``, its own words
    reaching nothing. A phrase a procedure holds in its keywords or title is its own.
    The procedure is constructed (a partner's possible plugin), not a catalogue entry."""
    import attrs

    from mfs_core.registry import Registry

    registry = Registry.load(external=False)
    bank = attrs.evolve(
        registry.procedures["la-poste.reclamation"],
        id="la-poste.opposition-carte-bancaire",
        title="Faire opposition sur sa carte bancaire (La Banque Postale)",
        keywords=("carte bancaire", "opposition carte bancaire", "carte bleue"),
    )
    recogniser = Recogniser([*registry.procedures.values(), bank], registry.partners)
    for need in ("opposition carte bancaire", "ma carte bleue a été volée"):
        recognition = recogniser.recognise(need)
        assert recognition.best is not None, need
        assert recognition.best.procedure == bank.id, (need, recognition)
    # Without that procedure, the phrase still reaches nothing (the catalogue's own rule).
    alone = Recogniser(list(registry.procedures.values()), registry.partners)
    assert alone.recognise("opposition carte bancaire").level is Level.NONE


def test_a_passport_stamp_need_asks_first_request_or_renewal(recogniser: Recogniser) -> None:
    """Review 34, finding 4 (constructed): « payer le timbre fiscal du passeport par carte
    bancaire » claimed the first passport at 49 %: only its data held « timbre fiscal », though
    a renewal is paid with one too (F21091 lists R39812, « Achat en ligne du timbre fiscal -
    Passeport »). A passport need that says neither first nor renewal asks."""
    recognition = recogniser.recognise("payer le timbre fiscal du passeport par carte bancaire")
    assert recognition.level is Level.AMBIGUOUS, recognition
    asked = {c.procedure for c in recognition.candidates[: recognition.chosen]}
    assert asked == {"interieur.passeport-premiere-demande", "interieur.passeport-renouvellement"}
    said = recogniser.recognise("timbre fiscal pour renouveler mon passeport")
    assert said.best is not None
    assert said.best.procedure == "interieur.passeport-renouvellement"
