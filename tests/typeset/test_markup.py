"""HTML fragments as Typst markup: text is always printed literally, structure survives, images stay inside."""
from __future__ import annotations

import base64
import re

from typst_pdf import pdf_text

from cmo_helpers.typeset import markup as typst_markup


def test_html_text_and_attributes_stay_text_through_conversion(tmp_path):
    html = ("<p>Growth of <strong>16.6%</strong> [1] &lt;script&gt; #set text(size: 0pt)</p>"
            '<ul><li>$5-$10</li><li>a <em>b</em></li></ul><h2>Next ]</h2>')
    converted = typst_markup.convert(html)
    markup = converted.markup
    assert converted.images == {} and converted.depth == 1, "a first heading is level 1 in a tagged PDF"
    printed = " ".join(pdf_text(markup, tmp_path).split())
    assert "Growth of 16.6% [1] <script> #set text(size: 0pt)" in printed
    assert "$5-$10" in printed and "Next ]" in printed


def test_only_data_images_are_included_and_named_per_fragment():
    svg = base64.b64encode(b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>').decode()
    html = (f'<figure><img src="data:image/svg+xml;base64,{svg}" alt="A &quot;chart&quot;"><figcaption>Cap</figcaption>'
            '</figure><img src="http://127.0.0.1:9/x.png" alt="remote logo"><img src="file:///etc/passwd">')
    converted = typst_markup.convert(html, "s03")
    markup, images = converted.markup, converted.images
    assert list(images) == ["s03-01.svg"] and images["s03-01.svg"].startswith(b"<svg")
    assert 'image("s03-01.svg", alt: "A \\"chart\\"")' in markup and "caption: [Cap]" in markup
    assert "remote logo" in markup and "passwd" not in markup and markup.count("image(") == 1


def test_headings_never_skip_a_level():
    converted = typst_markup.convert("<h1>A</h1><h3>B</h3><h4>C</h4><h2>D</h2>", depth=0)
    assert re.findall(r"heading\(level: (\d)\)", converted.markup) == ["1", "2", "3", "2"]
    assert typst_markup.convert("<h3>E</h3>", depth=converted.depth).depth == 3


def test_an_inline_svg_output_is_drawn_from_its_own_markup(tmp_path):
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="72pt" height="36pt" viewBox="0 0 20 10">'
           '<title>Tiny bars</title><linearGradient id="g"/><rect width="20" height="10"/></svg>')
    converted = typst_markup.convert(f'<div class="output_svg"><p>before</p>{svg}<p>after</p></div>', "s05")
    assert converted.images == {"s05-01.svg": svg.encode()}, "case kept (viewBox, linearGradient)"
    assert 'image("s05-01.svg", alt: "Tiny bars")' in converted.markup
    text = pdf_text(converted.markup, tmp_path, converted.images)
    assert "before" in text and "after" in text and "Tiny bars" not in text


def test_isolated_free_text_stays_isolated_in_typst():
    """<bdi> (HTML's isolation of a quote with a bidi override) becomes FSI ... PDI, which Typst honours too."""
    converted = typst_markup.convert("<p>Before <bdi>quote \u202eflipped</bdi> after</p>")
    assert "Before \u2068quote \u202eflipped\u2069 after" in converted.markup
