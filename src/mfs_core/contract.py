"""What makes one contribution well formed: the checks behind the hook table.

Each hook of :data:`mfs_core.hookspecs.HOOKS` declares its registration type, the format of
its id-like fields, the callables it carries and the fields ``mfs plugins --check`` requires.
:func:`malformed` applies those declarations to one item: the registry leaves out an item
with a problem (and records it as a fault of stage ``value``, reported by ``--check`` under
its own code); the converter refuses a file holding one. Everything else about a
contribution (partners that exist, URLs on the partner's domains, dates) is judged by
:mod:`mfs_core.validation`, which reports but keeps the item.

Every finding code of ``mfs plugins --check`` is a :class:`ContributionCode`, described in
:data:`CODE_MEANINGS` (the contract page lists them).
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import inspect
import re
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any

import attrs

__all__ = [
    "CODE_MEANINGS",
    "Call",
    "ContributionCode",
    "Format",
    "Malformed",
    "Rejected",
    "describe_type",
    "fields_of",
    "malformed",
    "members",
]


class ContributionCode(enum.StrEnum):
    """The stable code of each finding of ``mfs plugins --check`` (CI scripts match on it)."""

    PLUGIN_FAULT = "plugin-fault"
    PLUGIN_EMPTY = "plugin-empty"
    DUPLICATE_ID = "duplicate-id"
    ID_MALFORMED = "id-malformed"
    ID_PARTNER_MISMATCH = "id-partner-mismatch"
    FICHE_ID_MALFORMED = "fiche-id-malformed"
    VALUE_WRONG_TYPE = "value-wrong-type"
    VALUE_NOT_ALLOWED = "value-not-allowed"
    PREDICATE_SIGNATURE = "predicate-signature"
    EVALUATE_SIGNATURE = "evaluate-signature"
    UNKNOWN_PARTNER = "unknown-partner"
    PARTNER_DOMAIN_MALFORMED = "partner-domain-malformed"
    ONLINE_URL_MALFORMED = "online-url-malformed"
    ONLINE_URL_NOT_HTTPS = "online-url-not-https"
    ONLINE_URL_OFF_DOMAIN = "online-url-off-domain"
    ONLINE_URL_NOT_LISTED = "online-url-not-listed"
    THEMATIQUE_UNKNOWN = "thematique-unknown"
    RULE_UNKNOWN_PROCEDURE = "rule-unknown-procedure"
    RULE_UNKNOWN_FACT = "rule-unknown-fact"
    REASON_MISSING = "reason-missing"
    REFERENCE_MISSING = "reference-missing"
    LAST_VERIFIED_MISSING = "last-verified-missing"
    LAST_VERIFIED_STALE = "last-verified-stale"
    LAST_VERIFIED_FUTURE = "last-verified-future"
    RECOGNITION_TEXT_BLANK = "recognition-text-blank"
    RECOGNITION_TEXT_INVALID = "recognition-text-invalid"
    RECOGNITION_NO_WORDS = "recognition-no-words"
    RECOGNITION_TEXT_TOO_LONG = "recognition-text-too-long"
    RECOGNITION_KEYWORD_FOREIGN = "recognition-keyword-foreign"
    FICHE_TITLE_WITHOUT_FICHE = "fiche-title-without-fiche"
    RELATED_QUESTION_ALSO_OWN = "related-question-also-own"
    LAST_VERIFIED_UNSUPPORTED = "last-verified-unsupported"
    DATA_ENTRY_INVALID = "data-entry-invalid"
    # Found by mfs_core.testing only, which holds the plugin object itself:
    PLUGIN_NOT_FOUND = "plugin-not-found"
    HOOK_NOT_MARKED = "hook-not-marked"


_C = ContributionCode
#: What each code means. Codes marked "left out" are problems of one item: the registry
#: drops that item (the rest of its plugin's hook is kept); the others are reported only.
CODE_MEANINGS: dict[ContributionCode, str] = {
    _C.PLUGIN_FAULT: "a plugin failed to import or register (all its contributions are "
    "lost), a hook failed to run (raised, exited, printed, overran its budget, returned one "
    "object instead of a list: that hook's contributions are lost), or a hook yielded objects "
    "of another type (only those are left out)",
    _C.PLUGIN_EMPTY: "a plugin loaded but contributes nothing: it has no @hookimpl function "
    "(its entry point names the package instead of the module holding the hooks?) or its "
    "hooks yield nothing",
    _C.DUPLICATE_ID: "two plugins contributed the same id; the registry kept the first "
    "(built-ins, then external plugins by name)",
    _C.ID_MALFORMED: "left out: an id or partner code does not match its pattern",
    _C.ID_PARTNER_MISMATCH: "an id's prefix is not the partner code of the contribution",
    _C.FICHE_ID_MALFORMED: "left out: a fiche id is not F, N or R followed by digits",
    _C.VALUE_WRONG_TYPE: "left out: a field holds a value of the wrong type (a number where "
    "text is expected, a date-time for a date...)",
    _C.VALUE_NOT_ALLOWED: "left out: a field holds a value outside its allowed values",
    _C.PREDICATE_SIGNATURE: "left out: a rule's predicate cannot be called as "
    "predicate(request, context)",
    _C.EVALUATE_SIGNATURE: "left out: a check has no evaluate, or it cannot be called as "
    "evaluate(site)",
    _C.UNKNOWN_PARTNER: "a procedure or rule names a partner no plugin contributes",
    _C.PARTNER_DOMAIN_MALFORMED: "a partner domain is not a bare lower-case host name",
    _C.ONLINE_URL_MALFORMED: "an online URL cannot be parsed",
    _C.ONLINE_URL_NOT_HTTPS: "an online URL is not https",
    _C.ONLINE_URL_OFF_DOMAIN: "an online URL is neither on the partner's official domains, "
    "nor on those of the operator the procedure names, nor on the service-public.fr portal",
    _C.ONLINE_URL_NOT_LISTED: "an online URL is none of the téléservices the procedure lists "
    "in online_services (a form or a simulator is not its online service)",
    _C.THEMATIQUE_UNKNOWN: "a thematique is not a data·inclusion v1 code",
    _C.RULE_UNKNOWN_PROCEDURE: "a referral rule names a procedure no plugin contributes",
    _C.RULE_UNKNOWN_FACT: "a referral rule tests a fact outside KNOWN_FACTS",
    _C.REASON_MISSING: "a referral rule has no explanation for the agent",
    _C.REFERENCE_MISSING: "a procedure, rule or check cites no source",
    _C.LAST_VERIFIED_MISSING: "a procedure, rule or check has no last-verified date",
    _C.LAST_VERIFIED_STALE: "last verified longer ago than the maximum age",
    _C.LAST_VERIFIED_FUTURE: "last verified after today",
    _C.RECOGNITION_TEXT_BLANK: "a keyword, question, fiche title or description (texts need "
    "recognition searches) is only spaces (an empty keyword or question too)",
    _C.RECOGNITION_TEXT_INVALID: "a keyword, question, fiche title or description is not "
    "text (the registry leaves such an item out as value-wrong-type first: reported by "
    "mfs_core.recognition.checks on an item checked on its own), or holds a control or "
    "bidirectional character or half of a surrogate pair (named by its code point)",
    _C.RECOGNITION_NO_WORDS: "a keyword or question is made only of stop words (« de la »): "
    "it can never match a need",
    _C.RECOGNITION_TEXT_TOO_LONG: "a keyword, question, fiche title or description is longer "
    "than recognition reads, or a procedure has more keywords or questions, more characters "
    "in one field or more distinct words than it indexes",
    _C.RECOGNITION_KEYWORD_FOREIGN: "a keyword names another partner (code, acronym, "
    "keywords, the lexicon's words for it), or, three words or more, holds whole another "
    "partner's procedure keyword or title without a word of its own procedure's title or "
    "description (keyword stuffing: it would draw that partner's needs); reported, the item "
    "is kept",
    _C.FICHE_TITLE_WITHOUT_FICHE: "a fiche title is set without the fiche id it was copied from",
    _C.RELATED_QUESTION_ALSO_OWN: "a question title is both one of the procedure's own "
    "questions and a related one (about another subject): one decision contradicts the other",
    _C.LAST_VERIFIED_UNSUPPORTED: "last verified later than the newest version of its "
    "sources (a verification date is the date of the source's version, never the day it "
    "was read)",
    _C.DATA_ENTRY_INVALID: "left out: an entry of a data file cannot be read (unknown key, "
    "wrong type or value, a predicate that cannot be imported)",
    _C.PLUGIN_NOT_FOUND: "(mfs_core.testing only) no installed entry point (or no plugin of "
    "the registry given) has this name",
    _C.HOOK_NOT_MARKED: "(mfs_core.testing only) a function named like a hook lacks "
    "@hookimpl, so pluggy ignores it",
}


@attrs.frozen
class Format:
    """The format a text field must have: ``pattern``, described as ``what`` ("a procedure
    id"), reported under ``code`` when it does not match."""

    pattern: re.Pattern[str]
    what: str
    code: ContributionCode = ContributionCode.ID_MALFORMED


@attrs.frozen
class Call:
    """A callable field: the :class:`typing.Protocol` it must satisfy, whether it may be
    ``None``, and the code of a mismatch."""

    protocol: type
    code: ContributionCode
    required: bool = False


@attrs.frozen
class Rejected:
    """An entry of a partner's data file that could not be read as a contribution.

    The data-file loader (:mod:`mfs_core.datafile`) yields it in place of the entry; the
    registry leaves it out and records it as it records a malformed item (stage ``value``,
    under ``code``), so the other entries of the file are kept.
    """

    subject: str
    message: str
    code: ContributionCode = ContributionCode.DATA_ENTRY_INVALID
    #: What is left out, when it is not the entry ``subject`` names (e.g. the tables under
    #: an unknown top-level key of the file).
    left_out: str = ""


@attrs.frozen
class Malformed:
    """One problem with one field of one contribution."""

    code: ContributionCode
    field: str
    message: str


_FIELDS: dict[type[Any], tuple[tuple[str, Any], ...]] = {}


def fields_of(cls: type[Any]) -> tuple[tuple[str, Any], ...]:
    """``(name, resolved type)`` of every attrs field of ``cls``, in order (worked out once
    per class)."""
    found = _FIELDS.get(cls)
    if found is None:
        hints = typing.get_type_hints(cls)
        found = _FIELDS[cls] = tuple((f.name, hints[f.name]) for f in attrs.fields(cls))
    return found


@attrs.frozen
class _Field:
    """How one field of a registration type is judged, worked out once per class."""

    name: str
    hint: Any
    conforms: Callable[[object], bool]
    enum_type: type[enum.Enum] | None


_PLANS: dict[type[Any], tuple[_Field, ...]] = {}


def _plan(cls: type[Any]) -> tuple[_Field, ...]:
    plan = _PLANS.get(cls)
    if plan is None:
        plan = _PLANS[cls] = tuple(
            _Field(name, hint, _checker(hint), _enum_in(hint))
            for name, hint in fields_of(cls)
            if name != "provenance"
        )
    return plan


def malformed(
    item: object,
    formats: Mapping[str, Format],
    calls: Mapping[str, Call],
) -> list[Malformed]:
    """The problems of ``item`` (an attrs registration object): values of the wrong type
    or outside their enum, ``formats`` not matched, ``calls`` that do not fit their
    protocol. Empty when it is well formed. Never raises on a plugin's odd values: their
    ``repr`` is not called (it is plugin code), only their type is named."""
    problems: list[Malformed] = []
    for field in _plan(type(item)):
        name = field.name
        value = getattr(item, name)
        call = calls.get(name)
        problem: Malformed | None = None
        if call is not None:
            problem = _call_problem(name, value, call)
        elif not field.conforms(value):
            problem = _value_problem(name, value, field.hint)
        elif name in formats and isinstance(value, str):
            problem = _format_problem(name, value, formats[name])
        if problem is not None:
            problems.append(problem)
    return problems


def members(item: object) -> dict[str, Any]:
    """The enum fields of a well-formed ``item`` given as plain values (``"referent"``, as a
    data file gives them), as their members: ``{"target": ReferralTarget.REFERENT}``. Empty
    when every enum field already holds members (the usual case)."""
    found: dict[str, Any] = {}
    for field in _plan(type(item)):
        enum_type = field.enum_type
        if enum_type is None:
            continue
        value = getattr(item, field.name)
        if isinstance(value, tuple):
            if any(v.__class__ is not enum_type for v in value):
                found[field.name] = tuple(enum_type(v) for v in value)
        elif value is not None and value.__class__ is not enum_type:
            found[field.name] = enum_type(value)
    return found


def _format_problem(name: str, value: str, fmt: Format) -> Malformed | None:
    if fmt.pattern.match(value):
        return None
    return Malformed(fmt.code, name, f"{name}: {_shown(value)} is not {fmt.what}")


def _value_problem(name: str, value: object, hint: Any) -> Malformed | None:
    """A wrong type or an enum value outside its members, else None."""
    if _checker(hint)(value):
        return None
    if isinstance(value, str) and typing.get_origin(hint) is tuple:
        # ("dispute") for ("dispute",): the comma that makes a tuple is easy to miss.
        return Malformed(
            ContributionCode.VALUE_WRONG_TYPE,
            name,
            f"{name}: expected {describe_type(hint)}, got a single string {_shown(value)} "
            "(a missing comma in a one-item tuple?)",
        )
    enum_type = _enum_in(hint)
    if enum_type is not None and _enum_values_wrong(value, hint):
        wrong = value if isinstance(value, str) else _first_wrong(value, enum_type)
        allowed = ", ".join(repr(m.value) for m in enum_type)
        return Malformed(
            ContributionCode.VALUE_NOT_ALLOWED,
            name,
            f"{name}: {_shown(wrong)} is not one of {allowed}",
        )
    return Malformed(
        ContributionCode.VALUE_WRONG_TYPE,
        name,
        f"{name}: expected {describe_type(hint)}, got {_shown(value)}",
    )


def _first_wrong(values: object, enum_type: type[enum.Enum]) -> object:
    assert isinstance(values, tuple)  # _enum_values_wrong said so
    return next(v for v in values if not _enum_member(v, enum_type))


def _shown(value: object) -> str:
    """A value for a message: short text and numbers as they are, else only the type."""
    if isinstance(value, str):  # str.__repr__: a subclass's own __repr__ is plugin code
        return str.__repr__(value) if len(value) <= 80 else f"a {len(value)}-character string"
    if isinstance(value, bool | int | float | dt.date):
        return f"{type(value).__name__} {value!r}"
    return type(value).__name__


@functools.cache
def _checker(hint: Any) -> Callable[[object], bool]:
    """Whether a value conforms to the type ``hint``, as a function built once per hint (the
    registry judges every field of every item it collects)."""
    origin = typing.get_origin(hint)
    if origin is typing.Union or origin is types.UnionType:
        args = typing.get_args(hint)
        if len(args) == 2 and type(None) in args:  # X | None, the usual optional field
            inner = _checker(next(a for a in args if a is not type(None)))
            return lambda value: value is None or inner(value)
        checks = tuple(_checker(arg) for arg in args)
        return lambda value: any(check(value) for check in checks)
    if hint is type(None):
        return lambda value: value is None
    if origin is tuple:
        item_type = typing.get_args(hint)[0]
        if item_type is str:
            return lambda value: isinstance(value, tuple) and all(isinstance(v, str) for v in value)
        check = _checker(item_type)
        return lambda value: isinstance(value, tuple) and all(map(check, value))
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return functools.partial(_enum_member, enum_type=hint)
    if attrs.has(hint):  # a nested value (a source, an online service): its fields too
        fields = [(name, _checker(sub)) for name, sub in fields_of(hint)]
        return lambda value: (
            isinstance(value, hint) and all(check(getattr(value, name)) for name, check in fields)
        )
    if getattr(hint, "_is_protocol", False):  # a callable's shape is judged by its Call
        return callable
    if hint is bool:
        return lambda value: isinstance(value, bool)
    if hint is int:
        return lambda value: isinstance(value, int) and not isinstance(value, bool)
    if hint is dt.date:
        # A date-time is a date subclass, but cannot be compared with one.
        return lambda value: isinstance(value, dt.date) and not isinstance(value, dt.datetime)
    if isinstance(hint, type):
        return lambda value: isinstance(value, hint)
    return lambda value: True  # a form this module does not know: not its to judge


def _enum_member(value: object, enum_type: type[enum.Enum]) -> bool:
    if isinstance(value, enum_type):
        return True
    # A StrEnum's plain value ("referent") works wherever the member does.
    return issubclass(enum_type, str) and isinstance(value, str) and value in _values(enum_type)


@functools.cache
def _values(enum_type: type[enum.Enum]) -> frozenset[object]:
    return frozenset(m.value for m in enum_type)


@functools.cache
def _enum_in(hint: Any) -> type[enum.Enum] | None:
    """The enum a field holds (alone, optional, or in a tuple), if any."""
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return hint
    for arg in typing.get_args(hint):
        found = _enum_in(arg)
        if found is not None:
            return found
    return None


def _enum_values_wrong(value: object, hint: Any) -> bool:
    """Whether the value has the right shape but a value outside the enum (else it is a
    wrong type): a string for an enum of strings, a tuple of strings for a tuple."""
    if isinstance(value, str):
        return True
    return isinstance(value, tuple) and all(isinstance(v, str) for v in value)


def describe_type(hint: Any, *, plural: bool = False) -> str:
    """A field's type in words, for messages and the contract page."""
    origin = typing.get_origin(hint)
    if origin is typing.Union or origin is types.UnionType:
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        inner = " or ".join(describe_type(a) for a in args)
        return f"{inner} or None" if len(args) < len(typing.get_args(hint)) else inner
    if origin is tuple:
        return f"a tuple of {describe_type(typing.get_args(hint)[0], plural=True)}"
    words = {str: "text (str)", dt.date: "a date (datetime.date)", bool: "True or False"}
    if hint in words:
        return "texts (str)" if plural and hint is str else words[hint]
    if hint is int:
        return "a whole number (int)"
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return f"{hint.__name__} values" if plural else f"a {hint.__name__} value"
    return str(getattr(hint, "__name__", hint))


@functools.cache
def arity(protocol: type) -> int:
    """How many positional arguments a protocol's ``__call__`` takes (``self`` aside)."""
    call: Callable[..., Any] = protocol.__call__
    return len(inspect.signature(call).parameters) - 1


def _call_problem(name: str, value: object, call: Call) -> Malformed | None:
    shape = f"{name}({', '.join(_argument_names(call.protocol))})"
    if value is None:
        if not call.required:
            return None
        return Malformed(call.code, name, f"{name} is missing: it is called as {shape}")
    if not callable(value):
        return Malformed(
            call.code, name, f"{name}: expected a function called as {shape}, got {_shown(value)}"
        )
    try:
        signature = inspect.signature(value)
    except Exception:  # a builtin or C function, or an odd object: its signature is unknown
        return None
    try:
        signature.bind(*(None,) * arity(call.protocol))
    except TypeError:
        function = getattr(value, "__qualname__", None)
        if not isinstance(function, str):
            function = type(value).__name__
        return Malformed(
            call.code,
            name,
            f"{name}: {function}{signature} cannot be called as {shape}",
        )
    return None


@functools.cache
def _argument_names(protocol: type) -> tuple[str, ...]:
    call: Callable[..., Any] = protocol.__call__
    return tuple(list(inspect.signature(call).parameters)[1:])
