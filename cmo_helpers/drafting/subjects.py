"""What a clause is about: the market, an item (a place, a segment), every region, or nothing it can name."""
from __future__ import annotations

import re

from . import lexicon as lex
from .noun_phrases import MARKET_NP, SIZE_NP, elliptic_subject, noun_phrase, segment_name
from .patterns import BULLET, LABEL, MONEY, PCT, dimension_name, heading_dimension
from .sentences import Clause

_DATE_TEXT = r"(?:\d{1,2} [A-Z][a-z]{2,8}\.? \d{4}|[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4})"
_DATELINE = re.compile(
    rf"^[A-Z][A-Za-z .]{{1,30}}?(?:,\s*[A-Z][A-Za-z.]{{1,15}})?(?:\s*[,–—-]+\s*{_DATE_TEXT})?\s*(?:/[^/]{{1,30}}/)?"
    r"\s*(?:\([A-Z][A-Za-z .]{1,30}\))?\s*(?:--|–|—)\s+")

# "Looking ahead, the market ...": what stands before the comma is a lead-in, not the subject. A place or a rank
# word before it makes an apposition instead ("Europe, the second market, ...").
_ASIDE = re.compile(
    r"^(?![^,]*\b(?:largest|biggest|fastest|leading|smallest|dominant)\b)[A-Z][^,]{0,40},\s+"
    r"(?=(?:the|this|its|our)\s+(?:[\w.&/()'’-]+\s+){0,7}?(?:market|industry|sector)\b(?!\s*,)|it\s)")
_MARKET_SUBJECT = re.compile(
    r"\b(?:the\s+(?:value|size|revenue)\s+of\s+)?(?P<np>the\s+(?:[\w.&/'’-]+\s+){0,6}?market)(?:\s+size)?\s+"
    r"(?:was|is|has|had|reached|stood|stands|valued|totaled|totalled|amounted|hit|touched|estimated|expected|projected"
    r"|will)\b", re.I)
NEW_SUBJECT = re.compile(r"(?:and\s+|but\s+)?(?:the|a|an|this|these|those|its|their)\s", re.I)

# "North America kelp snack market" / "U.S. moss tile market": a place that names a market, not an item.
_PLACE_MARKET = re.compile(
    rf"(?:\s+(?!(?:the|a|an|and|of|in|{lex.SUBJECT_VERBS})\b)[\w.&/'’-]+){{0,5}}?\s+market\b", re.I)

EVERY = "*every*"  # subject of 'all five regions ...': the draft gives the figure to each region it found
_EVERY = re.compile(r"(?:in the forecast,\s+)?(?:all|each of the|every one of the)\s+(?:(?P<count>\w+)\s+)?"
                    r"(?P<kind>regions|countries)\b", re.I)


