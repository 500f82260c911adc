"""The amounts, percentages, year ranges and years a sentence states, and which year belongs to which amount."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from .fraction_words import bounded_fractions
from .patterns import CURRENCIES, MONEY, PCT, RANGE, SCALES, YEAR

YEAR_AFTER = re.compile(
    r"\s*\)?,?\s*(?:(?:in|by|for|of|during|through|until|till|as of|(?:at|by) the end of|in the year|in fiscal year"
    r"|in FY)\s+)?"
    r"(?:(?:in\s+)?(?:revenue|sales)\s+(?:in|by)\s+)?(?:FY\s?)?((?:19|20)\d{2})\b", re.I)


@dataclass
class Mention:
    """A number or year where it stands in the text; an amount's own year once `bind_years` has read it."""

    kind: Literal["money", "pct", "fraction", "year", "range"]
    start: int
    end: int
    number: str | None = None
    scale: str | None = None
    currency: str | None = None
    year: int | None = None
    year2: int | None = None
    bound: bool = False


def find_mentions(text: str, base: int) -> list[Mention]:
    """Money, percentages, bounded fractions, year ranges and years; a year inside money or a range counts once."""
    found: list[Mention] = []
    taken = [False] * len(text)

    def free(a: int, b: int) -> bool:
        return not any(taken[a:b])

    def take(a: int, b: int) -> None:
        taken[a:b] = [True] * (b - a)

    for m in MONEY.finditer(text):
        num = m.group("num") or m.group("num2")
        scale = (m.group("scale") or m.group("scale2") or "").lower() or None
        cur = m.group("cur") or m.group("cur2")
        if scale is None and re.fullmatch(r"(?:19|20)\d{2}", num):
            continue
        found.append(Mention("money", base + m.start(), base + m.end(), num, SCALES.get(scale) if scale else None,
                             CURRENCIES.get(cur, CURRENCIES.get(cur.upper(), cur.upper()))))
        take(m.start(), m.end())
    for m in PCT.finditer(text):
        if free(m.start(), m.end()):
            found.append(Mention("pct", base + m.start(), base + m.end(), m.group("num")))
            take(m.start(), m.end())
    for start, end in bounded_fractions(text):  # 'over half of the market': a share in words, its number not yet known
        if free(start, end):
            found.append(Mention("fraction", base + start, base + end))
            take(start, end)
    for m in RANGE.finditer(text):
        if free(m.start(1), m.end(2)) and int(m.group(1)) < int(m.group(2)):
            found.append(Mention("range", base + m.start(), base + m.end(), year=int(m.group(1)),
                                 year2=int(m.group(2))))
            take(m.start(), m.end())
    for m in YEAR.finditer(text):
        if free(m.start(1), m.end(1)):
            found.append(Mention("year", base + m.start(1), base + m.end(1), year=int(m.group(1))))
    found.sort(key=lambda x: x.start)
    return found


def bind_years(mentions: list[Mention], line: str, offset: int) -> None:
    """A year right after an amount ('USD 504.9 Million in 2024') belongs to that amount only."""
    years = {y.start: y for y in mentions if y.kind == "year"}
    for m in mentions:
        after = YEAR_AFTER.match(line, m.end - offset) if m.kind == "money" else None
        year = years.get(offset + after.start(1)) if after else None
        if year:
            year.bound = True
            m.year = year.year


def nearest_year(m: Mention, years: list[Mention]) -> int | None:
    """The year stated closest to the number, either side; None when the sentence states none."""
    if not years:
        return None
    return min(years, key=lambda y: abs(y.start - m.start)).year
