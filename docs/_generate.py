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


def site_file_page() -> str:
    """The site file reference, generated from its JSON Schema."""
    from mfs_core.compliance.schema import site_schema

    schema = site_schema()
    lines = [
        "# Site file reference",
        "",
        "Generated from the JSON Schema of the site file",
        "(`mfs_core/schemas/site.schema.json`, itself generated from the attrs classes of",
        "`mfs_core.compliance.site`). Unknown keys are refused. Dates are TOML dates",
        "(`2022-07-01`).",
        "",
        "## Site",
        "",
        schema["description"],
        "",
        *_schema_table(schema),
    ]
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
    lines += [
        "",
        "## Example",
        "",
        "```{literalinclude} ../../examples/sites/saint-jean-de-luz.toml",
        ":language: toml",
        "```",
        "",
    ]
    return "\n".join(lines)


GENERATORS: dict[str, Callable[[], str]] = {
    "hooks.md": hooks_page,
    "checks.md": checks_index_page,
    "site-file.md": site_file_page,
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
