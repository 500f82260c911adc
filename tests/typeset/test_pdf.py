"""The client's PDF from sections: cover, contents with page numbers, tags, attachments, nothing fetched."""
from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output
from pypdf import PdfReader

from cmo_helpers.pipeline import export
from cmo_helpers.report import house_chart
from cmo_helpers.typeset import pdf


def _section(tmp_path: Path, outputs: list, heading: str = "# Market size") -> export.Section:
    code = new_code_cell("cmo.size_tables.size_table(p)")
    code.outputs = outputs
    path = tmp_path / "01-market-size.ipynb"
    nbformat.write(new_notebook(cells=[new_markdown_cell(f"{heading}\n\nIntro.\n\n## Values by year"), code]), path)
    return export.section(path)


@pytest.fixture
def section(tmp_path: Path) -> export.Section:
    table = new_output("display_data", data={"text/html": "<table><tr><td>504.9</td></tr></table>"})
    return _section(tmp_path, [table])


def _text(page) -> str:
    return " ".join(page.extract_text().split())


def test_cover_contents_section_and_page_numbers(section, cmo, tmp_path):
    reader = PdfReader(pdf.write(pdf.document([section], cmo, "base", warning='<div class="x">WARN box</div>'),
                                 tmp_path / "r.pdf"))
    assert len(reader.pages) == 3  # cover, contents, one section
    cover = _text(reader.pages[0])
    assert "Global Healthcare Contract Manufacturing (CMO) Market" in cover and "WARN box" in cover
    assert "Market.us Media" in cover and "Page" not in cover, "the cover has no header or footer"
    toc = reader.pages[1].extract_text()
    assert re.search(r"^Market size\W+3$", toc, re.M) and re.search(r"^Values by year\W+3$", toc, re.M), toc
    last = _text(reader.pages[2])
    assert "Page 3 of 3" in last and "504.9" in last and "values in USD million" in last


def test_cover_of_a_market_without_sources_says_so(heat):
    meta = pdf.meta(heat, "base")
    assert dict(meta["facts"])["Based on"] == [pdf.NO_SOURCE] and dict(meta["facts"])["Values"] == ["EUR billion"]
    assert meta["scenario"] is None and "scenario" not in meta["running"]


def test_scenario_reports_say_which_scenario_on_every_page(cmo, section, tmp_path):
    reader = PdfReader(pdf.write(pdf.document([section], cmo, "optimistic", "Optimistic"), tmp_path / "r.pdf"))
    assert "Scenario: Optimistic" in _text(reader.pages[0])
    assert "Optimistic scenario" in _text(reader.pages[2])
    assert reader.metadata.title.endswith("(Optimistic scenario)")


def test_pdf_is_tagged_with_language_title_and_chart_alt_text(cmo, tmp_path):
    chart = house_chart.Chart(house_chart.new_figure(2, 1)[0], "Bar chart of a test market", "Caption.")
    data, metadata = chart._repr_mimebundle_()
    sec = _section(tmp_path, [new_output("display_data", data=data, metadata=metadata)])
    reader = PdfReader(pdf.write(pdf.document([sec], cmo, "base"), tmp_path / "r.pdf"))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root
    assert root["/Lang"] == "en"
    assert reader.metadata.title.startswith("Global Healthcare Contract Manufacturing (CMO) Market")
    assert "Bar chart of a test market" in _alt_texts(root["/StructTreeRoot"])


def _alt_texts(node) -> list[str]:
    """Every /Alt in a PDF structure tree."""
    node = node.get_object()
    if isinstance(node, list):
        return [alt for child in node for alt in _alt_texts(child)]
    if not isinstance(node, dict):
        return []
    own = [str(node["/Alt"])] if "/Alt" in node else []
    return own + (_alt_texts(node["/K"]) if "/K" in node else [])


def test_attachments_travel_inside_the_pdf(cmo, section, tmp_path):
    book = tmp_path / "figures.xlsx"
    book.write_bytes(b"PK\x03\x04 workbook bytes")
    reader = PdfReader(pdf.write(pdf.document([section], cmo, "base", attachments=[book]), tmp_path / "r.pdf"))
    assert dict(reader.attachments) == {"figures.xlsx": [book.read_bytes()]}


def test_pdf_never_fetches_from_another_host(cmo, tmp_path):
    remote = new_output("display_data", data={"text/html": '<img src="http://127.0.0.1:9/x.png" alt="remote logo">'})
    reader = PdfReader(pdf.write(pdf.document([_section(tmp_path, [remote])], cmo, "base"), tmp_path / "r.pdf"))
    assert len(reader.pages) == 3 and "remote logo" in _text(reader.pages[2])


def test_a_section_that_starts_below_level_one_still_makes_a_tagged_pdf(cmo, tmp_path):
    sec = _section(tmp_path, [], heading="### Deep heading")  # an analyst's notebook may start anywhere
    reader = PdfReader(pdf.write(pdf.document([sec], cmo, "base"), tmp_path / "r.pdf"))
    assert re.search(r"^Deep heading\W+3$", reader.pages[1].extract_text(), re.M), "a level-1 entry in the contents"


def test_a_long_source_url_wraps_on_the_cover(raw, tmp_path):
    from cmo_helpers.inputs.params import parse_params

    url = "https://example.com/reports/" + "healthcare_contract_manufacturing_" * 2 + "x" * 150
    raw["sources"][0]["url"] = url
    reader = PdfReader(pdf.write(pdf.document([], parse_params(raw, "long.yaml"), "base"), tmp_path / "r.pdf"))
    lines = reader.pages[0].extract_text().splitlines()
    assert "".join(line.strip() for line in lines if "_" in line or line.startswith("xxxxx")).endswith("x" * 150)
    assert max(len(line) for line in lines) < 110, "no line runs off the page"
