"""Find every figure a release states (totals, rates, shares, values, claims), each with its exact words."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace
from typing import Literal

from . import lexicon as lex
from .patterns import (
    BULLET,
    CUR,
    CURRENCIES,
    LABEL,
    MONEY,
    NUM,
    PCT,
    RANGE,
    SCALE,
    SCALES,
    YEAR,
    Fact,
    dimension_name,
    heading_dimension,
    mask,
)
from .source import SourceMeta, market_name, source_meta, with_header
from .tables import attribute_table, flat_table, inline_list, table

MAX_SENTENCE = 2_000  # characters; a longer "sentence" is not prose, and reading it would cost time without bound
YEAR_AFTER = re.compile(
    r"\s*\)?,?\s*(?:(?:in|by|for|of|during|through|until|till|as of|(?:at|by) the end of|in the year|in fiscal year"
    r"|in FY)\s+)?"
    r"(?:(?:in\s+)?(?:revenue|sales)\s+(?:in|by)\s+)?(?:FY\s?)?((?:19|20)\d{2})\b", re.I)


SHARE_YEAR_AFTER = re.compile(r"^\s*(?:share)?\s*,?\s*(?:in|for|as of|during)\s+((?:19|20)\d{2})\b", re.I)
TO_YEAR_AFTER = re.compile(
    r"^\s*(?:(?:annually|a year|per year|per annum|CAGR)\s+)?(?:through|to|until|till|by)\s+((?:19|20)\d{2})\b", re.I)


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


_DATE_TEXT = r"(?:\d{1,2} [A-Z][a-z]{2,8}\.? \d{4}|[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4})"
_DATELINE = re.compile(
    rf"^[A-Z][A-Za-z .]{{1,30}}?(?:,\s*[A-Z][A-Za-z.]{{1,15}})?(?:\s*[,–—-]+\s*{_DATE_TEXT})?\s*(?:/[^/]{{1,30}}/)?"
    r"\s*(?:\([A-Z][A-Za-z .]{1,30}\))?\s*(?:--|–|—)\s+")


@dataclass
class Release:
    text: str
    facts: list[Fact] = field(default_factory=list)
    meta: SourceMeta = field(default_factory=SourceMeta)
    market_name: str | None = None


@dataclass
class _Mention:
    kind: Literal["money", "pct", "year", "range"]
    start: int
    end: int
    number: str | None = None
    scale: str | None = None
    currency: str | None = None
    year: int | None = None
    year2: int | None = None
    bound: bool = False


@dataclass
class _Clause:
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


def extract(text: str, header: dict[str, str] | None = None) -> Release:
    """Every fact in reading order; the draft decides where each goes. `header`: the saved page's metadata."""
    release = Release(text=text, meta=with_header(source_meta(text), header or {}))
    offset, heading, heading_year, first_body, section = 0, None, None, None, {}
    lines = text.split("\n")
    first_line = next((k for k, line in enumerate(lines) if line.strip()), -1)
    question, previous = None, None
    i = 0
    while i < len(lines):
        line = lines[i]
        if " | " in line:
            j = i
            rows = []
            while j < len(lines) and _table_line(lines[j] if lines[j].strip() else "".join(lines[j + 1:j + 2])):
                rows.append((offset, lines[j]))
                offset += len(lines[j]) + 1
                j += 1
            rows = [r for r in rows if r[1].strip()]
            if attribute_table(rows):
                for row_offset, row in rows:
                    release.facts += _line_facts(row, row_offset, None, False, {})
            else:
                release.facts += table(rows, heading, heading_year)
            i = j
            continue
        stripped = line.strip()
        if stripped:
            is_heading = len(stripped) < 70 and not stripped.endswith((".", "?", "!")) and not BULLET.match(line)
            headline = i == first_line
            listed = (inline_list(line, offset, heading, heading_year) or flat_table(line, offset, heading)
                      or flat_table(line, offset, previous))
            facts = listed
            if not listed and (not is_heading or headline or MONEY.search(line) or PCT.search(line)
                               or _claim_label(stripped)):
                facts = _line_facts(line, offset, heading if first_body is not None else None, headline, section)
                if first_body is None and any(f.kind == "total" for f in facts) and not headline:
                    first_body = i
            release.facts += facts + (_answered(question, line, offset, facts) if question else [])
            question = _question(stripped, offset + line.index(stripped))
            previous = stripped
            if is_heading and not listed:
                heading, section = stripped, {}
                years = [int(y) for y in YEAR.findall(mask(stripped, RANGE))]
                heading_year = years[0] if len(years) == 1 else None
        offset += len(line) + 1
        i += 1
    release.market_name = market_name(text, release.facts)
    return release


