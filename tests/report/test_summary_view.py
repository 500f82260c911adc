"""The executive summary: takeaways and tiles quote the model's numbers with citations, and never rank what the
source did not."""
from __future__ import annotations

from cmo_helpers.core.paths import DEFAULT_PARAMS
from cmo_helpers.inputs.session import load
from cmo_helpers.model import headline
from cmo_helpers.report import summary_view


def test_takeaways_for_the_default_market(cmo):
    text = summary_view.takeaways(cmo).data
    assert "USD 504.9 million in 2024 [1] to USD 1,861.2 million in 2033 [1], 3.7\u00d7 in 9 years" in text
    assert "15.6% a year" in text and "the source also states 16.6% over 2025–2033 [1], +1.0 pp away" in text
    assert "The source calls Pharmaceutical contract manufacturing the largest service type [1], with 62.0%" in text
    assert "The source calls North America the largest region [1], with 42.5% of the market in 2023 [1]" in text
    assert "The source describes Asia-Pacific as growing fast [1]" in text
    assert "fastest" not in text, "the release names no fastest-growing region"


def test_takeaways_follow_the_params_not_the_default(heat):
    text = summary_view.takeaways(heat).data
    assert "EUR 14.2 billion in 2025 (assumed)" in text
    assert "the CAGR of 10% (assumed) agrees with the endpoints" in text
    assert "USD" not in text and "[1]" not in text
    assert "largest" not in text and "leads" not in text, "assumed items are never ranked"


def test_headline_box_labels_each_figure():
    box = summary_view.headline_box(load(DEFAULT_PARAMS)).data
    for figure in ("USD 504.9 million", "USD 1,861.2 million", "15.6%", "source states 16.6% [1]", "62.0%",
                   "North America: 42.5%"):
        assert figure in box
    assert "called the largest by the source [1]" in box
    assert box.count("year not stated") == 1, "the service share's missing year is said once, in its tile's label"
    assert box.count("(assumed)") == 0
    heat_box = summary_view.headline_box(load(DEFAULT_PARAMS.with_name("eu-heat-pumps.yaml"))).data
    assert heat_box.count("(assumed)") >= 3
    assert "Largest" not in heat_box, "no tile ranks an assumed item"
    assert "source states" not in heat_box, "an assumed figure is never attributed to a source"
    assert "modelled; input end value 27.7 (assumed)" in heat_box and "drives the series (assumed)" in heat_box


def test_headline_box_carries_the_manifest_figures_out_of_the_kernel():
    m = load(DEFAULT_PARAMS, "optimistic")
    data, metadata = summary_view.headline_box(m)._repr_mimebundle_()
    figures = metadata[headline.KEY]
    assert data["text/html"].startswith('<div class="cmo-headline"')
    assert figures == headline.headline(m.published, m.shown) and figures["audit"] == "fail", "judged as published"
    assert figures["start_value"] == 504.9 and abs(figures["cagr"] - 0.186) < 1e-12, "the scenario's series"


def test_points_leave_out_an_empty_section():
    assert summary_view.points("Trends", []) is None
    assert summary_view.points("Trends", ["a **b**", "# c"]).data == "## Trends\n\n- a \\*\\*b\\*\\*\n- \\# c"
