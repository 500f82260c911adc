"""Tables of a breakdown (a service, regional or further split): what the source gives, its history, values by year."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.formatting import (
    DASH,
    figure,
    figure_pct,
    number,
    rate_decimals,
    share_decimals,
    unit_label,
    value_decimals,
    year_label,
)
from ..model import breakdowns as bd
from ..model import forecast
from ..model.provenance import basis_label, cite, series_label, suffix
from .house_table import Cell, Table, num, rate
from .size_tables import total_cell

if TYPE_CHECKING:
    from ..inputs.breakdown_items import Breakdown
    from ..inputs.market_file import Params


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
            rate(cagrs[item.name], rate_decimals(p)) if item.name in cagrs.index else Cell(None, "not modelled"))
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
        row["Total"] = total_cell(p, year, total[year])
        rows.append(row)
    unit = unit_label(p.market)
    return Table(f"{b.label}: values by year ({unit})", rows, units={c: unit for c in rows[0] if c != "Year"})