def _table_line(line: str) -> bool:
    """A row ('a | b') or the rule under a header ('---|---|'), which must not end the table."""
    return " | " in line or ("|" in line and re.fullmatch(r"[\s|:-]+", line) is not None)


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


_NAME = r"(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
_NAME_LIST = re.compile(rf"\s*(?:[•*-]\s*)?{_NAME}(?:,\s+{_NAME})*\s*")


def _clauses(sentence: str, start: int) -> list[_Clause]:
    out, pos = [], 0
    for m in _CLAUSE_BREAK.finditer(sentence):
        if _NAME_LIST.fullmatch(sentence[pos:m.start()]):
            continue  # "Germany, France, and the UK represent ...": one subject of three names
        out.append(_Clause(sentence[pos:m.start()], start + pos, start + pos))
        pos = m.end()
    out.append(_Clause(sentence[pos:], start + pos, start + pos))
    return out


def _mentions(text: str, base: int) -> list[_Mention]:
    """Money, percentages, year ranges and years, with years inside money or ranges not counted twice."""
    found: list[_Mention] = []
    taken = [False] * len(text)

    def free(a: int, b: int) -> bool:
        return not any(taken[a:b])

    def take(a: int, b: int) -> None:
        taken[a:b] = [True] * (b - a)

    for m in MONEY.finditer(text):
        num = m.group("num") or m.group("num2")
        scale = (m.group("scale") or m.group("scale2") or "").lower() or None
        cur = m.group("cur") or m.group("cur2")
        if scale is None and re.fullmatch(r"(?:19|20)\d{2}", num):
            continue
        found.append(_Mention("money", base + m.start(), base + m.end(), num, SCALES.get(scale) if scale else None,
                              CURRENCIES.get(cur, CURRENCIES.get(cur.upper(), cur.upper()))))
        take(m.start(), m.end())
    for m in PCT.finditer(text):
        if free(m.start(), m.end()):
            found.append(_Mention("pct", base + m.start(), base + m.end(), m.group("num")))
            take(m.start(), m.end())
    for m in RANGE.finditer(text):
        if free(m.start(1), m.end(2)) and int(m.group(1)) < int(m.group(2)):
            found.append(_Mention("range", base + m.start(), base + m.end(), year=int(m.group(1)),
                                  year2=int(m.group(2))))
            take(m.start(), m.end())
    for m in YEAR.finditer(text):
        if free(m.start(1), m.end(1)):
            found.append(_Mention("year", base + m.start(1), base + m.end(1), year=int(m.group(1))))
    found.sort(key=lambda x: x.start)
    return found


