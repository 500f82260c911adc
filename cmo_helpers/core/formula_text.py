"""Text that a spreadsheet would run as a formula stays text (OWASP's CSV-injection advice), in xlsx and CSV.

A name such as '=HYPERLINK(...)' or '@SUM(1,1)' comes from params written by someone else; opened in Excel or
LibreOffice it must show as written, never run. Workbooks keep the text exactly (a string cell marked with a
quote prefix); a CSV has no cell types, so there the text gets a leading apostrophe.
"""
from __future__ import annotations

from typing import Any

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def risky(value: object) -> bool:
    """Whether a spreadsheet would read this text as the start of a formula."""
    return isinstance(value, str) and value.startswith(TRIGGERS)


def csv_value(value: Any) -> Any:
    """A CSV field: risky text behind an apostrophe, so a spreadsheet shows it instead of evaluating it."""
    return f"'{value}" if risky(value) else value


def defuse(workbook: Any) -> None:
    """Every text cell of an openpyxl workbook as text: no cell written from data becomes a formula."""
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if risky(cell.value):
                    cell.data_type = "s"  # openpyxl makes any '=...' string a formula cell
                    cell.quotePrefix = True  # and Excel keeps it text even when the cell is edited
