"""An amount is the market's total with its year, or unplaced: never a growth or an unknown scale."""
from __future__ import annotations

import pytest
from fact_cases import facts, one


@pytest.mark.parametrize("sentence, number, scale, year", [
    ("The kelp market was valued at USD 1.18 billion in 2024.", "1.18", "billion", 2024),
    ("The kelp market is estimated at US$ 1,180.4 Mn in 2024.", "1,180.4", "million", 2024),
    ("In 2024, the kelp market was worth $1.18 bn.", "1.18", "billion", 2024),
    ("The kelp market reached 1.18 billion USD in 2024.", "1.18", "billion", 2024),
    ("The kelp market is projected to reach EUR 2.04 trillion by 2031.", "2.04", "trillion", 2031),
    ("The kelp market stood at USD 812.50 thousand in 2023.", "812.50", "thousand", 2023),
])
def test_a_dated_market_total_keeps_its_digits_scale_and_year(sentence, number, scale, year):
    total = one("Kelp News\n\n" + sentence + "\n", "total")
    assert (total.number, total.scale, total.year) == (number, scale, year)
    assert number in total.quote and str(year) in total.quote


def test_from_x_in_one_year_to_y_by_another_gives_two_totals_and_the_range_is_no_cagr_period():
    text = "T\n\nThe kelp market will grow from USD 1.18 billion in 2025 to USD 2.40 billion by 2034.\n"
    assert [(t.number, t.year) for t in facts(text, "total")] == [("1.18", 2025), ("2.40", 2034)]
    assert facts(text, "cagr") == []


def test_a_headline_total_is_marked_and_a_bound_is_not_a_figure():
    found = facts("Kelp Market Surpassing USD 2 Billion by 2031\n\nBody.\n", "total")
    assert len(found) == 1 and found[0].headline and found[0].bound


@pytest.mark.parametrize("sentence", [
    "The kelp market is forecast to increase by USD 4.8 billion by 2029.",
    "The kelp market will add USD 4.8 billion in 2029.",
    "The kelp market offers an incremental growth of USD 4.8 billion by 2029.",
    "The kelp market in India reached INR 12,500 crore in 2024.",
])
def test_growth_amounts_and_unknown_scales_are_not_totals(sentence):
    assert facts("T\n\n" + sentence + "\n", "total") == []
    assert facts("T\n\n" + sentence + "\n", "unplaced")