def analyse(clause: Clause, label: str | None) -> str | None:
    """Strip bullets, labels and lead-ins, then find what the clause is about."""
    text = clause.text
    pos = 0
    bullet = BULLET.match(text)
    if bullet:
        pos = bullet.end()
    dateline = _DATELINE.match(text[pos:])
    if dateline:
        pos += dateline.end()
    lab = LABEL.match(text[pos:])
    if lab and not MONEY.search(lab.group(1)) and not PCT.search(lab.group(1)):
        label = lab.group(1)
        if any(pattern.search(label) for _, pattern in lex.CLAIMS):
            clause.claim_label = (clause.start + pos, label)
        by = re.match(r"(?:By|In terms of|Based on)\s+(.+)", label)
        if by:
            clause.dimension = dimension_name(by.group(1))
        else:
            heading_dim = heading_dimension(label)
            if heading_dim:
                clause.dimension = heading_dim
        pos += lab.end()
    lead = lex.LEAD_IN.match(text[pos:])
    if lead:
        if lead.group("by"):
            clause.dimension = dimension_name(lead.group("dim"))
        if lead.group("place"):
            clause.place = lead.group("where")
        pos += lead.end()
    aside = _ASIDE.match(text[pos:])
    if aside and not lex.GEO.search(aside.group(0)):
        pos += aside.end()
    clause.body = clause.start + pos
    body = text[pos:]
    first_number = min((m.start() for m in (MONEY.search(body), PCT.search(body)) if m), default=len(body))
    geos = [(m.start(1), m.group(1)) for m in lex.GEO.finditer(body)]
    if clause.place:
        geos += [(-1, m.group(1)) for m in lex.GEO.finditer(clause.place)]
    names = list(dict.fromkeys(g for _, g in geos))
    np = noun_phrase(body) or elliptic_subject(body)
    if np and MARKET_NP.search(np[1]) and not segment_name(body, np):
        clause.subject, clause.market = "market", np[1]
        return label
    said = _MARKET_SUBJECT.search(body, 0, first_number)
    if said and not (np and not lex.GEO.search(np[1])):
        clause.subject, clause.market = "market", said.group("np")  # "..., India, the value of the X market reached"
        return label
    if geos and (np is None or lex.GEO.search(np[1])):
        first = min((g for g in geos if 0 <= g[0] < first_number), default=None)
        said = _PLACE_MARKET.match(body, first[0] + len(first[1])) if first is not None else None
        if said:
            clause.subject, clause.market = "market", body[first[0]:said.end()]
            return label
        if first is not None:
            countries = [n for n in names if n in lex.COUNTRY_REGION]
            regions = [n for n in names if n not in lex.COUNTRY_REGION]
            subject = first[1]
            clause.subject = subject
            clause.subject_start = clause.body + first[0]
            clause.geo = "country" if subject in lex.COUNTRY_REGION else "region"
            clause.subjects = countries if clause.geo == "country" else regions
            parents = [r for r in regions if lex.REGION_SPELLINGS.get(r) == lex.COUNTRY_REGION.get(subject)]
            clause.place = parents[0] if clause.geo == "country" and parents else None
            return label
    every = _EVERY.match(body)
    if every:
        clause.subject, clause.subject_start, clause.subjects = EVERY, clause.body, [EVERY]
        clause.geo = "region" if every.group("kind").lower().startswith("region") else "country"
        clause.every = (every.group("count") or "").lower() or "all"
        return label
    if re.match(r"(?:the|this)\s+(?:region|country|segment|category)\b", body, re.I):
        clause.subject = "back-reference"
    elif np:
        start, name = np
        lowered = name.lower()
        segment = segment_name(body, np)
        if segment:
            name, lowered = segment, segment.lower()
        if lowered in lex.BACK_REFERENCES:
            clause.subject = "back-reference"
        elif not segment and (MARKET_NP.search(lowered) or lowered in lex.PRONOUNS or SIZE_NP.search(lowered)):
            clause.subject = "market"
        elif lex.ACTOR_GROUP.search(lowered):
            clause.subject = None
        elif lowered not in lex.NON_ITEMS and not lex.DECOY.search(name):
            clause.subject, clause.subject_start = name, clause.body + start
            clause.subjects = [name]
    if clause.subject is None and clause.claim_label:
        named = re.match(r"(?:the\s+)?([A-Za-z][\w&/()' -]{1,60}?)\s*(?:[,(;.]|$)", body)
        if named and not re.search(r"\d", named.group(1)):
            clause.subject, clause.subject_start = named.group(1), clause.body + named.start(1)
            clause.subjects = [clause.subject]
    return label


def claim_noun(clause: Clause) -> str | None:
    """The noun a rank claim names ('the largest end-use segment'): the breakdown the clause's item is in."""
    m = lex.CLAIM_NOUN.search(clause.text)
    if not m:
        return None
    noun = m.group(1).lower()
    if noun.split()[-1] in lex.ELLIPSIS_LINKS | lex.QUANTIFIERS:
        return None
    return None if noun in lex.NOT_DIMENSIONS or noun.split()[-1] in lex.NOT_DIMENSIONS else noun


def is_item(clause: Clause) -> bool:
    """True when the clause is about a segment, region or country rather than the whole market."""
    return clause.subject is not None and clause.subject != "market"
