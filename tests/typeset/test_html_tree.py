"""The forgiving tree: stray end tags and unclosed elements still give every piece of text."""
from __future__ import annotations

from cmo_helpers.typeset import markup as typst_markup


def test_broken_html_still_converts():
    markup = typst_markup.convert("<p>open <b>bold <i>both</p></td></table> tail &amp; <br> end").markup
    assert "open" in markup and "tail &" in markup.replace("\\&", "&") and "#linebreak()" in markup
