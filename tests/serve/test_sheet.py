"""The take-home sheet: its content, one A4 page for every built-in procedure, and its QR
code read back from the rendered PDF to the official URL (zxing-cpp), through ``mfs sheet``
and through the HTTP service."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pypdfium2
import pytest
import zxingcpp

from mfs_core.cli import main
from mfs_core.compliance.site import load_site
from mfs_core.officialsites import classify
from mfs_core.registry import Registry
from mfs_core.sheet import FREE_WARNING, Sheet, build_sheet, to_html, to_pdf

from .live import LiveServer

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "examples" / "sites" / "saint-jean-de-luz.toml"
A4_POINTS = (595, 842)  # 210 x 297 mm at 72 points an inch, rounded


@pytest.fixture(scope="module", autouse=True)
def _weasyprint() -> None:
    """WeasyPrint needs Pango (``.ci/setup.d/35-weasyprint.sh``): skipped locally without
    it, failed in CI."""
    try:
        import weasyprint  # noqa: F401
    except OSError as exc:
        message = f"WeasyPrint cannot load its system libraries ({exc})"
        if os.environ.get("CI"):
            pytest.fail(f"{message}; CI must run every test")
        pytest.skip(message)


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry.load(builtins=True, external=False)


def decoded_qr(pdf: bytes) -> list[str]:
    """The QR codes zxing-cpp reads on the PDF's pages, rendered at 200 dpi."""
    document = pypdfium2.PdfDocument(pdf)
    found = []
    for page in document:
        image = page.render(scale=200 / 72).to_pil()
        found += [
            r.text
            for r in zxingcpp.read_barcodes(image)
            if r.format == zxingcpp.BarcodeFormat.QRCode
        ]
    return found


def test_sheet_content(registry: Registry) -> None:
    sheet = build_sheet(registry, "justice.casier-judiciaire-b3", site=load_site(SITE))
    assert sheet.official_url == "https://casier-judiciaire.justice.gouv.fr/"
    assert sheet.fiche_url == "https://www.service-public.fr/particuliers/vosdroits/F1420"
    assert sheet.documents == registry.procedures["justice.casier-judiciaire-b3"].documents
    assert sheet.site_name == "France services du CCAS de Saint-Jean-de-Luz"
    assert [day for day, _ in sheet.hours] == ["lundi", "mardi", "mercredi", "jeudi", "vendredi"]
    html = to_html(sheet)
    assert 'lang="fr"' in html
    assert FREE_WARNING.split(".")[0] in html
    assert "data:image/svg+xml" in html
    assert "http://" not in html.replace("http://www.w3.org", "")  # nothing loaded from elsewhere


def test_every_sheet_has_an_official_address(registry: Registry) -> None:
    for procedure in registry.procedures:
        sheet = build_sheet(registry, procedure)
        assert sheet.official_url is not None, procedure
        assert classify(sheet.official_url, registry).official, procedure


def _length(sheet: Sheet) -> int:
    """A measure of how much a sheet prints (characters of its variable parts)."""
    return len(sheet.title) + len(sheet.official_url or "") + sum(map(len, sheet.documents))


def test_the_fullest_sheets_fit_one_a4_page(registry: Registry) -> None:
    # Laying a sheet out takes about a second: the three that print the most, with the
    # founding site's name and hours, stand for all (all 100 fit, checked when written).
    site = load_site(SITE)
    sheets = sorted((build_sheet(registry, p, site=site) for p in registry.procedures), key=_length)
    for sheet in sheets[-3:]:
        document = pypdfium2.PdfDocument(to_pdf(sheet))
        assert len(document) == 1, sheet.procedure
        width, height = document[0].get_size()
        assert (round(width), round(height)) == A4_POINTS


def test_cli_sheet_pdf_qr_decodes_to_the_official_url(registry: Registry, tmp_path: Path) -> None:
    out = tmp_path / "fiche.pdf"
    assert main(["sheet", "cnam.carte-vitale", "--format", "pdf", "--output", str(out)]) == 0
    expected = build_sheet(registry, "cnam.carte-vitale").official_url
    assert decoded_qr(out.read_bytes()) == [expected]


def test_cli_sheet_html_to_stdout_and_unknown_id(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sheet", "cnam.carte-vitale", "--site", str(SITE)]) == 0
    html = capsys.readouterr().out
    assert "Carte Vitale" in html
    assert "Saint-Jean-de-Luz" in html
    assert main(["sheet", "cnam.nope"]) == 2
    assert "unknown procedure 'cnam.nope'" in capsys.readouterr().err


def test_cli_sheet_pdf_to_a_pipe() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mfs_core.cli", "sheet", "caf.rsa", "--format", "pdf"],
        capture_output=True, check=True,
    )  # fmt: skip
    assert result.stdout.startswith(b"%PDF-")
    assert decoded_qr(result.stdout)


def test_http_sheet_pdf_and_html(server: LiveServer, registry: Registry) -> None:
    expected = build_sheet(registry, "interieur.cni-premiere-demande").official_url
    with server.client() as client:
        pdf = client.get(
            "/procedures/interieur.cni-premiere-demande/sheet", params={"format": "pdf"}
        )
        assert pdf.headers["content-type"] == "application/pdf"
        assert decoded_qr(pdf.content) == [expected]
        html = client.get(
            "/procedures/interieur.cni-premiere-demande/sheet", headers={"accept": "text/html"}
        )
        assert html.headers["content-type"].startswith("text/html")
        assert "default-src 'none'" in html.headers["content-security-policy"]
        assert "Carte d&#39;identité" in html.text or "Carte d'identité" in html.text
