"""JSON Schema of the site file, generated from the attrs classes of :mod:`.site`.

The file ``mfs_core/schemas/site.schema.json`` is this generator's output (a test keeps them
equal; regenerate with ``python -m mfs_core.compliance.schema``). TOML dates appear as
strings of format ``date``, as TOML-aware editors map them. Keys a class does not declare
are refused, as :func:`~mfs_core.compliance.site.load_site` refuses them.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import types
import typing
from pathlib import Path
from typing import Any

import attrs

from mfs_core.compliance import site as site_module

__all__ = ["SCHEMA_PATH", "site_schema"]

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schemas" / "site.schema.json"
_SCALARS: dict[Any, dict[str, Any]] = {
    str: {"type": "string"},
    bool: {"type": "boolean"},
    int: {"type": "integer"},
    float: {"type": "number"},
    dt.date: {"type": "string", "format": "date"},
}
_RUNTIME_ONLY = {"context"}


def _type_schema(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        # Optional keys are simply left out of a TOML file: X | None is X, not required.
        (inner,) = [a for a in args if a is not type(None)]
        return _type_schema(inner, defs)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return {"type": "array", "items": _type_schema(args[0], defs)}
    if tp in _SCALARS:
        return dict(_SCALARS[tp])
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return {"enum": [member.value for member in tp]}
    if attrs.has(tp):
        if tp.__name__ not in defs:
            defs[tp.__name__] = {}  # placeholder against recursion
            defs[tp.__name__] = _class_schema(tp, defs)
        return {"$ref": f"#/$defs/{tp.__name__}"}
    raise TypeError(f"no JSON Schema mapping for {tp!r}")


def _class_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls, localns={"CheckContext": object})
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in attrs.fields(cls):
        if field.name in _RUNTIME_ONLY:
            continue
        prop = _type_schema(hints[field.name], defs)
        prop.update(field.metadata.get("schema", {}))
        if field.default is attrs.NOTHING:
            required.append(field.name)
        else:
            default = _default(field)
            if default is not _NO_DEFAULT:
                prop["default"] = default
        properties[field.name] = prop
    doc = (cls.__doc__ or "").strip().split("\n\n")[0].replace("\n", " ")
    schema: dict[str, Any] = {
        "type": "object",
        "description": doc,
        "properties": properties,
        "additionalProperties": False,
    }
    if required:
        schema["required"] = required
    schema.update(getattr(cls, "__schema_extra__", {}))
    return schema


_NO_DEFAULT = object()  # optional key whose default is not worth showing (None, a factory)


def _default(field: attrs.Attribute[Any]) -> Any:
    default = field.default
    if default is None or attrs.has(type(default)):
        return _NO_DEFAULT
    if isinstance(default, enum.Enum):
        return default.value
    if isinstance(default, tuple):
        return [d.value if isinstance(d, enum.Enum) else d for d in default]
    return default


def site_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a site file."""
    defs: dict[str, Any] = {}
    root = _class_schema(site_module.Site, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://mfs-core.invalid/schemas/site.schema.json",
        "title": "France services site description (mfs check)",
        **root,
        "$defs": dict(sorted(defs.items())),
    }


def render() -> str:
    """The schema file's text."""
    return json.dumps(site_schema(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":  # pragma: no cover
    SCHEMA_PATH.write_text(render(), encoding="utf-8")
