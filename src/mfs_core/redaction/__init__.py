"""Redaction of personal data in free text, as people in France write it.

:func:`redact` replaces, in a note or a refusal reason, what identifies a person by a
placeholder naming its kind (French: agents read the notes):

- identifiers checked with python-stdnum: NIR (``[NIR]``), tax number / SPI
  (``[N° FISCAL]``), IBAN of any country (``[IBAN]``); a look-alike failing its checksum is
  replaced all the same and *suspected* (``[NIR?]``): a NIR with a typo is still a NIR;
- phones (``[TÉLÉPHONE]``) and e-mail addresses (``[E-MAIL]``), however spelled;
- numbers introduced by a partner's words (``n° allocataire``, ``identifiant France
  Travail``, ``n° de sécu``...; see :mod:`mfs_core.redaction.partners`): ``[N° USAGER]``,
  ``[N° DE TITRE]`` for identity documents;
- any other run of 9 digits or more that no rule names (``[NUMÉRO?]``);
- people's names (``[NOM]``; see :mod:`mfs_core.redaction.names`);
- dates of birth, when words say so (``née le 07/11/1967``, ``date de naissance :``):
  ``[DATE DE NAISSANCE]`` (see :mod:`mfs_core.redaction.birth_dates`).

Kept as written: a valid SIRET or SIREN (an organisation), service numbers (``08…``, short
numbers such as 3646), other dates, amounts, lists of years, procedure references. Detection runs
on a normalised copy of the text (every Unicode space, dash, full-width form and digit in
its ASCII form, see :mod:`mfs_core.redaction._text`); replacement happens on the original,
so the rest of the note is kept exactly. Only the kinds found are reported, never a value.
How much is caught is measured on ``tests/data/redaction/corpus.jsonl``
(``python scripts/evaluate_redaction.py``); the reports quote the figures of
:data:`mfs_core.redaction.statement.MEASURED`.
"""

from __future__ import annotations

import re

import attrs

from mfs_core.redaction._spans import DataKind, Span
from mfs_core.redaction._text import lowered, normalised
from mfs_core.redaction.birth_dates import find_birth_dates
from mfs_core.redaction.names import find_names, holds_first_name
from mfs_core.redaction.numbers import find_emails, find_numbers
from mfs_core.redaction.partners import find_partner_numbers

__all__ = [
    "PLACEHOLDERS",
    "DataKind",
    "Redacted",
    "RedactedSpan",
    "find",
    "id_problem",
    "redact",
    "redact_quoted",
    "safe_repr",
]

#: What replaces each kind of personal data in the stored text.
PLACEHOLDERS: dict[DataKind, str] = {
    DataKind.EMAIL: "[E-MAIL]",
    DataKind.IBAN: "[IBAN]",
    DataKind.NIR: "[NIR]",
    DataKind.TAX_NUMBER: "[N° FISCAL]",
    DataKind.PHONE: "[TÉLÉPHONE]",
    DataKind.CLIENT_NUMBER: "[N° USAGER]",
    DataKind.ID_DOCUMENT: "[N° DE TITRE]",
    DataKind.NUMBER: "[NUMÉRO]",
    DataKind.NAME: "[NOM]",
    DataKind.BIRTH_DATE: "[DATE DE NAISSANCE]",
}
#: Which kind wins when two spans overlap and are equally sure (see ``_rank``).
_PRIORITY: dict[DataKind, int] = {
    DataKind.EMAIL: 9,
    DataKind.IBAN: 8,
    DataKind.NIR: 8,
    DataKind.TAX_NUMBER: 8,
    DataKind.PHONE: 7,
    DataKind.ID_DOCUMENT: 6,
    DataKind.CLIENT_NUMBER: 6,
    DataKind.BIRTH_DATE: 5,
    DataKind.NAME: 3,
    DataKind.NUMBER: 1,
}
#: Fewer digits than this in an id: no phone, NIR, tax number or IBAN in it.
_MIN_ID_DIGITS = 8
#: An e-mail address without "@" is spelled with one of these.
_SPELLED_AT = ("at)", "at]", "at}", "at>", " at ", "arobase")
#: A placeholder already in the text: what is inside is not searched again.
_PLACEHOLDER = re.compile(r"\[(?:" + "|".join(re.escape(p[1:-1]) for p in PLACEHOLDERS.values())
                          + r")\??\]")  # fmt: skip


@attrs.frozen
class RedactedSpan:
    """One piece of personal data removed: its kind, whether no checksum confirms it, and
    where it was in the original text (``span``: start and end offsets; never the value)."""

    kind: DataKind
    suspected: bool = False
    span: tuple[int, int] | None = attrs.field(default=None, eq=False)

    @property
    def code(self) -> str:
        """``nir``, or ``nir?`` for a look-alike no checksum confirms: what the journal
        stores and reports, never the value."""
        return f"{self.kind}?" if self.suspected else str(self.kind)


@attrs.frozen
class Redacted:
    """Text with its personal data replaced by placeholders, and the spans removed."""

    text: str
    spans: tuple[RedactedSpan, ...] = ()

    @property
    def codes(self) -> tuple[str, ...]:
        """The sorted distinct codes of the spans (``("iban", "nir?")``)."""
        return tuple(sorted({span.code for span in self.spans}))

    @property
    def suspected(self) -> tuple[RedactedSpan, ...]:
        """Spans that look like an identifier but no checksum confirms."""
        return tuple(span for span in self.spans if span.suspected)


#: Kinds whose shape alone says what they are (an ``@``), or a checksum confirms.
_CERTAIN = frozenset([DataKind.EMAIL, DataKind.IBAN, DataKind.NIR, DataKind.TAX_NUMBER])


