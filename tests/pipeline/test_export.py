"""Export pieces without a kernel: notebook outputs to sections and pages."""
from __future__ import annotations

import base64
import re
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from cmo_helpers.pipeline import export
from cmo_helpers.report import size_charts


@pytest.fixture
def executed(tmp_path: Path) -> Path:
    """A notebook as papermill leaves it: a heading, an HTML table output and a stderr warning."""
    code = new_code_cell("cmo.size_tables.size_table(p)")
    code.outputs = [
        new_output("stream", name="stderr", text="FutureWarning: noisy library\n"),
        new_output("display_data", data={"text/html": "<table><tr><td>504.9</td></tr></table>", "text/plain": "t"}),
    ]
    nb = new_notebook(cells=[new_markdown_cell("# Market size\n\nIntro.\n\n## Values by year"), code])
    path = tmp_path / "01-market-size.ipynb"
    nbformat.write(nb, path)
    return path


def test_section_takes_its_title_and_hides_code_and_stderr(executed):
    sec = export.section(executed)
    assert (sec.slug, sec.title, sec.href) == ("01-market-size", "Market size", "01-market-size.html")
    assert "504.9" in sec.body
    assert "noisy library" not in sec.body
    assert "cmo.size_tables" not in sec.body, "code is hidden"


def test_pages_link_each_other_and_stay_offline(executed, cmo, tmp_path):
    out = tmp_path / "site"
    out.mkdir()
    written = export.write_pages([export.section(executed)], cmo, "base", out, pdf=False)
    assert [p.name for p in written] == ["index.html", "01-market-size.html"]
    page = (out / "01-market-size.html").read_text()
    assert 'href="index.html"' in page and 'class="current"' in page
    assert "report.pdf" not in page, "no link to a PDF that was not rendered"
    assert "<script" not in page and "http" not in page.split("<main>")[0]


def test_pages_charts_carry_their_font_and_the_sections_the_pdf_reads_do_not(cmo, tmp_path):
    chart = size_charts.size_chart(cmo)
    code = new_code_cell("cmo.size_charts.size_chart(p).show()")
    data, metadata = chart._repr_mimebundle_()
    code.outputs = [new_output("display_data", data=data, metadata=metadata)]
    path = tmp_path / "01-market-size.ipynb"
    nbformat.write(new_notebook(cells=[new_markdown_cell("# Market size"), code]), path)
    sec = export.section(path)
    export.write_pages([sec], cmo, "base", tmp_path, pdf=False)
    page = (tmp_path / "01-market-size.html").read_text()
    drawn = [base64.b64decode(m).decode() for m in re.findall(r'src="data:image/svg\+xml;base64,([^"]+)"', page)]
    assert len(drawn) == 1 and "@font-face" in drawn[0] and "font/woff" in drawn[0]
    assert "@font-face" not in base64.b64decode(re.search(r"svg\+xml;base64,([^\"]+)", sec.body).group(1)).decode()


def test_headline_figures_come_from_the_executed_notebook(tmp_path):
    figures = {"name": "M", "start_value": 504.9, "audit": "fail"}
    code = new_code_cell("cmo.summary_view.headline_box(m)")
    code.outputs = [new_output("display_data", data={"text/html": "<div>tiles</div>"},
                               metadata={export.HEADLINE: figures})]
    with_box, without = tmp_path / "00-executive-summary.ipynb", tmp_path / "01-market-size.ipynb"
    nbformat.write(new_notebook(cells=[code]), with_box)
    nbformat.write(new_notebook(cells=[new_code_cell("1")]), without)
    assert export.headline_figures([without, with_box]) == figures
    assert export.headline_figures([without]) is None


def test_headline_key_is_the_models():
    from cmo_helpers.model import headline

    assert export.HEADLINE == headline.KEY
