"""A figure and where it came from: the basis every figure gives, values for a year, totals and stated CAGRs."""
from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal

from pydantic import BeforeValidator, field_validator, model_validator

from .fields import NOT_STATED, MaybeYear, Rate, Text, Value, Written, Year

Bound = Literal["about", "nearly", "over", "more-than", "at-least", "up-to"]
# A source's hedge on a figure, as the report prints it before the figure ("nearly 6.3%").
BOUNDS = {"about": "about", "nearly": "nearly", "over": "over", "more-than": "more than", "at-least": "at least",
          "up-to": "up to"}


def _bound_words(value: Any) -> Any:
    """'more than' and 'more-than' both name the same bound, as an analyst may write either."""
    if isinstance(value, str):
        return value.strip().replace(" ", "-")
    if isinstance(value, dict):
        return {k: _bound_words(v) for k, v in value.items()}
    return value


class Basis(Written):
    """Every figure says where it came from: a cited source (with its words) or our own assumption."""

    basis: Literal["sourced", "assumed"]
    source: str | None = None
    rationale: Text | None = None
    quote: Text | None = None
    bound: Annotated[Bound | dict[str, Bound] | None, BeforeValidator(_bound_words)] = None

    @field_validator("bound")
    @classmethod
    def _bound_keys(cls, value: Any) -> Any:
        if isinstance(value, dict):
            unknown = [k for k in value if k not in cls.NUMBERS]
            if unknown:
                raise ValueError(f"bound for '{unknown[0]}', which is not a figure here; "
                                 f"figures: {', '.join(cls.NUMBERS) or 'none'}")
        return value

    def bound_of(self, key: str) -> str | None:
        """The source's hedge on one figure ('nearly'), printed with it wherever it appears."""
        word = self.bound.get(key) if isinstance(self.bound, dict) else self.bound
        return BOUNDS[word] if word else None

    @model_validator(mode="after")
    def _basis_complete(self) -> Basis:
        if self.basis == "sourced" and not self.source:
            raise ValueError("basis is 'sourced' but no 'source' id is given")
        if self.basis == "assumed" and not self.rationale:
            raise ValueError("basis is 'assumed' but no one-line 'rationale' is given")
        if self.basis == "assumed" and self.source:
            raise ValueError("basis is 'assumed' but a 'source' is given; use basis: sourced, or drop the source")
        return self

    @property
    def assumed(self) -> bool:
        return self.basis == "assumed"


class Figure(Basis):
    """A value the source states for a year: a market total, an item's value in another year, its end value."""

    NUMBERS: ClassVar[dict[str, bool]] = {"value": False}
    year: Year
    value: Value


class Total(Figure):
    """A further market total; a source may give one without a year, and then it is never shown under one."""

    year: MaybeYear

    @property
    def dated(self) -> bool:
        return self.year != NOT_STATED


class StatedCagr(Basis):
    """A growth rate with the period the source gave it for, of the market or of one item."""

    NUMBERS: ClassVar[dict[str, bool]] = {"rate": True}
    rate: Rate
    from_year: Year | None = None
    to_year: Year | None = None
