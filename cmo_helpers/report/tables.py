"""Report tables: numbers kept as numbers for data export, shown with the same rules as the text."""
from __future__ import annotations

import hashlib
import html
import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pandas as pd
from pandas.io.formats.style import Styler

from ..core.escape import isolated
from ..core.formatting import (
    DASH,
    figure,
    figure_pct,
    number,
    pct,
    rate_decimals,
    share_decimals,
    signed,
    unit_label,
    value_decimals,
    year_label,
)
from ..model import breakdowns as bd
from ..model import forecast, volume
from ..model.provenance import (
    ASSUMED,
    MODELLED,
    MODELLED_ASSUMED,
    basis_label,
    cite,
    path_assumed,
    quoted_years,
    series_label,
    suffix,
)

if TYPE_CHECKING:
    from ..inputs.breakdown_items import Breakdown
    from ..inputs.market_file import Params

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


def _year_basis(p: Params, year: int) -> str:
    """Which yearly totals are quoted from a source and which the model computes."""
    quoted = quoted_years(p).get(year)
    if quoted is not None:
        return basis_label(p, quoted)
    return MODELLED_ASSUMED if path_assumed(p) else MODELLED


def _total_cell(p: Params, year: int, value: float) -> Cell:
    """A year's total, with the source's digits when the source states it."""
    quoted = quoted_years(p).get(year)
    return Cell(value, figure(quoted) if quoted is not None else number(value, value_decimals(p)))


def size_table(p: Params) -> Table:
    """Yearly market size with change, growth and where each figure comes from."""
    g = forecast.growth_table(p)
    unit = unit_label(p.market)
    rows, kinds, d = [], [], value_decimals(p)
    for year, r in g.iterrows():
        basis = _year_basis(p, year)
        rows.append({"Year": str(year), f"Market size ({unit})": _total_cell(p, year, r["total"]),
                     "Change": Cell(r["change"], signed(r["change"], d)), "Growth": rate(r["yoy"], rate_decimals(p)),
                     "Basis": basis})
        kinds.append("assumed" if basis in (ASSUMED, MODELLED_ASSUMED) else "")
    return Table(f"{p.market.name}: size by year", rows, kinds, {f"Market size ({unit})": unit, "Change": unit})


def volume_table(p: Params) -> Table | None:
    """The second series in its own unit, year by year; None when the source gives none."""
    v = p.volume
    if v is None:
        return None
    path, stated = volume.series(v), {v.base.year: v.base, v.end.year: v.end}
    rows, kinds = [], []
    for year, value in path.items():
        fig = stated.get(year)
        shown = figure(fig) if fig else number(value, volume.decimals(v))
        modelled = MODELLED_ASSUMED if v.base.assumed or v.end.assumed else MODELLED
        rows.append({"Year": str(year), f"Volume ({v.unit})": Cell(value, shown),
                     "Basis": basis_label(p, fig) if fig else modelled})
        kinds.append("assumed" if (fig or v.base).assumed else "")
    return Table(f"{p.market.name}: volume by year ({v.unit}), a series of its own", rows, kinds,
                 {f"Volume ({v.unit})": v.unit})


def stated_totals_table(p: Params) -> Table | None:
    """Every market total the source states, beside the two growth paths; None with no totals beyond base and end.

    A total without a year is listed as stated and set against no path, since no year's total matches it.
    """
    if not p.totals:
        return None
    rates = forecast.path_rates(p)
    names = {"implied": "Endpoint path", "stated": "Stated-CAGR path"}
    rows, kinds = [], []
    undated = [t for t in p.totals if not t.dated]
    for year, fig in [*forecast.stated_totals(p).items(), *((None, t) for t in undated)]:
        row: dict[str, Cell | str] = {"Year": year_label(year), "Stated": Cell(fig.value, figure(fig))}
        for k, r in rates.items():
            row[names[k]] = num(forecast.total_on(p, r, year), value_decimals(p)) if year else Cell(None, DASH)
        row["Basis"] = basis_label(p, fig)
        rows.append(row)
        kinds.append("assumed" if fig.assumed else "")
    unit = unit_label(p.market)
    return Table(f"Market totals the source states, against both growth paths ({unit})", rows, kinds,
                 {c: unit for c in ("Stated", *names.values())})


