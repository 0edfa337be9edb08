"""`mfs url`: the JSON contract and the exit codes."""

from __future__ import annotations

import json

import pytest

from mfs_core.cli import main


@pytest.fixture(autouse=True)
def _builtins_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MFS_PLUGINS_ENABLE", "no-external-plugin-at-all")


@pytest.mark.parametrize(
    ("url", "code", "verdict", "partner"),
    [
        ("https://cfspart.impots.gouv.fr/LoginMDP", 0, "partner", "dgfip"),
        ("https://www.service-public.fr/", 0, "public", None),
        ("https://impots-gouv.fr/", 1, "unofficial", None),
        ("https://ameli.fr@evil.com/", 1, "unofficial", None),
    ],
)
def test_json_contract(
    capsys: pytest.CaptureFixture[str], url: str, code: int, verdict: str, partner: str | None
) -> None:
    assert main(["url", url, "--format", "json"]) == code
    document = json.loads(capsys.readouterr().out)
    assert set(document) == {"url", "verdict", "partner", "reason"}
    assert document["url"] == url
    assert (document["verdict"], document["partner"]) == (verdict, partner)
    assert document["reason"]


def test_text_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["url", "https://www.ameli.fr"]) == 0
    assert capsys.readouterr().out.startswith(
        "site officiel d'un partenaire : www.ameli.fr relève du domaine officiel ameli.fr du "
        "partenaire Assurance maladie"
    )


def test_an_operator_is_named_with_safe_french(capsys: pytest.CaptureFixture[str]) -> None:
    """Found by the #12 review: "domaine officiel service-public.fr de Direction de
    l'information…" (the article missing). A name in « » reads right whatever it is."""
    assert main(["url", "https://www.service-public.fr"]) == 0
    out = capsys.readouterr().out
    assert "relève du domaine officiel service-public.fr, celui de l'opérateur « Direction" in out
    assert " de Direction " not in out


@pytest.mark.parametrize("url", ["ftp://impots.gouv.fr", "https://a:99999/", ""])
def test_malformed_url_exits_2_without_traceback(
    capsys: pytest.CaptureFixture[str], url: str
) -> None:
    assert main(["url", url]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("mfs: error: URL")
    assert "Traceback" not in captured.err
