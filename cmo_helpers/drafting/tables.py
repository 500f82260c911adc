"""Figures laid out as tables: pipe rows, tables flattened to one line, 'Name: 12.3%' lists, attribute tables."""
from __future__ import annotations

import re

from . import lexicon as lex
from .patterns import (
    BULLET,
    CUR,
    CURRENCIES,
    MONEY,
    NUM,
    RANGE,
    SCALE,
    SCALES,
    YEAR,
    Fact,
    dimension_name,
    heading_dimension,
    mask,
)


def inline_list(line: str, offset: int, heading: str | None, heading_year: int | None) -> list[Fact]:
    """'Hardware: 52.3%; Software: 28.1%; Services: 19.6%' under a dated caption."""
    body = BULLET.sub("", line, count=1)
    pair = re.compile(rf"([A-Z][\w &()/'-]{{0,40}}?):\s*({NUM})\s?%")
    pairs = list(pair.finditer(body))
    rest = pair.sub("", body)
    if len(pairs) < 2 or re.search(r"\w", rest):
        return []
    shift = offset + len(line) - len(body)
    facts = []
    for p in pairs:
        name = p.group(1).strip()
        geo = "country" if name in lex.COUNTRY_REGION else "region" if name in lex.REGION_SPELLINGS else None
        facts.append(Fact("share", p.group(0), shift + p.start(), number=p.group(2), year=heading_year, item=name,
                          geo=geo,
                          dimension=None if geo else heading_dimension(heading) or _caption_dimension(heading)))
    return facts


_FLAT_HEAD = re.compile(r"^(?P<label>[A-Z][A-Za-z ]{1,20}?)\s+(?P<years>(?:(?:19|20)\d{2}\s+){1,8})")


def flat_table(line: str, offset: int, caption: str | None) -> list[Fact]:
    """'Region 2021 2022 2023 North America 287.79 301.44 321.78 Europe ...': a table flattened to one line.

    The caption above it ('Revenue by region, USD million') gives the currency and scale of every cell. A row
    name may end in a number ('Strain 7 30.2 31.0 33.3'): a run of more numbers than years starts with it.
    """
    head = _FLAT_HEAD.match(line)
    unit = re.search(rf"({CUR})\s*({SCALE})\b", caption or "", re.I)
    if not head or not unit:
        return []
    years = [int(y) for y in head.group("years").split()]
    cur = CURRENCIES.get(unit.group(1), unit.group(1).upper())
    scale = SCALES[unit.group(2).lower()]
    dimension = dimension_name(head.group("label"))
    facts: list[Fact] = []
    for start, end, name, numbers in _flat_rows(line, head.end(), len(years)) or []:
        if name.lower() in {"total", "global", "world", "overall"}:
            continue
        geo = "country" if name in lex.COUNTRY_REGION else "region" if name in lex.REGION_SPELLINGS else None
        for year, num in zip(years, numbers, strict=True):
            facts.append(Fact("value", line[start:end], offset + start, number=num, scale=scale, currency=cur,
                              year=year, item=name, geo=geo, dimension=None if geo else dimension))
    return facts


def _flat_rows(line: str, pos: int, k: int) -> list[tuple[int, int, str, list[str]]] | None:
    """(start, end, name, k numbers) per row after the header; None when the rest is not rows of k numbers."""
    tokens = [(m.start(), m.end(), m.group(0)) for m in re.finditer(r"\S+", line[pos:])]
    rows, name, k_start, i = [], [], None, 0
    while i < len(tokens):
        run = i
        while run < len(tokens) and re.fullmatch(NUM, tokens[run][2]):
            run += 1
        if run == i:
            if not re.match(r"[A-Za-z]", tokens[i][2]) and not name:
                return None
            k_start = tokens[i][0] if not name else k_start
            name.append(tokens[i][2])
            i += 1
            continue
        if not name or run - i < k:
            return None
        extra = run - i - k
        name += [t[2] for t in tokens[i:i + extra]]
        rows.append((pos + k_start, pos + tokens[run - 1][1], " ".join(name), [t[2] for t in tokens[i + extra:run]]))
        name, i = [], run
    return rows if rows and not name else None


def attribute_table(rows: list[tuple[int, str]]) -> bool:
    """A two-column 'Report attribute | Details' table holds sentences in cells, not one figure per column."""
    cells = [[c.strip() for c in line.split("|")] for _, line in rows]
    return all(len(c) == 2 for c in cells) and any(
        (m := MONEY.search(c[1])) and m.group("scale") or lex.CAGR_CUE.search(c[1]) for c in cells[1:])


