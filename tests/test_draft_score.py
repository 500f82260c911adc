"""Scoring a draft against gold facts: matches, misses, extras and wrong years or units are counted apart."""
from __future__ import annotations

from decimal import Decimal

from draft_score import draft_facts, gold_facts, rate, score

from cmo_helpers.drafting.names import item_key

PARAMS = {
    "market": {"unit": "million"},
    "size": {"base": {"year": 2024, "value": "1,180.4", "basis": "sourced"},
             "end": {"year": 2031, "value": 2417, "basis": "sourced"},
             "cagr": {"rate": "10.8%", "from_year": 2025, "to_year": 2031, "basis": "sourced"}},
    "breakdowns": [{"id": "r", "year": 2024, "items": [
        {"name": "Europe", "basis": "sourced", "share": "41.5%", "value": 489.9, "claims": [{"claim": "largest"}]},
        {"name": "Asia-Pacific", "basis": "sourced", "cagr": {"rate": "12.5%"}, "year": 2023, "share": 0.2},
        {"name": "Africa", "basis": "assumed", "share": "5%"}]}],
    "claims": [{"text": "x", "scale": "billion"}, {"text": "y", "scale": "billion", "value": 2.4, "year": 2031}],
}
GOLD = {"totals": [[2024, "1.1804", "billion"], [2031, "2,417", "million"]], "cagr": [["10.8%", 2025, 2031]],
        "shares": [["Europe", "41.5%", 2024], ["Asia Pacific", "20%", 2023]],
        "values": [["Europe", "489.9", "million", 2024]], "item_cagrs": [["Asia Pacific", "12.5%"]],
        "claims": [["Europe", "largest"], ["scale", "billion"], ["scale", "billion", "2.4", 2031]]}


def test_a_draft_and_its_gold_agree_whatever_the_scale_or_spelling():
    s = score(draft_facts(PARAMS), gold_facts(GOLD))
    assert (s.precision(), s.recall(), s.wrong_year_or_unit) == (1.0, 1.0, [])


def test_assumed_figures_are_not_counted():
    assert all(f[0] != "africa" for f in draft_facts(PARAMS)["shares"])


def test_wrong_year_and_wrong_unit_are_reported():
    gold = dict(GOLD, totals=[[2025, "1,180.4", "million"], [2031, "2.417", "million"]])
    s = score(draft_facts(PARAMS), gold_facts(gold), "x")
    assert s.precision("totals") == 0 and s.recall("totals") == 0
    assert len(s.wrong_year_or_unit) == 2


def test_longer_drafted_names_match_the_gold_name_they_start_with():
    gold = dict(GOLD, shares=[["Europe", "41.5%", 2024]])
    params = dict(PARAMS, breakdowns=[{"id": "r", "year": 2024, "items": [
        {"name": "Europe region segment", "basis": "sourced", "share": "41.5%"}]}])
    assert score(draft_facts(params), gold_facts(gold)).matched["shares"] == 1


def test_names_and_rates_are_normalised():
    assert item_key("The Asia-Pacific segment") == "asia pacific"
    assert rate("16.6%") == rate(0.166) == Decimal("16.6")


def test_a_history_of_values_counts_each_year():
    params = dict(PARAMS, breakdowns=[{"id": "r", "year": 2024, "items": [
        {"name": "Europe", "basis": "sourced", "value": 489.9, "values": [{"year": 2023, "value": "450.10"}]}]}])
    expected = {("europe", Decimal("489.9E6"), 2024), ("europe", Decimal("450.10E6"), 2023)}
    assert draft_facts(params)["values"] == expected
