"""Formatting rules that keep text, tables and charts identical to the last digit."""
from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pytest

from cmo_helpers.core import formatting as f
from cmo_helpers.inputs.sources import Source


def test_money_has_currency_separators_and_unit(cmo, heat):
    assert f.money(1861.2, cmo.market) == "USD 1,861.2 million"
    assert f.money(27.672, heat.market) == "EUR 27.7 billion"
    assert f.unit_label(heat.market) == "EUR billion"


def test_number_and_missing_values():
    assert f.number(1234567.891, 2) == "1,234,567.89"
    assert f.number(float("nan")) == f.DASH
    assert f.number(None) == f.DASH


def test_percentages_and_points():
    assert f.pct(0.155990) == "15.6%"
    assert f.pct(0.155990, 2) == "15.60%"
    assert f.pp(0.166 - 0.155990) == "+1.0 pp"
    assert f.signed_pct(-0.0012) == "-0.1%"
    assert f.pct(float("nan")) == f.DASH


def test_value_decimals_follow_the_digits_the_source_sized_the_market_with(cmo, heat, irrigation, raw, build):
    assert (f.value_decimals(cmo), f.value_decimals(heat)) == (1, 1)  # 504.9 / 1,861.2 and 14.2 / 27.7
    assert f.value_decimals(irrigation) == 2  # USD 1.93 and 5.41 billion
    raw["size"]["base"]["value"] = 505
    raw["size"]["end"]["value"] = 1861
    assert f.value_decimals(build(raw)) == 1, "whole numbers still get the house decimal"
    raw["totals"] = [{"year": 2022, "value": "380.25", "basis": "sourced", "source": "marketus-2025"}]
    assert f.value_decimals(build(raw)) == 2, "a dated total counts too"
    raw["size"]["end"]["value"] = "1,861.23456"
    assert f.value_decimals(build(raw)) == f.VALUE_DECIMALS_CAP == 3


def test_multiple_and_dates():
    assert f.multiple(3.6863) == "3.7\u00d7"
    assert f.long_date(dt.date(2025, 10, 10)) == "10 October 2025"


@pytest.mark.parametrize(
    ("shown", "expected"),
    [
        # 100 - 57.85 - 24.6 = 17.55 by hand and in a spreadsheet; the float is 0.17549999999999996
        (f.pct(0.17549999999999996), "17.6%"),
        (f.pct(1 - 0.5785 - 0.246), "17.6%"),
        (f.number(2.675, 2), "2.68"),  # the float is 2.67499999999999982...
        (f.number(2.36 - 1.21), "1.2"),  # 1.15 by hand, 1.149999999999999911... as a float
        (f.number(-0.05), "-0.1"),
        (f.number(0.05 - 1e-17), "0.1"),  # noise below and above a tie rounds as the tie
        (f.number(0.05 + 1e-17), "0.1"),
        (f.number(-(0.05 - 1e-17)), "-0.1"),
        (f.pct(0.0005 - 1e-17), "0.1%"),
        (f.signed(1.21 - 2.36), "-1.2"),  # half away from zero on both sides
        (f.signed(-0.25), "-0.3"),
        (f.signed(0.25), "+0.3"),
        (f.signed_pct(-0.00125, 2), "-0.13%"),
        (f.pp(0.0815 - 0.0830), "-0.2 pp"),  # -0.15 pp by hand, -0.15000000000000013 as a float
        (f.pp(0.0815 - 0.0830, 2), "-0.15 pp"),
        (f.multiple(1.825 * 2), "3.7\u00d7"),  # 3.65, the float 3.649999999999999911...
        (f.number(1234567.25), "1,234,567.3"),
        (f.number(-1234567.25), "-1,234,567.3"),
        (f.signed(1234567.25), "+1,234,567.3"),
        (f.number(9876543210.125, 2), "9,876,543,210.13"),  # a long figure keeps its last digits
        (f.number(np.float64(2.675), 2), "2.68"),
        (f.number(5, 0), "5"),
    ],
)
def test_ties_round_half_away_from_zero_as_by_hand(shown, expected):
    assert shown == expected


@pytest.mark.parametrize(
    ("shown", "expected"),
    [
        (f.number(17.5499, 1), "17.5"),  # a value short of the tie is no noise: it stays down
        (f.pct(0.175499), "17.5%"),
        (f.number(2.6749999999, 2), "2.67"),
        (f.number(0.0, 1), "0.0"),
        (f.signed(0.0), "+0.0"),
    ],
)
def test_values_short_of_a_tie_are_not_pushed_over(shown, expected):
    assert shown == expected


@pytest.mark.parametrize("formatter", [f.number, f.signed, f.pct, f.signed_pct, f.pp])
def test_missing_values_show_an_en_dash_in_every_formatter(formatter):
    assert formatter(float("nan")) == formatter(None) == f.DASH
    assert f.multiple(float("nan")) == f.DASH


def test_every_written_tie_rounds_as_a_spreadsheet_does():
    """Each figure written with one more digit than shown, ending in 5, as a value and as a share."""
    for n in range(10000):
        written = Decimal(n) / 100 + Decimal("0.005")  # 0.005, 0.015, ..., 99.995
        by_hand = written.quantize(Decimal("0.01"), ROUND_HALF_UP)
        assert f.number(float(written), 2) == f"{by_hand}", written
        assert f.pct(float(written / 100), 2) == f"{by_hand}%", written
        assert f.signed(-float(written), 2) == f"-{by_hand}", written


def test_a_sourced_figure_keeps_exactly_its_written_digits_and_its_bound(raw, build, cmo):
    raw["size"]["cagr"] |= {"rate": "6.3%", "bound": "nearly"}
    raw["breakdowns"][0]["items"][0]["share"] = "68%"
    p = build(raw)
    assert f.figure_pct(p.size.cagr, decimals=2) == "nearly 6.3%", "no added zero, the bound kept"
    assert f.figure_pct(p.breakdowns[0].items[0], "share") == "68%"
    assert f.money_figure(cmo.size.end, cmo.market) == "USD 1,861.2 million"
    raw["size"]["base"]["bound"] = "about"
    assert f.money_figure(build(raw).size.base, cmo.market) == "about USD 504.9 million"


def test_a_citation_leaves_out_what_the_source_does_not_give():
    assert f.source_line(Source(id="a", title="Widget outlook", url="https://example.com/w")) == (
        "\u201cWidget outlook\u201d, date not stated. https://example.com/w")
    assert f.source_line(Source(id="a", publisher="Acme Research")) == "Acme Research: date not stated."


@pytest.mark.parametrize(("shown", "expected"), [
    (f.number(-0.04), "0.0"),
    (f.number(-0.0), "0.0"),
    (f.signed(-0.04), "+0.0"),  # as an exact zero shows
    (f.pct(-0.0004), "0.0%"),
    (f.signed_pct(-0.0001), "+0.0%"),
    (f.pp(-0.0004), "+0.0 pp"),
    (f.signed(-0.05), "-0.1"),  # half away from zero: a real change keeps its sign
])
def test_nothing_shows_as_minus_zero(shown, expected):
    assert shown == expected
