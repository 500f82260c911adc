"""Size and growth charts agree with the tables to the last shown digit and mark assumptions."""
from __future__ import annotations

import pytest
from chart_layout import legend_texts, value_texts

from cmo_helpers.report import house_chart, size_charts, size_tables


@pytest.mark.parametrize("market", ["cmo", "irrigation"])
def test_size_chart_labels_equal_the_table(market, request):
    p = request.getfixturevalue(market)
    chart = size_charts.size_chart(p)
    shown = size_tables.size_table(p).shown()[f"Market size ({p.market.currency} {p.market.unit})"]
    assert value_texts(chart) == shown.tolist()


def test_chart_labels_keep_the_sources_two_decimals_and_the_axis_none(irrigation):
    chart = size_charts.size_chart(irrigation)
    assert value_texts(chart)[:2] == ["1.93", "2.16"] and value_texts(chart)[-1] == "5.41"
    assert "from 1.93 in 2025 to 5.41 in 2034" in chart.alt
    chart.svg()  # draws, so the tick labels are set
    ticks = [t.get_text() for t in chart.figure.axes[0].get_yticklabels() if t.get_text()]
    assert ticks and all("." not in t for t in ticks), ticks


def test_fully_sourced_size_chart_has_no_assumption_note(cmo, heat):
    assert house_chart.ASSUMED_NOTE not in size_charts.size_chart(cmo).caption
    heat_chart = size_charts.size_chart(heat)
    assert house_chart.ASSUMED_NOTE in heat_chart.caption
    assert legend_texts(heat_chart) == ["Assumed input", "Modelled from assumed inputs", "Stated end value (assumed)"]
    assert {bar.get_hatch() for bar in heat_chart.figure.axes[0].patches} == {house_chart.HATCH}


def test_growth_chart_shows_both_paths(cmo):
    chart = size_charts.growth_chart(cmo)
    legend = legend_texts(chart)
    assert legend[0] == "Series used: 15.6% a year"
    assert legend[1] == "Stated CAGR: 16.6% a year (not used)"
    assert "2,011.4" in value_texts(chart) and "1,861.2" in value_texts(chart)
    assert chart.alt == "Line chart comparing the market path used (15.6% a year) with the alternative growth path."


@pytest.mark.parametrize("market", ["cmo", "irrigation"])
def test_growth_chart_end_labels_equal_the_paths_table(market, request):
    p = request.getfixturevalue(market)
    last = size_tables.paths_table(p).shown().iloc[-1]
    assert sorted(value_texts(size_charts.growth_chart(p))) == sorted([last["Series used"], last["Stated CAGR path"]])
