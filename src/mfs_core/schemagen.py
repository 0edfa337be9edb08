"""JSON Schema (draft 2020-12) generated from attrs classes.

The schemas of the files users and partners write (``site.schema.json``,
``partner-data.schema.json``) are generated here from the attrs classes the converter
structures, so a schema never drifts from what is read; a test of each keeps the committed
file equal to the generator's output. The mapping, in short:

- ``str``, ``bool``, ``int``, ``float``: their JSON types; ``datetime.date``: a string of
  format ``date`` (TOML-aware editors map TOML dates so);
- ``X | None``: ``X``, the key being optional (files leave it out rather than write null);
- ``tuple[X, ...]``: an array of ``X``; an enum: its values; an attrs class: a ``$ref`` to
  its definition, whose ``additionalProperties`` is false (the converter refuses unknown
  keys too);
- a field without a default is required; a field's ``metadata["schema"]`` is merged into its
  property (patterns, descriptions), and a class's ``__schema_extra__`` into its definition.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from collections.abc import Callable, Collection, Mapping
from typing import Any

import attrs

__all__ = ["ClassSchemas"]

_SCALARS: dict[Any, dict[str, Any]] = {
    str: {"type": "string"},
    bool: {"type": "boolean"},
    int: {"type": "integer"},
    float: {"type": "number"},
    dt.date: {"type": "string", "format": "date"},
}
_NO_DEFAULT = object()  # optional key whose default is not worth showing (None, a factory)


class ClassSchemas:
    """Builds the definitions of a set of attrs classes, each once (``$defs``).

    ``skip`` names, per class, fields that never come from a file (run-time only);
    ``properties`` gives, per class, properties that replace the generated ones (e.g. a
    callable field read from a file as an import path); ``optional`` names, per class,
    fields a file may leave out although the class requires them (the loader fills them);
    ``descriptions`` gives, per class, the ``description`` of each field; ``localns``
    resolves forward references of the classes' annotations.
    """

    def __init__(
        self,
        *,
        skip: Mapping[type, Collection[str]] | None = None,
        properties: Mapping[type, Mapping[str, dict[str, Any]]] | None = None,
        optional: Mapping[type, Collection[str]] | None = None,
        descriptions: Mapping[type, Mapping[str, str]] | None = None,
        localns: Mapping[str, Any] | None = None,
    ) -> None:
        self.defs: dict[str, Any] = {}
        self._skip = skip or {}
        self._properties = properties or {}
        self._optional = optional or {}
        self._descriptions = descriptions or {}
        self._localns = dict(localns or {})

    def type_schema(self, tp: Any) -> dict[str, Any]:
        """The schema of a value of type ``tp``."""
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if origin in (typing.Union, types.UnionType):
            inner = [a for a in args if a is not type(None)]
            if len(inner) != 1:
                raise TypeError(f"no JSON Schema mapping for {tp!r}")
            return self.type_schema(inner[0])
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": self.type_schema(args[0])}
        if tp in _SCALARS:
            return dict(_SCALARS[tp])
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return {"enum": [member.value for member in tp]}
        if attrs.has(tp):
            return self.ref(tp)
        raise TypeError(f"no JSON Schema mapping for {tp!r}")

    def ref(self, cls: type) -> dict[str, Any]:
        """A reference to the definition of ``cls``, built on first use."""
        if cls.__name__ not in self.defs:
            self.defs[cls.__name__] = {}  # placeholder against recursion
            self.defs[cls.__name__] = self.class_schema(cls)
        return {"$ref": f"#/$defs/{cls.__name__}"}

    def class_schema(self, cls: type) -> dict[str, Any]:
        """The object schema of ``cls`` (its fields as properties)."""
        hints = typing.get_type_hints(cls, localns=self._localns)
        skip = set(self._skip.get(cls, ()))
        replaced = self._properties.get(cls, {})
        optional = set(self._optional.get(cls, ()))
        described = self._descriptions.get(cls, {})
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            if field.name in skip:
                continue
            if field.name in replaced:
                properties[field.name] = dict(replaced[field.name])
                continue
            prop = self.type_schema(hints[field.name])
            if field.name in described:
                prop["description"] = described[field.name]
            prop.update(field.metadata.get("schema", {}))
            if field.default is attrs.NOTHING and field.name not in optional:
                required.append(field.name)
            elif field.default is not attrs.NOTHING:
                default = _default(field)
                if default is not _NO_DEFAULT:
                    prop["default"] = default
            properties[field.name] = prop
        doc = (cls.__doc__ or "").strip().split("\n\n")[0].replace("\n", " ")
        schema: dict[str, Any] = {
            "type": "object",
            "description": " ".join(doc.split()),
            "properties": properties,
            "additionalProperties": False,
        }
        if required:
            schema["required"] = required
        schema.update(getattr(cls, "__schema_extra__", {}))
        return schema

    def document(self, root: Callable[[], dict[str, Any]], **head: Any) -> dict[str, Any]:
        """A whole schema: ``head`` (``$id``, ``title``...) then ``root()``'s keys, then the
        definitions it used, sorted by name."""
        body = root()
        return {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            **head,
            **body,
            "$defs": dict(sorted(self.defs.items())),
        }


def _default(field: attrs.Attribute[Any]) -> Any:
    default = field.default
    if default is None or attrs.has(type(default)):
        return _NO_DEFAULT
    if isinstance(default, enum.Enum):
        return default.value
    if isinstance(default, tuple):
        return [d.value if isinstance(d, enum.Enum) else d for d in default]
    return default
