"""Growth arithmetic: stated CAGRs against the endpoints they join, of the market, its items, volume and roll-up."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.formatting import figure, figure_pct, number, pct, pp, value_decimals
from . import breakdowns as bd
from . import volume
from .audit_finding import Finding, clash, given_as, holds, tol_rate
from .forecast import anchor_rate, compound, implied_cagr
from .provenance import mark

if TYPE_CHECKING:
    from ..inputs.market_file import Params


def check_cagr(p: Params) -> list[Finding]:
    """A stated CAGR must follow from the endpoints under one of the two usual ways of counting years.

    n is tried as end - base and as end - first forecast year (the CAGR's from_year, else
    base + 1), and from a stated total (in from_year, or any when the source gives no start year).
    Within `audit.cagr_tolerance_pp` of any is a pass; all failing is an error.
    """
    s = p.size
    if s.cagr is None:
        return []
    rate = s.cagr.rate
    conventions = {"base": s.years}
    forecast_n = s.end.year - (s.cagr.from_year or s.base.year + 1)
    if 0 < forecast_n != s.years:
        conventions["forecast"] = forecast_n
    starts = {k: s.base.value for k in conventions}
    # counted from a stated total: the one in the CAGR's start year, or, when the source gives no start year,
    # whichever stated total the rate fits best
    candidates = [t for t in p.totals if t.dated and t.year < s.end.year
                  and (t.year == s.cagr.from_year if s.cagr.from_year else t.year > s.base.year)]
    stated_from = min(candidates, default=None,
                      key=lambda t: abs(implied_cagr(t.value, s.end.value, s.end.year - t.year) - rate))
    if stated_from is not None:
        conventions["total"] = s.end.year - stated_from.year
        starts["total"] = stated_from.value
    implied = {k: implied_cagr(starts[k], s.end.value, n) for k, n in conventions.items()}
    gaps = {k: rate - r for k, r in implied.items()}
    fits = [k for k, r in implied.items() if holds(rate, r, tol_rate(p), s.cagr.bound_of("rate"))]
    best = min(fits or gaps, key=lambda k: abs(gaps[k]))
    matched = bool(fits)
    shown = best if matched else "base"
    numbers: dict[str, float | int | str] = {
        "subject": "CAGR vs endpoints", "stated": rate, "stated_text": figure_pct(s.cagr), "model": implied[shown],
        "tolerance_pp": p.audit.cagr_tolerance_pp, "matching_n": conventions[best] if matched else "none",
    }
    for k, r in implied.items():
        n = conventions[k]
        numbers |= {f"n_{k}": n, f"implied_n_{k}": r, f"stated_end_n_{k}": compound(starts[k], rate, n)}

    def ends(k: str) -> str:
        first = stated_from if k == "total" else s.base
        return f"{figure(first)} ({first.year}) and {figure(s.end)} ({s.end.year})"

    given = f"{given_as(s.cagr).capitalize()} CAGR {figure_pct(s.cagr)}"

    def over(k: str) -> str:
        n = conventions[k]
        return f"over the {n} years {s.end.year - n}\u2013{s.end.year}"

    if matched:
        return [Finding("cagr", "info", (
            f"{given} {'fits' if s.cagr.bound else 'matches'} the {pct(implied[best], 2)} implied by {ends(best)} "
            f"{over(best)} ({pp(gaps[best], 2)}, tolerance {number(p.audit.cagr_tolerance_pp, 2)} pp)."), numbers)]
    others, d = [k for k in implied if k not in ("base", "total")], value_decimals(p)
    also = "".join(f", and with the {pct(implied[k], 2)} implied {over(k)}" for k in others)
    alt = "".join(f" (or {number(numbers[f'stated_end_n_{k}'], d)} counting {conventions[k]} years)" for k in others)
    return [Finding("cagr", clash(s.cagr, s.base, s.end), (
        f"{given} disagrees with the {pct(implied['base'], 2)} implied by {ends('base')} {over('base')}{also}. "
        f"At {figure_pct(s.cagr)}, {figure(s.base)} would reach {number(numbers['stated_end_n_base'], d)} "
        f"by {s.end.year}"
        f"{alt}, not the {given_as(s.end)} {figure(s.end)}."), numbers)]


def check_item_cagr(p: Params) -> list[Finding]:
    """An item's stated CAGR must turn its own start value into its own end value."""
    out = []
    for b in p.breakdowns:
        for item in b.items:
            first = bd.start(p, b, item)
            if item.cagr is None or item.end is None or first is None or item.end.year <= first.year:
                continue
            n = item.end.year - first.year
            implied = implied_cagr(first.value, item.end.value, n)
            gap = item.cagr.rate - implied
            numbers = {"subject": f"{item.name} CAGR vs its values", "stated": item.cagr.rate,
                       "stated_text": figure_pct(item.cagr), "model": implied,
                       "from_year": first.year, "to_year": item.end.year}
            how = (f"value {figure(item)}" if first.kind == "value"
                   else f"{figure_pct(item, 'share')} share ({number(first.value, value_decimals(p))})")
            head = (f"{item.name}: {given_as(item.cagr)} CAGR {figure_pct(item.cagr)} against the {pct(implied, 2)} "
                    f"implied by its {first.year} {how} and its {item.end.year} value {figure(item.end)}")
            if abs(gap) <= tol_rate(p):
                out.append(Finding("item-cagr", "info", head + ".", numbers))
            else:
                out.append(Finding("item-cagr", clash(item.cagr, item.end, item), f"{head}: {pp(gap, 2)} apart.",
                                   numbers))
    return out


