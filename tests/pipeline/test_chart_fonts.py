"""A chart SVG on a page carries the faces its text uses; SVG text is only read, and anything odd is left as it was."""
from __future__ import annotations

import base64
import io
import re
from xml.etree import ElementTree
from xml.sax.saxutils import escape

import pytest
from fontTools.ttLib import TTFont

from cmo_helpers.core.brand import DEFAULT
from cmo_helpers.pipeline import chart_fonts, font_faces
from cmo_helpers.report import chart_images, size_charts

FACES = font_faces.known_faces(DEFAULT)
NS = "{http://www.w3.org/2000/svg}"
HEAD = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="50">'


def _svg(*texts: str) -> str:
    return HEAD + "".join(texts) + "</svg>\n"


def _faces_in(svg: str) -> dict[tuple[str, str], set[int]]:
    """Each @font-face of an SVG by (weight, style), with the characters its subset has."""
    found = {}
    for style in ElementTree.fromstring(svg).iter(f"{NS}style"):
        for rule in re.findall(r"@font-face \{[^}]*\}", style.text or ""):
            weight, slant = re.search(r"font-weight: (\d+); font-style: (\w+)", rule).groups()
            data = base64.b64decode(re.search(r"base64,([A-Za-z0-9+/=]+)\)", rule).group(1))
            found[(weight, slant)] = set(TTFont(io.BytesIO(data)).getBestCmap())
    return found


@pytest.fixture(scope="module")
def chart(cmo) -> str:
    return size_charts.size_chart(cmo).svg()


def test_every_character_of_a_real_charts_text_is_in_its_embedded_face(chart):
    embedded = chart_fonts.with_fonts(chart, FACES)
    faces = _faces_in(embedded)
    assert faces.keys() == {("400", "normal"), ("700", "normal")}, "labels in regular, the title in bold"
    root = ElementTree.fromstring(chart)
    for text in root.iter(f"{NS}text"):
        weight = "700" if "font-weight: 700" in text.get("style", "") else "400"
        drawn = {ord(c) for c in "".join(text.itertext())}
        assert drawn <= faces[(weight, "normal")], "".join(text.itertext())
    assert embedded.count("<style") == chart.count("<style") + 1 and embedded.endswith("</svg>\n")
    assert embedded.replace(re.search(r'<style type="text/css">@font-face.*?</style>\n', embedded, re.S).group(0),
                            "") == chart, "the drawing itself is untouched"


def test_the_same_chart_gets_the_same_bytes(chart):
    assert chart_fonts.with_fonts(chart, FACES) == chart_fonts.with_fonts(chart, font_faces.known_faces(DEFAULT))


def test_faces_follow_inheritance_attributes_tspans_and_quoting():
    svg = _svg('<g style="font-family: &quot;DejaVu Sans&quot;, sans-serif; font-weight: bold">'
               '<text>Bold<tspan style="font-style: oblique; font-weight: normal">slant</tspan>tail</text></g>',
               '<text font-family="DejaVu Sans" font-style="italic" font-weight="700">BI</text>',
               '<title>not drawn \u2603</title>')
    assert chart_fonts.text_by_face(svg) == {("DejaVu Sans", 700, False): "Badilot",
                                             ("DejaVu Sans", 400, True): "alnst", ("DejaVu Sans", 700, True): "BI"}
    assert set(_faces_in(chart_fonts.with_fonts(svg, FACES))) == {("700", "normal"), ("400", "italic"),
                                                                  ("700", "italic")}


@pytest.mark.parametrize("svg", [
    _svg("<text style=\"font-family: 'Nowhere Sans'\">no file for this family</text>"),
    _svg("<text style=\"font-family: sans-serif\">a generic family</text>"),
    _svg("<text>no family at all</text>"),
    _svg("<rect width='3' height='3'/>"),
], ids=["unknown-family", "generic", "no-family", "no-text"])
def test_no_face_is_added_when_no_file_is_known(svg):
    assert chart_fonts.with_fonts(svg, FACES) == svg