def _line_facts(line: str, offset: int, heading: str | None, headline: bool, section: dict) -> list[Fact]:
    """Facts of one paragraph; `section` carries the last 'By X' dimension to the next paragraphs under a heading."""
    facts: list[Fact] = []
    label = None
    last_item: dict[str, _Clause] = {}
    for sentence, s_start in sentences(line, offset):
        if len(sentence) > MAX_SENTENCE:
            facts.append(Fact("unplaced", sentence[:80].strip(), s_start + len(sentence) - len(sentence.lstrip()),
                              note=f"a sentence of {len(sentence):,} characters was not read (longer than "
                                   f"{MAX_SENTENCE:,}): check it by hand"))
            continue
        clauses = _clauses(sentence, s_start)
        s_mentions = _mentions(sentence, s_start)
        volume = None if any(m.kind == "money" for m in s_mentions) else lex.VOLUME.search(sentence)
        _bind_years(s_mentions, line, offset)
        s_years = [m for m in s_mentions if m.kind == "year" and not m.bound]
        prev: _Clause | None = None
        lead_dim = None
        for clause in clauses:
            label = _analyse(clause, label)
            clause.volume = volume.group(0) if volume else None
            if clause.subject == "back-reference":
                clause.subject = None
                kind = clause.text[clause.body - clause.start:].split()[1].lower()
                last = last_item.get({"region": "region", "country": "country"}.get(kind, "segment"))
                if last is not None:
                    clause.subject, clause.geo, clause.subjects = last.subject, last.geo, last.subjects
                    clause.subject_start, clause.dimension = clause.body, last.dimension
            lead_dim = clause.dimension or lead_dim
            if clause.dimension:
                section["dimension"] = clause.dimension
            if (clause.subject is None and prev is not None and prev.subject and clause.text[:1].islower()
                    and not _NEW_SUBJECT.match(clause.text)):
                clause.subject, clause.geo, clause.subjects = prev.subject, prev.geo, prev.subjects
                clause.subject_start = prev.subject_start
            if clause.dimension is None and clause.geo is None:
                clause.dimension = (lead_dim or _claim_noun(clause) or section.get("dimension")
                                    or heading_dimension(heading))
            mentions = [m for m in s_mentions if clause.start <= m.start < clause.start + len(clause.text)]
            facts += _clause_facts(clause, mentions, s_years, line, offset, headline)
            prev = clause
            if _is_item(clause):
                last_item[clause.geo or "segment"] = clause
        facts += _scale_claims(sentence, s_start, clauses)
    return [replace(f, section=heading or "") if f.item and not (f.dimension or f.geo) else f
            for f in _paragraph_years(facts)]


def _paragraph_years(facts: list[Fact]) -> list[Fact]:
    """A share with no year of its own takes the year of the paragraph's previous dated share or value."""
    out, year = [], None
    for f in facts:
        if f.kind in ("share", "value"):
            if f.year is None and year is not None:
                f = replace(f, year=year)
            year = f.year or year
        out.append(f)
    return out


def _bind_years(mentions: list[_Mention], line: str, offset: int) -> None:
    """A year right after an amount ('USD 504.9 Million in 2024') belongs to that amount only."""
    years = {y.start: y for y in mentions if y.kind == "year"}
    for m in mentions:
        after = YEAR_AFTER.match(line, m.end - offset) if m.kind == "money" else None
        year = years.get(offset + after.start(1)) if after else None
        if year:
            year.bound = True
            m.year = year.year


def _analyse(clause: _Clause, label: str | None) -> str | None:
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
    np = _noun_phrase(body) or _elliptic_subject(body)
    if np and _MARKET_NP.search(np[1]) and not _segment(body, np):
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
        segment = _segment(body, np)
        if segment:
            name, lowered = segment, segment.lower()
        if lowered in lex.BACK_REFERENCES:
            clause.subject = "back-reference"
        elif not segment and (_MARKET_NP.search(lowered) or lowered in lex.PRONOUNS or _SIZE_NP.search(lowered)):
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


# "Looking ahead, the market ...": what stands before the comma is a lead-in, not the subject. A place or a rank
# word before it makes an apposition instead ("Europe, the second market, ...").
_ASIDE = re.compile(
    r"^(?![^,]*\b(?:largest|biggest|fastest|leading|smallest|dominant)\b)[A-Z][^,]{0,40},\s+"
    r"(?=(?:the|this|its|our)\s+(?:[\w.&/()'’-]+\s+){0,7}?(?:market|industry|sector)\b(?!\s*,)|it\s)")
_MARKET_SUBJECT = re.compile(
    r"\b(?:the\s+(?:value|size|revenue)\s+of\s+)?(?P<np>the\s+(?:[\w.&/'’-]+\s+){0,6}?market)(?:\s+size)?\s+"
    r"(?:was|is|has|had|reached|stood|stands|valued|totaled|totalled|amounted|hit|touched|estimated|expected|projected"
    r"|will)\b", re.I)
