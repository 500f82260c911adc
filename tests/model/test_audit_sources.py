"""Source checks: years outside the forecast, and a CAGR period that ends early or runs backwards."""
from __future__ import annotations

from audit_cases import make, regions, sourced

from cmo_helpers.model.audit_sources import check_years


def test_breakdown_year_long_before_the_base_warns():
    (f,) = check_years(regions(sourced(name="North", share=0.5), year=2015))
    assert f.severity == "warning" and f.numbers["stated"] == 2015


def test_cagr_period_ending_early_warns_and_backwards_is_an_error():
    (early,) = check_years(make(**{"size.cagr": sourced(rate=0.0718, from_year=2025, to_year=2033)}))
    assert (early.severity, early.numbers["stated"]) == ("warning", 2033)
    backwards = check_years(make(**{"size.cagr": sourced(rate=0.0718, from_year=2034, to_year=2030)}))
    assert sorted(f.severity for f in backwards) == ["error", "warning"]
