"""Typst, the one typesetting engine: PDFs from markup and PNGs from chart SVGs, in-process and offline."""
from __future__ import annotations

import importlib.util
import tempfile
from collections.abc import Mapping
from pathlib import Path

from .errors import ExportError
from .report_date import report_moment
from .typst_markup import string_literal

STANDARD = "ua-1"  # tagged, with language, title and figure alt text, so screen readers can read it
PNG_PPI = 200


def fonts() -> list[str]:
    """matplotlib's own DejaVu fonts: the charts' font, installed by pip on every machine (found without importing)."""
    spec = importlib.util.find_spec("matplotlib")
    folder = Path(spec.submodule_search_locations[0]) / "mpl-data" / "fonts" / "ttf" if spec else None
    return [str(folder)] if folder and folder.is_dir() else []


def _compile(root: Path, source: bytes | Path, what: str, **options) -> bytes:
    import typst

    try:
        return typst.compile(source if isinstance(source, bytes) else str(source), root=str(root),
                             font_paths=fonts(), timestamp=report_moment(), **options)
    except typst.TypstError as exc:
        raise ExportError(f"{what}: Typst could not lay it out: {exc.message}") from exc


def pdf(main: str, files: Mapping[str, bytes], path: Path) -> Path:
    """Compile `main` in a scratch folder holding only `files` (nothing else can be read) to a tagged PDF."""
    with tempfile.TemporaryDirectory(prefix="cmo-typst-") as tmp:
        root = Path(tmp)
        for name, data in files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_bytes(data)
        (root / "main.typ").write_text(main, encoding="utf-8")
        path.write_bytes(_compile(root, root / "main.typ", path.name, pdf_standards=[STANDARD]))
    return path


def png(svg: Path, ppi: int = PNG_PPI) -> bytes:
    """An SVG drawn at `ppi`, cropped to the drawing (the raster copy of a chart)."""
    page = f"#set page(width: auto, height: auto, margin: 0pt)\n#image({string_literal(svg.name)})\n"
    return _compile(svg.parent, page.encode("utf-8"), svg.name, format="png", ppi=ppi)
