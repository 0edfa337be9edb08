"""The mayor's view: ``mfs report --site-name --trend --national DATASET --site ID`` names
the site, shows its last 12 months, and puts it beside its département and France."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from mfs_core.cli import main
from mfs_core.french import decimal, percent
from mfs_core.journal import open_journal
from mfs_core.national.engine_duckdb import national_reports
from mfs_core.report import build_report
from national.conftest import NationalYear
from national.year import MONTHS


def _report(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["report", "--month", "2024-06", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_text_view(
    national_year: NationalYear, capsys: pytest.CaptureFixture[str], clean_env: None
) -> None:
    site = national_year.sites[0]  # Saint-Jean-de-Luz, in the Pyrénées-Atlantiques with Pau
    code, out, err = _report(
        capsys, "--journal", site.url, "--site-name", "France services de Saint-Jean-de-Luz",
        "--trend", "--national", str(national_year.consolidated), "--site", site.site.id,
    )  # fmt: skip
    assert code == 0, err
    assert out.startswith("Site : France services de Saint-Jean-de-Luz\n")
    trend = out[out.index("Sur 12 mois :") :].split("\n\n")[0].splitlines()[2:]
    with open_journal(site.url, read_only=True) as journal:
        june = build_report(journal, MONTHS[5])
    assert len(trend) == 12
    # Before the journal's first request: no data, not zero requests (review 15e, r11).
    assert [re.split(r"\s{2,}", line.strip()) for line in trend[:1]] == [
        ["juillet 2023", "—", "—", "—"]
    ]
    assert re.split(r"\s{2,}", trend[-1].strip()) == [
        "juin 2024", decimal(june.total_requests),
        percent(june.first_contact_resolution_rate), percent(june.autonomy_rate),
    ]  # fmt: skip
    [national] = national_reports([national_year.consolidated], [MONTHS[5]])
    lines = out[out.index("Comparaison — juin 2024 :") :].splitlines()[2:5]
    rows = [re.split(r"\s{2,}", line.strip()) for line in lines]
    assert [row[:2] for row in rows] == [
        ["ce site (saint-jean-de-luz)", decimal(june.total_requests)],
        ["département 64 Pyrénées-Atlantiques (2 sites)",
         decimal(national.by_departement["64"].total_requests)],
        ["France (5 sites)", decimal(national.national.total_requests)],
    ]  # fmt: skip
    assert "Attention" not in out  # the journal and the dataset agree


def test_a_journal_beside_another_sites_figures_is_said(
    national_year: NationalYear, capsys: pytest.CaptureFixture[str], clean_env: None
) -> None:
    """Review 15e, r7: the head counted one site's journal, « ce site » another site's
    figures (or an old export's), without a word."""
    mine, other = national_year.sites[0], national_year.sites[1]
    with open_journal(mine.url, read_only=True) as journal:
        june = build_report(journal, MONTHS[5])
    [national] = national_reports([national_year.consolidated], [MONTHS[5]])
    theirs = national.by_site[other.site.id].total_requests
    assert theirs != june.total_requests
    warning = (
        f"Attention : le jeu national indique {decimal(theirs)} demandes pour ce site ce "
        f"mois-ci, le journal {decimal(june.total_requests)} (export ancien ou autre site ?)"
    )
    args = ["--journal", mine.url, "--national", str(national_year.consolidated)]
    code, out, err = _report(capsys, *args, "--site", other.site.id)
    assert code == 0, err
    assert out.endswith(f"\n{warning}\n")
    code, out, err = _report(capsys, *args, "--site", other.site.id, "--format", "html")
    assert code == 0, err
    assert f'<p class="warning">{html.escape(warning)}</p>' in out


def test_html_view(
    national_year: NationalYear, capsys: pytest.CaptureFixture[str], clean_env: None
) -> None:
    site = national_year.sites[1]
    code, out, _ = _report(
        capsys, "--journal", site.url, "--format", "html", "--site-name", "Pau <centre>",
        "--trend", "--national", str(national_year.consolidated), "--site", site.site.id,
    )  # fmt: skip
    assert code == 0
    assert f"<title>Activité France services — {html.escape('Pau <centre>')} — juin 2024" in out
    assert "<h2>Sur 12 mois</h2>" in out
    assert out.count('<th scope="row">') == 12 + 3
    assert "Pau <centre>" not in out  # escaped


def test_view_errors(
    national_year: NationalYear, capsys: pytest.CaptureFixture[str], clean_env: None
) -> None:
    site = national_year.sites[0]
    cases = [
        (["--national", str(national_year.consolidated)], "--national needs --site ID"),
        (["--trend", "--format", "json"], "--trend and --national are for --format text or html"),
        (["--national", str(national_year.consolidated), "--site", "nope"], "--site: nope: no"),
        (["--site", site.site.id], "--site is for --national DATASET"),  # not ignored
    ]  # fmt: skip
    for args, message in cases:
        code, out, err = _report(capsys, "--journal", site.url, *args)
        assert code == 2
        assert out == ""
        assert message in err


def test_site_name_controls_are_escaped_in_html_as_in_text(
    national_year: NationalYear, capsys: pytest.CaptureFixture[str], clean_env: None
) -> None:
    """ESC, BEL, U+202E (right-to-left override) and U+2028 in ``--site-name`` are shown as
    escapes in the page's <title> and <h1>, as the text format shows them."""
    site = national_year.sites[0]
    name = "Pau\x1b[2J\x07\u202eerdnaL\u2028x"
    shown = "Pau\\x1b[2J\\x07\\u202eerdnaL\\u2028x"
    pages = {}
    for fmt in ("text", "html"):
        code, out, _ = _report(capsys, "--journal", site.url, "--format", fmt, "--site-name", name)
        assert code == 0
        pages[fmt] = out
    assert f"Site : {shown}\n" in pages["text"]
    assert f"<title>Activité France services — {shown} — juin 2024</title>" in pages["html"]
    assert f"<h1>Activité France services — {shown} — juin 2024</h1>" in pages["html"]
    for active in "\x1b\x07\u202e\u2028":
        assert active not in pages["html"]


def test_ignored_partition_files_are_said_in_the_mayors_view(
    national_year: NationalYear, tmp_path: Path, capsys: pytest.CaptureFixture[str], clean_env: None
) -> None:
    import shutil

    nat = tmp_path / "national"
    shutil.copytree(national_year.consolidated, nat)
    (nat / "month=2024-06" / "copy.parquet").write_bytes(b"")
    site = national_year.sites[0]
    code, _, err = _report(
        capsys, "--journal", site.url, "--national", str(nat), "--site", site.site.id
    )
    assert code == 0
    assert err.startswith("mfs : attention : 1 élément ignoré dans les partitions"), err
    assert "Warning" not in err


def test_trend_shows_no_data_before_the_journal_and_zero_after(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    clean_env: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Review 15e (r11): a month before the journal began printed « 0 » requests, as if the
    site had been open and idle. It is « — » (no data); a month without requests after the
    journal began stays 0."""
    monkeypatch.setenv("MFS_PSEUDONYM_SECRET", "test-secret-0123456789")
    journal = f"sqlite:///{tmp_path / 'j.sqlite3'}"
    june = (
        Path(__file__).resolve().parents[2]
        / "examples"
        / "journal"
        / "saint-jean-de-luz-2023-06.jsonl"
    )
    assert main(["journal", "add", "--journal", journal, str(june)]) == 0
    capsys.readouterr()
    assert main(["report", "--month", "2023-08", "--journal", journal, "--trend"]) == 0
    out = capsys.readouterr().out
    rows = out[out.index("Sur 12 mois :") :].split("\n\n")[0].splitlines()[2:]
    cells = {row[0]: row[1:] for row in (re.split(r"\s{2,}", line.strip()) for line in rows)}
    assert cells["mai 2023"] == ["—", "—", "—"]
    assert cells["juin 2023"][0] == "400"
    assert cells["juillet 2023"] == ["0", "—", "—"]  # after the first request: a real zero
    assert [cells[m][0] for m in cells].count("—") == 9  # September 2022 to May 2023
