"""Breakdown charts agree with the tables, grey the unitemised rest and draw names as text."""
from __future__ import annotations

import pytest
from chart_layout import value_texts

from cmo_helpers.report import house_chart, split_charts, split_tables


@pytest.mark.parametrize("market", ["cmo", "irrigation"])
def test_stacked_chart_totals_equal_the_table(market, request):
    p = request.getfixturevalue(market)
    chart = split_charts.stacked_chart(p, p.breakdowns[1])
    assert value_texts(chart) == split_tables.breakdown_values_table(p, p.breakdowns[1]).shown()["Total"].tolist()


def test_share_chart_labels_equal_the_table(cmo):
    chart = split_charts.share_chart(cmo, cmo.breakdowns[0])
    shown = split_tables.breakdown_table(cmo, cmo.breakdowns[0]).shown()["Share"].tolist()
    assert sorted(value_texts(chart)) == sorted(shown) == ["38.0%", "62.0%"]


def test_remainder_is_grey_and_unnamed_and_assumed_items_hatched(cmo, heat):
    chart = split_charts.stacked_chart(cmo, cmo.breakdowns[1])
    bars = {c.get_label(): c.patches[0] for c in chart.figure.axes[0].containers}
    assert list(bars) == ["North America (growth assumed)", "Not itemised by the source"]
    assert bars["Not itemised by the source"].get_facecolor()[:3] == pytest.approx((0.784, 0.784, 0.784), abs=0.01)
    assert "Grey: not itemised by the source." in split_charts.share_chart(cmo, cmo.breakdowns[1]).caption
    heat_chart = split_charts.stacked_chart(heat, heat.breakdowns[1])
    assert {c.patches[0].get_hatch() for c in heat_chart.figure.axes[0].containers} == {house_chart.HATCH}
    assert house_chart.ASSUMED_NOTE in heat_chart.caption


def test_breakdown_without_figures_draws_no_chart(raw, build):
    raw["breakdowns"][0]["items"] = [{"name": "Devices", "cagr": 0.1, "basis": "sourced", "source": "marketus-2025"}]
    p = build(raw)
    assert split_charts.share_chart(p, p.breakdowns[0]) is None
    assert split_charts.stacked_chart(p, p.breakdowns[0]) is None


def test_dollar_signs_in_names_are_text_not_maths(raw, build):
    raw["breakdowns"][0]["items"][0]["name"] = "Devices $5-$10 x^2"
    p = build(raw)
    chart = split_charts.share_chart(p, p.breakdowns[0])
    chart.svg()  # mathtext would fail on the unmatched dollar sign
    assert "Devices $5-$10 x^2" in [t.get_text() for t in chart.figure.axes[0].get_yticklabels()]
