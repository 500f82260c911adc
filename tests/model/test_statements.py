"""What the report may say: a ranking only where the figures prove it, a general statement only where it is true."""
from __future__ import annotations

from cmo_helpers.model import statements

SRC = {"basis": "sourced", "source": "marketus-2025"}


def _items(raw: dict, *items: dict) -> None:
    raw["breakdowns"][0].pop("year", None)  # the items' own years (else the base year) apply
    raw["breakdowns"][0]["items"] = [{**SRC, **i} for i in items]


def test_largest_is_proven_only_when_the_rest_cannot_hide_a_larger_item(cmo, raw, build):
    service, region = cmo.breakdowns
    assert statements.largest(cmo, service).proven  # 62 % is more than the 38 % not itemised
    assert not statements.largest(cmo, region).proven  # 42.5 % against 57.5 % not itemised
    raw["breakdowns"][0]["items"] = [{"name": "Big", "share": 0.3, "basis": "assumed", "rationale": "ours"},
                                     {"name": "Small", "share": 0.1, **SRC}]
    p = build(raw)
    found = statements.largest(p, p.breakdowns[0])
    assert (found.item.name, found.proven) == ("Small", False), "an assumed item is never the leader"


def test_shares_of_different_years_are_never_ranked(raw, build):
    _items(raw, {"name": "Kits", "share": "55%", "year": 2024}, {"name": "Reagents", "share": "30%", "year": 2031})
    p = build(raw)
    assert statements.largest(p, p.breakdowns[0]) is None
    _items(raw, {"name": "Kits", "share": "55%", "year": "not stated"}, {"name": "Reagents", "share": "30%"})
    p = build(raw)
    assert statements.largest(p, p.breakdowns[0]) is None, "a share without a year is not the base year's"


def test_a_share_and_a_value_are_not_ranked_against_each_other(raw, build):
    _items(raw, {"name": "Kits", "share": "55%"}, {"name": "Reagents", "value": 300})
    p = build(raw)
    assert statements.largest(p, p.breakdowns[0]) is None


def test_fastest_needs_every_item_of_a_complete_breakdown_rated_beyond_rounding(raw, build):
    _items(raw, {"name": "A", "share": "60%", "cagr": "10%"}, {"name": "B", "share": "40%", "cagr": "10.04%"})
    p = build(raw)
    assert statements.fastest(p, p.breakdowns[0]) is None  # 0.04 pp apart: rounding
    raw["breakdowns"][0]["items"][1]["cagr"] = "12%"
    p = build(raw)
    assert statements.fastest(p, p.breakdowns[0]).name == "B"
    raw["breakdowns"][0]["items"][1] |= {"basis": "assumed", "rationale": "ours"}
    del raw["breakdowns"][0]["items"][1]["source"]
    p = build(raw)
    assert statements.fastest(p, p.breakdowns[0]) is None, "assumed rates are never ranked"


def test_rates_of_a_partial_breakdown_are_not_ranked(raw, build):
    # The unitemised 30 % could hold a faster item; rates alone say nothing of coverage.
    _items(raw, {"name": "A", "share": "40%", "cagr": "9%"}, {"name": "B", "share": "30%", "cagr": "13%"})
    p = build(raw)
    assert statements.fastest(p, p.breakdowns[0]) is None
    _items(raw, {"name": "A", "cagr": "9%"}, {"name": "B", "cagr": "13%"})
    p = build(raw)
    assert statements.fastest(p, p.breakdowns[0]) is None


def test_no_item_tested_says_why_for_this_market(cmo, raw, build):
    assert statements.no_item_tested(cmo).startswith("No item has a growth rate of its own")
    _items(raw, {"name": "Kits", "cagr": "8.2%"})  # a rate, but no value to grow
    p = build(raw)
    said = statements.no_item_tested(p)
    assert "No item has a growth rate" not in said and "(Kits)" in said
    raw["breakdowns"] = []
    assert statements.no_item_tested(build(raw)) == "The source gives no breakdown, so no single item is tested."


def test_a_share_open_above_is_never_ranked_below_another(raw, build):
    # 'over 30%' may be 45 %: the 40 % item is not proven the largest.
    _items(raw, {"name": "Kits", "share": "40%"}, {"name": "Reagents", "share": "30%", "bound": "over"})
    p = build(raw)
    assert statements.largest(p, p.breakdowns[0]) is None
