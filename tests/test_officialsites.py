"""URL classification: real official URLs (from the reference table) and realistic look-alikes."""

from __future__ import annotations

import pytest

from mfs_core.errors import InputError
from mfs_core.officialsites import OfficialSites, WebsiteKind, classify, host_of
from mfs_core.registry import Registry
from reference_table import PARTNER_OF_LABEL, builtin_rows

#: Real URLs of the table that are official but not the row partner's own site.
NOT_THE_PARTNERS_OWN = {
    "https://www.formulaires.service-public.gouv.fr/gf/cerfa_13435.do": WebsiteKind.PUBLIC,
    "https://www.formulaires.service-public.gouv.fr/gf/cerfa_11451.do": WebsiteKind.PUBLIC,
    "https://www.formulaires.service-public.fr/gf/cerfa_14104_01.do": WebsiteKind.PUBLIC,
    "https://www.service-public.gouv.fr/simulateur/calcul/16146": WebsiteKind.PUBLIC,
    # The MDPH's online service (CNSA): official as the operator the AAH procedure names
    # (issue 13; was "unofficial", a known limit).
    "https://mdphenligne.cnsa.fr/": WebsiteKind.PUBLIC,
    # info-retraite.fr is the GIP Union Retraite's, not the CNAV's own domain (issue 13:
    # was listed among the CNAV's domains): official as the operator the procedures name.
    "http://www.info-retraite.fr": WebsiteKind.PUBLIC,
    "https://www.info-retraite.fr/portail-services/#/mce": WebsiteKind.PUBLIC,
    # The ministries' mediator, named as the operator of the DGFiP mediation procedure.
    "https://www.economie.gouv.fr/mediateur/demande-mediation/formulaire": WebsiteKind.PUBLIC,
}


@pytest.fixture(scope="module")
def sites() -> OfficialSites:
    return OfficialSites.from_registry(Registry.load(external=False))


def _table_urls() -> list[tuple[str, str]]:
    return [
        (row["online_url"], PARTNER_OF_LABEL[row["partner"]])
        for row in builtin_rows()
        if row["online_url"]
    ]


def test_the_table_has_real_urls_to_test() -> None:
    assert len(_table_urls()) >= 60


@pytest.mark.parametrize(("url", "partner"), _table_urls())
def test_real_official_urls(sites: OfficialSites, url: str, partner: str) -> None:
    verdict = sites.classify(url)
    if url in NOT_THE_PARTNERS_OWN:
        assert verdict.verdict is NOT_THE_PARTNERS_OWN[url]
    else:
        assert (verdict.verdict, verdict.partner) == (WebsiteKind.PARTNER, partner), url


@pytest.mark.parametrize(
    ("url", "partner"),
    [
        ("https://www.impots.gouv.fr", "dgfip"),
        ("HTTPS://WWW.AMELI.FR/assure", "cnam"),
        ("https://ameli.fr.:443/", "cnam"),  # trailing dot and port
        ("www.caf.fr", "caf"),  # no scheme: agents paste bare hosts
        ("https://rendezvouspasseport.ants.gouv.fr/", "interieur"),
        ("https://casier-judiciaire.justice.gouv.fr/", "justice"),
        ("https://candidat.pole-emploi.fr/", "france-travail"),  # the former domain
        ("https://www.francetravail.org", "france-travail"),
        ("https://lidentitenumerique.laposte.fr/", "la-poste"),
        ("https://user@impots.gouv.fr/", "dgfip"),  # user-info does not change the host
    ],
)
def test_partner_sites(sites: OfficialSites, url: str, partner: str) -> None:
    verdict = sites.classify(url)
    assert (verdict.verdict, verdict.partner) == (WebsiteKind.PARTNER, partner)
    assert verdict.official


def test_plain_http_is_official_but_flagged(sites: OfficialSites) -> None:
    verdict = sites.classify("http://www.lassuranceretraite.fr")
    assert (verdict.verdict, verdict.partner) == (WebsiteKind.PARTNER, "cnav")
    assert "http" in verdict.reason
    assert "https" in verdict.reason


@pytest.mark.parametrize(
    "url",
    [
        "https://www.service-public.fr/particuliers/vosdroits/F1341",
        "https://www.legifrance.gouv.fr/",
        "https://www.franceconnect.gouv.fr/",
        "https://www.maprimerenov.gouv.fr/",  # ANAH is an external plugin, not loaded here
    ],
)
def test_other_public_sites(sites: OfficialSites, url: str) -> None:
    verdict = sites.classify(url)
    assert (verdict.verdict, verdict.partner) == (WebsiteKind.PUBLIC, None)


@pytest.mark.parametrize(
    ("url", "in_reason"),
    [
        ("https://impots-gouv.fr/declaration", "impots.gouv.fr"),  # hyphen for the dot
        ("https://www.ants-gouv.com/carte-grise", "ants.gouv.fr"),
        ("https://ameli-fr.com/carte-vitale", "ameli.fr"),
        ("https://www.caf-fr.org/", "caf.fr"),
        ("https://ants.gouv.fr.example.com/", "example.com"),  # official name, other domain
        ("https://impots.gouv.fr.paiement-securise.net/", "paiement-securise.net"),
        ("https://www.gouv.org/", "gouv"),
        ("https://service-gouv.com/extrait-acte", "gouv"),
        ("https://ameli.fr@evil.com/", "evil.com"),  # user-info trick
        ("https://evil.com\\@ameli.fr/", "evil.com"),  # browsers read "\\" as "/"
        ("https://xn--mpots-9ve.gouv.fr/", "internationalisé"),  # punycode homograph
        ("https://www.аmeli.fr/", "internationalisé"),  # Cyrillic "а" in ameli
        ("https://192.0.2.10/impots", "adresse IP"),
        ("https://www.carte-grise-en-ligne.fr/", "non officiel"),
        ("https://www.lassuranceretraite-info.fr/", "lassuranceretraite.fr"),
    ],
)
def test_look_alikes_are_unofficial(sites: OfficialSites, url: str, in_reason: str) -> None:
    verdict = sites.classify(url)
    assert (verdict.verdict, verdict.partner) == (WebsiteKind.UNOFFICIAL, None)
    assert in_reason in verdict.reason
    assert not verdict.official


@pytest.mark.parametrize(
    "url",
    ["", "   ", "ftp://impots.gouv.fr", "javascript:alert(1)", "https://", "https://a:99999/"],
)
def test_malformed_urls_raise_input_error(sites: OfficialSites, url: str) -> None:
    with pytest.raises(InputError, match="URL"):
        sites.classify(url)


def test_host_of_normalises() -> None:
    assert host_of("HTTPS://WWW.Impots.Gouv.FR.:8443/x?y#z") == "www.impots.gouv.fr"
    assert host_of("https://www.аmeli.fr/") == "www.xn--meli-43d.fr"


def test_classify_accepts_a_registry_or_partners() -> None:
    registry = Registry.load(external=False)
    assert classify("https://www.msa.fr", registry).partner == "msa"
    assert classify("https://www.msa.fr", registry.partners.values()).partner == "msa"
    assert classify("https://www.msa.fr", []).verdict is WebsiteKind.UNOFFICIAL
