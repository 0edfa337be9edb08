"""Identifiers written with digits: NIR, tax numbers, IBANs, phones, e-mail addresses.

All detectors read the *normalised* view of a note (see :mod:`mfs_core.redaction._text`),
where every space is a plain space, every dash ``-`` and every digit ASCII; they return
:class:`~mfs_core.redaction._spans.Span` offsets that are also those of the original text.

How a run of digits is read (``2 94 03 75 120 005 91``, ``06/12/34/56/78``: digit groups
joined by at most one of space, ``.``, ``-``, ``/``) is decided by its digits, not by its
layout, with python-stdnum for every checksum:

============  ===========================================================================
digits        reading
============  ===========================================================================
≤ 8           kept (dates, postcodes, amounts, fiche and cerfa numbers)
9             a valid SIREN is an organisation: kept; otherwise ``number?``
10            ``0[1-79]…`` a phone; ``08…`` a service number (free or shared cost): kept
13            valid SPI (``stdnum.fr.nif``): ``tax_number``; NIR-shaped: ``nir?`` (no key);
              other ``0-3…``: ``tax_number?``
14            a valid SIRET is an organisation: kept; otherwise ``number?``
15            valid NIR (``stdnum.fr.nir``, Corsican ``2A``/``2B`` too): ``nir``;
              NIR-shaped: ``nir?``
other ≥ 9     a run made of several identifiers is split at its groups; what is left is
              ``number?`` (a number the journal cannot name is not kept)
============  ===========================================================================

Kept before any of this: dates (``12/03/1985``, ``2023-06-15``, ``05/02``), amounts with a
currency or with cents (``1 234 567,89 €``), lists of years (``2019 2020 2021``), and a
number introduced by a reference word (``référence``, ``n° de suivi``, ``accusé de
réception``...) unless a checksum says it is a personal identifier. ``?`` marks a suspected
finding: the shape of an identifier that no checksum confirms.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re

from stdnum import numdb
from stdnum.iso7064 import mod_97_10
from stdnum.util import get_cc_module

from mfs_core.redaction._checks import nir_valid, siren_valid, siret_valid, spi_valid
from mfs_core.redaction._spans import DataKind, Span
from mfs_core.redaction._text import words_pattern

__all__ = ["find_emails", "find_numbers", "iban_at"]

# -- e-mail addresses ---------------------------------------------------------------------
# Letters and digits of any script: internationalised addresses (RFC 6531 local parts,
# IDNA domains: josé@exemple.fr, jean@exämple.fr) are personal data too.
_ALNUM = r"[^\W_]"
_LOCAL = rf"{_ALNUM}(?:[\w.%+-]*\w)?"
_DOMAIN = rf"{_ALNUM}(?:(?:{_ALNUM}|-)*{_ALNUM})?"
#: Written TLDs accepted after a spelled-out "dot" (``at gmail dot com``).
_TLDS = "fr|com|net|org|eu|info|be|ch|lu|io|re|gp|mq|gf|yt|nc|pf|biz|me|de|es|it|uk|pt"
_AT = r"(?:[ ]?@[ ]?|[ ]?[(\[{<][ ]?(?:at|arobase)[ ]?[)\]}>][ ]?)"
_DOT = r"(?:[ ]?\.[ ]?|[ ]?[(\[{<][ ]?(?:dot|point)[ ]?[)\]}>][ ]?)"
_EMAIL = re.compile(
    # jean.dupont@orange.fr, jean @ orange.fr, jean (at) orange.fr, jean(at)orange(dot)fr
    rf"(?<![\w.%+-]){_LOCAL}{_AT}{_DOMAIN}(?:{_DOT}{_DOMAIN})*{_DOT}[^\W\d_]{{2,24}}(?![^\W_])"
    # dictated: jean point dupont arobase orange point fr, jean at gmail dot com
    rf"|(?<![\w.%+-]){_LOCAL}(?: (?:point|tiret|underscore) {_LOCAL})* (?:at|arobase) "
    rf"{_DOMAIN}(?:(?: (?:dot|point) |\.){_DOMAIN})*(?: (?:dot|point) |\.)(?:{_TLDS})(?![^\W_])",
    re.IGNORECASE,
)
_EMAIL_HINT = re.compile(r"@|[(\[{<][ ]?(?:at|arobase)\b|\b(?:at|arobase)[ ]", re.IGNORECASE)


def find_emails(text: str) -> list[Span]:
    """E-mail addresses, also written ``(at)``, ``[at]``, ``arobase``, ``at … dot fr``,
    with spaces around ``@`` or with a full-width ``＠`` (normalised to ``@``)."""
    if not _EMAIL_HINT.search(text):
        return []
    return [Span(m.start(), m.end(), DataKind.EMAIL) for m in _EMAIL.finditer(text)]


# -- IBAN ---------------------------------------------------------------------------------
#: Fewer digits than this in an IBAN-shaped word failing its checksum: a code, not an account.
_MIN_IBAN_DIGITS = 8


@functools.cache
def _iban_length(country: str) -> int | None:
    """The length of ``country``'s IBANs from python-stdnum's registry, ``None`` if unknown."""
    if not country.isalpha() or not country.isascii():
        return None
    info = numdb.get(DataKind.IBAN).info(country)[0][1]
    structure = info.get("bban")
    if not structure:
        return None
    return 4 + sum(int(count) for count in re.findall(r"(\d+)!", structure))


def _iban_valid(number: str) -> bool:
    """python-stdnum's IBAN check without its per-call registry lookup (the slow part of
    ``stdnum.iban.is_valid``, here done once per country by :func:`_bban_pattern`): the
    ISO 7064 mod 97-10 checksum, then the country's own check digits where stdnum has a
    module for them (Belgium, Spain, Norway...). ``tests/journal/test_redaction.py`` checks
    it agrees with ``stdnum.iban.is_valid``."""
    if not mod_97_10.is_valid(number[4:] + number[:4]):
        return False
    module = _country_module(number[:2])
    return module is None or bool(module.is_valid(number))  # type: ignore[attr-defined]


@functools.cache
def _bban_pattern(country: str) -> re.Pattern[str] | None:
    """The structure of ``country``'s account numbers (``5!n5!n11!c2!n``) as a regex."""
    structure = numdb.get(DataKind.IBAN).info(country)[0][1].get("bban")
    if not structure:
        return None
    parts = {"n": "[0-9]", "a": "[A-Z]", "c": "[A-Z0-9]"}
    body = "".join(
        f"{parts[kind]}{{{count}}}" for count, kind in re.findall(r"(\d+)!([nac])", structure)
    )
    return re.compile(body)


