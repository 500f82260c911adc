"""Generated text quotes the model's numbers with citations, and never ranks what the source did not."""
from __future__ import annotations

from cmo_helpers.core.paths import DEFAULT_PARAMS
from cmo_helpers.inputs.session import load
from cmo_helpers.model import headline
from cmo_helpers.report import narrative, tables


def test_takeaways_for_the_default_market(cmo):
    text = narrative.takeaways(cmo).data
    assert "USD 504.9 million in 2024 [1] to USD 1,861.2 million in 2033 [1], 3.7\u00d7 in 9 years" in text
    assert "15.6% a year" in text and "the source also states 16.6% over 2025–2033 [1], +1.0 pp away" in text
    assert "The source calls Pharmaceutical contract manufacturing the largest service type [1], with 62.0%" in text
    assert "The source calls North America the largest region [1], with 42.5% of the market in 2023 [1]" in text
    assert "The source describes Asia-Pacific as growing fast [1]" in text
    assert "fastest" not in text, "the release names no fastest-growing region"


def test_takeaways_follow_the_params_not_the_default(heat):
    text = narrative.takeaways(heat).data
    assert "EUR 14.2 billion in 2025 (assumed)" in text
    assert "the CAGR of 10% (assumed) agrees with the endpoints" in text
    assert "USD" not in text and "[1]" not in text
    assert "largest" not in text and "leads" not in text, "assumed items are never ranked"


def test_headline_box_labels_each_figure():
    box = narrative.headline_box(load(DEFAULT_PARAMS)).data
    for figure in ("USD 504.9 million", "USD 1,861.2 million", "15.6%", "source states 16.6% [1]", "62.0%",
                   "North America: 42.5%"):
        assert figure in box
    assert "called the largest by the source [1]" in box
    assert box.count("(assumed)") == 0
    heat_box = narrative.headline_box(load(DEFAULT_PARAMS.with_name("eu-heat-pumps.yaml"))).data
    assert heat_box.count("(assumed)") >= 3
    assert "Largest" not in heat_box, "no tile ranks an assumed item"
    assert "source states" not in heat_box, "an assumed figure is never attributed to a source"
    assert "modelled; input end value 27.7 (assumed)" in heat_box and "drives the series (assumed)" in heat_box


def test_headline_box_carries_the_manifest_figures_out_of_the_kernel():
    m = load(DEFAULT_PARAMS, "optimistic")
    data, metadata = narrative.headline_box(m)._repr_mimebundle_()
    figures = metadata[headline.KEY]
    assert data["text/html"].startswith('<div class="cmo-headline"')
    assert figures == headline.headline(m.published, m.shown) and figures["audit"] == "fail", "judged as published"
    assert figures["start_value"] == 504.9 and abs(figures["cagr"] - 0.186) < 1e-12, "the scenario's series"


def test_breakdown_summary_says_what_is_not_itemised(cmo, heat):
    service = narrative.breakdown_summary(cmo, cmo.breakdowns[0]).data
    assert ("The source itemises 62.0% of the market (year not stated); the other 38.0% is not itemised by the source"
            in service), "the release gives the share no year, so none is printed"
    assert "2024" not in service
    assert ("All 6 items are our assumptions, so none is ranked"
            in narrative.breakdown_summary(heat, heat.breakdowns[1]).data)


def test_sourced_items_are_ranked_only_when_the_figures_prove_it(raw, build):
    raw["breakdowns"][1]["items"] = [
        {"name": "North America", "share": 0.30, "basis": "sourced", "source": "marketus-2025"},
        {"name": "Europe", "share": 0.25, "basis": "sourced", "source": "marketus-2025"},
        {"name": "Rest of world", "share": 0.45, "basis": "assumed", "rationale": "the remainder"}]
    p = build(raw)
    text = " ".join(narrative.breakdown_sentences(p, p.breakdowns[1]))
    assert "largest" not in text, "the 45% we assumed could hold a larger item: no ranking word at all"
    assert "Rest of world" not in text


def test_fastest_growing_only_when_rates_differ_beyond_rounding(raw, build):
    raw["breakdowns"][1]["items"] = [
        {"name": n, "share": 0.2, "cagr": r, "basis": "sourced", "source": "marketus-2025"}
        for n, r in (("A", 0.103), ("B", 0.103))]
    p = build(raw)
    assert "highest" not in " ".join(narrative.breakdown_sentences(p, p.breakdowns[1]))
    raw["breakdowns"][1]["items"][1]["cagr"] = 0.125
    p = build(raw)
    said = " ".join(narrative.breakdown_sentences(p, p.breakdowns[1]))
    assert "highest" not in said, "the 60 % not itemised could grow faster"
    assert "has the largest share" not in said, "two items at 20 % tie"
    for item in raw["breakdowns"][1]["items"]:
        item["share"] = 0.5
    p = build(raw)
    assert ("Of the growth rates the source gives for every region, B's 12.5% [1] is the highest."
            in narrative.breakdown_sentences(p, p.breakdowns[1]))


def test_no_sentence_compares_a_value_with_itself(cmo):
    text = narrative.breakdown_summary(cmo, cmo.breakdowns[0]).data
    assert "moves from" not in text, "a share that does not move is not described as moving"


def test_points_leave_out_an_empty_section():
    assert narrative.points("Trends", []) is None
    assert narrative.points("Trends", ["a **b**", "# c"]).data == "## Trends\n\n- a \\*\\*b\\*\\*\n- \\# c"


def test_shrinking_market_is_not_said_to_grow(raw, build):
    raw["size"]["end"]["value"] = 300.0
    text = narrative.takeaways(build(raw)).data
    assert "The market shrinks from" in text and "grows" not in text
    assert "Each year the market loses" in narrative.growth_summary(build(raw)).data


def test_money_sentences_show_modelled_values_as_the_size_table_does(cmo, irrigation):
    for p, low, high in ((cmo, "USD 78.8 million", "USD 251.2 million"),
                         (irrigation, "USD 0.23 billion", "USD 0.59 billion")):
        change = tables.size_table(p).shown()["Change"].tolist()
        assert (f"+{low.split()[1]}", f"+{high.split()[1]}") == (change[1], change[-1]), "the same digits as the table"
        assert f"adds between {low} and {high}." in narrative.growth_summary(p).data


def test_growth_summary_keeps_acronyms(cmo, heat):
    assert "The source also states 16.6% over 2025–2033 [1]" in narrative.growth_summary(cmo).data
    assert "The CAGR of 10% (assumed) agrees" in narrative.growth_summary(heat).data


def test_subtitle_names_a_scenario():
    base, cons = load(DEFAULT_PARAMS), load(DEFAULT_PARAMS, "conservative")
    assert narrative.subtitle(base).data == (
        "**Global Healthcare Contract Manufacturing (CMO) Market** \u00b7 Global \u00b7 values in USD million")
    assert narrative.subtitle(cons).data.endswith("**scenario: Conservative** (our assumptions)")


def test_references_date_an_undated_source_honestly(raw, build):
    del raw["sources"][0]["published"]
    raw["sources"][0]["accessed"] = "2026-11-26"
    assert "date not stated; accessed 26 November 2026" in narrative.references(build(raw)).data
