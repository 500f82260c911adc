"""Whether a figure is of this market: another market's total, a submarket, a share of a part, 'all regions'."""
from __future__ import annotations

import re
from dataclasses import replace

from .amounts import amount
from .lexicon import COUNTRY_REGION, GEO, GEO_ADJECTIVES, REGION_SPELLINGS
from .names import place_name
from .patterns import Fact
from .subjects import EVERY

NUMBER_WORDS = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}


def expand_every(facts: list[Fact], unplaced: list[dict]) -> list[Fact]:
    """'All five regions grow at 6.75%': each region the release names gets that rate, if five are named."""
    out = []
    for f in facts:
        if f.item != EVERY:
            out.append(f)
            continue
        names = list(dict.fromkeys(g.item for g in facts if g.geo == f.geo and g.item and g.item != EVERY))
        count = f.note.removeprefix("every ")
        stated = int(count) if count.isdigit() else NUMBER_WORDS.get(count)
        if f.kind != "item_cagr" or not names or stated is not None and stated != len(names):
            kind = "regions" if f.geo == "region" else "countries"
            unplaced.append({"quote": f.quote, "note": f"said of all {kind} ({len(names)} named): place it by hand"})
            continue
        out += [replace(f, item=name, note=None) for name in names]
    return out


def whole_market_share(fact: Fact, geography: str, unplaced: list[dict]) -> Fact | None:
    """A share 'of the European market' is of the whole market only when the market is Europe's."""
    if fact.kind != "share" or not fact.share_of:
        return fact
    place = GEO_ADJECTIVES.get(fact.share_of.lower()) or REGION_SPELLINGS.get(fact.share_of.removesuffix("'s"))
    if place and place == geography:
        return fact
    unplaced.append({"quote": fact.quote, "note": f"a share of {fact.share_of}, not of the whole market"})
    return None


def larger_than_market(fact: Fact, totals: list[Fact], currency: str | None, unplaced: list[dict]) -> bool:
    """An item's value above the whole market's total for its year belongs to another market."""
    if fact.kind != "value" or fact.currency != currency or fact.scale is None:
        return False
    total = next((t for t in totals if t.year == fact.year), None)
    if total is None or amount(fact) <= amount(total):
        return False
    unplaced.append({"quote": fact.quote, "note": f"larger than this market's {fact.year} total: a figure of another "
                     "market, not an item of this one"})
    return True


def submarket(fact: Fact, geography: str, unplaced: list[dict]) -> Fact | None:
    """'The U.S. kelp snack market' inside a North American market is an item; inside a U.S. market, the market."""
    if fact.kind not in ("total", "cagr") or not fact.market:
        return fact
    said = GEO.search(fact.market)
    if not said or place_name(said.group(1)) == geography:
        return fact
    place = place_name(said.group(1))
    country = said.group(1) in COUNTRY_REGION
    if geography != "Global" and not (country and COUNTRY_REGION[said.group(1)] == geography):
        unplaced.append({"quote": fact.quote, "note": f"a figure of {fact.market}, not of this {geography} market"})
        return None
    return replace(fact, kind="value" if fact.kind == "total" else "item_cagr", item=place,
                   geo="country" if country else "region", market=None)


def other_market(fact: Fact, name: str, unplaced: list[dict]) -> bool:
    """A total said of 'the broader digital health market' is not this market's total."""
    if fact.kind != "total" or not fact.market:
        return False
    words = set(_content_words(fact.market))
    if not words - set(_content_words(name)):  # every word of the phrase is in the name: this market
        return False
    unplaced.append({"quote": fact.quote, "note": f"a total of another market ('{fact.market}')"})
    return True


def _content_words(text: str) -> list[str]:
    stop = {"the", "a", "an", "global", "worldwide", "market", "overall", "total", "entire", "whole", "of", "and",
            "projected", "expected", "estimated", "forecast", "current", "size", "volume", "value", "revenue",
            "fast", "growing", "booming", "thriving", "lucrative", "rapidly", "expanding", "emerging", "dynamic"}
    return [w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
            for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in stop]
