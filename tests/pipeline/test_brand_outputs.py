"""A brand reaches every output: charts drawn in the kernel, HTML pages, the PDF, the data pack and the slides.

One market copy with the example brand beside it is rendered through the real CLI; hostile brand text is
checked in-process where it lands (pages, PDF).
"""
from __future__ import annotations

import base64
import dataclasses
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from brand_checks import EXAMPLE, PINE, colours, has, put_example_brand
from openpyxl import load_workbook
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pypdf import PdfReader

from cmo_helpers.core import brand
from cmo_helpers.core.paths import PARAMS, notebook_paths
from cmo_helpers.inputs import brand_file
from cmo_helpers.pipeline import export
from cmo_helpers.pipeline.plan import plan, unit_keys
from cmo_helpers.report import size_charts
from cmo_helpers.typeset import pdf


@pytest.fixture(scope="module")
def branded(tmp_path_factory) -> Path:
    """The default market copied beside the example brand (as _brand.yml) and rendered to every format."""
    root = tmp_path_factory.mktemp("branded")
    shutil.copytree(PARAMS / "scenarios", root / "params" / "scenarios")
    shutil.copy(PARAMS / "healthcare-cmo.yaml", root / "params")
    put_example_brand(root / "params")
    market = root / "params" / "healthcare-cmo.yaml"
    proc = subprocess.run([sys.executable, "-m", "cmo_helpers.cli", "render", str(market),
                           "--to", "html,pdf,pptx", "--out", str(root / "out"), "--jobs", "1"],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    return root / "out" / "healthcare-cmo"


def test_charts_drawn_in_the_kernel_take_the_brand(branded):
    svg = next((branded / "charts").glob("*market-size*.svg")).read_text()
    assert PINE in svg and "#3d8fc4" in svg and "#1f3b57" not in svg
    assert "DejaVu Serif" in svg


def test_page_charts_carry_the_brand_family_and_the_chart_files_do_not(branded):
    page = (branded / "01-market-size.html").read_text()
    data = re.search(r'<figure class="cmo-chart".*?src="data:image/svg\+xml;base64,([^"]+)"', page, re.S).group(1)
    assert '@font-face {font-family: "DejaVu Serif"; font-weight: 400;' in base64.b64decode(data).decode()
    assert "@font-face" not in next((branded / "charts").glob("*market-size*.svg")).read_text()


def test_pages_carry_logo_colours_font_and_footer(branded):
    page = (branded / "index.html").read_text()
    assert '<img class="cmo-logo" src="data:image/svg+xml;base64,' in page
    assert 'alt="Harbour Lane Advisory logo"' in page
    assert f"h1, h2, h3 {{ color: {PINE};" in page and '"DejaVu Serif", sans-serif' in page
    assert "Harbour Lane Advisory · Confidential" in page and "not investment advice" in page
    summary = (branded / "00-executive-summary.html").read_text()
    assert f"border-left: 6px solid {PINE}" in summary  # the headline box, drawn in the kernel


def test_pdf_has_logo_colours_fonts_footer_and_no_cover_box(branded):
    reader = PdfReader(branded / "report.pdf")
    cover = reader.pages[0].get_contents().get_data()
    assert b"/Alt(Harbour Lane Advisory logo)" in cover
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "not investment advice" in re.sub(r"\s+", " ", text)
    assert "Harbour Lane Advisory · Confidential" in reader.pages[2].extract_text()
    assert has(colours(reader.pages[2].get_contents().get_data()), PINE)  # headings
    assert not has(colours(b"".join(p.get_contents().get_data() for p in reader.pages)), brand.NAVY)
    fonts = {str(f["/BaseFont"]) for p in reader.pages for f in p["/Resources"]["/Font"].values()}
    assert any("DejaVuSerif" in f for f in fonts) and any("DejaVuSans" in f for f in fonts)


def test_data_pack_headers_take_the_brand_font_and_colour(branded):
    ws = load_workbook(branded / "healthcare-cmo-data.xlsx").worksheets[1]
    header = ws.cell(2, 1).font
    assert header.name == "DejaVu Serif" and header.color.rgb.endswith("0B6E4F")


def test_slides_take_the_brand_font_colour_and_logo(branded):
    prs = Presentation(branded / "healthcare-cmo-slides.pptx")
    title = prs.slides[0]
    assert any(s.shape_type == MSO_SHAPE_TYPE.PICTURE for s in title.shapes)
    runs = [r for s in title.shapes if s.has_text_frame for para in s.text_frame.paragraphs for r in para.runs]
    assert {r.font.name for r in runs} == {"DejaVu Serif"}
    assert str(runs[0].font.color.rgb) == "0B6E4F"


def test_the_manifest_records_the_brand_and_the_collection_index_wears_it(branded):
    assert json.loads((branded / "manifest.json").read_text())["keys"]["brand"] == brand_file.read(EXAMPLE).digest()
    index = (branded.parent / "index.html").read_text()
    assert 'class="cmo-logo"' in index and f"h1, h2, h3 {{ color: {PINE};" in index


def test_changing_the_brand_changes_every_key(market_copy):
    targets = plan([market_copy])
    notebooks = notebook_paths()
    plain = unit_keys(targets, notebooks, ("html", "pdf"))
    branded = unit_keys(targets, notebooks, ("html", "pdf"), brand=EXAMPLE)
    for t in targets:
        assert plain[t].brand is brand.DEFAULT and branded[t].brand.name == "Harbour Lane Advisory"
        assert plain[t].export != branded[t].export
        assert not set(plain[t].notebooks.values()) & set(branded[t].notebooks.values())
    beside = market_copy.parent / "_brand.yml"
    beside.write_text("color:\n  primary: '#123456'\n")
    assert unit_keys(targets, notebooks, ("html", "pdf"))[targets[0]].export not in {
        plain[targets[0]].export, branded[targets[0]].export}


def test_charts_follow_the_kernels_brand(monkeypatch, cmo):
    before = size_charts.size_chart(cmo).svg()
    monkeypatch.setenv(brand.ENV, brand_file.read(EXAMPLE).for_kernel())
    after = size_charts.size_chart(cmo).svg()
    assert "#1f3b57" in before and "#1f3b57" not in after and PINE in after


HOSTILE = dataclasses.replace(brand.DEFAULT, name='<b onload="x">', footer="<script>alert(1)</script> & co",
                              disclaimer='"); } body { display: none', logo=b"<svg><script>x()</script></svg>",
                              logo_type="svg")


def test_hostile_brand_text_is_escaped_on_pages(tmp_path, cmo):
    page = export.write_pages([], cmo, "base", tmp_path, pdf=False, brand=HOSTILE)[0].read_text()
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in page
    assert 'alt="&lt;b onload=&quot;x&quot;&gt; logo"' in page  # the script inside the SVG is base64 in an <img>
    assert "display: none" in page and "body { display: none" not in page.split("</style>")[0]


def test_hostile_brand_text_is_text_in_the_pdf(tmp_path, cmo):
    reader = PdfReader(pdf.write(pdf.document([], cmo, "base", brand=HOSTILE), tmp_path / "r.pdf"))
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "<script>alert(1)</script> & co" in text and '"); } body { display: none' in text