def _caption_dimension(caption: str | None) -> str | None:
    if not caption:
        return None
    m = re.match(r"^([A-Za-z][A-Za-z -]{1,30}?)\s+(?:snapshot|by|share|split|mix)\b", caption.strip(), re.I)
    return dimension_name(m.group(1)) if m else None


def _market_row(name: str, cells: list[str], line: str, start: int, volume_only: bool) -> Fact | None:
    """A key-value row about the market: 'CAGR (2024-2029) | 8.5 %' or 'Largest Share by Grade | Grade A'."""
    quote = line.strip()
    q_start = start + line.index(quote)
    values = [c for c in cells if c]
    if lex.CAGR_CUE.search(name) and values:
        rate = re.fullmatch(rf"({NUM})\s?%", values[0])
        if not rate:
            return None
        if volume_only:
            return Fact("unplaced", quote, q_start, number=rate.group(1),
                        note="a growth rate in a table of volumes (MW, tons, units), not of the market's value")
        period = RANGE.search(name)
        return Fact("cagr", quote, q_start, number=rate.group(1), from_year=int(period.group(1)) if period else None,
                    to_year=int(period.group(2)) if period else None)
    kind = next((k for k, pattern in lex.CLAIMS if pattern.search(name)), None)
    if kind and len(values) == 1 and re.fullmatch(r"[A-Za-z][\w&/()' -]{0,60}", values[0]):
        by = re.search(r"\bby\s+(.+)$", name, re.I)
        item = values[0].strip()
        geo = "country" if item in lex.COUNTRY_REGION else "region" if item in lex.REGION_SPELLINGS else None
        return Fact("claim", quote, q_start, claim=kind, item=item, geo=geo,
                    dimension=None if geo or not by else dimension_name(by.group(1)))
    return None


def table(rows: list[tuple[int, str]], caption: str | None, caption_year: int | None) -> list[Fact]:
    """Rows 'name | cell | cell' under a header row; the header says what each column holds."""
    cells = [(start, line, [c.strip() for c in line.split("|")]) for start, line in rows]
    cells = [c for c in cells if not all(re.fullmatch(r":?-*:?", x) for x in c[2])]
    if len(cells) < 2:
        return []
    header = cells[0][2]
    facts: list[Fact] = []
    first = header[0]
    table_dim = None if first.lower() in {"region", "country", "geography"} else dimension_name(first)
    volume_only = any(lex.VOLUME.search(c) for *_, row in cells for c in row) and not any(
        MONEY.search(c) for *_, row in cells for c in row)
    for start, line, row in cells[1:]:
        name = re.sub(r"^\W+|\W+$", "", row[0])
        if not name or len(name) > 120:
            continue
        market_row = _market_row(name, row[1:], line, start, volume_only)
        if market_row:
            facts.append(market_row)
            continue
        geo = "country" if name in lex.COUNTRY_REGION else "region" if name in lex.REGION_SPELLINGS else None
        quote = line.strip()
        q_start = start + line.index(quote)
        for col, cell in enumerate(row[1:], start=1):
            head = header[col] if col < len(header) else ""
            num = re.fullmatch(rf"(?:{CUR})?\s?({NUM})\s?(%?)", cell)
            if not num:
                continue
            head_years = [int(y) for y in YEAR.findall(mask(head, RANGE))]
            year = head_years[0] if len(head_years) == 1 else caption_year
            period = RANGE.search(head)
            common = dict(quote=quote, start=q_start, number=num.group(1), item=name, geo=geo,
                          dimension=None if geo else table_dim)
            if lex.CAGR_CUE.search(head) or re.search(r"\bgrowth\b", head, re.I):
                facts.append(Fact("item_cagr", from_year=int(period.group(1)) if period else None,
                                  to_year=int(period.group(2)) if period else None, **common))
            elif num.group(2) or re.search(r"share|%", head, re.I):
                facts.append(Fact("share", year=year, **common))
            else:
                scale = re.search(rf"\b({SCALE})\b", head, re.I)
                cur = re.search(rf"({CUR})", head)
                if scale and cur:
                    facts.append(Fact("value", year=year, scale=SCALES[scale.group(1).lower()],
                                      currency=CURRENCIES[cur.group(1)], **common))
                else:
                    facts.append(Fact("unplaced", quote, q_start, number=num.group(1),
                                      note=f"table cell under '{head}' with no unit"))
    return facts
