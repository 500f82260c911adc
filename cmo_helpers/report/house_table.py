"""The house table: cells that keep their numbers beside the text the report shows, styled rows, data-pack metadata."""
from __future__ import annotations

import hashlib
import html
import math
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from pandas.io.formats.style import Styler

from ..core.formatting import DASH, number, pct

ASSUMED_STYLE = "background-color: #fff4e0; font-style: italic;"
REST_STYLE = "color: #6b6b6b; background-color: #f1f1f1;"
ROW_STYLES = {"assumed": ASSUMED_STYLE, "rest": REST_STYLE, "error": "background-color: #fdecea; font-weight: bold;",
              "warning": "background-color: #fff4e0;"}
KEY = "cmo-table"  # output metadata: caption, columns, values, shown texts, row kinds and units, for the data pack
TABLE_STYLES = [
    {"selector": "", "props": "border-collapse: collapse; font-size: 0.9em; margin: 0.4em 0 1em 0;"},
    {"selector": "caption", "props": "caption-side: top; text-align: left; font-weight: bold; padding: 0 0 0.3em 0;"},
    {"selector": "th", "props": "text-align: left; border-bottom: 1.5px solid #1f3b57; padding: 3px 8px;"},
    {"selector": "td", "props": "padding: 3px 8px; border-bottom: 1px solid #dde3ea;"},
]


@dataclass
class Cell:
    """A number (or text) and how the report shows it: '95.81', '5.98% [1]', an en dash."""

    value: Any
    text: str

    def __str__(self) -> str:
        return self.text


def num(value: float | None, decimals: int = 1) -> Cell:
    return Cell(value, number(value, decimals))


def rate(value: float | None, decimals: int = 1) -> Cell:
    return Cell(value, pct(value, decimals))


@dataclass
class Table:
    """Rows of cells with a caption and row kinds; renders as a house-style table, exports as numbers."""

    caption: str
    rows: list[dict[str, Cell | str]]
    kinds: list[str] = field(default_factory=list)  # per row: a key of ROW_STYLES, or ""
    units: dict[str, str] = field(default_factory=dict)  # column -> unit of its numbers, for data export

    @property
    def columns(self) -> list[str]:
        return list(dict.fromkeys(c for row in self.rows for c in row))

    def data(self) -> pd.DataFrame:
        """The numbers behind the table: floats for figures, text for words."""
        return pd.DataFrame([{c: (v.value if isinstance(v, Cell) else v) for c, v in row.items()} for row in self.rows],
                            columns=self.columns)

    def shown(self) -> pd.DataFrame:
        """The table as a reader sees it, every cell as text."""
        return pd.DataFrame([{c: str(row.get(c, DASH)) for c in self.columns} for row in self.rows],
                            columns=self.columns)

    def numeric(self) -> list[str]:
        """Columns of figures, right-aligned; known from the cells, not parsed back from text."""
        return [c for c in self.columns if any(isinstance(row.get(c), Cell) for row in self.rows)]

    def styler(self) -> Styler:
        frame = self.shown()
        kinds = self.kinds or [""] * len(frame)
        digest = hashlib.sha1((self.caption + frame.to_csv()).encode()).hexdigest()[:10]
        styler = (frame.style.hide(axis="index").set_uuid(digest).set_table_attributes('class="cmo-table"')
                  .set_table_styles(TABLE_STYLES).set_caption(html.escape(self.caption))
                  .format(escape="html").format_index(escape="html", axis=1))
        numeric = self.numeric()
        words = [c for c in self.columns if c not in numeric]
        if numeric:
            styler = styler.set_properties(subset=numeric, **{"text-align": "right"})
        if words:
            styler = styler.set_properties(subset=words, **{"text-align": "left"})
        return styler.apply(lambda row: [ROW_STYLES.get(kinds[row.name], "")] * len(row), axis=1)

    def _repr_html_(self) -> str:
        return self.styler().to_html()

    def metadata(self) -> dict:
        """The numbers behind the table as plain JSON, so the data pack holds full values beside the shown text."""
        return {"caption": self.caption, "columns": self.columns,
                "rows": [[_json_value(v) for v in row] for row in self.data().itertuples(index=False)],
                "texts": self.shown().values.tolist(), "kinds": self.kinds or [""] * len(self.rows),
                "units": self.units}

    def _repr_mimebundle_(self, include=None, exclude=None) -> tuple[dict, dict]:
        """The house-style HTML, with the numbers in the output's metadata (as charts carry their series)."""
        return {"text/html": self._repr_html_()}, {KEY: self.metadata()}


def _json_value(value: Any) -> float | str | None:
    """A cell's value as JSON keeps it: numbers (numpy's too) as floats, a missing or non-finite number as null."""
    if isinstance(value, str) or value is None:
        return value
    as_float = float(value)
    return as_float if math.isfinite(as_float) else None
