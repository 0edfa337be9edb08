"""Redaction of personal data in free text, before anything is stored.

Notes and refusal reasons are scanned for NIR (social security numbers), French tax numbers
(numéro fiscal / SPI), IBANs, French phone numbers and e-mail addresses. The French
identifiers and IBANs are checked with python-stdnum: a number passing its checksum is
redacted as what it is; a look-alike failing its checksum is redacted all the same and
reported as *suspected* (a typo in a NIR is still a NIR). Any other run of nine digits or
more is redacted as a suspected identifier too: a number the journal cannot name is not
kept. Only the kind of each finding is reported, never its value.

What this does not catch: names, postal addresses, dates of birth written in words. The
recording software must not put them in notes (see the docs, "What is redacted").
"""

from __future__ import annotations

import re

import attrs
from stdnum import iban
from stdnum.fr import nif, nir

__all__ = ["Finding", "Redacted", "redact"]

_PATTERN = re.compile(
    r"(?P<email>[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)"
    r"|(?P<iban>\b[A-Z]{2}[0-9]{2}(?:[ ]?[A-Z0-9]){11,30}\b)"
    r"|(?P<nir>\b[1-8][ .]?[0-9]{2}[ .]?[0-9]{2}[ .]?(?:[0-9]{2}|2[ABab])[ .]?[0-9]{3}"
    r"[ .]?[0-9]{3}[ .]?[0-9]{2}\b)"
    r"|(?P<tax_number>\b[0-3][0-9][ ]?[0-9]{2}[ ]?[0-9]{3}[ ]?[0-9]{3}[ ]?[0-9]{3}\b)"
    r"|(?P<phone>(?:(?:\+|\b00)33[ .-]?(?:\(0\))?[ .-]?[1-9]|\b0[1-9])(?:[ .-]?[0-9]{2}){4}\b)"
    r"|(?P<number>\b[0-9](?:[ .-]?[0-9]){8,}\b)"
)
_NEEDS_SCAN = re.compile(r"[0-9@]").search
_SEPARATORS = re.compile(r"[ .-]")

#: What replaces each kind of finding in the stored text (French: agents read the notes).
PLACEHOLDERS = {
    "email": "[E-MAIL]",
    "iban": "[IBAN]",
    "nir": "[NIR]",
    "tax_number": "[N° FISCAL]",
    "phone": "[TÉLÉPHONE]",
    "number": "[NUMÉRO]",
}
#: Fewer digits than this in an IBAN-shaped word: an upper-case word, not an account number.
_MIN_IBAN_DIGITS = 8


@attrs.frozen
class Finding:
    """One piece of personal data removed: its kind, and whether its checksum failed."""

    kind: str
    suspected: bool = False

    @property
    def label(self) -> str:
        """``nir``, or ``nir?`` for a look-alike failing its checksum."""
        return f"{self.kind}?" if self.suspected else self.kind


@attrs.frozen
class Redacted:
    """Text with its personal data replaced by placeholders, and what was found."""

    text: str
    findings: tuple[Finding, ...] = ()

    @property
    def labels(self) -> tuple[str, ...]:
        """The sorted distinct labels of the findings (``("iban", "nir?")``)."""
        return tuple(sorted({f.label for f in self.findings}))

    @property
    def suspected(self) -> tuple[Finding, ...]:
        """Findings that look like an identifier but fail its checksum."""
        return tuple(f for f in self.findings if f.suspected)


def _classify(kind: str, value: str) -> Finding | None:
    compact = _SEPARATORS.sub("", value)
    if kind == "iban":
        if sum(c.isdigit() for c in compact) < _MIN_IBAN_DIGITS:
            return None
        return Finding("iban", suspected=not iban.is_valid(compact))
    if kind == "nir":
        return Finding("nir", suspected=not nir.is_valid(compact.upper()))
    if kind == "tax_number":
        return Finding("tax_number", suspected=not nif.is_valid(compact))
    if kind == "number":
        return Finding("number", suspected=True)
    return Finding(kind)


def redact(text: str) -> Redacted:
    """Replace the personal data in ``text`` by placeholders such as ``[NIR]``.

    >>> redact("NIR 2 95 10 99 126 111 93, tél. 06 12 34 56 78").text
    'NIR [NIR], tél. [TÉLÉPHONE]'
    >>> redact("NIR 2 95 10 99 126 111 94").labels  # checksum fails: suspected
    ('nir?',)
    """
    if not _NEEDS_SCAN(text):
        return Redacted(text)
    findings: list[Finding] = []

    def replace(match: re.Match[str]) -> str:
        kind = match.lastgroup or "number"
        finding = _classify(kind, match.group())
        if finding is None:
            return match.group()
        findings.append(finding)
        return PLACEHOLDERS[kind] if not finding.suspected else f"{PLACEHOLDERS[kind][:-1]}?]"

    redacted = _PATTERN.sub(replace, text)
    return Redacted(redacted, tuple(findings))
