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


GENERATORS: dict[str, Callable[[], str]] = {
    "hooks.md": hooks_page,
    "routing-examples.md": routing_examples_page,
}


def write_all(docs_dir: Path) -> None:
    out = docs_dir / "generated"
    out.mkdir(exist_ok=True)
    for filename, generate in GENERATORS.items():
        text = generate()
        target = out / filename
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
