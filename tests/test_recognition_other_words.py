"""A need said in other words than the procedure's (issue 14, branch issue-14w): each general
fault the new tune paraphrases of issue-14w showed (``tests/data/recognition/items.py``, block
``issue-14w``), a lexicon entry with its public source (``recognition/data/lexicon.toml``,
section issue-14w) and a test that failed on 795378a.

Needs marked *constructed* are written for the entry, not taken from a public source; the
others are corpus items, each with its public source.
"""

from __future__ import annotations

import pytest

from mfs_core.recognition import Level, Recogniser


@pytest.mark.parametrize(
    ("need", "expected"),
    [
        # the rent that cannot be paid is the aide au logement, not the tax remise gracieuse
        # (« Impossibilité de payer son impôt ») that the negated « payer » read
        ("je ne peux plus payer mon loyer", "caf.aide-logement"),  # constructed
        ("Je n’arrive pas à payer mon loyer : comment faire ?", "caf.aide-logement"),
        # a career begun young is the carrière longue (it read the RSA: « travailler ≈ activité »)
        ("j'ai commencé à travailler à 16 ans", "cnav.carriere-longue"),  # constructed
        ("Vous avez commencé à travailler jeune.", "cnav.carriere-longue"),
        # a burglary is a complaint (it reached nothing: the catalogue says « vol », « plainte »)
        ("j'ai été cambriolé", "justice.porter-plainte"),  # constructed
        ("Quelles sont les démarches à effectuer après un cambriolage ?", "justice.porter-plainte"),
        # a reduced capacity to work is the invalidité (it read the registration, the AT)
        ("ma capacité de travail est réduite", "cnam.invalidite"),  # constructed
        ("Votre maladie a réduit votre capacité de travail ?", "cnam.invalidite"),
        # a small pension is the Aspa (it read the aide habitat, the certificat de vie)
        ("Quelles aides pour une petite retraite ?", "cnav.aspa"),  # constructed
        # the end of the unemployment benefit is the ASS (it read the sick-pay indemnités)
        ("mes indemnités chômage s'arrêtent le mois prochain", "france-travail.ass"),  # constr.
        # a paper that « a disparu » is lost (the renewal and the first request came first)
        ("mon passeport a disparu", "interieur.passeport-perdu"),  # constructed
        ("Votre passeport a disparu.", "interieur.passeport-perdu"),
        # « lever le pied » before retiring is the retraite progressive (part-time work)
        ("je voudrais lever le pied avant ma retraite", "cnav.retraite-progressive"),  # constr.
        # cancer and diabetes are the ALD (« remboursés » read the feuille de soins first)
        (
            "Cancer, diabète, hypertension... serez-vous toujours remboursés ?",
            "cnam.affection-longue-duree",
        ),
        # -- issue-14z: these failed on 3125c1b, but the one marked « guard »
        # (tests/test_recognition_other_words_14z.py: the needs it brings into the top three)
        # a change of owner is the registration of a used vehicle (« changement » read the
        # change of address first)
        (
            "Changement de propriétaire de carte grise : quelle démarche faire ?",
            "interieur.carte-grise-occasion",
        ),
        ("changement de titulaire de la carte grise", "interieur.carte-grise-occasion"),  # constr.
        # a registered letter sent online is the lettre recommandée (« internet » read the
        # online scams first)
        ("Qu'est-ce qu'un recommandé par internet ?", "la-poste.lettre-recommandee"),
        ("envoyer un recommandé en ligne", "la-poste.lettre-recommandee"),  # constr., guard
        # the pension de vieillesse is the retirement (« vieillesse ≈ âgée » read the taux plein)
        ("départ pension vieillesse", "cnav.demande-retraite"),
        # the pension funds one paid into are on the relevé de carrière (« connaître » read
        # the attestation fiscale)
        ("Comment connaître ses caisses de retraite ?", "cnav.releve-de-carriere"),
        # a licence named by its country is the exchange of a foreign licence (the aide au
        # permis came first)
        ("Peut-on conduire avec un permis algérien en France ?", "interieur.permis-etranger"),
        ("mon permis tunisien est-il valable ?", "interieur.permis-etranger"),  # constructed
    ],
)
def test_the_need_in_other_words_reads_as_its_procedure(
    recogniser: Recogniser, need: str, expected: str
) -> None:
    best = recogniser.recognise(need).best
    assert best is not None, need
    assert best.procedure == expected, need


def test_retiring_before_the_legal_age_is_not_the_full_rate(recogniser: Recogniser) -> None:
    # « partir à la retraite avant l'âge légal » was a confident claim of the taux plein
    # (« âge », « légal »), the opposite of what is asked: it is the early retirement
    recognition = recogniser.recognise(
        "Est-ce possible de partir à la retraite avant l’âge légal ?"
    )
    best = recognition.best
    assert best is not None
    assert best.procedure == "cnav.carriere-longue"
    assert all(c.procedure != "cnav.taux-plein" for c in recognition.candidates[:1]), (
        recognition.candidates
    )


@pytest.mark.parametrize(
    ("need", "expected"),
    [
        # constructed guards: the entries leave these as they were
        ("Je ne peux pas payer mes impôts", "dgfip.remise-gracieuse"),
        ("demande d'allocation chômage", "france-travail.are-avant-avril-2025"),
    ],
)
def test_the_neighbouring_needs_keep_their_procedure(
    recogniser: Recogniser, need: str, expected: str
) -> None:
    recognition = recogniser.recognise(need)
    assert recognition.best is not None
    assert expected in [c.procedure for c in recognition.candidates[:2]], need
    if expected == "dgfip.remise-gracieuse":
        assert recognition.level is Level.CONFIDENT