def cagr_period(cagr) -> str:
    """The years a stated rate covers, or that the source gave none."""
    if cagr.from_year and cagr.to_year:
        return f"{cagr.from_year}\u2013{cagr.to_year}"
    return f"to {cagr.to_year}" if cagr.to_year else "period not stated"


def cagr_table(p: Params) -> Table:
    """Stated and endpoint-implied CAGR side by side, with the end value each gives."""
    comp = forecast.cagr_comparison(p)
    s = p.size
    implied = comp.loc["endpoint-implied"]
    rows = [{
        "Measure": f"Implied by endpoints ({s.base.year}\u2013{s.end.year}, n = {s.years})",
        "CAGR": rate(implied["rate"], 2),
        f"{s.end.year} value": Cell(implied["end_value"], figure(s.end)),
        "Role": "drives the series" if implied["anchor"] else "shown for comparison",
        "Basis": f"Computed from {figure(s.base)} and {figure(s.end)}",
    }]
    kinds = ["assumed" if s.base.assumed or s.end.assumed else ""]
    if s.cagr is not None:
        stated = comp.loc["stated"]
        rows.append({
            "Measure": f"{'Assumed' if s.cagr.assumed else 'Stated'} ({cagr_period(s.cagr)})",
            "CAGR": Cell(s.cagr.rate, figure_pct(s.cagr, decimals=2)),
            f"{s.end.year} value": num(stated["end_value"], value_decimals(p)),
            "Role": "drives the series" if stated["anchor"] else "shown as stated",
            "Basis": basis_label(p, s.cagr),
        })
        kinds.append("assumed" if s.cagr.assumed else "")
    for other in s.other_cagrs:
        rows.append({"Measure": f"{'Assumed' if other.assumed else 'Stated'} ({cagr_period(other)})",
                     "CAGR": Cell(other.rate, figure_pct(other)), f"{s.end.year} value": Cell(None, DASH),
                     "Role": "another period or basis: shown as stated, not used", "Basis": basis_label(p, other)})
        kinds.append("assumed" if other.assumed else "")
    return Table(f"Compound annual growth ({unit_label(p.market)})", rows, kinds,
                 {f"{s.end.year} value": unit_label(p.market)})


def paths_table(p: Params) -> Table:
    """Year by year: the series used, its growth, and how far the alternative path drifts from it."""
    g = forecast.growth_table(p)
    other, label, _rate = forecast.alternative_path(p)
    rows, d = [], value_decimals(p)
    for year, r in g.iterrows():
        row: dict[str, Cell | str] = {"Year": str(year), "Series used": _total_cell(p, year, r["total"]),
                                      "Growth": rate(r["yoy"], rate_decimals(p))}
        if other is not None:
            row[f"{label} path"] = num(other[year], d)
            row["Gap"] = Cell(other[year] - r["total"], signed(other[year] - r["total"], d))
        rows.append(row)
    unit = unit_label(p.market)
    return Table(f"Growth path by year ({unit})", rows, units={c: unit for c in rows[0] if c not in ("Year", "Growth")})


def _claims(p: Params, item) -> str:
    return "; ".join(f"{c.claim} {cite(p, c.source)}" for c in item.claims) or DASH


