"""A source's words against its figures: 'largest', 'fastest-growing', 'billions of dollars'."""
from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from ..core.formatting import figure, figure_pct, number, pct, share_decimals
from . import breakdowns as bd
from .audit_finding import Finding, clash, tol_rate
from .conversion import SCALES
from .forecast import anchor_rate, totals
from .provenance import cite, mark, source_year, total_text

if TYPE_CHECKING:
    from ..inputs.breakdown_items import Breakdown, Item
    from ..inputs.market_file import Params


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
        if mine < market - tol_rate(p):
            return Finding("claim", clash(item.cagr), f"{subject}, yet its {figure_pct(item.cagr)} "
                           f"{mark(p, item.cagr)} is below the market's {pct(market)}.", numbers)
        return Finding("claim", "info", f"{subject} fits: {figure_pct(item.cagr)} against the market's {pct(market)}.",
                       numbers)
    faster = [i for i in b.items if i is not item and i.cagr is not None and i.cagr.rate > mine + tol_rate(p)]
    level = bd.same_rate(p, b, item)
    sourced = [i for i in faster if not i.cagr.assumed]
    if sourced:
        names = ", ".join(f"{i.name} ({figure_pct(i.cagr)})" for i in sourced)
        return Finding("claim", clash(item.cagr), f"{subject} contradicts the stated rates: {names} against "
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
