"""Number formatting shared by tables, charts and text, so all agree to the last digit."""
from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .params import Market, Source

DASH = "\u2013"


def number(value: float, decimals: int = 1) -> str:
    """Thousands separators, fixed decimals; an en dash for missing values."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return DASH
    return f"{value:,.{decimals}f}"


def figure(obj, key: str = "value", decimals: int = 1) -> str:
    """A stated number with at least the decimals the source wrote, e.g. 95.81 stays 95.81."""
    written = obj.digits(key)
    return number(getattr(obj, key), max(decimals, written if written is not None else 0))


def figure_pct(obj, key: str = "rate", decimals: int = 1) -> str:
    """A stated rate or share with at least the decimals the source wrote, e.g. '5.98%'."""
    written = obj.digits(key)
    return pct(getattr(obj, key), max(decimals, written if written is not None else 0))


def rate_decimals(p) -> int:
    """Decimals for the series' growth rate: the house 1, or as many as the stated CAGR was written with."""
    written = p.size.cagr.digits("rate") if p.size.cagr is not None else None
    return max(1, written or 0)


def signed(value: float, decimals: int = 1) -> str:
    """A change with its sign, e.g. '+78.8'; an en dash when missing."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return DASH
    return f"{value:+,.{decimals}f}"


def unit_label(market: Market) -> str:
    """Currency and scale as a column heading, e.g. 'USD million'."""
    return f"{market.currency} {market.unit}"


def money(value: float, market: Market, decimals: int = 1) -> str:
    """A value with its currency and scale, e.g. 'USD 1,861.2 million'."""
    return f"{market.currency} {number(value, decimals)} {market.unit}"


def pct(rate: float, decimals: int = 1) -> str:
    """A fraction as a percentage, e.g. 0.156 -> '15.6%'."""
    if rate is None or (isinstance(rate, float) and math.isnan(rate)):
        return DASH
    return f"{rate * 100:.{decimals}f}%"


def signed_pct(rate: float, decimals: int = 1) -> str:
    """A relative difference, signed, e.g. '+0.1%'."""
    return f"{rate * 100:+.{decimals}f}%"


def pp(diff: float, decimals: int = 1) -> str:
    """A difference of two rates in percentage points, signed."""
    return f"{diff * 100:+.{decimals}f} pp"


def multiple(ratio: float) -> str:
    """A growth multiple, e.g. 3.7x."""
    return f"{ratio:.1f}\u00d7"


def long_date(date) -> str:
    """'10 October 2025': unambiguous for readers everywhere."""
    return f"{date.day} {date:%B %Y}"


def money_figure(obj, market: Market, key: str = "value") -> str:
    """A stated value with its currency and scale, keeping the source's digits."""
    return f"{market.currency} {figure(obj, key)} {market.unit}"


def dated(source: Source) -> str:
    """When a source appeared, and when we read it; an undated page never borrows the reading date."""
    if source.published is not None:
        text = long_date(source.published)
        return text + (f"; accessed {long_date(source.accessed)}" if source.accessed else "")
    return "date not stated" + (f"; accessed {long_date(source.accessed)}" if source.accessed else "")


def source_line(source: Source) -> str:
    """Full reference in one line: publisher (kind), author: "title", place, date."""
    who = source.publisher + (f" ({source.kind})" if source.kind else "")
    if source.author:
        who += f", {source.author}"
    where = ", ".join(x for x in (source.place, dated(source)) if x)
    url = f" {source.url}" if source.url else ""
    return f"{who}: \u201c{source.title}\u201d, {where}.{url}"
