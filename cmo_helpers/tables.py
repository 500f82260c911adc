"""Report tables as styled pandas frames, formatted with the same rules as the text."""
from __future__ import annotations

import hashlib
import re
from typing import TYPE_CHECKING

import pandas as pd
from pandas.io.formats.style import Styler

from . import escape, forecast, splits
from .formatting import DASH, number, pct, signed, signed_pct, unit_label
from .provenance import ASSUMED, MODELLED, MODELLED_ASSUMED, basis_label, cite, path_assumed, quoted_years, series_label, suffix

if TYPE_CHECKING:
    from .params import Params, Split

ASSUMED_STYLE = "background-color: #fff4e0; font-style: italic;"
TABLE_STYLES = [
    {"selector": "", "props": "border-collapse: collapse; font-size: 0.9em; margin: 0.4em 0 1em 0;"},
    {"selector": "caption", "props": "caption-side: top; text-align: left; font-weight: bold; padding: 0 0 0.3em 0;"},
    {"selector": "th", "props": "text-align: left; border-bottom: 1.5px solid #1f3b57; padding: 3px 8px;"},
    {"selector": "td", "props": "padding: 3px 8px; border-bottom: 1px solid #dde3ea; text-align: right;"},
    {"selector": "td:first-child", "props": "text-align: left;"},
]


NUMERIC = re.compile(r"^[+\-\u2212]?[\d,.]+(%|\u00d7| pp)?( \[\d+\]| \(assumed\))?$")


def _text_columns(frame: pd.DataFrame) -> list:
    """Columns holding words rather than figures, which read better left-aligned."""
    return [c for c in frame.columns if not all(NUMERIC.match(str(v)) or v == DASH for v in frame[c])]


def _uuid(frame: pd.DataFrame, caption: str) -> str:
    """Element ids from the table's content, so two renders of the same inputs give the same bytes."""
    return hashlib.sha256((caption + frame.to_json(orient="split")).encode("utf-8")).hexdigest()[:10]


def styled(frame: pd.DataFrame, caption: str = "", assumed: list[bool] | None = None) -> Styler:
    """House style: no index, caption on top, figures right and words left, assumed rows shaded and italic."""
    styler = frame.style.hide(axis="index").set_table_attributes('class="cmo-table"')
    styler = styler.format(escape="html").format_index(escape="html", axis=1).set_uuid(_uuid(frame, caption))
    styler = styler.set_table_styles(TABLE_STYLES).set_properties(subset=_text_columns(frame), **{"text-align": "left"})
    if caption:
        styler = styler.set_caption(escape.html(caption))
    if assumed is not None:
        flags = pd.Series(assumed, index=frame.index)
        styler = styler.apply(lambda row: [ASSUMED_STYLE if flags[row.name] else ""] * len(row), axis=1)
    return styler


def _year_basis(p: Params, year: int) -> str:
    """Which yearly totals are quoted from a source and which the model computes."""
    figure = quoted_years(p).get(year)
    if figure is not None:
        return basis_label(p, figure)
    return MODELLED_ASSUMED if path_assumed(p) else MODELLED


def size_table(p: Params) -> Styler:
    """Yearly market size with change, growth and where each figure comes from."""
    g = forecast.growth_table(p)
    frame = pd.DataFrame(
        {
            "Year": [str(y) for y in g.index],
            f"Market size ({unit_label(p.market)})": [number(v) for v in g["total"]],
            "Change": [signed(v) for v in g["change"]],
            "Growth": [pct(v) for v in g["yoy"]],
            "Basis": [_year_basis(p, y) for y in g.index],
        }
    )
    flagged = [b in (ASSUMED, MODELLED_ASSUMED) for b in frame["Basis"]]
    return styled(frame, f"{p.market.name}: size by year", flagged)


