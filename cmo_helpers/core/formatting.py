"""Number formatting shared by tables, charts and text, so all agree to the last digit."""
from __future__ import annotations

import math
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Context, Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..inputs.market_file import Market, Params
    from ..inputs.sources import Source

DASH = "\u2013"
# Binary arithmetic leaves noise in the last three or four of a float's ~16 significant digits (2.675 is held as
# 2.67499999999999982..., 0.1755 * 100 gives 17.549999999999997); cut at 12, what is left is what a reader computing
# by hand gets.
NOISE_DIGITS = 12
VALUE_DECIMALS_CAP = 3  # a source writing 1.2345 billion still gets a readable table
_WIDE = Context(prec=400)  # room for every digit of any float, so no figure is cut short


def _reading(value: float, decimals: int, scale: int) -> Decimal:
    """The value as a reader computing by hand has it: scaled exactly, float noise cut."""
    exact = Decimal(repr(float(value))) * scale
    if not exact.is_finite():
        return exact
    # cut at 12 significant digits, but never closer than three digits to the last one shown (a long figure)
    return exact.quantize(Decimal(1).scaleb(min(exact.adjusted() + 1 - NOISE_DIGITS, -decimals - 3)), ROUND_HALF_EVEN,
                          _WIDE)


def _fixed(value: float | None, decimals: int, spec: str = "", scale: int = 1, suffix: str = "") -> str:
    """Every shown figure: float noise cut, then rounded half away from zero, as a reader rounds by hand."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return DASH
    read = _reading(value, decimals, scale)
    shown = read.quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP, _WIDE) if read.is_finite() else read
    if shown.is_zero():  # -0.04 shows as zero, as +0.04 does: never '-0.0'
        shown = shown.copy_abs()
    return f"{shown:{spec}.{decimals}f}{suffix}"


def at_tie(value: float, decimals: int, scale: int = 1) -> bool:
    """Whether a figure lies halfway between two shown ones once float noise is cut: spreadsheets each round such a
    value their own way (Excel from 15 digits, LibreOffice from its own reading of the binary value)."""
    read = _reading(value, decimals, scale)
    return read.is_finite() and _WIDE.remainder(_WIDE.scaleb(read, decimals).copy_abs(), 1) == Decimal("0.5")


def number(value: float, decimals: int = 1) -> str:
    """Thousands separators, fixed decimals; an en dash for missing values."""
    return _fixed(value, decimals, ",")


def written_digits(obj, key: str, decimals: int = 1) -> int:
    """The decimals the source wrote for a figure (none added: 68 % stays 68 %), else the house `decimals`."""
    written = obj.digits(key)
    return written if written is not None else decimals


def hedge(obj, key: str) -> str:
    """The source's bound on a figure as words before it ('nearly '), or nothing."""
    bound_of = getattr(obj, "bound_of", None)
    word = bound_of(key) if bound_of is not None else None
    return f"{word} " if word else ""


def figure(obj, key: str = "value", decimals: int = 1) -> str:
    """A stated number as the source wrote it: its digits (95.81 stays 95.81) and its bound ('about 95.81')."""
    return hedge(obj, key) + number(getattr(obj, key), written_digits(obj, key, decimals))


def figure_pct(obj, key: str = "rate", decimals: int = 1) -> str:
    """A stated rate or share as the source wrote it, e.g. '5.98%', '68%', 'nearly 6.3%'."""
    return hedge(obj, key) + pct(getattr(obj, key), written_digits(obj, key, decimals))


def share_decimals(items, computed: int = 1) -> int:
    """Decimals for a sum or remainder of shares: the most the source wrote, or `computed` if any share is ours."""
    if not items or any(i.share is None for i in items):
        return computed
    return max(i.digits("share") or 0 for i in items)


def rate_decimals(p) -> int:
    """Decimals for the series' growth rate: the house 1, or as many as the stated CAGR was written with."""
    written = p.size.cagr.digits("rate") if p.size.cagr is not None else None
    return max(1, written or 0)


