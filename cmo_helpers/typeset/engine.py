"""Typst, the one typesetting engine: PDFs from markup and PNGs from chart SVGs, in-process and offline."""
from __future__ import annotations

import contextlib
import json
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path

from ..core import atomic
from ..core.brand import DEFAULT, Brand
from ..core.errors import ExportError
from ..core.paths import font_folder
from ..core.report_date import report_moment
from .typst_text import string_literal

STANDARD = "ua-1"  # tagged, with language, title and figure alt text, so screen readers can read it
PNG_PPI = 200
MEMO_AGE = 10  # typst-py drops memoised layout and images unused for this many compilations
PER_REPORT = 3  # compilations per report: the chart PNGs, the page-break query, the PDF


def _fonts(brand: Brand) -> dict:
    """matplotlib's DejaVu files and the brand's bundled ones; the machine's fonts only for a brand that names one.

    Left out otherwise, so a PDF's bytes do not depend on which fonts (or which DejaVu version) a machine has.
    """
    fonts = font_folder()
    folders = [*([str(fonts)] if fonts else []), *(str(Path(f).parent) for f in brand.font_files)]
    return {"font_paths": list(dict.fromkeys(folders)), "ignore_system_fonts": not brand.system_fonts}


def _compile(root: Path, source: bytes | Path, what: str, brand: Brand, **options) -> bytes:
    import typst

    try:
        return typst.compile(source if isinstance(source, bytes) else str(source), root=str(root),
                             timestamp=report_moment(), **_fonts(brand), **options)
    except typst.TypstError as exc:
        raise ExportError(f"{what}: Typst could not lay it out: {exc.message}") from exc


@contextlib.contextmanager
def _scratch(main: str, files: Mapping[str, bytes]) -> Iterator[Path]:
    """A folder holding only `files` and `main.typ`, so nothing else can be read."""
    with tempfile.TemporaryDirectory(prefix="cmo-typst-") as tmp:
        root = Path(tmp)
        for name, data in files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_bytes(data)
        (root / "main.typ").write_text(main, encoding="utf-8")
        yield root


def pdf(main: str, files: Mapping[str, bytes], path: Path, brand: Brand = DEFAULT) -> Path:
    """Compile `main` in a scratch folder holding only `files` (nothing else can be read) to a tagged PDF."""
    with _scratch(main, files) as root:
        return atomic.write_bytes(path, _compile(root, root / "main.typ", path.name, brand, pdf_standards=[STANDARD]))


def query(main: str, files: Mapping[str, bytes], label: str, brand: Brand = DEFAULT) -> list:
    """The values of the metadata labelled `label` once `main` is laid out (where things land on the pages)."""
    import typst

    with _scratch(main, files) as root:
        try:
            found = typst.query(str(root / "main.typ"), f"<{label}>", field="value", root=str(root),
                                **_fonts(brand))
        except typst.TypstError as exc:
            raise ExportError(f"page layout: Typst could not lay it out: {exc.message}") from exc
    return json.loads(found)


def pngs(svgs: list[Path], brand: Brand = DEFAULT, ppi: int = PNG_PPI) -> list[bytes]:
    """SVGs of one folder drawn at `ppi`, each cropped to its drawing, in one compile (fonts load once: 3x faster)."""
    if not svgs:
        return []
    pages = "".join(f"#page(image({string_literal(svg.name)}))\n" for svg in svgs)
    source = f"#set page(width: auto, height: auto, margin: 0pt)\n{pages}".encode()
    drawn = _compile(svgs[0].parent, source, ", ".join(svg.name for svg in svgs), brand, format="png", ppi=ppi)
    return drawn if isinstance(drawn, list) else [drawn]


def release() -> None:
    """Age out what Typst memoised for reports before the last one with empty compiles (2 ms each); what the last
    report used (fonts, the template) stays for the next. Kept, older reports' layouts and decoded chart images
    grew a worker by 300 MB over a batch of different markets (benchmarks/bench_batch.py)."""
    import typst

    for _ in range(MEMO_AGE - PER_REPORT - 1):
        typst.compile(b"", ignore_system_fonts=True)
