"""Tables: numbers kept as numbers, shown like the text, the source's digits, assumed rows shaded."""
from __future__ import annotations

import pytest

from cmo_helpers.report import tables


def test_size_table_rows_and_basis(cmo):
    table = tables.size_table(cmo)
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
        t = tables.size_table(p).shown()
        assert (t[f"Market size ({unit})"].iloc[0], t[f"Market size ({unit})"].iloc[-1]) == (first, last)
        for column in (f"Market size ({unit})", "Change"):
            assert all(text.split(".")[-1].isdigit() and len(text.split(".")[-1]) == 1 for text in t[column][1:])
    assert tables.size_table(cmo).shown().iloc[1].tolist()[:3] == ["2025", "583.7", "+78.8"]


def test_modelled_values_keep_the_two_decimals_the_source_wrote(irrigation):
    t = tables.size_table(irrigation).shown()
    # By hand: 5.41 / 1.93 = 2.80311; its 9th root is 1.121341 (12.13% a year); 1.93 x 1.121341 = 2.16419,
    # shown as 2.16 (the house decimal gave 2.2 beside the source's 1.93); the change is 2.16419 - 1.93 = +0.23.
    assert t.iloc[:2].values.tolist() == [["2025", "1.93", "\u2013", "\u2013", "Sourced [1]"],
                                          ["2026", "2.16", "+0.23", "12.13%", "Modelled"]]
    assert t["Market size (USD billion)"].iloc[-1] == "5.41"
    countries = tables.breakdown_table(irrigation, irrigation.breakdowns[1]).shown()
    # China: 9.4% of 1.93 = 0.18142, shown 0.18 (was 0.2); the United States: 20% of 1.93 = 0.386, shown 0.39
    assert countries["Value"].tolist() == ["0.39 (model)", "0.18 (model)", "1.36"]
    assert countries["Share"].tolist() == ["20%", "9.4%", "70.6%"], "shares keep the digits the source wrote"
    values = tables.breakdown_values_table(irrigation, irrigation.breakdowns[1]).shown()
    assert values.iloc[1].tolist() == ["2026", "0.43", "0.20", "1.53", "2.16"]
    paths = tables.paths_table(irrigation).shown()
    assert paths["Series used"].tolist() == t["Market size (USD billion)"].tolist()


def test_sourced_figures_keep_the_sources_digits(raw, build):
    raw["size"]["base"]["value"] = "504.90"
    raw["breakdowns"][1]["items"][0].update(share="42.50%", value="185.50")
    p = build(raw)
    assert tables.size_table(p).shown()["Market size (USD million)"].iloc[0] == "504.90"
    row = tables.breakdown_table(p, p.breakdowns[1]).shown().iloc[0]
    assert (row["Share"], row["Value"]) == ("42.50%", "about 185.50")


def test_cagr_anchor_marks_the_stated_end_value_as_modelled(heat):
    t = tables.size_table(heat).shown()
    assert t["Basis"].tolist() == ["Assumed"] + ["Modelled (assumed)"] * 7


def test_cagr_table_shows_both_rates(cmo, heat):
    t = tables.cagr_table(cmo).shown()
    assert t["CAGR"].tolist() == ["15.60%", "16.6%"]
    assert t["2033 value"].tolist() == ["1,861.2", "2,011.4"]
    assert t["Role"].tolist() == ["drives the series", "shown as stated"]
    assert t["Measure"].tolist()[1] == "Stated (2025\u20132033)"
    assert tables.cagr_table(heat).shown()["Measure"].tolist()[1] == "Assumed (2026\u20132032)"


def test_breakdown_table_shows_what_the_source_gives_and_the_rest(cmo):
    t = tables.breakdown_table(cmo, cmo.breakdowns[1]).shown()
    assert t["Region"].tolist() == ["North America", "Asia-Pacific", "Not itemised by the source"]
    assert t.iloc[0][["Year", "Share", "Value", "Claims", "Basis"]].tolist() == ["2023", "42.5%", "about 185.5",
                                                                                 "largest [1]", "Sourced [1]"]
    assert (t.iloc[1][["Share", "Value", "Claims"]].tolist()
            == ["\u2013", "\u2013", "fast-growing [1]"]), "no invented figure"
    # 57.5 % of the 2023 total 436.768 = 251.14
    assert t.iloc[2][["Share", "Value"]].tolist() == ["57.5%", "251.1"]
    assert "End value" not in t.columns, "a column nobody fills is left out"


def test_assumed_and_remainder_rows_are_styled(heat, cmo):
    styler = tables.breakdown_table(heat, heat.breakdowns[0]).styler()
    styler._compute()
    italic = {r for (r, _c), props in styler.ctx.items() if any("italic" in v for _k, v in props)}
    assert italic == {0, 1, 2, 3}
    grey = tables.breakdown_table(cmo, cmo.breakdowns[1]).styler()
    grey._compute()
    assert {r for (r, _c), props in grey.ctx.items() if any("#6b6b6b" in v for _k, v in props)} == {2}


