"""A percentage said of an item read as its share of the market, or left unplaced with why it is not one."""
from __future__ import annotations

import re

from . import lexicon as lex
from .mentions import Mention, nearest_year
from .patterns import Fact
from .quotes import quote_span, unplaced_fact
from .sentences import Clause

SHARE_YEAR_AFTER = re.compile(r"^\s*(?:share)?\s*,?\s*(?:in|for|as of|during)\s+((?:19|20)\d{2})\b", re.I)


def _not_a_share(before: str, after: str) -> str | None:
    """Why a percentage said of an item is not its share of this market; None when nothing says so."""
    other = lex.OTHER_SHARE.search(before + after[:40])
    if other:
        return f"not a share of the market ('{other.group(0)}')"
    change = lex.CHANGE_BEFORE.search(before[-40:])
    if change:
        return f"a change or a bound ('{change.group(0).strip()}'), not a share: the schema holds no bound"
    if lex.CHANGE_AFTER.match(after):
        return "a change or a share of something else, not a share of the market"
    of = lex.SHARE_OF.match(after)
    if of and not lex.MARKET_WHOLE.search(of.group("np")) and not lex.RELATIVE_SHARE.match(after):
        return f"a share of {of.group('np').strip()}, not of the market"
    return None


def share_fact(m: Mention, clause: Clause, right: str, free_years: list[Mention], s_years: list[Mention], line: str,
               offset: int, common: dict, item_start: int | None, money_years: list[int]) -> Fact:
    """The item's share with its year, unless the words around it make it a share of something else."""
    headline = common["headline"]
    if not common["item"]:
        return unplaced_fact(line, offset, m, "a percentage not tied to a segment, region or growth rate", headline)
    clause_end = clause.start + len(clause.text) - offset
    other = _not_a_share(line[clause.body - offset:m.start - offset], line[m.end - offset:clause_end])
    if other:
        return unplaced_fact(line, offset, m, other, headline)
    relative = lex.RELATIVE_SHARE.match(right)
    share_of = relative.group(1) if relative else None
    after = SHARE_YEAR_AFTER.match(right)
    year = int(after.group(1)) if after else nearest_year(m, free_years) or nearest_year(m, s_years) or next(
        iter(money_years), None)
    end = m.end + (after.end() if after else 0)
    quote, start = quote_span(line, offset, min(item_start, m.start), end)
    return Fact("share", quote, start, number=m.number, year=year, share_of=share_of, **common)
