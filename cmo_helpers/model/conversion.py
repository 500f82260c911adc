"""One currency unit for several market files: scales convert freely, currencies only at a rate someone states."""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..core.errors import MixedCurrencies

if TYPE_CHECKING:
    from ..inputs.market_file import Market, Params

SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


@dataclass(frozen=True)
class ExchangeRate:
    """Units of `to` per unit of `from_`, with where the rate came from, shown beside every converted figure."""

    from_: str
    to: str
    rate: float
    source: str

    def __post_init__(self) -> None:
        if not self.rate > 0:
            raise MixedCurrencies(f"the rate {self.from_}->{self.to} must be above zero; got {self.rate!r}")
        if not self.source.strip():
            raise MixedCurrencies(f"the rate {self.from_}->{self.to} needs its source (who states it, and when)")

    @property
    def label(self) -> str:
        return f"1 {self.from_} = {self.rate:g} {self.to} ({self.source})"


__all__ = ["ExchangeRate", "Frame", "MixedCurrencies", "frame_for", "parse_rate"]


def parse_rate(text: str, source: str) -> ExchangeRate:
    """'EUR:USD=1.08' as typed on the command line, with the source given beside it."""
    pair, _, value = text.partition("=")
    from_, _, to = pair.partition(":")
    try:
        rate = float(value)
    except ValueError:
        rate = float("nan")
    if len(from_) != 3 or len(to) != 3 or rate != rate:
        raise MixedCurrencies(f"a rate reads FROM:TO=VALUE, e.g. EUR:USD=1.08; got {text!r}")
    return ExchangeRate(from_.upper(), to.upper(), rate, source)


@dataclass(frozen=True)
class Frame:
    """The currency and scale every compared figure is shown in, and the rates that brought them there."""

    currency: str
    unit: str
    rates: tuple[ExchangeRate, ...] = ()

    @property
    def label(self) -> str:
        return f"{self.currency} {self.unit}"

    def rate_for(self, currency: str) -> ExchangeRate | None:
        """The stated rate that converts `currency` into the frame's, or None when none is needed or given."""
        return next((r for r in self.rates if r.from_ == currency and r.to == self.currency), None)

    def factor(self, market: Market) -> float:
        """What one of the market's values is worth in the frame: the scale step, times any stated rate."""
        scale = SCALES[market.unit] / SCALES[self.unit]
        if market.currency == self.currency:
            return scale
        rate = self.rate_for(market.currency)
        if rate is None:
            raise MixedCurrencies(f"no rate given from {market.currency} to {self.currency}")
        return scale * rate.rate

    def convert(self, value: float, market: Market) -> float:
        return value * self.factor(market)

    def extra_decimals(self, market: Market) -> int:
        """Decimals a figure gains on the way in, so no written digit is lost: 504.9 million is 0.5049 billion."""
        return max(0, round(-math.log10(self.factor(market))))


def _most_common(values: Sequence[str], order: Sequence[str] = ()) -> str:
    """The value most files use; a tie goes to the later of `order` (the larger scale), else the first file's."""
    counts = Counter(values)
    top = max(counts.values())
    tied = [v for v in dict.fromkeys(values) if counts[v] == top]
    return max(tied, key=order.index) if order else tied[0]


def frame_for(params: Sequence[Params], rates: Sequence[ExchangeRate] = ()) -> Frame:
    """The frame most files already use; any other currency is refused unless a rate with its source converts it."""
    currency = _most_common([p.market.currency for p in params])
    unit = _most_common([p.market.unit for p in params], list(SCALES))
    frame = Frame(currency, unit, tuple(rates))
    missing = sorted({p.market.currency for p in params if p.market.currency != currency
                      and frame.rate_for(p.market.currency) is None})
    if missing:
        names = "; ".join(f"{p.market.name} ({p.market.currency})" for p in params if p.market.currency in missing)
        raise MixedCurrencies(f"the files are in different currencies ({names}; most are in {currency}) and no rate "
                              f"was given: state one with its source, e.g. --rate {missing[0]}:{currency}=VALUE "
                              "--rate-source 'who, when'")
    return frame
