"""Source audit rules: test a source's figures against each other before a client does. Findings only."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Literal

import pandas as pd

from ..core.formatting import (
    as_written,
    figure,
    figure_pct,
    in_year,
    number,
    pct,
    pp,
    share_decimals,
    signed_pct,
    value_decimals,
    year_label,
)
from ..inputs.params import NOT_STATED
from . import breakdowns as bd
from . import volume
from .forecast import (
    anchor_rate,
    compound,
    endpoint_cagr,
    implied_cagr,
    path_rates,
    stated_totals,
    total_at,
    total_on,
    totals,
)
from .provenance import cite, mark, source_year, total_text

if TYPE_CHECKING:
    from ..inputs.params import Basis, Breakdown, Item, Params

Severity = Literal["error", "warning", "info"]
LOOKBACK_YEARS = 5
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
TWIN_SCALES = {**SCALES, "unit": 1.0, "percent": 1.0}


@dataclass(frozen=True)
class Finding:
    """One rule's outcome, with the figures it compared so a reader can redo the sum.

    `numbers` always holds `subject` (what was checked), `stated` and `model` (the two
    figures compared); `stated_text` is a sourced figure as the source wrote it; rules add the
    intermediate figures behind their message.
    """

    rule: str
    severity: Severity
    message: str
    numbers: dict[str, float | int | str] = field(default_factory=dict)


def _given(obj: Basis) -> str:
    """'stated' for a sourced figure, 'assumed' for our own, so no message blames a source for our inputs."""
    return "assumed" if obj.assumed else "stated"


def _clash(*figures: Basis) -> Severity:
    """Sourced figures that disagree are the source's error; if we assumed one of them, it is ours to fix."""
    return "warning" if any(f.assumed for f in figures) else "error"


def _tol_rate(p: Params) -> float:
    return p.audit.cagr_tolerance_pp / 100 + 1e-12


ABOUT = 0.01  # 'about' and 'nearly' allow a relative slack of 1 % beyond the rounding tolerance


def holds(stated: float, model: float, tolerance: float, bound: str | None) -> bool:
    """Whether a model figure fits a stated one under the source's bound ('over 15%' holds for 15.6%)."""
    slack = max(tolerance, ABOUT * abs(stated))
    if bound in ("over", "more than", "at least"):
        return model >= stated - tolerance
    if bound == "up to":
        return model <= stated + tolerance
    if bound == "nearly":
        return stated - slack <= model <= stated + tolerance
    if bound == "about":
        return abs(model - stated) <= slack
    return abs(model - stated) <= tolerance


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
    fits = [k for k, r in implied.items() if holds(rate, r, _tol_rate(p), s.cagr.bound_of("rate"))]
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

    given = f"{_given(s.cagr).capitalize()} CAGR {figure_pct(s.cagr)}"

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
    return [Finding("cagr", _clash(s.cagr, s.base, s.end), (
        f"{given} disagrees with the {pct(implied['base'], 2)} implied by {ends('base')} {over('base')}{also}. "
        f"At {figure_pct(s.cagr)}, {figure(s.base)} would reach {number(numbers['stated_end_n_base'], d)} "
        f"by {s.end.year}"
        f"{alt}, not the {_given(s.end)} {figure(s.end)}."), numbers)]


def _total_in(p: Params, year: int | None) -> float | None:
    """The market total the source states for a year (base, end or a further total); None when it gives none."""
    found = stated_totals(p).get(year)
    return found.value if found is not None else None


