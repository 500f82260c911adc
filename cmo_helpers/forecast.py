"""Market totals and growth rates: the maths every table, chart and sentence shares."""
from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from .params import Params


def implied_cagr(start_value: float, end_value: float, years: int) -> float:
    """Compound annual rate that turns start_value into end_value over `years` years."""
    if years <= 0:
        raise ValueError(f"years must be positive, got {years}")
    return (end_value / start_value) ** (1 / years) - 1


def project(value: float, rate: float, year: int, years: Iterable[int]) -> pd.Series:
    """Compound `value` (known in `year`) to other years, forwards or backwards."""
    idx = pd.Index(list(years), name="year")
    return pd.Series([value * (1 + rate) ** (y - year) for y in idx], index=idx, dtype=float)


def years(p: Params) -> range:
    """Forecast years, base to end inclusive."""
    return range(p.size.base.year, p.size.end.year + 1)


def totals(p: Params) -> pd.Series:
    """Yearly market totals on the anchored path, base year to end year."""
    series = project(p.size.base.value, p.anchor_rate, p.size.base.year, years(p))
    series.name = "total"
    return series


def stated_cagr_path(p: Params) -> pd.Series | None:
    """What the stated CAGR would give from the base value; None when no CAGR is stated."""
    if p.size.cagr is None:
        return None
    return project(p.size.base.value, p.size.cagr.rate, p.size.base.year, years(p)).rename("stated_cagr_path")


def alternative_path(p: Params) -> tuple[pd.Series | None, str, float | None]:
    """The path the figure that does not drive the series would give, its name and its rate."""
    if p.size.anchor == "cagr":
        rate = endpoint_cagr(p)
        return project(p.size.base.value, rate, p.size.base.year, years(p)), "Endpoint-implied CAGR", rate
    if p.size.cagr is None:
        return None, "", None
    return stated_cagr_path(p), "Stated CAGR", p.size.cagr.rate


def endpoint_cagr(p: Params) -> float:
    """CAGR implied by the base and end values, n = end year - base year."""
    return implied_cagr(p.size.base.value, p.size.end.value, p.size.years)


def yoy(series: pd.Series) -> pd.Series:
    """Year-on-year growth; NaN for the first year."""
    return series.pct_change()


def growth_table(p: Params) -> pd.DataFrame:
    """Totals with absolute and relative change per year."""
    total = totals(p)
    return pd.DataFrame({"total": total, "change": total.diff(), "yoy": yoy(total)})


def cagr_comparison(p: Params) -> pd.DataFrame:
    """Stated CAGR beside the endpoint-implied one, with the end value each produces."""
    n = p.size.years
    rows = [
        {
            "measure": "endpoint-implied",
            "rate": endpoint_cagr(p),
            "end_value": p.size.end.value,
            "anchor": p.size.anchor == "endpoints",
        }
    ]
    if p.size.cagr is not None:
        rows.append(
            {
                "measure": "stated",
                "rate": p.size.cagr.rate,
                "end_value": p.size.base.value * (1 + p.size.cagr.rate) ** n,
                "anchor": p.size.anchor == "cagr",
            }
        )
    return pd.DataFrame(rows).set_index("measure")
