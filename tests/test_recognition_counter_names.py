"""The usual names of procedures and partners, as sourced data (stop 39, task S3).

Short needs name a procedure or a partner by a word the catalogue did not hold:
« congé maladie » and « mensualisation » reached nothing; « Finances publiques » (the
DGFiP) said nothing of its partner; « passerelle A2 vers A » (the A2 → A
training, F31119) found no permit procedure. Each is now a keyword of its procedure
(``dgfip.toml``) or a lexicon entry (``data/lexicon.toml``), with its public source. The
needs below are headings and titles of those public sources (named per case), not corpus
phrasings, or the class's near misses, which must not move. « carte vitale européenne »
(the CEAM) is left out: see ``docs/recognition.md``.
"""

from __future__ import annotations

import pytest

from mfs_core.recognition import Level, Recogniser, Recognition

ARRET_MALADIE = "cnam.arret-maladie-demarches"
PAIEMENT = "dgfip.paiement-en-ligne"
CATEGORIE = "interieur.permis-categorie"


def shown(recognition: Recognition) -> list[str]:
    """The procedures the router shows: the claim, the question's candidates or the
    suggestions (as ``scripts/evaluate_recognition.py`` counts them); none for ``none``."""
    if recognition.level is Level.NONE:
        return []
    return [c.procedure for c in recognition.candidates[: max(recognition.chosen, 1)]]


@pytest.mark.parametrize(
    ("need", "procedure"),
    [
        # F34711's title (its online service is this procedure's R2771)
        ("Impôts locaux : comment payer par mensualisation ?", PAIEMENT),
        ("mensualisation", PAIEMENT),
        # a heading of actu-auto-buzz.fr's guide; easymonneret.com: « La passerelle A2 vers A »
        ("Comprendre la passerelle A2 vers A", CATEGORIE),
        ("La passerelle A2 vers A", CATEGORIE),
    ],
)
def test_a_usual_name_claims_its_procedure(
    recogniser: Recogniser, need: str, procedure: str
) -> None:
    recognition = recogniser.recognise(need)
    assert recognition.level is Level.CONFIDENT, recognition
    assert recognition.candidates[0].procedure == procedure


@pytest.mark.parametrize(
    "need",
    [
        "Qu'est-ce qu'un congé maladie ?",  # dhm-ressources.com's heading
        "Le congé maladie du salarié",  # legalife.fr's guide title
        "congé de maladie",
    ],
)
def test_conge_maladie_shows_the_arret_maladie(recogniser: Recogniser, need: str) -> None:
    recognition = recogniser.recognise(need)
    assert recognition.candidates[0].procedure == ARRET_MALADIE
    assert ARRET_MALADIE in shown(recognition), recognition


@pytest.mark.parametrize(
    ("need", "procedure"),
    [
        # impots.gouv.fr's button: « Connexion à l'espace Finances publiques »
        ("Connexion à l'espace Finances publiques", "dgfip.espace-particulier"),
    ],
)
def test_the_dgfip_s_names_show_its_procedure(
    recogniser: Recogniser, need: str, procedure: str
) -> None:
    recognition = recogniser.recognise(need)
    assert recognition.candidates[0].procedure == procedure
    assert procedure in shown(recognition), recognition


@pytest.mark.parametrize("need", ["finances publiques", "DGFiP"])
def test_the_dgfip_s_name_alone_names_only_the_partner(recogniser: Recogniser, need: str) -> None:
    recognition = recogniser.recognise(need)
    assert recognition.partner_only == "dgfip", recognition


@pytest.mark.parametrize(
    ("need", "procedure"),
    [
        # paying the taxe foncière by the month is still the taxe foncière's
        ("mensualiser ma taxe foncière", "dgfip.taxe-fonciere"),
        ("ajouter une catégorie sur mon permis", CATEGORIE),
    ],
)
def test_the_neighbours_keep_their_claim(recogniser: Recogniser, need: str, procedure: str) -> None:
    recognition = recogniser.recognise(need)
    assert recognition.level is Level.CONFIDENT, recognition
    assert recognition.candidates[0].procedure == procedure


@pytest.mark.parametrize(
    ("need", "procedure"),
    [
        # other leaves than the arrêt maladie (F18089: the CLM is a public servant's)
        ("congé maternité", ARRET_MALADIE),
        ("congé parental", ARRET_MALADIE),
        ("congé de longue maladie", ARRET_MALADIE),
        # other bridges than the A2 → A training
        ("passerelle vers l'emploi", CATEGORIE),
        ("contrat passerelle", CATEGORIE),
        ("formation passerelle aide-soignante", CATEGORIE),
        ("passerelle", CATEGORIE),
        # the French level A2 a titre de séjour asks for
        ("niveau A2 de français pour la carte de résident", CATEGORIE),
        # the wage's mensualisation (loi n° 78-49): labour law, no procedure
        ("mensualisation du salaire", PAIEMENT),
    ],
)
def test_near_misses_do_not_show_it(recogniser: Recogniser, need: str, procedure: str) -> None:
    assert procedure not in shown(recogniser.recognise(need))


@pytest.mark.parametrize("need", ["Bercy Arena", "concert à Bercy"])
def test_bercy_the_place_alone_shows_nothing(recogniser: Recogniser, need: str) -> None:
    recognition = recogniser.recognise(need)
    assert recognition.level is Level.NONE, recognition


@pytest.mark.parametrize(
    ("need", "procedure"),
    [
        ("j'ai perdu ma carte d'identité à la gare de Bercy", "interieur.cni-perdue"),
        ("Mme Bercy a perdu sa carte vitale", "cnam.carte-vitale"),
    ],
)
def test_bercy_is_no_partner_hint(recogniser: Recogniser, need: str, procedure: str) -> None:
    """« Bercy » is no DGFiP hint (the lead, stop 39): a place or a surname said beside
    another partner's subject must not halve that partner's confidence."""
    assert procedure in shown(recogniser.recognise(need))