@functools.cache
def _iban_cut(length: int) -> re.Pattern[str]:
    """``length`` letters and digits, each maybe after one separator: an IBAN as written."""
    return re.compile(rf"[a-z0-9](?:[ -]?[a-z0-9]){{{length - 1}}}", re.IGNORECASE)


@functools.cache
def _country_module(country: str) -> object | None:
    """python-stdnum's module for ``country``'s own IBAN check digits, if it has one."""
    return get_cc_module(country.lower(), DataKind.IBAN)


def iban_at(text: str, start: int) -> Span | None:
    """The IBAN starting at ``start`` (its country code), if any: any case, with or without
    separators, cut at the country's length so a following word is not taken. One whose
    account number has the country's structure but fails its checksum is *suspected*."""
    expected = _iban_length(text[start : start + 2].upper())
    if expected is None:
        return None
    match = _iban_cut(expected).match(text, start)
    if not match:
        return None
    number = _SEPARATORS.sub("", match.group()).upper()
    bban = _bban_pattern(number[:2])
    if bban is None or not bban.fullmatch(number[4:]):
        return None
    if _iban_valid(number):
        return Span(start, match.end(), DataKind.IBAN)
    if sum(map(number.count, "0123456789")) < _MIN_IBAN_DIGITS:
        return None  # a code made of letters (RO, LV, MT... accounts are): not a look-alike
    return Span(start, match.end(), DataKind.IBAN, suspected=True)


