"""Issue 17's sentences at the layer where they bite: each function on an invented market where the wrong one tempts."""
from __future__ import annotations

import pytest

from cmo_helpers.core.paths import ROOT
from cmo_helpers.inputs.load import load_params
from cmo_helpers.model import audit_finding
from cmo_helpers.report import (
    also_says,
    chart_series,
    scenario_view,
    size_tables,
    size_text,
    split_charts,
    split_tables,
    split_text,
    summary_view,
)

FOLDER = ROOT / "tests" / "data" / "releases17"


@pytest.fixture(scope="module")
def bounds():
    return load_params(FOLDER / "trust-bounds.yaml")


@pytest.fixture(scope="module")
def mixed():
    return load_params(FOLDER / "trust-mixed.yaml")


@pytest.fixture(scope="module")
def also():
    return load_params(FOLDER / "trust-also-says.yaml")


def test_a_breakdown_of_mixed_years_is_not_summed_and_its_chart_names_no_year(mixed):
    region = mixed.breakdown("region")
    text = split_text.breakdown_summary(mixed, region).data
    assert "different years" in text and "itemises" not in text
    chart = split_charts.share_chart(mixed, region)
    assert chart_series.title(chart.figure) == "Region: shares as stated, years differ, each labelled"
    assert split_tables.breakdown_values_table(mixed, region) is None
    assert split_charts.stacked_chart(mixed, region) is None


def test_an_undated_share_is_shown_without_a_year(mixed):
    region = mixed.breakdown("region")
    rows = split_tables.breakdown_table(mixed, region).shown().set_index("Region")
    assert rows.loc["Latin America", "Year"] == "year not stated"


def test_rates_of_two_dimensions_are_never_compared(mixed):
    said = " ".join(line for b in mixed.breakdowns for line in split_text.breakdown_sentences(mixed, b))
    assert "highest" not in said and "largest" not in said


def test_other_cagrs_appear_in_the_growth_table_and_the_narrative(bounds):
    rows = size_tables.cagr_table(bounds).shown()
    assert rows["Measure"].tolist()[-1] == "Stated (2026–2029)" and rows["CAGR"].tolist()[-1] == "over 11.4%"
    assert "The source also states over 11.4% a year over 2026–2029 [1]" in size_text.growth_summary(bounds).data


def test_a_total_without_a_year_is_listed_against_no_path(bounds):
    rows = size_tables.stated_totals_table(bounds).shown()
    assert rows.iloc[-1].tolist() == ["year not stated", "more than 400", "–", "–", "Sourced [1]"]


def test_the_mix_sentence_keeps_the_stated_share_as_written(bounds):
    assert "LED fixtures moves from 68% of the market in 2025" in split_text.breakdown_summary(
        bounds, bounds.breakdown("product")).data


@pytest.mark.parametrize(("stated", "model", "bound", "fits"), [
    (0.15, 0.156, "over", True), (0.15, 0.144, "over", False), (0.15, 0.156, "up to", False),
    (0.063, 0.0625, "nearly", True), (0.063, 0.064, "nearly", False), (0.091, 0.0955, "about", False),
    (0.095, 0.0954, None, True), (0.095, 0.0957, None, False)])
def test_a_bound_decides_which_model_figures_fit(stated, model, bound, fits):
    assert audit_finding.holds(stated, model, 0.0005, bound) is fits


def test_every_fact_beyond_the_model_reaches_the_section(also):
    assert [u.split(" \u2014 ")[1] for u in also_says.unplaced(also)] == [
        "A capacity count, not a market figure.", "A speed gain, not a share of the market."]
    (twin,) = also_says.twins(also)
    assert "they agree within the rounding of their digits" in twin
    (table,) = also_says.stated_tables(also)
    assert table.shown().values.tolist() == [["Basic", "1,150"], ["Deep cold", "4,900"]]


def test_a_volume_series_has_its_own_table_and_no_money(also):
    rows = size_tables.volume_table(also).shown()
    assert rows.columns.tolist() == ["Year", "Volume (tonnes of seed stored)", "Basis"]
    assert rows.iloc[0].tolist() == ["2025", "3,400", "Sourced [1]"] and rows.iloc[-1, 1] == "5,100"
    said = size_text.volume_summary(also).data
    assert "USD" not in said and "never added to or compared with the values in money" in said
    assert size_text.volume_summary(load_params(FOLDER / "trust-bounds.yaml")) is None


def test_what_we_derive_from_a_bounded_endpoint_is_hedged(bounds, mixed):
    said = summary_view.takeaways(bounds).data
    assert "to nearly USD 780 million in 2032 [1], about 1.9×" in said and "That is about 9.5% a year" in said
    assert "about" not in summary_view.takeaways(mixed).data


def test_the_tornado_sentence_puts_the_end_totals_bound_before_its_currency(bounds):
    text = scenario_view.tornado_summary(bounds).data
    assert "of the nearly USD 780 million the report shows" in text
    assert "USD nearly" not in text


def test_a_breakdown_without_shares_says_what_the_file_holds_not_what_the_source_gives(bounds):
    raw = bounds.model_dump(mode="json", exclude_none=True)
    raw["breakdowns"] = [{"id": "tier", "label": "Tier", "items": [
        {"name": "Tier A", "claims": ["largest"], "basis": "sourced", "source": raw["sources"][0]["id"]}]}]
    p = type(bounds).model_validate(raw)
    text = split_text.breakdown_summary(p, p.breakdowns[0]).data
    assert "No tier has a share or value among this report's figures" in text
    assert "The source gives no share" not in text
