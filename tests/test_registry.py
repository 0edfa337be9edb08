"""The registry loads built-ins and entry points, stamps provenance and isolates faults."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from mfs_core.errors import PluginError
from mfs_core.model import Partner, PartnerKind, Procedure
from mfs_core.registry import Registry
from mfs_core.settings import PluginPolicy


def faults_by_plugin(registry: Registry) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for fault in registry.faults:
        found.setdefault(fault.plugin, []).append(fault.stage)
    return found


def fixture_names(registry: Registry) -> list[str]:
    return [p.name for p in registry.plugins if p.name.startswith("fixture-")]


def test_builtins_are_loaded_and_stamped(clean_env: None) -> None:
    registry = Registry.load(external=False)
    procedure = registry.procedures["dgfip.declaration-revenus"]
    assert procedure.fiche_id == "F358"
    assert procedure.provenance is not None
    assert procedure.provenance.plugin == "dgfip"
    assert procedure.provenance.distribution == "mfs-core"
    assert registry.faults == ()
    assert list(registry.procedures) == sorted(registry.procedures)


def test_broken_plugins_are_named_and_the_others_kept(fixture_plugins: Path) -> None:
    registry = Registry.load()
    faults = faults_by_plugin(registry)
    assert faults == {
        "fixture-duplicate": ["duplicate"],
        "fixture-import-error": ["import"],
        "fixture-raising": ["hook"],
        "fixture-typo": ["register"],
        "fixture-wrong-type": ["type"],
    }
    # The good plugin and the good parts of faulty ones are kept.
    assert "fixture-good.info" in registry.procedures
    assert "fixture-raising" in registry.partners
    assert "dgfip.fixture-ok" in registry.procedures
    # The duplicate names both plugins, and the built-in keeps its procedure.
    duplicate = next(f for f in registry.faults if f.stage == "duplicate")
    assert "'dgfip.declaration-revenus'" in duplicate.message
    assert "'dgfip'" in duplicate.message
    provenance = registry.procedures["dgfip.declaration-revenus"].provenance
    assert provenance is not None
    assert provenance.plugin == "dgfip"
    good = registry.procedures["fixture-good.info"].provenance
    assert good is not None
    assert (good.plugin, good.distribution, good.version) == (
        "fixture-good",
        "mfs-fixture-plugins",
        "1.0",
    )
    import_error = next(f for f in registry.faults if f.plugin == "fixture-import-error")
    assert "mfs_core_no_such_module" in import_error.message


def test_plugin_info_counts_and_faults(fixture_plugins: Path) -> None:
    registry = Registry.load()
    info = {p.name: p for p in registry.plugins}
    assert info["fixture-good"].procedures == 1
    assert info["fixture-good"].partners == 1
    assert info["fixture-good"].faults == ()
    assert not info["fixture-import-error"].loaded
    assert not info["fixture-typo"].loaded
    assert info["dgfip"].builtin
    assert info["dgfip"].procedures == len(registry.procedures_of("dgfip")) - 1  # + fixture-ok


def test_strict_mode_turns_faults_into_an_error(fixture_plugins: Path) -> None:
    with pytest.raises(PluginError) as error:
        Registry.load(strict=True)
    message = str(error.value)
    for name in ("fixture-import-error", "fixture-raising", "fixture-duplicate"):
        assert name in message


def test_allow_list_loads_only_the_named_plugins(fixture_plugins: Path) -> None:
    registry = Registry.load(policy=PluginPolicy(enable=frozenset({"fixture-good"})))
    assert [p.name for p in registry.plugins if not p.builtin] == ["fixture-good"]
    assert registry.faults == ()


def test_deny_list_skips_the_named_plugins(fixture_plugins: Path) -> None:
    broken = {"fixture-import-error", "fixture-raising", "fixture-duplicate", "fixture-typo"}
    registry = Registry.load(
        policy=PluginPolicy(disable=frozenset(broken | {"fixture-wrong-type"}))
    )
    assert fixture_names(registry) == ["fixture-good"]
    assert registry.faults == ()


def test_allow_and_deny_lists_from_the_environment(
    fixture_plugins: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MFS_PLUGINS_ENABLE", "fixture-good, fixture-raising")
    monkeypatch.setenv("MFS_PLUGINS_DISABLE", "fixture-raising")
    registry = Registry.load()
    assert [p.name for p in registry.plugins if not p.builtin] == ["fixture-good"]


def test_strict_from_a_config_file(fixture_plugins: Path, tmp_path: Path) -> None:
    (tmp_path / "mfs.toml").write_text("plugins_strict = true\n", encoding="utf-8")
    with pytest.raises(PluginError):
        Registry.load()


def test_output_does_not_depend_on_registration_order(clean_env: None) -> None:
    def plugin(code: str) -> object:
        class Plugin:
            @staticmethod
            def mfs_partners() -> list[Partner]:
                return [Partner(code=code, name=code.upper(), kind=PartnerKind.LOCAL)]

            @staticmethod
            def mfs_procedures() -> list[Procedure]:
                return [
                    Procedure(id=f"{code}.b", partner=code, title="B"),
                    Procedure(id=f"{code}.a", partner=code, title="A"),
                ]

        from mfs_core import hookimpl

        hookimpl(Plugin.mfs_partners)
        hookimpl(Plugin.mfs_procedures)
        return Plugin

    plugins = [(f"p{i}", plugin(f"p{i}")) for i in range(5)]
    orders = []
    rng = random.Random(7)
    for _ in range(5):
        rng.shuffle(plugins)
        registry = Registry.load(external=False, builtins=False, extra=list(plugins))
        orders.append((list(registry.partners), list(registry.procedures)))
    assert all(order == orders[0] for order in orders)
    assert orders[0][1][:2] == ["p0.a", "p0.b"]


def test_items_of_a_wrong_type_are_one_fault_per_type_with_a_count() -> None:
    """Found by the #12 review: each `yield None` was its own fault line (5,000 bad items,
    5,000 lines) saying the hook 'raised' nothing of the kind."""
    from mfs_core.model import Procedure
    from mfs_core.plugin import hookimpl
    from mfs_core.testing import load_plugin

    class Noisy:
        @hookimpl
        def mfs_procedures(self):  # type: ignore[no-untyped-def]
            yield Procedure(id="dgfip.noisy-ok", partner="dgfip", title="Valide")
            for _ in range(5000):
                yield None
            yield "texte"

    registry = load_plugin(("noisy", Noisy()))
    assert "dgfip.noisy-ok" in registry.procedures  # the good item kept
    faults = sorted(str(f) for f in registry.faults if f.plugin == "noisy")
    assert faults == [
        "plugin 'noisy' (type): mfs_procedures() yielded NoneType, expected Procedure "
        "(5000 items, each left out)",
        "plugin 'noisy' (type): mfs_procedures() yielded str, expected Procedure (left out)",
    ]


def test_a_hook_returning_one_object_is_said_to_return_it_not_to_raise() -> None:
    """Found by the #12 review: "mfs_partners() raised TypeError: returned Partner" when
    nothing was raised."""
    from mfs_core.plugin import hookimpl
    from mfs_core.testing import load_plugin

    class Single:
        @hookimpl
        def mfs_partners(self):  # type: ignore[no-untyped-def]
            return Partner(code="single", name="Un seul", kind=PartnerKind.LOCAL)

    registry = load_plugin(("single", Single()), with_builtins=False)
    [fault] = registry.faults
    assert str(fault) == (
        "plugin 'single' (hook): mfs_partners() returned Partner, expected an iterable"
    )
