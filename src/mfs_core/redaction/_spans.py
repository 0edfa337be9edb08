"""A piece of personal data found in a note: where it is and what it is (never its value)."""

from __future__ import annotations

import enum
from typing import NamedTuple

__all__ = ["DataKind", "Span"]


class DataKind(enum.StrEnum):
    """The kinds of personal data the redaction removes (each has its placeholder,
    :data:`mfs_core.redaction.PLACEHOLDERS`)."""

    EMAIL = "email"
    IBAN = "iban"
    NIR = "nir"
    TAX_NUMBER = "tax_number"
    PHONE = "phone"
    CLIENT_NUMBER = "client_number"  # a partner's number for the usager (n° allocataire)
    ID_DOCUMENT = "id_document"  # the number of an identity document
    NUMBER = "number"  # a long run of digits no rule names
    NAME = "name"
    BIRTH_DATE = "birth_date"  # a date the words before it say is a date of birth


class Span(NamedTuple):
    """``text[start:end]`` is personal data of ``kind``; ``suspected`` when it has the shape
    of an identifier without a checksum confirming it (a typo, a NIR without its key).
    ``context`` when words before it said what it is (``n° fiscal``): that beats a guess
    from the shape alone when two findings overlap."""

    start: int
    end: int
    kind: DataKind
    suspected: bool = False
    context: bool = False
