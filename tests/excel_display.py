"""What a spreadsheet shows for a value in one of the data pack's number formats, rounded as Excel rounds."""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

_SECTION = re.compile(r'^(?P<sign>[+-]?)(?P<body>#,##0|0)(?:\.(?P<dec>0+))?(?P<pct>%)?(?P<literal>(?:"[^"]*")*)$')


def as_shown(value: float, number_format: str) -> str:
    """The text a cell displays: the section for its sign (negatives in their own section show unsigned), decimals
    rounded half away from zero on the 15-digit decimal (as Excel does), separators, %, quoted literals."""
    sections = number_format.split(";")
    if len(sections) == 1:
        section, shown = sections[0], value
    else:
        section = sections[0] if value > 0 else sections[1] if value < 0 else sections[-1]
        shown = abs(value)
    if re.fullmatch(r'"[^"]*"', section):
        return section.strip('"')  # a fixed text: the figure as the report printed it
    m = _SECTION.match(section)
    assert m, f"not a format the data pack writes: {number_format!r}"
    scaled = Decimal(f"{shown:.15g}") * (100 if m["pct"] else 1)  # Excel shows 15 significant digits
    rounded = scaled.quantize(Decimal(1).scaleb(-len(m["dec"] or "")), rounding=ROUND_HALF_UP)
    digits = f"{rounded:{',' if m['body'] == '#,##0' else ''}f}"
    return m["sign"] + digits + ("%" if m["pct"] else "") + "".join(re.findall(r'"([^"]*)"', m["literal"]))
