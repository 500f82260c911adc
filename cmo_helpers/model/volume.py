"""A second series in another unit (MW, units, tonnes): its own path and CAGR, never mixed with the money series."""
from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from ..core.formatting import VALUE_DECIMALS_CAP
from .forecast import implied_cagr, project

if TYPE_CHECKING:
    from ..inputs.size import Volume


def decimals(v: Volume) -> int:
    """Modelled volumes keep the digits the source sized the series with (house 1, at most 3), as money values do."""
    return min(max(1, v.base.digits("value") or 0, v.end.digits("value") or 0), VALUE_DECIMALS_CAP)


def rate_decimals(v: Volume) -> int:
    """The series' own rate with as many decimals as its stated CAGR (house 1)."""
    return max(1, (v.cagr.digits("rate") or 0) if v.cagr else 0)


def rate(v: Volume) -> float:
    """The rate the volume series grows at: the one its own endpoints imply."""
    return implied_cagr(v.base.value, v.end.value, v.end.year - v.base.year)


def series(v: Volume) -> pd.Series:
    """Volume by year from its base to its end year, on its endpoint-implied path."""
    return project(v.base.value, rate(v), v.base.year, range(v.base.year, v.end.year + 1)).rename("volume")


def stated_rate_gaps(v: Volume) -> dict[int, float]:
    """The stated volume CAGR minus the rate its endpoints imply, by the number of years counted."""
    years = {v.end.year - v.base.year, v.end.year - (v.cagr.from_year or v.base.year + 1)}
    return {n: v.cagr.rate - implied_cagr(v.base.value, v.end.value, n) for n in sorted(years) if n > 0}
