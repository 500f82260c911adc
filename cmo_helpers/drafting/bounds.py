"""The source's hedge on one figure ('around USD 9 billion', 'more than 25%'), as the schema's `bound` word."""
from __future__ import annotations

import re
from dataclasses import replace

from .patterns import CUR, Fact

# The words a release puts right before a figure, and the schema's word for each; nothing else counts as a bound.
WORDS = {
    "about": "about", "approximately": "about", "around": "about", "roughly": "about", "nearly": "nearly",
    "almost": "nearly", "close to": "nearly", "over": "over", "above": "over", "upwards of": "over", "cross": "over",
    "crossing": "over", "exceed": "over", "exceeds": "over", "exceeding": "over", "surpass": "over",
    "surpassing": "over", "more than": "more-than", "at least": "at-least", "up to": "up-to",
}
_BEFORE = re.compile(rf"\b({'|'.join(sorted(WORDS, key=len, reverse=True))})\s+(?:(?:{CUR})\s?)?$", re.I)
WINDOW = 40  # characters before a figure searched for its bound word


def bound_before(text: str, at: int) -> tuple[str, int] | None:
    """The schema's bound word and where it starts, when one of WORDS stands right before the figure at `at`."""
    window = max(0, at - WINDOW)
    m = _BEFORE.search(text[window:at])
    return (WORDS[m.group(1).lower()], window + m.start(1)) if m else None


def bound_of(text: str, start: int, quote: str, number: str | None) -> tuple[str, int] | None:
    """The bound on the figure written `number` inside `quote` (which sits at `start` in `text`), and its offset."""
    if not number:
        return None
    found = re.search(rf"(?<![\d.,]){re.escape(number)}(?![\d])", quote)
    return bound_before(text, start + found.start()) if found else None


def hedged(fact: Fact, text: str) -> Fact:
    """The figure with the source's bound word on it (and in its quote); a total read as a bound is at least 'over'."""
    found = bound_of(text, fact.start, fact.quote, fact.number) if fact.kind not in ("claim", "unplaced") else None
    if not found:
        return replace(fact, hedge="over") if fact.bound else fact
    word, at = found
    if at >= fact.start:
        return replace(fact, hedge=word)
    return replace(fact, hedge=word, quote=text[at:fact.start + len(fact.quote)], start=at)  # the quote shows the word
