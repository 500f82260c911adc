"""Items grouped into breakdowns: regions, countries, each stated dimension, else the section they sit under."""
from __future__ import annotations

from collections import Counter
from decimal import Decimal

from ..inputs.fields import NOT_STATED
from .items import item_of
from .names import item_key, slugify
from .patterns import Fact


def _dimension(name: str) -> str:
    return " ".join(w.removesuffix("s") for w in item_key(name).split())


def _breakdown_key(fact: Fact, dimensions: set[str]) -> str:
    """Regions, countries, each dimension ('platform' joins the one 'expression platform'), else the section."""
    if fact.geo:
        return fact.geo
    if fact.dimension:
        name = _dimension(fact.dimension)
        longer = [d for d in dimensions if d.endswith(" " + name)] if " " not in name else []
        return longer[0] if len(longer) == 1 else name
    return f"section {fact.section or ''}"


def group_breakdowns(facts: list[Fact], currency: str | None, unit: str | None, source_id: str, unplaced: list[dict],
                     base_year: int | None) -> list[dict]:
    """Items grouped by dimension (regions, countries, each 'By X'), in reading order, figures merged per item."""
    groups: dict[str, dict[str, list[Fact]]] = {}
    labels: dict[str, str] = {}
    dimensions = {_dimension(f.dimension) for f in facts if f.dimension and not f.geo}
    for f in facts:
        if f.kind not in ("share", "value", "item_cagr", "claim") or not f.item:
            continue
        key = _breakdown_key(f, dimensions)
        labels.setdefault(key, f.dimension or "")
        groups.setdefault(key, {}).setdefault(item_key(f.item), []).append(f)
    region_names = {k: v[0].item for k, v in groups.get("region", {}).items()}
    out, ids = [], set()
    for key, items in _split_overfull(groups, labels).items():
        out.append(_breakdown(key, labels[key], items, ids, region_names, currency, unit, source_id, unplaced,
                              base_year))
    return out


def _split_overfull(groups: dict[str, dict[str, list[Fact]]], labels: dict[str, str]) -> dict:
    """Items with no stated dimension share a breakdown only if their shares fit in one; else each gets its own.

    'Dog policies 78.5%' and 'accident and illness 87.2%' cannot be one split; nothing in the text says
    which dimension each belongs to, so the draft does not pretend they are one.
    """
    out: dict[str, dict[str, list[Fact]]] = {}
    for key, items in groups.items():
        shares = [next((Decimal(f.number) for f in fs if f.kind == "share"), Decimal(0)) for fs in items.values()]
        if key.startswith("section ") and sum(shares) > 100:
            for n, (name, fs) in enumerate(items.items()):
                out[f"{key}#{n}"] = {name: fs}
                labels[f"{key}#{n}"] = labels[key]
        else:
            out[key] = items
    return out


def _breakdown(key, dimension, items, ids, region_names, currency, unit, source_id, unplaced,
               base_year) -> dict:
    """One breakdown: its items, the year most of their figures are for, and parents that exist."""
    built = [item_of(fs, currency, unit, source_id, unplaced, base_year) for fs in items.values()]
    years = Counter(i.pop("_year") for i in built)
    dated = [(n, y) for y, n in years.items() if y is not None]
    year = max(dated)[1] if dated else None
    for item in built:
        own = item.pop("_own_year")
        if own is not None and own != year:
            item["year"] = own
        elif own is None and year is not None and ("share" in item or "value" in item):
            item["year"] = NOT_STATED  # the release gives this figure no year: never the breakdown's
        parent = item.pop("_parent")
        if parent and item_key(parent) in region_names:
            item["parent"] = region_names[item_key(parent)]
    label = {"region": "Region", "country": "Country"}.get(key) or (dimension[:1].upper() + dimension[1:]
                                                                      if dimension else "Segment")
    bid = slugify(label)
    while bid in ids:
        bid += "-2"
    ids.add(bid)
    breakdown = {"id": bid, "label": label, "geographic": key in ("region", "country")}
    if year is not None:
        breakdown["year"] = year
    elif any("share" in i or "value" in i for i in built):
        breakdown["year"] = NOT_STATED  # not the base year: the release dates none of these figures
    breakdown["items"] = built
    return breakdown
