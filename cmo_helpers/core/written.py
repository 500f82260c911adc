"""Numbers as a source wrote them: the value, and how many decimals it was written with."""
from __future__ import annotations

import math
import re
from typing import Any

_NUMBER = re.compile(r"^\s*([+\-\u2212]?)(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?\s*(%?)\s*$")


class WrittenFloat(float):
    """A YAML float that remembers its text, so '504.90' keeps its trailing zero."""

    text: str

    def __new__(cls, text: str) -> WrittenFloat:
        obj = super().__new__(cls, float(text))
        obj.text = text
        return obj


def _decimals_of(text: str) -> int | None:
    match = _NUMBER.match(text)
    if not match:
        return None
    return len(match.group(3) or "")


def parse(raw: Any, percent: bool = False) -> tuple[float, int | None]:
    """(value, decimals as written) from a YAML number or a string like '1,861.2' or '16.6%'.

    For rates and shares (`percent`), a value written with '%' is divided by 100 and its decimals
    are those of the percentage; a bare fraction such as 0.166 counts its decimals minus two.
    """
    if isinstance(raw, bool) or raw is None:
        raise ValueError(f"expected a number, got {raw!r}")
    if isinstance(raw, (int, float)):
        value = float(raw)
        text = raw.text if isinstance(raw, WrittenFloat) else (str(raw) if isinstance(raw, int) else repr(raw))
        decimals = _decimals_of(text) if "e" not in text.lower() else None
        if percent and decimals is not None:
            decimals = max(decimals - 2, 0)
    elif isinstance(raw, str):
        match = _NUMBER.match(raw)
        if not match or not (match.group(2) or match.group(3)):
            raise ValueError(f"expected a number such as 1,861.2 or 16.6%, got {raw!r}")
        sign, whole, frac, pc = match.groups()
        if pc and not percent:
            raise ValueError(f"a percentage is not allowed here, got {raw!r}")
        value = float(f"{'-' if sign else ''}{(whole or '0').replace(',', '')}.{frac or '0'}")
        decimals = len(frac or "")
        if percent:
            if pc:
                value /= 100
            else:
                decimals = max(decimals - 2, 0)
    else:
        raise ValueError(f"expected a number, got {type(raw).__name__}")
    if not math.isfinite(value):
        raise ValueError(f"must be a finite number, got {raw!r}")
    return value, decimals
