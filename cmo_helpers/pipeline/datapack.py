"""The report's figures as data: every table and chart series from the executed notebooks, as a workbook and CSVs.

Read from the notebooks' outputs, so the data pack always holds exactly the tables and charts the
report shows, whatever builds them. Each table output carries its numbers in its metadata (`KEY`,
written by `tables.Table`), so cells hold the model's full values, with a number format that prints
the digits the report shows; chart series are the drawn values, unrounded.
"""
from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..core import atomic, formula_text
from ..core.brand import DEFAULT, Brand
from ..core.formatting import at_tie, long_date, source_line, unit_label
from ..core.reproducible import fix_zip_times
from ..report import chart_images, notebook_outputs
from . import sheet_layout

if TYPE_CHECKING:
    import datetime as dt

    from ..inputs.market_file import Params

DASH = "\u2013"
KEY = "cmo-table"  # output metadata written by tables.Table (the report layer); the pipeline reads it by name
# A figure as the report prints it: sign, digits with separators, decimals, a unit mark, a figure in brackets,
# then a citation or a label, e.g. '1,042.3', '+78.8', '-0.4%', '+1.2 pp', '3.7\u00d7', '21.10 (2030)',
# '+16.0 (+2.1%)', '14.6% (assumed)', '313.0 (model)', '185.5 [1]'.
_FIGURE = re.compile(r"^(?P<sign>[+-])?(?P<digits>\d[\d,]*)(?:\.(?P<dec>\d+))?(?P<mark>%| pp|\u00d7)?"
                     r"(?P<extra> \([+-]?\d[\d,]*(?:\.\d+)?%?\))?(?P<note>(?: \[\d+\])+| \([a-z][a-z ]{0,30}\))?$")
_UNIT_NOTE = re.compile(r"\s*\([^)]*\)$")  # 'Europe (assumed)', 'North America (growth assumed)'
CHART = "Chart: "  # how a chart sheet's title opens
NO_SOURCES = "Analyst assumptions only: no published source is cited."
ASSUMED_FILL = "FFF4E0"  # the report's shading for assumed rows


@dataclass
class Cell:
    """One table cell: the value for a spreadsheet, its number format, and what the report printed."""

    text: str
    value: float | int | str | None
    number_format: str = "General"
    note: str = ""

    @property
    def numeric(self) -> bool:
        return isinstance(self.value, (int, float))


def _number_format(m: re.Match) -> str:
    """The Excel format that prints a value as the report did: decimals, separators, sign, %, pp, \u00d7, brackets."""
    decimals = len(m["dec"] or "")
    body = "#,##0" if "," in m["digits"] or (m["mark"] is None and len(m["digits"]) < 4) else "0"
    body += "." + "0" * decimals if decimals else ""
    body += {"%": "%", " pp": '" pp"', "\u00d7": '"\u00d7"'}.get(m["mark"] or "", "")
    body += f'"{m["extra"]}"' if m["extra"] else ""
    return f"+{body};-{body};{m['sign']}{body}" if m["sign"] else body


def cell(value: float | str | None, text: str, column: str = "") -> Cell:
    """A table cell: the model's full value with a format that shows the report's digits; words stay words."""
    text = " ".join(text.split())
    if value is None or isinstance(value, str):
        if text in (DASH, "-", ""):
            return Cell(text, None)
        if column == "Year" and text.isdigit():
            return Cell(text, int(text), "0")
        return Cell(text, text)
    m = _FIGURE.match(text)
    if not m:
        return Cell(text, text)  # the report prints no figure here, so the pack shows its words
    held = value * 100 if m["mark"] == " pp" else value
    note = (m["note"] or "").strip()
    # at a tie spreadsheets round each their own way, so the format prints the report's figure as fixed text (in every
    # section, so a negative value gets no second minus)
    fixed = '"' + text.removesuffix(note).rstrip() + '"'
    tie = at_tie(value, len(m["dec"] or ""), 100 if m["mark"] in ("%", " pp") else 1)
    # a small value the report shows as zero would print as '-0.0' in a spreadsheet: the report's text again
    zero = value != 0 and not any(ch in "123456789" for ch in m["digits"] + (m["dec"] or ""))
    number_format = ";".join([fixed] * 3) if tie or zero else _number_format(m)
    return Cell(text, held, number_format, note)


@dataclass
class Table:
    """A table as the report shows it, with where it came from."""

    title: str
    section: str
    header: list[str]
    rows: list[list[Cell]]
    assumed_rows: set[int] = field(default_factory=set)
    units: dict[str, str] = field(default_factory=dict)  # column -> unit of its numbers

    def basis_column(self) -> int | None:
        return next((i for i, h in enumerate(self.header) if h.lower().startswith("basis")), None)


def from_metadata(meta: dict, section: str) -> Table:
    """A table from the metadata its notebook output carries (`tables.Table.metadata`)."""
    columns = [" ".join(c.split()) for c in meta["columns"]]
    rows = [[cell(v, t, c) for v, t, c in zip(values, texts, columns, strict=True)]
            for values, texts in zip(meta["rows"], meta["texts"], strict=True)]
    assumed = {n for n, kind in enumerate(meta["kinds"]) if kind == "assumed"}
    units = {" ".join(c.split()): u for c, u in meta["units"].items()}
    return Table(" ".join(meta["caption"].split()), section, columns, rows, assumed, units)


