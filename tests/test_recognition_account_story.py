"""A long account whose one claiming clause tells a detail of the story, while the whole
names another procedure: the whole is kept (issue-14bp).

A resident's account of 12 meaningful words or more whose whole claims nothing is read
sentence by sentence; when one clause only claims, its recognition was the need's (shown,
never decided on: issue-14az). A clause that tells, not asks, is often a detail of the
story (« … il nous a laissé sa carte d'identité »: the identity-card question asked for a
recommandé to collect); when the whole names something itself (``weak``) and puts another
procedure first, the whole is kept. A clause that asks, or whose claim is the whole's
first candidate too, keeps its reading.

The accounts are constructed (marked), but one: a resident quoted by France Bleu (review
14i, also in tests/test_recognition_account_claims.py).
"""

from __future__ import annotations

from mfs_core.recognition import Level, Recogniser, Recognition

# Constructed: a story of a recommandé to collect; its last clause tells whose card it is.
_STORY = (
    "Mon patron nous a prévenus hier soir : il faudra vite récupérer sa lettre de "
    "licenciement dès demain. Ce sera un recommandé, "
)


def _chosen(recognition: Recognition) -> list[str]:
    return [c.procedure for c in recognition.candidates[: max(recognition.chosen, 1)]]


def test_a_clause_that_tells_gives_way_to_the_whole(recogniser: Recogniser) -> None:
    """Constructed. Before: the identity-card clause's question (« ambiguous », the three
    identity-card procedures); now the whole's suggestions, the recommandé first."""
    recognition = recogniser.recognise(_STORY + "mon mari a gardé sa carte d'identité.")
    assert recognition.level is Level.WEAK, recognition.level
    assert recognition.best is not None
    assert recognition.best.procedure == "la-poste.lettre-recommandee"
    assert recognition.withheld is None  # the whole's own reading, no clause's


def test_a_real_account_the_clause_misread(recogniser: Recogniser) -> None:
    """review-14i: a resident quoted by France Bleu, https://www.francebleu.fr/infos/
    societe/l-augmentation-de-la-prime-d-activite-attire-du-monde-a-la-caf-de-la-haute-
    garonne-1546621319 (the prime d'activité). Before: the clause « le simulateur m'a
    répondu … » showed the simulateur d'impôt first; the whole names the prime d'activité."""
    recognition = recogniser.recognise(
        "J'ai fait la simulation sur internet pour voir si je pouvais bénéficier de la prime "
        "d'activité, mais le simulateur m'a répondu que je n'y avais pas droit. Donc je "
        "préfère venir voir les agents à la CAF."
    )
    assert recognition.level is Level.WEAK, recognition.level
    assert recognition.best is not None
    assert recognition.best.procedure == "caf.prime-activite"


def test_a_clause_that_asks_keeps_its_reading(recogniser: Recogniser) -> None:
    """Constructed: the same story, its last sentence asks about the card: the request."""
    recognition = recogniser.recognise(
        _STORY.rstrip(", ") + ". Comment refaire sa carte d'identité ?"
    )
    assert recognition.level is Level.AMBIGUOUS, recognition.level
    assert set(_chosen(recognition)) >= {"interieur.cni-perdue", "interieur.cni-renouvellement"}


def test_a_clause_the_whole_agrees_with_keeps_its_reading(recogniser: Recogniser) -> None:
    """Constructed: the whole names the carte Vitale too (a keyword said whole): the
    clause's reading, at its own confidence, is kept, and says why it is only shown."""
    recognition = recogniser.recognise(
        "Hier soir nous avons fêté l'anniversaire de ma grand-mère avec toute la famille, "
        "les cousins, les oncles et les tantes. Au retour, carte vitale perdue."
    )
    assert recognition.level is Level.WEAK, recognition.level
    assert recognition.withheld == "account"
    assert recognition.best is not None
    assert recognition.best.procedure == "cnam.carte-vitale"
    assert recognition.best.confidence == 1.0
