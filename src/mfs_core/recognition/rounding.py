"""Python's ``round(x, digits)``, the same float, in about half the time.

Recognition rounds each score and confidence it compares (6 decimals, so that a tie is a
tie whatever the order floating-point sums were made in) and each one it shows (3
decimals): about twenty per need. CPython's ``round(x, digits)`` writes the decimal digits
of ``x``, formats them with ``printf`` and reads them back with ``strtod``; that made it one
of the largest costs of recognising a need. :func:`round_to` gives the same float with a few
float operations whenever that is certain, and calls ``round`` otherwise.

Why it is the same float: ``y = x * 10**digits`` is the exact product within half an ulp
(IEEE multiplication is correctly rounded), so below :data:`_FAST_LIMIT` the error is at
most 2**-13. When ``y``'s fraction is farther than :data:`_MARGIN` from one half, the
integer nearest to the exact product is certain (``n``), and ``n / 10**digits`` is the
double nearest to the decimal n·10^-digits, which is what ``round`` returns (IEEE division
is correctly rounded; ``n`` and ``10**digits`` are exact doubles). Near one half (exact
halves are rounded half to even by ``round``), and for zero, negative, huge or non-finite values,
``round`` itself decides. ``tests/test_recognition_rounding.py`` compares both.

:func:`round_6_3` gives both roundings of a shown value, ``round(x, 6)`` for comparing and
``round(round(x, 6), 3)`` for showing, in one call: once the integer ``n`` nearest to
``x * 10**6`` is certain (as above), the second rounding is decided by ``n``'s last three
digits, in integers, unless they are exactly 500 (then ``round`` decides). Why: the double
``n / 10**6`` is within half an ulp of the decimal, and times ``10**3`` that error stays below
``2**-12 * 10**-3`` for values under :data:`_FAST_LIMIT` / 10**6, less than the distance of
any other last-three-digit value from the half.
"""

from __future__ import annotations

import math

__all__ = ["round_6_3", "round_to"]

# 10**digits as exact doubles, for the digits recognition uses.
_SCALES = tuple(float(10**digits) for digits in range(10))
# Below 2**40 the product's error is at most half an ulp of 2**40, i.e. 2**-13.
_FAST_LIMIT = 2.0**40
# Twice that error: a fraction this far from one half rounds as the exact product does.
_MARGIN = 2.0**-12
_BELOW_HALF = 0.5 - _MARGIN
_ABOVE_HALF = 0.5 + _MARGIN
_floor = math.floor


def round_to(x: float, digits: int) -> float:
    """``round(x, digits)`` for ``0 <= digits <= 9``: the same float (see the module)."""
    scale = _SCALES[digits]
    y = x * scale
    if 0.0 < y < _FAST_LIMIT:  # not zero: round keeps the sign of -0.0
        whole = _floor(y)
        fraction = y - whole  # exact: y and whole are within one of each other
        if fraction < _BELOW_HALF:
            return whole / scale
        if fraction > _ABOVE_HALF:
            return (whole + 1) / scale
    return round(x, digits)


def round_6_3(x: float) -> tuple[float, float]:
    """``(round(x, 6), round(round(x, 6), 3))``: the same floats (see the module), in one
    call with its constants written out (recognition rounds about ten values per need).

    ``(n - rest) / 1e6`` is the double nearest to ``(n - rest) / 10**6``, the same rational
    as ``m / 10**3`` (``m = n // 1000``): the double ``round`` gives."""
    y = x * 1e6
    if 0.0 < y < _FAST_LIMIT:
        whole = _floor(y)
        fraction = y - whole
        if fraction < _BELOW_HALF or fraction > _ABOVE_HALF:
            if fraction > _ABOVE_HALF:
                whole += 1
            rest = whole % 1000
            if rest < 500:
                return whole / 1e6, (whole - rest) / 1e6
            if rest > 500:
                return whole / 1e6, (whole - rest + 1000) / 1e6
    first = round(x, 6)
    return first, round_to(first, 3)
