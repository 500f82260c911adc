"""Inline CSS in Typst: a boxed div keeps its fill, its rules and its text colour."""
from __future__ import annotations

from cmo_helpers.typeset import markup as typst_markup


def test_boxed_div_keeps_its_fill_and_left_rule():
    html = ('<div style="border: 1px solid #b00020; border-left: 6px solid #b00020; background: #fdecea; '
            'padding: 0.6em 1em; color: #4a0010"><strong>Error</strong></div>')
    markup = typst_markup.convert(html).markup
    assert 'fill: rgb("#fdecea")' in markup and 'left: 4.50pt + rgb("#b00020")' in markup
    assert 'fill: rgb("#4a0010")' in markup and "#strong[Error]" in markup
