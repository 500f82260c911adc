"""Numbers as a source writes them: thousands separators, percent signs, the decimals written."""
from __future__ import annotations

import pytest

from cmo_helpers.core import written


@pytest.mark.parametrize("raw_value, value, decimals", [
    ("1,861.2", 1861.2, 1), ("95.81", 95.81, 2), (504, 504.0, 0), ("7", 7.0, 0),
])
def test_numbers_as_written(raw_value, value, decimals):
    assert written.parse(raw_value) == (pytest.approx(value), decimals)


@pytest.mark.parametrize("raw_value, value, decimals", [
    ("5.98%", 0.0598, 2), ("62.0 %", 0.62, 1), (0.166, 0.166, 1), (0.0598, 0.0598, 2), ("0.5348", 0.5348, 2),
])
def test_rates_as_written(raw_value, value, decimals):
    assert written.parse(raw_value, percent=True) == (pytest.approx(value), decimals)


@pytest.mark.parametrize("bad", ["1.2.3", "12%", "lots", "1,86", float("nan"), float("inf")])
def test_not_a_number(bad):
    with pytest.raises(ValueError):
        written.parse(bad)
