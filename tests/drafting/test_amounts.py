"""Amounts moved to the market's scale exactly, or kept in the source's digits."""
from __future__ import annotations

import pytest

from cmo_helpers.drafting.amounts import in_unit


@pytest.mark.parametrize("number, scale, unit, expected", [
    ("1.12", "trillion", "billion", 1120),
    ("185.5", "million", "billion", 0.1855),
    ("1,861.2", "million", "million", "1,861.2"),
    ("504.90", "million", "million", "504.90"),
    ("0.93", "billion", "billion", 0.93),
])
def test_values_move_to_the_market_unit_exactly_or_keep_their_digits(number, scale, unit, expected):
    assert in_unit(number, scale, unit) == expected
