"""Each number of a clause takes its role (value, share, rate) or is left unplaced: decoys, ranges."""
from __future__ import annotations

import pytest
from fact_cases import facts, one


def test_shares_values_item_cagrs_and_claims_belong_to_their_item():
    text = ("T\n\nNorth America held the largest share of 38.6% in 2024, generating USD 1.2 billion. "
            "Asia Pacific is expected to be the fastest-growing region, registering a CAGR of 17.1% over the "
            "forecast period.\n")
    share, value = one(text, "share"), one(text, "value")
    assert (share.item, share.number, share.year, share.geo) == ("North America", "38.6", 2024, "region")
    assert (value.item, value.number, value.scale, value.year) == ("North America", "1.2", "billion", 2024)
    cagr = one(text, "item_cagr")
    assert (cagr.item, cagr.number) == ("Asia Pacific", "17.1")
    assert {(c.item, c.claim) for c in facts(text, "claim")} == {("North America", "largest"),
                                                                 ("Asia Pacific", "fastest-growing")}
    assert facts(text, "total") == []


@pytest.mark.parametrize("sentence", [
    "In January 2025, Brookfield Inc. acquired Kelpco for USD 450 million.",
    "Seaweed Ltd reported annual revenue of USD 2.7 billion for 2024.",
    "KelpTech raised USD 120 million in a Series C round in 2024.",
    "The full report runs to 250 pages and profiles 30 companies.",
    "In a survey, 68% of buyers said prices rose in 2024.",
    "Order now for a 20% discount on the USD 4,950 licence.",
])
def test_decoy_numbers_are_never_market_facts(sentence):
    found = facts("T\n\n" + sentence + "\n")
    assert all(f.kind == "unplaced" for f in found), found


@pytest.mark.parametrize("sentence", [
    "The kelp market will grow at a CAGR of 5-7% through 2030.",
    "The kelp market will grow at a CAGR of 5% to 7% through 2030.",
    "Europe held between 30% and 35% of the market in 2024.",
])
def test_a_range_of_rates_is_not_one_figure(sentence):
    found = facts("T\n\n" + sentence + "\n")
    assert [f.kind for f in found if f.number] == ["unplaced"] * len([f for f in found if f.number])
