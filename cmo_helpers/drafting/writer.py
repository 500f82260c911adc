"""Facts found in a release placed into a params mapping (schema v2) and written as commented YAML."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal

import yaml

from .bounds import bound_of
from .facts import EVERY, Release
from .patterns import Fact, yaml_number
from .source import title_problem
from .volumes import volume_series

SCALE_ORDER = ["thousand", "million", "billion", "trillion"]
NOT_STATED = "not stated in the release"
NO_YEAR = "not stated"  # the schema's year of a figure the release gives without one
FACT_KINDS = ("totals", "cagr", "shares", "values", "item_cagrs", "claims")


@dataclass
class Draft:
    """The drafted params mapping, its YAML text, and what the analyst still has to do."""

    params: dict
    yaml_text: str
    counts: dict[str, int]
    missing: list[str] = field(default_factory=list)
    unplaced: list[dict] = field(default_factory=list)


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "market"


def market_slug(name: str) -> str:
    """'Global Healthcare CMO Market' -> 'healthcare-cmo'."""
    words = [w for w in re.findall(r"[a-z0-9]+", name.lower()) if w not in {"global", "worldwide", "the", "market"}]
    return "-".join(words)[:60].strip("-") or "market"


def amount(fact: Fact) -> Decimal:
    """The figure in currency units, for comparing facts written in different scales."""
    return Decimal(fact.number.replace(",", "")) * Decimal(1000) ** (SCALE_ORDER.index(fact.scale) + 1)


def in_unit(number: str, scale: str, unit: str) -> str | float | int:
    """The source's digits when the scale is the market's; otherwise the exact value moved to the market's scale."""
    if scale == unit:
        text = number
    else:
        shift = 3 * (SCALE_ORDER.index(scale) - SCALE_ORDER.index(unit))
        text = format(Decimal(number.replace(",", "")).scaleb(shift), "f")
    return yaml_number(text)


def pct(number: str) -> str:
    return f"{number}%"


def item_key(name: str) -> str:
    """Item names compared as a reader would: case, hyphens, 'the', a trailing 'segment' and 'U.S.'/'US' ignored."""
    from .lexicon import SAME_PLACE

    name = SAME_PLACE.get(str(name).strip(), str(name))
    name = re.sub(r"[-‐–]", " ", name.casefold())
    name = re.sub(r"^the\s+", "", name)
    name = re.sub(r"\s+(?:segment|sub segment|category)$", "", name)
    return " ".join(name.split())


Grow = Callable[[float, float, int], float]