def breakdown_table(p: Params, b: Breakdown) -> Table:
    """Each item as the source gives it (share, value, growth, end value, claims), then what is not itemised."""
    rows, kinds = [], []
    cagrs = bd.modelled_cagrs(p, b)
    for item in b.items:
        year = bd.item_year(p, b, item)
        first = bd.start(p, b, item)
        row: dict[str, Cell | str] = {b.label: item.name + suffix(item)}
        row["Year"] = year_label(year) if item.share is not None or item.value is not None else DASH
        row["Share"] = Cell(item.share, figure_pct(item, "share")) if item.share is not None else Cell(None, DASH)
        if item.value is not None:
            row["Value"] = Cell(item.value, figure(item))
        elif first is not None:
            row["Value"] = Cell(first.value, number(first.value, value_decimals(p)) + " (model)")
        else:
            row["Value"] = Cell(None, DASH)
        row["Own CAGR"] = (Cell(item.cagr.rate, figure_pct(item.cagr)
                                + (" (assumed)" if item.cagr.assumed else f" {cite(p, item.cagr.source)}"))
                           if item.cagr is not None else Cell(None, DASH))
        row["End value"] = (Cell(item.end.value, f"{figure(item.end)} ({item.end.year})") if item.end is not None
                            else Cell(None, DASH))
        row[f"Modelled CAGR {p.size.base.year}\u2013{p.size.end.year}"] = (
            rate(cagrs[item.name], rate_decimals(p)) if item.name in cagrs.index else Cell(None, "no value given"))
        row["Claims"] = _claims(p, item)
        row["Within"] = item.parent or DASH
        row["Basis"] = basis_label(p, item)
        rows.append(row)
        kinds.append("assumed" if item.assumed else "")
    left = 1 - bd.itemised_share(p, b)
    shared = [i for i in b.items if i.share is not None]
    if bd.placed(p, b) and bd.one_year(p, b) and not bd.complete(p, b) and left > 0:
        year = bd.item_year(p, b, bd.placed(p, b)[0])
        rows.append({b.label: bd.REST, "Year": str(year), "Share": rate(left, share_decimals(bd.placed(p, b))),
                     "Value": num(left * forecast.total_at(p, year), value_decimals(p)),
                     "Basis": "Remainder of the total"})
        kinds.append("rest")
    elif shared and all(bd.item_year(p, b, i) is None for i in shared) and bd.one_year(p, b) and left > 0:
        # shares without a year: the rest is a share too, with no year and no value (no total to take it of)
        rows.append({b.label: bd.REST, "Year": year_label(None), "Share": rate(left, share_decimals(shared)),
                     "Basis": "Remainder of the total"})
        kinds.append("rest")
    table = Table(f"{b.label}: what the source gives ({unit_label(p.market)})", rows, kinds,
                  {"Value": unit_label(p.market), "End value": unit_label(p.market)})
    return _drop_empty(table)


def _drop_empty(table: Table) -> Table:
    """Columns with nothing in any row (no item has an end value, say) are left out."""
    empty = [c for c in table.columns if all(str(row.get(c, DASH)) == DASH for row in table.rows)]
    table.rows = [{c: v for c, v in row.items() if c not in empty} for row in table.rows]
    return table


def history_table(p: Params, b: Breakdown) -> Table | None:
    """Values the source gives for items in several years (a table in the release), with their sum; None if none."""
    dated: dict[int, dict[str, object]] = {}
    for item in b.items:
        if item.value is not None and bd.item_year(p, b, item) is not None:
            dated.setdefault(bd.item_year(p, b, item), {})[item.name] = item
        for v in item.values:
            dated.setdefault(v.year, {})[item.name] = v
    if len(dated) < 2:
        return None
    names = [i.name for i in b.items if any(i.name in row for row in dated.values())]
    stated = forecast.stated_totals(p)
    rows = []
    for year in sorted(dated):
        row: dict[str, Cell | str] = {"Year": str(year)}
        for name in names:
            fig = dated[year].get(name)
            row[name + suffix(b.item(name))] = Cell(fig.value, figure(fig)) if fig is not None else Cell(None, DASH)
        row["Sum of items"] = num(sum(f.value for f in dated[year].values()), value_decimals(p))
        row["Stated total"] = Cell(stated[year].value, figure(stated[year])) if year in stated else Cell(None, DASH)
        rows.append(row)
    unit = unit_label(p.market)
    return Table(f"{b.label}: values the source gives by year ({unit})", rows,
                 units={c: unit for c in rows[0] if c != "Year"})


def _item_cell(p: Params, b: Breakdown, item, year: int, value: float) -> Cell:
    """An item's value in a year, with the source's digits in a year the source states it (and the model agrees)."""
    stated = [f for f in (item, *item.values)
              if f.value is not None and (f is not item or bd.item_year(p, b, item) == year)
              and getattr(f, "year", None) in (None, year)]
    if item.end is not None and item.end.year == year:
        stated.append(item.end)
    for fig in stated:
        if number(fig.value, fig.digits("value") or 0) == number(value, fig.digits("value") or 0):
            return Cell(value, figure(fig))
    return num(value, value_decimals(p))