def check_other_cagrs(p: Params) -> list[Finding]:
    """Each further stated CAGR against the source's own totals for its period, else beside the series' rate.

    A rate over a period whose start and end totals the source states must connect them; over the
    forecast period it must agree with the endpoints; over any other period it is only set beside the
    series' rate, since a market may grow faster in some years than in others.
    """
    out, s = [], p.size
    for c in s.other_cagrs:
        period = (c.from_year or s.base.year, c.to_year or s.end.year)
        first, last = _total_in(p, period[0]), _total_in(p, period[1])
        subject = f"CAGR {period[0]}\u2013{period[1]}"
        given = f"{_given(c).capitalize()} CAGR {figure_pct(c)} {mark(p, c)} over {period[0]}\u2013{period[1]}"
        if first is not None and last is not None and period[1] > period[0]:
            implied = implied_cagr(first, last, period[1] - period[0])
            numbers = {"subject": subject, "stated": c.rate, "stated_text": figure_pct(c), "model": implied,
                       "from_year": period[0],
                       "to_year": period[1]}
            if holds(c.rate, implied, _tol_rate(p), c.bound_of("rate")):
                out.append(Finding("cagr", "info", f"{given} fits the {pct(implied, 2)} implied by the source's "
                                   f"totals for {period[0]} and {period[1]}.", numbers))
            else:
                out.append(Finding("cagr", _clash(c), f"{given} disagrees with the {pct(implied, 2)} implied by the "
                                   f"source's totals for {period[0]} and {period[1]} ({pp(c.rate - implied, 2)}).",
                                   numbers))
            continue
        series = anchor_rate(p)
        numbers = {"subject": subject, "stated": c.rate, "stated_text": figure_pct(c), "model": series,
                   "from_year": period[0],
                   "to_year": period[1]}
        out.append(Finding("cagr", "info", f"{given} is shown beside the series' {pct(series, 2)} a year "
                           f"({pp(c.rate - series, 2)}); the source states no totals for both ends of its period, "
                           "so it is not checked.", numbers))
    return out


def _sum_of_shares(b: Breakdown, shares: pd.Series) -> str:
    """A sum of stated shares with as many decimals as the source wrote (none added); two when any was computed."""
    return pct(float(shares.sum()), share_decimals([b.item(n) for n in shares.index], computed=2))


def check_shares(p: Params) -> list[Finding]:
    """A breakdown's items may cover part of the market, never more than all of it; shares add up within one year."""
    out = []
    tol = p.audit.share_tolerance_pp / 100
    for b in p.breakdowns:
        groups = bd.share_groups(p, b)
        for year, stated in groups.items():
            total = float(stated.sum())
            when = in_year(year)
            dated = "" if len(groups) == 1 and year is not None else f", {year_label(year)}"
            shown = _sum_of_shares(b, stated)
            numbers = {"subject": f"{b.label} shares{dated}", "stated": total, "stated_text": shown,
                       "model": 1.0 if bd.complete(p, b) else "at most 100%", "items": len(stated)}
            head = f"{b.label}: the items with a share or value{when} ({len(stated)}) cover {shown} of the market"
            ours = year is not None and year not in stated_totals(p) and any(
                b.item(n).share is None for n in stated.index)  # a share we computed from a modelled total
            if total > 1 + tol + 1e-12:
                flagged = [b.item(n) for n in stated.index]
                out.append(Finding("shares", _clash(*flagged) if not ours else "warning",
                                   f"{head}: {pct(total - 1, 2)} more than the whole market.", numbers))
            elif total < 1 - tol - 1e-12:
                out.append(Finding("shares", "info",
                                   f"{head}; the other {pct(1 - total, 2)} is not itemised by the source.", numbers))
            else:
                out.append(Finding("shares", "info", f"{head}: the breakdown is complete.", numbers))
    return out


def _path_text(p: Params, year: int, rates: dict[str, float], model: dict[str, float], gaps: dict[str, float],
               k: str) -> str:
    """One growth path's total for an item's year, as the stated-value finding names it."""
    if year == p.size.base.year:
        return f"the {_given(p.size.base)} {year} total ({number(model[k], value_decimals(p))}, {signed_pct(gaps[k])})"
    name = "endpoint-implied" if k == "implied" else _given(p.size.cagr)
    rate = pct(rates[k], 2) if k == "implied" else figure_pct(p.size.cagr)  # a stated rate keeps its digits
    return f"the {name} {rate} path ({number(model[k], value_decimals(p))}, {signed_pct(gaps[k])})"


