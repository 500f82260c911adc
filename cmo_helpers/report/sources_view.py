"""The sources-and-assumptions section: the numbered references and every input with its basis and words."""
from __future__ import annotations

from typing import TYPE_CHECKING

from IPython.display import Markdown

from ..core.escape import isolated, md
from ..core.formatting import DASH, figure, figure_pct, source_line, unit_label, year_label
from ..model import breakdowns as bd
from ..model.provenance import basis_label
from .house_table import Cell, Table
from .size_tables import cagr_period

if TYPE_CHECKING:
    from ..inputs.market_file import Params


def references(p: Params) -> Markdown:
    """Numbered references."""
    if not p.sources:
        return Markdown("No published source is cited: every figure in this report is an analyst assumption.")
    return Markdown("\n".join(f"{n}. {md(source_line(s))}" for n, s in enumerate(p.sources, 1)))


def _inputs(p: Params):
    """Every figure the params file states, as (what, shown value, number, the figure object, its words)."""
    s = p.size
    yield f"Market size {s.base.year}", figure(s.base), s.base.value, s.base, s.base.quote
    yield f"Market size {s.end.year}", figure(s.end), s.end.value, s.end, s.end.quote
    for cagr in filter(None, (s.cagr, *s.other_cagrs)):
        yield f"CAGR ({cagr_period(cagr)})", figure_pct(cagr), cagr.rate, cagr, cagr.quote
    for t in p.totals:
        yield f"Market size, {year_label(t.year if t.dated else None)}", figure(t), t.value, t, t.quote
    if p.volume is not None:
        v = p.volume
        for fig in (v.base, v.end):
            yield f"Volume {fig.year} ({v.unit})", figure(fig), fig.value, fig, fig.quote
        if v.cagr is not None:
            yield f"Volume CAGR ({cagr_period(v.cagr)})", figure_pct(v.cagr), v.cagr.rate, v.cagr, v.cagr.quote
    for b in p.breakdowns:
        for item in b.items:
            name = f"{b.label}: {item.name}"
            when = year_label(bd.item_year(p, b, item))
            if item.share is not None:
                yield f"{name}, share, {when}", figure_pct(item, "share"), item.share, item, item.quote_of("share")
            if item.value is not None:
                yield f"{name}, value, {when}", figure(item), item.value, item, item.quote_of("value")
            if item.cagr is not None:
                yield f"{name}, CAGR ({cagr_period(item.cagr)})", figure_pct(item.cagr), item.cagr.rate, item.cagr, \
                    item.cagr.quote
            if item.end is not None:
                yield f"{name}, value {item.end.year}", figure(item.end), item.end.value, item.end, item.end.quote
            for v in item.values:
                yield f"{name}, value {v.year}", figure(v), v.value, v, v.quote
            for c in item.claims:
                yield f"{name}, claim", c.claim, None, c, c.quote


def inputs_table(p: Params) -> Table:
    """Every input with its basis and the source's own words, or our rationale when we assumed it."""
    rows, kinds = [], []
    for what, shown, value, obj, quote in _inputs(p):
        note = f"\u201c{isolated(quote)}\u201d" if quote else ""
        if obj.rationale:
            note = f"{note} {isolated(obj.rationale)}".strip()
        rows.append({"Figure": what, "Value": Cell(value, shown) if value is not None else shown,
                     "Basis": basis_label(p, obj), "Source's words or our rationale": note or DASH})
        kinds.append("assumed" if obj.assumed else "")
    return Table(f"Inputs and their basis (values in {unit_label(p.market)})", rows, kinds)
