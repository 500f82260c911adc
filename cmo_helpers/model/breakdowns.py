"""Item values over time for any breakdown, complete or partial, and what the source leaves unitemised.

An item is placed on a value path by its stated value, its share of the total, or its end value,
in that order, and grows at its own CAGR, at the rate between its stated start and end values, or
else with the market. A complete breakdown (shares within tolerance of 100 %) is rescaled every
year so it adds up to the total; a partial one is not, and the rest is "not itemised".
"""
from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

import pandas as pd

from ..inputs.fields import NOT_STATED
from .forecast import anchor_rate, compound, implied_cagr, total_at, totals

if TYPE_CHECKING:
    from ..inputs.breakdown_items import Breakdown, Item
    from ..inputs.market_file import Params

REST = "Not itemised by the source"


class Point(NamedTuple):
    year: int
    value: float
    kind: str  # "value", "share" or "end": which stated figure places the item


class Share(NamedTuple):
    year: int | None  # None: the source states no year
    share: float
    kind: str  # "share" (stated) or "value" (its value over the modelled total: computed by us)


class Rate(NamedTuple):
    rate: float
    kind: str  # "own" (the item's CAGR), "implied" (its start and end values) or "market"


def item_year(p: Params, b: Breakdown, item: Item) -> int | None:
    """The year an item's share and value refer to: its own, its breakdown's, else the base year; None if not stated."""
    year = item.year or b.year or p.size.base.year
    return None if year == NOT_STATED else year


def start(p: Params, b: Breakdown, item: Item) -> Point | None:
    """The item's value in its year from a stated value, or a share of that year's total; None without a year."""
    year = item_year(p, b, item)
    if year is None:
        return None
    if item.value is not None:
        return Point(year, item.value, "value")
    if item.share is not None:
        return Point(year, item.share * total_at(p, year), "share")
    return None


def point(p: Params, b: Breakdown, item: Item) -> Point | None:
    """The figure that places an item on a value path; None for items known only by a rate or a claim."""
    first = start(p, b, item)
    if first is not None:
        return first
    return Point(item.end.year, item.end.value, "end") if item.end is not None else None


def rate(p: Params, b: Breakdown, item: Item) -> Rate:
    """How fast an item's value grows in the model."""
    if item.cagr is not None:
        return Rate(item.cagr.rate, "own")
    first = start(p, b, item)
    if first is not None and item.end is not None and item.end.year != first.year:
        return Rate(implied_cagr(first.value, item.end.value, item.end.year - first.year), "implied")
    return Rate(anchor_rate(p), "market")


def placed(p: Params, b: Breakdown) -> list[Item]:
    """Items that have a value path (CAGR-only and claim-only items have none)."""
    return [i for i in b.items if point(p, b, i) is not None]


def share_of(p: Params, b: Breakdown, item: Item) -> Share | None:
    """An item's share of the market in its year: stated, or its value over that forecast year's total.

    A value from before the forecast gets no share: the total it would be divided by is our back-projection.
    """
    year = item_year(p, b, item)
    if item.share is not None:
        return Share(year, item.share, "share")
    if item.value is not None and year is not None and p.size.base.year <= year <= p.size.end.year:
        return Share(year, item.value / total_at(p, year), "value")
    return None


def share_groups(p: Params, b: Breakdown) -> dict[int | None, pd.Series]:
    """Items' shares by the year they refer to (None: not stated), so no sum or chart mixes two years."""
    groups: dict[int | None, dict[str, float]] = {}
    for item in b.items:
        found = share_of(p, b, item)
        if found is not None:
            groups.setdefault(found.year, {})[item.name] = found.share
    return {year: pd.Series(found, dtype=float) for year, found in groups.items()}


def one_year(p: Params, b: Breakdown) -> bool:
    """Whether every share and value of the breakdown refers to the same year (or all to none stated)."""
    return len(share_groups(p, b)) <= 1


def shares_stated(p: Params, b: Breakdown) -> pd.Series:
    """Each item's share in its own year; only summed or compared where `one_year` holds."""
    groups = share_groups(p, b)
    return pd.concat(groups.values()) if groups else pd.Series(dtype=float)


def itemised_share(p: Params, b: Breakdown) -> float:
    """Share of the market the breakdown's items cover (meaningful when `one_year` holds)."""
    return float(shares_stated(p, b).sum())


def complete(p: Params, b: Breakdown) -> bool:
    """Whether every item is placed in one year and their shares reach 100 % within the audit tolerance."""
    return (len(placed(p, b)) == len(b.items) and one_year(p, b)
            and abs(itemised_share(p, b) - 1) <= p.audit.share_tolerance_pp / 100 + 1e-12)


def _raw(p: Params, b: Breakdown, years: list[int]) -> pd.DataFrame:
    cols = {}
    for item in placed(p, b):
        pt, r = point(p, b, item), rate(p, b, item).rate
        cols[item.name] = [compound(pt.value, r, y - pt.year) for y in years]
    return pd.DataFrame(cols, index=pd.Index(years, name="year"), dtype=float)


def values_for(p: Params, b: Breakdown, years: list[int]) -> pd.DataFrame:
    """Placed items' values in `years`; a complete breakdown is rescaled to the total each year."""
    raw = _raw(p, b, years)
    if complete(p, b) and not raw.empty:
        total = pd.Series([total_at(p, y) for y in years], index=raw.index)
        return raw.div(raw.sum(axis=1), axis=0).mul(total, axis=0)
    return raw


def values(p: Params, b: Breakdown) -> pd.DataFrame:
    """Placed items' values for every forecast year."""
    return values_for(p, b, list(totals(p).index))


def value_at(p: Params, b: Breakdown, year: int) -> pd.Series:
    """Placed items' values in any year, including years before the base (back-cast)."""
    return values_for(p, b, [year]).iloc[0]


def rest(p: Params, b: Breakdown) -> pd.Series:
    """What the items leave of each year's total: not itemised by the source (negative when they exceed it)."""
    return (totals(p) - values(p, b).sum(axis=1)).rename(REST)


def shares(p: Params, b: Breakdown) -> pd.DataFrame:
    """Placed items' shares of the total by year."""
    return values(p, b).div(totals(p), axis=0)


def modelled_cagrs(p: Params, b: Breakdown) -> pd.Series:
    """Each placed item's CAGR over the forecast in the model (after rescaling, for complete breakdowns)."""
    v = values(p, b)
    return pd.Series({c: implied_cagr(v[c].iloc[0], v[c].iloc[-1], p.size.years) for c in v.columns}, dtype=float)


def same_rate(p: Params, b: Breakdown, item: Item) -> list[Item]:
    """Other items growing at the item's own rate within the rate tolerance: no rate among them is 'fastest'."""
    tolerance = p.audit.cagr_tolerance_pp / 100 + 1e-12
    return [i for i in b.items
            if i is not item and i.cagr is not None and abs(i.cagr.rate - item.cagr.rate) <= tolerance]


def geographic(p: Params) -> list[Breakdown]:
    """Breakdowns by region or country, shown in the regional section."""
    return [b for b in p.breakdowns if b.geographic]


def segments(p: Params) -> list[Breakdown]:
    """Breakdowns by anything else: the first is the report's service split, the rest follow later."""
    return [b for b in p.breakdowns if not b.geographic]
