"""The source's figures for other years and periods: further totals and CAGRs against the growth paths."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.formatting import figure, figure_pct, number, pct, pp, signed_pct, value_decimals
from .audit_finding import Finding, clash, given_as, holds, tol_rate
from .forecast import anchor_rate, implied_cagr, path_rates, stated_totals, total_on
from .provenance import mark

if TYPE_CHECKING:
    from ..inputs.market_file import Params


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
        given = f"{given_as(c).capitalize()} CAGR {figure_pct(c)} {mark(p, c)} over {period[0]}\u2013{period[1]}"
        if first is not None and last is not None and period[1] > period[0]:
            implied = implied_cagr(first, last, period[1] - period[0])
            numbers = {"subject": subject, "stated": c.rate, "stated_text": figure_pct(c), "model": implied,
                       "from_year": period[0],
                       "to_year": period[1]}
            if holds(c.rate, implied, tol_rate(p), c.bound_of("rate")):
                out.append(Finding("cagr", "info", f"{given} fits the {pct(implied, 2)} implied by the source's "
                                   f"totals for {period[0]} and {period[1]}.", numbers))
            else:
                out.append(Finding("cagr", clash(c), f"{given} disagrees with the {pct(implied, 2)} implied by the "
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


def check_totals(p: Params) -> list[Finding]:
    """Each further dated total should lie on one of the two growth paths; the audit says which it supports."""
    out = []
    tol = p.audit.value_tolerance_pct / 100
    rates, d = path_rates(p), value_decimals(p)
    for t in p.totals:
        if not t.dated:
            out.append(Finding("totals", "info", f"The {given_as(t)} total {figure(t)} {mark(p, t)} has no year, so it "
                               "is shown as stated and set against no year's total.",
                               {"subject": "Total (year not stated)", "stated": t.value, "stated_text": figure(t),
                                "model": "-"}))
            continue
        model = {k: total_on(p, r, t.year) for k, r in rates.items()}
        gaps = {k: t.value / v - 1 for k, v in model.items()}
        fits = [k for k in gaps if holds(t.value, model[k], tol * t.value, t.bound_of("value"))]
        names = {"implied": "the endpoint-implied path",
                 "stated": f"the {given_as(p.size.cagr) if p.size.cagr else ''} CAGR path"}
        numbers = {"subject": f"Total {t.year}", "stated": t.value, "stated_text": figure(t),
                   "model": model[min(gaps, key=lambda k: abs(gaps[k]))],
                   "year": t.year, "supports": ",".join(fits) or "none"}
        numbers |= {f"{k}_path": v for k, v in model.items()}
        detail = "; ".join(f"{names[k]} gives {number(model[k], d)} ({signed_pct(-gaps[k])})" for k in model)
        head = f"The {given_as(t)} {t.year} total {figure(t)} {mark(p, t)}"
        c, end = p.size.cagr, p.size.end
        starts_cagr = (c is not None and t.year < end.year and t.year == (c.from_year or t.year)
                       and holds(c.rate, implied_cagr(t.value, end.value, end.year - t.year), tol_rate(p),
                                 c.bound_of("rate")))
        if fits:
            out.append(Finding("totals", "info", f"{head} supports {' and '.join(names[k] for k in fits)}: {detail}.",
                               numbers))
        elif starts_cagr:
            base = p.size.base
            step = implied_cagr(base.value, t.value, t.year - base.year) if t.year > base.year else None
            before = f" ({pct(step)} a year)" if step is not None else ""
            out.append(Finding("totals", "warning", f"{head} starts the {given_as(c)} CAGR's period (from it, "
                               f"{figure_pct(c)} a year reaches the {given_as(end)} {figure(end)} by {end.year}) but "
                               f"lies on neither path from {base.year}: {detail}. The source's growth from "
                               f"{base.year} to {t.year}{before} differs from its rate after.", numbers))
        else:
            out.append(Finding("totals", "warning", f"{head} lies on neither growth path: {detail}.", numbers))
    return out