def _rank(span: Span) -> tuple[int, int, int]:
    """Certain (checksum or ``@``), then named by the words before it, then guessed from
    its shape (a phone, a suspected NIR), the catch-all ``number`` last; then the longer
    span (a suspected IBAN holds digits that look like a phone), then the kind."""
    if span.kind in _CERTAIN and not span.suspected:
        confidence = 3
    elif span.context:
        confidence = 2
    else:
        confidence = 0 if span.kind == DataKind.NUMBER else 1
    return (confidence, span.end - span.start, _PRIORITY[span.kind])


def _merge(spans: list[Span]) -> list[Span]:
    """Overlapping findings become one, of the strongest kind."""
    merged: list[Span] = []
    for span in sorted(spans):
        if merged and span.start < merged[-1].end:
            last = merged[-1]
            best = max(last, span, key=_rank)
            merged[-1] = best._replace(start=last.start, end=max(last.end, span.end))
        else:
            merged.append(span)
    return merged


def find(text: str) -> list[Span]:
    """The spans of personal data in ``text``, merged and in order (offsets of ``text``)."""
    view = normalised(text)
    lower_view = lowered(view)
    spans = []
    if "@" in view or any(word in lower_view for word in _SPELLED_AT):
        spans += find_emails(view)
    digits = sum(map(view.count, "0123456789"))
    if digits >= 3:
        spans += find_numbers(view, lower_view) + find_partner_numbers(lower_view)
        spans += find_birth_dates(lower_view)
    elif digits:  # an identity document's number may hold only one or two digits
        spans += find_partner_numbers(lower_view)
    spans += find_names(view, lower_view)
    placeholders = [m.span() for m in _PLACEHOLDER.finditer(view)] if "[" in view else []
    if placeholders:  # already redacted text stays as it is
        spans = [s for s in spans if not any(a <= s.start and s.end <= b for a, b in placeholders)]
    return _merge(spans)


def redact(text: str) -> Redacted:
    """Replace the personal data in ``text`` by placeholders such as ``[NIR]``.

    >>> redact("NIR 2 95 10 99 126 111 93, tél. 06 12 34 56 78").text
    'NIR [NIR], tél. [TÉLÉPHONE]'
    >>> redact("NIR 2 95 10 99 126 111 94").codes  # checksum fails: suspected
    ('nir?',)
    >>> redact("Mme Dupont, n° allocataire 1234567").text
    'Mme [NOM], n° allocataire [N° USAGER]'
    """
    spans = find(text)
    if not spans:
        return Redacted(text)
    out: list[str] = []
    at = 0
    for span in spans:
        placeholder = PLACEHOLDERS[span.kind]
        out += [text[at : span.start], f"{placeholder[:-1]}?]" if span.suspected else placeholder]
        at = span.end
    out.append(text[at:])
    removed = tuple(RedactedSpan(s.kind, s.suspected, (s.start, s.end)) for s in spans)
    return Redacted("".join(out), removed)


def safe_repr(value: object) -> str:
    """``repr(value)`` for an error message, with any personal data in it redacted:
    ``'[NIR]'`` rather than the number typed in the wrong field."""
    if not isinstance(value, str):
        return repr(value)
    return repr(redact(value).text)


_QUOTED = re.compile(r"'((?:[^'\\]|\\.)*)'|\"((?:[^\"\\]|\\.)*)\"")


def redact_quoted(message: str) -> str:
    """``message`` with the personal data of its quoted values (``'...'``, ``"..."``)
    redacted: ``received_at: expected a date-time, got '[NIR]'``. The rest of the message
    (field names, what was expected) is left alone."""
    if "'" not in message and '"' not in message:
        return message

    def replace(match: re.Match[str]) -> str:
        quote = match.group()[0]
        return quote + redact(match.group()[1:-1]).text + quote

    return _QUOTED.sub(replace, message)


#: Kinds that make an id unfit to be stored: an id is a key kept in clear.
_ID_KINDS = frozenset([DataKind.IBAN, DataKind.NIR, DataKind.TAX_NUMBER, DataKind.PHONE])
_ID_WORDS = re.compile(r"[^\W\d_]+")
#: A UUID (any version) or a long hexadecimal hash.
_GENERATED_ID = re.compile(
    r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{16,}", re.IGNORECASE
)


def id_problem(value: str) -> str | None:
    """Why ``value`` cannot be a record id (``None`` when it can): it holds a personal
    identifier that a checksum confirms, a phone number or a capitalised first name
    (``Jean.Dupont``). Numbers no
    checksum names are allowed: an id such as ``2023-0000123`` is opaque. Faster than
    :func:`find` on the short ids it is made for (it runs on every record written)."""
    if _GENERATED_ID.fullmatch(value):
        return None  # a UUID or a hash: random digits, whatever they look like
    found: set[str] = set()
    if sum(map(value.count, "0123456789")) >= _MIN_ID_DIGITS:
        view = normalised(value)
        found = {
            s.kind
            for s in find_numbers(view, lowered(view))
            if s.kind in _ID_KINDS and not s.suspected
        }
    # Only capitalised words: hexadecimal ids (UUIDs) hold lower- and upper-case letter runs
    # such as "ada" or "ADA" that are first names too.
    words = _ID_WORDS.findall(value)
    if any(w.istitle() and len(w) > 2 and holds_first_name(w) for w in words):
        found.add(DataKind.NAME)
    if not found:
        return None
    return f"looks like personal data ({', '.join(sorted(found))}); use an opaque id"
