"""The pieces every params model is built from: bounded numbers and years, one-line text, strict keys, digits."""
from __future__ import annotations

import difflib
import re
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationInfo,
    field_validator,
    model_validator,
)

from ..core import text as policy
from ..core import written

MIN_RATE, MAX_RATE = -0.5, 2.0
MAX_VALUE = 1e15
Year = Annotated[int, Field(ge=1900, le=2200)]
MaybeYear = Year | Literal["not stated"]
Value = Annotated[float, Field(gt=0, le=MAX_VALUE)]
Rate = Annotated[float, Field(ge=MIN_RATE, le=MAX_RATE)]
Share = Annotated[float, Field(ge=0, le=1)]
SLUG = r"^[a-z0-9][a-z0-9-]*$"
NOT_STATED = "not stated"  # a figure's year when the source gives none: never printed with a year
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def _one_line(text: str) -> str:
    """Names and titles land in headings, running headers and table cells, where a line break breaks layout."""
    bad = re.search(r"[\n\r]", text) or _CONTROL.search(text)
    if bad:
        raise ValueError(f"must be a single line of text without control characters; found {bad.group()!r}")
    if not text.strip():
        raise ValueError("must not be blank")
    return policy.name(text)


def _printable(text: str) -> str:
    """Free text (quotes, rationales) may wrap and keep format characters (isolated where shown), never controls."""
    bad = _CONTROL.search(text)
    if bad:
        raise ValueError(f"contains the control character {bad.group()!r}")
    return policy.normal(text)


Line = Annotated[str, AfterValidator(_one_line)]
Text = Annotated[str, AfterValidator(_printable)]


class Strict(BaseModel):
    """Rejects unknown keys with a did-you-mean hint instead of pydantic's bare message."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    @model_validator(mode="before")
    @classmethod
    def _known_keys(cls, data: Any) -> Any:
        if isinstance(data, dict):
            allowed = [f.alias or name for name, f in cls.model_fields.items()]
            for key in data:
                if key not in allowed:
                    hint = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
                    tip = f"did you mean '{hint[0]}'?" if hint else f"allowed keys: {', '.join(allowed)}"
                    raise ValueError(f"unknown key '{key}'; {tip}")
        return data


class Written(Strict):
    """A model whose numbers may be written as '1,861.2' or '16.6%' and keep their written decimals."""

    NUMBERS: ClassVar[dict[str, bool]] = {}  # field name -> is a rate or share (percent allowed)
    _digits: dict[str, int] = PrivateAttr(default_factory=dict)

    @field_validator("*", mode="before")
    @classmethod
    def _number(cls, value: Any, info: ValidationInfo) -> Any:
        """'1,861.2' and '16.6%' become numbers here, so an error names the key itself."""
        if info.field_name in cls.NUMBERS and value is not None and not isinstance(value, dict):
            return written.parse(value, cls.NUMBERS[info.field_name])[0]
        return value

    @model_validator(mode="wrap")
    @classmethod
    def _written_digits(cls, data: Any, handler):
        """Remember how many decimals each number was written with, before it becomes a float."""
        model = handler(data)
        if isinstance(data, dict):
            for key, percent in cls.NUMBERS.items():
                if data.get(key) is not None and not isinstance(data[key], dict):
                    decimals = written.parse(data[key], percent)[1]
                    if decimals is not None:
                        model._digits[key] = decimals
        return model

    def digits(self, key: str) -> int | None:
        """Decimals the source wrote for `key`, so the report can show at least as many."""
        return self._digits.get(key)
