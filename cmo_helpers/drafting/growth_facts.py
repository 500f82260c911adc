"""A percentage read as a growth rate (the market's CAGR or an item's) with the period it is stated for."""
from __future__ import annotations

import re

from . import lexicon as lex
from .mentions import Mention
from .patterns import Fact
from .quotes import quote_span, unplaced_fact
from .sentences import Clause

TO_YEAR_AFTER = re.compile(
    r"^\s*(?:(?:annually|a year|per year|per annum|CAGR)\s+)?(?:through|to|until|till|by)\s+((?:19|20)\d{2})\b", re.I)


def is_growth_rate(left: str, right: str) -> bool:
    """A CAGR cue just before the percentage ('a CAGR of 6.2%') or right after it ('a 6.2% CAGR')."""
    return bool(lex.CAGR_CUE.search(left[-45:]) or lex.CAGR_AFTER.match(right))


def growth_fact(m: Mention, clause: Clause, left: str, right: str, ranges: list[Mention], line: str, offset: int,
                common: dict, item_start: int | None, money_years: list[int]) -> Fact:
    """The rate with its period: the nearest year range, 'through 2033' after it, or two amounts a year apart."""
    headline = common["headline"]
    period = min(ranges, key=lambda r: (r.start < m.start, abs(r.start - m.start)), default=None)
    from_year, to_year, end = (period.year, period.year2, max(m.end, period.end)) if period else (None, None, m.end)
    if period is None:
        to = TO_YEAR_AFTER.match(right)
        if to:
            to_year, end = int(to.group(1)), m.end + to.end()
        elif len(money_years) == 2 and money_years[1] == money_years[0] + 1:
            from_year, to_year = money_years  # "from X in 2025 to Y in 2026, a CAGR of ...": a one-year step
    if not common["item"] and clause.volume:
        return unplaced_fact(line, offset, m, f"a growth rate of a volume ('{clause.volume}'), not of the market's "
                             "value", headline)
    cue = lex.CAGR_CUE.search(left[-45:])
    start = m.start - len(left[-45:]) + cue.start() if cue else m.start
    after_cue = None if cue else lex.CAGR_AFTER.match(right)
    if after_cue:  # "a 4.6% CAGR": the quote says what the rate is
        lead = re.search(r"(?:[\w-]+\s+){0,3}$", left).group(0)
        start, end = m.start - len(lead), max(end, m.end + after_cue.end())
    if period and period.start < start:
        start = period.start
    if common["item"]:
        start = min(start, item_start)
    quote, q_start = quote_span(line, offset, start, end)
    historic = bool(lex.HISTORIC.search(clause.text))
    return Fact("item_cagr" if common["item"] else "cagr", quote, q_start, number=m.number, from_year=from_year,
                to_year=to_year, historic=historic, market=None if common["item"] else clause.market, **common)
