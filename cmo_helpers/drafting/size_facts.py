"""An amount read as the market's total for a year, an item's value, or left unplaced with why."""
from __future__ import annotations

import re

from . import lexicon as lex
from .mentions import YEAR_AFTER, Mention, nearest_year
from .patterns import CUR, NUM, SCALE, Fact
from .quotes import quote_span, unplaced_fact
from .sentences import Clause

MARKET_PHRASE = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+(?:[\w.&/()'-]+\s+){0,6}?[Mm]arket\b(?!\s+[A-Z])")
_MONEY_RANGE = re.compile(rf"\s*(?:-|–|—|to)\s*(?:{CUR})?\s?(?:{NUM})\s?(?:{SCALE})\b", re.I)
_MONEY_RANGE_BEFORE = re.compile(rf"(?:{CUR})\s?(?:{NUM})\s?(?:{SCALE})?\s*(?:-|–|—|to)\s*$", re.I)


def money_fact(m: Mention, clause: Clause, free_years: list[Mention], s_years: list[Mention], line: str, offset: int,
               common: dict, item_start: int | None) -> Fact:
    """An item's value, or the market's total with its year and any bound word; else unplaced with the reason."""
    headline = common["headline"]
    if _MONEY_RANGE.match(line, m.end - offset) or _MONEY_RANGE_BEFORE.search(line[:m.start - offset]):
        return unplaced_fact(line, offset, m, "a range of amounts, not one figure", headline)
    if m.scale is None:
        return unplaced_fact(line, offset, m, "an amount without million/billion: not a market size", headline)
    if lex.INCREMENT_BEFORE.search(line, max(0, m.start - offset - 40), m.start - offset):
        return unplaced_fact(line, offset, m, "a growth over a period, not a size", headline)
    start_at, end = m.start, m.end
    after = YEAR_AFTER.match(line, m.end - offset)
    if after and m.year:
        year, end = m.year, offset + after.end()
    elif free_years:
        near = min(free_years, key=lambda y: abs(y.start - m.start))
        year, start_at, end = near.year, min(m.start, near.start), max(m.end, near.end)
    else:
        year = nearest_year(m, s_years)
    if common["item"]:
        quote, start = quote_span(line, offset, min(item_start, start_at), end)
        return Fact("value", quote, start, number=m.number, scale=m.scale, currency=m.currency, year=year, **common)
    if year is None:
        return unplaced_fact(line, offset, m, "a market amount with no year stated", headline)
    before = line[max(0, m.start - offset - 20):m.start - offset]
    bound = lex.BOUND_BEFORE.search(before)
    if bound:
        start_at = min(start_at, m.start - len(before) + bound.start())
    quote, start = quote_span(line, offset, start_at, end)
    named = list(MARKET_PHRASE.finditer(line, clause.start - offset, m.start - offset))
    return Fact("total", quote, start, number=m.number, scale=m.scale, currency=m.currency, year=year,
                headline=headline, bound=bool(bound), market=named[-1].group(0) if named else None)
