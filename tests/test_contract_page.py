"""The plugin contract as a partner reads it: the committed page, the codes each field may
get from ``mfs plugins --check``, the examples of the docs, and the public names.

The page ``docs/plugin-contract.md`` is generated from the code and committed (readable on
GitHub without a build): it must be what the generator writes today.
"""

from __future__ import annotations

import datetime as dt
import enum
import importlib
import re
import subprocess
import sys
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

import mfs_core
from mfs_core import plugin
from mfs_core.contract import CODE_MEANINGS, ContributionCode
from mfs_core.hookspecs import HOOKS, hook, hookimpl
from mfs_core.model import (
    KNOWN_FACTS,
    Check,
    Partner,
    Procedure,
    ReferralRule,
    ReferralTarget,
    Severity,
)
from mfs_core.testing import check_plugin, load_plugin
from mfs_core.thematiques import THEMATIQUES
from mfs_core.validation import validate

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
TODAY = dt.date(2026, 11, 27)


def _generate() -> types.ModuleType:
    sys.path.insert(0, str(DOCS))
    try:
        return importlib.import_module("_generate")
    finally:
        sys.path.remove(str(DOCS))


@pytest.fixture(scope="module")
def page() -> str:
    return str(_generate().plugin_contract_page())


def test_the_committed_pages_are_up_to_date() -> None:
    for filename, generate in _generate().COMMITTED.items():
        committed = (DOCS / filename).read_text(encoding="utf-8")
        assert committed == generate(), (
            f"docs/{filename} is out of date: run `python docs/_generate.py` and commit it"
        )