def test_values_table_totals_match_the_size_table(cmo):
    values = tables.breakdown_values_table(cmo, cmo.breakdowns[1]).shown()
    size = tables.size_table(cmo).shown()
    assert values["Total"].tolist() == size["Market size (USD million)"].tolist()
    assert "North America (growth assumed)" in values.columns, "sourced value, but its path rests on the market rate"
    assert "Not itemised by the source" in values.columns


def test_history_table_holds_a_release_table(raw, build):
    raw["totals"] = [{"year": 2022, "value": "380.00", "basis": "sourced", "source": "marketus-2025"}]
    raw["breakdowns"][1]["items"][0]["values"] = {2022: "160.25"}
    p = build(raw)
    t = tables.history_table(p, p.breakdowns[1]).shown()
    assert t["Year"].tolist() == ["2022", "2023"]
    assert t["North America"].tolist() == ["160.25", "about 185.5"]
    assert t["Stated total"].tolist() == ["380.00", "\u2013"]
    assert tables.history_table(build({**raw, "totals": []} | {"breakdowns": raw["breakdowns"][:1]}),
                                p.breakdowns[0]) is None


def test_paths_table_shows_growth_and_the_drift_of_the_other_path(cmo, heat):
    t = tables.paths_table(cmo).shown()
    assert t.columns.tolist() == ["Year", "Series used", "Growth", "Stated CAGR path", "Gap"]
    # 504.9 x 1.166 = 588.713 on the stated path against 583.660 used: +5.053; in 2033 2,011.4 - 1,861.2 = +150.2
    assert t.iloc[1].tolist() == ["2025", "583.7", "15.6%", "588.7", "+5.1"]
    assert t.iloc[-1].tolist() == ["2033", "1,861.2", "15.6%", "2,011.4", "+150.2"]
    assert "Endpoint-implied CAGR path" in tables.paths_table(heat).shown().columns


def test_inputs_table_quotes_the_source(cmo):
    t = tables.inputs_table(cmo).shown()
    row = t[t["Figure"] == "Market size 2024"].iloc[0]
    assert (row["Value"], row["Basis"]) == ("504.9", "Sourced [1]")
    assert row["Source's words or our rationale"] == "\u201cUSD 504.9 Million in 2024\u201d"


def test_html_escapes_params_text(raw, build):
    raw["breakdowns"][0]["items"][0]["name"] = "<img src=x onerror=alert(1)>"
    html = tables.breakdown_table(build(raw), build(raw).breakdowns[0])._repr_html_()
    assert "<img" not in html and "&lt;img" in html


def test_identical_tables_get_identical_ids(cmo):
    assert tables.size_table(cmo)._repr_html_() == tables.size_table(cmo)._repr_html_()


def test_output_carries_the_full_numbers_as_json_beside_unchanged_html(cmo):
    table = tables.size_table(cmo)
    data, metadata = table._repr_mimebundle_()
    assert data == {"text/html": table._repr_html_()}, "the HTML the export reads is the table's own"
    meta = metadata[tables.KEY]
    assert meta["caption"] == table.caption and meta["columns"] == table.columns
    assert meta["rows"][1][:2] == ["2025", pytest.approx(504.9 * (1861.2 / 504.9) ** (1 / 9), rel=1e-12)]
    assert meta["texts"][1][:2] == ["2025", "583.7"] and meta["rows"][0][2] is None, "the first year has no change"
    assert meta["units"] == {"Market size (USD million)": "USD million", "Change": "USD million"}
    assert meta["kinds"] == [""] * 10


def test_output_metadata_is_plain_json():
    """numpy numbers become floats; NaN, infinity and a missing cell become null, so the notebook stays valid JSON."""
    import json

    import numpy as np

    rows = [{"Item": "a", "Value": tables.Cell(np.float64(1.25), "1.2"), "Share": tables.Cell(float("nan"), "\u2013")},
            {"Item": "b", "Value": tables.Cell(np.int64(3), "3.0")},
            {"Item": "c", "Value": tables.Cell(float("inf"), "\u2013"), "Share": tables.rate(None)}]
    meta = tables.Table("t", rows, ["assumed", "", "rest"])._repr_mimebundle_()[1][tables.KEY]
    assert json.loads(json.dumps(meta, allow_nan=False)) == meta
    assert meta["rows"] == [["a", 1.25, None], ["b", 3.0, None], ["c", None, None]]
    assert all(type(v) is float for v in (meta["rows"][0][1], meta["rows"][1][1]))
    assert meta["texts"][1] == ["b", "3.0", "\u2013"] and meta["kinds"] == ["assumed", "", "rest"]
