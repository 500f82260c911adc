"""What each number in a clause is: a total, a value, a growth rate, a share, or unplaced with its reason."""
from __future__ import annotations

import re

from . import lexicon as lex
from .claims import item_claims
from .growth_facts import growth_fact, is_growth_rate
from .mentions import Mention
from .patterns import NUM, Fact
from .quotes import quote_span, unplaced_fact
from .sentences import Clause
from .share_facts import share_fact
from .size_facts import MARKET_PHRASE, money_fact
from .subjects import EVERY, is_item


def clause_facts(clause: Clause, mentions: list[Mention], s_years: list[Mention], line: str, offset: int,
                 headline: bool) -> list[Fact]:
    """Every number of the clause in its role, and the clause's rank claims when it is about one item."""
    text = clause.text
    facts: list[Fact] = []
    decoy = lex.DECOY.search(_named_away(text, clause, mentions))
    free_years = [m for m in mentions if m.kind == "year" and not m.bound]
    ranges = [m for m in mentions if m.kind == "range"]
    common = dict(item=clause.subject if is_item(clause) else None, geo=clause.geo if is_item(clause) else None,
                  parent=clause.place if clause.geo == "country" else None, dimension=clause.dimension,
                  headline=headline, note=f"every {clause.every}" if clause.every else None)
    item_start = clause.subject_start if is_item(clause) else None
    numbers = [m for m in mentions if m.kind in ("money", "pct", "fraction")]
    for k, m in enumerate(numbers):
        left = line[(numbers[k - 1].end if k else clause.body) - offset:m.start - offset]
        right_end = numbers[k + 1].start if k + 1 < len(numbers) else clause.start + len(text)
        right = line[m.end - offset:right_end - offset]
        if decoy:
            facts.append(unplaced_fact(line, offset, m, f"not a market figure ('{decoy.group(0)}' nearby)", headline))
            continue
        if m.kind == "money":
            facts.append(money_fact(m, clause, free_years, s_years, line, offset, common, item_start))
        else:
            money_years = [n.year for n in numbers if n.kind == "money" and n.year]
            facts.append(_pct_fact(m, clause, left, right, free_years, s_years, ranges, line, offset, common,
                                   item_start, money_years))
    title = headline and not line.rstrip().endswith((".", "!", "?"))  # a title's 'Leading Players' ranks nothing
    actor = (clause.dimension or "").lower().split()[-1:] in ([w] for w in lex.ACTOR_HEADS)  # "the biggest entrant"
    if not decoy and not title and not actor and is_item(clause) and clause.subject != EVERY:
        claims = item_claims(clause, line, offset, common)
        if len(set(clause.subjects)) <= 1:
            facts += claims
        elif claims:
            together = ", ".join(dict.fromkeys(clause.subjects))
            quote, start = quote_span(line, offset, clause.body, clause.start + len(clause.text))
            facts.append(Fact("unplaced", quote, start, note=f"'{claims[0].claim}' said of {together} together: "
                              "a claim needs one item"))
    return facts


def _named_away(text: str, clause: Clause, mentions: list[Mention]) -> str:
    """The clause with its market's and item's names and its fractions blanked: 'the reef survey market' marks no
    survey, 'a quarter of the market' no fiscal quarter."""
    text = MARKET_PHRASE.sub(lambda m: " " * len(m.group(0)), text)
    if is_item(clause) and clause.subject_start is not None:
        at = clause.subject_start - clause.start
        text = text[:at] + " " * len(clause.subject) + text[at + len(clause.subject):]
    for m in mentions:
        if m.kind == "fraction":
            text = text[:m.start - clause.start] + " " * (m.end - m.start) + text[m.end - clause.start:]
    return text


def _pct_fact(m: Mention, clause: Clause, left: str, right: str, free_years: list[Mention], s_years: list[Mention],
              ranges: list[Mention], line: str, offset: int, common: dict, item_start: int | None,
              money_years: list[int]) -> Fact:
    """A range of rates is no figure; a CAGR cue makes a growth rate; any other percentage (or a bounded fraction,
    'over half') may be an item's share."""
    before = line[max(0, m.start - offset - 24):m.start - offset]
    after = line[m.end - offset:m.end - offset + 16]
    if (re.search(r"\d\s*(?:%|percent|per cent)?\s*(?:-|–|to|and)\s*$", before)
            or re.match(rf"\s*(?:-|–|to|and)\s*(?:{NUM})\s?(?:%|percent|per cent)", after)):
        return unplaced_fact(line, offset, m, "a range of rates, not one figure", common["headline"])
    if m.kind != "fraction" and is_growth_rate(left, right):
        return growth_fact(m, clause, left, right, ranges, line, offset, common, item_start, money_years)
    return share_fact(m, clause, right, free_years, s_years, line, offset, common, item_start, money_years)