def test_the_page_does_not_depend_on_what_ran_before() -> None:
    """Annotations read as text or, once resolved by something else in the process
    (``attrs.resolve_types``, as cattrs does), as types: the page is the same."""
    code = (
        "import sys, attrs; sys.path.insert(0, 'docs'); from mfs_core import plugin\n"
        "for name in ('Request', 'SiteContext', 'PartnerOffer', 'Finding'):\n"
        "    attrs.resolve_types(getattr(plugin, name))\n"
        "import _generate; sys.stdout.write(_generate.plugin_contract_page())"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout == (DOCS / "plugin-contract.md").read_text(encoding="utf-8")


def test_the_page_lists_every_field_and_every_allowed_value(page: str) -> None:
    for declared in HOOKS:
        for field in attrs.fields(declared.type):
            if field.name != "provenance":
                assert f"| `{field.name}` |" in page, (declared.type.__name__, field.name)
    for name in plugin.__all__:
        assert f"| `{name}` |" in page, name
        value = getattr(plugin, name)
        if isinstance(value, enum.EnumMeta):
            for member in value:  # type: ignore[var-annotated]
                assert f"`{member.value}`" in page, (name, member)
    for fact, sentence in KNOWN_FACTS.items():
        assert f"| `{fact}` | {sentence} |" in page
    for code in THEMATIQUES:
        assert f"| `{code}` |" in page
    for code in ContributionCode:
        assert f"| `{code}` |" in page
    assert set(CODE_MEANINGS) == set(ContributionCode)


def test_the_page_says_what_check_requires(page: str) -> None:
    rows = {
        line.split("|")[1].strip(): line
        for line in page.split("### `Procedure`", 1)[1].split("###", 1)[0].splitlines()
        if line.startswith("| `")
    }
    assert "**required**, non-empty (`reference-missing`)" in rows["`reference`"]
    assert "left out: `fiche-id-malformed`" in rows["`fiche_id`"]
    assert "reported: `unknown-partner`" in rows["`partner`"]
    assert "`counter`, `phone`" in rows["`channels`"]


def test_the_page_is_linked_from_the_readme_and_the_docs_index() -> None:
    assert "(docs/plugin-contract.md)" in (ROOT / "README.md").read_text(encoding="utf-8")
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    assert re.search(r"^plugin-contract$", index, flags=re.MULTILINE)


# -- the codes of --check, field by field -------------------------------------------------

_P = "p"


def _procedure(**changes: Any) -> Procedure:
    fields: dict[str, Any] = {
        "id": f"{_P}.x",
        "partner": _P,
        "title": "Démarche",
        "reference": "source",
        "last_verified": TODAY,
    }
    return Procedure(**{**fields, **changes})


def _rule(**changes: Any) -> ReferralRule:
    fields: dict[str, Any] = {
        "id": f"{_P}.r",
        "partner": _P,
        "target": ReferralTarget.REFERENT,
        "reason": "Une raison.",
        "reference": "source",
        "last_verified": TODAY,
    }
    return ReferralRule(**{**fields, **changes})


def _check(**changes: Any) -> Check:
    def evaluate(site: object) -> None:
        return None

    fields: dict[str, Any] = {
        "id": f"{_P}.c",
        "title": "Vérification",
        "severity": Severity.WARNING,
        "reference": "source",
        "remediation": "Corriger.",
        "last_verified": TODAY,
        "evaluate": evaluate,
    }
    return Check(**{**fields, **changes})


_OLD = TODAY - dt.timedelta(days=731)
_LATER = TODAY + dt.timedelta(days=1)
C = ContributionCode

_MAKERS: dict[str, Callable[..., object]] = {
    "mfs_procedures": _procedure,
    "mfs_referral_rules": _rule,
    "mfs_checks": _check,
}


def _dated(hook_name: str, prefix: str) -> list[tuple[str, str, object, ContributionCode]]:
    """The source and date mistakes, the same for procedures, rules and checks."""
    make = _MAKERS[hook_name]
    mistakes = [
        ("reference", "ref", {"reference": " "}, C.REFERENCE_MISSING),
        ("last_verified", "lv1", {"last_verified": None}, C.LAST_VERIFIED_MISSING),
        ("last_verified", "lv2", {"last_verified": _OLD}, C.LAST_VERIFIED_STALE),
        ("last_verified", "lv3", {"last_verified": _LATER}, C.LAST_VERIFIED_FUTURE),
    ]
    return [
        (hook_name, field, make(id=f"{_P}.{prefix}{suffix}", **change), code)
        for field, suffix, change, code in mistakes
    ]


def _case(
    hook_name: str, field: str, code: ContributionCode, **fields: Any
) -> tuple[str, str, object, ContributionCode]:
    return (hook_name, field, _MAKERS[hook_name](**fields), code)


_PROC, _RULE = "mfs_procedures", "mfs_referral_rules"
#: (hook, field, the item with one mistake in that field, the one code --check reports).
CASES: list[tuple[str, str, object, ContributionCode]] = [
    (
        "mfs_partners",
        "domains",
        Partner(code="d", name="D", domains=("https://d.org",)),
        C.PARTNER_DOMAIN_MALFORMED,
    ),
    *[
        ("mfs_partners", "keywords", Partner(code=f"k{n}", name="K", keywords=(word,)), code)
        for n, (word, code) in enumerate(
            [
                (" ", C.RECOGNITION_TEXT_BLANK),
                ("de la", C.RECOGNITION_NO_WORDS),
                ("x" * 101, C.RECOGNITION_TEXT_TOO_LONG),
            ]
        )
    ],
    *[
        _case(_PROC, field, code, id=f"p.{field.replace('_', '-')}{n}", **{field: (text,)})
        for field in ("keywords", "questions", "related_questions")
        for n, (text, code) in enumerate(
            [
                (" ", C.RECOGNITION_TEXT_BLANK),
                ("de la", C.RECOGNITION_NO_WORDS),
                ("x" * 301, C.RECOGNITION_TEXT_TOO_LONG),
            ]
        )
    ],
    _case(
        _PROC,
        "related_questions",
        C.RELATED_QUESTION_ALSO_OWN,
        id="p.rq",
        questions=("Qui peut demander l'AAH ?",),
        related_questions=("Qui peut demander l'AAH ?",),
    ),
    _case(
        _PROC, "fiche_title", C.RECOGNITION_TEXT_BLANK, id="p.ft1", fiche_title=" ", fiche_id="F358"
    ),
    _case(
        _PROC,
        "fiche_title",
        C.RECOGNITION_TEXT_TOO_LONG,
        id="p.ft2",
        fiche_title="x" * 301,
        fiche_id="F358",
    ),
    _case(_PROC, "fiche_title", C.FICHE_TITLE_WITHOUT_FICHE, id="p.ft3", fiche_title="Titre"),
    _case(_PROC, "description", C.RECOGNITION_TEXT_BLANK, id="p.d1", description=" "),
    _case(_PROC, "description", C.RECOGNITION_TEXT_TOO_LONG, id="p.d2", description="x" * 2001),
    _case(_PROC, "id", C.ID_PARTNER_MISMATCH, id="q.mismatch"),
    _case(_PROC, "partner", C.UNKNOWN_PARTNER, id="z.unknown", partner="z"),
    _case(_PROC, "thematiques", C.THEMATIQUE_UNKNOWN, id="p.them", thematiques=("logement",)),
    _case(_PROC, "online_url", C.ONLINE_URL_MALFORMED, id="p.url1", online_url="https://[::1"),
    _case(
        _PROC, "online_url", C.ONLINE_URL_NOT_HTTPS, id="p.url2", online_url="http://p.example.org/"
    ),
    _case(
        _PROC,
        "online_url",
        C.ONLINE_URL_OFF_DOMAIN,
        id="p.url3",
        online_url="https://impots-gouv.fr",
    ),
    *_dated(_PROC, "p"),
    _case(_RULE, "id", C.ID_PARTNER_MISMATCH, id="q.rmismatch"),
    _case(_RULE, "partner", C.UNKNOWN_PARTNER, id="y.runknown", partner="y"),
    _case(_RULE, "procedures", C.RULE_UNKNOWN_PROCEDURE, id="p.rproc", procedures=("p.none",)),
    _case(_RULE, "when_facts", C.RULE_UNKNOWN_FACT, id="p.rfact", when_facts=("riche",)),
    _case(_RULE, "reason", C.REASON_MISSING, id="p.rreason", reason=""),
    *_dated(_RULE, "r"),
    *_dated("mfs_checks", "c"),
]


def _cases_plugin() -> types.SimpleNamespace:
    def of(name: str, first: list[object]) -> Callable[[], Iterator[object]]:
        def contribute() -> Iterator[object]:
            yield from first
            yield from (item for hook_name, _, item, _ in CASES if hook_name == name)

        contribute.__name__ = name
        return hookimpl(contribute)

    base = Partner(code=_P, name="P", domains=("p.example.org",), reference="source")
    return types.SimpleNamespace(
        mfs_partners=of("mfs_partners", [base]),
        mfs_procedures=of("mfs_procedures", [_procedure()]),
        mfs_referral_rules=of("mfs_referral_rules", []),
        mfs_checks=of("mfs_checks", []),
    )


def _key(item: object) -> str:
    return str(getattr(item, "code", None) or getattr(item, "id"))  # noqa: B009


def test_each_code_check_reports_on_a_field_is_declared_on_that_field() -> None:
    """The hook table's ``requires`` and ``reports`` (which the contract page prints) are
    exactly what :func:`validate` does: each mistake gives its one code, and every declared
    (hook, field, code) has a mistake here that gives it."""
    registry = load_plugin(("cases", _cases_plugin()), with_builtins=False)
    assert registry.faults == ()
    found: dict[str, set[str]] = {}
    for finding in validate(registry, today=TODAY):
        found.setdefault(finding.subject, set()).add(finding.code)
    for name, field, item, code in CASES:
        assert found.pop(_key(item)) == {code}, (name, field, code)
        declared = hook(name)
        assert code in (*declared.reports.get(field, ()), declared.requires.get(field)), (
            name,
            field,
            code,
        )
    assert found == {}  # the base partner and procedure are valid
    declared_codes = {
        (declared.name, field, code)
        for declared in HOOKS
        for field, codes in [
            *declared.reports.items(),
            *((f, (c,)) for f, c in declared.requires.items()),
        ]
        for code in codes
    }
    assert declared_codes == {(name, field, code) for name, field, _, code in CASES}


# -- the examples of the docs -------------------------------------------------------------


def test_the_example_of_the_plugins_page_passes_check(tmp_path: Path) -> None:
    text = (DOCS / "plugins.md").read_text(encoding="utf-8")
    [code] = re.findall(r"```python\n# my_partner/plugin.py\n(.*?)```", text, flags=re.DOTALL)
    module = types.ModuleType("my_partner_plugin")
    exec(compile(code, "docs/plugins.md", "exec"), module.__dict__)
    assert check_plugin(("my-partner", module), today=TODAY) == []


# -- the public names ----------------------------------------------------------------------

_AUTOMODULE = re.compile(r"^\.\. automodule:: (\S+)\n((?:   :.*\n)*)", flags=re.MULTILINE)


def _documented() -> set[int]:
    """The objects docs/api.md documents (by id): the members its ``automodule`` directives
    list, or every name of the module's ``__all__`` when they list none (the docs' default
    option is ``:members:``)."""
    documented: set[int] = set()
    text = (DOCS / "api.md").read_text(encoding="utf-8")
    for name, options in _AUTOMODULE.findall(text):
        if ":no-members:" in options:  # the module's docstring only
            continue
        module = importlib.import_module(name)
        listed = re.search(r":members:(.*)", options)  # autodoc's default: every member
        members = [m.strip() for m in (listed.group(1) if listed else "").split(",")]
        members = [m for m in members if m]
        for member in members or getattr(module, "__all__", ()):
            documented.add(id(getattr(module, member)))
    return documented


def test_mfs_core_all_and_api_md_agree() -> None:
    """Each name of ``mfs_core.__all__`` and of ``mfs_core.plugin.__all__`` is documented
    in docs/api.md, and api.md's list of the package's names is ``mfs_core.__all__``."""
    documented = _documented()
    for namespace in (mfs_core, plugin):
        for name in namespace.__all__:
            if name == "__version__":
                continue
            assert id(getattr(namespace, name)) in documented, f"{namespace.__name__}.{name}"
    text = (DOCS / "api.md").read_text(encoding="utf-8")
    section = text.split("## The package `mfs_core`", 1)[1].split("\n## ", 1)[0]
    bullets = re.search(r"^- .*?\n\n", section, flags=re.MULTILINE | re.DOTALL)
    assert bullets is not None
    listed = re.findall(r"(?<!})`(\w+)`", bullets.group(0))
    assert sorted(listed) == sorted(mfs_core.__all__)


def test_what_a_partner_reads_points_at_the_public_namespace_and_live_pages() -> None:
    """Found by the #12 review: the contract page said `load_data` was still to come and
    left out the data-file format; the guide, the template's data file and the hookspec
    docstrings named internal modules or a page that exists only after a build."""
    root = Path(__file__).parent.parent
    contract = (root / "docs" / "plugin-contract.md").read_text(encoding="utf-8")
    assert "will be published" not in contract
    assert "## The data-file format" in contract
    assert '"module:function"' in contract
    template = root / "src" / "mfs_core" / "plugin_template"
    readers = {
        "docs/write-a-plugin.md": (root / "docs" / "write-a-plugin.md").read_text("utf-8"),
        "procedures.toml.tmpl": (template / "src" / "PACKAGE" / "procedures.toml.tmpl").read_text(
            "utf-8"
        ),
        "hookspecs docstrings": "\n".join(h.doc for h in HOOKS),
    }
    internal = re.compile(r"mfs_core\.(model|compliance|routing|contract|datafile)\.[A-Za-z_]")
    for name, text in readers.items():
        assert not internal.findall(text), name
        # A link whose only target is a page of the built documentation is dead on GitHub.
        assert not re.search(r"\]\(generated/[^)]*\)", text), name
        assert "docs/generated/" not in text, name