def breakdown_values_table(p: Params, b: Breakdown) -> Table | None:
    """Item values for every forecast year, the unitemised rest and the total; None when no item has a value.

    None too when the items' figures are of different years: adding them up would mix those years.
    """
    v = bd.values(p, b)
    if v.empty or not bd.one_year(p, b):
        return None
    total = forecast.totals(p)
    left = bd.rest(p, b)
    show_rest = not bd.complete(p, b)
    rows, d = [], value_decimals(p)
    for year in v.index:
        row: dict[str, Cell | str] = {"Year": str(year)}
        for item in bd.placed(p, b):
            row[series_label(p, b, item)] = _item_cell(p, b, item, year, v.loc[year, item.name])
        if show_rest:
            row[bd.REST] = (num(left[year], d) if left[year] >= 0
                            else Cell(left[year], f"{number(left[year], d)} (items exceed the total)"))
        row["Total"] = _total_cell(p, year, total[year])
        rows.append(row)
    unit = unit_label(p.market)
    return Table(f"{b.label}: values by year ({unit})", rows, units={c: unit for c in rows[0] if c != "Year"})


def _inputs(p: Params):
    """Every figure the params file states, as (what, shown value, number, the figure object, its words)."""
    s = p.size
    yield f"Market size {s.base.year}", figure(s.base), s.base.value, s.base, s.base.quote
    yield f"Market size {s.end.year}", figure(s.end), s.end.value, s.end, s.end.quote
    for cagr in filter(None, (s.cagr, *s.other_cagrs)):
        yield f"CAGR ({cagr_period(cagr)})", figure_pct(cagr), cagr.rate, cagr, cagr.quote
    for t in p.totals:
        yield f"Market size, {year_label(t.year if t.dated else None)}", figure(t), t.value, t, t.quote
    if p.volume is not None:
        v = p.volume
        for fig in (v.base, v.end):
            yield f"Volume {fig.year} ({v.unit})", figure(fig), fig.value, fig, fig.quote
        if v.cagr is not None:
            yield f"Volume CAGR ({cagr_period(v.cagr)})", figure_pct(v.cagr), v.cagr.rate, v.cagr, v.cagr.quote
    for b in p.breakdowns:
        for item in b.items:
            name = f"{b.label}: {item.name}"
            when = year_label(bd.item_year(p, b, item))
            if item.share is not None:
                yield f"{name}, share, {when}", figure_pct(item, "share"), item.share, item, item.quote_of("share")
            if item.value is not None:
                yield f"{name}, value, {when}", figure(item), item.value, item, item.quote_of("value")
            if item.cagr is not None:
                yield f"{name}, CAGR ({cagr_period(item.cagr)})", figure_pct(item.cagr), item.cagr.rate, item.cagr, \
                    item.cagr.quote
            if item.end is not None:
                yield f"{name}, value {item.end.year}", figure(item.end), item.end.value, item.end, item.end.quote
            for v in item.values:
                yield f"{name}, value {v.year}", figure(v), v.value, v, v.quote
            for c in item.claims:
                yield f"{name}, claim", c.claim, None, c, c.quote


def inputs_table(p: Params) -> Table:
    """Every input with its basis and the source's own words, or our rationale when we assumed it."""
    rows, kinds = [], []
    for what, shown, value, obj, quote in _inputs(p):
        note = f"\u201c{isolated(quote)}\u201d" if quote else ""
        if obj.rationale:
            note = f"{note} {isolated(obj.rationale)}".strip()
        rows.append({"Figure": what, "Value": Cell(value, shown) if value is not None else shown,
                     "Basis": basis_label(p, obj), "Source's words or our rationale": note or DASH})
        kinds.append("assumed" if obj.assumed else "")
    return Table(f"Inputs and their basis (values in {unit_label(p.market)})", rows, kinds)
