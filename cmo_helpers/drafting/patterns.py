"""Numbers, money, years and the Fact record: what every module reading a release shares."""
from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from typing import Literal, TypeVar

from . import lexicon as lex

T = TypeVar("T")
FactKind = Literal["total", "cagr", "share", "value", "item_cagr", "claim", "scale_claim", "unplaced"]
SCALES = {
    "thousand": "thousand", "k": "thousand", "million": "million", "mn": "million", "mln": "million", "m": "million",
    "billion": "billion", "bn": "billion", "b": "billion", "trillion": "trillion", "tn": "trillion", "t": "trillion",
}
CURRENCIES = {
    "US$": "USD", "USD": "USD", "$": "USD", "US dollars": "USD", "dollars": "USD", "EUR": "EUR", "€": "EUR",
    "euros": "EUR", "GBP": "GBP", "£": "GBP", "JPY": "JPY", "¥": "JPY", "INR": "INR", "₹": "INR", "CNY": "CNY",
    "AUD": "AUD", "CAD": "CAD", "CHF": "CHF",
}
NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
CUR = r"US\$|USD|EUR|GBP|JPY|INR|CNY|AUD|CAD|CHF|[$€£¥₹]"
SCALE = r"trillion|billion|million|thousand|mln|bn|mn|tn|[bmkt]"
MONEY = re.compile(
    rf"(?<![\w.])(?P<cur>{CUR})\s?(?P<num>{NUM})(?:\s?(?P<scale>{SCALE})(?![\w-]))?"
    rf"|(?<![\w.$])(?P<num2>{NUM})\s?(?P<scale2>trillion|billion|million|bn|mn)\s+"
    r"(?P<cur2>USD|US dollars|dollars|EUR|euros)\b",
    re.I,
)
PCT = re.compile(rf"(?<![\w.])(?P<num>{NUM})\s?(?:%|percent\b|per cent\b)", re.I)
YEAR = re.compile(r"(?<![\w.,$])(?:FY\s?)?((?:19|20)\d{2})(?![\w%]|\.\d|,\d)")
RANGE = re.compile(
    r"(?:(?:from|between|over|during|for|in)\s+(?:the\s+)?(?:(?:forecast|projection)\s+period\s+)?(?:of\s+|from\s+)?)?"
    r"\(?(?:FY\s?)?((?:19|20)\d{2})\s*(?:-|–|—|to|and|through|till|until)\s*(?:FY\s?)?((?:19|20)\d{2})\)?(?![\w%])",
    re.I,
)
BULLET = re.compile(r"^\s*(?:[•*·▪–-]|\d+[.)])\s+|^\s*[QA]:\s+")
LABEL = re.compile(r"^([A-Z][\w&/ -]{0,40}?):\s+(?=\S)")


@dataclass(frozen=True)
class Fact:
    """One figure or claim with where it sits in the text; `quote` is always text[start:start+len(quote)]."""

    kind: FactKind
    quote: str
    start: int
    number: str | None = None          # digits as written: "1,861.2", "62.0"
    share_of: str | None = None        # a share stated of a region ("of the European market"), not of the whole
    bound: bool = False                # "surpassing USD 1.8 billion": a bound, not the figure
    hedge: str | None = None           # the schema's bound word for the figure ("around USD 9 billion": about)
    scale: str | None = None           # thousand | million | billion | trillion (money only)
    currency: str | None = None
    year: int | None = None
    from_year: int | None = None
    to_year: int | None = None
    item: str | None = None
    geo: Literal["region", "country"] | None = None
    parent: str | None = None
    dimension: str | None = None
    claim: str | None = None
    note: str | None = None
    headline: bool = False
    historic: bool = False
    section: str | None = None         # the heading above an item with no stated dimension (groups such items)
    market: str | None = None          # "the broader digital health market": which market a total is said of


def yaml_number(text: str) -> str | float | int:
    """A plain YAML number when that keeps the digits; the string as written otherwise ('1,861.2', '62.0')."""
    if "," in text or ("." in text and text.endswith("0")) or text.startswith("0") and not text.startswith("0."):
        return text
    return float(text) if "." in text else int(text)


def mask(text: str, pattern: re.Pattern) -> str:
    """Blank out a pattern's matches, keeping offsets, so years inside a range are not read again."""
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


def dimension_name(text: str) -> str | None:
    """'By application' names a breakdown; 'segment' or 'market' names none."""
    text = re.sub(r"\s+", " ", text).strip(" ,:")
    return None if text.lower() in lex.GENERIC_DIMENSIONS else text


def heading_dimension(heading: str | None) -> str | None:
    """'End-user insights' or 'Products' above a paragraph names the breakdown its items belong to."""
    if not heading:
        return None
    m = lex.HEADING_DIMENSION.match(heading.strip())
    if m:
        return dimension_name(m.group(1))
    plural = re.fullmatch(r"([A-Z][a-z]{3,})s", heading.strip())
    return dimension_name(plural.group(1)) if plural else None


def unique(items: Iterable[T], key: Callable[[T], Hashable]) -> list[T]:
    """The first of each kind, in order: one entry per key."""
    seen, out = set(), []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out
