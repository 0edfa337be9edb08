"""The contract a partner reads: one namespace, one table of hooks, items judged one by one.

The mistakes of a new partner's plugin (tests/fixtures/plugins/mfs_fixture_mistakes.py) are
each reported under their own code, with the item left out and the rest of the hook kept.
"""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.util
import json
import subprocess
import sys
import types
from pathlib import Path

import attrs
import pytest

from mfs_core import hookspecs
from mfs_core.cli import main
from mfs_core.hookspecs import HOOKS
from mfs_core.model import Channel, ReferralTarget, Verification
from mfs_core.registry import PluginStage, Registry
from mfs_core.routing import Router
from mfs_core.testing import check_plugin, load_plugin
from mfs_core.validation import validate
from mfs_test_support import install_test_distribution


def _module(name: str) -> types.ModuleType:
    """A fixture plugin module, loaded from its file (not from an entry point)."""
    path = Path(__file__).parent / "fixtures" / "plugins" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


mistakes = _module("mfs_fixture_mistakes")

TODAY = dt.date(2026, 11, 27)
LEFT_OUT = {
    ("fiche-id-malformed", "mistakes.espace"),
    ("value-wrong-type", "mistakes.titre"),
    ("value-not-allowed", "mistakes.canal"),
    ("value-wrong-type", "mistakes.date"),
    ("value-wrong-type", "mistakes.horodatage"),
    ("id-malformed", "Mistakes Espace"),
    ("predicate-signature", "mistakes.une"),
    ("predicate-signature", "mistakes.texte"),
    ("value-not-allowed", "mistakes.cible"),
    ("evaluate-signature", "mistakes.sans"),
    ("evaluate-signature", "mistakes.contexte"),
    ("evaluate-signature", "mistakes.rien"),
    ("value-wrong-type", "mistakes.mot-cle"),
    ("value-wrong-type", "mistakes.mots-cles-aucun"),
    ("value-wrong-type", "mistakes.services-en-ligne"),
    ("value-wrong-type", "mistakes.sources"),
    ("value-wrong-type", "mistakes.remplacee"),
    ("value-wrong-type", "mistakes.thematique"),
    ("value-wrong-type", "mistakes.fait"),
}


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_plugin(("mistakes", mistakes), with_builtins=False)


def test_each_malformed_item_is_left_out_and_the_rest_of_its_hook_kept(
    registry: Registry,
) -> None:
    assert list(registry.procedures) == ["mistakes.derniere", "mistakes.premiere"]
    assert list(registry.referral_rules) == [
        "mistakes.cible-ok",
        "mistakes.deux",
        "mistakes.objet",
    ]
    assert list(registry.checks) == ["mistakes.bon"]
    assert {f.stage for f in registry.faults} == {PluginStage.VALUE}
    assert {(str(f.code), f.subject) for f in registry.faults} == LEFT_OUT


def test_each_is_reported_under_its_own_code(registry: Registry) -> None:
    findings = check_plugin(("mistakes", mistakes), registry=registry, today=TODAY)
    assert {(f.code, f.subject) for f in findings} == LEFT_OUT
    fiche = next(f for f in findings if f.code == "fiche-id-malformed")
    assert fiche.message == (
        "procedure 'mistakes.espace' left out: fiche_id: 'F 15396' is not a "
        "service-public.fr fiche id"
    )
    [predicate] = [f for f in findings if f.subject == "mistakes.une"]
    assert "one_argument(request: 'object') -> 'bool' cannot be called as predicate(request, " in (
        predicate.message
    )
    canal = next(f for f in findings if f.subject == "mistakes.canal")
    assert "channels: 'fax' is not one of 'counter', 'phone'" in canal.message
    # A single string for a list: the item and the field named, the rest of the hook kept.
    fait = next(f for f in findings if f.subject == "mistakes.fait")
    assert fait.message == (
        "referral rule 'mistakes.fait' left out: when_facts: expected a tuple of texts (str), "
        "got a single string 'dispute' (a missing comma in a one-item tuple?)"
    )
    sources = next(f for f in findings if f.subject == "mistakes.sources")
    assert "sources: expected a tuple of Source, got a single string" in sources.message
    aucun = next(f for f in findings if f.subject == "mistakes.mots-cles-aucun")
    assert "keywords: expected a tuple of texts (str), got NoneType" in aucun.message


def test_a_predicate_with_the_wrong_signature_never_reaches_the_router(
    registry: Registry,
) -> None:
    router = Router(registry)
    assert [r.id for r in router.rules_for("mistakes.premiere")] == [
        "mistakes.cible-ok",  # names no procedure: every procedure of its partner
        "mistakes.deux",
        "mistakes.objet",
    ]


def test_plain_enum_values_become_members(registry: Registry) -> None:
    derniere = registry.procedures["mistakes.derniere"]
    assert derniere.channels == (Channel.COUNTER, Channel.ONLINE)
    assert all(type(c) is Channel for c in derniere.channels)
    assert type(derniere.verification) is Verification
    assert type(registry.referral_rules["mistakes.deux"].target) is ReferralTarget


