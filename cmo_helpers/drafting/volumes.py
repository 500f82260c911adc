"""A market sized in another unit (thousand MW, tonnes, units): one sentence giving both endpoints, never money."""
from __future__ import annotations

import re

from .bounds import bound_before
from .patterns import MONEY, NUM, yaml_number
from .sentences import sentences

_UNIT = (r"MW|GW|kW|TW|MWh|GWh|TWh|kWh|metric tons?|tonnes?|tons?|kilotons?|units|barrels|vehicles|devices"
         r"|shipments")
_AMOUNT = re.compile(
    rf"(?<![\w.])(?P<num>{NUM})\s?(?P<scale>thousand|million|billion)?\s?(?P<unit>{_UNIT})\b"
    r"(?P<tail>\s*,?\s*(?:in|by|for|during|through|until)\s+(?:the\s+end\s+of\s+)?(?P<year>(?:19|20)\d{2}))",
    re.I)
_CAGR = re.compile(rf"(?:CAGR|compound annual growth rate)\s+(?:\(CAGR\)\s+)?of\s+(?P<rate>{NUM})\s?%"
                   rf"|(?P<rate2>{NUM})\s?%\s+CAGR", re.I)
_MARKET = re.compile(r"\bmarket\b", re.I)


def volume_series(text: str, source_id: str) -> tuple[dict, str] | None:
    """The schema's `volume` and the sentence it came from, when a sentence about the market gives two dated
    amounts in one physical unit (and no money); None when no sentence does, so nothing is guessed."""
    offset = 0
    for line in text.split("\n"):
        for sentence, start in sentences(line, offset):
            found = _series(text, sentence, start, source_id)
            if found:
                return found, sentence.strip()
        offset += len(line) + 1
    return None


def _series(text: str, sentence: str, start: int, source_id: str) -> dict | None:
    if MONEY.search(sentence):
        return None
    amounts = list(_AMOUNT.finditer(sentence))
    if len(amounts) < 2 or not _MARKET.search(sentence, 0, amounts[0].start()):
        return None
    first, last = amounts[0], amounts[-1]
    same = [(a.group("scale") or "").lower() == (first.group("scale") or "").lower()
            and a.group("unit").lower() == first.group("unit").lower() for a in (first, last)]
    if not all(same) or int(last.group("year")) <= int(first.group("year")):
        return None

    def figure(m: re.Match) -> dict:
        hedge = bound_before(text, start + m.start())
        at = hedge[1] - start if hedge else m.start()
        return {"year": int(m.group("year")), "value": yaml_number(m.group("num")),
                **({"bound": hedge[0]} if hedge else {}), "basis": "sourced", "source": source_id,
                "quote": sentence[at:m.end()]}

    series = {"unit": _unit_name(first), "base": figure(first), "end": figure(last)}
    rate = _CAGR.search(sentence, last.end())
    if rate:
        series["cagr"] = {"rate": f"{rate.group('rate') or rate.group('rate2')}%", "basis": "sourced",
                          "source": source_id, "quote": rate.group(0)}
    return series


def _unit_name(m: re.Match) -> str:
    """'thousand MW', 'million tonnes': the scale and unit as the release writes them, scale in lower case."""
    scale = (m.group("scale") or "").lower()
    return f"{scale} {m.group('unit')}".strip()
