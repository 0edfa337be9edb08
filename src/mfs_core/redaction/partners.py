"""Numbers the partners give residents, recognised by the words that introduce them.

A CAF number (7 digits) or a France Travail identifier (7 digits and a letter) has no
checksum and looks like any other number: only the words before it say what it is. The
lexicon ``data/partner_numbers.toml`` lists those words for each partner, with the formats
the partners publish and their sources; a number written after them is redacted whatever
its checksum.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import tomllib
from importlib import resources

import attrs

from mfs_core.redaction._checks import nir_valid, spi_valid
from mfs_core.redaction._spans import DataKind, Span
from mfs_core.redaction._text import unaccent, words_pattern

__all__ = ["PartnerNumber", "find_partner_numbers", "lexicon"]


@attrs.frozen
class PartnerNumber:
    """One lexicon entry: a partner, the kind its numbers are redacted as, the words that
    introduce them, and the published format with its sources."""

    id: str
    kind: DataKind
    names: tuple[str, ...]
    phrases: tuple[str, ...]
    format: str
    sources: tuple[str, ...]
    verified: str
    last_verified: dt.date


@attrs.frozen
class Lexicon:
    """The words that introduce a number, and the partners' entries."""

    number_words: tuple[str, ...]
    entries: tuple[PartnerNumber, ...]


@functools.cache
def lexicon() -> Lexicon:
    """The lexicon read from ``data/partner_numbers.toml``."""
    text = resources.files("mfs_core.redaction").joinpath("data/partner_numbers.toml")
    data = tomllib.loads(text.read_text(encoding="utf-8"))
    entries = tuple(
        PartnerNumber(
            id=item["id"],
            kind=DataKind(item["kind"]),
            names=tuple(item["names"]),
            phrases=tuple(item["phrases"]),
            format=item["format"],
            sources=tuple(item["sources"]),
            verified=item["verified"],
            last_verified=item["last_verified"],
        )
        for item in data["partner"]
    )
    return Lexicon(tuple(data["number_words"]), entries)


_CONNECT = r"(?:[ ]?[:,(-]?[ ]?(?:de la |de l'|de |d'|du |des |la |l'|le )?(?:dossier |compte )?)"
#: Atomic: spaces and little words between the trigger and the number are read once,
#: never re-split when the number is not there ("dossier CAF complet").
_FILLER = (
    r"(?>(?:[ ]*(?:[:=#()/-]|n°|nº|no\.?|num(?:ero)?\.?|est(?: le)?|de|du|d'|le|la)?[ ]*){0,3})"
)
_VALUE = (
    r"(?P<value>[a-z]{0,3}[0-9][a-z0-9]*(?:(?:[ ]?[./-][ ]?|[ ])(?=[a-z]{0,3}[0-9])[a-z0-9]+)*)"
    r"(?![a-z0-9])"
)
_NOT_A_NUMBER = re.compile(
    r"(?:19|20)[0-9]{2}(?:[ ]?[-/,][ ]?(?:19|20)[0-9]{2})*"  # years
    r"|[0-3]?[0-9][/.-][01]?[0-9](?:[/.-][0-9]{2,4})?"  # dates
)
#: service-public.fr fiche ids (F21089, N358, R1234): agents cite them after a document's
#: name ("permis F21089"); never a resident's number.
_FICHE_ID = re.compile(r"[fnr][0-9]{2,6}")
_CURRENCY_AFTER = re.compile(r"[ ]?(?:€|eur\b|euros?\b|,[0-9])")
_SPACES = re.compile(r"[ ]+")


def _key(words: str) -> str:
    """A phrase as a lookup key: no accents, apostrophes as spaces, single spaces."""
    return _SPACES.sub(" ", unaccent(words).replace("'", " ")).strip()