@pytest.fixture
def mistakes_installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clean_env: None) -> None:
    install_test_distribution(
        tmp_path, {"mistakes": "mfs_fixture_mistakes"}, name="mfs-fixture-mistakes"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setenv("MFS_PLUGINS_ENABLE", "mistakes")
    importlib.invalidate_caches()


@pytest.mark.usefixtures("mistakes_installed")
def test_mfs_plugins_check_reports_them(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plugins", "--check", "--format", "json", "--max-age-days", "100000"]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert {(f["code"], f["subject"]) for f in findings} == LEFT_OUT
    assert all(f["plugin"] == "mistakes" for f in findings)


@pytest.mark.usefixtures("mistakes_installed")
def test_strict_mode_fails_on_an_item_left_out() -> None:
    with pytest.raises(Exception, match=r"plugin 'mistakes' \(value\): procedure 'mistakes"):
        Registry.load(strict=True)


@pytest.fixture
def package_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clean_env: None) -> None:
    # The entry point names the package (a module without hooks), not its plugin module.
    install_test_distribution(
        tmp_path, {"fixture-empty": "mfs_fixture_empty"}, name="mfs-fixture-empty"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setenv("MFS_PLUGINS_ENABLE", "fixture-empty")
    importlib.invalidate_caches()


@pytest.mark.usefixtures("package_named")
def test_an_entry_point_without_hooks_is_caught_by_check(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["plugins", "--check", "--format", "json", "--max-age-days", "100000"]) == 1
    [finding] = json.loads(capsys.readouterr().out)["findings"]
    assert (finding["code"], finding["subject"]) == ("plugin-empty", "fixture-empty")
    assert "no @hookimpl function" in finding["message"]
    assert "rather than the package" in finding["message"]


# -- the table of hooks --------------------------------------------------------------------


def test_every_hookspec_is_in_the_table_once() -> None:
    specs = sorted(
        name
        for name, value in vars(hookspecs).items()
        if hasattr(value, f"{hookspecs.PROJECT_NAME}_spec")
    )
    assert sorted(h.name for h in HOOKS) == specs
    assert len({h.plural for h in HOOKS}) == len(HOOKS)


def test_the_registry_has_one_mapping_per_hook() -> None:
    registry = Registry.load(external=False)
    fields = {f.name for f in attrs.fields(Registry)}
    for hook in HOOKS:
        assert hook.plural in fields
        assert hook.key in {f.name for f in attrs.fields(hook.type)}
        items = registry.contributions(hook)
        assert items
        assert all(isinstance(i, hook.type) for i in items.values())
        assert sum(p.count(hook.plural) for p in registry.plugins) == len(items)


def test_the_registry_is_immutable() -> None:
    registry = Registry.load(external=False)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        registry.warnings = ("x",)  # type: ignore[misc]
    with pytest.raises(TypeError):
        registry.procedures["x.y"] = registry.procedures["dgfip.declaration-revenus"]  # type: ignore[index]
    with pytest.raises(TypeError):
        registry.plugins[0].counts["procedures"] = 0  # type: ignore[index]
    names = registry.display_names
    assert names["dgfip"] == registry.partners["dgfip"].name
    assert (
        names["dgfip.declaration-revenus"] == registry.procedures["dgfip.declaration-revenus"].title
    )


def test_builtins_are_well_formed_and_valid() -> None:
    registry = Registry.load(external=False)
    for hook in HOOKS:
        for item in registry.contributions(hook).values():
            assert hook.malformed(item) == []
    assert validate(registry, today=TODAY) == []


# -- one namespace, light to import, and floors kept ---------------------------------------


def _modules_after(statement: str) -> set[str]:
    code = f"import sys\n{statement}\nprint('\\n'.join(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return {m for m in done.stdout.split() if m.startswith("mfs_core")}


def test_the_plugin_namespace_loads_no_upper_layer() -> None:
    loaded = _modules_after("import mfs_core.plugin")
    for layer in ("registry", "compliance", "routing", "journal", "validation", "partners"):
        assert not {m for m in loaded if m.startswith(f"mfs_core.{layer}")}, layer


def test_the_check_side_types_come_on_first_use() -> None:
    from mfs_core import plugin
    from mfs_core.compliance.findings import Finding
    from mfs_core.compliance.site import Site
    from mfs_core.routing.request import Request

    assert (plugin.Finding, plugin.Site, plugin.Request) == (Finding, Site, Request)
    assert set(plugin.LAZY) <= set(plugin.__all__)
    for name in plugin.__all__:
        assert getattr(plugin, name) is not None
    with pytest.raises(AttributeError):
        _ = plugin.Registry  # type: ignore[attr-defined]


def test_validation_does_not_load_the_builtin_partners() -> None:
    loaded = _modules_after("import mfs_core.validation")
    assert not {m for m in loaded if m.startswith("mfs_core.partners")}
