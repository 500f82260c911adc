"""The report's figures as data: every table and chart series from the executed notebooks, as a workbook and CSVs.

Read from the notebooks' outputs, so the data pack always holds exactly the tables and charts the
report shows, whatever builds them. Table figures are the shown (rounded) values, stored as numbers
with the report's number format; chart series are the drawn values, unrounded.
"""
from __future__ import annotations

import csv
import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

import nbformat

from . import chart_images
from .formatting import long_date, source_line, unit_label
from .reproducible import fix_zip_times

if TYPE_CHECKING:
    import datetime as dt

    from .params import Params

DASH = "\u2013"
# A figure as the report prints it: sign, digits with separators, decimals, a unit mark, then a citation or
# a label in brackets, e.g. '1,042.3', '+78.8', '\u22120.4%', '+1.2 pp', '3.7\u00d7', '14.6% (assumed)',
# '313.0 (model)', '185.5 [1]'.
_FIGURE = re.compile(r"^(?P<sign>[+\-\u2212])?(?P<digits>\d[\d,]*)(?:\.(?P<dec>\d+))?(?P<mark>%| pp|\u00d7)?"
                     r"(?P<note>(?: \[\d+\])+| \([a-z][a-z ]{0,30}\))?$")
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


def parse(text: str) -> Cell:
    """A shown figure back to a number with the matching Excel format; words stay words."""
    text = " ".join(text.split())
    if text in (DASH, "-", ""):
        return Cell(text, None)
    m = _FIGURE.match(text)
    if not m:
        return Cell(text, text)
    decimals = len(m["dec"] or "")
    value = float(f"{m['digits'].replace(',', '')}.{m['dec'] or '0'}")
    value = -value if m["sign"] in ("-", "\u2212") else value
    note = (m["note"] or "").strip()
    if m["mark"] is None and decimals == 0 and "," not in m["digits"] and not m["sign"] and 1800 <= value <= 2300:
        return Cell(text, int(value), "0", note)  # a year
    body = "0" + ("." + "0" * decimals if decimals else "")
    if m["mark"] == "%":
        value, body = value / 100, body + "%"
    elif m["mark"] == " pp":
        body += '" pp"'
    elif m["mark"] == "\u00d7":
        body += '"\u00d7"'
    else:
        body = "#,##" + body
    fmt = f"+{body};-{body};{body}" if m["sign"] else body
    return Cell(text, round(value, decimals + (2 if m["mark"] == "%" else 0)), fmt, note)


@dataclass
class Table:
    """A table as the report shows it, with where it came from."""

    title: str
    section: str
    header: list[str]
    rows: list[list[Cell]]
    assumed_rows: set[int] = field(default_factory=set)

    def basis_column(self) -> int | None:
        return next((i for i, h in enumerate(self.header) if h.lower().startswith("basis")), None)


