"""'What the source also says': the facts no other section places (scale claims, twins, tables, unplaced words).

A params file may hold what the source says without it being a figure of the model; each such fact
is shown here with the analyst's reason, so nothing in the file is silently dropped.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from IPython.display import Markdown, display

from ..core.escape import md
from ..core.formatting import as_written
from ..model.audit_sources import check_twins
from ..model.provenance import cite
from .house_table import Table

if TYPE_CHECKING:
    from ..inputs.market_file import Params

HEADING = "## What the source also says"
VERDICT = {"info": "they agree within the rounding of their digits",
           "warning": "they do not match as one fact (see the source audit)",
           "error": "they disagree beyond the rounding of their digits (see the source audit)"}


def _words(quote: str | None) -> str:
    return f": \u201c{md(quote)}\u201d" if quote else ""


def scale_claims(p: Params) -> list[str]:
    """The source's words on the market's scale; the source audit checks each against the figures."""
    return [f"\u201c{md(c.text)}\u201d {cite(p, c.source)}{_words(c.quote)} (checked in the source audit)."
            for c in p.claims]


def twins(p: Params) -> list[str]:
    """Each fact the source states twice, both statements, and whether they agree (from the audit)."""
    lines = []
    for twin, finding in zip(p.twins, check_twins(p), strict=True):
        stated = " and ".join(f"{as_written(x)}{_words(x.quote)}" for x in (twin.first, twin.second))
        note = f" {md(twin.note)}" if twin.note else ""
        lines.append(f"{md(twin.what)} {cite(p, twin.source)}, stated twice: {stated}; "
                     f"{VERDICT[finding.severity]}.{note}")
    return lines


def unplaced(p: Params) -> list[str]:
    """Words of the source that are no figure of this report, with the analyst's reason."""
    return [f"\u201c{md(u.quote)}\u201d \u2014 {md(u.note) if u.note else 'not placed; no reason recorded'}"
            for u in p.unplaced]


def stated_tables(p: Params) -> list[Table]:
    """The source's own tables, cell by cell as written."""
    return [Table(f"{t.title} {cite(p, t.source)}, as the source gives it", [dict(zip(t.columns, row, strict=True))
                                                                             for row in t.rows])
            for t in p.tables]


def _list(title: str, lines: list[str]) -> Markdown | None:
    return Markdown(f"**{title}**\n\n" + "\n".join(f"- {line}" for line in lines)) if lines else None


def section(p: Params) -> None:
    """The section, when the file holds any such fact; nothing at all when it holds none."""
    parts = [_list("On the market's scale", scale_claims(p)), _list("Stated twice", twins(p))]
    for table, source in zip(stated_tables(p), p.tables, strict=True):
        parts += [table, Markdown(md(source.note)) if source.note else None]
    parts.append(_list("Not placed in the report's figures", unplaced(p)))
    shown = [part for part in parts if part is not None]
    if not shown:
        return
    display(Markdown(f"{HEADING}\n\nWhat the source states beyond the figures this report models, "
                     "with our reason where we did not use it."))
    for part in shown:
        display(part)