@functools.cache
def _pattern() -> tuple[re.Pattern[str], dict[str, DataKind]]:
    """The trigger regex, and the kind of each phrase and partner name (folded)."""
    data = lexicon()
    kinds: dict[str, DataKind] = {}
    for entry in data.entries:
        for word in entry.phrases + entry.names:
            kinds[_key(word)] = entry.kind
    words = words_pattern(data.number_words)
    names = words_pattern(name for entry in data.entries for name in entry.names)
    phrases = words_pattern(phrase for entry in data.entries for phrase in entry.phrases)
    # An identity document's name alone may introduce its number ("passeport 18AB12345"):
    # residents write it so, and the document names are rare before other numbers.
    documents = words_pattern(
        name for entry in data.entries if entry.kind == DataKind.ID_DOCUMENT for name in entry.names
    )
    trigger = (
        rf"(?P<phrase>{phrases})"
        rf"|(?:{words}){_CONNECT}(?P<name1>{names})"
        rf"|(?P<name2>{names}){_CONNECT}(?:{words})"
        rf"|(?P<document>{documents})"
    )
    # The partner's name may follow the phrase: "numéro d'accès en ligne impôts : 1234567".
    after = rf"{_FILLER}(?:(?:{names})(?![a-zà-ÿ]){_FILLER})?"
    return re.compile(rf"(?<![a-zà-ÿ0-9])(?:{trigger})(?![a-zà-ÿ]){after}{_VALUE}"), kinds


#: The longest number a partner gives (a NIR and its key: 15 characters).
_MAX_LENGTH = 15
_CHUNK = re.compile(r"[a-z0-9]+")


def _first_number(value: str) -> str:
    """The first number of ``value``: its groups up to 15 letters and digits, so that
    ``n° 2 94 03 75 120 005 91 06 12 34 56 78`` stops before the phone that follows."""
    length = 0
    end = 0
    for chunk in _CHUNK.finditer(value):
        length += len(chunk.group())
        if length > _MAX_LENGTH and end:
            break
        end = chunk.end()
    return value[:end]


def _is_identifier(value: str, following: str) -> bool:
    digits = sum(c.isdigit() for c in value)
    compact = re.sub(r"[^a-z0-9]", "", value)
    if digits < 3 or (digits < 5 and len(compact) < 8):
        return False
    return not (_NOT_A_NUMBER.fullmatch(value) or _CURRENCY_AFTER.match(following))


def _is_document_number(value: str) -> bool:
    """Whether ``value`` after a document's name is its number although it holds fewer
    than three digits: the number of the card-sized identity card (2021) and of the
    passport is the 9-character document number of ICAO Doc 9303 (TD1/TD3), letters and
    digits (``x4rtbpfw4``)."""
    return len(value) == 9 and value.isalnum() and not value.isalpha() and not value.isdigit()


#: Every trigger holds one of these (a test checks it): a note holding none is not scanned.
HINTS = ("n°", "nº", "num", "no", "id", "matricule", "dossier", "adh", "client", "code",
         "allocataire", "secu", "sécu", "fiscal", "spi", "nir", "agdref", "tranger", "ref",
         "réf", "passeport", "cni", "identit", "sejour", "séjour", "permis", "recepisse",
         "récépissé")  # fmt: skip


def find_partner_numbers(lower_text: str) -> list[Span]:
    """Numbers introduced by a partner's words in a lower-case note (``_text.lowered``)."""
    if not any(hint in lower_text for hint in HINTS):
        return []
    pattern, kinds = _pattern()
    spans: list[Span] = []
    for match in pattern.finditer(lower_text):
        value_start = match.start("value")
        value = _first_number(match.group("value"))
        value_end = value_start + len(value)
        trigger = (
            match.group("phrase")
            or match.group("name1")
            or match.group("name2")
            or match.group("document")
        )
        kind = kinds.get(_key(trigger), DataKind.CLIENT_NUMBER)
        following = lower_text[value_end : value_end + 8]
        if not (
            _is_identifier(value, following)
            or (kind == DataKind.ID_DOCUMENT and _is_document_number(value))
        ):
            continue
        if match.group("document") and _FICHE_ID.fullmatch(value):
            continue
        compact = re.sub(r"[^a-z0-9]", "", value).upper()
        suspected = False
        if kind == DataKind.NIR:
            suspected = not nir_valid(compact)
        elif kind == DataKind.TAX_NUMBER:
            suspected = not spi_valid(compact)
        spans.append(Span(value_start, value_end, kind, suspected, True))
    return spans
