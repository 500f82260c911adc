"""Splits and sums: shares, stated values, item values and countries against their whole."""
from __future__ import annotations

import copy

import pytest
from audit_cases import CLEAN, assumed, breakdown, make, regions, sourced

from cmo_helpers.inputs.params import parse_params
from cmo_helpers.model.audit_sums import check_items_total, check_parents, check_shares, check_stated_values

# --- shares: a breakdown may cover part of the market, never more ---------------------------------


def test_partial_breakdown_is_normal_and_says_what_is_not_itemised():
    (f,) = [x for x in check_shares(regions(sourced(name="North", share=0.4)))
            if x.numbers["subject"] == "Region shares"]
    assert f.severity == "info"
    assert "60.00% is not itemised by the source" in f.message
    assert f.numbers["model"] == "at most 100%"


def test_items_over_the_whole_market_are_an_error_when_sourced_and_a_warning_when_assumed():
    over = regions(sourced(name="North", share=0.6), sourced(name="South", share=0.45))
    (f,) = [x for x in check_shares(over) if x.numbers["subject"] == "Region shares"]
    assert f.severity == "error" and "5.00% more than the whole market" in f.message
    ours = regions(sourced(name="North", share=0.6), assumed(name="South", share=0.45))
    (g,) = [x for x in check_shares(ours) if x.numbers["subject"] == "Region shares"]
    assert g.severity == "warning"


def test_shares_within_tolerance_of_the_whole_are_complete():
    p = regions(sourced(name="North", share=0.499), assumed(name="South", share=0.5))
    (f,) = [x for x in check_shares(p) if x.numbers["subject"] == "Region shares"]
    assert f.severity == "info" and "complete" in f.message


# --- a stated value against share x total -----------------------------------------------------------


def region_with_value(value: float, year: int = 2023):
    """North 50% with a value; stated CAGR 10% so the two back-cast paths differ."""
    return make(**{"size.cagr": sourced(rate=0.10, from_year=2025, to_year=2034),
                   "breakdowns.1": breakdown("region", sourced(name="North", share=0.5, value=value), year=year)})


def test_stated_value_corroborates_the_stated_path():
    # 2023 totals: 100 / 1.071773 = 93.30 (implied) and 100 / 1.10 = 90.91 (stated); halves 46.65 and 45.45.
    (f,) = check_stated_values(region_with_value(45.5))
    assert (f.severity, f.numbers["corroborates"]) == ("info", "stated")
    assert f.numbers["stated_path"] == pytest.approx(45.45, abs=0.01)


def test_stated_value_corroborates_the_implied_path():
    (f,) = check_stated_values(region_with_value(46.6))
    assert (f.severity, f.numbers["corroborates"]) == ("info", "implied")


def test_stated_value_off_both_paths_warns():
    (f,) = check_stated_values(region_with_value(50.0, year=2026))
    assert (f.severity, f.numbers["corroborates"]) == ("warning", "none")


def test_a_value_off_the_models_back_projection_is_not_blamed_on_the_source():
    # 2023 lies before the first year the source sizes: its total is our extrapolation, not the source's.
    (f,) = check_stated_values(region_with_value(50.0))
    assert (f.severity, f.numbers["corroborates"]) == ("info", "none")
    assert "back-projection" in f.message and "not a figure the source states" in f.message


def test_stated_value_in_the_base_year_contradicts_the_stated_total():
    # 2024 total is the stated 100: 50% of it is 50, not 55 (-9.1%).
    (f,) = check_stated_values(region_with_value(55.0, year=2024))
    assert f.severity == "error"
    assert f.numbers["model"] == pytest.approx(50.0)
    assert "stated_path" not in f.numbers
    assert "-9.1%" in f.message


# --- item values against the total ------------------------------------------------------------------


def test_item_values_above_the_stated_total_are_an_error():
    (f,) = check_items_total(regions(sourced(name="North", value=60.0), sourced(name="South", value=45.0),
                                           year=2024))
    assert f.severity == "error"
    assert (f.numbers["stated"], f.numbers["total"], f.numbers["model"]) == (105.0, 100.0, "at most 100.0")


def test_partial_item_values_under_the_total_pass():
    (f,) = check_items_total(regions(sourced(name="North", value=60.0), year=2024))
    assert f.severity == "info" and f.numbers["model"] == "at most 100.0"


def test_complete_breakdown_short_of_the_total_warns():
    p = regions(sourced(name="North", share=0.5, value=40.0), sourced(name="South", share=0.5, value=40.0), year=2024)
    (f,) = check_items_total(p)
    assert f.severity == "warning" and "should add up to the total" in f.message


def test_dated_item_values_are_summed_per_year():
    # 2022: 40 + 45 = 85 against a stated 2022 total of 85.0.
    p = make(totals=[sourced(year=2022, value=85.0)], **{"breakdowns.1": breakdown(
        "region", sourced(name="North", value=50.0, values={2022: 40.0}),
        sourced(name="South", value=50.0, values={2022: 45.0}), year=2024)})
    found = {f.numbers["year"]: f for f in check_items_total(p)}
    assert found[2022].severity == "info" and found[2022].numbers["stated"] == pytest.approx(85.0)


# --- a child against its parent ---------------------------------------------------------------------


def parse_with_country(us_share: float):
    """CLEAN plus a country breakdown whose one country lies in the sourced North (50%)."""
    data = copy.deepcopy(CLEAN)
    data["breakdowns"].append(breakdown("country", sourced(name="Utopia", share=us_share, parent="North"),
                                        geographic=True))
    return parse_params(data)


def test_country_inside_its_region_passes_and_above_it_is_an_error():
    (ok,) = check_parents(parse_with_country(0.3))
    assert ok.severity == "info"
    (bad,) = check_parents(parse_with_country(0.6))  # 60 against North's 50
    assert bad.severity == "error"  # both the country and its region are sourced
    assert (bad.numbers["stated"], bad.numbers["model"]) == pytest.approx((0.6, 0.5)), "shares against shares"
