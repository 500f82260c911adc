"""The market's size: the forecast runs forwards, an anchor needs its rate, rates stay possible."""
from __future__ import annotations


def test_end_year_must_follow_base_year(raw, refused):
    raw["size"]["end"]["year"] = 2020
    assert "size: end.year (2020) must be after base.year (2024)" in refused(raw)


def test_cagr_anchor_needs_a_cagr(raw, refused):
    raw["size"]["anchor"] = "cagr"
    del raw["size"]["cagr"]
    assert "size: anchor is 'cagr' but no 'cagr' is given" in refused(raw)


def test_cagr_out_of_range(raw, refused):
    raw["size"]["cagr"]["rate"] = 2.5
    assert "size.cagr.rate: Input should be less than or equal to 2 (got 2.5)" in refused(raw)


def test_endpoints_implying_an_impossible_rate_are_refused(raw, build, refused):
    raw["size"]["base"]["value"] = 1e-300
    assert "size: base.value 1e-300 and end.value 1861.2 imply" in refused(raw)
    raw["size"]["base"]["value"] = 504.9
    raw["size"]["end"]["value"] = 1.0  # -49.9 % a year over nine years: allowed, a shrinking market
    assert build(raw).size.end.value == 1.0
    raw["size"]["end"]["value"] = 0.5  # -51.7 % a year
    assert "outside the -50% to +200%" in refused(raw)
