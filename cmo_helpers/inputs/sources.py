"""The sources figures cite, and what a source says beyond its figures: scale claims, twins, tables, unplaced words."""
from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar, Literal

from pydantic import Field, model_validator

from .fields import MAX_VALUE, SLUG, Line, MaybeYear, Strict, Text, Value, Written, Year


class Source(Strict):
    """Where figures come from; a part the source does not give is left out, never filled with a placeholder."""

    id: str = Field(pattern=SLUG)
    publisher: Line | None = None  # left out of the citation when the source does not name one
    title: Line | None = None
    published: dt.date | None = None
    accessed: dt.date | None = None
    author: Line | None = None
    place: Line | None = None
    kind: Line | None = None
    url: Line | None = None


class ScaleClaim(Written):
    """A statement about the whole market's size ('billions of dollars', '$7.1 billion by 2033')."""

    NUMBERS: ClassVar[dict[str, bool]] = {"value": False}
    text: Line
    scale: Literal["thousand", "million", "billion", "trillion"]
    value: Value | None = None
    bound: Literal["about", "at-least", "at-most"] = "about"  # 'topping $7.1 billion' is at-least
    year: Year | None = None
    source: str
    quote: Text | None = None


class Unplaced(Strict):
    """Something a draft found in a release but could not place; shown with the analyst's reason, never dropped."""

    quote: Text
    note: Text | None = None


class Stated(Written):
    """One statement of a figure as written: its number, scale ('percent' for a rate or share), year and words."""

    NUMBERS: ClassVar[dict[str, bool]] = {"value": False}
    value: Annotated[float, Field(ge=-MAX_VALUE, le=MAX_VALUE)]
    scale: Literal["unit", "thousand", "million", "billion", "trillion", "percent"]
    year: MaybeYear | None = None
    quote: Text | None = None


class Twin(Strict):
    """The same fact stated twice (in another scale or year): linked, and the audit says whether they agree."""

    what: Line
    first: Stated
    second: Stated
    source: str
    note: Text | None = None


class StatedTable(Strict):
    """A table of the release kept as it stands (cells as written): shown, never extrapolated or summed."""

    title: Line
    columns: list[Line] = Field(min_length=1)
    rows: list[list[Text]] = Field(min_length=1)
    source: str
    note: Text | None = None

    @model_validator(mode="after")
    def _rows_fit(self) -> StatedTable:
        for n, row in enumerate(self.rows):
            if len(row) != len(self.columns):
                raise ValueError(f"rows[{n}] has {len(row)} cells for {len(self.columns)} columns")
        return self