def check_stated_values(p: Params) -> list[Finding]:
    """An item given as both a share and a value pins its year's total, which tells which growth path the source used.

    The item's value is compared with share x total on the endpoint-implied path and on the
    stated-CAGR path; the closest within `audit.value_tolerance_pct` is the one it corroborates.
    No match is an error when that year's total is itself stated, otherwise a warning.
    """
    out = []
    tol = p.audit.value_tolerance_pct / 100
    stated_years = stated_totals(p)
    for b in p.breakdowns:
        for item in (i for i in b.items if i.share and i.value is not None and bd.item_year(p, b, i) is not None):
            year = bd.item_year(p, b, item)
            rates = path_rates(p) if year != p.size.base.year else {"implied": endpoint_cagr(p)}
            model = {k: item.share * total_on(p, r, year) for k, r in rates.items()}
            gaps = {k: v / item.value - 1 for k, v in model.items()}
            best = min(gaps, key=lambda k: abs(gaps[k]))
            ok = abs(gaps[best]) <= tol
            numbers = {"subject": f"{item.name} {year} value", "stated": item.value, "stated_text": figure(item),
                       "model": model[best],
                       "share": item.share, "year": year, "total_implied_by_value": item.value / item.share,
                       "corroborates": best if ok else "none"}
            numbers |= {f"{k}_path": v for k, v in model.items()}
            on = partial(_path_text, p, year, rates, model, gaps)
            head = f"{item.name}: {figure(item)} in {year} at a {figure_pct(item, 'share')} share"
            if ok:
                rest = "".join(f" rather than {on(k)}" for k in model if k != best)
                out.append(Finding("stated-value", "info", f"{head} corroborates {on(best)}{rest}.", numbers))
            elif year < p.size.base.year and year not in stated_years:
                out.append(Finding("stated-value", "info", f"{head} implies a {year} total of "
                                   f"{number(item.value / item.share, value_decimals(p))}; the model's "
                                   f"{year} total is its own back-projection ({' or '.join(on(k) for k in model)}), "
                                   "not a figure the source states, so nothing is checked.", numbers))
            else:
                severity = _clash(item) if year in stated_years else "warning"
                out.append(Finding("stated-value", severity, f"{head} does not match "
                                   f"{' or '.join(on(k) for k in model)} within {pct(tol)}.", numbers))
    return out


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
            head = (f"{item.name}: {_given(item.cagr)} CAGR {figure_pct(item.cagr)} against the {pct(implied, 2)} "
                    f"implied by its {first.year} {how} and its {item.end.year} value {figure(item.end)}")
            if abs(gap) <= _tol_rate(p):
                out.append(Finding("item-cagr", "info", head + ".", numbers))
            else:
                out.append(Finding("item-cagr", _clash(item.cagr, item.end, item), f"{head}: {pp(gap, 2)} apart.",
                                   numbers))
    return out


def _year_total(p: Params, year: int) -> tuple[float, str, str]:
    """The total a year's figures are judged against (the stated one when the source gives it), its kind and text."""
    stated = stated_totals(p).get(year)
    if stated is not None:
        return stated.value, "stated", figure(stated)
    total = total_at(p, year)
    return total, "modelled", number(total, value_decimals(p))