def build(release: Release, source_name: str = "release", slug: str | None = None, grow: Grow | None = None) -> Draft:
    """Place every fact: size, totals, breakdowns and claims; the rest goes to `unplaced` with a reason.

    `grow` (the model's one compounding formula, passed in by the caller: drafting does not import the model)
    lets a release that states only a base and a CAGR to a later year get an end marked as ours.
    """
    facts = release.facts
    unplaced = [{"quote": f.quote, "note": f.note} for f in facts if f.kind == "unplaced"]
    meta = release.meta
    source_id = f"{slugify(meta.publisher or 'release')[:40]}-{(meta.published or '')[:4] or 'source'}".strip("-")

    def sourced(fact: Fact, **fields) -> dict:
        hedge = {"bound": fact.hedge} if fact.hedge else {}
        return {**fields, **hedge, "basis": "sourced", "source": source_id, "quote": fact.quote}

    facts = [_hedged(f, release.text) for f in facts]
    name = release.market_name or (meta.title or "Unnamed market").split(":")[0]
    geography = _geography(name)
    facts = [_whole_market_share(f, geography, unplaced) for f in facts]
    facts = _expand_every([f for f in facts if f is not None], unplaced)
    facts = [_submarket(f, geography, unplaced) for f in facts]
    facts = [f for f in facts if f is not None and not _other_market(f, name, unplaced)]
    bounds = [f for f in facts if f.kind == "total" and f.bound]
    totals = [f for f in facts if f.kind == "total" and not f.bound]
    currency, unit = _currency_unit(totals or bounds, facts)
    totals, claims = _settle_totals(totals, currency, unplaced)
    stated = {(t.year, amount(t)) for t in totals}
    bounds = [b for b in bounds if (b.year, amount(b)) not in stated]
    last = _bound_end(bounds, totals, [f for f in facts if f.kind == "cagr"], currency)
    if last:
        totals.append(last)
    claims += [b for b in bounds if b is not last]
    size: dict = {}
    extra_totals = []
    base = _base_total(totals, meta.published)
    if base:
        end = totals[-1]
        size["base"] = sourced(base, year=base.year, value=in_unit(base.number, base.scale, unit))
        if end is not base:
            size["end"] = sourced(end, year=end.year, value=in_unit(end.number, end.scale, unit))
        extra_totals = [sourced(t, year=t.year, value=in_unit(t.number, t.scale, unit)) for t in totals
                        if t is not base and t is not end]
    cagr, others = _market_cagrs([f for f in facts if f.kind == "cagr"], base, totals, unplaced)
    if cagr:
        size["cagr"] = sourced(cagr, rate=pct(cagr.number), **_period(cagr))
    if others:
        size["other_cagrs"] = [sourced(c, rate=pct(c.number), **_period(c)) for c in others]
    facts = [f for f in facts if not _larger_than_market(f, totals, currency, unplaced)]
    if grow and base and cagr and "end" not in size:
        size.update(_assumed_end(base, cagr, unit, grow))
    if size.get("base") and size.get("end"):
        size.setdefault("anchor", "endpoints")
    breakdowns = _breakdowns(facts, currency, unit, source_id, unplaced, base.year if base else None)
    claim_list = [
        {"text": c.quote, "scale": c.scale, "source": source_id} for c in _unique(
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
        "sources": [_source(meta, source_id, name)],
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
    unplaced = [dict(u) for u in _unique(unplaced, lambda u: (u["quote"], u["note"]))]
    if unplaced:
        params["unplaced"] = unplaced
    counts = count_facts(params)
    missing = _missing(params, meta, currency, unit)
    left_out = {"publisher": "the release names no publisher", "title": title_problem(meta.title, name),
                "published": NOT_STATED, "url": NOT_STATED}
    return Draft(params, to_yaml(params, missing, source_name, left_out), counts, missing, unplaced)


NUMBER_WORDS = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}


def _expand_every(facts: list[Fact], unplaced: list[dict]) -> list[Fact]:
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


def _hedged(fact: Fact, text: str) -> Fact:
    """The figure with the source's bound word on it (and in its quote); a total read as a bound is at least 'over'."""
    found = bound_of(text, fact.start, fact.quote, fact.number) if fact.kind not in ("claim", "unplaced") else None
    if not found:
        return replace(fact, hedge="over") if fact.bound else fact
    word, at = found
    if at >= fact.start:
        return replace(fact, hedge=word)
    return replace(fact, hedge=word, quote=text[at:fact.start + len(fact.quote)], start=at)  # the quote shows the word


def _whole_market_share(fact: Fact, geography: str, unplaced: list[dict]) -> Fact | None:
    """A share 'of the European market' is of the whole market only when the market is Europe's."""
    if fact.kind != "share" or not fact.share_of:
        return fact
    from .lexicon import GEO_ADJECTIVES, REGION_SPELLINGS

    place = GEO_ADJECTIVES.get(fact.share_of.lower()) or REGION_SPELLINGS.get(fact.share_of.removesuffix("'s"))
    if place and place == geography:
        return fact
    unplaced.append({"quote": fact.quote, "note": f"a share of {fact.share_of}, not of the whole market"})
    return None


def _larger_than_market(fact: Fact, totals: list[Fact], currency: str | None, unplaced: list[dict]) -> bool:
    """An item's value above the whole market's total for its year belongs to another market."""
    if fact.kind != "value" or fact.currency != currency or fact.scale is None:
        return False
    total = next((t for t in totals if t.year == fact.year), None)
    if total is None or amount(fact) <= amount(total):
        return False
    unplaced.append({"quote": fact.quote, "note": f"larger than this market's {fact.year} total: a figure of another "
                     "market, not an item of this one"})
    return True


def _bound_end(bounds: list[Fact], totals: list[Fact], cagrs: list[Fact], currency: str | None) -> Fact | None:
    """'Poised to cross USD 2 trillion by 2036' after every stated total: the only end value the release gives.

    Only when nothing else ends the forecast: the bound is for the stated CAGR's last year, or, with no CAGR
    period, fewer than two totals are stated ('revenues topping $7 billion by 2033' after a 2032 end is a claim).
    """
    ends = {c.to_year for c in cagrs if c.to_year}
    later = [b for b in bounds if b.currency == currency and (not totals or b.year > totals[-1].year)
             and (b.year in ends if ends else len(totals) < 2)]
    if not later:
        return None
    return max(later, key=lambda b: b.year)


def _place(name: str) -> str:
    """One spelling per place: 'U.S.' and 'United States', 'APAC' and 'Asia Pacific'."""
    from .lexicon import REGION_SPELLINGS, SAME_PLACE

    name = SAME_PLACE.get(name, name)
    return REGION_SPELLINGS.get(name, name)


def _submarket(fact: Fact, geography: str, unplaced: list[dict]) -> Fact | None:
    """'The U.S. kelp snack market' inside a North American market is an item; inside a U.S. market, the market."""
    from .lexicon import COUNTRY_REGION, GEO

    if fact.kind not in ("total", "cagr") or not fact.market:
        return fact
    said = GEO.search(fact.market)
    if not said or _place(said.group(1)) == geography:
        return fact
    place = _place(said.group(1))
    country = said.group(1) in COUNTRY_REGION
    if geography != "Global" and not (country and COUNTRY_REGION[said.group(1)] == geography):
        unplaced.append({"quote": fact.quote, "note": f"a figure of {fact.market}, not of this {geography} market"})
        return None
    return replace(fact, kind="value" if fact.kind == "total" else "item_cagr", item=place,
                   geo="country" if country else "region", market=None)


def _other_market(fact: Fact, name: str, unplaced: list[dict]) -> bool:
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


def _unique(items, key):
    seen, out = set(), []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out


def _currency_unit(totals: list[Fact], facts: list[Fact]) -> tuple[str | None, str | None]:
    """The base total's currency and scale; other amounts are moved to that scale."""
    body = [t for t in totals if not t.headline] or totals
    if body:
        first = min(body, key=lambda t: t.year)
        return first.currency, first.scale
    money = [f for f in facts if f.kind == "value"]
    return (money[0].currency, money[0].scale) if money else (None, None)


def _settle_totals(totals: list[Fact], currency: str | None, unplaced: list[dict]) -> tuple[list[Fact], list[Fact]]:
    """One total per year; a rounded restatement ('USD 1.8 Billion' for 1,861.2 million) becomes a claim."""
    by_year: dict[int, list[Fact]] = {}
    for t in totals:
        if t.currency != currency:
            unplaced.append({"quote": t.quote, "note": f"a total in {t.currency}, the market is in {currency}"})
            continue
        by_year.setdefault(t.year, []).append(t)
    kept, claims = [], []
    for year in sorted(by_year):
        group = sorted(by_year[year], key=lambda t: (t.headline, -_decimals(t.number)))
        best = group[0]
        kept.append(best)
        for other in group[1:]:
            if amount(other) == amount(best):
                continue
            if _restates(other, best):
                claims.append(other)
            else:
                unplaced.append({"quote": other.quote, "note": f"a second, different total for {year}; "
                                 f"the draft uses '{best.quote}'"})
    return kept, claims


def _decimals(number: str) -> int:
    return len(number.split(".")[1]) if "." in number else 0


def _restates(rough: Fact, precise: Fact) -> bool:
    """A figure rounded from the precise one, or a bound ('surpassing', 'over') that the precise one meets."""
    scale = Decimal(1000) ** (SCALE_ORDER.index(rough.scale) + 1)
    half = Decimal(5) * Decimal(10) ** (-_decimals(rough.number) - 1) * scale
    if abs(amount(rough) - amount(precise)) <= half:
        return True
    return rough.headline and amount(rough) <= amount(precise) <= amount(rough) * Decimal("1.1")


def _base_total(totals: list[Fact], published: str | None) -> Fact | None:
    """The last total before the year of publication (the last full year); the earliest when none is."""
    if not totals:
        return None
    done = [t for t in totals[:-1] if published and t.year < int(published[:4])]
    return done[-1] if done else totals[0]


def _market_cagrs(cagrs: list[Fact], base: Fact | None, totals: list[Fact],
                  unplaced: list[dict]) -> tuple[Fact | None, list[Fact]]:
    """The forecast CAGR, and the other market CAGRs the release states each with its own period.

    A one-year step ('from X in 2025 to Y in 2026, a CAGR of ...') and a past rate with both its years are other
    CAGRs, never the forecast one; a second rate without a period of its own cannot be told apart, so it is listed.
    """
    base_year = base.year if base else None
    end_year = totals[-1].year if totals else None
    forecast, others = [], []
    for c in cagrs:
        step = c.from_year and c.to_year and c.to_year - c.from_year == 1
        past = c.historic or (c.to_year and base_year and c.to_year <= base_year)
        if step or past:
            if c.from_year and c.to_year:
                others.append(c)
            else:
                unplaced.append({"quote": c.quote, "note": "a past growth rate without its years, not the forecast "
                                 "CAGR"})
        else:
            forecast.append(c)
    ranked = sorted(forecast, key=lambda c: (c.to_year is None, c.to_year != end_year))
    best = ranked[0] if ranked else None
    for other in ranked[1:]:
        if other.number == best.number:
            continue
        if other.from_year and other.to_year and _period(other) != _period(best):
            others.append(other)
        else:
            unplaced.append({"quote": other.quote,
                             "note": f"a second market growth rate; the draft uses {best.number}%"})
    same = {(best.number, best.from_year, best.to_year)} if best else set()
    return best, _unique([o for o in others if (o.number, o.from_year, o.to_year) not in same],
                         lambda o: (o.number, o.from_year, o.to_year))


def _assumed_end(base: Fact, cagr: Fact, unit: str, grow: Grow) -> dict:
    """Only a base and a CAGR to a later year: the end the CAGR implies, marked as ours, so the draft validates."""
    if not cagr.to_year or cagr.to_year <= base.year:
        return {}
    start = float(str(in_unit(base.number, base.scale, unit)).replace(",", ""))
    years = cagr.to_year - base.year
    value = Decimal(repr(grow(start, float(cagr.number) / 100, years)))
    places = Decimal(1).scaleb(-max(_decimals(base.number), 1))
    return {"end": {"year": cagr.to_year, "value": float(value.quantize(places)), "basis": "assumed",
                    "rationale": f"not stated in the release: the {base.year} total compounded at the stated "
                                 f"{cagr.number}% for {years} years; replace it if the source gives an end value"},
            "anchor": "cagr"}


def _period(fact: Fact) -> dict:
    out = {}
    if fact.from_year:
        out["from_year"] = fact.from_year
    if fact.to_year:
        out["to_year"] = fact.to_year
    return out


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


def _breakdowns(facts: list[Fact], currency, unit, source_id: str, unplaced: list[dict],
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
    built = [_item(fs, currency, unit, source_id, unplaced, base_year) for fs in items.values()]
    years = Counter(i.pop("_year") for i in built)
    dated = [(n, y) for y, n in years.items() if y is not None]
    year = max(dated)[1] if dated else None
    for item in built:
        own = item.pop("_own_year")
        if own is not None and own != year:
            item["year"] = own
        elif own is None and year is not None and ("share" in item or "value" in item):
            item["year"] = NO_YEAR  # the release gives this figure no year: never the breakdown's
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
        breakdown["year"] = NO_YEAR  # not the base year: the release dates none of these figures
    breakdown["items"] = built
    return breakdown


def _item(facts: list[Fact], currency, unit, source_id: str, unplaced: list[dict], base_year: int | None) -> dict:
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
        period = _period(cagr)
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
    claims = _unique([f for f in facts if f.kind == "claim"], lambda f: f.claim)
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


def _geography(name: str) -> str:
    """The place a market's name gives ('European ...', 'North America ...', 'U.S. ...'); Global when none."""
    from .lexicon import GEO, GEO_ADJECTIVES

    lowered = name.lower()
    for word, place in sorted(GEO_ADJECTIVES.items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"(?<![\w.]){re.escape(word)}(?![\w])", lowered):
            return place
    said = GEO.search(name)
    return _place(said.group(1)) if said else "Global"


def _source(meta, source_id: str, market: str) -> dict:
    """The citation: a part the release does not give, or gives only as a sentence or tagline, is left out."""
    source = {"id": source_id}
    if meta.publisher:
        source["publisher"] = meta.publisher
    if not title_problem(meta.title, market):
        source["title"] = meta.title
    if meta.published:
        source["published"] = dt.date.fromisoformat(meta.published)
    for key in ("url", "kind", "place"):
        if getattr(meta, key):
            source[key] = getattr(meta, key)
    return source


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


_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml: the same text, a tenth of the time


def scalar(value) -> str:
    """One YAML scalar, quoted and escaped by PyYAML for a flow context, so any release text stays one safe line."""
    if isinstance(value, str) and re.fullmatch(r"[\d.,]+%?", value):
        return f'"{value}"'
    style = '"' if isinstance(value, str) and re.search("[\x85\u2028\u2029]", value) else None
    text = yaml.dump([value], Dumper=_DUMPER, allow_unicode=True, width=10**9, default_flow_style=True,
                     default_style=style)
    text = text.strip()
    return text[1:-1]


def _flow(mapping: dict) -> str:
    return "{" + ", ".join(f"{k}: {_value(v)}" for k, v in mapping.items()) + "}"


def _value(v) -> str:
    if isinstance(v, dict):
        return _flow(v)
    if isinstance(v, list):
        return "[" + ", ".join(_value(x) for x in v) + "]"
    return scalar(v)


def _list_item(mapping: dict, indent: str, show: Callable[[object], str]) -> list[str]:
    """One mapping as a YAML list item, one key per line (sources and breakdown items share the layout)."""
    return [f"{indent}{'- ' if n == 0 else '  '}{k}: {show(v)}" for n, (k, v) in enumerate(mapping.items())]


def to_yaml(params: dict, missing: list[str], source_name: str, left_out: dict[str, str | None] | None = None) -> str:
    """Commented YAML in the house layout: flow mappings for figures, one key per line elsewhere."""
    out = [
        f"# Drafted by `cmo-report draft` from {scalar(source_name)}. Every figure is `basis: sourced` with the",
        "# release's own words as `quote:`; check each one. Facts found but not placed are under `unplaced:`.",
    ]
    out += [f"# TODO {scalar(m)}" for m in missing]
    out.append("market:")
    out += [f"  {k}: {scalar(v)}" for k, v in params["market"].items()]
    out.append("\nsources:")
    for s in params["sources"]:
        out += _list_item(s, "  ", scalar)
        for k, why in (left_out or {}).items():  # why each citation part is left out, never a placeholder value
            if k not in s and why:
                out.append(f"    # {k}: left out: {why}")
    out.append("\nsize:")
    for k, v in params["size"].items():
        out.append(f"  {k}: {_value(v)}")
    if params.get("volume"):
        out.append("\n# The market in another unit: charted and audited on its own, never added to money.")
        out.append("volume:")
        out += [f"  {k}: {_value(v)}" for k, v in params["volume"].items()]
    if params.get("totals"):
        out.append("\ntotals:")
        out += [f"  - {_flow(t)}" for t in params["totals"]]
    if params.get("breakdowns"):
        out.append("\nbreakdowns:")
        for b in params["breakdowns"]:
            out.append(f"  - id: {scalar(b['id'])}")
            out += [f"    {k}: {scalar(b[k])}" for k in ("label", "geographic", "year") if k in b]
            out.append("    items:")
            for item in b["items"]:
                out += _list_item(item, "      ", _value)
    if params.get("claims"):
        out.append("\nclaims:")
        out += [f"  - {_flow(c)}" for c in params["claims"]]
    if params.get("unplaced"):
        out.append("\n# Found in the release but not placed: read each and move it into the file if it belongs.")
        out.append("unplaced:")
        out += [f"  - {_flow(u)}" for u in params["unplaced"]]
    return "\n".join(out) + "\n"
