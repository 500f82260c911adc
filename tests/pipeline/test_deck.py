"""The slide deck: title, key figures, one slide per chart titled with its takeaway, native bar and line charts."""
from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from excel_display import IMPRESS, libreoffice_pdf
from nbformat.v4 import new_code_cell, new_notebook, new_output
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pypdf import PdfReader

from cmo_helpers.core import report_date
from cmo_helpers.core.paths import DEFAULT_PARAMS
from cmo_helpers.inputs.session import load
from cmo_helpers.model import forecast
from cmo_helpers.model.headline import headline
from cmo_helpers.pipeline import chart_files, deck
from cmo_helpers.report import scenario_charts, size_charts, split_charts


def _output(view) -> dict:
    data, metadata = view._repr_mimebundle_()
    return new_output("display_data", data=data, metadata=metadata)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    """The default market's charts as one executed notebook, its chart files, and the deck written from them."""
    folder = tmp_path_factory.mktemp("deck")
    market = load(DEFAULT_PARAMS)
    p = market.shown
    cell = new_code_cell("charts")
    service, region = p.breakdowns  # the service share has no year, so no values by year: region's are stacked
    drawn = (size_charts.size_chart(p), size_charts.growth_chart(p), split_charts.share_chart(p, service),
             split_charts.stacked_chart(p, region), scenario_charts.fan_chart(market), scenario_charts.tornado_chart(p))
    cell.outputs = [_output(c) for c in drawn]
    notebook = folder / "notebooks" / "01-charts.ipynb"
    notebook.parent.mkdir()
    nbformat.write(new_notebook(cells=[cell]), notebook)
    chart_files.write_chart_files([notebook], folder / "charts")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(report_date.ENV, "1772323200")  # 1 March 2026: the title carries the report date, not the clock's
        return folder, deck.write([notebook], folder, p, headline(market.published, p))


def _texts(slide) -> list[str]:
    return [s.text_frame.text for s in slide.shapes if s.has_text_frame]


def test_the_deck_opens_with_a_title_and_the_key_figures(built):
    _, path = built
    slides = Presentation(path).slides
    assert path.name == "healthcare-cmo-slides.pptx" and len(slides) == 2 + 6
    assert _texts(slides[0])[0] == "Global Healthcare Contract Manufacturing (CMO) Market"
    assert _texts(slides[0])[2].endswith("\u00b7 1 March 2026")
    assert _texts(slides[1])[:4] == ["Key figures", "Market size 2024", "504.9", "USD million"]
    assert "1,861.2" in _texts(slides[1]) and "3.7\u00d7" in _texts(slides[1])


def test_each_chart_slide_says_its_takeaway_its_source_and_the_sources_words(built):
    _, path = built
    chart_slides = list(Presentation(path).slides)[2:]
    titles = [_texts(s)[0] for s in chart_slides]
    assert titles[0] == "Market size grows from 504.9 in 2024 to 1,861.2 in 2033 (USD million)"
    assert titles[2] == "Pharmaceutical contract manufacturing is the largest service type at 62.0%"
    assert titles[5].startswith("Market growth rate (15.6% \u00b12 pp) moves the 2033 market size most: 1,590.7 to")
    for slide in chart_slides:
        assert _texts(slide)[-1].startswith("Source: [1] Market.us Media")
        assert "\u201cUSD 504.9 Million in 2024\u201d [1]" in slide.notes_slide.notes_text_frame.text


def test_bar_and_line_charts_are_native_with_the_drawn_values_the_tornado_an_image(built):
    _, path = built
    shapes = [next(s for s in slide.shapes if s.has_chart or s.shape_type == MSO_SHAPE_TYPE.PICTURE)
              for slide in list(Presentation(path).slides)[2:]]
    kinds = [s.chart.chart_type if s.has_chart else "picture" for s in shapes]
    assert kinds == [XL_CHART_TYPE.COLUMN_CLUSTERED, XL_CHART_TYPE.LINE_MARKERS, XL_CHART_TYPE.BAR_CLUSTERED,
                     XL_CHART_TYPE.COLUMN_STACKED, XL_CHART_TYPE.LINE_MARKERS, "picture"]
    size = shapes[0].chart.plots[0].series[0]
    assert list(size.values) == pytest.approx(list(forecast.totals(load(DEFAULT_PARAMS).shown).values))
    shares = shapes[2].chart.plots[0]
    assert sorted(shares.series[0].values) == pytest.approx([0.38, 0.62]), "shares as fractions, shown as percent"
    assert str(shapes[0].chart.plots[0].series[0].points[0].format.fill.fore_color.rgb) == "1F3B57", "the chart's navy"


@pytest.mark.skipif(not IMPRESS, reason="needs LibreOffice Impress: apt-get install libreoffice-impress-nogui")
def test_libreoffice_opens_the_deck(built, tmp_path):
    _, path = built
    assert len(PdfReader(libreoffice_pdf(path, tmp_path)).pages) == len(Presentation(path).slides)
