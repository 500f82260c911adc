"""The draft's `size:` block: one total a year, the base and end, the market CAGR and the other CAGRs."""
from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from .amounts import SCALE_ORDER, amount, decimals, in_unit
from .patterns import Fact, unique

Grow = Callable[[float, float, int], float]  # the model's compounding (start, rate, years), passed in by the caller


def currency_unit(totals: list[Fact], facts: list[Fact]) -> tuple[str | None, str | None]:
    """The base total's currency and scale; other amounts are moved to that scale."""
    body = [t for t in totals if not t.headline] or totals
    if body:
        first = min(body, key=lambda t: t.year)
        return first.currency, first.scale
    money = [f for f in facts if f.kind == "value"]
    return (money[0].currency, money[0].scale) if money else (None, None)


def settle_totals(totals: list[Fact], currency: str | None, unplaced: list[dict]) -> tuple[list[Fact], list[Fact]]:
    """One total per year; a rounded restatement ('USD 1.8 Billion' for 1,861.2 million) becomes a claim."""
    by_year: dict[int, list[Fact]] = {}
    for t in totals:
        if t.currency != currency:
            unplaced.append({"quote": t.quote, "note": f"a total in {t.currency}, the market is in {currency}"})
            continue
        by_year.setdefault(t.year, []).append(t)
    kept, claims = [], []
    for year in sorted(by_year):
        group = sorted(by_year[year], key=lambda t: (t.headline, -decimals(t.number)))
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


def _restates(rough: Fact, precise: Fact) -> bool:
    """A figure rounded from the precise one, or a bound ('surpassing', 'over') that the precise one meets."""
    scale = Decimal(1000) ** (SCALE_ORDER.index(rough.scale) + 1)
    half = Decimal(5) * Decimal(10) ** (-decimals(rough.number) - 1) * scale
    if abs(amount(rough) - amount(precise)) <= half:
        return True
    return rough.headline and amount(rough) <= amount(precise) <= amount(rough) * Decimal("1.1")


def base_total(totals: list[Fact], published: str | None) -> Fact | None:
    """The last total before the year of publication (the last full year); the earliest when none is."""
    if not totals:
        return None
    done = [t for t in totals[:-1] if published and t.year < int(published[:4])]
    return done[-1] if done else totals[0]


def bound_end(bounds: list[Fact], totals: list[Fact], cagrs: list[Fact], currency: str | None) -> Fact | None:
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


def market_cagrs(cagrs: list[Fact], base: Fact | None, totals: list[Fact],
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
        if other.from_year and other.to_year and period_of(other) != period_of(best):
            others.append(other)
        else:
            unplaced.append({"quote": other.quote,
                             "note": f"a second market growth rate; the draft uses {best.number}%"})
    same = {(best.number, best.from_year, best.to_year)} if best else set()
    return best, unique([o for o in others if (o.number, o.from_year, o.to_year) not in same],
                        lambda o: (o.number, o.from_year, o.to_year))


def assumed_end(base: Fact, cagr: Fact, unit: str, grow: Grow) -> dict:
    """Only a base and a CAGR to a later year: the end the CAGR implies, marked as ours, so the draft validates."""
    if not cagr.to_year or cagr.to_year <= base.year:
        return {}
    start = float(str(in_unit(base.number, base.scale, unit)).replace(",", ""))
    years = cagr.to_year - base.year
    value = Decimal(repr(grow(start, float(cagr.number) / 100, years)))
    places = Decimal(1).scaleb(-max(decimals(base.number), 1))
    return {"end": {"year": cagr.to_year, "value": float(value.quantize(places)), "basis": "assumed",
                    "rationale": f"not stated in the release: the {base.year} total compounded at the stated "
                                 f"{cagr.number}% for {years} years; replace it if the source gives an end value"},
            "anchor": "cagr"}


def period_of(fact: Fact) -> dict:
    """The years a rate is stated for, only those the release gives."""
    out = {}
    if fact.from_year:
        out["from_year"] = fact.from_year
    if fact.to_year:
        out["to_year"] = fact.to_year
    return out
