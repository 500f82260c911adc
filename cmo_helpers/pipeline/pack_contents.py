"""What the data pack holds, read back from the executed notebooks: each table's cells and each chart's series.

Each table output carries its numbers in its metadata (`KEY`, written by `report.house_table.Table`), so
cells hold the model's full values, with a number format that prints the digits the report shows;
chart series are the drawn values, unrounded.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..core.formatting import DASH, at_tie
from ..report import chart_images, notebook_outputs

KEY = "cmo-table"  # output metadata written by house_table.Table (the report layer); the pipeline reads it by name
# A figure as the report prints it: sign, digits with separators, decimals, a unit mark, a figure in brackets,
# then a citation or a label, e.g. '1,042.3', '+78.8', '-0.4%', '+1.2 pp', '3.7\u00d7', '21.10 (2030)',
# '+16.0 (+2.1%)', '14.6% (assumed)', '313.0 (model)', '185.5 [1]'.
_FIGURE = re.compile(r"^(?P<sign>[+-])?(?P<digits>\d[\d,]*)(?:\.(?P<dec>\d+))?(?P<mark>%| pp|\u00d7)?"
                     r"(?P<extra> \([+-]?\d[\d,]*(?:\.\d+)?%?\))?(?P<note>(?: \[\d+\])+| \([a-z][a-z ]{0,30}\))?$")
CHART = "Chart: "  # how a chart sheet's title opens


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
