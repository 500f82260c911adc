"""Segment and regional values: parts always sum to the total, drift follows own CAGRs."""
from __future__ import annotations

import pytest

from cmo_helpers import forecast, splits


@pytest.mark.parametrize("key", ["segments", "regions"])
def test_parts_sum_to_the_total_every_year(cmo, heat, key):
    for p in (cmo, heat):
        split = getattr(p, key)
        assert splits.values(p, split).sum(axis=1).tolist() == pytest.approx(forecast.totals(p).tolist())
        assert splits.shares(p, split).sum(axis=1).tolist() == pytest.approx([1.0] * len(forecast.totals(p)))


def test_segments_without_own_cagr_keep_their_shares(cmo):
    shares = splits.shares(cmo, cmo.segments)
    assert shares["Pharmaceutical contract manufacturing"].tolist() == pytest.approx([0.62] * 10)
    # 62 % of 1,861.2 = 1,153.944
    assert splits.values(cmo, cmo.segments).loc[2033, "Pharmaceutical contract manufacturing"] == pytest.approx(1153.944)


def test_north_america_2023_follows_share_and_back_cast_total(cmo):
    # 0.425 * 436.768 = 185.626 (the source states 185.5)
    v = splits.value_at(cmo, cmo.regions, 2023)
    assert v["North America"] == pytest.approx(185.626, abs=0.001)
    sv = splits.stated_values(cmo, cmo.regions)
    assert sv.loc[0, "stated"] == 185.5
    assert sv.loc[0, "difference"] == pytest.approx(0.126, abs=0.001)


def test_drift_is_renormalised_by_hand(raw, build):
    # Two regions, 50/50 in 2024, own CAGRs 10 % and 0 %: in 2025 raw weights 0.55 and 0.50,
    # so shares are 0.55/1.05 = 0.523810 and 0.50/1.05 = 0.476190.
    raw["regions"] = {
        "label": "Region",
        "year": 2024,
        "items": [
            {"name": "A", "share": 0.5, "cagr": 0.10, "basis": "assumed", "rationale": "test"},
            {"name": "B", "share": 0.5, "cagr": 0.0, "basis": "assumed", "rationale": "test"},
        ],
    }
    p = build(raw)
    assert splits.share_at(p, p.regions, 2025).tolist() == pytest.approx([0.523810, 0.476190], abs=1e-6)
    assert splits.share_at(p, p.regions, 2024).tolist() == pytest.approx([0.5, 0.5])
    # 2025 value of A: 0.523810 * 583.660 = 305.727
    assert splits.values(p, p.regions).loc[2025, "A"] == pytest.approx(305.727, abs=0.001)
    assert splits.fastest_growing(p, p.regions) == "A"


def test_fastest_region_is_asia_pacific(cmo):
    assert splits.fastest_growing(cmo, cmo.regions) == "Asia-Pacific"
    cagrs = splits.item_cagrs(cmo, cmo.regions)
    assert cagrs.max() == cagrs["Asia-Pacific"]


def test_item_without_cagr_grows_at_the_anchor_rate(cmo):
    rates = splits.item_rates(cmo, cmo.segments)
    assert rates.tolist() == pytest.approx([cmo.anchor_rate] * 4)
