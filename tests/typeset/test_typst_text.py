"""Literal text in Typst: every hostile string prints as itself, long tokens wrap and extract unchanged."""
from __future__ import annotations

import re

from hostile_strings import HOSTILE
from pypdf import PdfReader
from typst_pdf import pdf_text

from cmo_helpers.typeset import engine as typeset
from cmo_helpers.typeset import markup as typst_markup
from cmo_helpers.typeset import typst_text

TYPST_SYNTAX = ["#set page(width: 1pt)", "#import \"x.typ\": *", "$x^2$", "] ) } unbalanced [", "\\u{41} \\ \\\\",
                "@ref <label> = heading", "// not a comment /* nor this */", "-- dash --- em ... dots",
                "'single' \"double\"", "1. not a list", "+ not an enum", "/ Term: not a term",
                "*strong* _emph_ `raw` ~nbsp"]


def test_every_hostile_string_prints_as_itself(tmp_path):
    texts = HOSTILE + TYPST_SYNTAX
    markup = "\n\n".join(f"START{n} {typst_text.text(' '.join(t.split()))} END{n}" for n, t in enumerate(texts))
    printed = pdf_text(markup, tmp_path)
    for n, text in enumerate(texts):
        found = re.search(rf"START{n} (.*?) END{n}", printed, re.S).group(1)
        shown = "".join(c for c in " ".join(text.split()) if c.isprintable())
        if any(ord(c) > 0x2FFF for c in shown):  # glyphs DejaVu lacks (glyphs.py warns): drawn as boxes, not text
            shown, found = shown[-1], found[-1]
        assert " ".join(found.split()) == " ".join(shown.split()), text


def test_long_tokens_wrap_inside_their_cell_and_extract_unchanged(tmp_path):
    url = "https://example.com/reports/healthcare_contract_manufacturing_market_size_2025_2033?utm=" + "x" * 60
    markup = typst_markup.convert(f"<table><tr><td>{url}</td><td>next cell</td></tr></table>").markup
    assert "#box()" in markup and typst_text.breakable("short") == "short"
    path = typeset.pdf('#set document(title: "t")\n#set text(lang: "en")\n#box(width: 6cm)[' + markup + "]", {},
                       tmp_path / "t.pdf")
    lines = PdfReader(path).pages[0].extract_text().splitlines()
    assert len(lines) >= 4, "wrapped inside the 6 cm box, not run over the next cell"
    assert "".join(line for line in lines if "next cell" not in line).replace(" ", "") == url
