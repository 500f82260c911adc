"""History checks: further dated totals against both growth paths."""
from __future__ import annotations

from audit_cases import make, sourced

from cmo_helpers.model.audit_history import check_totals


def test_dated_totals_say_which_path_they_support():
    # Stated CAGR 10%; 2026 totals: implied 100 * 1.071773 ** 2 = 114.87, stated 121.0.
    base = {"size.cagr": sourced(rate=0.10, from_year=2025, to_year=2034)}
    for value, supports, severity in ((121.0, "stated", "info"), (114.9, "implied", "info"),
                                      (130.0, "none", "warning")):
        (f,) = check_totals(make(totals=[sourced(year=2026, value=value)], **base))
        assert (f.numbers["supports"], f.severity) == (supports, severity)


def test_a_total_that_starts_the_stated_cagr_says_so():
    # 2024 100 -> 2025 112 (a fast first year, 12.0%), then 112 -> 200 over 2025-2034 is 6.6568% a year, as stated.
    p = make(**{"size.cagr": sourced(rate=0.0666, from_year=2025, to_year=2034)},
             totals=[sourced(year=2025, value=112.0)])
    (f,) = check_totals(p)
    assert f.severity == "warning" and "starts the stated CAGR's period" in f.message
    assert "growth from 2024 to 2025 (12.0% a year) differs from its rate after" in f.message
