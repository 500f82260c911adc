"""Breakdowns and items: partial is fine, figures inherit the item's basis, claims and names are checked."""
from __future__ import annotations


def test_partial_and_over_full_breakdowns_validate(raw, build):
    """How far items cover the market is the audit's finding, never a reason to refuse the file."""
    raw["breakdowns"][1]["items"].append({"name": "Europe", "share": 0.7, "basis": "sourced",
                                          "source": "marketus-2025"})
    p = build(raw)
    assert [i.share for i in p.breakdowns[1].items if i.share] == [0.425, 0.7]


def test_items_with_only_a_rate_or_a_claim_validate(raw, build):
    raw["breakdowns"][0]["items"].append({"name": "Drug delivery", "cagr": "12.4%", "basis": "sourced",
                                          "source": "marketus-2025"})
    item = build(raw).breakdowns[0].items[-1]
    assert (item.cagr.rate, item.cagr.basis, item.has_point) == (0.124, "sourced", False)


def test_a_figure_inherits_its_items_basis_unless_it_says_otherwise(raw, build):
    na = raw["breakdowns"][1]["items"][0]
    na["cagr"] = {"rate": 0.12, "basis": "assumed", "rationale": "ours"}
    na["end"] = {"year": 2030, "value": 400}
    item = build(raw).breakdowns[1].items[0]
    assert (item.cagr.assumed, item.end.assumed, item.end.source) == (True, False, "marketus-2025")


def test_claim_on_an_assumed_item_needs_its_own_source(raw, refused):
    raw["breakdowns"][0]["items"].append({"name": "Devices", "share": 0.2, "basis": "assumed", "rationale": "ours",
                                          "claims": ["fastest-growing"]})
    assert "breakdowns[0].items[1].claims[0]: basis is 'sourced' but no 'source' id is given" in refused(raw)


def test_unknown_claim_kind_lists_the_choices(raw, refused):
    raw["breakdowns"][0]["items"][0]["claims"] = ["biggest"]
    assert "breakdowns[0].items[0].claims[0].claim: Input should be 'largest'" in refused(raw)


def test_duplicate_item_names(raw, refused):
    raw["breakdowns"][1]["items"][1]["name"] = "north america"
    assert "breakdowns[1]: item name 'north america' appears twice in 'region'" in refused(raw)
