"""Charts agree with the tables to the last shown digit and mark assumptions."""
from __future__ import annotations

import pytest

from cmo_helpers import charts, tables


def _texts(chart):
    return [t.get_text() for t in chart.figure.axes[0].texts]


def _legend(chart):
    return [t.get_text() for t in chart.figure.axes[0].get_legend().get_texts()]


def test_size_chart_labels_equal_the_table(cmo):
    chart = charts.size_chart(cmo)
    assert _texts(chart) == tables.size_table(cmo).data["Market size (USD million)"].tolist()


def test_stacked_chart_totals_equal_the_table(cmo):
    chart = charts.stacked_chart(cmo, cmo.regions)
    assert _texts(chart) == tables.split_values_table(cmo, cmo.regions).data["Total"].tolist()


def test_share_chart_labels_equal_the_table(cmo):
    chart = charts.share_chart(cmo, cmo.segments)
    assert sorted(_texts(chart)) == sorted(tables.split_table(cmo, cmo.segments).data["Share 2024"].tolist())


def test_assumed_items_are_hatched_and_labelled(cmo):
    chart = charts.stacked_chart(cmo, cmo.regions)
    labels = _legend(chart)
    assert labels[0] == "North America (growth assumed)" and labels[1] == "Europe (assumed)"
    hatches = {bar.get_label(): bar.patches[0].get_hatch() for bar in chart.figure.axes[0].containers}
    assert hatches["North America (growth assumed)"] is None
    assert hatches["Asia-Pacific (assumed)"] == charts.HATCH
    assert charts.ASSUMED_NOTE in chart.caption


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


@pytest.mark.parametrize("split", ["segments", "regions"])
def test_charts_use_the_house_font(cmo, split):
    chart = charts.share_chart(cmo, getattr(cmo, split))
    assert chart.figure.axes[0].title.get_fontfamily() == [charts.FONT]


def test_growth_chart_end_labels_equal_the_paths_table(cmo):
    last = tables.paths_table(cmo).data.iloc[-1]
    assert sorted(_texts(charts.growth_chart(cmo))) == sorted([last["Series used"], last["Stated CAGR path"]])