def test_a_brand_family_only_installed_on_the_machine_is_left_as_it_is():
    brand = DEFAULT.__class__(font="Liberation Sans", heading_font="Liberation Sans", system_fonts=True)
    svg = _svg("<text style=\"font-family: 'Liberation Sans'\">Sales</text>")
    assert chart_fonts.with_fonts(svg, font_faces.known_faces(brand)) == svg


HOSTILE = "</style><script>alert(1)</script>]]><!--&amp;\u202e\"'{}@import url(x);\\"


def test_hostile_text_is_only_read():
    svg = _svg(f"<text style=\"font-family: 'DejaVu Sans'\">{escape(HOSTILE)}</text>")  # escaped, as matplotlib writes
    embedded = chart_fonts.with_fonts(svg, FACES)
    root = ElementTree.fromstring(embedded)
    assert "".join(next(root.iter(f"{NS}text")).itertext()) == HOSTILE
    style = next(root.iter(f"{NS}style")).text
    assert re.fullmatch(r'@font-face \{font-family: "DejaVu Sans"; font-weight: 400; font-style: normal; '
                        r'src: url\(data:font/woff;base64,[A-Za-z0-9+/=]+\) format\("woff"\);\}', style)


@pytest.mark.parametrize("svg", [
    '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "DejaVu DejaVu DejaVu">]>' + _svg(
        "<text style=\"font-family: 'DejaVu Sans'\">&a;&a;&a;</text>"),
    _svg("<text style=\"font-family: 'DejaVu Sans'\">unclosed"),
    _svg("<text style=\"font-family: 'DejaVu Sans'\">Text</text>") + "<!-- after the root -->",
    "<html><text style=\"font-family: 'DejaVu Sans'\">not an SVG</text></html>",
    _svg("<text style=\"font-family: 'DejaVu Sans'\">" + "x" * chart_fonts.MAX_SVG + "</text>"),
    _svg("<g>" * 5000 + "<text style=\"font-family: 'DejaVu Sans'\">deep</text>" + "</g>" * 5000),
], ids=["entities", "malformed", "after-root", "not-svg", "too-large", "too-deep"])
def test_what_a_parser_should_not_trust_is_left_as_it_was(svg):
    assert chart_fonts.text_by_face(svg) == {}
    assert chart_fonts.with_fonts(svg, FACES) == svg


def _figure(svg: str) -> str:
    output = {"data": {chart_images.SVG: svg}, "metadata": {chart_images.SVG: {"alt": "Alt"},
                                                           chart_images.KEY: {"caption": "Cap", "name": "c"}}}
    return chart_images.figure_html(output)


def _image(page: str, n: int = 0) -> str:
    return base64.b64decode(re.findall(r'src="data:image/svg\+xml;base64,([^"]+)"', page)[n]).decode("utf-8")


def test_a_pages_charts_carry_their_faces_and_nothing_else_changes(chart):
    other = '<p><img src="data:image/svg+xml;base64,PHN2Zy8+" alt="not a chart"></p>'
    reordered = _figure(chart).replace('<img src="data:', '<img alt="a > b" src="data:')  # as nbconvert writes it
    body = _figure(chart) + other + _figure(_svg("<text>no family</text>")) + reordered
    page = chart_fonts.page_with_fonts(body, DEFAULT)
    assert _image(page, 0) == chart_fonts.with_fonts(chart, FACES) == _image(page, 3)
    assert _image(page, 1) == "<svg/>" and _image(page, 2) == _svg("<text>no family</text>")
    assert re.sub(r"base64,[^\"]+", "", page) == re.sub(r"base64,[^\"]+", "", body), "only the chart images change"
    assert type(page).__name__ == "Markup"


def test_a_page_without_charts_is_returned_as_it_was():
    body = '<p>No chart: <img src="data:image/png;base64,iVBO" alt=""></p>'
    assert chart_fonts.page_with_fonts(body, DEFAULT) == body
