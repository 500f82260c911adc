"""Segment and regional values per year that always add up to the market total."""
from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from .forecast import implied_cagr, totals

if TYPE_CHECKING:
    from .params import Params, Split


def item_rates(p: Params, split: Split) -> pd.Series:
    """Each item's own CAGR, or the market's anchored rate when it has none."""
    return pd.Series({i.name: p.anchor_rate if i.cagr is None else i.cagr for i in split.items}, dtype=float)


def share_at(p: Params, split: Split, year: int) -> pd.Series:
    """Item shares in any year: the split-year shares drifted by own CAGRs, renormalised to 100%."""
    base = pd.Series(p.item_shares(split), dtype=float)
    raw = base / base.sum() * (1 + item_rates(p, split)) ** (year - p.split_year(split))
    return raw / raw.sum()


def shares(p: Params, split: Split) -> pd.DataFrame:
    """Shares by year (rows) and item (columns) over the forecast period."""
    idx = totals(p).index
    return pd.DataFrame([share_at(p, split, y) for y in idx], index=idx)


def values(p: Params, split: Split) -> pd.DataFrame:
    """Item values by year: share of each year's total, so rows sum to the total exactly."""
    return shares(p, split).mul(totals(p), axis=0)


def value_at(p: Params, split: Split, year: int) -> pd.Series:
    """Item values in any year, including years before the base (back-cast on the same path)."""
    return share_at(p, split, year) * p.total_at(year)


def item_cagrs(p: Params, split: Split) -> pd.Series:
    """Modelled CAGR of each item over the forecast period, after renormalisation."""
    v = values(p, split)
    return pd.Series({c: implied_cagr(v[c].iloc[0], v[c].iloc[-1], p.size.years) for c in v.columns})


def fastest_growing(p: Params, split: Split) -> str:
    """Name of the item with the highest modelled CAGR."""
    return item_cagrs(p, split).idxmax()


def stated_values(p: Params, split: Split) -> pd.DataFrame:
    """Items whose source states a value, beside the model's value for that year."""
    year = p.split_year(split)
    model = value_at(p, split, year)
    rows = [
        {"item": i.name, "year": year, "stated": i.value, "model": model[i.name]}
        for i in split.items
        if i.value is not None
    ]
    frame = pd.DataFrame(rows, columns=["item", "year", "stated", "model"])
    frame["difference"] = frame["model"] - frame["stated"]
    return frame
