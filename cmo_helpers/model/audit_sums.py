"""Splits and sums: shares, item values and countries against the whole they are parts of."""
from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

import pandas as pd

from ..core.formatting import (
    figure,
    figure_pct,
    in_year,
    number,
    pct,
    share_decimals,
    signed_pct,
    value_decimals,
    year_label,
)
from . import breakdowns as bd
from .audit_finding import Finding, clash, given_as
from .forecast import endpoint_cagr, path_rates, stated_totals, total_at, total_on

if TYPE_CHECKING:
    from ..inputs.breakdown_items import Breakdown
    from ..inputs.market_file import Params


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
                out.append(Finding("shares", clash(*flagged) if not ours else "warning",
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
        return (f"the {given_as(p.size.base)} {year} total ({number(model[k], value_decimals(p))}, "
                f"{signed_pct(gaps[k])})")
    name = "endpoint-implied" if k == "implied" else given_as(p.size.cagr)
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
                severity = clash(item) if year in stated_years else "warning"
                out.append(Finding("stated-value", severity, f"{head} does not match "
                                   f"{' or '.join(on(k) for k in model)} within {pct(tol)}.", numbers))
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
                out.append(Finding("parent", clash(item, parent), f"{head}, but is larger than it.", numbers))
            else:
                out.append(Finding("parent", "info", f"{head} and is smaller, as it should be.", numbers))
    return out
