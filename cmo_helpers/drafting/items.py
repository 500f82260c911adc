"""One breakdown item from all the facts said of it: its share, value, past values, CAGR, end and claims."""
from __future__ import annotations

from .amounts import in_unit, pct
from .patterns import Fact, unique
from .size_block import period_of


def item_of(facts: list[Fact], currency: str | None, unit: str | None, source_id: str, unplaced: list[dict],
            base_year: int | None) -> dict:
    """One item from all its facts: the first share, value and CAGR win; later different ones are listed."""
    item: dict = {"name": facts[0].item, "basis": "sourced", "source": source_id}
    share = _first(facts, "share", unplaced)
    values = sorted((f for f in facts if f.kind == "value" and f.currency == currency), key=lambda f: f.year or 0)
    later = values[-1] if len(values) > 1 and values[-1].year and base_year and values[-1].year > base_year else None
    history = _history([v for v in values if v is not later and v.year and (not base_year or v.year <= base_year)])
    value = _first([f for f in facts if f.kind != "value" or f.currency == currency and f is not later
                    and f not in history], "value", unplaced)
    for f in facts:
        if f.kind == "value" and f.currency != currency:
            unplaced.append({"quote": f.quote, "note": f"a value in {f.currency}, the market is in {currency}"})
    cagr = _first(facts, "item_cagr", unplaced)
    year = share.year if share and share.year else value.year if value else None
    if share and value and share.year and value.year and share.year != value.year:
        unplaced.append({"quote": value.quote, "note": f"a value for {value.year}, the share is for {share.year}"})
        value = None
    figures = [f for f in (share, value) if f]
    if figures:
        item["quote"] = max(figures, key=lambda f: len(f.quote)).quote if len(
            {f.quote for f in figures}) > 1 and _covers(figures) else figures[0].quote
    if share:
        item["share"] = pct(share.number)
    if value:
        item["value"] = in_unit(value.number, value.scale, unit)
    hedges = {k: f.hedge for k, f in (("share", share), ("value", value)) if f and f.hedge}
    if hedges:
        item["bound"] = hedges
    if history:
        item["values"] = [{"year": h.year, "value": in_unit(h.number, h.scale, unit), "quote": h.quote}
                          for h in history]
    if cagr:
        item.setdefault("quote", cagr.quote)
        period = period_of(cagr)
        hedge = {"bound": cagr.hedge} if cagr.hedge else {}
        if cagr.quote == item["quote"] and not period and not hedge:
            item["cagr"] = pct(cagr.number)
        else:
            item["cagr"] = {"rate": pct(cagr.number), **period, **hedge, "basis": "sourced", "source": source_id,
                            "quote": cagr.quote}
    if later:
        hedge = {"bound": later.hedge} if later.hedge else {}
        item["end"] = {"year": later.year, "value": in_unit(later.number, later.scale, unit), **hedge,
                       "basis": "sourced", "source": source_id, "quote": later.quote}
    claims = unique([f for f in facts if f.kind == "claim"], lambda f: f.claim)
    if claims:
        item["claims"] = [{"claim": c.claim, "source": source_id, "quote": c.quote} for c in claims]
    item["_year"] = year
    item["_own_year"] = year
    item["_parent"] = next((f.parent for f in facts if f.parent), None)
    if len(figures) == 2 and figures[0].quote != figures[1].quote and not _covers(figures):
        unplaced.append({"quote": value.quote, "note": f"source of the value of {item['name']} (the item's quote "
                         f"is the share's)"})
    return item


def _history(past: list[Fact]) -> list[Fact]:
    """A table of past years: the latest year is the item's value, each earlier year one entry of `values`."""
    years = sorted({v.year for v in past})
    if len(years) < 2:
        return []
    return [next(v for v in past if v.year == y) for y in years[:-1]]


def _covers(figures: list[Fact]) -> bool:
    """True when the longest quote contains the others, so one quote holds every figure of the item."""
    longest = max(figures, key=lambda f: len(f.quote)).quote
    return all(f.quote in longest for f in figures)


def _first(facts: list[Fact], kind: str, unplaced: list[dict]) -> Fact | None:
    found = [f for f in facts if f.kind == kind]
    if not found:
        return None
    dated = [f for f in found if f.year] or found
    best = dated[0]
    for other in found:
        if other.number != best.number or (other.scale or "") != (best.scale or ""):
            unplaced.append({"quote": other.quote, "note": f"another {kind.replace('_', ' ')} for {best.item}; "
                             f"the draft uses {best.number}"})
    return best
