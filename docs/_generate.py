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


GENERATORS: dict[str, Callable[[], str]] = {
    "hooks.md": hooks_page,
    "journal-schema.md": journal_schema_page,
}


def write_all(docs_dir: Path) -> None:
    out = docs_dir / "generated"
    out.mkdir(exist_ok=True)
    for filename, generate in GENERATORS.items():
        text = generate()
        target = out / filename
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
