"""Rank claims about an item ('the largest region'), scale claims about the market, and an FAQ's answered claim."""
from __future__ import annotations

import re

from . import lexicon as lex
from .patterns import BULLET, LABEL, Fact
from .quotes import quote_span
from .sentences import Clause
from .subjects import EVERY


def item_claims(clause: Clause, line: str, offset: int, common: dict) -> list[Fact]:
    """The rank words said of the clause's item ('the fastest-growing region'), or the claim its label makes."""
    body_at = max(clause.body, clause.subject_start or clause.body)
    body = line[body_at - offset:clause.start + len(clause.text) - offset]
    out, kinds = [], set()
    if clause.claim_label:
        label_at, label = clause.claim_label
        kind = next(k for k, pattern in lex.CLAIMS if pattern.search(label))
        quote, start = quote_span(line, offset, label_at, body_at + len(clause.subject))
        return [Fact("claim", quote, start, claim=kind, **common)]
    for kind, pattern in lex.CLAIMS:
        m = pattern.search(body)
        if not m or (kind == "fast-growing" and "fastest-growing" in kinds):
            continue
        if kind == "largest" and kinds & {"fastest-growing", "fast-growing"} and re.search(r"\bgrow", body[:m.start()]):
            continue
        if kind == "largest" and lex.RANK_VERB.match(m.group(0)) and not lex.RANK_OBJECT.match(body[m.end():]):
            continue
        kinds.add(kind)
        quote, start = quote_span(line, offset, body_at, body_at + m.end())
        out.append(Fact("claim", quote, start, claim=kind, **common))
    return out


def scale_claims(sentence: str, s_start: int) -> list[Fact]:
    """'A multi-billion-dollar market': the scale a sentence says the market is of, without a figure."""
    out = []
    for m in lex.SCALE_CLAIM.finditer(sentence):
        if lex.DECOY.search(sentence) or not re.search(r"\bmarket|\bindustry", sentence, re.I):
            continue
        scale = next(g for g in m.groups() if g).lower().rstrip("s")
        quote = sentence[:m.end()].strip()
        lead = re.match(r"^(?:[•*-]\s*)?(?:[A-Z][\w &/-]{0,30}:\s+)?", quote)
        cut = lead.end() if lead else 0
        start = s_start + (len(sentence[:m.end()]) - len(sentence[:m.end()].lstrip())) + cut
        out.append(Fact("scale_claim", quote[cut:], start, scale=scale))
    return out


def faq_question(line: str, start: int) -> tuple[str, str, int] | None:
    """'Which region grows fastest?': an FAQ question whose answer names the item the claim is about."""
    body = BULLET.sub("", line)
    if not line.endswith("?") or not re.match(r"(?:which|what)\b", body, re.I):
        return None
    kind = next((k for k, pattern in lex.CLAIMS if pattern.search(body)), None)
    return (kind, line, start) if kind else None


def faq_answer(question: tuple[str, str, int], line: str, offset: int, facts: list[Fact]) -> list[Fact]:
    """The item the answer starts with ('Behind-the-ear devices, with 57.1% in 2024.') gets the question's claim."""
    kind, quote, start = question
    body = BULLET.sub("", line).strip()
    at = offset + line.index(body)
    first = next((f for f in facts if f.item and f.item != EVERY and f.start == at), None)
    if first:
        return [Fact("claim", quote, start, claim=kind, item=first.item, geo=first.geo, dimension=first.dimension,
                     section=first.section)]
    named = re.match(r"(?:the\s+)?([A-Z][\w&/()' -]{1,60}?)\s*(?:[,(;.]|$)", body)
    if not named or re.search(r"\d|\band\b", named.group(1)):
        return []
    name = named.group(1)
    geo = "country" if name in lex.COUNTRY_REGION else "region" if lex.GEO.fullmatch(name) else None
    return [Fact("claim", quote, start, claim=kind, item=name, geo=geo)]


def is_claim_label(line: str) -> bool:
    """'Fastest-growing product: freeze-dried toppers' is a fact even though it looks like a heading."""
    label = LABEL.match(BULLET.sub("", line, count=1))
    return bool(label) and any(pattern.search(label.group(1)) for _, pattern in lex.CLAIMS)