def value_decimals(p: Params) -> int:
    """Modelled values keep the digits the source sized the market with (house 1, at most 3): 2.16 beside 1.93."""
    written = [f.digits("value") or 0 for f in (p.size.base, p.size.end, *p.totals)]
    return min(max(1, *written), VALUE_DECIMALS_CAP)


def signed(value: float, decimals: int = 1) -> str:
    """A change with its sign, e.g. '+78.8'; an en dash when missing."""
    return _fixed(value, decimals, "+,")


def unit_label(market: Market) -> str:
    """Currency and scale as a column heading, e.g. 'USD million'."""
    return f"{market.currency} {market.unit}"


def money(value: float, market: Market, decimals: int = 1) -> str:
    """A value with its currency and scale, e.g. 'USD 1,861.2 million'."""
    return f"{market.currency} {number(value, decimals)} {market.unit}"


def pct(rate: float, decimals: int = 1) -> str:
    """A fraction as a percentage, e.g. 0.156 -> '15.6%'."""
    return _fixed(rate, decimals, scale=100, suffix="%")


def signed_pct(rate: float, decimals: int = 1) -> str:
    """A relative difference, signed, e.g. '+0.1%'."""
    return _fixed(rate, decimals, "+", 100, "%")


def pp(diff: float, decimals: int = 1) -> str:
    """A difference of two rates in percentage points, signed."""
    return _fixed(diff, decimals, "+", 100, " pp")


def multiple(ratio: float) -> str:
    """A growth multiple, e.g. 3.7x."""
    return _fixed(ratio, 1, suffix="\u00d7")


def in_year(year: int | None) -> str:
    """' in 2024', or ' (year not stated)' for a figure the source gives no year for: never a borrowed year."""
    return f" in {year}" if year is not None else " (year not stated)"


def year_label(year: int | None) -> str:
    """A year as a table cell or title shows it; 'year not stated' when the source gives none."""
    return str(year) if year is not None else "year not stated"


def as_written(obj) -> str:
    """A figure of a twin as written: '1.8 billion in 2033', '6.3% (year not stated)'."""
    digits = number(obj.value, written_digits(obj, "value", 0))
    shown = f"{digits}%" if obj.scale == "percent" else digits if obj.scale == "unit" else f"{digits} {obj.scale}"
    return shown + (in_year(obj.year if obj.year != "not stated" else None) if obj.year is not None else "")


def long_date(date) -> str:
    """'10 October 2025': unambiguous for readers everywhere."""
    return f"{date.day} {date:%B %Y}"


def money_figure(obj, market: Market, key: str = "value") -> str:
    """A stated value with its bound, currency and scale, keeping the source's digits: 'about USD 185.5 million'."""
    return f"{hedge(obj, key)}{market.currency} {number(getattr(obj, key), written_digits(obj, key))} {market.unit}"


def dated(source: Source) -> str:
    """When a source appeared, and when we read it; an undated page never borrows the reading date."""
    if source.published is not None:
        text = long_date(source.published)
        return text + (f"; accessed {long_date(source.accessed)}" if source.accessed else "")
    return "date not stated" + (f"; accessed {long_date(source.accessed)}" if source.accessed else "")


def source_line(source: Source) -> str:
    """Full reference in one line: publisher (kind), author: "title", place, date; parts not given are left out."""
    publisher = f"{source.publisher} ({source.kind})" if source.publisher and source.kind else source.publisher
    who = ", ".join(x for x in (publisher, source.author) if x)
    where = ", ".join(x for x in (f"\u201c{source.title}\u201d" if source.title else None, source.place,
                                  dated(source)) if x)
    url = f" {source.url}" if source.url else ""
    return f"{who}: {where}.{url}" if who else f"{where[:1].upper()}{where[1:]}.{url}"
