"""Situations residents describe, read as the procedure they lead to (issue-14an).

Each case is a ``lexicon.toml`` entry with its public sources: the employer's attestation
is the document of the ARE (service-public.fr F2867), « tous ses trimestres » is the
duration the taux plein asks (F14044), a stolen wallet is stolen identity papers. Before
them, « attestation » alone read the Cnav's attestation fiscale first, « trimestres » the
durée d'assurance, and « vol » the stolen driving licence. « tous les trimestres » (every
quarter) is not the taux plein. All phrasings here are *constructed* for the entries; the
accounts they were found on are corpus items (``tests/data/recognition/needs.jsonl``).
"""

from __future__ import annotations

import pytest

from mfs_core.recognition import Level, Recogniser


@pytest.mark.parametrize(
    ("need", "first"),
    [
        ("Il me faut une attestation de l'employeur pour le chômage", "france-travail.are-"),
        ("Mon employeur ne m'a pas donné l'attestation employeur", "france-travail.are-"),
        ("J'ai tous mes trimestres, est-ce que je peux partir ?", "cnav.taux-plein"),
        ("Vol de portefeuille : que faire ?", "interieur.cni-perdue"),
    ],
)
def test_a_described_situation_reads_its_procedure_first(
    recogniser: Recogniser, need: str, first: str
) -> None:
    best = recogniser.recognise(need).best
    assert best is not None, need
    assert best.procedure.startswith(first), (need, best)


def test_every_quarter_is_not_the_taux_plein(recogniser: Recogniser) -> None:
    recognition = recogniser.recognise("je déclare mes revenus tous les trimestres")
    assert recognition.level is not Level.CONFIDENT
    assert all(c.procedure != "cnav.taux-plein" for c in recognition.candidates)
