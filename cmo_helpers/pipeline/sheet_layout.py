"""A data pack that reads and prints like the report: whole sheet names, sized columns, its font, its print setup."""
from __future__ import annotations

import math
import re
from collections.abc import Sequence

from ..core.brand import FONT

NAME_MAX = 31  # Excel's limit for a sheet name
_NOT_IN_NAMES = re.compile(r"[\[\]:*?/\\]")
_UNITS = re.compile(r"\s*\([^)]*\)")  # '(USD million)': the headers and row 1 carry units
_YEARS = re.compile(r",?\s*(?:in\s+)?\d{4}(?:\u2013\d{4})?$")  # ', 2024-2033', ' in 2024': row 1 carries them
# The report's stock title phrases, said in fewer words
_SHORTER = ((": what the source gives", " as stated"), (": values by year", " by year"),
            ("Sensitivity of the ", "Sensitivity "), ("What moves the ", "What moves "))
_TRAILING = {"a", "against", "and", "at", "by", "for", "in", "of", "on", "the", "to", "what", "with"}
SIZE, TITLE_SIZE = 10, 12
WIDTH_PER_CHAR = 1.15  # DejaVu Sans is wider than the Calibri that column widths are counted in
WIDEST = 60  # characters; longer text wraps
TEXT_PER_UNIT = 1.05  # characters of running text per width unit (digits are wider: WIDTH_PER_CHAR)
LINE_HEIGHT = 13  # points per line of 10 pt text
PORTRAIT_WIDTH = 95  # column width units an A4 portrait page holds at 10 pt


def sheet_name(n: int, title: str) -> str:
    """'05 Region by year': the sheet's number, then whole words of its title (row 1 has it all), within 31."""
    name = _UNITS.sub("", title)
    for long, short in _SHORTER:
        name = name.replace(long, short)
    name = _YEARS.sub("", name).strip() or name
    lead = f"{n:02d} "
    room = NAME_MAX - len(lead)
    if len(name) > room:
        name = re.split(r"[:,]", name)[0]  # the title's head: 'Growth paths', 'Source audit'
    words = _NOT_IN_NAMES.sub(" ", name).split()
    while words and (len(" ".join(words)) > room or (len(words) > 1 and words[-1].lower() in _TRAILING)):
        words.pop()
    return (lead + (" ".join(words) or _NOT_IN_NAMES.sub(" ", name)[:room])).strip()


def font(bold: bool = False, italic: bool = False, size: float = SIZE, family: str = FONT, **style):
    """The report's font family on every cell, so the pack looks like the PDF."""
    from openpyxl.styles import Font

    return Font(name=family, size=size, bold=bold, italic=italic, **style)


def column_widths(columns: Sequence[Sequence[str]], headers: Sequence[str]) -> list[float]:
    """Widths that fit each column's longest shown text (up to WIDEST) and its header's longest word (headers wrap)."""
    widths = []
    for texts, header in zip(columns, headers, strict=True):
        body = max((len(t) for t in texts), default=0)
        word = max((len(w) for w in header.split()), default=0)
        widths.append(math.ceil(min(WIDEST, max(body, word, 4)) * WIDTH_PER_CHAR) + 2)
    return widths


def _lines(text: str, width: float, size: float) -> int:
    """Lines a wrapped cell takes: words laid greedily into the column's characters."""
    room = max(1, int(width * TEXT_PER_UNIT * SIZE / size) - 1)
    lines, used = 1, 0
    for word in text.split():
        if used and used + 1 + len(word) > room:
            lines, used = lines + 1, len(word)
        else:
            used += (1 if used else 0) + len(word)
    return lines


def row_height(texts: Sequence[str], widths: Sequence[float], size: float = SIZE) -> float | None:
    """Height for a row with wrapped text (spreadsheets do not grow a row that a file opens with); None for one line."""
    lines = max((_lines(t, w, size) for t, w in zip(texts, widths, strict=False)), default=1)
    return LINE_HEIGHT * size / SIZE * lines if lines > 1 else None


def print_setup(ws, report_title: str, header_rows: str, width: float) -> None:
    """A4, one page wide (landscape when the columns need it), header rows on every page, the report in the header."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if width > PORTRAIT_WIDTH else "portrait"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = header_rows
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.oddHeader.left.text = report_title.replace("&", "&&")
    ws.oddHeader.left.size = 8
    ws.oddHeader.right.text = "&A"
    ws.oddHeader.right.size = 8
    ws.oddFooter.right.text = "Page &P of &N"
    ws.oddFooter.right.size = 8
