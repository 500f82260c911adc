"""Export pieces without a kernel: notebook outputs to pages, contents and a PDF."""
from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output
from pypdf import PdfReader

from cmo_helpers import charts, export
from cmo_helpers.tables import Cell, Table


@pytest.fixture
def executed(tmp_path: Path) -> Path:
    """A notebook as papermill leaves it: a heading, an HTML table output and a stderr warning."""
    code = new_code_cell("cmo.tables.size_table(p)")
    code.outputs = [
        new_output("stream", name="stderr", text="FutureWarning: noisy library\n"),
        new_output("display_data", data={"text/html": "<table><tr><td>504.9</td></tr></table>", "text/plain": "t"}),
    ]
    nb = new_notebook(cells=[new_markdown_cell("# Market size\n\nIntro.\n\n## Values by year"), code])
    path = tmp_path / "01-market-size.ipynb"
    nbformat.write(nb, path)
    return path


@pytest.fixture
def styled_section(tmp_path: Path) -> export.Section:
    """A section whose output is a house-style table with one assumed row, as tables.py makes them."""
    table = Table("Items", [{"Item": "Sourced item", "Value": Cell(1200.0, "1,200.0"), "Basis": "Sourced [1]"},
                            {"Item": "Guessed item", "Value": Cell(80.5, "80.5"), "Basis": "Assumed"}], ["", "assumed"])
    code = new_code_cell("cmo.tables.breakdown_table(p, b)")
    code.outputs = [new_output("display_data", data={"text/html": table._repr_html_()})]
    path = tmp_path / "03-service-split.ipynb"
    nbformat.write(new_notebook(cells=[new_markdown_cell("# Segments"), code]), path)
    return export.section(path)


def _cells(document: str) -> dict[str, object]:
    """Laid-out table cells of a printed document, by their text."""
    import weasyprint

    def walk(box):
        yield box
        for child in getattr(box, "children", None) or []:
            yield from walk(child)

    cells = {}
    for page in weasyprint.HTML(string=document).render().pages:
        for box in walk(page._page_box):
            if type(box).__name__ == "TableCellBox":
                cells["".join(getattr(b, "text", "") for b in walk(box))] = box.style
    return cells


def test_every_styler_selector_in_the_combined_report_matches_an_element(styled_section, cmo):
    doc = export.report_html([styled_section, styled_section], cmo, "base")
    ids = set(re.findall(r'id="([^"]+)"', doc))
    styles = re.findall(r"<style[^>]*>(.*?)</style>", doc, re.S)
    selectors = {s for css in styles for s in re.findall(r"#(-?[A-Za-z_][\w-]*)", re.sub(r"\{[^}]*\}", "", css))}
    assert any(s.startswith("s01-T_") for s in selectors), "the second section's table rules carry its prefix"
    assert selectors - ids == set()


def test_pdf_layout_shades_assumed_rows_and_right_aligns_figures(styled_section, cmo):
    cells = _cells(export.report_html([styled_section, styled_section], cmo, "base"))
    assumed, sourced = cells["Guessed item"], cells["Sourced item"]
    assert assumed["font_style"] == "italic" and sourced["font_style"] == "normal"
    assert assumed["background_color"].alpha == 1 and sourced["background_color"].alpha == 0
    assert cells["80.5"]["text_align_all"] == "right" and cells["80.5"]["font_style"] == "italic"


def test_section_takes_its_title_and_hides_code_and_stderr(executed):
    sec = export.section(executed)
    assert (sec.slug, sec.title, sec.href) == ("01-market-size", "Market size", "01-market-size.html")
    assert "504.9" in sec.body
    assert "noisy library" not in sec.body
    assert "cmo.tables" not in sec.body, "code is hidden"


def test_report_html_numbers_ids_per_section_and_lists_headings(executed, cmo):
    sec = export.section(executed)
    doc = export.report_html([sec, sec], cmo, "base", warning="<div>WARN</div>")
    assert doc.count('id="s00-Market-size"') == 1 and doc.count('id="s01-Market-size"') == 1
    assert 'href="#s01-Values-by-year"' in doc
    assert "WARN" in doc and "Market.us Media" in doc


def test_cover_of_a_market_without_sources_says_so(executed, heat):
    doc = export.report_html([export.section(executed)], heat, "base")
    assert "Analyst assumptions only: no published source is cited" in doc
    assert "EUR billion" in doc


def test_pages_link_each_other_and_stay_offline(executed, cmo, tmp_path):
    out = tmp_path / "site"
    out.mkdir()
    written = export.write_pages([export.section(executed)], cmo, "base", out, pdf=False)
    assert [p.name for p in written] == ["index.html", "01-market-size.html"]
    page = (out / "01-market-size.html").read_text()
    assert 'href="index.html"' in page and 'class="current"' in page
    assert "report.pdf" not in page, "no link to a PDF that was not rendered"
    assert "<script" not in page and "http" not in page.split("<main>")[0]


def test_pdf_has_cover_contents_and_page_numbers(executed, cmo, tmp_path):
    pdf = export.write_pdf(export.report_html([export.section(executed)], cmo, "base"), tmp_path / "r.pdf")
    reader = PdfReader(pdf)
    assert len(reader.pages) == 3  # cover, contents, one section
    assert "Global Healthcare Contract Manufacturing (CMO) Market" in " ".join(reader.pages[0].extract_text().split())
    assert "Market size" in reader.pages[1].extract_text()
    assert "Page 3 of 3" in reader.pages[2].extract_text()


def test_pdf_is_tagged_with_language_title_and_chart_alt_text(cmo, tmp_path):
    chart = charts.Chart(charts.new_figure(2, 1)[0], "Bar chart of a test market", "Caption.")
    code = new_code_cell("cmo.charts.size_chart(p)")
    data, metadata = chart._repr_mimebundle_()
    code.outputs = [new_output("display_data", data=data, metadata=metadata)]
    path = tmp_path / "01-market-size.ipynb"
    nbformat.write(new_notebook(cells=[new_markdown_cell("# Market size"), code]), path)
    pdf = export.write_pdf(export.report_html([export.section(path)], cmo, "base"), tmp_path / "r.pdf")
    reader = PdfReader(pdf)
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


def test_pdf_never_fetches_from_another_host(cmo, tmp_path):
    doc = export.report_html([], cmo, "base").replace("</body>", '<img src="http://127.0.0.1:9/x.png"></body>')
    pdf = export.write_pdf(doc, tmp_path / "r.pdf")  # the image is refused, not fetched; the PDF still renders
    assert len(PdfReader(pdf).pages) == 2
