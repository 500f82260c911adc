"""Tables: formatted like the text, assumed rows shaded, sources cited."""
from __future__ import annotations

from cmo_helpers import tables


def test_size_table_rows_and_basis(cmo):
    t = tables.size_table(cmo).data
    assert t["Year"].tolist()[0] == "2024" and t["Year"].tolist()[-1] == "2033"
    assert t["Market size (USD million)"].tolist()[0] == "504.9"
    assert t["Market size (USD million)"].tolist()[-1] == "1,861.2"
    assert t["Basis"].tolist()[0] == "Sourced [1]" and t["Basis"].tolist()[-1] == "Sourced [1]"
    assert set(t["Basis"].tolist()[1:-1]) == {"Modelled"}
    assert t["Growth"].tolist()[1] == "15.6%"


def test_cagr_anchor_marks_the_stated_end_value_as_modelled(heat):
    t = tables.size_table(heat).data
    # the CAGR drives the series, so the end year is modelled; every input is assumed, so every row says so
    assert t["Basis"].tolist() == ["Assumed"] + ["Modelled (assumed)"] * 7


def test_cagr_table_shows_both_rates(cmo):
    t = tables.cagr_table(cmo).data
    assert t["CAGR"].tolist() == ["15.60%", "16.60%"]
    assert t["2033 value"].tolist() == ["1,861.2", "2,011.4"]
    assert t["Role"].tolist() == ["drives the series", "shown as stated"]
    assert t["Measure"].tolist()[1] == "Stated (2025\u20132033)"


def test_split_table_labels_assumed_items_and_rates(cmo):
    t = tables.split_table(cmo, cmo.regions).data
    assert t["Region"].tolist()[0] == "North America"
    assert t["Region"].tolist()[1] == "Europe (assumed)"
    assert t["Share 2023"].tolist()[0] == "42.5%"
    assert t["Value 2023"].tolist()[0] == "185.6"
    assert t["Own CAGR"].tolist()[0] == "14.6% (assumed)"
    assert t["Basis"].tolist() == ["Sourced [1]"] + ["Assumed"] * 4


def test_assumed_rows_are_styled_and_sourced_rows_are_not(cmo):
    html = tables.split_table(cmo, cmo.segments).to_html()
    assert html.count("font-style: italic") >= 1
    styler = tables.split_table(cmo, cmo.segments)
    styler._compute()
    styled_rows = {r for (r, _c), props in styler.ctx.items() if any("italic" in v for _k, v in props)}
    assert styled_rows == {1, 2, 3}


def test_values_table_totals_match_the_size_table(cmo):
    values = tables.split_values_table(cmo, cmo.regions).data
    size = tables.size_table(cmo).data
    assert values["Total"].tolist() == size["Market size (USD million)"].tolist()
    assert "Asia-Pacific (assumed)" in values.columns
    assert "North America (growth assumed)" in values.columns, "sourced share, but its path rests on our CAGR"
    assert "Pharmaceutical contract manufacturing" in tables.split_values_table(cmo, cmo.segments).data.columns


def test_stated_values_table(cmo, heat):
    t = tables.stated_values_table(cmo, cmo.regions).data
    assert t.iloc[0].tolist() == ["North America", "2023", "185.5 [1]", "185.6", "+0.1", "+0.1%"]
    assert tables.stated_values_table(heat, heat.regions) is None


def test_paths_table_shows_growth_and_the_drift_of_the_other_path(cmo, heat):
    t = tables.paths_table(cmo).data
    assert t.columns.tolist() == ["Year", "Series used", "Growth", "Stated CAGR path", "Gap"]
    # 504.9 x 1.166 = 588.713 on the stated path against 583.660 used: +5.053; in 2033 2,011.4 - 1,861.2 = +150.2
    assert t.iloc[1].tolist() == ["2025", "583.7", "15.6%", "588.7", "+5.1"]  # 588.713 - 583.660, before rounding
    assert t.iloc[-1].tolist() == ["2033", "1,861.2", "15.6%", "2,011.4", "+150.2"]
    assert "Endpoint-implied CAGR path" in tables.paths_table(heat).data.columns
