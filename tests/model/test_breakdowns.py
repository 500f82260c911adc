"""Breakdown values: complete ones add up to the total, partial ones leave a rest, nothing is invented."""
from __future__ import annotations

import pytest

from cmo_helpers.model import breakdowns as bd
from cmo_helpers.model import forecast


def test_complete_breakdowns_sum_to_the_total_every_year(heat):
    for b in heat.breakdowns:
        assert bd.complete(heat, b)
        assert bd.values(heat, b).sum(axis=1).tolist() == pytest.approx(forecast.totals(heat).tolist())
        assert bd.shares(heat, b).sum(axis=1).tolist() == pytest.approx([1.0] * len(forecast.totals(heat)))


def test_partial_breakdown_leaves_the_rest_unitemised(raw, build):
    raw["breakdowns"][0]["year"] = 2024  # a dated share, as most releases give it
    p = build(raw)
    service = p.breakdowns[0]
    assert not bd.complete(p, service)
    # 62 % of 1,861.2 = 1,153.944; the rest is 707.256.
    assert bd.values(p, service).loc[2033, "Pharmaceutical contract manufacturing"] == pytest.approx(1153.944)
    assert bd.rest(p, service)[2033] == pytest.approx(707.256)
    assert bd.itemised_share(p, service) == pytest.approx(0.62)


def test_a_share_without_a_year_is_never_placed_on_the_value_path(cmo):
    service = cmo.breakdowns[0]  # the default release gives its 62.0 % share no year
    assert bd.item_year(cmo, service, service.items[0]) is None and bd.placed(cmo, service) == []
    assert bd.itemised_share(cmo, service) == pytest.approx(0.62)


def test_north_america_starts_from_its_stated_2023_value(cmo):
    # The stated value places it: 185.5 in 2023, growing with the market (15.599 %): 185.5 * 1.155990 = 214.436 in 2024.
    region = cmo.breakdowns[1]
    assert bd.point(cmo, region, region.item("North America")) == (2023, 185.5, "value")
    assert bd.values(cmo, region).loc[2024, "North America"] == pytest.approx(214.436, abs=0.001)
    assert bd.value_at(cmo, region, 2023)["North America"] == pytest.approx(185.5)


def test_items_known_only_by_a_claim_or_a_rate_get_no_value(cmo, raw, build):
    region = cmo.breakdowns[1]
    assert "Asia-Pacific" not in bd.values(cmo, region).columns
    raw["breakdowns"][0]["items"].append({"name": "Drug delivery", "cagr": 0.124, "basis": "sourced",
                                          "source": "marketus-2025"})
    p = build(raw)
    assert "Drug delivery" not in bd.values(p, p.breakdowns[0]).columns
    assert bd.rate(p, p.breakdowns[0], p.breakdowns[0].items[1]) == (0.124, "own")


def test_complete_breakdown_drift_is_renormalised_by_hand(raw, build):
    # Two regions, 50/50 in 2024, own CAGRs 10 % and 0 %: in 2025 raw weights 0.55 and 0.50,
    # so shares are 0.55/1.05 = 0.523810 and 0.50/1.05 = 0.476190; A = 0.523810 * 583.660 = 305.727.
    raw["breakdowns"][1] = {"id": "region", "label": "Region", "year": 2024, "items": [
        {"name": "A", "share": 0.5, "cagr": 0.10, "basis": "assumed", "rationale": "test"},
        {"name": "B", "share": 0.5, "cagr": 0.0, "basis": "assumed", "rationale": "test"}]}
    p = build(raw)
    b = p.breakdowns[1]
    assert bd.shares(p, b).loc[2025].tolist() == pytest.approx([0.523810, 0.476190], abs=1e-6)
    assert bd.values(p, b).loc[2025, "A"] == pytest.approx(305.727, abs=0.001)


def test_partial_item_with_its_own_rate_is_not_rescaled(raw, build):
    # 20 % of 504.9 = 100.98 in 2024 at 5 %: 106.029 in 2025, whatever the market does.
    raw["breakdowns"][0]["items"][0].update(share=0.2, cagr=0.05)
    raw["breakdowns"][0]["year"] = 2024
    p = build(raw)
    assert bd.values(p, p.breakdowns[0]).loc[2025].iloc[0] == pytest.approx(106.029, abs=0.001)


def test_end_value_places_an_item_and_sets_its_rate(raw, build):
    # 100 in 2024 to 200 in 2034... here: 50 in 2024 to 100 in 2030 is 2 ** (1/6) - 1 = 12.246 %.
    raw["breakdowns"][0]["items"][0] = {"name": "Biologics", "value": 50.0, "year": 2024,
                                        "end": {"year": 2030, "value": 100.0},
                                        "basis": "sourced", "source": "marketus-2025"}
    p = build(raw)
    b = p.breakdowns[0]
    assert bd.rate(p, b, b.items[0]).rate == pytest.approx(0.122462, abs=1e-6)
    assert bd.values(p, b).loc[2030, "Biologics"] == pytest.approx(100.0)
    raw["breakdowns"][0]["items"][0] = {"name": "Biologics", "end": {"year": 2030, "value": 100.0}, "cagr": 0.1,
                                        "basis": "sourced", "source": "marketus-2025"}
    p = build(raw)
    # Known only by its end value and rate: back-cast 100 / 1.1 ** 6 = 56.447 in 2024.
    assert bd.values(p, p.breakdowns[0]).loc[2024, "Biologics"] == pytest.approx(56.447, abs=0.001)


def test_geographic_and_segment_breakdowns(cmo):
    assert [b.id for b in bd.segments(cmo)] == ["service"]
    assert [b.id for b in bd.geographic(cmo)] == ["region"]
