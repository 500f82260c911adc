"""Charts travel as SVG outputs with alt text and come back as captioned figures and files."""
from __future__ import annotations

import base64
import re

import pytest
from nbformat.v4 import new_output

from cmo_helpers.report import chart_images, chart_series, size_charts
from cmo_helpers.report.house_chart import Chart


@pytest.fixture(scope="module")
def chart(cmo) -> Chart:
    return size_charts.size_chart(cmo)


@pytest.mark.parametrize(
    ("title", "stem"),
    [
        ("Market size, 2024\u20132033", "market-size-2024-2033"),
        ("R\u00e9gion : parts en 2023", "region-parts-en-2023"),
        ("../../etc/passwd", "etc-passwd"),
        ("\u4e2d\u56fd", "chart"),
        ("word " * 20, "-".join(["word"] * 9)),  # cut at 48 characters, on a word boundary
    ],
)
def test_slug_is_a_safe_readable_file_stem(title, stem):
    assert chart_images.slug(title) == stem


def test_chart_is_an_image_output_with_alt_text_in_its_metadata(chart):
    data, metadata = chart._repr_mimebundle_()
    assert set(data) == {chart_images.SVG, "text/plain"}, "one drawing: no 200 dpi PNG in the notebook"
    assert data[chart_images.SVG].lstrip().startswith("<?xml") and "<svg" in data[chart_images.SVG]
    alt = "Bar chart of market size from 504.9 in 2024 to 1,861.2 in 2033 USD million."
    assert metadata[chart_images.SVG]["alt"] == alt == data["text/plain"]
    meta = metadata[chart_images.KEY]
    assert (meta["name"], meta["caption"]) == (chart_images.slug(chart_series.title(chart.figure)), chart.caption)
    assert meta["data"]["unit"] == "USD million" and len(meta["data"]["rows"]) == 10, "one bar a year"


def test_svg_is_stable_between_runs(chart):
    assert chart.svg() == chart.svg()


def _outputs(alt: str = "Bars rising", caption: str = "Size by year.") -> list:
    data, metadata = chart_images.image_output("<svg/>", alt, caption, "size")
    under, under_meta = chart_images.caption_output(caption, "size")
    return [new_output("display_data", data=data, metadata=metadata),
            new_output("display_data", data=under, metadata=under_meta),
            new_output("display_data", data={"text/html": "<p>kept</p>"})]


def test_export_folds_chart_and_caption_into_one_figure():
    folded = chart_images.as_figures(_outputs())
    assert len(folded) == 2 and folded[1]["data"]["text/html"] == "<p>kept</p>"
    html = folded[0]["data"]["text/html"]
    assert html.startswith('<figure class="cmo-chart"') and 'src="data:image/svg+xml;base64,' in html
    svg = base64.b64decode(re.search(r'base64,([^"]+)"', html).group(1)).decode()
    assert svg == "<svg/>", "an <img> data URI: the drawing, which can run nothing in the page"
    assert 'alt="Bars rising"' in html and ">Size by year.</figcaption>" in html


def test_figure_escapes_params_text_in_alt_and_caption():
    hostile = _outputs(alt='x" onerror="alert(1)', caption="<script>y</script>")
    html = chart_images.as_figures(hostile)[0]["data"]["text/html"]
    assert 'onerror="' not in html and "<script>" not in html
    assert "&lt;script&gt;y&lt;/script&gt;</figcaption>" in html


def test_caption_in_the_notebook_is_markdown_safe():
    data, _ = chart_images.caption_output("Sales *up* [1] <b>", "size")
    assert data["text/markdown"] == "*Sales \\*up\\* \\[1\\] &lt;b&gt;*"
