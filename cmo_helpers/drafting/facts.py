"""Find every figure a release states (totals, rates, shares, values, claims), each with its exact words."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from . import lexicon as lex
from .claims import faq_answer, faq_question, is_claim_label, scale_claims
from .mentions import bind_years, find_mentions
from .patterns import BULLET, MONEY, PCT, RANGE, YEAR, Fact, heading_dimension, mask
from .roles import clause_facts
from .sentences import Clause, sentences, split_clauses
from .source import SourceMeta, market_name, source_meta, with_header
from .subjects import NEW_SUBJECT, analyse, claim_noun, is_item
from .tables import attribute_table, flat_table, inline_list, table

MAX_SENTENCE = 2_000  # characters; a longer "sentence" is not prose, and reading it would cost time without bound


@dataclass
class Release:
    """A release's reading text, the facts found in it, its source details and the market it names."""

    text: str
    facts: list[Fact] = field(default_factory=list)
    meta: SourceMeta = field(default_factory=SourceMeta)
    market_name: str | None = None


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
                               or is_claim_label(stripped)):
                facts = _line_facts(line, offset, heading if first_body is not None else None, headline, section)
                if first_body is None and any(f.kind == "total" for f in facts) and not headline:
                    first_body = i
            release.facts += facts + (faq_answer(question, line, offset, facts) if question else [])
            question = faq_question(stripped, offset + line.index(stripped))
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


def _line_facts(line: str, offset: int, heading: str | None, headline: bool, section: dict) -> list[Fact]:
    """Facts of one paragraph; `section` carries the last 'By X' dimension to the next paragraphs under a heading."""
    facts: list[Fact] = []
    label = None
    last_item: dict[str, Clause] = {}
    for sentence, s_start in sentences(line, offset):
        if len(sentence) > MAX_SENTENCE:
            facts.append(Fact("unplaced", sentence[:80].strip(), s_start + len(sentence) - len(sentence.lstrip()),
                              note=f"a sentence of {len(sentence):,} characters was not read (longer than "
                                   f"{MAX_SENTENCE:,}): check it by hand"))
            continue
        clauses = split_clauses(sentence, s_start)
        s_mentions = find_mentions(sentence, s_start)
        volume = None if any(m.kind == "money" for m in s_mentions) else lex.VOLUME.search(sentence)
        bind_years(s_mentions, line, offset)
        s_years = [m for m in s_mentions if m.kind == "year" and not m.bound]
        prev: Clause | None = None
        lead_dim = None
        for clause in clauses:
            label = analyse(clause, label)
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
                    and not NEW_SUBJECT.match(clause.text)):
                clause.subject, clause.geo, clause.subjects = prev.subject, prev.geo, prev.subjects
                clause.subject_start = prev.subject_start
            if clause.dimension is None and clause.geo is None:
                clause.dimension = (lead_dim or claim_noun(clause) or section.get("dimension")
                                    or heading_dimension(heading))
            mentions = [m for m in s_mentions if clause.start <= m.start < clause.start + len(clause.text)]
            facts += clause_facts(clause, mentions, s_years, line, offset, headline)
            prev = clause
            if is_item(clause):
                last_item[clause.geo or "segment"] = clause
        facts += scale_claims(sentence, s_start)
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