_NEW_SUBJECT = re.compile(r"(?:and\s+|but\s+)?(?:the|a|an|this|these|those|its|their)\s", re.I)
_MARKET_NP = re.compile(r"\bmarket\b", re.I)
_SEGMENT_NP = re.compile(r"\s+market(?:\s+(?:segment|sub-?segment|category))?$", re.I)
_SEGMENT_AFTER = re.compile(r"\s+(?:segment|sub-?segment|category)\b", re.I)
# "North America kelp snack market" / "U.S. moss tile market": a place that names a market, not an item.
_PLACE_MARKET = re.compile(
    rf"(?:\s+(?!(?:the|a|an|and|of|in|{lex.SUBJECT_VERBS})\b)[\w.&/'’-]+){{0,5}}?\s+market\b", re.I)


def _segment(body: str, np: tuple[int, str]) -> str | None:
    """'the dried moss tiles market segment is ...': an item named 'dried moss tiles', not the market."""
    start, name = np
    tail = _SEGMENT_NP.search(name)
    if not tail or tail.start() == 0:
        return None
    if tail.group(0).split()[-1].lower() != "market" or _SEGMENT_AFTER.match(body, start + len(name)):
        return name[:tail.start()]
    return None


_SIZE_NP = re.compile(r"\b(?:industry|sector)\b.*\b(?:size|value|revenue|worth)\b|\b(?:size|value) of\b"
                      r"|^(?:global|worldwide|total|overall)\b.*\b(?:revenues?|sales|spending|turnover|size|value)$",
                      re.I)
_NP = re.compile(
    rf"^(?:the\s+|The\s+)?(?P<np>[A-Za-z(][\w()&/'’.-]*(?:\s+(?!(?:{lex.SUBJECT_VERBS})\b)[\w()&/'’.-]+){{0,6}}?)"
    rf"(?:\s+(?:segment|sub-segment|category|group))?(?:\s*\([^)]{{1,40}}\))?"
    rf"(?=\s*,|\s+(?:alone\s+|also\s+|together\s+)?(?:{lex.SUBJECT_VERBS})\b)")


_NOT_A_NAME = re.compile(r"^\d|\d$|(?<![\w.])(?:19|20)\d{2}\b|[%$€£¥]|\d[\d,.]*\s*(?:million|billion|bn|mn)\b|\d,\d"
                         r"|\b(?:USD|EUR|GBP|INR|JPY|CNY|AUD|CAD|CHF)\b")


def _noun_phrase(body: str) -> tuple[int, str] | None:
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


_LINKS = "|".join(sorted(lex.ELLIPSIS_LINKS))
_ELLIPTIC_NP = re.compile(
    rf"^(?:and\s+)?(?P<np>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){{0,4}}?)\s+(?:(?:{_LINKS})\s+){{0,4}}\(?(?:{NUM})\s?%")


def _elliptic_subject(body: str) -> tuple[int, str] | None:
    """'manufacturing plants 34.7%' or 'Italy with 12.05%' after a list's first item and its verb."""
    m = _ELLIPTIC_NP.match(body)
    if not m:
        return None
    words = m.group("np").split()
    if words[0].lower() in lex.QUANTIFIERS or lex.CAGR_CUE.search(m.group("np")) or lex.DECOY.search(m.group("np")):
        return None
    return m.start("np"), m.group("np")


def _claim_noun(clause: _Clause) -> str | None:
    m = lex.CLAIM_NOUN.search(clause.text)
    if not m:
        return None
    noun = m.group(1).lower()
    if noun.split()[-1] in lex.ELLIPSIS_LINKS | lex.QUANTIFIERS:
        return None
    return None if noun in lex.NOT_DIMENSIONS or noun.split()[-1] in lex.NOT_DIMENSIONS else noun


EVERY = "*every*"  # subject of 'all five regions ...': the draft gives the figure to each region it found
_EVERY = re.compile(r"(?:in the forecast,\s+)?(?:all|each of the|every one of the)\s+(?:(?P<count>\w+)\s+)?"
                    r"(?P<kind>regions|countries)\b", re.I)


