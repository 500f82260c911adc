"""A figure of another market stays out; a rate said of all regions goes to each region named."""
from __future__ import annotations

import pytest

from cmo_helpers.drafting.facts import extract
from cmo_helpers.drafting.writer import build


@pytest.mark.parametrize("count, placed", [("two", True), ("three", False), ("", True)])
def test_a_rate_said_of_all_regions_goes_to_each_region_named(count, placed):
    text = ("T\n\nThe kelp market was valued at USD 1.2 billion in 2024 and will reach USD 2.0 billion by 2030.\n"
            f"Europe held 41.0% of the market in 2024. Asia Pacific held 30.0% in 2024. All {count} regions are "
            "forecast to grow at the same CAGR of 8.9%.\n").replace("All  regions", "All regions")
    draft = build(extract(text), "k.txt")
    rates = [i.get("cagr", {}).get("rate") for i in draft.params["breakdowns"][0]["items"]]
    assert rates == (["8.9%", "8.9%"] if placed else [None, None])
    assert any("said of all regions" in u["note"] for u in draft.unplaced) is not placed


def test_a_total_of_another_market_is_not_this_markets_total():
    text = ("T\n\nThe kelp market reached USD 1.2 billion in 2024 and will reach USD 2.0 billion by 2030. The broader "
            "seaweed food market was worth USD 9.0 billion in 2023.\n")
    draft = build(extract(text), "k.txt")
    assert "totals" not in draft.params
    assert any("another market" in u["note"] for u in draft.unplaced)