def check_items_total(p: Params) -> list[Finding]:
    """Item values can't exceed the total: a breakdown's stated values sum to at most it, exactly when complete."""
    out, d = [], value_decimals(p)
    tol = p.audit.value_tolerance_pct / 100
    for b in p.breakdowns:
        by_year: dict[int, list] = {}
        for item in b.items:
            if item.value is not None and bd.item_year(p, b, item) is not None:
                by_year.setdefault(bd.item_year(p, b, item), []).append(item)
            for v in item.values:
                by_year.setdefault(v.year, []).append(v)
        for year, items in sorted(by_year.items()):
            total, whose, shown = _year_total(p, year)
            items_sum = sum(i.value for i in items)
            gap = items_sum / total - 1
            everything = len(items) == len(b.items) and bd.complete(p, b)
            numbers = {"subject": f"{b.label} values vs total ({year})", "stated": items_sum,
                       "model": total if everything else f"at most {number(total, d)}", "total": total, "year": year}
            head = (f"{b.label}: the stated item values for {year} ({len(items)}) add up to {number(items_sum, d)}, "
                    f"against a {whose} market total of {shown} ({signed_pct(gap)})")
            severity = "error" if whose == "stated" else "warning"
            if gap > tol and whose == "modelled" and year < p.size.base.year:
                out.append(Finding("items-total", "info", head.replace("a modelled market total", "the model's "
                                   "back-projected total") + ": that total is our extrapolation before the source's "
                                   f"first year ({p.size.base.year}), not a figure it states, so nothing is checked.",
                                   numbers))
            elif gap > tol:
                out.append(Finding("items-total", severity if not any(i.assumed for i in items) else "warning",
                                   head + ": more than the whole market.", numbers))
            elif everything and gap < -tol:
                out.append(Finding("items-total", "warning",
                                   head + ": a complete breakdown should add up to the total.", numbers))
            else:
                out.append(Finding("items-total", "info", head + ".", numbers))
    return out


def check_parents(p: Params) -> list[Finding]:
    """A country can't be bigger than the region it lies in: shares against shares, values against values."""
    out = []
    slack = 1 + p.audit.value_tolerance_pct / 100
    for b in p.breakdowns:
        for item in (i for i in b.items if i.parent is not None):
            pb, parent = p.parents_of(b, item)[0]
            moved = False
            if item.share is not None and parent.share is not None:
                mine, theirs, shown = item.share, parent.share, (figure_pct(item, "share"), figure_pct(parent, "share"))
                year, compares = bd.item_year(p, b, item), "shares"
            else:
                first, other = bd.point(p, b, item), bd.point(p, pb, parent)
                if first is None or other is None:
                    continue
                year, compares = first.year, "values"
                mine, theirs = first.value, float(bd.value_at(p, pb, year)[parent.name])
                moved = other.year != year
                shown = (number(mine, value_decimals(p)), number(theirs, value_decimals(p)))
            numbers = {"subject": f"{item.name} within {parent.name} ({year})", "stated": mine, "model": theirs,
                       "year": year, "compares": compares}
            head = f"{item.name} ({shown[0]} in {year}) lies within {parent.name} ({shown[1]})"
            if mine > theirs * slack and moved:
                out.append(Finding("parent", "info", f"{head}, but is larger than the value the model carries "
                                   f"{parent.name} to {year} with; the source gives no {year} figure for "
                                   f"{parent.name} to check against.", numbers))
            elif mine > theirs * slack:
                out.append(Finding("parent", _clash(item, parent), f"{head}, but is larger than it.", numbers))
            else:
                out.append(Finding("parent", "info", f"{head} and is smaller, as it should be.", numbers))
    return out


def _share_text(p: Params, b: Breakdown, item: Item, share: float) -> str:
    """An item's share as the source wrote it, or as value / total when the source gave a value."""
    return figure_pct(item, "share") if item.share is not None else pct(share)