def _is_item(clause: _Clause) -> bool:
    return clause.subject is not None and clause.subject != "market"


def _clause_facts(clause: _Clause, mentions: list[_Mention], s_years: list[_Mention], line: str, offset: int,
                  headline: bool) -> list[Fact]:
    text = clause.text
    facts: list[Fact] = []
    decoy = lex.DECOY.search(_named_away(text, clause))
    free_years = [m for m in mentions if m.kind == "year" and not m.bound]
    ranges = [m for m in mentions if m.kind == "range"]
    common = dict(item=clause.subject if _is_item(clause) else None, geo=clause.geo if _is_item(clause) else None,
                  parent=clause.place if clause.geo == "country" else None, dimension=clause.dimension,
                  headline=headline, note=f"every {clause.every}" if clause.every else None)
    item_start = clause.subject_start if _is_item(clause) else None
    numbers = [m for m in mentions if m.kind in ("money", "pct")]
    for k, m in enumerate(numbers):
        left = line[(numbers[k - 1].end if k else clause.body) - offset:m.start - offset]
        right_end = numbers[k + 1].start if k + 1 < len(numbers) else clause.start + len(text)
        right = line[m.end - offset:right_end - offset]
        if decoy:
            facts.append(_unplaced(line, offset, m, f"not a market figure ('{decoy.group(0)}' nearby)", headline))
            continue
        if m.kind == "money":
            facts.append(_money_fact(m, clause, free_years, s_years, line, offset, common, item_start))
        else:
            money_years = [n.year for n in numbers if n.kind == "money" and n.year]
            facts.append(_pct_fact(m, clause, left, right, free_years, s_years, ranges, line, offset, common,
                                   item_start, headline, money_years))
    title = headline and not line.rstrip().endswith((".", "!", "?"))  # a title's 'Leading Players' ranks nothing
    actor = (clause.dimension or "").lower().split()[-1:] in ([w] for w in lex.ACTOR_HEADS)  # "the biggest entrant"
    if not decoy and not title and not actor and _is_item(clause) and clause.subject != EVERY:
        claims = _claims(clause, line, offset, common)
        if len(set(clause.subjects)) <= 1:
            facts += claims
        elif claims:
            together = ", ".join(dict.fromkeys(clause.subjects))
            quote, start = _span(line, offset, clause.body, clause.start + len(clause.text))
            facts.append(Fact("unplaced", quote, start, note=f"'{claims[0].claim}' said of {together} together: "
                              "a claim needs one item"))
    return facts


def _named_away(text: str, clause: _Clause) -> str:
    """The clause with its market's and item's names blanked: 'the reef survey market' marks no survey."""
    text = _MARKET_PHRASE.sub(lambda m: " " * len(m.group(0)), text)
    if _is_item(clause) and clause.subject_start is not None:
        at = clause.subject_start - clause.start
        text = text[:at] + " " * len(clause.subject) + text[at + len(clause.subject):]
    return text


def _nearest(m: _Mention, years: list[_Mention]) -> int | None:
    if not years:
        return None
    return min(years, key=lambda y: abs(y.start - m.start)).year


def _span(line: str, offset: int, start: int, end: int) -> tuple[str, int]:
    quote = line[start - offset:end - offset].strip(" ,;:")
    lead = len(line[start - offset:end - offset]) - len(line[start - offset:end - offset].lstrip(" ,;:"))
    return quote, start + lead


def _unplaced(line: str, offset: int, m: _Mention, note: str, headline: bool = False) -> Fact:
    quote, start = _sentence_span(line, offset, m)
    return Fact("unplaced", quote, start, number=m.number, scale=m.scale, currency=m.currency, note=note,
                headline=headline)


@functools.lru_cache(maxsize=4)
def _sentences_of(line: str, offset: int) -> tuple[tuple[str, int], ...]:
    return tuple(sentences(line, offset))


def _sentence_span(line: str, offset: int, m: _Mention) -> tuple[str, int]:
    for sentence, s_start in _sentences_of(line, offset):
        if s_start <= m.start < s_start + len(sentence):
            quote = sentence.strip()
            return quote, s_start + sentence.index(quote)
    return _span(line, offset, m.start, m.end)


