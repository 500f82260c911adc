"""Size and growth tables: yearly totals with their basis, the source's digits, both CAGRs and both paths."""
from __future__ import annotations

import pytest

from cmo_helpers.report import size_tables


def test_size_table_rows_and_basis(cmo):
    table = size_tables.size_table(cmo)
    t = table.shown()
    assert t["Year"].tolist()[0] == "2024" and t["Year"].tolist()[-1] == "2033"
    assert t["Market size (USD million)"].tolist()[0] == "504.9"
    assert t["Market size (USD million)"].tolist()[-1] == "1,861.2"
    assert t["Basis"].tolist()[0] == "Sourced [1]" and t["Basis"].tolist()[-1] == "Sourced [1]"
    assert set(t["Basis"].tolist()[1:-1]) == {"Modelled"}
    assert t["Growth"].tolist()[1] == "15.6%"
    data = table.data()
    assert data["Market size (USD million)"].iloc[1] == pytest.approx(583.66, abs=0.01), "numbers stay numbers"
    assert table.numeric() == ["Market size (USD million)", "Change", "Growth"]


def test_modelled_values_keep_one_decimal_where_the_source_wrote_one(cmo, heat):
    for p, unit, first, last in ((cmo, "USD million", "504.9", "1,861.2"), (heat, "EUR billion", "14.2", "27.7")):
        t = size_tables.size_table(p).shown()
        assert (t[f"Market size ({unit})"].iloc[0], t[f"Market size ({unit})"].iloc[-1]) == (first, last)
        for column in (f"Market size ({unit})", "Change"):
            assert all(text.split(".")[-1].isdigit() and len(text.split(".")[-1]) == 1 for text in t[column][1:])
    assert size_tables.size_table(cmo).shown().iloc[1].tolist()[:3] == ["2025", "583.7", "+78.8"]


def test_modelled_values_keep_the_two_decimals_the_source_wrote(irrigation):
    t = size_tables.size_table(irrigation).shown()
    # By hand: 5.41 / 1.93 = 2.80311; its 9th root is 1.121341 (12.13% a year); 1.93 x 1.121341 = 2.16419,
    # shown as 2.16 (the house decimal gave 2.2 beside the source's 1.93); the change is 2.16419 - 1.93 = +0.23.
    assert t.iloc[:2].values.tolist() == [["2025", "1.93", "\u2013", "\u2013", "Sourced [1]"],
                                          ["2026", "2.16", "+0.23", "12.13%", "Modelled"]]
    assert t["Market size (USD billion)"].iloc[-1] == "5.41"
    paths = size_tables.paths_table(irrigation).shown()
    assert paths["Series used"].tolist() == t["Market size (USD billion)"].tolist()


def test_sourced_figures_keep_the_sources_digits(raw, build):
    raw["size"]["base"]["value"] = "504.90"
    p = build(raw)
    assert size_tables.size_table(p).shown()["Market size (USD million)"].iloc[0] == "504.90"


def test_cagr_anchor_marks_the_stated_end_value_as_modelled(heat):
    t = size_tables.size_table(heat).shown()
    assert t["Basis"].tolist() == ["Assumed"] + ["Modelled (assumed)"] * 7


def test_cagr_table_shows_both_rates(cmo, heat):
    t = size_tables.cagr_table(cmo).shown()
    assert t["CAGR"].tolist() == ["15.60%", "16.6%"]
    assert t["2033 value"].tolist() == ["1,861.2", "2,011.4"]
    assert t["Role"].tolist() == ["drives the series", "shown as stated"]
    assert t["Measure"].tolist()[1] == "Stated (2025\u20132033)"
    assert size_tables.cagr_table(heat).shown()["Measure"].tolist()[1] == "Assumed (2026\u20132032)"


def test_paths_table_shows_growth_and_the_drift_of_the_other_path(cmo, heat):
    t = size_tables.paths_table(cmo).shown()
    assert t.columns.tolist() == ["Year", "Series used", "Growth", "Stated CAGR path", "Gap"]
    # 504.9 x 1.166 = 588.713 on the stated path against 583.660 used: +5.053; in 2033 2,011.4 - 1,861.2 = +150.2
    assert t.iloc[1].tolist() == ["2025", "583.7", "15.6%", "588.7", "+5.1"]
    assert t.iloc[-1].tolist() == ["2033", "1,861.2", "15.6%", "2,011.4", "+150.2"]
    assert "Endpoint-implied CAGR path" in size_tables.paths_table(heat).shown().columns
