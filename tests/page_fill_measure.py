"""How full each page of a PDF is, read back with pypdf: the lowest text between the running header and footer, as a
share of the page's text area."""
from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from cmo_helpers.typeset.page_fill import BOTTOM, PAGE_HEIGHT, TOP


def _lowest(page) -> float:
    """Distance from the page's top to the lowest text run in the text area."""
    lows: list[float] = []

    def text(content, cm, tm, _font, size):
        y = PAGE_HEIGHT - (tm[5] * cm[3] + cm[5])  # from the top, as Typst measures
        if content.strip() and TOP - 1 < y < BOTTOM + 1:
            lows.append(y)

    page.extract_text(visitor_text=text)  # every chart has its caption under it, so text marks its bottom too
    return max(lows, default=TOP)


def fills(pdf: Path) -> list[float]:
    """Each page's fill, 0 (empty) to 1 (text down to the bottom margin)."""
    return [(_lowest(page) - TOP) / (BOTTOM - TOP) for page in PdfReader(pdf).pages]
