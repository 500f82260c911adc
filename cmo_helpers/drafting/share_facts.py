"""A percentage said of an item read as its share of the market, or left unplaced with why it is not one."""
from __future__ import annotations

import re

from . import lexicon as lex
from .bounds import bound_before
from .fraction_words import fraction_percent
from .mentions import Mention, nearest_year
from .patterns import Fact
from .quotes import quote_span, unplaced_fact
from .sentences import Clause

SHARE_YEAR_AFTER = re.compile(r"^\s*(?:share)?\s*,?\s*(?:in|for|as of|during)\s+((?:19|20)\d{2})\b", re.I)


def share_fact(m: Mention, clause: Clause, right: str, free_years: list[Mention], s_years: list[Mention], line: str,
               offset: int, common: dict, item_start: int | None, money_years: list[int]) -> Fact:
    """The item's share with its year, unless the words around it make it a share of something else.

    A bound the change words would refuse ('held over 40%', 'nearly 45%') and a bounded fraction ('more than a
    third') are drafted only when the clause names one item and one year; otherwise unplaced with the reason.
    """
    headline = common["headline"]
    if not common["item"]:
        return unplaced_fact(line, offset, m, "a percentage not tied to a segment, region or growth rate", headline)
    clause_end = clause.start + len(clause.text) - offset
    before = line[clause.body - offset:m.start - offset]
    other = _not_a_share(before, line[m.end - offset:clause_end])
    if other:
        return unplaced_fact(line, offset, m, other, headline)
    relative = lex.RELATIVE_SHARE.match(right)
    share_of = relative.group(1) if relative else None
    after = SHARE_YEAR_AFTER.match(right)
    said = line[m.start - offset:m.end - offset]
    number, hedge = m.number, None
    if m.kind == "fraction":  # the digits are ours, so the bound goes on here: the quote has none to find it by
        hedge = bound_before(line, m.start - offset)[0]
        number = fraction_percent(said, hedge)
    bound = hedge or _refused_bound(before)
    unclear = _unclear(said, bound, number, clause, after, free_years) if bound else None
    if unclear:
        return unplaced_fact(line, offset, m, unclear, headline)
    year = int(after.group(1)) if after else nearest_year(m, free_years) or nearest_year(m, s_years) or next(
        iter(money_years), None)
    end = m.end + (after.end() if after else 0)
    quote, start = quote_span(line, offset, min(item_start, m.start), end)
    return Fact("share", quote, start, number=number, hedge=hedge, year=year, share_of=share_of, **common)


def _not_a_share(before: str, after: str) -> str | None:
    """Why a percentage said of an item is not its share of this market; None when nothing says so."""
    other = lex.OTHER_SHARE.search(before + after[:40])
    if other:
        return f"not a share of the market ('{other.group(0)}')"
    change = _change_before(before)
    if change:
        if _UPPER_ONLY.fullmatch(change):
            return f"a share bounded by '{change}', a bound the schema has no word for: place it by hand"
        return f"a change ('{change}'), not a share"
    if lex.CHANGE_AFTER.match(after):
        return "a change or a share of something else, not a share of the market"
    of = lex.SHARE_OF.match(after)
    if of and not lex.MARKET_WHOLE.search(of.group("np")) and not lex.RELATIVE_SHARE.match(after):
        return f"a share of {of.group('np').strip()}, not of the market"
    return None


_UPPER_ONLY = re.compile(r"(?:below|under|less than)(?:\s+\w+)?", re.I)  # 'less than 10%': no schema word says it


def _change_before(before: str) -> str | None:
    """The words of a change right before a percentage ('grew by more than'); None for none or a bound alone.

    A bound word the schema holds ('held over 40%', 'accounted for nearly') bounds a share, unless a change
    stands before it ('grew by more than 4%', 'will reach over 45%').
    """
    window = before[-40:]
    change = lex.CHANGE_BEFORE.search(window)
    bound = bound_before(window, len(window)) if change else None
    if bound:
        change = lex.CHANGE_BEFORE.search(window, 0, bound[1])
    return window[change.start():].strip() if change else None


def _refused_bound(before: str) -> str | None:
    """The schema's word for a bound that the change words alone would have refused as a change ('over')."""
    window = before[-40:]
    if not lex.CHANGE_BEFORE.search(window) or _change_before(before):
        return None
    return bound_before(window, len(window))[0]


def _unclear(said: str, word: str, number: str | None, clause: Clause, after: re.Match | None,
             free_years: list[Mention]) -> str | None:
    """Why a bounded share cannot be placed: its item or year is not clear, or no percentage keeps it true."""
    if len(set(clause.subjects)) > 1:
        return f"a share bounded by '{word}' said of {', '.join(dict.fromkeys(clause.subjects))} together: " \
               "a bounded share needs one item"
    if clause.subject_start is not None and clause.subject_start < clause.start:
        return f"a share bounded by '{word}' whose item is named in another clause: place it by hand"
    if not after and len({y.year for y in free_years}) != 1:
        return f"a share bounded by '{word}' with no clear year: place it by hand"
    if number is None:
        return f"'{said}' under '{word}' names no exact percentage: place it by hand"
    return None
