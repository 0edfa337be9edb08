"""The one shared cattrs converter used at the edges (TOML, JSON).

Unknown keys are rejected, and every validation problem is reported with the path of the bad
field, e.g. ``procedures[3].last_verified: invalid value for type, expected date``.
Use :func:`structure` and :func:`unstructure` rather than the converter itself: they turn
cattrs' exception groups into one :class:`~mfs_core.errors.InputError`.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import enum
import typing
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError

from mfs_core import contract
from mfs_core.contract import ContributionCode, Format, malformed
from mfs_core.errors import InputError

__all__ = [
    "CodedValueError",
    "converter",
    "json_kind",
    "objects_only",
    "structure",
    "structure_or_problems",
    "unstructure",
    "values_shown",
]

T = TypeVar("T")

_WRONG_TYPE = ContributionCode.VALUE_WRONG_TYPE


class CodedValueError(ValueError):
    """A value the converter refuses, with the code ``mfs plugins --check`` gives the same
    mistake made in Python (``value-wrong-type``, ``value-not-allowed``,
    ``fiche-id-malformed``...): a data file and a Python plugin are reported alike."""

    # contract.ContributionCode, qualified: validation re-exports the name, and the docs'
    # cross-reference of an unqualified hint would find two targets.
    def __init__(self, message: str, code: contract.ContributionCode) -> None:
        super().__init__(message)
        self.code = code


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True, omit_if_default=False)

    def structure_date(value: Any, _type: type) -> dt.date:
        if isinstance(value, dt.datetime):
            # Never truncated silently (a Python plugin's date-time is refused too).
            raise CodedValueError(
                f"expected an ISO date (YYYY-MM-DD), got a date-time{_got(value, ' ')}",
                _WRONG_TYPE,
            )
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        raise CodedValueError(f"expected an ISO date (YYYY-MM-DD), got {_got(value)}", _WRONG_TYPE)

    def structure_datetime(value: Any, _type: type) -> dt.datetime:
        if isinstance(value, dt.datetime):
            parsed = value
        else:
            try:
                parsed = dt.datetime.fromisoformat(value)
            except (TypeError, ValueError):
                raise CodedValueError(
                    f"expected an ISO 8601 date-time, got {_got(value)}", _WRONG_TYPE
                ) from None
        if parsed.tzinfo is None:
            raise CodedValueError(
                f"expected a date-time with its UTC offset, got {_got(value)}", _WRONG_TYPE
            )
        return parsed

    def structure_str(value: Any, _type: type) -> str:
        # cattrs would turn 12 into "12": a number where text is expected is an input error.
        if not isinstance(value, str):
            raise CodedValueError(
                f"expected a string, got {json_kind(value)}{_got(value, ' ')}", _WRONG_TYPE
            )
        return value

    def structure_bool(value: Any, _type: type) -> bool:
        if not isinstance(value, bool):
            raise CodedValueError(f"expected true or false, got {_got(value)}", _WRONG_TYPE)
        return value

    def structure_int(value: Any, _type: type) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise CodedValueError(f"expected an integer, got {_got(value)}", _WRONG_TYPE)
        return value

    def structure_float(value: Any, _type: type) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise CodedValueError(f"expected a number, got {_got(value)}", _WRONG_TYPE)
        return float(value)

    def structure_time(value: Any, _type: type) -> dt.time:
        if isinstance(value, dt.time):
            return value
        if isinstance(value, str):
            try:
                parsed = dt.time.fromisoformat(value)
            except ValueError:
                pass
            else:
                if parsed.tzinfo is None:
                    return parsed
        raise CodedValueError(f"expected a time of day HH:MM, got {_got(value)}", _WRONG_TYPE)

    conv.register_structure_hook(dt.date, structure_date)
    conv.register_structure_hook(dt.datetime, structure_datetime)
    conv.register_structure_hook(dt.time, structure_time)

    def structure_enum(value: Any, type_: type[enum.Enum]) -> enum.Enum:
        try:
            return type_(value)
        except ValueError:
            allowed = ", ".join(repr(member.value) for member in type_)
            raise CodedValueError(
                _not_one_of(value, allowed), ContributionCode.VALUE_NOT_ALLOWED
            ) from None

    # Singledispatch hooks: they take precedence over cattrs' lenient defaults (which would
    # turn 12 into "12" and "yes" into True). StrEnum is registered apart because it comes
    # before ``str`` in its members' MRO.
    for cls, hook in (
        (str, structure_str),
        (bool, structure_bool),
        (int, structure_int),
        (float, structure_float),
        (enum.Enum, structure_enum),
        (enum.StrEnum, structure_enum),
    ):
        conv.register_structure_hook(cls, hook)
    conv.register_structure_hook_factory(_is_homogeneous_tuple, _no_string_as_sequence)
    conv.register_structure_hook_factory(
        attrs.has, lambda cls: objects_only(conv.gen_structure_attrs_fromdict(cls))
    )
    conv.register_unstructure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), lambda member: member.value
    )
    conv.register_unstructure_hook(dt.date, dt.date.isoformat)
    conv.register_unstructure_hook(dt.datetime, dt.datetime.isoformat)
    conv.register_unstructure_hook(dt.time, _unstructure_time)
    _skip_runtime_only_fields(conv)
    return conv


def _unstructure_time(value: dt.time) -> str:
    """``HH:MM``, the usual form; seconds and microseconds only when there are some.

    Dropping them would change the time read back (and could put a permanence's end at its
    start).
    """
    exact = not (value.second or value.microsecond)
    return value.isoformat(timespec="minutes" if exact else "auto")


def json_kind(value: Any) -> str:
    """The JSON name of a parsed value's type: ``object``, ``array``, ``string``,
    ``number``, ``boolean`` or ``null`` (``date``, ``date-time``, ``time`` for TOML's own
    values); never Python's (``dict``, ``NoneType``), which a PHP or JavaScript developer
    reading an HTTP answer would not know."""
    if isinstance(value, dt.datetime):
        return "date-time"
    for types, name in _JSON_KINDS:
        if isinstance(value, types):
            return name
    return type(value).__name__  # not from JSON nor TOML: a Python caller's object


_JSON_KINDS: tuple[tuple[type | tuple[type, ...], str], ...] = (
    (bool, "boolean"),  # before int: True is an int
    ((int, float), "number"),
    (str, "string"),
    (Mapping, "object"),
    ((list, tuple), "array"),
    (type(None), "null"),
    (dt.date, "date"),
    (dt.time, "time"),
)


def objects_only(structure_fn: Callable[[Any, Any], T]) -> Callable[[Any, Any], T]:
    """``structure_fn`` (cattrs' structuring of an attrs class from a mapping) refusing
    anything but a mapping with one clear problem (``expected a JSON object, got
    array``): cattrs' generated code would fail on ``[]`` or ``"x"`` with an
    ``AttributeError`` (a 500 in ``mfs serve``), on ``3`` with Python's own words."""

    def structure(value: Any, type_: Any) -> T:
        if not isinstance(value, Mapping):
            raise CodedValueError(f"expected a JSON object, got {json_kind(value)}", _WRONG_TYPE)
        return structure_fn(value, type_)

    return structure


def _is_homogeneous_tuple(type_: Any) -> bool:
    args = typing.get_args(type_)
    return typing.get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis


def _no_string_as_sequence(type_: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """A list field given a single string would otherwise become a tuple of characters."""
    base = homogenous_tuple_structure_factory(type_, conv)

    def structure(value: Any, target: Any) -> Any:
        if isinstance(value, str | bytes | dict):
            raise CodedValueError(
                f"expected a list, got {json_kind(value)}{_got(value, ' ')}", _WRONG_TYPE
            )
        return base(value, target)

    return structure


def _skip_runtime_only_fields(conv: cattrs.Converter) -> None:
    """The registration types of the hooks (:data:`mfs_core.hookspecs.HOOKS`): callables
    (predicates, evaluators) and provenance never come from a file, and the formats their
    hook declares (ids, partner codes, fiche ids) are checked as the registry checks them.

    Provenance is written out (so JSON says which plugin gave what) but never read back: the
    registry stamps it.
    """
    from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

    from mfs_core.hookspecs import HOOKS

    for hook in HOOKS:
        cls = hook.type
        fields = {a.name for a in attrs.fields(cls)}
        skip: dict[str, Any] = {name: override(omit=True) for name in fields & set(hook.calls)}
        conv.register_unstructure_hook(cls, make_dict_unstructure_fn(cls, conv, **skip))
        skip_in: dict[str, Any] = dict(skip, provenance=override(omit=True))
        base = make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=True, **skip_in)
        conv.register_structure_hook(cls, objects_only(_formats_checked(base, hook.formats)))


def _formats_checked(
    structure_fn: Callable[[Any, Any], Any], formats: Mapping[str, Format]
) -> Callable[[Any, Any], Any]:
    def structure_checked(value: Any, type_: Any) -> Any:
        item = structure_fn(value, type_)
        problems = malformed(item, formats, {})
        if problems:
            raise ClassValidationError(
                f"While structuring {type_.__name__}",
                [CodedValueError(problem.message, problem.code) for problem in problems],
                type_,
            )
        return item

    return structure_checked


converter: cattrs.Converter = _make_converter()

#: False while structuring data whose values must not reach a message (a request may hold
#: personal data in any field): messages then name the field and what was expected only.
_ECHO_VALUES: contextvars.ContextVar[bool] = contextvars.ContextVar("echo", default=True)
#: Longest text quoted in a message; a longer one is described by its length.
_ECHO_CHARS = 80


def values_shown() -> bool:
    """Whether a message may quote the value it refuses: false while
    :func:`structure` runs with ``echo_values=False``. For the validators of model
    classes, whose messages cattrs passes on as they are."""
    return _ECHO_VALUES.get()


def _got(value: Any, before: str = "") -> str:
    """A refused value for a message, after ``before``: its repr when short, else its
    length; ``""`` (the type alone, in the caller's words) when values are not echoed.
    A date or a date-time is shown by its ISO form."""
    if not _ECHO_VALUES.get():
        return "" if before else _a_kind(value)
    if isinstance(value, dt.date):
        return before + value.isoformat()
    if isinstance(value, str) and len(value) > _ECHO_CHARS:
        return f"{before}a {len(value):,}-character string"
    text = repr(value)
    return before + (text if len(text) <= _ECHO_CHARS else f"{_a_kind(value)} value")


def _a_kind(value: Any) -> str:
    """``a string``, ``an array``, ``null``...: the JSON kind of ``value`` in a phrase."""
    kind = json_kind(value)
    return kind if kind == "null" else f"{'an' if kind[0] in 'aeiou' else 'a'} {kind}"


def _not_one_of(value: Any, allowed: str) -> str:
    if not _ECHO_VALUES.get():
        return f"expected one of {allowed}, got another value"
    return f"{_got(value)} is not one of {allowed}"


def _format_errors(exc: BaseException, path: str = "") -> list[tuple[str, ContributionCode | None]]:
    """Flatten a cattrs exception tree into ``path: message`` lines, each with its code
    (:class:`CodedValueError`), or ``None`` (an unknown key, a missing field)."""
    if isinstance(exc, ForbiddenExtraKeysError):
        # A key is data too: a NIR or a name may come as a key of a malformed object.
        from mfs_core.redaction import redact

        where = f"{path}: " if path else ""
        keys = ", ".join(sorted(redact(str(key)).text for key in exc.extra_fields))
        plural = "s" if len(exc.extra_fields) > 1 else ""
        return [(f"{where}unknown key{plural} {keys}", None)]
    if isinstance(exc, ClassValidationError | IterableValidationError):
        lines: list[tuple[str, ContributionCode | None]] = []
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            name = getattr(note, "name", None)
            index = getattr(note, "index", None)
            if name is not None:
                sub_path = f"{path}.{name}" if path else str(name)
            elif index is not None:
                sub_path = f"{path}[{index!r}]"
            else:
                sub_path = path
            lines.extend(_format_errors(sub, sub_path))
        for sub in without:
            lines.extend(_format_errors(sub, path))
        return lines
    if isinstance(exc, KeyError):
        return [(f"{path}: required field missing", None)]
    message = str(exc) or type(exc).__name__
    if isinstance(exc, TypeError) and "missing" in message and "required" in message:
        missing = message.split(":", 1)[-1].strip()
        return [(f"{path or '(root)'}: required field(s) missing: {missing}", None)]
    code = exc.code if isinstance(exc, CodedValueError) else None
    return [(f"{path}: {message}" if path else message, code)]


def structure(data: Any, cls: type[T], *, source: str | None = None, echo_values: bool = True) -> T:
    """Build ``cls`` from plain data, raising :class:`InputError` with field paths.

    ``source`` (a file name, ``<stdin>``...) prefixes every message. Values quoted in the
    messages have their personal data redacted (``got '[NIR]'``) and are at most 80
    characters long; with ``echo_values=False`` no value is quoted at all, only the field
    and what was expected (``channel: expected one of 'counter', ..., got another value``):
    for data that may hold personal data anywhere, such as a routing request.
    """
    token = _ECHO_VALUES.set(echo_values)
    try:
        found = _structured(data, cls)
    finally:
        _ECHO_VALUES.reset(token)
    if isinstance(found, list):
        raise InputError([line for line, _ in found], source=source)
    return found


def structure_or_problems(
    data: Any, cls: type[T], *, source: str | None = None
) -> T | list[tuple[str, ContributionCode | None]]:
    """Like :func:`structure`, but give the problems instead of raising: each line (with
    ``source`` before it, quoted values redacted) with its code, ``None`` for a problem with
    no Python counterpart (an unknown key, a missing field)."""
    found = _structured(data, cls)
    if isinstance(found, list) and source:
        return [(f"{source}: {line}", code) for line, code in found]
    return found


def _structured(data: Any, cls: type[T]) -> T | list[tuple[str, ContributionCode | None]]:
    if attrs.has(cls) and not isinstance(data, Mapping):
        # Named as cattrs' own "(root): required field(s) missing" names the whole document.
        return [(f"(root): expected a JSON object, got {json_kind(data)}", _WRONG_TYPE)]
    try:
        return converter.structure(data, cls)
    except (cattrs.BaseValidationError, ValueError, TypeError) as exc:
        # A value quoted in a message may be personal data typed in the wrong field.
        from mfs_core.redaction import redact_quoted

        return [(redact_quoted(line), code) for line, code in _format_errors(exc)]


def unstructure(obj: Any) -> Any:
    """Turn a model object into plain JSON-ready data."""
    return converter.unstructure(obj)
