"""python-stdnum's checks, for numbers the detectors already made compact and ASCII.

``stdnum.fr.nir.is_valid`` and its siblings first clean their input (a Unicode
normalisation of every character: most of the time of a call). The detectors hand them
compact ASCII strings, so these functions call stdnum's own check-digit functions directly,
and remember recent answers (a number is often checked twice: by its shape, then by the
words before it). ``tests/journal/test_redaction_forms.py`` checks that each agrees with
stdnum's ``is_valid``.
"""

from __future__ import annotations

import functools

from stdnum import luhn
from stdnum.fr import nif, nir, siret

__all__ = ["nir_valid", "siren_valid", "siret_valid", "spi_valid"]


@functools.lru_cache(maxsize=4096)
def nir_valid(number: str) -> bool:
    """``stdnum.fr.nir.is_valid`` of a compact, upper-case number."""
    if len(number) != 15 or not number[:5].isdigit() or not number[7:].isdigit():
        return False
    if not number[5:7].isdigit() and number[5:7] not in ("2A", "2B"):
        return False
    return nir.calc_check_digits(number) == number[13:]


@functools.lru_cache(maxsize=4096)
def spi_valid(number: str) -> bool:
    """``stdnum.fr.nif.is_valid`` (the SPI, numéro fiscal) of a compact number."""
    if len(number) != 13 or not number.isdigit() or number[0] not in "0123":
        return False
    return nif.calc_check_digits(number) == number[-3:]


@functools.lru_cache(maxsize=4096)
def siren_valid(number: str) -> bool:
    """``stdnum.fr.siren.is_valid`` of a compact number (Luhn)."""
    return len(number) == 9 and number.isdigit() and luhn.checksum(number) == 0


@functools.lru_cache(maxsize=4096)
def siret_valid(number: str) -> bool:
    """``stdnum.fr.siret.is_valid`` (La Poste's exception included), remembered."""
    return bool(siret.is_valid(number))