# -- digit runs ---------------------------------------------------------------------------
_SEP = r"(?:[ ]?[./-][ ]?|[ ]{1,2})"
_CURRENCY = r"[ ]?(?:€|eur\b|euros?\b)"
_NUMBERS = re.compile(
    # Every alternative starts with a digit, a currency or "+": checked first, cheaply.
    r"(?=[0-9€+]|eur)"
    # Kept as they are: dates, amounts, lists of years.
    r"(?:(?P<date>(?<![0-9])(?:[0-3]?[0-9][/.-][01]?[0-9][/.-](?:19|20)[0-9]{2}"
    r"|(?:19|20)[0-9]{2}-[01][0-9]-[0-3][0-9]"
    r"|[0-3]?[0-9]/[01]?[0-9](?:/[0-9]{2})?(?![ ./-]?[0-9]))(?![0-9]))"
    rf"|(?P<amount>(?:€|(?<![a-z])eur)[ ]?[0-9][0-9 .]*(?:,[0-9]{{1,2}})?"
    rf"|(?<![0-9])[0-9]{{1,3}}(?:[ .][0-9]{{3}})+(?:,[0-9]{{1,2}})?(?={_CURRENCY})"
    rf"|(?<![0-9])[0-9]+(?:,[0-9]{{1,2}})?(?={_CURRENCY})"
    r"|(?<![0-9])[0-9]{1,3}(?:[ .][0-9]{3})+,[0-9]{2}(?![0-9]))"
    r"|(?P<years>(?<![0-9])(?:19|20)[0-9]{2}(?:(?:[ ]?[-/,][ ]?|[ ]|[ ](?:et|à|a)[ ])"
    r"(?:19|20)[0-9]{2})+(?![0-9]))"
    # +33 6 12 34 56 78, +33 (0)6..., 0033 6...
    r"|(?P<intl>(?:\+|(?<![0-9])00)[ ]?33[ ]?(?:\(0\)[ ]?)?[1-9](?:" + _SEP + r"?[0-9]{2}){4}"
    r"(?![0-9]))"
    # Any other run of digit groups; 2A/2B (Corsica) inside a NIR.
    r"|(?P<run>(?<![0-9])[0-9](?:" + _SEP + r"?(?:[0-9]|(?<=2)[ABab](?![A-Za-z])))*))",
    re.IGNORECASE,
)
_GROUP = re.compile(r"[0-9ABab]+")
_NOT_DIGIT = re.compile(r"[^0-9]")
_SEPARATORS = re.compile(r"[ ./-]")
#: A NIR's key written apart: "clé 91", "cle: 91", "key 91".
_NIR_KEY = re.compile(r"[ ]?(?:[cC][lL][éÉeE]|[kK][eE][yY])[ ]?:?[ ]?([0-9]{2})(?![0-9])")
#: Words before a number that make it a procedure's reference, not a person's identifier.
_REFERENCE_WORDS = ("reference", "ref", "suivi", "teledeclaration", "accuse de reception",
                    "n° de demande", "numero de demande", "pre-demande", "enregistrement",
                    "n° de dossier", "numero de dossier", "facture")  # fmt: skip
_REFERENCE = re.compile(
    "(?<![a-z])(?:" + words_pattern(_REFERENCE_WORDS) + r")(?![a-z])[^.;\n]{0,25}$"
)


def _nir_shaped(number: str) -> bool:
    """13 or 15 characters laid out as a NIR: sex, year, month, department (2A/2B)."""
    if len(number) not in (13, 15) or number[0] not in "1234578":
        return False
    month = int(number[3:5]) if number[3:5].isdigit() else -1
    if not (1 <= month <= 12 or 20 <= month <= 42 or month >= 50):
        return False
    department = number[5:7]
    return department.isdigit() or department in ("2A", "2B")


def _classify(number: str) -> tuple[DataKind, bool] | None:
    """(kind, suspected) of a compact run, or ``None`` when it is kept."""
    length = len(number)
    if not number.isdigit():  # 2A/2B: only a Corsican NIR
        if length == 15 and nir_valid(number):
            return DataKind.NIR, False
        return (DataKind.NIR, True) if _nir_shaped(number) else (DataKind.NUMBER, True)
    if length <= 8:
        return None
    if length == 9:
        return None if siren_valid(number) else (DataKind.NUMBER, True)
    if length == 10:
        if number[0] == "0" and number[1] in "12345679":
            return DataKind.PHONE, False
        return None if number.startswith("08") else (DataKind.NUMBER, True)
    if length == 13:
        if number[0] in "0123" and spi_valid(number):
            return DataKind.TAX_NUMBER, False
        if _nir_shaped(number):
            return DataKind.NIR, True
        if number.startswith("0033"):
            return DataKind.PHONE, False
        return (DataKind.TAX_NUMBER, True) if number[0] in "0123" else (DataKind.NUMBER, True)
    if length == 14:
        return None if siret_valid(number) else (DataKind.NUMBER, True)
    if length == 15:
        if nir_valid(number):
            return DataKind.NIR, False
        return (DataKind.NIR, True) if _nir_shaped(number) else (DataKind.NUMBER, True)
    if length == 11 and number.startswith("33") and number[2] in "12345679":
        return DataKind.PHONE, False
    return DataKind.NUMBER, True


def _phone_layout(groups: list[str]) -> bool:
    """Whether digit groups are laid out as people write a phone: one block, or pairs
    (``06 12 34 56 78``); ``0695-4605-97`` inside an id is no phone."""
    return len(groups) == 1 or all(len(group) == 2 for group in groups)


