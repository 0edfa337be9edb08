"""JSON Schema of the site file, generated from the attrs classes of :mod:`.site`.

The file ``mfs_core/schemas/site.schema.json`` is this generator's output (a test keeps them
equal; regenerate with ``python -m mfs_core.compliance.schema``). TOML dates appear as
strings of format ``date``, as TOML-aware editors map them. Keys a class does not declare
are refused, as :func:`~mfs_core.compliance.site.load_site` refuses them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mfs_core.compliance import site as site_module
from mfs_core.schemagen import ClassSchemas

__all__ = ["SCHEMA_PATH", "site_schema"]

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schemas" / "site.schema.json"
_RUNTIME_ONLY = {"context"}


def site_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a site file."""
    schemas = ClassSchemas(skip={site_module.Site: _RUNTIME_ONLY}, localns={"CheckContext": object})
    return schemas.document(
        lambda: schemas.class_schema(site_module.Site),
        **{
            "$id": "https://mfs-core.invalid/schemas/site.schema.json",
            "title": "France services site description (mfs check)",
        },
    )


def render() -> str:
    """The schema file's text."""
    return json.dumps(site_schema(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":  # pragma: no cover
    SCHEMA_PATH.write_text(render(), encoding="utf-8")
