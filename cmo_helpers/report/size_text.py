"""Sentences on the market's size and growth, built from the model, so no figure is typed into prose."""
from __future__ import annotations

from typing import TYPE_CHECKING

from IPython.display import Markdown

from ..core.escape import md
from ..core.formatting import figure, figure_pct, money, money_figure, multiple, pct, pp, value_decimals
from ..model import forecast, statements, volume
from ..model.provenance import mark, quoted_years

if TYPE_CHECKING:
    from ..inputs.figures import StatedCagr
    from ..inputs.market_file import Params


def end_value(p: Params) -> str:
    """The end year's total as money: the source's figure in a year it quotes, else the model's."""
    return (money_figure(p.size.end, p.market) if p.size.end.year in quoted_years(p)
            else money(forecast.totals(p).iloc[-1], p.market, value_decimals(p)))


def _direction(first: float, last: float) -> str:
    return "grows" if last > first else "shrinks" if last < first else "stays flat"


def size_sentence(p: Params) -> str:
    """Where the market starts and ends, and the multiple between, each figure cited or said to be modelled."""
    s, total = p.size, forecast.totals(p)
    start, end = total.iloc[0], total.iloc[-1]
    return (f"The market {_direction(start, end)} from {money_figure(s.base, p.market)} in {s.base.year} "
            f"{mark(p, s.base)} to {end_value(p)} in {s.end.year}"
            + (f" {mark(p, s.end)}" if s.end.year in quoted_years(p) else " on the model")
            + f", {statements.path_hedge(p)}{multiple(end / start)} in {s.years} years.")


def _period(cagr: StatedCagr) -> str:
    """The years a stated rate covers, as the source gave them, or that it gave none."""
    if cagr.from_year and cagr.to_year:
        return f"over {cagr.from_year}\u2013{cagr.to_year}"
    return f"to {cagr.to_year}" if cagr.to_year else "(period not stated)"


def other_cagrs_sentence(p: Params) -> str:
    """The further market growth rates the source states, each with its period: shown, audited, never used."""
    others = p.size.other_cagrs
    if not others:
        return ""
    listed = "; ".join(f"{figure_pct(c)} a year {_period(c)} {mark(p, c)}" for c in others)
    return (f"The source also states {listed}; the series does not use "
            f"{'it' if len(others) == 1 else 'them'} (see the CAGR table and the source audit).")


def anchor_sentence(p: Params) -> str:
    """Which growth rate drives the series, and how far a stated CAGR sits from what the endpoints imply."""
    s = p.size
    if s.cagr is None:
        return ("the source gives no growth rate for this period." if s.other_cagrs
                else "no separate growth rate is given.")
    word = "" if s.cagr.assumed else "stated "
    gap = s.cagr.rate - forecast.endpoint_cagr(p)
    if abs(gap) < p.audit.cagr_tolerance_pp / 100:
        return f"the {word}CAGR of {figure_pct(s.cagr)} {mark(p, s.cagr)} agrees with the endpoints."
    if s.anchor == "endpoints":
        who = "the source also states" if not s.cagr.assumed else "the assumed CAGR is"
        return (f"{who} {figure_pct(s.cagr)} {_period(s.cagr)} {mark(p, s.cagr)}, {pp(gap)} away from what the "
                f"{s.base.year} and {s.end.year} values imply; the series follows those endpoints.")
    return (f"this is the {word}CAGR {mark(p, s.cagr)}, which drives the series; the end value of "
            f"{figure(s.end)} {mark(p, s.end)} would need {pct(forecast.endpoint_cagr(p))}.")


def volume_summary(p: Params) -> Markdown | None:
    """The second series in its own words and unit; it is never added to the money values."""
    v = p.volume
    if v is None:
        return None
    stated = (f" The source states a CAGR of {figure_pct(v.cagr)} {_period(v.cagr)} {mark(p, v.cagr)} "
              "for it (checked in the source audit)." if v.cagr else "")
    return Markdown(f"The source also sizes the market in {md(v.unit)}: {figure(v.base)} in {v.base.year} "
                    f"{mark(p, v.base)} and {figure(v.end)} in {v.end.year} {mark(p, v.end)}, "
                    f"{pct(volume.rate(v), volume.rate_decimals(v))} a year between them.{stated} This series has its "
                    "own unit, table and chart, and is never added to or compared with the values in money.")


def _sentence(clause: str) -> str:
    """Capitalise the first letter only, so 'CAGR' survives."""
    return clause[:1].upper() + clause[1:]


def growth_summary(p: Params) -> Markdown:
    """One paragraph on the yearly change and which growth rate drives the series."""
    g = forecast.growth_table(p)
    low, high = g["change"].min(), g["change"].max()
    verb = "adds" if low >= 0 else "loses" if high <= 0 else "changes by"
    d = value_decimals(p)
    amounts = (f"between {money(abs(low), p.market, d)} and {money(abs(high), p.market, d)}" if verb != "changes by"
               else f"between {money(low, p.market, d)} and {money(high, p.market, d)}")
    if verb == "loses":
        amounts = f"between {money(abs(high), p.market, d)} and {money(abs(low), p.market, d)}"
    return Markdown(" ".join(filter(None, (f"Each year the market {verb} {amounts}.", _sentence(anchor_sentence(p)),
                                           other_cagrs_sentence(p)))))
