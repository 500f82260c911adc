"""The report's figures as data: every table and chart series from the executed notebooks, as a workbook and CSVs.

Read from the notebooks' outputs, so the data pack always holds exactly the tables and charts the
report shows, whatever builds them. Each table output carries its numbers in its metadata (`KEY`,
written by `tables.Table`), so cells hold the model's full values, with a number format that prints
the digits the report shows; chart series are the drawn values, unrounded.
"""
from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..core import atomic
from ..core.formatting import at_tie, long_date, source_line, unit_label
from ..core.reproducible import fix_zip_times
from ..report import chart_images, notebook_outputs

if TYPE_CHECKING:
    import datetime as dt

    from ..inputs.params import Params

DASH = "\u2013"
KEY = "cmo-table"  # output metadata written by tables.Table (the report layer); the pipeline reads it by name
# A figure as the report prints it: sign, digits with separators, decimals, a unit mark, a figure in brackets,
# then a citation or a label, e.g. '1,042.3', '+78.8', '-0.4%', '+1.2 pp', '3.7\u00d7', '21.10 (2030)',
# '+16.0 (+2.1%)', '14.6% (assumed)', '313.0 (model)', '185.5 [1]'.
_FIGURE = re.compile(r"^(?P<sign>[+-])?(?P<digits>\d[\d,]*)(?:\.(?P<dec>\d+))?(?P<mark>%| pp|\u00d7)?"
                     r"(?P<extra> \([+-]?\d[\d,]*(?:\.\d+)?%?\))?(?P<note>(?: \[\d+\])+| \([a-z][a-z ]{0,30}\))?$")
_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")
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


def _sheet_name(n: int, title: str, taken: set[str]) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\, unique."""
    name = f"{n:02d} " + " ".join(_SHEET_BAD.sub(" ", title).split())
    name = name[:31].strip()
    while name in taken:
        name = name[:28] + f" {len(taken) % 100:02d}"
    taken.add(name)
    return name


def write_csvs(tables_: list[Table], folder: Path, market: str = "") -> list[Path]:
    """One CSV per table (full values, unformatted; a Basis column), numbered in reading order."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for n, table in enumerate(tables_, 1):
        header, rows = with_basis(table)
        path = folder / f"{n:02d}-{chart_images.slug(short_title(table.title, market))}.csv"
        with path.open("w", newline="", encoding="utf-8") as fh:
            out = csv.writer(fh)
            out.writerow(with_unit(header, table.units))
            out.writerows([["" if c.value is None else c.value for c in row] for row in rows])
        written.append(path)
    return written


@dataclass
class Pack:
    """What goes into the workbook besides the tables and charts."""

    market: str
    unit: str
    rendered: str
    sources: list[str]


def write_workbook(tables_: list[Table], charts_: list[dict], pack: Pack, path: Path) -> Path:
    """The data pack: an About sheet, one sheet per table and per chart, then Sources and Assumptions."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    bold, italic = Font(bold=True), Font(italic=True)
    shade = PatternFill("solid", fgColor=ASSUMED_FILL)
    wb = Workbook()
    about = wb.active
    about.title = "About"
    for line in (pack.market, f"Values in {pack.unit} unless a column says otherwise. Rendered {pack.rendered}.",
                 "Table sheets: the model's full values, formatted to show the digits the report prints "
                 "(the cell holds every digit; the CSVs in data/ hold the same values).",
                 "Chart sheets hold the values each chart draws, unrounded.",
                 "Rows marked Assumed (shaded, italic) rest on figures the analyst filled in, not taken from a source.",
                 ""):
        about.append([line])
    about["A1"].font = Font(bold=True, size=13)
    about.append(["Sheet", "What it holds"])
    about[about.max_row][0].font = about[about.max_row][1].font = bold
    taken = {"About", "Sources", "Assumptions"}
    assumptions: list[list[str]] = []

    def add_sheet(title: str, header: list[str], rows: list[list], flagged: set[int]) -> None:
        ws = wb.create_sheet(_sheet_name(len(wb.sheetnames), short_title(title, pack.market), taken))
        ws.append([title])
        ws["A1"].font = bold
        ws.append(header)
        for cell in ws[2]:
            cell.font, cell.alignment = bold, Alignment(wrap_text=True, vertical="top")
        for n, row in enumerate(rows):
            ws.append([c.value if isinstance(c, Cell) else c for c in row])
            for target, c in zip(ws[ws.max_row], row, strict=True):
                if isinstance(c, Cell):
                    target.number_format = c.number_format
                elif isinstance(c, float):
                    target.number_format = "#,##0.0"
                if n in flagged:
                    target.font, target.fill = italic, shade
        ws.column_dimensions["A"].width = 40
        ws.freeze_panes = "A3"
        about.append([ws.title, title])

    for table in tables_:
        header, rows = with_basis(table)
        basis = table.basis_column() if table.basis_column() is not None else len(header) - 1
        flagged = table.assumed_rows | {n for n, row in enumerate(rows) if str(row[basis].value).startswith("Assumed")}
        add_sheet(table.title, with_unit(header, table.units), rows, flagged)
        note = next((i for i, h in enumerate(header) if "rationale" in h.lower() or h.lower() == "note"), None)
        assumptions += [[table.title, rows[n][0].text, rows[n][basis].text, rows[n][note].text if note else ""]
                        for n in sorted(flagged)]
    for chart in charts_:
        data = chart["data"]
        keep = [i for i, h in enumerate(data["columns"])  # where bars start only matters for stacked or offset bars
                if h not in ("Starts at", "Ends at") or any(row[3] for row in data["rows"])]
        header = [f"{h} ({data['unit']})" if h in ("Value", "Starts at", "Ends at") and data["unit"] else h
                  for h in (data["columns"][i] for i in keep)]
        rows = [[row[i] for i in keep] for row in data["rows"]]
        add_sheet(f"Chart {data.get('title') or chart['name']}", header, rows,
                  {n for n, row in enumerate(rows) if row[-1] == "Assumed"})

    ws = wb.create_sheet("Sources")
    ws.append(["#", "Source"])
    for n, line in enumerate(pack.sources, 1):
        ws.append([n, line])
    if not pack.sources:
        ws.append(["", "Analyst assumptions only: no published source is cited."])
    ws.column_dimensions["B"].width = 120
    ws = wb.create_sheet("Assumptions")
    ws.append(["Table", "Row", "Basis", "Rationale"])
    for row in dict.fromkeys(map(tuple, assumptions)):
        ws.append(list(row))
    for col, width in zip("ABCD", (40, 50, 16, 90), strict=True):
        ws.column_dimensions[col].width = width
    for sheet in (wb["Sources"], ws):
        for cell in sheet[1]:
            cell.font = bold
    about.column_dimensions["A"].width = 34
    about.column_dimensions["B"].width = 90
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic.replacing(path) as partial:  # never a half-written workbook under the final name
        wb.save(partial)
        fix_zip_times(partial)  # openpyxl stamps the clock time; the same inputs must give the same bytes
    return path


def file_name(p: Params) -> str:
    return f"{p.market.slug}-data.xlsx"


def write(notebooks: list[Path], folder: Path, p: Params, today: dt.date | None = None) -> Path:
    """The workbook beside the report and the same tables as CSVs in data/; returns the workbook."""
    import datetime as dt

    found = tables(notebooks)
    unit = unit_label(p.market)
    write_csvs(found, folder / "data", p.market.name)
    pack = Pack(p.market.name, unit, long_date(today or dt.date.today()), [source_line(s) for s in p.sources])
    return write_workbook(found, charts(notebooks), pack, folder / file_name(p))
