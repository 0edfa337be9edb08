"""The national report's text as a mayor reads it (issue 15z): counts agree with their
number, and a breakdown shown whole is not headed « (1 premiers sur 1) »."""

from __future__ import annotations

import datetime as dt

from mfs_core.national.indicators import Indicators, NationalReport
from mfs_core.national.text import TOP, to_text


def _report(partners: int) -> NationalReport:
    """One site in Pyrénées-Atlantiques: one request, an appointment held, on one channel,
    and ``partners`` partners of one request each (counts only: no data of a person)."""
    figures = Indicators(
        sites=1,
        by_outcome={"appointment": 1},
        by_autonomy={},
        by_decision={},
        by_follow_up={"appointment_held": 1},
        outcome_differs_by_decision={},
        identified=0,
        repeat_visits=0,
        by_partner={f"partner-{n:02d}": 1 for n in range(partners)},
        by_procedure={},
        by_thematique={},
        by_channel={"counter": 1},
    )
    return NationalReport(
        month=dt.date(2024, 6, 1),
        national=figures,
        by_region={"75": figures},
        by_departement={"64": figures},
        by_site={"saint-jean-de-luz": figures},
        places={"saint-jean-de-luz": ("64", "75")},
    )


def test_counts_agree_and_whole_breakdowns_are_not_cut() -> None:
    """Was « Rendez-vous : 1 pris, 1 honorés » and « Par canal (1 premiers sur 1) »."""
    lines = to_text(_report(partners=2)).splitlines()
    assert "Rendez-vous : 1 pris, 1 honoré" in lines
    assert "Par canal :" in lines
    assert "Par partenaire :" in lines
    assert not any("premiers sur" in line for line in lines)


def test_a_cut_breakdown_says_how_many_are_shown() -> None:
    lines = to_text(_report(partners=TOP + 2)).splitlines()
    assert f"Par partenaire ({TOP} premiers sur {TOP + 2}) :" in lines


def test_the_text_shows_what_the_docs_promise() -> None:
    """Review 15f, L9: docs/national.md promises partner, procedure, thematique and
    channel; the text had no thematique. Labels as in the per-site report; a cut list of
    a feminine noun says « premières »; a count agrees with 0 (« 0 sur 0 renseignée »)."""
    import attrs

    from mfs_core.thematiques import THEMATIQUE_LABELS

    report = _report(partners=1)
    internet = "numerique--acceder-a-une-connexion-internet"
    thematiques = {internet: 5} | {f"thematique-{n:02d}": 1 for n in range(TOP + 1)}
    national = attrs.evolve(report.national, by_thematique=thematiques)
    lines = to_text(attrs.evolve(report, national=national)).splitlines()
    heads = [line for line in lines if line.startswith("Par ") and line.endswith(" :")]
    head = f"Par thématique ({TOP} premières sur {TOP + 2}) :"
    assert heads[:3] == ["Par partenaire :", head, "Par canal :"]
    assert lines[lines.index(head) + 1].split() == [*THEMATIQUE_LABELS[internet].split(), "5"]
    assert "Vers l'autonomie : 0 sur 0 renseignée (—)" in lines