_MONEY_RANGE = re.compile(rf"\s*(?:-|–|—|to)\s*(?:{CUR})?\s?(?:{NUM})\s?(?:{SCALE})\b", re.I)
_MONEY_RANGE_BEFORE = re.compile(rf"(?:{CUR})\s?(?:{NUM})\s?(?:{SCALE})?\s*(?:-|–|—|to)\s*$", re.I)


def _money_fact(m: _Mention, clause: _Clause, free_years, s_years, line, offset, common, item_start) -> Fact:
    if _MONEY_RANGE.match(line, m.end - offset) or _MONEY_RANGE_BEFORE.search(line[:m.start - offset]):
        return _unplaced(line, offset, m, "a range of amounts, not one figure", common["headline"])
    if m.scale is None:
        return _unplaced(line, offset, m, "an amount without million/billion: not a market size", common["headline"])
    if lex.INCREMENT_BEFORE.search(line, max(0, m.start - offset - 40), m.start - offset):
        return _unplaced(line, offset, m, "a growth over a period, not a size", common["headline"])
    start_at, end = m.start, m.end
    after = YEAR_AFTER.match(line, m.end - offset)
    if after and m.year:
        year, end = m.year, offset + after.end()
    elif free_years:
        near = min(free_years, key=lambda y: abs(y.start - m.start))
        year, start_at, end = near.year, min(m.start, near.start), max(m.end, near.end)
    else:
        year = _nearest(m, s_years)
    if common["item"]:
        quote, start = _span(line, offset, min(item_start, start_at), end)
        return Fact("value", quote, start, number=m.number, scale=m.scale, currency=m.currency, year=year, **common)
    if year is None:
        return _unplaced(line, offset, m, "a market amount with no year stated", common["headline"])
    before = line[max(0, m.start - offset - 20):m.start - offset]
    bound = lex.BOUND_BEFORE.search(before)
    if bound:
        start_at = min(start_at, m.start - len(before) + bound.start())
    quote, start = _span(line, offset, start_at, end)
    named = list(_MARKET_PHRASE.finditer(line, clause.start - offset, m.start - offset))
    return Fact("total", quote, start, number=m.number, scale=m.scale, currency=m.currency, year=year,
                headline=common["headline"], bound=bool(bound), market=named[-1].group(0) if named else None)


