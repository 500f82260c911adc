"""Export pieces without a kernel: notebook outputs to sections and pages."""
from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from cmo_helpers.pipeline import export


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
