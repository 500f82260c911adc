"""Breakdown tables: what the source gives and the rest, its history, values by year that add up to the total."""
from __future__ import annotations

from cmo_helpers.report import size_tables, split_tables


def test_modelled_item_values_keep_the_two_decimals_the_source_wrote(irrigation):
    countries = split_tables.breakdown_table(irrigation, irrigation.breakdowns[1]).shown()
    # China: 9.4% of 1.93 = 0.18142, shown 0.18 (was 0.2); the United States: 20% of 1.93 = 0.386, shown 0.39
    assert countries["Value"].tolist() == ["0.39 (model)", "0.18 (model)", "1.36"]
    assert countries["Share"].tolist() == ["20%", "9.4%", "70.6%"], "shares keep the digits the source wrote"
    values = split_tables.breakdown_values_table(irrigation, irrigation.breakdowns[1]).shown()
    assert values.iloc[1].tolist() == ["2026", "0.43", "0.20", "1.53", "2.16"]


def test_sourced_item_figures_keep_the_sources_digits(raw, build):
    raw["breakdowns"][1]["items"][0].update(share="42.50%", value="185.50")
    p = build(raw)
    row = split_tables.breakdown_table(p, p.breakdowns[1]).shown().iloc[0]
    assert (row["Share"], row["Value"]) == ("42.50%", "about 185.50")


def test_breakdown_table_shows_what_the_source_gives_and_the_rest(cmo):
    t = split_tables.breakdown_table(cmo, cmo.breakdowns[1]).shown()
    assert t["Region"].tolist() == ["North America", "Asia-Pacific", "Not itemised by the source"]
    assert t.iloc[0][["Year", "Share", "Value", "Claims", "Basis"]].tolist() == ["2023", "42.5%", "about 185.5",
                                                                                 "largest [1]", "Sourced [1]"]
    assert (t.iloc[1][["Share", "Value", "Claims"]].tolist()
            == ["\u2013", "\u2013", "fast-growing [1]"]), "no invented figure"
    # 57.5 % of the 2023 total 436.768 = 251.14
    assert t.iloc[2][["Share", "Value"]].tolist() == ["57.5%", "251.1"]
    assert "End value" not in t.columns, "a column nobody fills is left out"
    service = split_tables.breakdown_table(cmo, cmo.breakdowns[0]).shown()
    assert service.iloc[0]["Modelled CAGR 2024\u20132033"] == "not modelled", "a share of no year has no series"


def test_assumed_and_remainder_rows_are_styled(heat, cmo):
    styler = split_tables.breakdown_table(heat, heat.breakdowns[0]).styler()
    styler._compute()
    italic = {r for (r, _c), props in styler.ctx.items() if any("italic" in v for _k, v in props)}
    assert italic == {0, 1, 2, 3}
    grey = split_tables.breakdown_table(cmo, cmo.breakdowns[1]).styler()
    grey._compute()
    assert {r for (r, _c), props in grey.ctx.items() if any("#6b6b6b" in v for _k, v in props)} == {2}


def test_values_table_totals_match_the_size_table(cmo):
    values = split_tables.breakdown_values_table(cmo, cmo.breakdowns[1]).shown()
    size = size_tables.size_table(cmo).shown()
    assert values["Total"].tolist() == size["Market size (USD million)"].tolist()
    assert "North America (growth assumed)" in values.columns, "sourced value, but its path rests on the market rate"
    assert "Not itemised by the source" in values.columns


def test_history_table_holds_a_release_table(raw, build):
    raw["totals"] = [{"year": 2022, "value": "380.00", "basis": "sourced", "source": "marketus-2025"}]
    raw["breakdowns"][1]["items"][0]["values"] = {2022: "160.25"}
    p = build(raw)
    t = split_tables.history_table(p, p.breakdowns[1]).shown()
    assert t["Year"].tolist() == ["2022", "2023"]
    assert t["North America"].tolist() == ["160.25", "about 185.5"]
    assert t["Stated total"].tolist() == ["380.00", "\u2013"]
    assert split_tables.history_table(build({**raw, "totals": []} | {"breakdowns": raw["breakdowns"][:1]}),
                                p.breakdowns[0]) is None
