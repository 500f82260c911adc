"""Claims checks: a source's 'largest', 'fastest-growing' and scale words against its figures."""
from __future__ import annotations

from audit_cases import assumed, make, regions, sourced

from cmo_helpers.model.audit_claims import check_claims, check_scale_claims


def test_largest_claim_contradicted_by_a_sourced_share_is_an_error():
    p = regions(sourced(name="North", share=0.3, claims=["largest"]), sourced(name="South", share=0.5))
    (f,) = check_claims(p)
    assert f.severity == "error" and "South (50%)" in f.message


def test_largest_claim_overturned_by_our_assumption_warns():
    p = regions(sourced(name="North", share=0.3, claims=["largest"]), assumed(name="South", share=0.5))
    (f,) = check_claims(p)
    assert f.severity == "warning" and "contradicted by our assumption" in f.message


def test_largest_claim_that_the_remainder_could_hide_is_reported_not_confirmed():
    (f,) = check_claims(regions(sourced(name="North", share=0.3, claims=["largest"])))
    assert f.severity == "info" and "70% not itemised could hide a larger item" in f.message


def test_fastest_growing_claim_against_rates():
    slower = regions(sourced(name="North", cagr=0.05, claims=["fastest-growing"]), sourced(name="South", cagr=0.08))
    assert check_claims(slower)[0].severity == "error"
    equal = regions(sourced(name="North", cagr=0.08, claims=["fastest-growing"]), sourced(name="South", cagr=0.08))
    assert check_claims(equal)[0].severity == "warning"
    fits = regions(sourced(name="North", cagr=0.09, claims=["fastest-growing"]), sourced(name="South", cagr=0.08))
    assert check_claims(fits)[0].severity == "info"
    unrated = regions(sourced(name="North", claims=["fastest-growing"]))
    assert "not checked" in check_claims(unrated)[0].message


def test_scale_claims_fit_or_contradict():
    millions, thousands = check_scale_claims(make(claims=[
        {"text": "worth millions", "scale": "million", "source": "src"},
        {"text": "worth thousands", "scale": "thousand", "source": "src"},
    ]))
    assert millions.severity == "info"
    assert thousands.severity == "warning"
    assert "no year of the 2024\u20132034 forecast" in thousands.message


def test_scale_claim_reads_value_and_year():
    claim = {"text": "USD 0.2 billion by 2034", "scale": "billion", "value": 0.2, "year": 2034, "source": "src"}
    assert check_scale_claims(make(claims=[claim]))[0].severity == "info"
    (wrong,) = check_scale_claims(make(claims=[{**claim, "value": 0.3}]))
    assert wrong.severity == "warning" and "0.20 billion" in wrong.message
    (late,) = check_scale_claims(make(claims=[{**claim, "year": 2040}]))
    assert late.severity == "warning" and "outside the forecast" in late.message
    floor = {**claim, "value": 0.15, "bound": "at-least"}
    assert check_scale_claims(make(claims=[floor]))[0].severity == "info"
