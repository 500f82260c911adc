"""Charts agree with the tables to the last shown digit and mark assumptions."""
from __future__ import annotations

import pytest

from cmo_helpers.core import brand
from cmo_helpers.report import charts, tables


def _texts(chart):
    return [t.get_text() for t in chart.figure.axes[0].texts]


def _legend(chart):
    return [t.get_text() for t in chart.figure.legends[0].get_texts()]


@pytest.mark.parametrize("market", ["cmo", "irrigation"])
def test_size_chart_labels_equal_the_table(market, request):
    p = request.getfixturevalue(market)
    chart = charts.size_chart(p)
    assert _texts(chart) == tables.size_table(p).shown()[f"Market size ({p.market.currency} {p.market.unit})"].tolist()


@pytest.mark.parametrize("market", ["cmo", "irrigation"])
def test_stacked_chart_totals_equal_the_table(market, request):
    p = request.getfixturevalue(market)
    chart = charts.stacked_chart(p, p.breakdowns[1])
    assert _texts(chart) == tables.breakdown_values_table(p, p.breakdowns[1]).shown()["Total"].tolist()


def test_chart_labels_keep_the_sources_two_decimals_and_the_axis_none(irrigation):
    chart = charts.size_chart(irrigation)
    assert _texts(chart)[:2] == ["1.93", "2.16"] and _texts(chart)[-1] == "5.41"
    assert "from 1.93 in 2025 to 5.41 in 2034" in chart.alt
    chart.svg()  # draws, so the tick labels are set
    ticks = [t.get_text() for t in chart.figure.axes[0].get_yticklabels() if t.get_text()]
    assert ticks and all("." not in t for t in ticks), ticks


def test_share_chart_labels_equal_the_table(cmo):
    chart = charts.share_chart(cmo, cmo.breakdowns[0])
    shown = tables.breakdown_table(cmo, cmo.breakdowns[0]).shown()["Share"].tolist()
    assert sorted(_texts(chart)) == sorted(shown) == ["38.0%", "62.0%"]


def test_remainder_is_grey_and_unnamed_and_assumed_items_hatched(cmo, heat):
    chart = charts.stacked_chart(cmo, cmo.breakdowns[1])
    bars = {c.get_label(): c.patches[0] for c in chart.figure.axes[0].containers}
    assert list(bars) == ["North America (growth assumed)", "Not itemised by the source"]
    assert bars["Not itemised by the source"].get_facecolor()[:3] == pytest.approx((0.784, 0.784, 0.784), abs=0.01)
    assert "Grey: not itemised by the source." in charts.share_chart(cmo, cmo.breakdowns[1]).caption
    heat_chart = charts.stacked_chart(heat, heat.breakdowns[1])
    assert {c.patches[0].get_hatch() for c in heat_chart.figure.axes[0].containers} == {charts.HATCH}
    assert charts.ASSUMED_NOTE in heat_chart.caption


def test_breakdown_without_figures_draws_no_chart(raw, build):
    raw["breakdowns"][0]["items"] = [{"name": "Devices", "cagr": 0.1, "basis": "sourced", "source": "marketus-2025"}]
    p = build(raw)
    assert charts.share_chart(p, p.breakdowns[0]) is None and charts.stacked_chart(p, p.breakdowns[0]) is None


def test_dollar_signs_in_names_are_text_not_maths(raw, build):
    raw["breakdowns"][0]["items"][0]["name"] = "Devices $5-$10 x^2"
    p = build(raw)
    chart = charts.share_chart(p, p.breakdowns[0])
    chart.svg()  # mathtext would fail on the unmatched dollar sign
    assert "Devices $5-$10 x^2" in [t.get_text() for t in chart.figure.axes[0].get_yticklabels()]


def test_fully_sourced_size_chart_has_no_assumption_note(cmo, heat):
    assert charts.ASSUMED_NOTE not in charts.size_chart(cmo).caption
    heat_chart = charts.size_chart(heat)
    assert charts.ASSUMED_NOTE in heat_chart.caption
    assert _legend(heat_chart) == ["Assumed input", "Modelled from assumed inputs", "Stated end value (assumed)"]
    assert {bar.get_hatch() for bar in heat_chart.figure.axes[0].patches} == {charts.HATCH}


def test_growth_chart_shows_both_paths(cmo):
    chart = charts.growth_chart(cmo)
    legend = _legend(chart)
    assert legend[0] == "Series used: 15.6% a year"
    assert legend[1] == "Stated CAGR: 16.6% a year (not used)"
    assert "2,011.4" in _texts(chart) and "1,861.2" in _texts(chart)
    assert chart.alt == "Line chart comparing the market path used (15.6% a year) with the alternative growth path."


@pytest.mark.parametrize("n", [0, 1])
def test_charts_use_the_house_font(cmo, n):
    chart = charts.share_chart(cmo, cmo.breakdowns[n])
    assert chart.figure.axes[0].title.get_fontfamily() == [brand.FONT]


@pytest.mark.parametrize("market", ["cmo", "irrigation"])
def test_growth_chart_end_labels_equal_the_paths_table(market, request):
    p = request.getfixturevalue(market)
    last = tables.paths_table(p).shown().iloc[-1]
    assert sorted(_texts(charts.growth_chart(p))) == sorted([last["Series used"], last["Stated CAGR path"]])