def tables(notebooks: Iterable[Path]) -> list[Table]:
    """Every table the report shows, in reading order."""
    return [from_metadata(output["metadata"][KEY], path.stem)
            for path, output in notebook_outputs.tagged(notebooks, KEY)]


def charts(notebooks: Iterable[Path]) -> list[dict]:
    """Each chart's name, caption and series (from its image output's metadata), in reading order."""
    return [o["metadata"][chart_images.KEY] for o in chart_images.chart_outputs(notebooks)
            if "data" in o["metadata"][chart_images.KEY]]


def with_basis(table: Table) -> tuple[list[str], list[list[Cell]]]:
    """Header and rows with a Basis column: the table's own, or one read from its citations, labels and row kinds."""
    if table.basis_column() is not None:
        return table.header, table.rows
    rows = []
    for n, row in enumerate(table.rows):
        cited = sorted({c.note for c in row if c.note.startswith("[")})
        assumed = n in table.assumed_rows or any(c.note == "(assumed)" or "(assumed)" in str(c.value) for c in row)
        basis = "Assumed" if assumed else f"Sourced {' '.join(cited)}" if cited else "Modelled"
        rows.append([*row, Cell(basis, basis)])
    return [*table.header, "Basis"], rows


def with_unit(header: list[str], units: dict[str, str]) -> list[str]:
    """Columns of money name their unit in the header (the unit the table gives), as the report's captions do."""
    return [f"{name} ({units[name]})" if units.get(name) and units[name] not in name else name for name in header]


def short_title(title: str, market: str) -> str:
    """A table's title without the market name it opens with: 'Size by year'."""
    rest = title[len(market):].lstrip(" :\u00b7") if market and title.startswith(market) else title
    return (rest[:1].upper() + rest[1:]) if rest else title


def write_csvs(tables_: list[Table], folder: Path, market: str = "") -> list[Path]:
    """One CSV per table (full values, unformatted; a Basis column), numbered in reading order."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for n, table in enumerate(tables_, 1):
        header, rows = with_basis(table)
        path = folder / f"{n:02d}-{chart_images.slug(short_title(table.title, market))}.csv"
        with path.open("w", newline="", encoding="utf-8") as fh:
            out = csv.writer(fh)
            out.writerow([formula_text.csv_value(name) for name in with_unit(header, table.units)])
            out.writerows([["" if c.value is None else formula_text.csv_value(c.value) for c in row] for row in rows])
        written.append(path)
    return written


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


def assumption_reasons(p: Params, overlays: dict) -> dict[str, str]:
    """Each assumed item's and scenario's rationale by the name its table rows carry."""
    found = {o.title: o.rationale for o in overlays.values()}
    for b in p.breakdowns:
        for item in b.items:
            why = item.rationale or next((f.rationale for f in (item.share, item.value, item.cagr)
                                          if getattr(f, "rationale", None)), None)
            if why:
                found[item.name] = why
    return found


def _value_format(values: list[float]) -> str:
    """Chart values are unrounded: show them with decimals that suit their size."""
    largest = max((abs(v) for v in values), default=0.0)
    return "#,##0.000" if largest < 1 else "#,##0.00" if largest < 10 else "#,##0" if largest >= 100_000 else "#,##0.0"


def chart_table(chart: dict) -> tuple[str, list[str], list[list[Cell]]]:
    """A chart's series as a table: shares held as fractions with a percent format, values with their unit."""
    data = chart["data"]
    keep = [i for i, h in enumerate(data["columns"])  # where bars start only matters for stacked or offset bars
            if h not in ("Starts at", "Ends at") or any(row[3] for row in data["rows"])]
    unit = data["unit"] or ""
    share = unit.endswith("(%)")  # 'Share of market, 2024 (%)': drawn as 62, held as 0.62
    named = unit.removesuffix(" (%)").lower() if share else unit
    header = [f"{h} ({named})" if h in ("Value", "Starts at", "Ends at") and named else h
              for h in (data["columns"][i] for i in keep)]
    scale = 100 if share else 1
    number_format = "0.0%" if share else _value_format([row[i] for row in data["rows"] for i in keep
                                                        if isinstance(row[i], float)])
    rows = [[Cell(f"{v / scale:,.3f}", v / scale, number_format) if isinstance(v, float)
             else Cell("" if v is None else str(v), v, "0" if isinstance(v, int) else "General")
             for v in (row[i] for i in keep)] for row in data["rows"]]
    return CHART + (data.get("title") or chart["name"]), header, rows


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


def file_name(p: Params) -> str:
    return f"{p.market.slug}-data.xlsx"


def write(notebooks: list[Path], folder: Path, p: Params, today: dt.date | None = None,
          reasons: dict[str, str] | None = None, brand: Brand = DEFAULT) -> Path:
    """The workbook beside the report and the same tables as CSVs in data/; returns the workbook."""
    import datetime as dt

    found = tables(notebooks)
    unit = unit_label(p.market)
    write_csvs(found, folder / "data", p.market.name)
    pack = Pack(p.market.name, unit, long_date(today or dt.date.today()), [source_line(s) for s in p.sources],
                reasons or {}, brand)
    return write_workbook(found, charts(notebooks), pack, folder / file_name(p))
