"""A paragraph cut into sentences, and a sentence into clauses, each with where it starts."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from . import lexicon as lex
from .patterns import NUM

_ABBREV = {"u.s", "u.k", "inc", "ltd", "corp", "co", "calif", "sept", "oct", "nov", "dec", "jan", "feb", "mar", "apr",
           "aug", "jun", "jul", "no", "vs", "approx", "e.g", "i.e", "st", "mr", "ms", "dr", "est", "u.s.a"}
_SENTENCE_BREAK = re.compile(r"[.!?](?=\s+[\"“(]?[A-Z0-9•$€£])|(?<=[a-z0-9%)])\.(?=[A-Z][a-z]{2,})")
_NOT_NP = rf"(?!(?:with|at|a|an|and|of|in|for|to|by|or|on|from|as|{lex.SUBJECT_VERBS})\b)"
_ELLIPSIS = (rf"{_NOT_NP}[A-Za-z][\w-]*(?:\s+{_NOT_NP}[A-Za-z][\w-]*){{0,4}}\s+(?:with\s+|at\s+)?(?:{NUM})\s?%"
             r"(?:\s+share)?\s*(?:[,.;]|and\b|$)")
_CLAUSE_BREAK = re.compile(
    r",\s+(?:while|whereas|but|although|though|followed by|and|of which)\s+|;\s+|\s+(?:while|whereas)\s+"
    r"|,\s+with\s+(?=[\w-]+(?:\s+[\w-]+){0,4}\s+(?:making up|accounting for|representing|holding|taking)\b)"
    rf"|,\s+(?:and\s+)?(?={_ELLIPSIS})|\s+and\s+(?={_ELLIPSIS})")
_NAME = r"(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
_NAME_LIST = re.compile(rf"\s*(?:[•*-]\s*)?{_NAME}(?:,\s+{_NAME})*\s*")


def sentences(line: str, offset: int) -> list[tuple[str, int]]:
    """Split a paragraph at sentence ends, but not after 'U.S.', 'Inc.' or 'Oct.'."""
    out, start = [], 0
    for m in _SENTENCE_BREAK.finditer(line):
        word = re.search(r"([\w.]+)$", line[max(start, m.start() - 12):m.start()])
        token = word.group(1).lower() if word else ""
        if token in _ABBREV or re.fullmatch(r"[a-z]", token) or re.fullmatch(r"(?:[a-z]\.)+[a-z]", token):
            continue
        out.append((line[start:m.end()], offset + start))
        start = m.end()
        while start < len(line) and line[start].isspace():
            start += 1
    if line[start:].strip():
        out.append((line[start:], offset + start))
    return out


@dataclass
class Clause:
    """One clause of a sentence and what it is about, as `subjects.analyse` finds it."""

    text: str
    start: int
    body: int                         # offset of the body after bullets, labels and lead-ins
    subject: str | None = None        # item name, "market", or None
    subject_start: int | None = None
    geo: Literal["region", "country"] | None = None
    subjects: list[str] = field(default_factory=list)
    dimension: str | None = None
    place: str | None = None
    claim_label: tuple[int, str] | None = None  # ('Largest region:' at offset) when a label makes the claim
    every: str | None = None                     # "five" in "all five regions"
    market: str | None = None                    # "the U.S. kelp snack market": the market a clause speaks of
    volume: str | None = None                    # "14.8 thousand MW": the sentence's only amounts are volumes


def split_clauses(sentence: str, start: int) -> list[Clause]:
    """Cut at 'while', 'but', ';' and before an elliptic 'X 12%', but never inside a list of names."""
    out, pos = [], 0
    for m in _CLAUSE_BREAK.finditer(sentence):
        if _NAME_LIST.fullmatch(sentence[pos:m.start()]):
            continue  # "Germany, France, and the UK represent ...": one subject of three names
        out.append(Clause(sentence[pos:m.start()], start + pos, start + pos))
        pos = m.end()
    out.append(Clause(sentence[pos:], start + pos, start + pos))
    return out
