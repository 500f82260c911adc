"""Totals and growth rates against numbers worked out by hand."""
from __future__ import annotations

import math

import pytest

from cmo_helpers.model import forecast


def test_endpoints_imply_15_60_percent(cmo):
    # (1861.2 / 504.9) ** (1/9) - 1 = 3.686275 ** 0.11111 - 1 = 0.155990
    assert forecast.endpoint_cagr(cmo) == pytest.approx(0.155990, abs=5e-7)
    assert round(forecast.endpoint_cagr(cmo) * 100, 2) == 15.60


def test_stated_cagr_from_base_gives_2011_4(cmo):
    # 504.9 * 1.166 ** 9 = 504.9 * 3.98369 = 2011.37
    comp = forecast.cagr_comparison(cmo)
    assert comp.loc["stated", "end_value"] == pytest.approx(2011.37, abs=0.01)
    assert bool(comp.loc["endpoint-implied", "anchor"]) and not bool(comp.loc["stated", "anchor"])
    path, label, rate = forecast.alternative_path(cmo)
    assert (label, rate) == ("Stated CAGR", 0.166) and path.iloc[-1] == pytest.approx(2011.37, abs=0.01)


def test_endpoint_series_hits_both_endpoints(cmo):
    total = forecast.totals(cmo)
    assert list(total.index) == list(range(2024, 2034))
    assert total.iloc[0] == pytest.approx(504.9)
    assert total.iloc[-1] == pytest.approx(1861.2)
    assert total[2025] == pytest.approx(504.9 * 1.155990, abs=0.01)  # 583.66


def test_yoy_is_constant_on_a_compound_path(cmo):
    growth = forecast.growth_table(cmo)["yoy"]
    assert math.isnan(growth.iloc[0])
    assert growth.iloc[1:].round(6).nunique() == 1
    assert growth.iloc[1] == pytest.approx(0.155990, abs=5e-7)


def test_back_cast_2023_total(cmo):
    # 504.9 / 1.155990 = 436.768
    assert forecast.total_at(cmo, 2023) == pytest.approx(436.768, abs=0.001)


def test_cagr_anchor_ignores_the_stated_end_value(heat):
    # 14.2 * 1.10 ** 7 = 14.2 * 1.948717 = 27.672
    total = forecast.totals(heat)
    assert total.iloc[-1] == pytest.approx(27.672, abs=0.001)
    assert forecast.anchor_rate(heat) == 0.10


def test_project_runs_backwards_and_forwards():
    s = forecast.project(100.0, 0.1, 2020, [2018, 2020, 2022])
    assert s.tolist() == pytest.approx([100 / 1.21, 100.0, 121.0])


def test_implied_cagr_needs_a_positive_horizon():
    with pytest.raises(ValueError, match="years must be positive"):
        forecast.implied_cagr(1, 2, 0)


def test_growth_table_change_column(cmo):
    g = forecast.growth_table(cmo)
    assert g["change"].iloc[1] == pytest.approx(583.66 - 504.9, abs=0.01)
    assert g["change"].sum() == pytest.approx(1861.2 - 504.9)


def test_compound_is_the_one_growth_formula():
    assert forecast.compound(100.0, 0.1, 2) == pytest.approx(121.0)
    assert forecast.compound(121.0, 0.1, -2) == pytest.approx(100.0)


def test_stated_totals_hold_base_end_and_further_totals(raw, build):
    raw["totals"] = [{"year": 2025, "value": 588.2, "basis": "sourced", "source": "marketus-2025"}]
    p = build(raw)
    assert list(forecast.stated_totals(p)) == [2024, 2025, 2033]
    assert forecast.path_rates(p) == pytest.approx({"implied": 0.155990, "stated": 0.166}, abs=5e-7)
