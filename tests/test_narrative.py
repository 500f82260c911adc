"""Generated text quotes the model's numbers with citations or assumption labels."""
from __future__ import annotations

from cmo_helpers import narrative


def test_takeaways_for_the_default_market(cmo):
    text = narrative.takeaways(cmo).data
    assert "USD 504.9 million in 2024 [1] to USD 1,861.2 million in 2033, 3.7\u00d7 in 9 years" in text
    assert "15.6% a year" in text and "states 16.6% [1], +1.0 pp away" in text
    assert "Pharmaceutical contract manufacturing is the largest service type with 62.0% of the market in 2024 [1]" in text
    assert "North America leads the regions with 42.5% in 2023 [1], about USD 185.6 million on the model" in text
    assert "Asia-Pacific (assumed) is the fastest-growing region at 18.7% a year (own growth rate assumed)." in text


def test_takeaways_follow_the_params_not_the_default(heat):
    text = narrative.takeaways(heat).data
    assert "EUR 14.2 billion in 2025 (assumed)" in text
    assert "the CAGR of 10.0% (assumed) agrees with the endpoints" in text
    assert "USD" not in text and "[1]" not in text


def test_headline_box_labels_each_figure(cmo, heat):
    box = narrative.headline_box(cmo).data
    for figure in ("USD 504.9 million", "USD 1,861.2 million", "15.6%", "source states 16.6% [1]", "62.0%", "North America: 42.5%"):
        assert figure in box
    assert box.count("(assumed)") == 0
    heat_box = narrative.headline_box(heat).data
    assert heat_box.count("(assumed)") >= 4
    assert "source states" not in heat_box, "an assumed figure is never attributed to a source"
    assert "modelled; input end value 27.7 (assumed)" in heat_box and "drives the series (assumed)" in heat_box


def test_split_summary_counts_sourced_items(cmo, heat):
    assert "The source itemises 1 of 4 items, covering 62.0% of the market in 2024" in narrative.split_summary(cmo, cmo.segments).data
    assert "No item has its own growth rate" in narrative.split_summary(cmo, cmo.segments).data
    assert "All 6 items are assumptions" in narrative.split_summary(heat, heat.regions).data


def test_appendix_lists_every_input_with_basis(cmo):
    text = narrative.sources_appendix(cmo).data
    assert "1. Market.us Media (news release), Trishita Deb: \u201cHealthcare CMO Market Forecast" in text
    assert "10 October 2025" in text
    assert "| Region: North America (2023) | 42.5% / 185.5 | Sourced [1] |" in text
    assert "| Region: Europe (2023) | 27.0% | Assumed |" in text
    assert text.count("| Assumed |") == 3 + 4 + 5  # 3 assumed services, 4 assumed regions, 5 assumed regional CAGRs


def test_bullets_handle_an_empty_list():
    assert "None recorded" in narrative.bullets([]).data
    assert narrative.bullets(["a", "b"]).data == "- a\n- b"


def test_growth_summary_keeps_acronyms(cmo, heat):
    assert "The source also states 16.6% [1]" in narrative.growth_summary(cmo).data
    assert "The CAGR of 10.0% (assumed) agrees" in narrative.growth_summary(heat).data


def test_subtitle_names_a_scenario(cmo):
    assert narrative.subtitle(cmo).data == "**Global Healthcare Contract Manufacturing (CMO) Market** \u00b7 Global \u00b7 values in USD million"
    assert narrative.subtitle(cmo, "conservative").data.endswith("**scenario: conservative** (our assumptions)")
