"""Formatting rules that keep text, tables and charts identical to the last digit."""
from __future__ import annotations

import datetime as dt

from cmo_helpers import formatting as f


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


def test_multiple_and_dates():
    assert f.multiple(3.6863) == "3.7\u00d7"
    assert f.long_date(dt.date(2025, 10, 10)) == "10 October 2025"
