"""Amounts compared across scales and written in the market's scale with the source's digits."""
from __future__ import annotations

from decimal import Decimal

from .patterns import Fact, yaml_number

SCALE_ORDER = ["thousand", "million", "billion", "trillion"]


def amount(fact: Fact) -> Decimal:
    """The figure in currency units, for comparing facts written in different scales."""
    return Decimal(fact.number.replace(",", "")) * Decimal(1000) ** (SCALE_ORDER.index(fact.scale) + 1)


def in_unit(number: str, scale: str, unit: str) -> str | float | int:
    """The source's digits when the scale is the market's; otherwise the exact value moved to the market's scale."""
    if scale == unit:
        text = number
    else:
        shift = 3 * (SCALE_ORDER.index(scale) - SCALE_ORDER.index(unit))
        text = format(Decimal(number.replace(",", "")).scaleb(shift), "f")
    return yaml_number(text)


def pct(number: str) -> str:
    """A rate as the schema writes it, with the source's digits: '6.20%'."""
    return f"{number}%"


def decimals(number: str) -> int:
    """How many decimals the source wrote: how far a figure may have been rounded."""
    return len(number.split(".")[1]) if "." in number else 0
