"""HTML fragments as Typst markup: text is always printed literally, styling and structure survive."""
from __future__ import annotations

import base64
import re

from hostile_strings import HOSTILE
from pypdf import PdfReader

from cmo_helpers.report.house_table import Cell, Table
from cmo_helpers.typeset import engine as typeset
from cmo_helpers.typeset import markup as typst_markup

TYPST_SYNTAX = ["#set page(width: 1pt)", "#import \"x.typ\": *", "$x^2$", "] ) } unbalanced [", "\\u{41} \\ \\\\",
                "@ref <label> = heading", "// not a comment /* nor this */", "-- dash --- em ... dots",
                "'single' \"double\"", "1. not a list", "+ not an enum", "/ Term: not a term",
                "*strong* _emph_ `raw` ~nbsp"]


def _pdf_text(markup: str, tmp_path, files=None) -> str:
    path = typeset.pdf('#set document(title: "t")\n#set text(lang: "en")\n' + markup, files or {}, tmp_path / "t.pdf")
    return " ".join(page.extract_text() for page in PdfReader(path).pages)


def test_every_hostile_string_prints_as_itself(tmp_path):
    texts = HOSTILE + TYPST_SYNTAX
    markup = "\n\n".join(f"START{n} {typst_markup.text(' '.join(t.split()))} END{n}" for n, t in enumerate(texts))
    printed = _pdf_text(markup, tmp_path)
    for n, text in enumerate(texts):
        found = re.search(rf"START{n} (.*?) END{n}", printed, re.S).group(1)
        shown = "".join(c for c in " ".join(text.split()) if c.isprintable())
        if any(ord(c) > 0x2FFF for c in shown):  # glyphs DejaVu lacks (glyphs.py warns): drawn as boxes, not text
            shown, found = shown[-1], found[-1]
        assert " ".join(found.split()) == " ".join(shown.split()), text


def test_html_text_and_attributes_stay_text_through_conversion(tmp_path):
    html = ("<p>Growth of <strong>16.6%</strong> [1] &lt;script&gt; #set text(size: 0pt)</p>"
            '<ul><li>$5-$10</li><li>a <em>b</em></li></ul><h2>Next ]</h2>')
    converted = typst_markup.convert(html)
    markup = converted.markup
    assert converted.images == {} and converted.depth == 1, "a first heading is level 1 in a tagged PDF"
    printed = " ".join(_pdf_text(markup, tmp_path).split())
    assert "Growth of 16.6% [1] <script> #set text(size: 0pt)" in printed
    assert "$5-$10" in printed and "Next ]" in printed


def test_styler_rules_colour_align_and_shade_their_cells():
    table = Table("Items", [{"Item": "Sourced item", "Value": Cell(1200.0, "1,200.0"), "Basis": "Sourced [1]"},
                            {"Item": "Guessed item", "Value": Cell(80.5, "80.5"), "Basis": "Assumed"}], ["", "assumed"])
    markup = typst_markup.convert(table._repr_html_()).markup
    assert "table.header(" in markup and "columns: 3" in markup
    guessed = re.search(r"table\.cell\(((?:[^()]|\([^()]*\))*)\)\[#emph\[80\\\.5\]\]", markup)
    assert guessed and "fill: rgb(" in guessed.group(1) and "align: right" in guessed.group(1), markup
    sourced = re.search(r"table\.cell\(((?:[^()]|\([^()]*\))*)\)\[1\\,200\\\.0\]", markup)
    assert sourced and "fill" not in sourced.group(1) and "align: right" in sourced.group(1), markup
    assert "#strong[Items]" in markup, "the caption heads the table"


def test_boxed_div_keeps_its_fill_and_left_rule():
    html = ('<div style="border: 1px solid #b00020; border-left: 6px solid #b00020; background: #fdecea; '
            'padding: 0.6em 1em; color: #4a0010"><strong>Error</strong></div>')
    markup = typst_markup.convert(html).markup
    assert 'fill: rgb("#fdecea")' in markup and 'left: 4.50pt + rgb("#b00020")' in markup
    assert 'fill: rgb("#4a0010")' in markup and "#strong[Error]" in markup


def test_only_data_images_are_included_and_named_per_fragment():
    svg = base64.b64encode(b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>').decode()
    html = (f'<figure><img src="data:image/svg+xml;base64,{svg}" alt="A &quot;chart&quot;"><figcaption>Cap</figcaption>'
            '</figure><img src="http://127.0.0.1:9/x.png" alt="remote logo"><img src="file:///etc/passwd">')
    converted = typst_markup.convert(html, "s03")
    markup, images = converted.markup, converted.images
    assert list(images) == ["s03-01.svg"] and images["s03-01.svg"].startswith(b"<svg")
    assert 'image("s03-01.svg", alt: "A \\"chart\\"")' in markup and "caption: [Cap]" in markup
    assert "remote logo" in markup and "passwd" not in markup and markup.count("image(") == 1


def test_broken_html_still_converts():
    markup = typst_markup.convert("<p>open <b>bold <i>both</p></td></table> tail &amp; <br> end").markup
    assert "open" in markup and "tail &" in markup.replace("\\&", "&") and "#linebreak()" in markup


def test_headings_never_skip_a_level():
    converted = typst_markup.convert("<h1>A</h1><h3>B</h3><h4>C</h4><h2>D</h2>", depth=0)
    assert re.findall(r"heading\(level: (\d)\)", converted.markup) == ["1", "2", "3", "2"]
    assert typst_markup.convert("<h3>E</h3>", depth=converted.depth).depth == 3


def test_long_tokens_wrap_inside_their_cell_and_extract_unchanged(tmp_path):
    url = "https://example.com/reports/healthcare_contract_manufacturing_market_size_2025_2033?utm=" + "x" * 60
    markup = typst_markup.convert(f"<table><tr><td>{url}</td><td>next cell</td></tr></table>").markup
    assert "#box()" in markup and typst_markup.breakable("short") == "short"
    path = typeset.pdf('#set document(title: "t")\n#set text(lang: "en")\n#box(width: 6cm)[' + markup + "]", {},
                       tmp_path / "t.pdf")
    lines = PdfReader(path).pages[0].extract_text().splitlines()
    assert len(lines) >= 4, "wrapped inside the 6 cm box, not run over the next cell"
    assert "".join(line for line in lines if "next cell" not in line).replace(" ", "") == url


def test_an_inline_svg_output_is_drawn_from_its_own_markup(tmp_path):
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="72pt" height="36pt" viewBox="0 0 20 10">'
           '<title>Tiny bars</title><linearGradient id="g"/><rect width="20" height="10"/></svg>')
    converted = typst_markup.convert(f'<div class="output_svg"><p>before</p>{svg}<p>after</p></div>', "s05")
    assert converted.images == {"s05-01.svg": svg.encode()}, "case kept (viewBox, linearGradient)"
    assert 'image("s05-01.svg", alt: "Tiny bars")' in converted.markup
    text = _pdf_text(converted.markup, tmp_path, converted.images)
    assert "before" in text and "after" in text and "Tiny bars" not in text


def test_isolated_free_text_stays_isolated_in_typst():
    """<bdi> (HTML's isolation of a quote with a bidi override) becomes FSI ... PDI, which Typst honours too."""
    converted = typst_markup.convert("<p>Before <bdi>quote \u202eflipped</bdi> after</p>")
    assert "Before \u2068quote \u202eflipped\u2069 after" in converted.markup
