"""Citations and assumption labels: every figure says where it came from."""
from __future__ import annotations

from cmo_helpers.core import formatting
from cmo_helpers.model import provenance as pv


def test_citations_and_basis_labels(cmo, heat):
    assert pv.cite(cmo, "marketus-2025") == "[1]"
    assert pv.basis_label(cmo, cmo.size.base) == "Sourced [1]"
    assert pv.basis_label(heat, heat.size.base) == "Assumed"


def test_item_labels(cmo, heat):
    service, region = cmo.breakdowns
    pharma = service.items[0]
    air = heat.breakdowns[0].items[0]
    assert (pv.suffix(pharma), pv.suffix(air)) == ("", " (assumed)")
    # The release gives pharma's share, not its growth: it follows the market, which is our assumption.
    assert pv.series_label(cmo, service, pharma) == "Pharmaceutical contract manufacturing (growth assumed)"
    assert pv.series_label(heat, heat.breakdowns[0], air) == "Air-to-water (assumed)"


def test_an_item_growing_at_its_sourced_rate_is_not_labelled(raw, build):
    raw["breakdowns"][0]["items"][0]["cagr"] = "14.0%"
    p = build(raw)
    assert pv.series_label(p, p.breakdowns[0], p.breakdowns[0].items[0]) == "Pharmaceutical contract manufacturing"
    assert not pv.growth_assumed(p, p.breakdowns[0], p.breakdowns[0].items[0])


def test_undated_source_never_borrows_the_reading_date(raw, build):
    del raw["sources"][0]["published"]
    assert formatting.dated(build(raw).sources[0]) == "date not stated"
    raw["sources"][0]["accessed"] = "2026-11-26"
    assert formatting.dated(build(raw).sources[0]) == "date not stated; accessed 26 November 2026"
    raw["sources"][0]["published"] = "2025-10-10"
    assert formatting.dated(build(raw).sources[0]) == "10 October 2025; accessed 26 November 2026"


def test_source_line_is_a_full_reference(cmo):
    assert formatting.source_line(cmo.sources[0]) == (
        "Market.us Media (news release), Trishita Deb: \u201cHealthcare CMO Market Forecast Shows Strong Growth, "
        "Surpassing USD 1.8 Billion by 2033\u201d, New York, 10 October 2025."
    )


def test_which_series_rest_on_assumptions(cmo, heat, raw, build):
    assert not pv.rate_assumed(cmo) and not pv.path_assumed(cmo)
    assert pv.rate_assumed(heat) and pv.path_assumed(heat)
    raw["size"]["cagr"].update(basis="assumed", rationale="test")
    del raw["size"]["cagr"]["source"]  # ignored: the endpoints drive the series
    assert not pv.path_assumed(build(raw))
    raw["size"]["anchor"] = "cagr"
    assert pv.rate_assumed(build(raw))
