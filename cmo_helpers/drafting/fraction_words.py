"""'More than a third of the market': a share written in words, and the percentage its bound word lets it be."""
from __future__ import annotations

import re
from decimal import ROUND_FLOOR, ROUND_HALF_EVEN, Decimal

from .bounds import bound_before

_PARTS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "tenth": 10}
_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4}
_WORDS = r"(?<![\w-])(?:(?P<count>a|one|two|three|four)[- ])?(?P<part>half|third|quarter|fifth|tenth)s?"
_FRACTION = re.compile(_WORDS, re.I)
_OF_SOMETHING = re.compile(r"\s+(?:of|share)\b")  # 'over half of the market', 'a more than one-third share'

_ROUNDING = {"over": ROUND_FLOOR, "more-than": ROUND_FLOOR, "at-least": ROUND_FLOOR, "about": ROUND_HALF_EVEN}


def bounded_fractions(text: str) -> list[tuple[int, int]]:
    """Where a fraction stands right after a bound word ('over half of', 'nearly a quarter of'): start and end."""
    return [(m.start(), m.end()) for m in _FRACTION.finditer(text)
            if _OF_SOMETHING.match(text, m.end()) and bound_before(text, m.start())]


def fraction_percent(words: str, bound: str) -> str | None:
    """The percentage `words` name ('a third') under `bound`, with one decimal at most; None when none is true.

    An exact fraction is its percentage ('over half': 50). A third is not: under a lower bound it is rounded
    down ('more than a third' is more than 33.3%), under 'about' to the nearest; 'nearly' or 'up to' a third
    has no percentage that keeps the source's statement true, so the caller leaves it unplaced.
    """
    m = _FRACTION.fullmatch(words)
    if not m:
        return None
    count = _COUNTS[(m.group("count") or "a").lower()]
    parts = _PARTS[m.group("part").lower()]
    if count >= parts:
        return None
    percent = Decimal(100 * count) / parts
    if percent == percent.quantize(Decimal("0.1")):
        return format(percent.normalize(), "f")
    rounding = _ROUNDING.get(bound)
    return format(percent.quantize(Decimal("0.1"), rounding=rounding), "f") if rounding else None