def _confirmed(kind_suspected: tuple[DataKind, bool] | None) -> bool:
    """A piece of a longer run is split off only when it is certainly that identifier."""
    return kind_suspected is not None and not kind_suspected[1]


#: Lengths of what a checksum or a phone's shape confirms (phone, +33 phone, SPI, NIR).
_SPLIT_LENGTHS = frozenset([10, 11, 13, 15])
_LONGEST_SPLIT = max(_SPLIT_LENGTHS)


def _split_run(groups: list[tuple[int, int, str]]) -> list[Span]:
    """Spans of a run of several digit groups holding more than one identifier
    (``NIR 2 94 03 75 120 005 91 06 12 34 56 78``); what no checksum names is ``number?``
    when it has 9 digits or more, else kept."""
    spans: list[Span] = []
    ends = list(itertools.accumulate(len(g[2]) for g in groups))  # digits up to each group
    leftover_from, leftover_digits = -1, 0
    index = 0
    while index < len(groups):
        before = ends[index - 1] if index else 0
        found = None
        # Only a phone, a SPI or a NIR is split off: at most 15 digits from ``index`` on,
        # so the search stays linear in the length of the run.
        reach = bisect.bisect_right(ends, before + _LONGEST_SPLIT, index)
        for last in range(reach - 1, index - 1, -1):
            if ends[last] - before not in _SPLIT_LENGTHS:
                continue
            pieces = [g[2] for g in groups[index : last + 1]]
            found = _classify("".join(pieces).upper())
            if found and found[0] == DataKind.PHONE and not _phone_layout(pieces):
                found = None
            if _confirmed(found):
                break
            found = None
        if found is None:
            leftover_from = index if leftover_from == -1 else leftover_from
            leftover_digits += len(groups[index][2])
            index += 1
            continue
        if leftover_digits >= 9:
            spans.append(
                Span(groups[leftover_from][0], groups[index - 1][1], DataKind.NUMBER, True)
            )
        leftover_from, leftover_digits = -1, 0
        spans.append(Span(groups[index][0], groups[last][1], found[0]))
        index = last + 1
    if leftover_digits >= 9:
        spans.append(Span(groups[leftover_from][0], groups[-1][1], DataKind.NUMBER, True))
    return spans


def _run_spans(text: str, lower_text: str, start: int, end: int) -> list[Span]:
    if end - start <= 8:
        return []  # 8 digits at most: kept (most runs: years, dates, fiche numbers)
    run = text[start:end]
    number = _SEPARATORS.sub("", run).upper()
    found = _classify(number)
    if found is None:
        return []
    kind, suspected = found
    if kind == DataKind.NIR and len(number) == 13:  # "2 94 03 75 120 005 clé 91": the key after
        key = _NIR_KEY.match(text, end)
        if key:
            end = key.end()
            suspected = not nir_valid(number + key.group(1))
    if kind == DataKind.PHONE and not _phone_layout(_GROUP.findall(run)):
        kind, suspected = DataKind.NUMBER, True  # 10 digits, but not grouped as a phone is
    if suspected and _REFERENCE.search(lower_text, max(0, start - 60), start):
        return []  # a procedure's reference, and no checksum says otherwise
    if kind == DataKind.NUMBER and len(number) < len(run):
        groups = [(start + m.start(), start + m.end(), m.group()) for m in _GROUP.finditer(run)]
        return _split_run(groups)
    return [Span(start, end, kind, suspected)]


def find_numbers(text: str, lower_text: str) -> list[Span]:
    """Phones, NIR, tax numbers and other long numbers in a normalised note
    (``lower_text`` is its lower-case view, for the reference words)."""
    spans: list[Span] = []
    skip_to = 0
    for match in _NUMBERS.finditer(text):
        start = match.start()
        if start < skip_to:
            continue  # digits of an IBAN found before
        if start >= 2 and text[start - 2 : start].isalpha():  # FR76..., GB82WEST...
            found = iban_at(text, start - 2)
            if found:
                spans.append(found)
                skip_to = found.end
                continue
        group = match.lastgroup
        if group == "run":
            spans += _run_spans(text, lower_text, match.start(), match.end())
        elif group == "intl":
            digits = _NOT_DIGIT.sub("", match.group())
            if not digits.startswith(("338", "00338")) and "(0)8" not in match.group():
                spans.append(Span(match.start(), match.end(), DataKind.PHONE))
    return spans
