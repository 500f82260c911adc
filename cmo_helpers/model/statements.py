"""What the report may say beyond the figures themselves: rankings and general statements, each said only when true.

A ranking word ("largest", "fastest-growing") is the report's own only when every figure compared is
sourced, of the same kind, year (or period) and dimension, and the figures cover the whole dimension;
otherwise the report repeats the source's own claim, as the source's, or says nothing. A general
statement ("no item has a growth rate of its own") is computed for the market at hand.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import breakdowns as bd
from .forecast import stated_totals

OPEN_ABOVE = ("over", "more than", "at least")

if TYPE_CHECKING:
    from ..inputs.breakdown_items import Breakdown, Item
    from ..inputs.market_file import Params


@dataclass(frozen=True)
class Largest:
    """The sourced item with the largest share among figures that may be compared, and whether that proves it."""

    item: Item
    share: float
    year: int | None
    kind: str  # "share" (stated) or "value" (its value over the year's total)
    proven: bool  # above every other item compared and above the part not itemised: no item can be larger


def comparable_shares(p: Params, b: Breakdown) -> dict[str, float] | None:
    """Sourced items' shares when they may be compared: one year, one kind, and a stated total behind values."""
    if not bd.one_year(p, b):
        return None
    found = {i.name: bd.share_of(p, b, i) for i in b.items if not i.assumed}
    found = {n: s for n, s in found.items() if s is not None}
    kinds = {s.kind for s in found.values()}
    if not found or len(kinds) > 1:
        return None
    year = next(iter(found.values())).year
    if kinds == {"value"} and year not in stated_totals(p):
        return None  # shares computed from a modelled total rank nothing
    if any(b.item(n).bound_of(next(iter(kinds))) in OPEN_ABOVE for n in found):
        return None  # 'over 30%' may be any size above it
    return {n: s.share for n, s in found.items()}


def largest(p: Params, b: Breakdown) -> Largest | None:
    """The largest comparable sourced item; proven when it beats every other item and everything not itemised.

    Assumed items count as part of what is not itemised, so an assumption can never make an item the largest.
    """
    shares = comparable_shares(p, b)
    if not shares:
        return None
    every = bd.shares_stated(p, b)
    if every.sum() > 1 + p.audit.share_tolerance_pp / 100:
        return None  # items over 100 % prove nothing
    name = max(shares, key=shares.__getitem__)
    unknown = 1 - sum(shares.values())
    ahead = all(shares[name] > s for n, s in shares.items() if n != name)
    found = bd.share_of(p, b, b.item(name))
    return Largest(b.item(name), shares[name], found.year, found.kind, ahead and shares[name] > unknown)


def fastest(p: Params, b: Breakdown) -> Item | None:
    """The item whose sourced rate beats every other by more than the tolerance, when the rates cover the dimension.

    Every item of a complete breakdown needs a sourced rate over the same period; a partial breakdown, or a
    rate left out, could hide a faster item, and rates of another breakdown are another dimension.
    """
    if not bd.complete(p, b) or any(not i.rate_sourced for i in b.items) or len(b.items) < 2:
        return None
    if len({(i.cagr.from_year, i.cagr.to_year) for i in b.items}) > 1:
        return None
    rated = sorted(b.items, key=lambda i: i.cagr.rate, reverse=True)
    if rated[0].cagr.rate - rated[1].cagr.rate <= p.audit.cagr_tolerance_pp / 100:
        return None
    return rated[0]


def rated_unplaced(p: Params) -> list[Item]:
    """Items with a growth rate of their own but no value to grow it from (known only by a rate, or undated)."""
    return [i for b in p.breakdowns for i in b.items if i.cagr is not None and bd.point(p, b, i) is None]


def no_item_tested(p: Params) -> str:
    """Why the sensitivity tests no single item, as true for this market."""
    if not any(b.items for b in p.breakdowns):
        return "The source gives no breakdown, so no single item is tested."
    unplaced = rated_unplaced(p)
    if not unplaced:
        return "No item has a growth rate of its own, so no single item is tested."
    names = ", ".join(i.name for i in unplaced)
    return (f"The items with a growth rate of their own ({names}) have no value in a stated year to grow from, "
            "so no single item is tested.")


def path_hedge(p: Params) -> str:
    """'about ' before a rate or multiple we compute from a bounded figure ('nearly 780'), else nothing.

    The series takes a bounded figure at its face value, so what we derive from it is no more exact.
    """
    s = p.size
    drivers = (s.base, s.cagr) if s.anchor == "cagr" else (s.base, s.end)
    return "about " if any(d.bound for d in drivers) else ""
