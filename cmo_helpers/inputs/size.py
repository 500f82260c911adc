"""The market's size: its first and last stated year with a stated CAGR, and a volume series in another unit."""
from __future__ import annotations

import math
from typing import Literal

from pydantic import Field, model_validator

from .fields import MAX_RATE, MIN_RATE, Line, Strict
from .figures import Figure, StatedCagr


class Size(Strict):
    base: Figure
    end: Figure
    cagr: StatedCagr | None = None
    other_cagrs: list[StatedCagr] = Field(default_factory=list)  # further stated rates: shown and audited, not used
    anchor: Literal["endpoints", "cagr"] = "endpoints"

    @model_validator(mode="after")
    def _years_and_anchor(self) -> Size:
        if self.end.year <= self.base.year:
            raise ValueError(f"end.year ({self.end.year}) must be after base.year ({self.base.year})")
        if self.anchor == "cagr" and self.cagr is None:
            raise ValueError("anchor is 'cagr' but no 'cagr' is given")
        implied = math.exp(math.log(self.end.value / self.base.value) / self.years) - 1
        if not MIN_RATE <= implied <= MAX_RATE:
            raise ValueError(f"base.value {self.base.value:g} and end.value {self.end.value:g} imply {implied:.1%} "
                             f"a year, outside the {MIN_RATE:.0%} to {MAX_RATE:+.0%} a growth rate may take; "
                             "check the unit and digits")
        return self

    @property
    def years(self) -> int:
        return self.end.year - self.base.year


class Volume(Strict):
    """A second series in another unit (MW, units, tonnes): charted and audited on its own, never added to money."""

    unit: Line = Field(max_length=40)
    base: Figure
    end: Figure
    cagr: StatedCagr | None = None

    @model_validator(mode="after")
    def _forwards(self) -> Volume:
        if self.end.year <= self.base.year:
            raise ValueError(f"end.year ({self.end.year}) must be after base.year ({self.base.year})")
        return self
