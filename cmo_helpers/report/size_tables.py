"""Tables of the market's size and growth: yearly totals, stated totals, the volume series, CAGRs and both paths."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.formatting import (
    DASH,
    figure,
    figure_pct,
    number,
    rate_decimals,
    signed,
    unit_label,
    value_decimals,
    year_label,
)
from ..model import forecast, volume
from ..model.provenance import ASSUMED, MODELLED, MODELLED_ASSUMED, basis_label, path_assumed, quoted_years
from .house_table import Cell, Table, num, rate

if TYPE_CHECKING:
    from ..inputs.market_file import Params


def _year_basis(p: Params, year: int) -> str:
    """Which yearly totals are quoted from a source and which the model computes."""
    quoted = quoted_years(p).get(year)
    if quoted is not None:
        return basis_label(p, quoted)
    return MODELLED_ASSUMED if path_assumed(p) else MODELLED


def total_cell(p: Params, year: int, value: float) -> Cell:
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
        rows.append({"Year": str(year), f"Market size ({unit})": total_cell(p, year, r["total"]),
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
        row: dict[str, Cell | str] = {"Year": str(year), "Series used": total_cell(p, year, r["total"]),
                                      "Growth": rate(r["yoy"], rate_decimals(p))}
        if other is not None:
            row[f"{label} path"] = num(other[year], d)
            row["Gap"] = Cell(other[year] - r["total"], signed(other[year] - r["total"], d))
        rows.append(row)
    unit = unit_label(p.market)
    return Table(f"Growth path by year ({unit})", rows, units={c: unit for c in rows[0] if c not in ("Year", "Growth")})