def _claim_largest(p: Params, b: Breakdown, item: Item, word: str, rank: int) -> Finding:
    """'largest' (rank 1) or 'smallest' (rank -1) against the shares the params give."""
    own = bd.share_of(p, b, item)
    stated = bd.share_groups(p, b).get(own.year if own else None, pd.Series(dtype=float))  # one year's shares only
    subject = f"{item.name}: \u201c{word}\u201d {cite(p, item.claims[0].source)}"
    if item.name not in stated.index:
        return Finding("claim", "info", f"{subject}: the source gives no share or value for it, so the claim "
                       "is reported as the source's and not checked.",
                       {"subject": subject, "stated": word, "model": "-"})
    mine = stated[item.name]
    rivals = {n: s for n, s in stated.items() if n != item.name and rank * (s - mine) > 1e-12}
    own = _share_text(p, b, item, mine)
    sourced = [n for n in rivals if not b.item(n).assumed]
    assumed = [n for n in rivals if b.item(n).assumed]
    numbers = {"subject": subject, "stated": word, "model": own}
    if sourced:
        names = ", ".join(f"{n} ({_share_text(p, b, b.item(n), rivals[n])})" for n in sourced)
        return Finding("claim", "error", f"{subject} contradicts the source's own figures: {names} against {own}.",
                       numbers)
    if assumed:
        names = ", ".join(f"{n} ({pct(rivals[n])}, assumed)" for n in assumed)
        return Finding("claim", "warning", f"{subject} is contradicted by our assumption: {names} against "
                       f"{own}; change the assumption, since the source says otherwise.", numbers)
    left = 1 - float(stated.sum())
    if rank == 1 and left > mine:
        return Finding("claim", "info", f"{subject} fits the itemised figures ({own}), though the "
                       f"{pct(left, share_decimals([b.item(n) for n in stated.index]))} not itemised could hide "
                       "a larger item.", numbers)
    return Finding("claim", "info", f"{subject} fits the figures ({own}).", numbers)


def _claim_growth(p: Params, b: Breakdown, item: Item, word: str) -> Finding:
    """'fastest-growing' or 'fast-growing' against the growth rates the params give."""
    subject = f"{item.name}: \u201c{word}\u201d {cite(p, next(c.source for c in item.claims if c.claim == word))}"
    market = anchor_rate(p)
    if item.cagr is None:
        return Finding("claim", "info", f"{subject}: the source gives no growth rate for it, so the claim is "
                       "reported as the source's and not checked.", {"subject": subject, "stated": word, "model": "-"})
    mine = item.cagr.rate
    numbers = {"subject": subject, "stated": word, "model": figure_pct(item.cagr)}
    if word == "fast-growing":
        if mine < market - _tol_rate(p):
            return Finding("claim", _clash(item.cagr), f"{subject}, yet its {figure_pct(item.cagr)} "
                           f"{mark(p, item.cagr)} is below the market's {pct(market)}.", numbers)
        return Finding("claim", "info", f"{subject} fits: {figure_pct(item.cagr)} against the market's {pct(market)}.",
                       numbers)
    faster = [i for i in b.items if i is not item and i.cagr is not None and i.cagr.rate > mine + _tol_rate(p)]
    level = bd.same_rate(p, b, item)
    sourced = [i for i in faster if not i.cagr.assumed]
    if sourced:
        names = ", ".join(f"{i.name} ({figure_pct(i.cagr)})" for i in sourced)
        return Finding("claim", _clash(item.cagr), f"{subject} contradicts the stated rates: {names} against "
                       f"{figure_pct(item.cagr)}.", numbers)
    if faster:
        names = ", ".join(f"{i.name} ({figure_pct(i.cagr)}, assumed)" for i in faster)
        return Finding("claim", "warning", f"{subject} is contradicted by our assumption: {names} against "
                       f"{figure_pct(item.cagr)}; change the assumption, since the source says otherwise.", numbers)
    if level:
        names = ", ".join(f"{i.name} ({figure_pct(i.cagr)})" for i in level)
        return Finding("claim", "warning", f"{subject} can't be confirmed: {names} grow at the same rate as its "
                       f"{figure_pct(item.cagr)}, so the report states it only as the source's claim.", numbers)
    return Finding("claim", "info", f"{subject} fits the rates given ({figure_pct(item.cagr)}).", numbers)


def check_claims(p: Params) -> list[Finding]:
    """A source's 'largest' or 'fastest-growing' must fit its figures, and our assumptions must not overturn it."""
    out = []
    for b in p.breakdowns:
        for item in b.items:
            for claim in dict.fromkeys(c.claim for c in item.claims):
                if claim in ("largest", "smallest"):
                    out.append(_claim_largest(p, b, item, claim, 1 if claim == "largest" else -1))
                else:
                    out.append(_claim_growth(p, b, item, claim))
    return out


