"""The data pack's workbook: About and its contents, a sheet per table and per chart, the legend, the assumptions."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..core import atomic, formula_text
from ..core.brand import DEFAULT, Brand
from ..core.reproducible import fix_zip_times
from . import sheet_layout
from .pack_contents import CHART, Cell, Table, chart_table, short_title, with_basis, with_unit

_UNIT_NOTE = re.compile(r"\s*\([^)]*\)$")  # 'Europe (assumed)', 'North America (growth assumed)'
NO_SOURCES = "Analyst assumptions only: no published source is cited."
ASSUMED_FILL = "FFF4E0"  # the report's shading for assumed rows


@dataclass
class Pack:
    """What goes into the workbook besides the tables and charts."""

    market: str
    unit: str
    rendered: str
    sources: list[str]
    reasons: dict[str, str] = field(default_factory=dict)  # row label -> the analyst's reason for assuming it
    brand: Brand = DEFAULT


BASIS_LEGEND = [
    ("Sourced [n]", "Stated by source n (listed below); the Inputs sheet quotes the source's words."),
    ("Modelled", "Computed by cmo-reports from the stated figures; no source states it."),
    ("Assumed", "Filled in by the analyst, not taken from a source (shaded, italic); the Assumptions sheet says why."),
    ("Remainder of the total", "What the source does not itemise: the total less the items it sizes."),
    ("Market file", "The base case: the market file as published, before any scenario."),
    ("Rests on sourced figures / on an assumption", "A sensitivity row: whether the input it moves is stated."),
]
NO_REASON = "no reason given"
SOURCES_SHEET, ASSUMPTIONS_SHEET = "Sources and basis", "Assumptions"


def reason(label: str, rationale: str, reasons: dict[str, str]) -> str:
    """Why a row is assumed: its table's rationale, the analyst's for that item or scenario, or that none is given."""
    return rationale or reasons.get(_UNIT_NOTE.sub("", label).strip()) or NO_REASON


def write_workbook(tables_: list[Table], charts_: list[dict], pack: Pack, path: Path) -> Path:
    """The data pack: About with contents, a sheet per table and per chart, basis legend and sources, assumptions."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.hyperlink import Hyperlink

    shade = PatternFill("solid", fgColor=ASSUMED_FILL)
    font = functools.partial(sheet_layout.font, family=pack.brand.font)
    heading = {} if pack.brand.is_default else {"color": pack.brand.primary[1:].upper()}  # today's: black
    wrap = Alignment(wrap_text=True, vertical="top")
    wb = Workbook()
    contents: list[tuple[str, str, str]] = []  # sheet, kind, full title
    assumptions: list[list[str]] = []

    def fill(ws, title: str, header: list[str], rows: list[list[Cell]], flagged: set[int]) -> None:
        ws.append([title])
        ws.append(header)
        ws["A1"].font = font(bold=True, size=sheet_layout.TITLE_SIZE, **heading)
        for target in ws[2]:
            target.font, target.alignment = font(bold=True, **heading), Alignment(wrap_text=True, vertical="bottom")
        for n, row in enumerate(rows):
            ws.append([c.value for c in row])
            for target, c in zip(ws[ws.max_row], row, strict=True):
                target.number_format = c.number_format
                target.font = font(italic=n in flagged)
                # a row's cells align at the top; text keeps clear of a number to its left, and long text wraps
                target.alignment = Alignment(vertical="top", wrap_text=isinstance(c.value, str),
                                             indent=int(isinstance(c.value, str) and target.column > 1))
                if n in flagged:
                    target.fill = shade
        widths = sheet_layout.column_widths([[r[i].text for r in rows] for i in range(len(header))], header)
        for i, width in enumerate(widths, 1):
            ws.column_dimensions[get_column_letter(i)].width = width
        for n, texts in enumerate([[title], header, *([c.text for c in r] for r in rows)], 1):
            ws.row_dimensions[n].height = (sheet_layout.row_height(texts, [sum(widths)], sheet_layout.TITLE_SIZE)
                                           if n == 1 else sheet_layout.row_height(texts, widths))
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))  # the title wraps in the table
        ws["A1"].alignment = wrap
        ws.freeze_panes = "A3"
        sheet_layout.print_setup(ws, pack.market, "1:2", sum(widths))

    def add_sheet(title: str, kind: str, header: list[str], rows: list[list[Cell]], flagged: set[int]) -> None:
        named = short_title(title.removeprefix(CHART), pack.market)  # the tab says no more than 'Chart'
        ws = wb.create_sheet(sheet_layout.sheet_name(len(wb.sheetnames), named))
        fill(ws, title, header, rows, flagged)
        contents.append((ws.title, kind, title))

    about = wb.active
    about.title = "About"
    for table in tables_:
        header, rows = with_basis(table)
        basis = table.basis_column() if table.basis_column() is not None else len(header) - 1
        flagged = table.assumed_rows | {n for n, row in enumerate(rows) if str(row[basis].value).startswith("Assumed")}
        add_sheet(table.title, "Table", with_unit(header, table.units), rows, flagged)
        note = next((i for i, h in enumerate(header) if "rationale" in h.lower() or h.lower() == "note"), None)
        assumptions += [[table.title, rows[n][0].text, rows[n][basis].text,
                         reason(rows[n][0].text, rows[n][note].text if note else "", pack.reasons)]
                        for n in sorted(flagged)]
    for chart in charts_:
        title, header, rows = chart_table(chart)
        add_sheet(title, "Chart", header, rows, {n for n, row in enumerate(rows) if row[-1].value == "Assumed"})

    legend = [[Cell(label, label), Cell(meaning, meaning)] for label, meaning in BASIS_LEGEND]
    sources = [[Cell(str(n), n, "0"), Cell(line, line)] for n, line in enumerate(pack.sources, 1)] or [
        [Cell("", None), Cell(NO_SOURCES, NO_SOURCES)]]
    ws = wb.create_sheet(SOURCES_SHEET)
    fill(ws, "Basis labels and sources", ["Basis", "What it means"], legend, set())
    ws.append([])
    ws.append(["#", "Source"])
    for target in ws[ws.max_row]:
        target.font = font(bold=True)
    for row in sources:
        ws.append([c.value for c in row])
        ws[ws.max_row][0].font = ws[ws.max_row][1].font = font()
        ws[ws.max_row][1].alignment = wrap
    contents.append((ws.title, "Legend", "Basis labels and the sources they cite"))
    ws = wb.create_sheet(ASSUMPTIONS_SHEET)
    unique = [[Cell(text, text) for text in row] for row in dict.fromkeys(map(tuple, assumptions))]
    fill(ws, "Assumed rows and why", ["Table", "Row", "Basis", "Rationale"], unique, set())
    contents.append((ws.title, "List", "Every assumed row and the analyst's reason"))

    lines = [f"Values in {pack.unit} unless a column says otherwise. Rendered {pack.rendered}.",
             "Table sheets: the model's full values, formatted to show the digits the report prints "
             "(the cell holds every digit; the CSVs in data/ hold the same values).",
             "Chart sheets hold the values each chart draws, unrounded; shares are fractions shown as percentages.",
             "Rows marked Assumed (shaded, italic) rest on figures the analyst filled in, not taken from a source.", ""]
    about.append([pack.market])
    about["A1"].font = font(bold=True, size=sheet_layout.TITLE_SIZE + 1, **heading)
    for line in lines:
        about.append([line])
        about.cell(about.max_row, 1).font = font()
    about.append(["Sheet", "Kind", "What it holds"])
    for target in about[about.max_row]:
        target.font = font(bold=True)
    first = about.max_row + 1
    for name, kind, title in contents:
        about.append([name, kind, title])
        link = about.cell(about.max_row, 1)
        link.hyperlink = Hyperlink(ref=link.coordinate, location=f"'{name}'!A1", display=name)  # inside the book
        link.font = font(color="0563C1", underline="single")
        about.cell(about.max_row, 2).font = about.cell(about.max_row, 3).font = font()
    widths = sheet_layout.column_widths([[c[0] for c in contents], [c[1] for c in contents], [c[2] for c in contents]],
                                        ["Sheet", "Kind", "What it holds"])
    for col, width in zip("ABC", widths, strict=True):
        about.column_dimensions[col].width = width
    for row in about.iter_rows(min_row=first, min_col=3, max_col=3):
        row[0].alignment = wrap
    sheet_layout.print_setup(about, pack.market, f"{first - 1}:{first - 1}", sum(widths))
    formula_text.defuse(wb)
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic.replacing(path) as partial:  # never a half-written workbook under the final name
        wb.save(partial)
        fix_zip_times(partial)  # openpyxl stamps the clock time; the same inputs must give the same bytes
    return path
