"""Names compared as a reader would, and a market's slug from its name."""
from __future__ import annotations

import pytest

from cmo_helpers.drafting.names import item_key, market_slug


@pytest.mark.parametrize("name, slug", [
    ("Global Healthcare CMO Market", "healthcare-cmo"),
    ("European EV Charging Infrastructure Market", "european-ev-charging-infrastructure"),
    ("Market", "market"),
])
def test_market_slug(name, slug):
    assert market_slug(name) == slug


@pytest.mark.parametrize("a, b, same", [
    ("U.S.", "United States", True), ("Asia-Pacific", "Asia Pacific", True), ("the Hardware segment", "hardware", True),
    ("Western Europe", "Europe", False), ("Africa", "Middle East and Africa", False),
])
def test_item_names_that_are_one_item(a, b, same):
    assert (item_key(a) == item_key(b)) is same
