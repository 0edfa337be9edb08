"""The check's summary as a mayor or a CI reader reads it (issue 15z): the sites by verdict
apart, each count agreed with its number (French: singular for 0 and 1), and the
collectivités d'outre-mer under a name of their own in the ANCT list's région breakdown
rather than under « ? », kept for a code that cannot be placed."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from mfs_core.compliance.anct import check_anct_csv
from mfs_core.compliance.formats import render
from mfs_core.compliance.report import Report
from mfs_core.compliance.runner import Runner

from .conftest import ANCT_SAMPLE, EXAMPLES


def _sites(runner: Runner, *names: str) -> Report:
    files = [EXAMPLES / f"{name}.toml" for name in names]
    return Report(
        results=tuple(runner.check_files(files)), catalogue=runner.catalogue, as_of=runner.as_of
    )


def _summary_line(text: str) -> str:
    return next(line for line in text.splitlines() if line.startswith("Résumé"))


def test_the_summary_says_each_verdict_apart(runner: Runner) -> None:
    """Was « 4 non conforme(s) ou indéterminé(s) ; 11 erreur(s) … 1 couvert(s) par une
    dérogation »: the JSON's by_verdict counted apart, in words that agree."""
    names = ("bourg-pause-dejeuner", "bus-du-plateau", "petite-mairie")
    report = _sites(runner, *names, "saint-jean-de-luz", "vallee-montagne")
    assert _summary_line(render(report, "text")) == (
        "Résumé : 5 sites (1 conforme, 4 non conformes, 0 indéterminé) ; 11 erreurs, "
        "4 avertissements, 0 info, 1 constat couvert par une dérogation"
    )
    one = _sites(runner, "saint-jean-de-luz")
    assert _summary_line(render(one, "text")) == (
        "Résumé : 1 site (1 conforme, 0 non conforme, 0 indéterminé) ; 0 erreur, "
        "1 avertissement, 0 info, 0 constat couvert par une dérogation"
    )
    markdown = render(report, "markdown").splitlines()[2]
    assert (
        markdown == "5 sites contrôlés le 27/11/2026 : 1 conforme, 4 non conformes, 0 indéterminé."
    )
    assert render(one, "markdown").splitlines()[2].startswith("1 site contrôlé le 27/11/2026 : ")


def test_the_anct_summary_says_undetermined_sites_apart(runner: Runner) -> None:
    """The sample's 18 rows: 5 with an error, 13 undecided (never « 18 non conforme(s) ou
    indéterminé(s) »); a site's days, the groups' sites and the unknown checks agree."""
    report = Report(
        results=tuple(check_anct_csv(ANCT_SAMPLE, runner)),
        catalogue=runner.catalogue,
        as_of=runner.as_of,
        national=True,
    )
    text = render(report, "text")
    assert _summary_line(text).startswith(
        "Résumé : 18 sites (0 conforme, 5 non conformes, 13 indéterminés) ; 7 erreurs, "
        "21 avertissements, "
    )
    assert ": indéterminé — 28 h 30 par semaine, 5 jours\n" in text
    assert "\n  label.staffing : 0 en échec, 18 inconnus\n" in text
    assert "\n  label.weekly-hours : 3 en échec, 0 inconnu\n" in text
    assert "\n  94 Corse : 1 site ; en échec : " in text
    assert "\n  2B Haute-Corse : 1 site ; en échec : " in text
    assert "\n  01 Ain : 2 sites ; en échec : aucun\n" in text
    summary = text[text.index("\nRésumé") :]
    assert "(s)" not in summary.replace("Fixe_antenne(s)", "")  # an ANCT format's name


def _list_with(tmp_path: Path, codes: list[tuple[str, str]]) -> Path:
    """The sample's first row (Valserhône) once per (``insee_dep``, ``insee_com``)."""
    with ANCT_SAMPLE.open(encoding="utf-8", newline="") as handle:
        first = next(csv.DictReader(handle))
    path = tmp_path / "list.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(first))
        writer.writeheader()
        writer.writerows(
            dict(first, id_fs=str(n), insee_dep=dep, insee_com=insee)
            for n, (dep, insee) in enumerate(codes, 1)
        )
    return path


def test_collectivites_d_outre_mer_are_named_not_unplaced(tmp_path: Path, runner: Runner) -> None:
    """Nouméa (988) and Saint-Martin (978) have no région by law (COG): they were counted
    under région « ? » with any code that cannot be placed (99)."""
    codes = [("64", "64483"), ("988", "98818"), ("978", "97801"), ("99", "99001")]
    path = _list_with(tmp_path, codes)
    skipped: list[str] = []
    report = Report(
        results=tuple(check_anct_csv(path, runner, skipped=skipped)),
        catalogue=runner.catalogue,
        as_of=runner.as_of,
        national=True,
    )
    assert skipped == []
    summary = json.loads(render(report, "json"))["summary"]
    assert {key: group["sites"] for key, group in summary["by_region"].items()} == {
        "75": 1,
        "COM": 2,
        "?": 1,
    }
    assert list(summary["by_departement"]) == ["64", "978", "988", "99"]
    text = render(report, "text")
    regions = text.split("Par région :\n")[1].split("Par département :\n")
    assert [line.split(" : ")[0] for line in regions[0].splitlines()] == [
        "  75 Nouvelle-Aquitaine",
        "  ?",
        "  Collectivités d'outre-mer (sans région)",
    ]  # the JSON's order: keys sorted
    assert [line.split(" : ")[0] for line in regions[1].splitlines()][:4] == [
        "  64 Pyrénées-Atlantiques",
        "  978 Saint-Martin",
        "  988 Nouvelle-Calédonie",
        "  99",
    ]