def check_totals(p: Params) -> list[Finding]:
    """Each further dated total should lie on one of the two growth paths; the audit says which it supports."""
    out = []
    tol = p.audit.value_tolerance_pct / 100
    rates, d = path_rates(p), value_decimals(p)
    for t in p.totals:
        if not t.dated:
            out.append(Finding("totals", "info", f"The {_given(t)} total {figure(t)} {mark(p, t)} has no year, so it "
                               "is shown as stated and set against no year's total.",
                               {"subject": "Total (year not stated)", "stated": t.value, "stated_text": figure(t),
                                "model": "-"}))
            continue
        model = {k: total_on(p, r, t.year) for k, r in rates.items()}
        gaps = {k: t.value / v - 1 for k, v in model.items()}
        fits = [k for k in gaps if holds(t.value, model[k], tol * t.value, t.bound_of("value"))]
        names = {"implied": "the endpoint-implied path",
                 "stated": f"the {_given(p.size.cagr) if p.size.cagr else ''} CAGR path"}
        numbers = {"subject": f"Total {t.year}", "stated": t.value, "stated_text": figure(t),
                   "model": model[min(gaps, key=lambda k: abs(gaps[k]))],
                   "year": t.year, "supports": ",".join(fits) or "none"}
        numbers |= {f"{k}_path": v for k, v in model.items()}
        detail = "; ".join(f"{names[k]} gives {number(model[k], d)} ({signed_pct(-gaps[k])})" for k in model)
        head = f"The {_given(t)} {t.year} total {figure(t)} {mark(p, t)}"
        c, end = p.size.cagr, p.size.end
        starts_cagr = (c is not None and t.year < end.year and t.year == (c.from_year or t.year)
                       and holds(c.rate, implied_cagr(t.value, end.value, end.year - t.year), _tol_rate(p),
                                 c.bound_of("rate")))
        if fits:
            out.append(Finding("totals", "info", f"{head} supports {' and '.join(names[k] for k in fits)}: {detail}.",
                               numbers))
        elif starts_cagr:
            base = p.size.base
            step = implied_cagr(base.value, t.value, t.year - base.year) if t.year > base.year else None
            before = f" ({pct(step)} a year)" if step is not None else ""
            out.append(Finding("totals", "warning", f"{head} starts the {_given(c)} CAGR's period (from it, "
                               f"{figure_pct(c)} a year reaches the {_given(end)} {figure(end)} by {end.year}) but "
                               f"lies on neither path from {base.year}: {detail}. The source's growth from "
                               f"{base.year} to {t.year}{before} differs from its rate after.", numbers))
        else:
            out.append(Finding("totals", "warning", f"{head} lies on neither growth path: {detail}.", numbers))
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
        if abs(gap) <= _tol_rate(p):
            out.append(Finding("rollup", "info", head + ".", numbers))
        else:
            out.append(Finding("rollup", "warning", head + "; the model rescales the items so they still add up, "
                               "so their modelled growth differs from the rates given.", numbers))
    return out