class _StylerTables(HTMLParser):
    """The house-style (pandas Styler) tables of one HTML output: caption, header row, body cells."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[dict] = []
        self._cell: list[str] | None = None
        self._in_caption = False

    def handle_starttag(self, tag, attrs):
        if tag == "table" and "cmo-table" in (dict(attrs).get("class") or ""):
            self.tables.append({"caption": "", "header": [], "rows": [], "ids": []})
        elif not self.tables:
            return
        elif tag == "caption":
            self._in_caption = True
        elif tag == "tr":
            self.tables[-1]["rows"].append([])
            self.tables[-1]["ids"].append([])
        elif tag in ("th", "td"):
            self._cell = []
            self.tables[-1]["ids"][-1].append(dict(attrs).get("id") or "")

    def handle_endtag(self, tag):
        if not self.tables:
            return
        if tag == "caption":
            self._in_caption = False
        elif tag in ("th", "td") and self._cell is not None:
            self.tables[-1]["rows"][-1].append(("".join(self._cell), tag))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)
        elif self._in_caption:
            self.tables[-1]["caption"] += data


def _assumed_ids(fragment: str) -> set[str]:
    """Cell ids the Styler shades as assumed (rules that set the assumed background); linear in the input."""
    found: set[str] = set()
    for style in re.findall(r"<style[^>]*>(.*?)</style>", fragment, re.S):
        for rule in style.split("}"):
            selectors, _, body = rule.partition("{")
            # assumed rows are shaded and italic; warning rows share the colour but not the italics
            if ASSUMED_FILL.lower() in body.lower() and "italic" in body:
                found.update(re.findall(r"#([\w-]+)", selectors))
    return found


def _styler_tables(fragment: str, section: str) -> Iterator[Table]:
    parser = _StylerTables()
    parser.feed(fragment)
    shaded = _assumed_ids(fragment)
    for t in parser.tables:
        header = [" ".join(text.split()) for text, tag in t["rows"][0]] if t["rows"] else []
        body = [(row, ids) for row, ids in zip(t["rows"][1:], t["ids"][1:], strict=True) if row]
        rows = [[parse(text) for text, _ in row] for row, _ in body]
        assumed = {n for n, (_, ids) in enumerate(body) if any(i in shaded for i in ids)}
        yield Table(" ".join(t["caption"].split()), section, header, rows, assumed)


def _unescape_md(text: str) -> str:
    return html.unescape(re.sub(r"\\(.)", r"\1", text)).strip()


def _markdown_tables(text: str, section: str) -> Iterator[Table]:
    """Pipe tables in a Markdown output, titled by the heading above each."""
    title, lines = section, text.splitlines()
    n = 0
    while n < len(lines):
        line = lines[n].strip()
        if line.startswith("#"):
            title = _unescape_md(line.lstrip("#"))
        if line.startswith("|") and n + 1 < len(lines) and re.match(r"^\|[\s:|-]+\|$", lines[n + 1].strip()):
            header = _pipe_cells(line)
            rows = []
            n += 2
            while n < len(lines) and lines[n].strip().startswith("|"):
                rows.append([parse(c) for c in _pipe_cells(lines[n].strip())])
                n += 1
            yield Table(title, section, header, rows)
            continue
        n += 1


def _pipe_cells(line: str) -> list[str]:
    return [_unescape_md(c) for c in re.split(r"(?<!\\)\|", line.strip().strip("|"))]


def tables(notebooks: Iterable[Path]) -> list[Table]:
    """Every table the report shows, in reading order."""
    found: list[Table] = []
    for path in notebooks:
        for cell in nbformat.read(path, as_version=4).cells:
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                if "<table" in data.get("text/html", ""):
                    found.extend(_styler_tables(data["text/html"], path.stem))
                elif "|" in data.get("text/markdown", ""):
                    found.extend(_markdown_tables(data["text/markdown"], path.stem))
    return found


def charts(notebooks: Iterable[Path]) -> list[dict]:
    """Each chart's name, caption and series (from its image output's metadata), in reading order."""
    return [o["metadata"][chart_images.KEY] for o in chart_images.chart_outputs(notebooks)
            if "data" in o["metadata"][chart_images.KEY]]


def with_basis(table: Table) -> tuple[list[str], list[list[Cell]]]:
    """Header and rows with a Basis column: the table's own, or one read from its labels and shading."""
    if table.basis_column() is not None:
        return table.header, table.rows
    rows = []
    for n, row in enumerate(table.rows):
        cited = sorted({c.note for c in row if c.note.startswith("[")})
        assumed = n in table.assumed_rows or any(c.note == "(assumed)" or "(assumed)" in str(c.value) for c in row)
        basis = "Assumed" if assumed else f"Sourced {' '.join(cited)}" if cited else "Modelled"
        rows.append([*row, Cell(basis, basis)])
    return [*table.header, "Basis"], rows


def with_unit(header: list[str], rows: list[list[Cell]], unit: str) -> list[str]:
    """Money columns name their unit in the header, as the report's captions do."""
    out = []
    for i, name in enumerate(header):
        formats = {r[i].number_format for r in rows if i < len(r) and r[i].numeric}
        money = formats and all("#,##" in f for f in formats)
        out.append(f"{name} ({unit})" if money and unit and unit not in name else name)
    return out


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


def write_csvs(tables_: list[Table], folder: Path, unit: str, market: str = "") -> list[Path]:
    """One CSV per table (numbers unformatted, a Basis column), numbered in reading order."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for n, table in enumerate(tables_, 1):
        header, rows = with_basis(table)
        path = folder / f"{n:02d}-{chart_images.slug(short_title(table.title, market))}.csv"
        with path.open("w", newline="", encoding="utf-8") as fh:
            out = csv.writer(fh)
            out.writerow(with_unit(header, rows, unit))
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
                 "Table sheets: the figures as the report shows them (rounded), as numbers in the report's formats.",
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
        add_sheet(table.title, with_unit(header, rows, pack.unit), rows, flagged)
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
    partial = path.with_name(path.name + ".part")
    wb.save(partial)
    fix_zip_times(partial)  # openpyxl stamps the clock time; the same inputs must give the same bytes
    partial.replace(path)  # never a half-written workbook under the final name
    return path


def file_name(p: Params) -> str:
    return f"{p.market.slug}-data.xlsx"


def write(notebooks: list[Path], folder: Path, p: Params, today: dt.date | None = None) -> Path:
    """The workbook beside the report and the same tables as CSVs in data/; returns the workbook."""
    import datetime as dt

    found = tables(notebooks)
    unit = unit_label(p.market)
    write_csvs(found, folder / "data", unit, p.market.name)
    pack = Pack(p.market.name, unit, long_date(today or dt.date.today()), [source_line(s) for s in p.sources])
    return write_workbook(found, charts(notebooks), pack, folder / file_name(p))
