"""Citations and assumption labels: every figure says where it came from."""
from __future__ import annotations

from cmo_helpers import provenance as pv


def test_citations_and_basis_labels(cmo, heat):
    assert pv.cite(cmo, "marketus-2025") == "[1]"
    assert pv.basis_label(cmo, cmo.size.base) == "Sourced [1]"
    assert pv.basis_label(heat, heat.size.base) == "Assumed"


def test_item_labels(cmo):
    pharma, devices = cmo.segments.items[0], cmo.segments.items[1]
    north_america = cmo.regions.items[0]
    assert (pv.suffix(pharma), pv.suffix(devices)) == ("", " (assumed)")
    assert pv.series_label(pharma) == "Pharmaceutical contract manufacturing"
    assert pv.series_label(devices) == "Medical device manufacturing (assumed)"
    assert pv.series_label(north_america) == "North America (growth assumed)"


def test_source_line_is_a_full_reference(cmo):
    assert pv.source_line(cmo.sources[0]) == (
        "Market.us Media (news release), Trishita Deb: \u201cHealthcare CMO Market Forecast Shows Strong Growth, "
        "Surpassing USD 1.8 Billion by 2033\u201d, New York, 10 October 2025."
    )


def test_which_series_rest_on_assumptions(cmo, heat, raw, build):
    assert not pv.rate_assumed(cmo) and not pv.path_assumed(cmo)
    assert pv.rate_assumed(heat) and pv.path_assumed(heat)
    raw["size"]["cagr"].update(basis="assumed", rationale="test")  # ignored: the endpoints drive the series
    assert not pv.path_assumed(build(raw))
    raw["size"]["anchor"] = "cagr"
    assert pv.rate_assumed(build(raw))
