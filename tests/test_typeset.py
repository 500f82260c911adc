"""Typst in-process: tagged PDFs that read only the files given, PNG copies of SVG charts, clear errors."""
from __future__ import annotations

import pytest
from pypdf import PdfReader

from cmo_helpers import typeset
from cmo_helpers.errors import ExportError

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="72pt" height="36pt"><rect width="72pt" height="36pt"/></svg>'


def test_pdf_is_tagged_and_reads_only_its_own_files(tmp_path):
    (tmp_path / "secret.txt").write_text("outside")
    main = '#set document(title: "T")\n#set text(lang: "en")\n#read("data.txt")'
    reader = PdfReader(typeset.pdf(main, {"data.txt": b"inside"}, tmp_path / "a.pdf"))
    assert "inside" in reader.pages[0].extract_text()
    assert bool(reader.trailer["/Root"]["/MarkInfo"]["/Marked"])
    with pytest.raises(ExportError, match=r"b\.pdf: Typst could not lay it out"):
        typeset.pdf(main.replace("data.txt", "../secret.txt"), {}, tmp_path / "b.pdf")
    assert not (tmp_path / "b.pdf").exists(), "no half-written PDF"


def test_png_draws_the_svg_at_200_ppi(tmp_path):
    (tmp_path / "c.svg").write_bytes(SVG)
    png = typeset.png(tmp_path / "c.svg")
    assert png[:4] == b"\x89PNG"
    assert (int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")) == (200, 100)


def test_a_broken_svg_names_its_file(tmp_path):
    (tmp_path / "bad.svg").write_text("<svg")
    with pytest.raises(ExportError, match="bad.svg"):
        typeset.png(tmp_path / "bad.svg")
