"""The name a clause opens with: a noun phrase before its verb, an item in a list, or a market segment."""
from __future__ import annotations

import re

from . import lexicon as lex
from .patterns import NUM

MARKET_NP = re.compile(r"\bmarket\b", re.I)
_SEGMENT_NP = re.compile(r"\s+market(?:\s+(?:segment|sub-?segment|category))?$", re.I)
_SEGMENT_AFTER = re.compile(r"\s+(?:segment|sub-?segment|category)\b", re.I)
SIZE_NP = re.compile(r"\b(?:industry|sector)\b.*\b(?:size|value|revenue|worth)\b|\b(?:size|value) of\b"
                      r"|^(?:global|worldwide|total|overall)\b.*\b(?:revenues?|sales|spending|turnover|size|value)$",
                      re.I)
_NP = re.compile(
    rf"^(?:the\s+|The\s+)?(?P<np>[A-Za-z(][\w()&/'’.-]*(?:\s+(?!(?:{lex.SUBJECT_VERBS})\b)[\w()&/'’.-]+){{0,6}}?)"
    rf"(?:\s+(?:segment|sub-segment|category|group))?(?:\s*\([^)]{{1,40}}\))?"
    rf"(?=\s*,|\s+(?:alone\s+|also\s+|together\s+)?(?:{lex.SUBJECT_VERBS})\b)")
_NOT_A_NAME = re.compile(r"^\d|\d$|(?<![\w.])(?:19|20)\d{2}\b|[%$€£¥]|\d[\d,.]*\s*(?:million|billion|bn|mn)\b|\d,\d"
                         r"|\b(?:USD|EUR|GBP|INR|JPY|CNY|AUD|CAD|CHF)\b")
_LINKS = "|".join(sorted(lex.ELLIPSIS_LINKS))
_ELLIPTIC_NP = re.compile(
    rf"^(?:and\s+)?(?P<np>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){{0,4}}?)\s+(?:(?:{_LINKS})\s+){{0,4}}\(?(?:{NUM})\s?%")


def segment_name(body: str, np: tuple[int, str]) -> str | None:
    """'the dried moss tiles market segment is ...': an item named 'dried moss tiles', not the market."""
    start, name = np
    tail = _SEGMENT_NP.search(name)
    if not tail or tail.start() == 0:
        return None
    if tail.group(0).split()[-1].lower() != "market" or _SEGMENT_AFTER.match(body, start + len(name)):
        return name[:tail.start()]
    return None


def noun_phrase(body: str) -> tuple[int, str] | None:
    """The subject before the clause's verb ('Cordless drills held ...'), with where it starts."""
    conjunction = re.match(r"(?:But|And|Yet|So|Or|Still|Then)\s+", body)
    shift = conjunction.end() if conjunction else 0
    m = _NP.match(body, shift)
    if not m or _NOT_A_NAME.search(m.group("np")):
        return None
    name = m.group("np").strip(" ,")
    words = name.split()
    if words and (words[0].lower() in lex.QUANTIFIERS or re.fullmatch(lex.SUBJECT_VERBS, words[0])
                  or {w.lower() for w in words} & lex.NOT_IN_NAMES):
        return None
    return m.start("np"), name


def elliptic_subject(body: str) -> tuple[int, str] | None:
    """'manufacturing plants 34.7%' or 'Italy with 12.05%' after a list's first item and its verb."""
    m = _ELLIPTIC_NP.match(body)
    if not m:
        return None
    words = m.group("np").split()
    if words[0].lower() in lex.QUANTIFIERS or lex.CAGR_CUE.search(m.group("np")) or lex.DECOY.search(m.group("np")):
        return None
    return m.start("np"), m.group("np")