def cagr_table(p: Params) -> Styler:
    """Stated and endpoint-implied CAGR side by side, with the end value each gives."""
    comp = forecast.cagr_comparison(p)
    s = p.size
    rows = []
    implied = comp.loc["endpoint-implied"]
    rows.append(
        {
            "Measure": f"Implied by endpoints ({s.base.year}\u2013{s.end.year}, n = {s.years})",
            "CAGR": pct(implied["rate"], 2),
            f"{s.end.year} value": number(implied["end_value"]),
            "Role": "drives the series" if implied["anchor"] else "shown for comparison",
            "Basis": f"Computed from {number(s.base.value)} and {number(s.end.value)}",
        }
    )
    if s.cagr is not None:
        stated = comp.loc["stated"]
        period = f"{s.cagr.from_year}\u2013{s.cagr.to_year}" if s.cagr.from_year and s.cagr.to_year else "period not stated"
        rows.append(
            {
                "Measure": f"Stated ({period})",
                "CAGR": pct(stated["rate"], 2),
                f"{s.end.year} value": number(stated["end_value"]),
                "Role": "drives the series" if stated["anchor"] else "shown as stated",
                "Basis": basis_label(p, s.cagr),
            }
        )
    frame = pd.DataFrame(rows)
    return styled(frame, f"Compound annual growth ({unit_label(p.market)})", [r["Basis"] == ASSUMED for r in rows])


def paths_table(p: Params) -> Styler:
    """Year by year: the series used, its growth, and how far the alternative path drifts from it."""
    g = forecast.growth_table(p)
    frame = pd.DataFrame({"Year": [str(y) for y in g.index], "Series used": [number(v) for v in g["total"]],
                          "Growth": [pct(v) for v in g["yoy"]]})
    other, label, _rate = forecast.alternative_path(p)
    if other is not None:
        frame[f"{label} path"] = [number(v) for v in other]
        frame["Gap"] = [signed(v) for v in other - g["total"]]
    return styled(frame, f"Growth path by year ({unit_label(p.market)})")


def split_table(p: Params, split: Split) -> Styler:
    """Each item's share and value in the split year, its growth and its basis."""
    year = p.split_year(split)
    shares = splits.share_at(p, split, year)
    values = splits.value_at(p, split, year)
    end = splits.share_at(p, split, p.size.end.year)
    cagrs = splits.item_cagrs(p, split)
    rows = []
    for item in split.items:
        own = DASH if item.cagr is None else pct(item.cagr) + (" (assumed)" if item.cagr_assumed else f" {cite(p, item.cagr_source)}")
        rows.append(
            {
                split.label: item.name + suffix(item),
                f"Share {year}": pct(shares[item.name]),
                f"Value {year}": number(values[item.name]),
                f"Share {p.size.end.year}": pct(end[item.name]),
                "Own CAGR": own,
                f"Modelled CAGR {p.size.base.year}\u2013{p.size.end.year}": pct(cagrs[item.name]),
                "Basis": basis_label(p, item),
            }
        )
    frame = pd.DataFrame(rows)
    caption = f"{split.label}: shares and values ({unit_label(p.market)})"
    return styled(frame, caption, [i.assumed for i in split.items])


def split_values_table(p: Params, split: Split) -> Styler:
    """Item values for every forecast year; columns of assumed items say so in the heading."""
    v = splits.values(p, split)
    frame = pd.DataFrame({"Year": [str(y) for y in v.index]})
    for item in split.items:
        frame[series_label(item)] = [number(x) for x in v[item.name]]
    frame["Total"] = [number(x) for x in forecast.totals(p)]
    return styled(frame, f"{split.label}: values by year ({unit_label(p.market)})")


def stated_values_table(p: Params, split: Split) -> Styler | None:
    """Values a source states for an item beside the model's value that year; None if there are none."""
    sv = splits.stated_values(p, split)
    if sv.empty:
        return None
    items = {i.name: i for i in split.items}
    frame = pd.DataFrame(
        {
            split.label: sv["item"],
            "Year": sv["year"].astype(str),
            "Stated": [number(v) + " " + cite(p, items[n].source) if not items[n].assumed else number(v) + " (assumed)" for n, v in zip(sv["item"], sv["stated"])],
            "Model": [number(v) for v in sv["model"]],
            "Difference": [signed(d) for d in sv["difference"]],
            "Difference %": [signed_pct(d / s) for d, s in zip(sv["difference"], sv["stated"])],
        }
    )
    return styled(frame, f"Stated values against the model ({unit_label(p.market)})")