def check_rollup(p: Params) -> list[Finding]:
    """In a complete breakdown, item growth rates weighted by value must compound to the market's own growth."""
    out = []
    for b in p.breakdowns:
        if not bd.complete(p, b) or all(i.cagr is None for i in b.items):
            continue
        year = bd.item_year(p, b, b.items[0])
        horizon = p.size.end.year - year
        if horizon <= 0:
            continue
        weights = bd.shares_stated(p, b)
        grown = sum(w / weights.sum() * compound(1, bd.rate(p, b, b.item(n)).rate, horizon) for n, w in weights.items())
        rollup = implied_cagr(1, grown, horizon)
        market = anchor_rate(p)
        gap = rollup - market
        numbers = {"subject": f"{b.label} growth roll-up", "stated": rollup, "model": market,
                   "from_year": year, "to_year": p.size.end.year}
        head = (f"{b.label}: item growth rates weighted by their {year} values compound to {pct(rollup, 3)} a year "
                f"over {year}\u2013{p.size.end.year}, against the market's {pct(market, 3)} ({pp(gap, 3)})")
        if abs(gap) <= tol_rate(p):
            out.append(Finding("rollup", "info", head + ".", numbers))
        else:
            out.append(Finding("rollup", "warning", head + "; the model rescales the items so they still add up, "
                               "so their modelled growth differs from the rates given.", numbers))
    return out


def check_volume(p: Params) -> list[Finding]:
    """A stated volume CAGR must follow from the volume's own endpoints; money figures never enter this check."""
    v = p.volume
    if v is None or v.cagr is None:
        return []
    gaps = volume.stated_rate_gaps(v)
    n = min(gaps, key=lambda k: abs(gaps[k]))
    implied = v.cagr.rate - gaps[n]
    fits = holds(v.cagr.rate, implied, tol_rate(p), v.cagr.bound_of("rate"))
    numbers = {"subject": f"Volume CAGR vs endpoints ({v.unit})", "stated": v.cagr.rate,
               "stated_text": figure_pct(v.cagr), "model": implied, "matching_n": n if fits else "none"}
    head = (f"Volume ({v.unit}): {given_as(v.cagr)} CAGR {figure_pct(v.cagr)} {mark(p, v.cagr)} "
            f"{'fits' if fits else 'disagrees with'} the {pct(implied, 2)} implied by {figure(v.base)} "
            f"({v.base.year}) and {figure(v.end)} ({v.end.year}) over {n} years")
    return [Finding("volume", "info" if fits else clash(v.cagr, v.base, v.end), head + ".", numbers)]