def check_years(p: Params) -> list[Finding]:
    """Years far outside the forecast usually mean a typo or figures from another study.

    Item, total and CAGR start years may lie inside the forecast or at most LOOKBACK_YEARS before
    the base year (warning); item end years and CAGR end years must not lie after the forecast.
    """
    s = p.size
    low, high = s.base.year - LOOKBACK_YEARS, s.end.year
    out = []

    def bad(subject: str, stated: int, message: str) -> None:
        out.append(Finding("years", "warning", message,
                           {"subject": subject, "stated": stated, "model": f"{low}\u2013{high}"}))

    def window(subject: str, year: int | None) -> None:
        if year is not None and not low <= year <= high:
            bad(subject, year, f"{subject} {year} lies outside {low}\u2013{high}, the forecast "
                f"{s.base.year}\u2013{s.end.year} and the {LOOKBACK_YEARS} years before it.")

    for b in p.breakdowns:
        window(f"{b.label} year", b.year if b.year != NOT_STATED else None)
        for item in b.items:
            window(f"{item.name} year", item.year if item.year != NOT_STATED else None)
            if item.end is not None:
                window(f"{item.name} end year", item.end.year)
    for t in p.totals:
        window("Total year", t.year if t.dated else None)
    for c in s.other_cagrs:
        window("Other CAGR start year", c.from_year)
    if s.cagr is not None:
        window("CAGR start year", s.cagr.from_year)
        if s.cagr.to_year is not None and s.cagr.to_year != s.end.year:
            bad("CAGR end year", s.cagr.to_year, f"The stated CAGR runs to {s.cagr.to_year} but the forecast ends in "
                f"{s.end.year}, so the rate and the endpoints describe different periods.")
        if s.cagr.from_year and s.cagr.to_year and s.cagr.from_year >= s.cagr.to_year:
            out.append(Finding("years", "error", f"The stated CAGR period {s.cagr.from_year}\u2013{s.cagr.to_year} "
                               "does not run forwards.",
                               {"subject": "CAGR period", "stated": s.cagr.from_year, "model": s.cagr.to_year}))
    if not out:
        out.append(Finding("years", "info", f"Every year lies within {low}\u2013{high}: the forecast "
                           f"{s.base.year}\u2013{s.end.year} and the {LOOKBACK_YEARS} years before it.",
                           {"subject": "Years", "stated": f"{s.base.year}\u2013{s.end.year}",
                            "model": f"within {low}\u2013{high}"}))
    return out


def check_scale_claims(p: Params) -> list[Finding]:
    """A scale claim ('billions of dollars', '$7.1 billion by 2033') must fit the figures, value and year both.

    A claim with a year is judged in that year, which must lie in the forecast; without one, in the
    year its source appeared (clamped into the forecast). A value must match the modelled total within
    `audit.value_tolerance_pct` after rounding to the claim's digits; a scale alone holds when the
    total is at least 1 and under 1,000 in that scale.
    """
    series = totals(p) * SCALES[p.market.unit]
    out = []
    for claim in p.claims:
        subject = f"Claim \u201c{claim.text}\u201d {cite(p, claim.source)}"
        if claim.year is not None and not p.size.base.year <= claim.year <= p.size.end.year:
            out.append(Finding("scale-claim", "warning", f"{subject} speaks of {claim.year}, outside the forecast "
                               f"{p.size.base.year}\u2013{p.size.end.year}, so the report's figures can't confirm it.",
                               {"subject": subject, "stated": claim.year,
                                "model": f"{p.size.base.year}\u2013{p.size.end.year}"}))
            continue
        year = claim.year or min(max(source_year(p, claim.source), p.size.base.year), p.size.end.year)
        in_scale = float(series[year] / SCALES[claim.scale])
        numbers = {"subject": subject,
                   "stated": f"{claim.scale}s" if claim.value is None else f"{figure(claim)} {claim.scale}",
                   "model": f"{number(in_scale, 2)} {claim.scale} ({year})", "year": year,
                   "value_in_claimed_scale": in_scale}
        market = (f"{total_text(p, year, float(series[year] / SCALES[p.market.unit]))} {p.market.unit} "
                  f"({number(in_scale, 2)} {claim.scale})")
        if claim.value is not None:
            decimals = claim.digits("value") or 0
            slack = max(p.audit.value_tolerance_pct / 100 * claim.value, 0.5 * 10 ** -decimals)
            holds = {"about": abs(in_scale - claim.value) <= slack, "at-least": in_scale >= claim.value - slack,
                     "at-most": in_scale <= claim.value + slack}[claim.bound]
            message = (f"{subject} {'fits' if holds else 'contradicts'} the figures: in {year} the market is {market}, "
                       f"against the claimed {'' if claim.bound == 'about' else claim.bound.replace('-', ' ') + ' '}"
                       f"{figure(claim)} {claim.scale}.")
            out.append(Finding("scale-claim", "info" if holds else "warning", message, numbers))
            continue
        fits = [int(y) for y, v in (series / SCALES[claim.scale]).items() if 1 <= v < 1000]
        holds = year in fits
        message = f"{subject} {'fits' if holds else 'contradicts'} the figures: in {year} the market is {market}"
        if holds:
            out.append(Finding("scale-claim", "info", message + ".", numbers))
            continue
        span = f"the {p.size.base.year}\u2013{p.size.end.year} forecast"
        when = f"; only {fits[0]}\u2013{fits[-1]} of {span} are" if fits else f"; no year of {span} is"
        out.append(Finding("scale-claim", "warning", f"{message}{when} in {claim.scale}s.", numbers))
    return out


