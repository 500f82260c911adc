"""Facts found in a release placed into a params mapping (schema v2) and written as commented YAML."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .amounts import amount, in_unit, pct
from .bounds import hedged
from .breakdowns import group_breakdowns
from .citation import NOT_STATED, citation, citation_id, why_left_out
from .facts import Release
from .names import geography_of, market_slug
from .patterns import Fact, unique, yaml_number
from .scope import expand_every, larger_than_market, other_market, submarket, whole_market_share
from .size_block import (
    Grow,
    assumed_end,
    base_total,
    bound_end,
    currency_unit,
    market_cagrs,
    period_of,
    settle_totals,
)
from .volumes import volume_series
from .yaml_text import to_yaml

FACT_KINDS = ("totals", "cagr", "shares", "values", "item_cagrs", "claims")


@dataclass
class Draft:
    """The drafted params mapping, its YAML text, and what the analyst still has to do."""

    params: dict
    yaml_text: str
    counts: dict[str, int]
    missing: list[str] = field(default_factory=list)
    unplaced: list[dict] = field(default_factory=list)


def build(release: Release, source_name: str = "release", slug: str | None = None, grow: Grow | None = None) -> Draft:
    """Place every fact: size, totals, breakdowns and claims; the rest goes to `unplaced` with a reason.

    `grow` (the model's one compounding formula, passed in by the caller: drafting does not import the model)
    lets a release that states only a base and a CAGR to a later year get an end marked as ours.
    """
    facts = release.facts
    unplaced = [{"quote": f.quote, "note": f.note} for f in facts if f.kind == "unplaced"]
    meta = release.meta
    source_id = citation_id(meta)

    def sourced(fact: Fact, **fields) -> dict:
        hedge = {"bound": fact.hedge} if fact.hedge else {}
        return {**fields, **hedge, "basis": "sourced", "source": source_id, "quote": fact.quote}

    facts = [hedged(f, release.text) for f in facts]
    name = release.market_name or (meta.title or "Unnamed market").split(":")[0]
    geography = geography_of(name)
    facts = [whole_market_share(f, geography, unplaced) for f in facts]
    facts = expand_every([f for f in facts if f is not None], unplaced)
    facts = [submarket(f, geography, unplaced) for f in facts]
    facts = [f for f in facts if f is not None and not other_market(f, name, unplaced)]
    bounds = [f for f in facts if f.kind == "total" and f.bound]
    totals = [f for f in facts if f.kind == "total" and not f.bound]
    currency, unit = currency_unit(totals or bounds, facts)
    totals, claims = settle_totals(totals, currency, unplaced)
    stated = {(t.year, amount(t)) for t in totals}
    bounds = [b for b in bounds if (b.year, amount(b)) not in stated]
    last = bound_end(bounds, totals, [f for f in facts if f.kind == "cagr"], currency)
    if last:
        totals.append(last)
    claims += [b for b in bounds if b is not last]
    size: dict = {}
    extra_totals = []
    base = base_total(totals, meta.published)
    if base:
        end = totals[-1]
        size["base"] = sourced(base, year=base.year, value=in_unit(base.number, base.scale, unit))
        if end is not base:
            size["end"] = sourced(end, year=end.year, value=in_unit(end.number, end.scale, unit))
        extra_totals = [sourced(t, year=t.year, value=in_unit(t.number, t.scale, unit)) for t in totals
                        if t is not base and t is not end]
    cagr, others = market_cagrs([f for f in facts if f.kind == "cagr"], base, totals, unplaced)
    if cagr:
        size["cagr"] = sourced(cagr, rate=pct(cagr.number), **period_of(cagr))
    if others:
        size["other_cagrs"] = [sourced(c, rate=pct(c.number), **period_of(c)) for c in others]
    facts = [f for f in facts if not larger_than_market(f, totals, currency, unplaced)]
    if grow and base and cagr and "end" not in size:
        size.update(assumed_end(base, cagr, unit, grow))
    if size.get("base") and size.get("end"):
        size.setdefault("anchor", "endpoints")
    breakdowns = group_breakdowns(facts, currency, unit, source_id, unplaced, base.year if base else None)
    claim_list = [
        {"text": c.quote, "scale": c.scale, "source": source_id} for c in unique(
            [f for f in facts if f.kind == "scale_claim"], lambda f: f.scale)
    ] + [{"text": c.quote, "scale": c.scale, "value": yaml_number(c.number), "year": c.year,
          **({"bound": "at-least"} if c.bound else {}), "source": source_id} for c in claims]
    params: dict = {
        "market": {
            "name": name,
            "slug": slug or market_slug(name),
            "geography": geography,
            "currency": currency or "USD",
            "unit": unit or "million",
        },
        "sources": [citation(meta, source_id, name)],
        "size": size,
    }
    volume = volume_series(release.text, source_id)
    if volume:
        params["volume"], said = volume
        unplaced = [u for u in unplaced if u["quote"] != said]  # its CAGR, listed as a volume's, is placed now
    if extra_totals:
        params["totals"] = extra_totals
    if breakdowns:
        params["breakdowns"] = breakdowns
    if claim_list:
        params["claims"] = claim_list
    unplaced = [dict(u) for u in unique(unplaced, lambda u: (u["quote"], u["note"]))]
    if unplaced:
        params["unplaced"] = unplaced
    counts = count_facts(params)
    missing = _missing(params, meta, currency, unit)
    return Draft(params, to_yaml(params, missing, source_name, why_left_out(meta, name)), counts, missing, unplaced)


def count_facts(params: dict) -> dict[str, int]:
    """How many figures of each kind the draft holds."""
    size = params.get("size", {})
    items = [i for b in params.get("breakdowns", []) for i in b["items"]]
    return {
        "totals": sum(k in size for k in ("base", "end")) + len(params.get("totals", [])),
        "cagr": int("cagr" in size),
        "shares": sum("share" in i for i in items),
        "values": sum("value" in i for i in items),
        "item_cagrs": sum("cagr" in i for i in items),
        "claims": sum(len(i.get("claims", [])) for i in items) + len(params.get("claims", [])),
        "unplaced": len(params.get("unplaced", [])),
    }


def _missing(params: dict, meta, currency, unit) -> list[str]:
    """What an analyst must add before the report is complete."""
    out = []
    size = params["size"]
    if "base" not in size:
        out.append("size.base: no dated market total found")
    if "end" not in size:
        out.append("size.end: no second dated market total found (add one, or a CAGR with anchor: cagr)")
    if not currency or not unit:
        out.append("market.currency/unit: no market amount found; USD million is a placeholder")
    if not meta.publisher:
        out.append(f"sources[0].publisher: {NOT_STATED}")
    if not meta.published:
        out.append(f"sources[0].published: {NOT_STATED} (add it, or 'accessed')")
    if not meta.url:
        out.append(f"sources[0].url: {NOT_STATED}")
    for b in params.get("breakdowns", []):
        total = sum(Decimal(i["share"].rstrip("%")) for i in b["items"] if "share" in i)
        if any("share" in i for i in b["items"]) and total < 100:
            out.append(f"breakdown '{b['id']}': shares reach {total}%; the rest shows as not itemised by the source")
    if not params.get("breakdowns"):
        out.append("breakdowns: none found; the report shows the market total only")
    return out
