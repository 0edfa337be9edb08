"""``scripts/fresh_sample_overlap.py``: a fresh sample's candidates checked against every text
recognition has seen (the catalogue, the corpus, the fresh samples it may open), and the
service-public.fr sample of corpus-14bg kept apart from them."""

from __future__ import annotations

import csv
from pathlib import Path
from types import ModuleType

import pytest
from rapidfuzz import fuzz, process

from mfs_test_support import load_script

ROOT = Path(__file__).parents[1]
FRESH = ROOT / "tests" / "data" / "recognition" / "fresh"


@pytest.fixture(scope="module")
def overlap() -> ModuleType:
    return load_script("fresh_sample_overlap", ROOT / "scripts" / "fresh_sample_overlap.py")


def test_texts_are_folded_without_case_accents_or_punctuation(overlap: ModuleType) -> None:
    assert (
        overlap.fold("Élections consulaires 2020 : l’été ?") == "elections consulaires 2020 l ete"
    )


def test_the_blind_sample_is_never_among_the_references(overlap: ModuleType) -> None:
    # review-14l.tsv is measured blind: the script names the samples it opens, never globs.
    assert "review-14l.tsv" not in overlap.SAMPLES
    places = {where for _, where in overlap.reference_texts()}
    assert "review-14l.tsv" not in places
    assert {"needs.jsonl", *overlap.SAMPLES} <= places


def test_a_catalogue_question_is_seen_and_a_new_title_kept(
    overlap: ModuleType,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    candidates = tmp_path / "candidates.tsv"
    # The first is caf.aah's question with other punctuation and case (service-public.fr
    # F12911's title in dossier N12230 reads « Le complément de ressources existe-t-il
    # toujours ? », the catalogue's « Handicap : … »); the second is N18918's F35345.
    candidates.write_text(
        "title\nhandicap - le complement de ressources existe t il toujours\n"
        "Est-il interdit de faire des appels de phare ?\n",
        encoding="utf-8",
    )
    kept = tmp_path / "kept.tsv"
    monkeypatch.setattr(
        "sys.argv", ["fresh_sample_overlap.py", str(candidates), "--kept", str(kept)]
    )
    overlap.main()
    out = capsys.readouterr().out
    assert "catalogue caf.aah" in out
    assert "2 candidates, 1 seen, 1 kept" in out
    with kept.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert [row["title"] for row in rows] == ["Est-il interdit de faire des appels de phare ?"]


def test_a_missing_candidates_file_is_one_line_and_exit_2(
    overlap: ModuleType,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("sys.argv", ["fresh_sample_overlap.py", str(tmp_path / "none.tsv")])
    with pytest.raises(SystemExit) as stop:
        overlap.main()
    assert stop.value.code == 2
    assert capsys.readouterr().err.startswith("error: ")


def test_the_service_public_sample_is_apart_from_every_text_seen(overlap: ModuleType) -> None:
    """No need of service-public-14bg.tsv is near (ratio > 85) a catalogue text, a corpus
    text or a text of the fresh samples the script opens: it stays a never-tuned measure."""
    with (FRESH / "service-public-14bg.tsv").open(encoding="utf-8", newline="") as handle:
        needs = [row["need"] for row in csv.DictReader(handle, delimiter="\t")]
    assert len(needs) == 198
    references = [overlap.fold(text) for text, _ in overlap.reference_texts()]
    near = [
        need
        for need in needs
        if (found := process.extractOne(overlap.fold(need), references, scorer=fuzz.ratio))
        and found[1] > overlap.NEAR
    ]
    assert near == []
