"""Growth checks: a stated CAGR against the endpoints it joins, of the market and of an item."""
from __future__ import annotations

import pytest
from audit_cases import assumed, make, regions, sourced

from cmo_helpers.model.audit_growth import check_cagr, check_item_cagr


def test_cagr_near_miss_inside_tolerance_passes():
    # 7.22% - 7.1773% = 0.043 pp <= 0.05 pp.
    (f,) = check_cagr(make(**{"size.cagr": sourced(rate=0.0722, from_year=2025, to_year=2034)}))
    assert f.severity == "info"
    assert f.numbers["matching_n"] == 10
    assert "+0.04 pp" in f.message


def test_cagr_just_outside_tolerance_fails_both_conventions():
    # 7.23% is 0.053 pp from the 10-year 7.1773% and far from the 9-year 2 ** (1/9) - 1 = 8.006%.
    (f,) = check_cagr(make(**{"size.cagr": sourced(rate=0.0723, from_year=2025, to_year=2034)}))
    assert f.severity == "error"
    assert f.numbers["matching_n"] == "none"
    assert f.numbers["implied_n_forecast"] == pytest.approx(0.08006, abs=1e-5)
    # 100 * 1.0723 ** 10 = 100 * exp(10 * 0.069805) = 200.98; ** 9 = 187.43.
    assert "201.0" in f.message and "187.4" in f.message


def test_cagr_counted_from_the_first_forecast_year_matches():
    # 8.01% vs 2 ** (1/9) - 1 = 8.006%: the source counted 9 years, 2025-2034.
    (f,) = check_cagr(make(**{"size.cagr": sourced(rate=0.0801, from_year=2025, to_year=2034)}))
    assert (f.severity, f.numbers["matching_n"]) == ("info", 9)


def test_cagr_tolerance_comes_from_params():
    p = make(**{"size.cagr": sourced(rate=0.0723), "audit": {"cagr_tolerance_pp": 0.1}})
    assert check_cagr(p)[0].severity == "info"


def test_no_stated_cagr_means_nothing_to_compare():
    assert check_cagr(make(**{"size.cagr": None})) == []


def test_cagr_counted_from_a_stated_total_matches():
    # The source counts from its own 2025 total: 110 -> 200 over 9 years = exp(ln(1.81818) / 9) - 1 = 6.8682%.
    p = make(**{"size.cagr": sourced(rate=0.0687, from_year=2025, to_year=2034)},
             totals=[sourced(year=2025, value=110.0)])
    (f,) = check_cagr(p)
    assert (f.severity, f.numbers["matching_n"]) == ("info", 9)
    assert f.numbers["implied_n_total"] == pytest.approx(0.068682, abs=1e-6)
    assert "110.0 (2025)" in f.message


def test_cagr_without_a_start_year_is_tried_from_each_stated_total():
    # No start year given: from the stated 2026 total, 120 -> 200 over 8 years = 6.5901%, which the 6.59% fits.
    p = make(**{"size.cagr": sourced(rate=0.0659, to_year=2034)}, totals=[sourced(year=2026, value=120.0)])
    (f,) = check_cagr(p)
    assert (f.severity, f.numbers["matching_n"]) == ("info", 8)
    assert "120.0 (2026)" in f.message


def test_assumed_figures_are_not_called_stated():
    # 100 * 1.09 ** 10 = 236.7 against the sourced 200.
    (f,) = check_cagr(make(**{"size.cagr": assumed(rate=0.09)}))
    assert f.message.startswith("Assumed CAGR 9% disagrees") and f.severity == "warning"
    assert "236.7" in f.message and "not the stated 200.0" in f.message


# --- an item's CAGR against its own start and end values ------------------------------------------


def test_item_cagr_against_its_own_values():
    # 10 (2024) -> 30 (2034): 3 ** (1/10) - 1 = 11.612%.
    ok = regions(sourced(name="North", value=10.0, year=2024, cagr=0.1161, end={"year": 2034, "value": 30.0}))
    (f,) = check_item_cagr(ok)
    assert f.severity == "info" and f.numbers["model"] == pytest.approx(0.11612, abs=1e-5)
    bad = regions(sourced(name="North", value=10.0, year=2024, cagr=0.093, end={"year": 2034, "value": 30.0}))
    (g,) = check_item_cagr(bad)
    assert g.severity == "error" and "-2.31 pp" in g.message


def test_item_cagr_from_a_share():
    # 25% of 100 in 2024 = 25 -> 50 in 2034: 7.1773%.
    (f,) = check_item_cagr(regions(sourced(name="North", share=0.25, cagr=0.0718,
                                                 end={"year": 2034, "value": 50.0})))
    assert f.severity == "info" and "25% share" in f.message
