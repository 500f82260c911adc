"""Typst in-process: tagged PDFs that read only the files given, PNG copies of SVG charts, clear errors."""
from __future__ import annotations

import pytest
from pypdf import PdfReader

from cmo_helpers.core.errors import ExportError
from cmo_helpers.typeset import engine as typeset

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


def test_pngs_draw_each_svg_at_200_ppi(tmp_path):
    (tmp_path / "c.svg").write_bytes(SVG)
    (tmp_path / "d.svg").write_bytes(SVG.replace(b'width="72pt"', b'width="36pt"'))
    pngs = typeset.pngs([tmp_path / "c.svg", tmp_path / "d.svg"])
    assert [png[:4] for png in pngs] == [b"\x89PNG"] * 2
    sizes = [(int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")) for png in pngs]
    assert sizes == [(200, 100), (100, 100)]
    assert typeset.pngs([]) == []


def test_a_broken_svg_names_its_file(tmp_path):
    (tmp_path / "bad.svg").write_text("<svg")
    with pytest.raises(ExportError, match="bad.svg"):
        typeset.pngs([tmp_path / "bad.svg"])


def test_release_ages_out_what_typst_memoised_for_earlier_documents(tmp_path):
    import psutil

    me = psutil.Process()

    def compile_many(release: bool, count: int = 12) -> int:
        start = me.memory_info().rss
        for n in range(count):
            words = "\n".join(f"= Part {n} {j}\n" + " ".join(f"w{n}x{j}x{k}" for k in range(300)) for j in range(30))
            typeset.pdf(f'#set document(title: "T")\n#set text(lang: "en")\n{words}', {}, tmp_path / "x.pdf")
            if release:
                typeset.release()
        return me.memory_info().rss - start

    compile_many(release=True, count=1)  # fonts and the engine's own start-up
    assert compile_many(release=True) < 40 * 2**20 < compile_many(release=False)


def _font_names(path) -> set[str]:
    return {str(f["/BaseFont"]) for page in PdfReader(path).pages for f in page["/Resources"]["/Font"].values()}


def test_the_machines_fonts_are_read_only_for_a_brand_that_names_one(tmp_path):
    """Otherwise a PDF's bytes would depend on which fonts, and which DejaVu version, a machine has installed."""
    from dataclasses import replace

    from cmo_helpers.core.brand import DEFAULT, SHIPPED
    from cmo_helpers.inputs.brand_file import installed_families

    family = next((f for f in sorted(installed_families() - SHIPPED) if f.isascii() and f.replace(" ", "").isalpha()),
                  None)
    if family is None:
        pytest.skip("this machine has no installed font family beyond matplotlib's DejaVu")
    main = f'#set document(title: "T")\n#set text(lang: "en", font: "{family}", fallback: true)\nWords'
    plain = _font_names(typeset.pdf(main, {}, tmp_path / "plain.pdf"))
    own = _font_names(typeset.pdf(main, {}, tmp_path / "own.pdf", replace(DEFAULT, font=family, system_fonts=True)))
    squeezed = family.replace(" ", "")
    assert not any(squeezed in f for f in plain) and any(squeezed in f for f in own), (plain, own)
