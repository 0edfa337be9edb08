"""``round_to`` gives the very float ``round`` gives (recognition's scores and order rest on it).

Hypothesis draws any double (negative, huge, subnormal, infinite, NaN) and, more often, the
values where a shortcut could go wrong: decimals that sit exactly or nearly on a half at the
rounding position, and dyadic fractions whose binary value is an exact half. A seeded
sweep of 400,000 values adds breadth at little cost.
"""

from __future__ import annotations

import math
import random
import struct

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mfs_core.recognition.rounding import round_6_3, round_to


def same(a: float, b: float) -> bool:
    """Bit for bit (0.0 and -0.0 differ), or both NaN."""
    return struct.pack("<d", a) == struct.pack("<d", b) or (math.isnan(a) and math.isnan(b))


near_halves = st.builds(
    lambda n, digits, step: (
        math.nextafter((n + 0.5) / 10**digits, math.inf * step) if step else (n + 0.5) / 10**digits
    ),
    st.integers(0, 10**9),
    st.integers(0, 9),
    st.sampled_from([-1, 0, 1]),
)
dyadic = st.builds(lambda n, shift: n / 2**shift, st.integers(0, 2**40), st.integers(0, 60))
values = st.one_of(st.floats(allow_nan=True, allow_infinity=True), near_halves, dyadic)


@settings(max_examples=2_000, deadline=None)
@given(values, st.integers(0, 9))
def test_round_to_is_round(x: float, digits: int) -> None:
    assert same(round_to(x, digits), round(x, digits)), (x, digits)


@pytest.mark.parametrize("digits", [3, 6])
def test_many_values_round_alike(digits: int) -> None:
    rng = random.Random(14 + digits)
    for _ in range(200_000):
        x = rng.uniform(0, 200) if rng.random() < 0.7 else rng.randrange(10**9) / 10**digits
        assert round_to(x, digits) == round(x, digits), x


@pytest.mark.parametrize(
    "x", [0.0, -0.0, 0.5, 2.5, 0.0005, 0.0015, 2.675, 1e-7, 5e-7, 2.0**40, math.inf, 1e308]
)
def test_edges_round_alike(x: float) -> None:
    for digits in range(10):
        assert same(round_to(x, digits), round(x, digits)), (x, digits)


@settings(max_examples=3_000, deadline=None)
@given(values)
def test_round_6_3_is_round_then_round(x: float) -> None:
    first, second = round_6_3(x)
    assert same(first, round(x, 6)), x
    assert same(second, round(round(x, 6), 3)), x


def test_many_values_round_6_3_alike() -> None:
    rng = random.Random(36)
    for _ in range(200_000):
        # Also values whose sixth-decimal rounding ends in exactly 500 (the case round
        # decides) and values next to those.
        choice = rng.random()
        if choice < 0.5:
            x = rng.uniform(0, 200)
        elif choice < 0.8:
            x = rng.randrange(10**9) / 10**6
        else:
            x = (rng.randrange(10**6) * 1000 + rng.choice([499, 500, 501])) / 10**6
        assert round_6_3(x) == (round(x, 6), round(round(x, 6), 3)), x
