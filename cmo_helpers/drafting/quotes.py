"""A fact's quote cut from the text, and the fact a number becomes when it is left unplaced with its reason."""
from __future__ import annotations

import functools

from .mentions import Mention
from .patterns import Fact
from .sentences import sentences


def quote_span(line: str, offset: int, start: int, end: int) -> tuple[str, int]:
    """The text from `start` to `end` without the punctuation at either side, and where it now starts."""
    quote = line[start - offset:end - offset].strip(" ,;:")
    lead = len(line[start - offset:end - offset]) - len(line[start - offset:end - offset].lstrip(" ,;:"))
    return quote, start + lead


def unplaced_fact(line: str, offset: int, m: Mention, note: str, headline: bool = False) -> Fact:
    """The number left for the analyst with the reason it was not placed; its quote is the whole sentence."""
    quote, start = _sentence_span(line, offset, m)
    return Fact("unplaced", quote, start, number=m.number, scale=m.scale, currency=m.currency, note=note,
                headline=headline)


@functools.lru_cache(maxsize=4)
def _sentences_of(line: str, offset: int) -> tuple[tuple[str, int], ...]:
    return tuple(sentences(line, offset))


def _sentence_span(line: str, offset: int, m: Mention) -> tuple[str, int]:
    for sentence, s_start in _sentences_of(line, offset):
        if s_start <= m.start < s_start + len(sentence):
            quote = sentence.strip()
            return quote, s_start + sentence.index(quote)
    return quote_span(line, offset, m.start, m.end)
