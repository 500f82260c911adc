"""Breakdown sentences: what is not itemised is said, and only the rankings the figures prove are made."""
from __future__ import annotations

from cmo_helpers.report import split_text


def test_breakdown_summary_says_what_is_not_itemised(cmo, heat):
    service = split_text.breakdown_summary(cmo, cmo.breakdowns[0]).data
    assert ("The source itemises 62.0% of the market (year not stated); the other 38.0% is not itemised by the source"
            in service), "the release gives the share no year, so none is printed"
    assert "2024" not in service
    assert ("All 6 items are our assumptions, so none is ranked"
            in split_text.breakdown_summary(heat, heat.breakdowns[1]).data)


def test_sourced_items_are_ranked_only_when_the_figures_prove_it(raw, build):
    raw["breakdowns"][1]["items"] = [
        {"name": "North America", "share": 0.30, "basis": "sourced", "source": "marketus-2025"},
        {"name": "Europe", "share": 0.25, "basis": "sourced", "source": "marketus-2025"},
        {"name": "Rest of world", "share": 0.45, "basis": "assumed", "rationale": "the remainder"}]
    p = build(raw)
    text = " ".join(split_text.breakdown_sentences(p, p.breakdowns[1]))
    assert "largest" not in text, "the 45% we assumed could hold a larger item: no ranking word at all"
    assert "Rest of world" not in text


def test_fastest_growing_only_when_rates_differ_beyond_rounding(raw, build):
    raw["breakdowns"][1]["items"] = [
        {"name": n, "share": 0.2, "cagr": r, "basis": "sourced", "source": "marketus-2025"}
        for n, r in (("A", 0.103), ("B", 0.103))]
    p = build(raw)
    assert "highest" not in " ".join(split_text.breakdown_sentences(p, p.breakdowns[1]))
    raw["breakdowns"][1]["items"][1]["cagr"] = 0.125
    p = build(raw)
    said = " ".join(split_text.breakdown_sentences(p, p.breakdowns[1]))
    assert "highest" not in said, "the 60 % not itemised could grow faster"
    assert "has the largest share" not in said, "two items at 20 % tie"
    for item in raw["breakdowns"][1]["items"]:
        item["share"] = 0.5
    p = build(raw)
    assert ("Of the growth rates the source gives for every region, B's 12.5% [1] is the highest."
            in split_text.breakdown_sentences(p, p.breakdowns[1]))


def test_no_sentence_compares_a_value_with_itself(cmo):
    text = split_text.breakdown_summary(cmo, cmo.breakdowns[0]).data
    assert "moves from" not in text, "a share that does not move is not described as moving"