_MARKET_PHRASE = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+(?:[\w.&/()'-]+\s+){0,6}?[Mm]arket\b(?!\s+[A-Z])")


def _pct_fact(m, clause, left, right, free_years, s_years, ranges, line, offset, common, item_start, headline,
              money_years: list[int]) -> Fact:
    before = line[max(0, m.start - offset - 24):m.start - offset]
    after = line[m.end - offset:m.end - offset + 16]
    if (re.search(r"\d\s*(?:%|percent|per cent)?\s*(?:-|–|to|and)\s*$", before)
            or re.match(rf"\s*(?:-|–|to|and)\s*(?:{NUM})\s?(?:%|percent|per cent)", after)):
        return _unplaced(line, offset, m, "a range of rates, not one figure", headline)
    is_cagr = bool(lex.CAGR_CUE.search(left[-45:]) or lex.CAGR_AFTER.match(right))
    if is_cagr:
        period = min(ranges, key=lambda r: (r.start < m.start, abs(r.start - m.start)), default=None)
        from_year, to_year, end = (period.year, period.year2, max(m.end, period.end)) if period else (None, None, m.end)
        if period is None:
            to = TO_YEAR_AFTER.match(right)
            if to:
                to_year, end = int(to.group(1)), m.end + to.end()
            elif len(money_years) == 2 and money_years[1] == money_years[0] + 1:
                from_year, to_year = money_years  # "from X in 2025 to Y in 2026, a CAGR of ...": a one-year step
        if not common["item"] and clause.volume:
            return _unplaced(line, offset, m, f"a growth rate of a volume ('{clause.volume}'), not of the market's "
                             "value", headline)
        cue = lex.CAGR_CUE.search(left[-45:])
        start = m.start - len(left[-45:]) + cue.start() if cue else m.start
        after_cue = None if cue else lex.CAGR_AFTER.match(right)
        if after_cue:  # "a 4.6% CAGR": the quote says what the rate is
            lead = re.search(r"(?:[\w-]+\s+){0,3}$", left).group(0)
            start, end = m.start - len(lead), max(end, m.end + after_cue.end())
        if period and period.start < start:
            start = period.start
        if common["item"]:
            start = min(start, item_start)
        quote, q_start = _span(line, offset, start, end)
        historic = bool(lex.HISTORIC.search(clause.text))
        return Fact("item_cagr" if common["item"] else "cagr", quote, q_start, number=m.number, from_year=from_year,
                    to_year=to_year, historic=historic, market=None if common["item"] else clause.market, **common)
    if not common["item"]:
        return _unplaced(line, offset, m, "a percentage not tied to a segment, region or growth rate", headline)
    clause_end = clause.start + len(clause.text) - offset
    other = _not_a_share(line[clause.body - offset:m.start - offset], line[m.end - offset:clause_end])
    if other:
        return _unplaced(line, offset, m, other, headline)
    relative = lex.RELATIVE_SHARE.match(right)
    share_of = relative.group(1) if relative else None
    after = SHARE_YEAR_AFTER.match(right)
    year = int(after.group(1)) if after else _nearest(m, free_years) or _nearest(m, s_years) or next(
        iter(money_years), None)
    end = m.end + (after.end() if after else 0)
    quote, start = _span(line, offset, min(item_start, m.start), end)
    return Fact("share", quote, start, number=m.number, year=year, share_of=share_of, **common)


def _not_a_share(before: str, after: str) -> str | None:
    """Why a percentage said of an item is not its share of this market; None when nothing says so."""
    other = lex.OTHER_SHARE.search(before + after[:40])
    if other:
        return f"not a share of the market ('{other.group(0)}')"
    change = lex.CHANGE_BEFORE.search(before[-40:])
    if change:
        return f"a change or a bound ('{change.group(0).strip()}'), not a share: the schema holds no bound"
    if lex.CHANGE_AFTER.match(after):
        return "a change or a share of something else, not a share of the market"
    of = lex.SHARE_OF.match(after)
    if of and not lex.MARKET_WHOLE.search(of.group("np")) and not lex.RELATIVE_SHARE.match(after):
        return f"a share of {of.group('np').strip()}, not of the market"
    return None


def _claims(clause: _Clause, line: str, offset: int, common: dict) -> list[Fact]:
    body_at = max(clause.body, clause.subject_start or clause.body)
    body = line[body_at - offset:clause.start + len(clause.text) - offset]
    out, kinds = [], set()
    if clause.claim_label:
        label_at, label = clause.claim_label
        kind = next(k for k, pattern in lex.CLAIMS if pattern.search(label))
        quote, start = _span(line, offset, label_at, body_at + len(clause.subject))
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
        quote, start = _span(line, offset, body_at, body_at + m.end())
        out.append(Fact("claim", quote, start, claim=kind, **common))
    return out


def _scale_claims(sentence: str, s_start: int, clauses: list[_Clause]) -> list[Fact]:
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


def _question(line: str, start: int) -> tuple[str, str, int] | None:
    """'Which region grows fastest?': an FAQ question whose answer names the item the claim is about."""
    body = BULLET.sub("", line)
    if not line.endswith("?") or not re.match(r"(?:which|what)\b", body, re.I):
        return None
    kind = next((k for k, pattern in lex.CLAIMS if pattern.search(body)), None)
    return (kind, line, start) if kind else None


def _answered(question: tuple[str, str, int], line: str, offset: int, facts: list[Fact]) -> list[Fact]:
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


def _claim_label(line: str) -> bool:
    """'Fastest-growing product: freeze-dried toppers' is a fact even though it looks like a heading."""
    label = LABEL.match(BULLET.sub("", line, count=1))
    return bool(label) and any(pattern.search(label.group(1)) for _, pattern in lex.CLAIMS)