def check_volume(p: Params) -> list[Finding]:
    """A stated volume CAGR must follow from the volume's own endpoints; money figures never enter this check."""
    v = p.volume
    if v is None or v.cagr is None:
        return []
    gaps = volume.stated_rate_gaps(v)
    n = min(gaps, key=lambda k: abs(gaps[k]))
    implied = v.cagr.rate - gaps[n]
    fits = holds(v.cagr.rate, implied, _tol_rate(p), v.cagr.bound_of("rate"))
    numbers = {"subject": f"Volume CAGR vs endpoints ({v.unit})", "stated": v.cagr.rate,
               "stated_text": figure_pct(v.cagr), "model": implied, "matching_n": n if fits else "none"}
    head = (f"Volume ({v.unit}): {_given(v.cagr)} CAGR {figure_pct(v.cagr)} {mark(p, v.cagr)} "
            f"{'fits' if fits else 'disagrees with'} the {pct(implied, 2)} implied by {figure(v.base)} "
            f"({v.base.year}) and {figure(v.end)} ({v.end.year}) over {n} years")
    return [Finding("volume", "info" if fits else _clash(v.cagr, v.base, v.end), head + ".", numbers)]


def check_twins(p: Params) -> list[Finding]:
    """The same fact stated twice must agree within the rounding of its coarser statement, and in its year."""
    out = []
    for twin in p.twins:
        a, b = twin.first, twin.second
        subject = f"{twin.what} {cite(p, twin.source)}"
        numbers = {"subject": subject, "stated": as_written(a), "model": as_written(b)}
        said = f"{subject}: {as_written(a)} and {as_written(b)}"
        if (a.scale == "percent") != (b.scale == "percent"):
            out.append(Finding("twins", "warning", f"{said}: a percentage and an amount can't be one fact; "
                               "check the link.", numbers))
            continue
        slack = max(0.5 * 10 ** -(x.digits("value") or 0) * TWIN_SCALES[x.scale] for x in (a, b))
        gap = abs(a.value * TWIN_SCALES[a.scale] - b.value * TWIN_SCALES[b.scale])
        years = {x.year for x in (a, b) if x.year not in (None, NOT_STATED)}
        if gap > slack * (1 + 1e-9):
            out.append(Finding("twins", "error", f"{said} disagree beyond the rounding of their digits.", numbers))
        elif len(years) > 1:
            out.append(Finding("twins", "warning", f"{said} agree in value but give different years.", numbers))
        else:
            out.append(Finding("twins", "info", f"{said} agree within the rounding of their digits.", numbers))
    return out


RULES: tuple[Callable[[Params], list[Finding]], ...] = (
    check_cagr, check_other_cagrs, check_totals, check_shares, check_stated_values, check_item_cagr,
    check_items_total, check_parents, check_claims, check_rollup, check_years, check_scale_claims, check_volume,
    check_twins,
)


def run_audit(p: Params) -> list[Finding]:
    """Every rule's findings in a fixed order, so reports and the CLI list them alike."""
    return [finding for rule in RULES for finding in rule(p)]


def errors(findings: list[Finding]) -> list[Finding]:
    """The findings that make a report unfit to send without a fix or a caveat."""
    return [f for f in findings if f.severity == "error"]
