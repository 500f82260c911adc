"""Market totals and growth rates: the one compounding formula every table, chart and sentence shares."""
from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from ..inputs.market_file import Params


def compound(value: float, rate: float, years: float) -> float:
    """`value` grown at `rate` for `years` (negative years back-cast): the only growth formula."""
    return value * (1 + rate) ** years


def implied_cagr(start_value: float, end_value: float, years: int) -> float:
    """Compound annual rate that turns start_value into end_value over `years` years."""
    if years <= 0:
        raise ValueError(f"years must be positive, got {years}")
    return (end_value / start_value) ** (1 / years) - 1


def project(value: float, rate: float, year: int, years: Iterable[int]) -> pd.Series:
    """`value` (known in `year`) compounded to each of `years`, forwards or backwards."""
    idx = pd.Index(list(years), name="year")
    return pd.Series([compound(value, rate, y - year) for y in idx], index=idx, dtype=float)


def years(p: Params) -> range:
    """Forecast years, base to end inclusive."""
    return range(p.size.base.year, p.size.end.year + 1)


def endpoint_cagr(p: Params) -> float:
    """CAGR implied by the base and end values, n = end year - base year."""
    return implied_cagr(p.size.base.value, p.size.end.value, p.size.years)


def anchor_rate(p: Params) -> float:
    """The growth rate that drives the series: endpoint-implied or stated."""
    return p.size.cagr.rate if p.size.anchor == "cagr" else endpoint_cagr(p)


def total_on(p: Params, rate: float, year: int) -> float:
    """Market total in `year` on a path from the base value at `rate`."""
    return compound(p.size.base.value, rate, year - p.size.base.year)


def total_at(p: Params, year: int) -> float:
    """Market total in any year on the anchored path, back-cast before the base year."""
    return total_on(p, anchor_rate(p), year)


def totals(p: Params) -> pd.Series:
    """Yearly market totals on the anchored path, base year to end year."""
    return project(p.size.base.value, anchor_rate(p), p.size.base.year, years(p)).rename("total")


def alternative_path(p: Params) -> tuple[pd.Series | None, str, float | None]:
    """The path the figure that does not drive the series would give, its name and its rate."""
    if p.size.anchor == "cagr":
        rate = endpoint_cagr(p)
        return project(p.size.base.value, rate, p.size.base.year, years(p)), "Endpoint-implied CAGR", rate
    if p.size.cagr is None:
        return None, "", None
    return project(p.size.base.value, p.size.cagr.rate, p.size.base.year, years(p)), "Stated CAGR", p.size.cagr.rate


def growth_table(p: Params) -> pd.DataFrame:
    """Totals with absolute and relative change per year."""
    total = totals(p)
    return pd.DataFrame({"total": total, "change": total.diff(), "yoy": total.pct_change()})


def cagr_comparison(p: Params) -> pd.DataFrame:
    """Stated CAGR beside the endpoint-implied one, with the end value each produces."""
    n = p.size.years
    rows = [{"measure": "endpoint-implied", "rate": endpoint_cagr(p), "end_value": p.size.end.value,
             "anchor": p.size.anchor == "endpoints"}]
    if p.size.cagr is not None:
        rows.append({"measure": "stated", "rate": p.size.cagr.rate,
                     "end_value": compound(p.size.base.value, p.size.cagr.rate, n), "anchor": p.size.anchor == "cagr"})
    return pd.DataFrame(rows).set_index("measure")


def stated_totals(p: Params) -> dict[int, object]:
    """Every market total a params file states, by year: base, end and any further dated totals."""
    found = {t.year: t for t in p.totals if t.dated}
    found[p.size.base.year] = p.size.base
    found[p.size.end.year] = p.size.end
    return dict(sorted(found.items()))


def path_rates(p: Params) -> dict[str, float]:
    """The growth paths a dated total can support: endpoint-implied, and the stated CAGR when given."""
    rates = {"implied": endpoint_cagr(p)}
    if p.size.cagr is not None:
        rates["stated"] = p.size.cagr.rate
    return rates
