"""Characters the report font cannot draw, found before rendering so they are named, not silently boxed."""
from __future__ import annotations

import functools
import unicodedata
from pathlib import Path

from ..core import brand
from ..core.paths import font_folder

FONT = brand.FONT  # the one font named by the charts, the pages and the PDF (charts.RC, base.css, report.typ)
FILE = "DejaVuSans.ttf"


@functools.cache
def _covered() -> frozenset[int]:
    """Only the font's character map is read (fontTools, lazily): 0.04 s, where matplotlib's font manager took 0.2 s."""
    from fontTools.ttLib import TTFont

    return frozenset(TTFont(font_folder() / FILE, lazy=True)["cmap"].getBestCmap())


def missing(text: str) -> list[str]:
    """Each distinct printable character of text the report font has no glyph for."""
    covered = _covered()
    return list(dict.fromkeys(c for c in text if c.isprintable() and not c.isspace() and ord(c) not in covered))


def _strings(node, key: str = ""):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _strings(v, f"{key}.{k}" if key else str(k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _strings(v, f"{key}[{i}]")
    elif isinstance(node, str):
        yield key, node


def warnings(path: Path, raw: dict) -> list[str]:
    """One line per field of a (validated) params file holding characters that would print as empty boxes."""
    lines = []
    for key, text in _strings(raw):
        chars = missing(text)
        if chars:
            shown = ", ".join(f"'{c}' U+{ord(c):04X} {unicodedata.name(c, '')}".rstrip() for c in chars[:5])
            more = f" and {len(chars) - 5} more" if len(chars) > 5 else ""
            lines.append(f"{path}: {key}: not in the report font {FONT}, prints as an empty box: {shown}{more}")
    return lines
